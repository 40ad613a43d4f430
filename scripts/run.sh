#!/usr/bin/env bash
# Builds ConvStep (release) and runs it on its default example, the lecture's
# Ejemplo 1. Extra arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install_deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target convstep convstep_cli
exec ./build/release/app/convstep "$@"
