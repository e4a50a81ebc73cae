"""zaman: Arabic news text to an event timeline.

Temporal expressions resolved to TIMEX3 values, actors, events (statements, calls,
appeals, meetings…) and their order, from the Rust library ``zaman``. Documents are plain
Python dicts with exactly the schema of ``zaman extract``'s JSON (``zaman/timeline-v1``).

>>> import zaman
>>> doc = zaman.extract("قال الرئيس الأمريكي جو بايدن أمس إن …", dct="2021-04-13")
>>> doc["timexes"][0]["value"]
'2021-04-12'
>>> html = zaman.render(doc, "html", text)            # every export format, as str
>>> for line in zaman.batch(records, threads=4): ...   # streamed, in order
>>> zaman.events_frame(doc)                           # pandas, one row per event
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Any, Dict, Iterable, Iterator, List, Optional

from . import _zaman

__all__ = [
    "FORMATS",
    "SCHEMA",
    "batch",
    "events_frame",
    "extract",
    "render",
    "timexes_frame",
]

__version__: str = _zaman.__version__
SCHEMA: str = _zaman.SCHEMA
#: The export formats of :func:`render`, as ``zaman formats`` lists them.
FORMATS: Dict[str, str] = dict(_zaman.formats())

Document = Dict[str, Any]


def extract(
    text: str,
    dct: Optional[str] = None,
    policy: str = "news",
    *,
    id: str = "document",
    week_start: Optional[str] = None,
) -> Document:
    """Extracts the document of one text.

    :param text: the article (HTML is detected and reduced to its text, as the CLI does).
    :param dct: the document creation time, ``YYYY-MM-DD`` or RFC 3339; ``None``
        infers it from the first full date of the opening.
    :param policy: ``"news"``, ``"narrative"`` or ``"colloquial"``.
    :param id: the document id written in ``doc["document"]["id"]``.
    :param week_start: ``"sunday"``, ``"monday"`` or ``"saturday"``: the first day of the
        week of «الأسبوع المقبل»; ``None`` (or ``"auto"``) follows the story's country,
        as the CLI's ``--week-start auto`` does.
    :returns: the document as dicts, the schema of ``zaman extract``'s JSON.
    :raises ValueError: an invalid DCT, policy or week start, with the CLI's message.

    The GIL is released while the text is extracted.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return json.loads(_zaman.extract_json(text, dct, policy, id, False, week_start))


def render(
    doc: Document,
    format: str = "json",
    text: Optional[str] = None,
    *,
    compact: bool = False,
    bom: bool = False,
    entity: Optional[str] = None,
) -> str:
    """Writes a document in any export format (see :data:`FORMATS`).

    :param doc: a document from :func:`extract` or :func:`batch` (or its JSON text).
    :param format: ``json``, ``dot``, ``graphml``, ``cytoscape``, ``timeml``, ``semeval``,
        ``csv``, ``svg`` (needs Graphviz ``dot``), ``vis``, ``timelinejs`` or ``html``.
    :param text: the original article; ``timeml`` needs it, ``csv`` and ``html`` show
        sentences and the annotated article with it.
    :param compact: JSON on one line; ``bom``: CSV with a byte order mark; ``entity``:
        SemEval timeline of one actor.
    :returns: the output, byte for byte what ``zaman extract --format FORMAT`` writes.
    :raises ValueError: an unknown format, a dict that is not a document, a format that
        needs the text, a text that does not match the document's spans.
    """
    if isinstance(doc, str):
        doc_json = doc
    else:
        doc_json = json.dumps(_without_batch_id(doc), ensure_ascii=False)
    return _zaman.render_json(doc_json, format, text, compact, bom, entity)


def _without_batch_id(doc: Document) -> Document:
    # a batch line carries the record's id in front of the document's own fields
    if "id" in doc and "schema" in doc:
        return {k: v for k, v in doc.items() if k != "id"}
    return doc


def batch(
    records: Iterable[Any],
    threads: int = 0,
    policy: str = "news",
    *,
    chunk: int = 256,
    week_start: Optional[str] = None,
) -> Iterator[Document]:
    """Extracts many documents, streamed in input order, as ``zaman batch`` does.

    :param records: an iterable of ``{"id", "text", "dct"?}`` dicts, read lazily,
        ``chunk`` at a time.
    :param threads: worker threads (0 = one per core).
    :param policy: as for :func:`extract`; ``week_start`` too (a record's own
        ``"week_start"`` field wins, as in the CLI).
    :returns: an iterator of dicts, one per record and in order: ``{"id": …, **document}``,
        or the CLI's error record ``{"id": …, "error": "line N: …"}`` for a bad record
        (N counts records from 1).

    The GIL is released while a block is extracted.
    """
    if chunk < 1:
        raise ValueError("chunk must be at least 1")
    runner = _zaman.Batcher(threads, policy, week_start)
    return _batch(runner, iter(records), chunk)


