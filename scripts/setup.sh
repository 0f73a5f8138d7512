#!/usr/bin/env bash
# Installs what the build and the tests need, and nothing that is already there.
# Safe to run again: each step checks first. Debian packages via apt-get, web tooling via npm ci.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
# Tools: checked by command, since some (node, npm) may come from outside Debian's archive.
need_command() {  # command package
  command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}
need_command cmake cmake
need_command ninja ninja-build
need_command g++ g++
need_command clang++ clang
need_command clang-format clang-format
need_command emcc emscripten
need_command chromium chromium
need_command node nodejs
need_command npm npm
# Libraries and data: checked as packages (python3-torch: PyTorch 1.13 for /usr/bin/python3, which
# runs the scripts of `playground torch` in tests/cli/torch.test.mjs).
for p in catch2 nlohmann-json3-dev libeigen3-dev libclang-rt-14-dev fonts-wqy-microhei python3-torch; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    "${missing[@]}" >/dev/null
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
