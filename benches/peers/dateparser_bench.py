#!/usr/bin/env python3
"""Times dateparser's search_dates (Arabic) over a JSON Lines corpus, in one process.

    python dateparser_bench.py CORPUS.jsonl [WARMUP_DOCS]

Prints one line: dateparser: docs=N bytes=B seconds=S dates=D
"""
import datetime as dt
import json
import sys
import time

from dateparser.search import search_dates


def main():
    path = sys.argv[1]
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            base = dt.datetime.strptime(rec.get("dct", "2021-04-13")[:10], "%Y-%m-%d")
            docs.append((rec["text"], base))
    size = sum(len(t.encode("utf-8")) for t, _ in docs)

    def run(text, base):
        found = search_dates(
            text,
            languages=["ar"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
        )
        return len(found or [])

    for text, base in docs[:warmup]:
        run(text, base)
    dates = 0
    start = time.perf_counter()
    for text, base in docs:
        dates += run(text, base)
    seconds = time.perf_counter() - start
    print("dateparser: docs=%d bytes=%d seconds=%.3f dates=%d" % (len(docs), size, seconds, dates))


if __name__ == "__main__":
    main()
