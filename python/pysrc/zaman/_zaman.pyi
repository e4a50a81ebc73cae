"""Type stubs of the native module zaman._zaman (PyO3)."""

from typing import List, Optional, Tuple

__version__: str
SCHEMA: str

def extract_json(
    text: str,
    dct: Optional[str] = None,
    policy: str = "news",
    id: str = "document",
    compact: bool = False,
    week_start: Optional[str] = None,
) -> str: ...
def render_json(
    doc_json: str,
    format: str,
    text: Optional[str] = None,
    compact: bool = False,
    bom: bool = False,
    entity: Optional[str] = None,
) -> str: ...
def formats() -> List[Tuple[str, str]]: ...

class Batcher:
    def __init__(
        self, threads: int = 0, policy: str = "news", week_start: Optional[str] = None
    ) -> None: ...
    def run(self, lines: List[Tuple[int, str]]) -> List[str]: ...
    @property
    def threads(self) -> int: ...