def _batch(runner: Any, records: Iterator[Any], chunk: int) -> Iterator[Document]:
    number = 0
    while True:
        block = list(islice(records, chunk))
        if not block:
            return
        out: List[Optional[Document]] = [None] * len(block)
        lines = []
        for i, record in enumerate(block):
            number += 1
            try:
                lines.append((i, number, json.dumps(record, ensure_ascii=False)))
            except (TypeError, ValueError) as e:
                rid = record.get("id") if isinstance(record, dict) else None
                try:
                    json.dumps(rid)
                except (TypeError, ValueError):
                    rid = None
                out[i] = {"id": rid, "error": f"line {number}: cannot be written as JSON: {e}"}
        results = runner.run([(n, line) for _, n, line in lines])
        for (i, _, _), line in zip(lines, results):
            out[i] = json.loads(line)
        for doc in out:
            yield doc  # type: ignore[misc]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # pragma: no cover - exercised without pandas
        raise ImportError(
            "zaman's DataFrames need pandas: pip install pandas (or pip install 'zaman[pandas]')"
        ) from e
    return pandas


EVENT_COLUMNS = [
    "id",
    "order",
    "kind",
    "cameo",
    "trigger",
    "date",
    "start",
    "end",
    "how",
    "agent",
    "agent_id",
    "participants",
    "initiator",
    "evidence",
    "span_start",
    "span_end",
    "negated",
    "same_as",
]

TIMEX_COLUMNS = [
    "id",
    "text",
    "span_start",
    "span_end",
    "type",
    "value",
    "mod",
    "start",
    "end",
    "granularity",
    "anchor",
]


def events_frame(doc: Document) -> Any:
    """A pandas DataFrame of the document's events, one row per event in text order.

    Columns: ``id``, ``order`` (timeline position, None for a later mention), ``kind``,
    ``cameo``, ``trigger``, ``date`` (the TIMEX3 value), ``start``/``end`` (its half-open
    interval), ``how``, ``agent`` (name), ``agent_id``, ``participants`` (names),
    ``initiator`` (name), ``evidence`` (the content said, else the trigger), ``span_start``/
    ``span_end`` (of the evidence, code points of the text), ``negated``, ``same_as`` (the
    first mention a later mention repeats).

    :raises ImportError: pandas is not installed.
    """
    pd = _pandas()
    names = {a["id"]: a["name"] for a in doc.get("actors", [])}
    timexes = {t["id"]: t for t in doc.get("timexes", [])}
    same_as = {
        r["from"]: r["to"] for r in doc.get("relations", []) if r.get("type") == "SAME_AS"
    }
    rows = []
    for e in doc.get("events", []):
        time = e.get("time") or {}
        timex = timexes.get(time.get("timex")) if time.get("timex") else None
        interval = (timex or {}).get("interval") or {}
        evidence = e.get("content") or e["trigger"]
        rows.append(
            {
                "id": e["id"],
                "order": e.get("order"),
                "kind": e["kind"],
                "cameo": e["cameo"],
                "trigger": e["trigger"]["text"],
                "date": time.get("value"),
                "start": interval.get("start"),
                "end": interval.get("end"),
                "how": time.get("how"),
                "agent": names.get(e.get("agent")),
                "agent_id": e.get("agent"),
                "participants": [names.get(p, p) for p in e.get("participants", [])],
                "initiator": names.get(e.get("initiator")),
                "evidence": evidence["text"],
                "span_start": evidence["span"][0],
                "span_end": evidence["span"][1],
                "negated": e.get("negated", False),
                "same_as": same_as.get(e["id"]),
            }
        )
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


def timexes_frame(doc: Document) -> Any:
    """A pandas DataFrame of the document's temporal expressions, one row each.

    Columns: ``id``, ``text``, ``span_start``/``span_end`` (code points), ``type``,
    ``value``, ``mod``, ``start``/``end`` (the half-open interval), ``granularity``,
    ``anchor``.

    :raises ImportError: pandas is not installed.
    """
    pd = _pandas()
    rows = []
    for t in doc.get("timexes", []):
        interval = t.get("interval") or {}
        rows.append(
            {
                "id": t["id"],
                "text": t["text"],
                "span_start": t["span"][0],
                "span_end": t["span"][1],
                "type": t["type"],
                "value": t.get("value"),
                "mod": t.get("mod"),
                "start": interval.get("start"),
                "end": interval.get("end"),
                "granularity": t.get("granularity"),
                "anchor": t.get("anchor"),
            }
        )
    return pd.DataFrame(rows, columns=TIMEX_COLUMNS)
