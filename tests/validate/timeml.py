"""Parses a TimeML file with Python's XML parser (expat, through ElementTree) and prints
JSON: {"docid", "dct", "text": the text inside <TEXT> with the tags removed,
"timexes": [{"tid", "type", "value", "start", "end"}], "events": [{"eid", "class", "start", "end"}],
"makeinstance": n, "tlink": n, "slink": n}. Offsets are str indices (code points).
Usage: python timeml.py FILE.tml"""
import json
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "TimeML", root.tag
text_el = root.find("TEXT")
out = {"docid": root.findtext("DOCID"), "dct": None, "timexes": [], "events": []}
dct = root.find("DCT/TIMEX3")
if dct is not None:
    out["dct"] = dict(dct.attrib)

parts = []


def walk(el):
    """Collects text in document order and the offsets of TIMEX3/EVENT elements."""
    if el is not text_el:
        start = sum(len(p) for p in parts)
    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
        if child.tail:
            parts.append(child.tail)
    if el is not text_el and el.tag in ("TIMEX3", "EVENT"):
        end = sum(len(p) for p in parts)
        item = dict(el.attrib)
        item.update(start=start, end=end)
        out["timexes" if el.tag == "TIMEX3" else "events"].append(item)


walk(text_el)
out["text"] = "".join(parts)
assert out["text"] == "".join(text_el.itertext())
for tag in ("MAKEINSTANCE", "TLINK", "SLINK"):
    out[tag.lower()] = len(root.findall(tag))
json.dump(out, sys.stdout, ensure_ascii=False)
