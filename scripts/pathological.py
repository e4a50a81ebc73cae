#!/usr/bin/env python3
"""Writes the pathological inputs of docs/RELIABILITY.md into a directory.

  scripts/pathological.py OUT_DIR

News-like bulk text is our own data/samples repeated (never ../shared text).
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
news = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "data" / "samples").glob("*.txt")))

def sized(text, mb):
    n = mb * 1_000_000
    reps = n // len(text.encode("utf-8")) + 1
    s = (text + "\n\n") * reps
    b = s.encode("utf-8")[:n]
    return b.decode("utf-8", errors="ignore")

def write(name, text):
    (out / name).write_text(text, encoding="utf-8")

for mb in (1, 5, 50):
    write(f"news-{mb}mb.txt", sized(news, mb))
for mb in (1, 5):
    # one endless line: one paragraph, sentences split only at stops
    write(f"news-{mb}mb-one-line.txt", sized(news, mb).replace("\n", " "))
write("digits-1mb.txt", "7" * 1_000_000)
write("dates-100k-one-line.txt", "13 أبريل 2021، " * 100_000)
write("clitics-waw-10k.txt", "و" * 10_000)
write("clitics-ba-10k.txt", "ب" * 10_000)
write("clitics-mixed-10k.txt", "وبال" * 10_000 + "أمس")
write("no-spaces-1mb.txt", sized(news, 1).replace(" ", "").replace("\n", ""))
write("quotes-brackets.txt", "«" * 20_000 + "(" * 20_000 + "قال الوزير أمس" + ")" * 20_000 + "»" * 20_000
      + " " + "«قال " * 20_000 + "\"" * 20_000 + "[{" * 20_000)
bidi = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\ufeff"
write("bidi-1mb.txt", "".join(c + bidi[i % len(bidi)] for i, c in enumerate(sized(news, 1)[:400_000])))
controls = "".join(chr(c) for c in range(0, 32) if c not in (10,))
write("controls-nul-1mb.txt", "".join(c + (controls[i % len(controls)] if i % 3 == 0 else "") for i, c in enumerate(sized(news, 1)[:500_000])))
line = json.dumps({"id": "huge", "text": sized(news, 10).replace("\n", " "), "dct": "2023-11-05"}, ensure_ascii=False)
(out / "batch-10mb-line.jsonl").write_text(line + "\n", encoding="utf-8")
for p in sorted(out.iterdir()):
    print(f"{p.name}\t{p.stat().st_size}")
