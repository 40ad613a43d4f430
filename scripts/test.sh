#!/usr/bin/env bash
# Builds and runs every test twice: in the release build, and in the debug
# build under AddressSanitizer and UndefinedBehaviorSanitizer; then fuzzes
# the file readers for a bounded time. Warnings are errors here, as in CI.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install_deps.sh
jobs="$(nproc)"
for preset in release asan; do
  echo "== ${preset}: configure and build"
  cmake --preset "$preset" -DCONVSTEP_WERROR=ON >/dev/null
  cmake --build --preset "$preset" -j"$jobs"
  echo "== ${preset}: tests"
  ctest --preset "$preset" -j"$jobs"
done

# The monkey tester once more under AddressSanitizer and UBSan, with the
# day's seed (ctest above runs it with fixed seeds): random user actions on
# the real window, the document and the view checked after each. A break or
# a sanitizer report fails the run, leaving the seed and the script that
# reproduces it in build/asan/monkey/. MONKEY_SEED and MONKEY_ACTIONS (per
# preset, 300: about 20 s each) override them.
seed="${MONKEY_SEED:-$(date +%Y%m%d)}"
mkdir -p build/asan/monkey
for preset in ejemplo1 siete_filtros large_64x64x3 imagen_bordes; do
  echo "== monkey: ${MONKEY_ACTIONS:-300} actions on ${preset}, seed ${seed}"
  (cd build/asan/monkey && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    xvfb-run -a -s "-screen 0 1280x800x24" ../app/convstep --monkey "${MONKEY_ACTIONS:-300}" --seed "$seed" \
    --preset "$preset" --monkey-out "failure-${preset}-${seed}.json" --monkey-log 2>"${preset}-${seed}.log" \
    || { tail -n 30 "${preset}-${seed}.log"; exit 1; })
done

# The readers of users' files under libFuzzer: 15 s a target, ten targets,
# about two and a half minutes in all; any crash, leak or sanitizer report
# fails the run.
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" bash scripts/fuzz.sh
