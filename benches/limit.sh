#!/usr/bin/env bash
# zaman against the limit of the machine, in one run on the same bytes: `cat` (read the
# file), `wc -w` (one pass that finds every word) and zaman, reported as ratios.
#
#   benches/limit.sh                    # 20 MB generated news corpus (benches/gen_corpus.py)
#   LIMIT_CORPUS=x.jsonl benches/limit.sh   # the texts of an existing JSON Lines corpus
#
# Measures, best of LIMIT_RUNS runs each, one core (taskset -c 0 when present):
#   - the plain text of the corpus's documents, blank-line separated, as one file:
#     `cat FILE > /dev/null`, `wc -w FILE`, `zaman extract FILE --compact`
#   - the JSON Lines corpus: `zaman batch -j 1 --quiet` (MB/s counts the article text
#     only, as benches/peers/run.sh does)
#   - instructions (valgrind's callgrind, when installed and LIMIT_CALLGRIND=1) of `wc -w`
#     and `zaman extract` on the first 2 MB of the text
# Environment: LIMIT_SIZE [20MB], LIMIT_RUNS [5], LIMIT_CORPUS [generated], LIMIT_CALLGRIND [0].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/benches/out/limit
SIZE=${LIMIT_SIZE:-20MB}
RUNS=${LIMIT_RUNS:-5}
mkdir -p "$OUT"
cargo build --release --quiet --bin zaman
BIN=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zaman
CORPUS=${LIMIT_CORPUS:-$OUT/corpus-$SIZE.jsonl}
[ -s "$CORPUS" ] || python3 benches/gen_corpus.py --size "$SIZE" --out "$CORPUS" >&2
TEXT=$OUT/$(basename "$CORPUS" .jsonl).txt
python3 - "$CORPUS" "$TEXT" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
        if n:
            out.write("\n\n")
        out.write(json.loads(line)["text"])
PY
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)

python3 - "$BIN" "$CORPUS" "$TEXT" "$RUNS" "${PIN[@]}" <<'PY'
import json, os, subprocess, sys, time
binary, corpus, text, runs, pin = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5:]
text_bytes = os.path.getsize(text)
article_bytes = sum(len(json.loads(l)["text"].encode("utf-8")) for l in open(corpus, encoding="utf-8"))

def best(cmd, stdin=None):
    times = []
    for _ in range(runs + 1):  # the first run warms the page cache and is dropped
        t0 = time.perf_counter()
        with open(stdin or os.devnull, "rb") as i, open(os.devnull, "wb") as o:
            subprocess.run(pin + cmd, stdin=i, stdout=o, check=True)
        times.append(time.perf_counter() - t0)
    return min(times[1:])

rows = [
    ("cat", best(["cat", text]), text_bytes),
    ("wc -w", best(["wc", "-w", text]), text_bytes),
    ("zaman extract", best([binary, "extract", text, "--dct", "2021-04-13", "--compact"]), text_bytes),
    ("zaman batch -j 1", best([binary, "batch", "-j", "1", "--quiet", "--input", corpus]), article_bytes),
]
wc = rows[1][1]
print("== the limit: %.1f MB of text (%s), best of %d, one core" % (text_bytes / 1e6, os.path.basename(text), runs))
print("%-18s %9s %10s %12s" % ("command", "seconds", "MB/s", "x wc -w"))
for name, t, size in rows:
    print("%-18s %9.3f %10.1f %12.2f" % (name, t, size / 1e6 / t, t / wc))
PY

if [ "${LIMIT_CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
  head -c 2000000 "$TEXT" >"$OUT/head-2MB.txt"
  for cmd in "wc -w $OUT/head-2MB.txt" "$BIN extract $OUT/head-2MB.txt --dct 2021-04-13 --compact"; do
    ir=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $cmd 2>&1 >/dev/null | sed -n 's/.*Collected : //p')
    printf "instructions, 2 MB: %-12s %s\n" "${cmd%% *}" "$ir"
  done
fi
