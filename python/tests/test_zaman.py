"""The Python package against the CLI: the same documents, formats, records and errors."""

import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import zaman

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
ZAMAN = os.environ.get("ZAMAN_BIN", str(ROOT / "target" / "release" / "zaman"))
ARTICLE = "../shared/samples/biden-putin-call-2021-04-13.txt"


def samples():
    paths = sorted((ROOT / "data" / "samples").glob("*.txt"))
    paths += sorted((SHARED / "samples").glob("*.txt"))
    assert len(paths) >= 4
    return [os.path.relpath(p, ROOT) for p in paths]


def cli(*args, stdin=b""):
    out = subprocess.run([ZAMAN, *args], cwd=ROOT, input=stdin, capture_output=True)
    return out.returncode, out.stdout, out.stderr.decode()


def read(path):
    return (ROOT / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", samples())
def test_extract_equals_the_cli(path):
    code, out, err = cli("extract", path)
    assert code == 0, err
    doc = zaman.extract(read(path), id=path)
    assert doc == json.loads(out)
    assert doc["schema"] == zaman.SCHEMA == "zaman/timeline-v1"
    assert len(doc["events"]) > 0


def test_extract_dct_and_policy():
    path = "data/samples/cairo-talks-2023-11-05.txt"
    for policy in ["news", "narrative", "colloquial"]:
        code, out, err = cli("extract", path, "--dct", "2023-11-06", "--policy", policy)
        assert code == 0, err
        doc = zaman.extract(read(path), dct="2023-11-06", policy=policy, id=path)
        assert doc == json.loads(out)
        assert doc["document"]["policy"] == policy
    doc = zaman.extract("وصل الوزير أمس", dct="2021-04-13")
    assert doc["document"]["id"] == "document"
    assert doc["timexes"][0]["value"] == "2021-04-12"
    assert doc["timexes"][0]["interval"] == {
        "start": "2021-04-12T00:00:00",
        "end": "2021-04-13T00:00:00",
    }


def test_week_start_as_the_cli():
    text = "أعلن الكرملين أن بوتين سيزور الصين الأسبوع المقبل."
    for week in [None, "sunday", "monday", "saturday"]:
        args = ["extract", "-", "--dct", "2025-08-31"]
        if week:
            args += ["--week-start", week]
        code, out, err = cli(*args, stdin=text.encode())
        assert code == 0, err
        doc = zaman.extract(text, dct="2025-08-31", id="stdin", week_start=week)
        assert doc == json.loads(out), week
    # a story from Moscow counts from Sunday (the Arabic press) unless told otherwise
    value = lambda doc: doc["timexes"][0]["value"]
    assert value(zaman.extract(text, dct="2025-08-31")) == "2025-W37"
    assert value(zaman.extract(text, dct="2025-08-31", week_start="monday")) == "2025-W36"
    [line] = zaman.batch([{"id": "a", "text": text, "dct": "2025-08-31"}], week_start="monday")
    assert value(line) == "2025-W36"
    with pytest.raises(ValueError, match="week_start"):
        zaman.extract(text, week_start="friday")


def test_bad_input_raises_value_error_with_the_cli_message():
    code, _, err = cli("extract", "--dct", "2021-02-30", "-", stdin="أمس".encode())
    assert code == 2
    with pytest.raises(ValueError) as e:
        zaman.extract("أمس", dct="2021-02-30")
    assert str(e.value) == err.strip().removeprefix("zaman: ")
    with pytest.raises(ValueError, match='unknown policy "fast"'):
        zaman.extract("أمس", policy="fast")
    with pytest.raises(TypeError):
        zaman.extract(b"bytes")
    doc = zaman.extract("أمس", dct="2021-04-13")
    with pytest.raises(ValueError, match='unknown format "pdf"'):
        zaman.render(doc, "pdf")
    with pytest.raises(ValueError, match="not a zaman/timeline-v1 document"):
        zaman.render({"schema": "other"}, "json")
    with pytest.raises(ValueError, match="text"):
        zaman.render(doc, "timeml")  # the TimeML export needs the article


@pytest.mark.parametrize("fmt", list(zaman.FORMATS))
def test_render_every_format_as_the_cli(fmt):
    path = "data/samples/cairo-talks-2023-11-05.txt"
    code, out, err = cli("extract", path, "--dct", "2023-11-05", "--format", fmt)
    assert code == 0, err
    text = read(path)
    doc = zaman.extract(text, dct="2023-11-05", id=path)
    assert zaman.render(doc, fmt, text) == out.decode("utf-8")


def test_formats_are_the_cli_list():
    code, out, _ = cli("formats")
    assert code == 0
    names = [line.split()[0] for line in out.decode().splitlines()]
    assert list(zaman.FORMATS) == names
    assert "html" in zaman.FORMATS and "vis" in zaman.FORMATS


def batch_input():
    records = []
    for i, path in enumerate(samples()):
        records.append({"id": path, "text": read(path)})
        if i == 0:
            records.append({"id": 7, "text": 3})
            records.append({"id": "bad-dct", "text": "أمس", "dct": "2021-13-01"})
            records.append({"text": "غدا", "dct": "2021-04-13"})
            records.append(["not", "an", "object"])
    records.append({"id": "last", "text": "غدا", "dct": "2021-04-13"})
    return records


def test_batch_equals_zaman_batch_in_order():
    records = batch_input()
    stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()
    code, out, err = cli("batch", "--quiet", "-j", "2", stdin=stdin)
    assert code == 1, err  # some records are error records
    expected = [json.loads(line) for line in out.decode().splitlines()]
    got = list(zaman.batch(iter(records), threads=2))
    assert got == expected
    assert got[1] == {"id": 7, "error": 'line 2: field "text" must be a string, found a number'}
    assert got[2]["id"] == "bad-dct" and got[2]["error"].startswith("line 3: invalid")
    assert got[3]["id"] is None and got[3]["timexes"][0]["value"] == "2021-04-14"
    assert got[4] == {"id": None, "error": "line 5: a record must be a JSON object, found an array"}
    assert got[-1]["id"] == "last"
    # small blocks give the same lines
    assert list(zaman.batch(records, threads=1, chunk=2)) == expected
    # a record that cannot be JSON is an error record in place
    odd = list(zaman.batch([{"id": "x", "text": object()}, {"id": "y", "text": "أمس"}]))
    assert odd[0]["id"] == "x" and odd[0]["error"].startswith("line 1: cannot be written as JSON")
    assert odd[1]["id"] == "y" and "error" not in odd[1]


def test_batch_is_lazy_and_rendering_a_batch_line_works():
    seen = []

    def records():
        for i in range(5):
            seen.append(i)
            yield {"id": i, "text": "وصل الوزير أمس", "dct": "2021-04-13"}

    it = zaman.batch(records(), chunk=2)
    first = next(it)
    assert first["id"] == 0 and seen == [0, 1]
    assert zaman.render(first, "json", compact=True).startswith('{"schema":"zaman/timeline-v1"')
    assert [d["id"] for d in it] == [1, 2, 3, 4]


def test_extraction_releases_the_gil():
    text = read(ARTICLE) * 100
    done = []
    ticks = []

    def work():
        zaman.extract(text, dct="2021-04-13")
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    while t.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    t.join()
    assert done == [True]
    # the main thread kept running Python while the other extracted
    assert len(ticks) > 5


def test_events_frame():
    pd = pytest.importorskip("pandas")
    doc = zaman.extract(read(ARTICLE), dct="2021-04-13")
    frame = zaman.events_frame(doc)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == zaman.EVENT_COLUMNS
    assert len(frame) == len(doc["events"])
    names = {a["id"]: a["name"] for a in doc["actors"]}

    def value(x):  # pandas shows a missing value as NaN
        return None if not isinstance(x, list) and pd.isna(x) else x

    for row, e in zip(frame.itertuples(index=False), doc["events"]):
        assert row.id == e["id"] and row.kind == e["kind"]
        assert value(row.date) == e["time"]["value"]
        assert value(row.agent) == names.get(e["agent"])
        assert row.participants == [names[p] for p in e["participants"]]
        evidence = e["content"] or e["trigger"]
        assert row.evidence == evidence["text"]
    call = frame[frame.kind == "call"].iloc[0]
    assert call.date == "2021-04-13"
    assert "بايدن" in call.agent or any("بايدن" in p for p in call.participants)


def test_timexes_frame():
    pytest.importorskip("pandas")
    text = read(ARTICLE)
    doc = zaman.extract(text, dct="2021-04-13")
    frame = zaman.timexes_frame(doc)
    assert list(frame.columns) == zaman.TIMEX_COLUMNS
    assert len(frame) == len(doc["timexes"])
    for row in frame.itertuples(index=False):
        assert text[row.span_start : row.span_end] == row.text
    assert "2021-04-13" in set(frame.value)


def test_frames_need_pandas(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pip install pandas"):
        zaman.events_frame({"events": []})


def test_typed_package():
    package = Path(zaman.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()
    assert (package / "_zaman.pyi").exists()
    assert zaman.extract.__doc__ and "GIL" in zaman.extract.__doc__
