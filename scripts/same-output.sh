#!/usr/bin/env bash
# Speed work must not change a single result. This script writes zaman's output on a fixed
# set of inputs and compares it byte for byte with a saved reference:
#
#   scripts/same-output.sh save  DIR   # write the reference with the current release build
#   scripts/same-output.sh check DIR   # build, run again, compare; exit 1 on any difference
#
# Inputs: the sample articles (every export format), the dev set's passages (when
# ../shared/devset is there), a generated 3 MB JSON Lines corpus and a 2 MB plain text
# (benches/gen_corpus.py, fixed seed: the same bytes on every machine) and the
# pathological inputs of scripts/pathological.py (huge tokens, long lines, mixed scripts).
# Typical use: `save` on main before a change, `check` after it.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
dir=${2:-}
[ -n "$mode" ] && [ -n "$dir" ] || { echo "usage: $0 save|check DIR" >&2; exit 2; }
cargo build --release -q --bin zaman
bin=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/release/zaman
inputs=target/same-output-inputs
mkdir -p "$inputs"
[ -s "$inputs/corpus.jsonl" ] || python3 benches/gen_corpus.py --size 3MB --out "$inputs/corpus.jsonl" >/dev/null
[ -s "$inputs/text.txt" ] || python3 benches/gen_corpus.py --plain-text --size 2MB --out "$inputs/text.txt" >/dev/null
[ -d "$inputs/pathological" ] || python3 scripts/pathological.py "$inputs/pathological" >/dev/null
if [ -d ../shared/devset ] && [ ! -s "$inputs/devset.jsonl" ]; then
  python3 ../shared/devset/gold_input.py ../shared/devset >"$inputs/devset.jsonl"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dct=2021-04-13
for f in ../shared/samples/*.txt; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .txt)
  for format in $("$bin" formats | awk '{print $1}'); do
    case "$format" in html | svg) continue ;; esac # these embed the build's version
    "$bin" extract "$f" --dct "$dct" --format "$format" >"$out/$name.$format" 2>&1 || true
  done
done
"$bin" batch -j 1 --quiet --input "$inputs/corpus.jsonl" >"$out/corpus.jsonl" 2>&1 || true
"$bin" extract "$inputs/text.txt" --dct "$dct" --compact >"$out/text.json" 2>&1 || true
[ -s "$inputs/devset.jsonl" ] && { "$bin" batch -j 1 --quiet --input "$inputs/devset.jsonl" >"$out/devset.jsonl" 2>&1 || true; }
for f in "$inputs"/pathological/*; do
  name=$(basename "$f")
  case "$name" in
    *.jsonl) "$bin" batch --quiet -j 1 --input "$f" >"$out/path-$name" 2>&1 || true ;;
    *) "$bin" extract "$f" --dct 2023-11-05 --compact >"$out/path-$name.json" 2>&1 || true ;;
  esac
done

case "$mode" in
  save)
    rm -rf "$dir" && mkdir -p "$dir" && cp "$out"/* "$dir"/
    echo "same-output: saved $(ls "$dir" | wc -l) outputs to $dir"
    ;;
  check)
    differ=0
    for f in "$dir"/*; do
      name=$(basename "$f")
      if ! cmp -s "$f" "$out/$name"; then
        echo "same-output: DIFFERENT $name"
        differ=1
      fi
    done
    if [ "$differ" = 0 ]; then
      echo "same-output: all $(ls "$dir" | wc -l) outputs identical to $dir"
    else
      exit 1
    fi
    ;;
  *) echo "usage: $0 save|check DIR" >&2; exit 2 ;;
esac
