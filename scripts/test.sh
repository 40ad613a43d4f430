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

# The readers of users' files under libFuzzer: 15 s a target, about a minute
# in all; any crash, leak or sanitizer report fails the run.
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" bash scripts/fuzz.sh
