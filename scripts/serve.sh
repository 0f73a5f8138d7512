#!/usr/bin/env bash
# Installs what is missing, builds, and serves the playground on http://127.0.0.1:${PORT:-8080}/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh  # installs what is missing first
exec node scripts/static-server.mjs build/site "${PORT:-8080}"
