#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and prints what each did.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The stable toolchain is
# enough: RUSTC_BOOTSTRAP lets cargo-fuzz pass its instrumentation flags, and
# sanitizers are off (`-s none`); panics, aborts, timeouts and out-of-memory
# are still caught. New corpus entries go to target/fuzz-corpus/, the
# committed seeds in fuzz/corpus/ are only read; crashes land in
# fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none >/dev/null
printf '%-16s %12s %10s %8s  %s\n' target execs exec/s corpus result
for target in "${targets[@]}"; do
  work="target/fuzz-corpus/$target"
  mkdir -p "$work"
  log="target/fuzz-$target.log"
  if cargo fuzz run -s none "$target" "$work" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and fuzz/artifacts/$target)"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "$work" -type f | wc -l)
  printf '%-16s %12s %10s %8s  %s\n' "$target" "${execs:-?}" "${rate:-?}" "$corpus" "$result"
done
