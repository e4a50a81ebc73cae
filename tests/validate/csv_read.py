"""Reads a CSV file with Python's csv module and prints JSON:
{"bom": whether the file starts with a UTF-8 byte order mark, "header": [...], "rows": [[...]]}.
The file is decoded as utf-8-sig, as a spreadsheet-aware reader does.
Usage: python csv_read.py FILE.csv"""
import csv
import json
import sys

with open(sys.argv[1], "rb") as f:
    bom = f.read(3) == b"\xef\xbb\xbf"
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, strict=True))
json.dump({"bom": bom, "header": rows[0], "rows": rows[1:]}, sys.stdout, ensure_ascii=False)
