#!/usr/bin/env bash
# Archive-scale throughput of `zaman batch`:
#   (1) corpus size: 10 MB, 100 MB, 1 GB of 3 KB news documents, at -j1 and -j2:
#       MB/s, documents/s and peak RSS (which must stay flat as the corpus grows);
#   (2) document length: the same total volume in documents of 1 KB … 1 MB, at -j1:
#       MB/s (cost linear in length = the same MB/s at every length) and peak RSS.
#
#   benches/scale_bench.sh                   # from anywhere; needs cargo and python3
#   SIZES="10MB 100MB" benches/scale_bench.sh
#
# Corpora come from benches/gen_corpus.py (fixed seed: every machine measures the same
# bytes) into benches/out/ (gitignored; 1 GB needs ~1.1 GB of disk). Each run is timed
# once after a warm-up read of the file; peak RSS from wait4(). 1 MB = 10^6 bytes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/benches/out
SIZES=${SIZES:-10MB 100MB 1GB}
LENGTHS=${LENGTHS:-1 10 100 1000}
LENGTH_TOTAL=${LENGTH_TOTAL:-20MB}
mkdir -p "$OUT"
cargo build --release --quiet --bin zaman
BIN=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zaman

# run BIN ARGS... -> "seconds peak_rss_kb" (output discarded)
measure() {
    python3 - "$@" <<'PY'
import os, sys, time
argv = sys.argv[1:]
null = [(os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0)]
t0 = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=null)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
code = os.waitstatus_to_exitcode(status)
if code not in (0, 1):
    sys.exit("scale_bench: %s exited %d" % (" ".join(argv), code))
print("%.3f %d" % (seconds, usage.ru_maxrss))
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo
echo "== corpus size (3 KB documents)"
printf "%-7s %-3s %10s %10s %12s %10s\n" size jobs seconds MB/s docs/s "RSS MiB"
for size in $SIZES; do
    corpus=$OUT/corpus-$size.jsonl
    [ -s "$corpus" ] && [ "$corpus" -nt benches/gen_corpus.py ] \
        || python3 benches/gen_corpus.py --size "$size" --doc-kb 3 --out "$corpus" >&2
    bytes=$(stat -c %s "$corpus")
    docs=$(wc -l <"$corpus")
    cat "$corpus" >/dev/null   # page cache
    for jobs in 1 2; do
        read -r secs rss < <(measure "$BIN" batch -j "$jobs" --quiet --input "$corpus")
        python3 -c "
b, d, s, r = $bytes, $docs, $secs, $rss
print('%-7s %-3s %10.2f %10.2f %12.0f %10.1f' % ('$size', $jobs, s, b / 1e6 / s, d / s, r / 1024))"
    done
done

echo
echo "== document length ($LENGTH_TOTAL in all at each length, -j1)"
printf "%-8s %6s %10s %10s %10s\n" doc-KB docs seconds MB/s "RSS MiB"
for kb in $LENGTHS; do
    corpus=$OUT/length-${kb}KB-$LENGTH_TOTAL.jsonl
    [ -s "$corpus" ] && [ "$corpus" -nt benches/gen_corpus.py ] \
        || python3 benches/gen_corpus.py --size "$LENGTH_TOTAL" --doc-kb "$kb" --out "$corpus" >&2
    bytes=$(stat -c %s "$corpus")
    docs=$(wc -l <"$corpus")
    cat "$corpus" >/dev/null
    read -r secs rss < <(measure "$BIN" batch -j 1 --quiet --input "$corpus")
    python3 -c "
b, d, s, r = $bytes, $docs, $secs, $rss
print('%-8s %6d %10.2f %10.2f %10.1f' % ('$kb', d, s, b / 1e6 / s, r / 1024))"
done
