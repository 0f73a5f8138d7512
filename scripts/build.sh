#!/usr/bin/env bash
# Builds everything into build/: the native CLI and tests (build/native), the wasm module
# (build/wasm) and the static site (build/site). Incremental: a second run only redoes what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
scripts/setup.sh

cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$jobs"

if [ ! -f build/wasm/build.ninja ]; then
  emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j "$jobs"

node_modules/.bin/tsc --noEmit -p web
node scripts/bundle.mjs
echo "build: native CLI build/native/playground, site build/site/index.html"
