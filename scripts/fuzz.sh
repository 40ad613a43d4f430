#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, AddressSanitizer,
# UndefinedBehaviorSanitizer) and runs each for a bounded time, starting from
# fuzz/corpus/<name>. Fails on any crash, leak, timeout, sanitizer report or
# broken invariant, and leaves the input that caused it in
# build/fuzz/findings/<name>/. FUZZ_SECONDS sets the time per target (20).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-20}"
echo "== fuzz: configure and build"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"

status=0
for exe in build/fuzz/fuzz/convstep_*_fuzz; do
  name="$(basename "$exe")"
  name="${name#convstep_}"
  name="${name%_fuzz}"
  # A fresh working corpus each run: libFuzzer adds what it finds to the
  # first folder, and the seeds in the source tree stay as committed.
  corpus="build/fuzz/corpus/$name"
  findings="build/fuzz/findings/$name"
  log="build/fuzz/$name.log"
  rm -rf "$corpus" "$findings"
  mkdir -p "$corpus" "$findings"
  args=("$corpus")
  [ -d "fuzz/corpus/$name" ] && args+=("fuzz/corpus/$name")
  [ -f "fuzz/$name.dict" ] && args+=("-dict=fuzz/$name.dict")
  echo "== fuzz: $name for ${seconds} s"
  if "$exe" "${args[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$findings/" >"$log" 2>&1; then
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
    echo "$name: ${runs:-?} executions, no findings"
  else
    echo "$name: FAILED (log $log, input in $findings/):"
    grep -m 5 -E "ERROR|runtime error|broken promise|SUMMARY" "$log" || tail -n 20 "$log"
    status=1
  fi
done
exit "$status"
