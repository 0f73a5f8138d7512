#!/usr/bin/env bash
# Builds everything into build/: the native CLI and tests (build/native), the wasm module
# (build/wasm), the static site (build/site) and the one-file offline page (build/offline).
# Incremental: a second run only redoes what changed.
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
node scripts/offline.mjs
echo "build: native CLI build/native/playground, site build/site/index.html, offline build/offline/optimizer-playground.html"
