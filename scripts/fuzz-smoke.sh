#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) each, one at a time on one job,
# after installing cargo-fuzz if it is missing and making the seed corpora.
#   scripts/fuzz-smoke.sh [SECONDS] [TARGET…]
# The machine has only stable Rust: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags.
# With FUZZ_SANITIZER=none the targets build without AddressSanitizer.
# A crash leaves its input in fuzz/artifacts/TARGET/ and fails this script. libFuzzer runs
# in-process: one job, one core (-jobs=N would fork workers logging to fuzz-N.log).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(normalize temporal extract batch)
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked --version 0.13.2
fi
cargo fuzz --version
python3 scripts/fuzz-seeds.py

sanitizer="${FUZZ_SANITIZER:-address}"
# optimized, with debug assertions and overflow checks (cargo-fuzz's default)
(cd fuzz && cargo fuzz build -s "$sanitizer")

for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s"
  log="fuzz/artifacts/$t.log"
  mkdir -p "fuzz/artifacts/$t"
  (cd fuzz && cargo fuzz run -s "$sanitizer" "$t" "corpus/$t" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=25 \
      -max_len=16384 -dict=lexicon.dict -print_final_stats=1) >"$log" 2>&1 || {
    echo "fuzz: $t FAILED; last lines of $log:" >&2
    tail -40 "$log" >&2
    exit 1
  }
  grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|stat::peak_rss_mb)" "$log" || true
  echo "fuzz: $t corpus $(ls "fuzz/corpus/$t" | wc -l) inputs"
done
