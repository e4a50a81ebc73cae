#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made at run time (fuzz/corpus is not committed).

Sources: the real article(s) in ../shared/samples, our own samples in data/samples,
and our own seeds in fuzz/seeds. Each text gives a whole-file seed and one seed per
paragraph; the extract target also gets the texts in Windows-1256 and UTF-16, and the
batch target gets them as JSON Lines. A libFuzzer dictionary of lexicon forms is
written to fuzz/lexicon.dict.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"
texts = []
for d in (root.parent / "shared" / "samples", root / "data" / "samples"):
    texts += [p.read_text(encoding="utf-8") for p in sorted(d.glob("*.txt"))]
if not texts:
    sys.exit("fuzz-seeds: no samples found")
own = root / "fuzz" / "seeds"
html = [p.read_bytes() for p in sorted(own.glob("*.html"))]
jsonl = [p.read_bytes() for p in sorted(own.glob("*.jsonl"))]

def pieces(text):
    yield text
    for para in text.split("\n\n"):
        if para.strip():
            yield para

seeds = {"normalize": [], "temporal": [], "extract": [], "batch": []}
for text in texts:
    for piece in pieces(text):
        raw = piece.encode("utf-8")
        seeds["normalize"].append(raw)
        # selector: policy = sel % 3, DCT = (sel / 3) % 3 (none, a date, a date-time)
        for sel in (0, 3, 4, 8):
            seeds["temporal"].append(bytes([sel]) + raw)
        seeds["extract"].append(b"\x00" + raw)
        seeds["batch"].append(b"\x00" + (json.dumps({"id": "s", "text": piece, "dct": "2021-04-13"}, ensure_ascii=False) + "\n").encode("utf-8"))
    short = text.split("\n\n")[1] if "\n\n" in text else text
    seeds["extract"].append(b"\x00" + short.encode("cp1256", errors="replace"))
    seeds["extract"].append(b"\x00" + short.encode("utf-16"))
    seeds["extract"].append(b"\x01" + short.encode("utf-8")[:-3] + b"\xff\xfe" + short.encode("utf-8")[-3:])
for h in html:
    seeds["extract"].append(b"\x00" + h)
    seeds["normalize"].append(h)
for j in jsonl:
    seeds["batch"].append(b"\x00" + j)
    seeds["batch"].append(b"\x01" + j + b"{\"id\":\"bad\",\"text\":\"\xff\xfe\"}\n")

for target, items in seeds.items():
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    for n, item in enumerate(items):
        (d / f"seed-{n:04}").write_bytes(item)

# dictionary: the first column of every lexicon file
forms = set()
for tsv in sorted((root / "data" / "lexicon").glob("*.tsv")):
    for line in tsv.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form = line.split("\t")[0].replace("-", " ")
            if form and len(form) < 30:
                forms.add(form)
with open(root / "fuzz" / "lexicon.dict", "w", encoding="utf-8") as f:
    for form in sorted(forms):
        f.write('"' + "".join(f"\\x{b:02x}" for b in form.encode("utf-8")) + '"\n')
print(f"fuzz-seeds: {sum(len(v) for v in seeds.values())} seeds, {len(forms)} dictionary words")
