#!/usr/bin/env bash
# End-to-end test of the Spark example: pyspark (from PyPI, in a venv) on a local[2]
# master pipes a generated JSON Lines dataset, with a few malformed records mixed in,
# through `zaman batch`, then checks that every record came back exactly once.
#
#   examples/spark/test.sh          # from anywhere; needs java (17+), python3, cargo
#
# Environment: PYSPARK_VERSION [4.3.0], SPARK_VENV [target/venv-spark], SIZE [3MB].
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
VENV=${SPARK_VENV:-$ROOT/target/venv-spark}
PYSPARK_VERSION=${PYSPARK_VERSION:-4.3.0}
SIZE=${SIZE:-3MB}
WORK=$ROOT/target/spark-test
command -v java >/dev/null || { echo "spark test: java not found (Spark needs Java 17+)" >&2; exit 2; }

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
cargo build --release --quiet --bin zaman
BIN=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zaman

rm -rf "$WORK"
mkdir -p "$WORK"
python3 benches/gen_corpus.py --size "$SIZE" --doc-kb 3 --out "$WORK/good.jsonl"
# malformed records among the good ones: they must come back as error records in place
python3 - "$WORK/good.jsonl" "$WORK/input.jsonl" <<'PY'
import json, sys
good = open(sys.argv[1], encoding="utf-8").read().splitlines()
bad = ['{"id": "broken", "text": ', '{"id": "no-text"}', '["not", "an", "object"]',
       '{"id": "bad-dct", "text": "قال الوزير أمس", "dct": "yesterday"}']
out = []
for i, line in enumerate(good):
    out.append(line)
    if i % 97 == 5:
        out.append(bad[i % len(bad)])
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
print("spark test: %d records (%d malformed)" % (len(out), len(out) - len(good)))
PY
export PYSPARK_PYTHON=$VENV/bin/python
"$VENV/bin/python" examples/spark/zaman_job.py --master 'local[2]' --partitions 4 \
    --input "$WORK/input.jsonl" --output "$WORK/output" --zaman "$BIN" 2>"$WORK/spark.log" \
    || { tail -n 40 "$WORK/spark.log" >&2; exit 1; }
# the part files hold exactly the input's records, in order
python3 - "$WORK/input.jsonl" "$WORK/output" <<'PY'
import glob, json, os, sys
ins = open(sys.argv[1], encoding="utf-8").read().splitlines()
outs = []
for part in sorted(glob.glob(os.path.join(sys.argv[2], "part-*"))):
    outs += open(part, encoding="utf-8").read().splitlines()
assert len(ins) == len(outs), (len(ins), len(outs))
for a, b in zip(ins, outs):
    try:
        want = json.loads(a).get("id")
    except (ValueError, AttributeError):
        want = None
    got = json.loads(b)
    assert got.get("id") == want, (want, got.get("id"))
docs = sum(1 for b in outs if '"schema"' in b)
print("spark test: output files hold %d lines in input order (%d documents, %d error records)"
      % (len(outs), docs, len(outs) - docs))
PY
