#!/usr/bin/env bash
# End-to-end benchmarks of the `zaman` command (release build).
#
#   benches/cli_bench.sh            # from the repository root (or anywhere)
#
# Measures
#   (a) `zaman extract` on one multi-MB .txt file: single process, one core, MB/s;
#       twice: on the mixed synthetic text (dense in dates: ~6 timexes/KB) and on
#       a text of the real article's paragraphs only (~1.5 timexes/KB, like news)
#   (b) `zaman batch` over a ~10 MB JSON Lines corpus: MB/s and documents/s
#   (c) wall time of one `zaman extract` on the ~6 KB sample article, process
#       start-up included (median of LATENCY_RUNS runs, ms); also on an empty file
#       (start-up + lexicon only)
#   (d) peak RSS of each, from /usr/bin/time -v (or wait4() when it is missing)
#
# Needs only cargo and python3. Uses hyperfine for the timings when present,
# otherwise a python3 loop (posix_spawn + wait4, output to /dev/null).
# Inputs are generated into benches/out/ (gitignored) by benches/gen_corpus.py
# with a fixed seed, so every machine benchmarks the same bytes.
# 1 MB = 10^6 bytes throughout.
#
# Environment knobs (defaults in brackets):
#   CORPUS_SIZE [10MB]  TEXT_SIZE [8MB]  DOC_KB [3]
#   THROUGHPUT_RUNS [7]  LATENCY_RUNS [30]  PIN_CPU [unset: no pinning; e.g. 1 = taskset -c 1]
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/benches/out
CORPUS_SIZE=${CORPUS_SIZE:-10MB}
TEXT_SIZE=${TEXT_SIZE:-8MB}
DOC_KB=${DOC_KB:-3}
THROUGHPUT_RUNS=${THROUGHPUT_RUNS:-7}
LATENCY_RUNS=${LATENCY_RUNS:-30}
DCT=2021-04-13
mkdir -p "$OUT"

