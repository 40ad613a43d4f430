#!/usr/bin/env bash
# Builds and runs every test twice: in the release build, and in the debug
# build under AddressSanitizer and UndefinedBehaviorSanitizer. Warnings are
# errors here, as in CI.
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
