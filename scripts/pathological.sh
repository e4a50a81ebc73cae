#!/usr/bin/env bash
# Times the release binary on the pathological inputs (scripts/pathological.py):
# wall time, user time and peak memory of one `zaman extract` (or `zaman batch`) each.
#   scripts/pathological.sh [DIR]   (default: target/pathological)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-target/pathological}"
cargo build --release -q
python3 scripts/pathological.py "$dir" >/dev/null
bin=target/release/zaman
printf "%-28s %10s %8s %8s %9s %8s %s\n" input bytes wall_s user_s maxrss_MB timexes events
for f in "$dir"/*; do
  name=$(basename "$f")
  case "$name" in
    *.jsonl) cmd=("$bin" batch --quiet -j 1 --input "$f") ;;
    *) cmd=("$bin" extract "$f" --dct 2023-11-05 --compact) ;;
  esac
  /usr/bin/time -f "%e %U %M" -o "$dir/.time" "${cmd[@]}" >"$dir/.out" 2>/dev/null || true
  read -r wall user rss <"$dir/.time"
  counts=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); print(len(d.get("timexes",[])), len(d.get("events",[])), d.get("error",""))' "$dir/.out")
  printf "%-28s %10d %8s %8s %9d %s\n" "$name" "$(stat -c %s "$f")" "$wall" "$user" "$((rss / 1024))" "$counts"
done
rm -f "$dir/.time" "$dir/.out"