command -v cargo >/dev/null || { echo "cli_bench: cargo not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "cli_bench: python3 not found" >&2; exit 2; }

echo "== build (cargo build --release)"
cargo build --release --bin zaman
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
BIN=$TARGET_DIR/release/zaman
[ -x "$BIN" ] || { echo "cli_bench: $BIN missing after build" >&2; exit 2; }

PIN=()
if [ -n "${PIN_CPU:-}" ] && command -v taskset >/dev/null; then PIN=(taskset -c "$PIN_CPU"); fi

# ---------------------------------------------------------------- inputs
GEN=$ROOT/benches/gen_corpus.py
CORPUS=$OUT/corpus-$CORPUS_SIZE.jsonl
BIGTXT=$OUT/text-$TEXT_SIZE.txt
REALTXT=$OUT/text-$TEXT_SIZE-articles.txt
# regenerate when missing or older than the generator (the output is deterministic)
fresh() { [ -s "$1" ] && [ "$1" -nt "$GEN" ]; }
echo "== inputs"
fresh "$CORPUS" || python3 "$GEN" --size "$CORPUS_SIZE" --doc-kb "$DOC_KB" --out "$CORPUS"
fresh "$BIGTXT" || python3 "$GEN" --plain-text --size "$TEXT_SIZE" --doc-kb "$DOC_KB" --out "$BIGTXT"
fresh "$REALTXT" || python3 "$GEN" --plain-text --sample-share 1.0 --size "$TEXT_SIZE" --doc-kb "$DOC_KB" --out "$REALTXT"
ARTICLE=$ROOT/../shared/samples/biden-putin-call-2021-04-13.txt
if [ ! -s "$ARTICLE" ]; then
    ARTICLE=$(ls "$ROOT"/data/samples/*.txt 2>/dev/null | head -n1 || true)
fi
if [ -z "$ARTICLE" ] || [ ! -s "$ARTICLE" ]; then
    ARTICLE=$OUT/article-6KB.txt
    fresh "$ARTICLE" || python3 "$GEN" --plain-text --size 6KB --doc-kb 6 --out "$ARTICLE"
fi
EMPTY=$OUT/empty.txt
: >"$EMPTY"
CORPUS_BYTES=$(wc -c <"$CORPUS")
CORPUS_DOCS=$(wc -l <"$CORPUS")
BIG_BYTES=$(wc -c <"$BIGTXT")
REAL_BYTES=$(wc -c <"$REALTXT")
ARTICLE_BYTES=$(wc -c <"$ARTICLE")
echo "corpus   $CORPUS: $CORPUS_BYTES bytes, $CORPUS_DOCS documents"
echo "text     $BIGTXT: $BIG_BYTES bytes"
echo "text     $REALTXT: $REAL_BYTES bytes"
echo "article  $ARTICLE: $ARTICLE_BYTES bytes"

# sanity: the commands succeed and batch reports no failed record
"$BIN" extract "$ARTICLE" --dct "$DCT" --compact >"$OUT/article.json"
set +e
"$BIN" batch --input "$CORPUS" --output "$OUT/corpus.out.jsonl"
rc=$?
set -e
[ "$rc" -le 1 ] || { echo "cli_bench: zaman batch exited $rc" >&2; exit 1; }
FAILED=$(grep -c '"error"' "$OUT/corpus.out.jsonl" || true)
TIMEXES=$(python3 -c 'import json,sys
n=0
for l in open(sys.argv[1], encoding="utf-8"): n += len(json.loads(l).get("timexes", []))
print(n)' "$OUT/corpus.out.jsonl")
echo "batch    exit $rc, $FAILED failed records, $TIMEXES timexes"

# ---------------------------------------------------------------- timing
# timeit NAME RUNS WARMUP CMD... -> prints "median_s mean_s min_s max_s cpu_median_s" on stdout
timeit() {
    local name=$1 runs=$2 warmup=$3
    shift 3
    if command -v hyperfine >/dev/null; then
        local cmd
        cmd=$(printf '%q ' "$@")
        hyperfine --style none --warmup "$warmup" --runs "$runs" \
            --export-json "$OUT/hyperfine-$name.json" "$cmd" >&2
        python3 -c 'import json,sys
r=json.load(open(sys.argv[1]))["results"][0]
print(r["median"], r["mean"], r["min"], r["max"], r["user"]+r["system"])' "$OUT/hyperfine-$name.json"
    else
        python3 - "$runs" "$warmup" "$@" <<'PY'
import os, statistics, sys, time
runs, warmup, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
actions = [(os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
           (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)]
walls, cpus = [], []
for i in range(warmup + runs):
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    t1 = time.perf_counter()
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: batch had failed records (counted above)
        sys.exit(f"cli_bench: {' '.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    if i >= warmup:
        walls.append(t1 - t0)
        cpus.append(ru.ru_utime + ru.ru_stime)
print(statistics.median(walls), statistics.mean(walls), min(walls), max(walls), statistics.median(cpus))
PY
    fi
}

# peak RSS in KB of one run
peak_rss() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time-v.txt" || true
        awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-v.txt"
    else
        python3 - "$@" <<'PY'
import os, sys
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ,
                      file_actions=[(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0)])
print(os.wait4(pid, 0)[2].ru_maxrss)
PY
    fi
}

timer=python3-loop
command -v hyperfine >/dev/null && timer=hyperfine
echo "== timing ($timer; throughput runs $THROUGHPUT_RUNS, latency runs $LATENCY_RUNS${PIN:+, pinned: ${PIN[*]}})"

EXTRACT_CMD=("${PIN[@]}" "$BIN" extract "$BIGTXT" --dct "$DCT" --compact)
REAL_CMD=("${PIN[@]}" "$BIN" extract "$REALTXT" --dct "$DCT" --compact)
BATCH_CMD=("${PIN[@]}" "$BIN" batch --input "$CORPUS")
ARTICLE_CMD=("${PIN[@]}" "$BIN" extract "$ARTICLE" --dct "$DCT")
EMPTY_CMD=("${PIN[@]}" "$BIN" extract "$EMPTY" --dct "$DCT")

read -r ex_med ex_mean ex_min ex_max ex_cpu < <(timeit extract "$THROUGHPUT_RUNS" 1 "${EXTRACT_CMD[@]}")
read -r re_med re_mean re_min re_max re_cpu < <(timeit extract-articles "$THROUGHPUT_RUNS" 1 "${REAL_CMD[@]}")
read -r ba_med ba_mean ba_min ba_max ba_cpu < <(timeit batch "$THROUGHPUT_RUNS" 1 "${BATCH_CMD[@]}")
read -r ar_med ar_mean ar_min ar_max ar_cpu < <(timeit article "$LATENCY_RUNS" 3 "${ARTICLE_CMD[@]}")
read -r em_med em_mean em_min em_max em_cpu < <(timeit empty "$LATENCY_RUNS" 3 "${EMPTY_CMD[@]}")

ex_rss=$(peak_rss "${EXTRACT_CMD[@]}")
re_rss=$(peak_rss "${REAL_CMD[@]}")
ba_rss=$(peak_rss "${BATCH_CMD[@]}")
ar_rss=$(peak_rss "${ARTICLE_CMD[@]}")
em_rss=$(peak_rss "${EMPTY_CMD[@]}")

# ---------------------------------------------------------------- summary
python3 - "$OUT/summary.json" <<PY
import json, sys
mb = 1e6
r = {
  "machine": {"nproc": $(nproc), "cpu": """$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')""",
              "mem_kb": $(awk '/MemTotal/ {print $2}' /proc/meminfo), "timer": "$timer"},
  "extract_text": {"bytes": $BIG_BYTES, "median_s": $ex_med, "min_s": $ex_min, "max_s": $ex_max,
                   "cpu_s": $ex_cpu, "peak_rss_kb": $ex_rss},
  "extract_articles": {"bytes": $REAL_BYTES, "median_s": $re_med, "min_s": $re_min, "max_s": $re_max,
                       "cpu_s": $re_cpu, "peak_rss_kb": $re_rss},
  "batch": {"bytes": $CORPUS_BYTES, "docs": $CORPUS_DOCS, "median_s": $ba_med, "min_s": $ba_min,
            "max_s": $ba_max, "cpu_s": $ba_cpu, "peak_rss_kb": $ba_rss, "timexes": $TIMEXES},
  "article": {"bytes": $ARTICLE_BYTES, "median_s": $ar_med, "min_s": $ar_min, "max_s": $ar_max,
              "cpu_s": $ar_cpu, "peak_rss_kb": $ar_rss},
  "empty": {"median_s": $em_med, "min_s": $em_min, "max_s": $em_max, "cpu_s": $em_cpu, "peak_rss_kb": $em_rss},
}
json.dump(r, open(sys.argv[1], "w"), indent=2)
e, q, b, a, z = r["extract_text"], r["extract_articles"], r["batch"], r["article"], r["empty"]
def verdict(ok): return "meets target" if ok else "MISSES target"
ex_mbs = e["bytes"] / mb / e["median_s"]
re_mbs = q["bytes"] / mb / q["median_s"]
ba_mbs = b["bytes"] / mb / b["median_s"]
ms = a["median_s"] * 1e3
print()
print("== summary (1 MB = 10^6 bytes; medians; min..max in brackets)")
print(f"machine: {r['machine']['nproc']} cores, {r['machine']['cpu']}, {r['machine']['mem_kb']/1024/1024:.1f} GiB; timer {r['machine']['timer']}")
print(f"(a) extract {e['bytes']/mb:.1f} MB .txt   {ex_mbs:6.1f} MB/s wall [{e['bytes']/mb/e['max_s']:.1f}..{e['bytes']/mb/e['min_s']:.1f}], "
      f"{e['bytes']/mb/e['cpu_s']:.1f} MB/s per CPU-second   peak RSS {e['peak_rss_kb']/1024:.0f} MiB   "
      f"(mixed synthetic)   target >= 30 MB/s/core: {verdict(ex_mbs >= 30)}")
print(f"    extract {q['bytes']/mb:.1f} MB .txt   {re_mbs:6.1f} MB/s wall [{q['bytes']/mb/q['max_s']:.1f}..{q['bytes']/mb/q['min_s']:.1f}], "
      f"{q['bytes']/mb/q['cpu_s']:.1f} MB/s per CPU-second   peak RSS {q['peak_rss_kb']/1024:.0f} MiB   "
      f"(real-article paragraphs only)   target: {verdict(re_mbs >= 30)}")
print(f"(b) batch {b['bytes']/mb:.1f} MB JSONL     {ba_mbs:6.1f} MB/s, {b['docs']/b['median_s']:.0f} docs/s "
      f"({b['docs']} docs, {b['timexes']} timexes), {b['bytes']/mb/b['cpu_s']:.1f} MB/s per CPU-second   peak RSS {b['peak_rss_kb']/1024:.0f} MiB   "
      f"target >= 30 MB/s/core: {verdict(ba_mbs >= 30)}")
print(f"(c) extract {a['bytes']/1000:.1f} KB article  {ms:6.2f} ms [{a['min_s']*1e3:.2f}..{a['max_s']*1e3:.2f}] incl. start-up   "
      f"peak RSS {a['peak_rss_kb']/1024:.1f} MiB   target <= 20 ms: {verdict(ms <= 20)}")
print(f"    extract empty file    {z['median_s']*1e3:6.2f} ms [{z['min_s']*1e3:.2f}..{z['max_s']*1e3:.2f}] (start-up + lexicon)   "
      f"peak RSS {z['peak_rss_kb']/1024:.1f} MiB")
print(f"written: {sys.argv[1]}")
PY
