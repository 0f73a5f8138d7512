#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test layer:
#   1. Catch2 unit tests (native, via CTest)
#   2. the same tests under AddressSanitizer + UndefinedBehaviorSanitizer, and the fuzzers
#      (expression parser, share-link codec) for a bounded time they share
#   3. node --test on the built wasm module and on the native CLI, and on the page's pure
#      TypeScript helpers (tests/web, bundled for node by esbuild)
#   4. browser tests: playwright-core driving /usr/bin/chromium against build/site
# and, before them, clang-format and Biome (format + lint), and the 900-line limit on every source
# file (scripts/check-source-size.mjs).
# Exits non-zero if anything failed; the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
passed=0
failed=0
log_dir=build/test-logs
fuzz_seconds=${FUZZ_SECONDS:-40}  # in total, shared evenly by the fuzzers, which run side by side

# How long each layer takes (seconds), printed at the end: the README quotes these.
timings=()
layer_name="setup and build"
layer_start=$SECONDS
layer() {  # $1 = the next layer's name: closes the current one
  timings+=("$layer_name $((SECONDS - layer_start)) s")
  layer_name=$1
  layer_start=$SECONDS
}

scripts/build.sh || { echo "setup or build failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p "$log_dir"

count_ctest() {  # $1 = log file: adds "N tests failed out of M" to the totals
  local line total bad
  line=$(grep -Eo '[0-9]+ tests failed out of [0-9]+' "$1" | tail -n 1)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  bad=${line%% tests*}
  total=${line##* }
  passed=$((passed + total - bad))
  failed=$((failed + bad))
}

count_node() {  # $1 = log file of node --test (TAP): "# pass N" / "# fail N"
  local p f
  p=$(grep -E '^# pass [0-9]+' "$1" | tail -n 1 | awk '{print $3}')
  f=$(grep -E '^# fail [0-9]+' "$1" | tail -n 1 | awk '{print $3}')
  if [ -z "$p" ]; then failed=$((failed + 1)); return; fi
  passed=$((passed + p))
  failed=$((failed + ${f:-0}))
}

layer "0. formatting"
echo "== 0. Formatting: clang-format on the C++ sources, Biome (format + lint) on the TypeScript;"
echo "      no source file over 900 lines"
if clang-format --dry-run --Werror $(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find core cli wasm tests -name '*.[ch]pp') \
     >"$log_dir/clang-format.log" 2>&1; then
  echo "clang-format: clean"; passed=$((passed + 1))
else
  head -n 20 "$log_dir/clang-format.log"; echo "clang-format: FAILED, see $log_dir/clang-format.log"; failed=$((failed + 1))
fi
if node_modules/.bin/biome ci --reporter=summary . >"$log_dir/biome.log" 2>&1; then
  echo "biome: clean"; passed=$((passed + 1))
else
  tail -n 20 "$log_dir/biome.log"; echo "biome: FAILED, see $log_dir/biome.log"; failed=$((failed + 1))
fi

if node scripts/check-source-size.mjs >"$log_dir/source-size.log" 2>&1; then
  echo "source size: $(cat "$log_dir/source-size.log")"; passed=$((passed + 1))
else
  cat "$log_dir/source-size.log"; echo "source size: FAILED"; failed=$((failed + 1))
fi

layer "1. Catch2"
echo "== 1. Catch2 (native)"
(cd build/native && ctest -j "$jobs" --output-on-failure) >"$log_dir/unit.log" 2>&1
tail -n 3 "$log_dir/unit.log"; count_ctest "$log_dir/unit.log"

layer "2. sanitizers and fuzzing (with their build)"
echo "== 2. Catch2 under ASan + UBSan, and the fuzzers (${fuzz_seconds} s in all)"
if [ ! -f build/asan/build.ninja ]; then
  # -O1 with line tables: what the sanitizers' reports need, and quicker to build than -O2 -g.
  CXX=clang++ cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
    -DPLAYGROUND_SANITIZE=ON -DPLAYGROUND_FUZZ=ON >/dev/null
fi
if cmake --build build/asan -j "$jobs" >"$log_dir/asan-build.log" 2>&1; then
  # The two learning-outcome tests (hundreds of epochs of a large network) take minutes under
  # ASan; their code paths run under ASan in the other learn tests, so they run natively only.
  slow_outcomes='MSE learns too|a larger ReLU network reaches'
  (cd build/asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest -j "$jobs" --output-on-failure -E "$slow_outcomes") >"$log_dir/asan.log" 2>&1
  tail -n 3 "$log_dir/asan.log"; count_ctest "$log_dir/asan.log"
  # The fuzzers run side by side, each for its share of the time: the same fuzzing in half the
  # wall time on two cores. A run fails on a crash, a sanitizer report, or an input that takes
  # longer than 60 s (a hang; generous, so that a busy machine does not trip it).
  fuzzers=()
  for fuzzer in build/asan/fuzz_*; do [ -x "$fuzzer" ] && fuzzers+=("$fuzzer"); done
  seconds_each=$((fuzz_seconds / (${#fuzzers[@]} > 0 ? ${#fuzzers[@]} : 1)))
  pids=()
  works=()
  for fuzzer in "${fuzzers[@]}"; do
    name=$(basename "$fuzzer")
    work=$(mktemp -d)
    works+=("$work")
    cp -r "tests/fuzz/corpus/${name#fuzz_}"/. "$work"/ 2>/dev/null
    "$fuzzer" -max_total_time="$seconds_each" -max_len=1200 -timeout=60 -artifact_prefix=/tmp/ \
      "$work" >"$log_dir/$name.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!fuzzers[@]}"; do
    name=$(basename "${fuzzers[$i]}")
    if wait "${pids[$i]}"; then
      echo "$name: no crash in ${seconds_each} s ($(grep -Eo 'Done [0-9]+ runs' "$log_dir/$name.log"))"
      passed=$((passed + 1))
    else
      echo "$name: FAILED, see $log_dir/$name.log"; failed=$((failed + 1))
    fi
    rm -rf "${works[$i]}"
  done
else
  echo "sanitizer build FAILED, see $log_dir/asan-build.log"; failed=$((failed + 1))
fi

layer "3. node tests"
echo "== 3. node --test on the wasm module and the CLI"
node --test tests/wasm/ tests/cli/ >"$log_dir/wasm.log" 2>&1
grep -E '^# (pass|fail)' "$log_dir/wasm.log"; count_node "$log_dir/wasm.log"
node scripts/web-tests.mjs >"$log_dir/web-unit.log" 2>&1
echo "page helpers:"; grep -E '^# (pass|fail)' "$log_dir/web-unit.log"; count_node "$log_dir/web-unit.log"

layer "4. browser tests"
echo "== 4. browser (playwright-core + chromium)"
# Two test files at a time: one waits on its browser while the other computes. No browser test
# compares a time with a limit, so sharing the cores changes nothing but the duration.
node --test --test-concurrency="${E2E_CONCURRENCY:-2}" tests/e2e/ >"$log_dir/e2e.log" 2>&1
grep -E '^# (pass|fail)' "$log_dir/e2e.log"; count_node "$log_dir/e2e.log"

layer ""
echo "time: $(IFS=,; echo "${timings[*]}" | sed 's/,/, /g'); in all $SECONDS s"
if [ "$failed" -ne 0 ]; then
  echo "failures: see the logs in $log_dir"
  grep -h -E '^not ok|\*\*\*Failed|FAILED' "$log_dir"/*.log | head -n 20
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
