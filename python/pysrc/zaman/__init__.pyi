"""Type stubs of zaman: Arabic news text to an event timeline."""

from typing import Any, Dict, Iterable, Iterator, List, Optional

import pandas

Document = Dict[str, Any]

__version__: str
SCHEMA: str
FORMATS: Dict[str, str]
EVENT_COLUMNS: List[str]
TIMEX_COLUMNS: List[str]

def extract(
    text: str,
    dct: Optional[str] = None,
    policy: str = "news",
    *,
    id: str = "document",
    week_start: Optional[str] = None,
) -> Document: ...
def render(
    doc: Document | str,
    format: str = "json",
    text: Optional[str] = None,
    *,
    compact: bool = False,
    bom: bool = False,
    entity: Optional[str] = None,
) -> str: ...
def batch(
    records: Iterable[Any],
    threads: int = 0,
    policy: str = "news",
    *,
    chunk: int = 256,
    week_start: Optional[str] = None,
) -> Iterator[Document]: ...
def events_frame(doc: Document) -> pandas.DataFrame: ...
def timexes_frame(doc: Document) -> pandas.DataFrame: ...
