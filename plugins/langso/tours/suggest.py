"""What a tour's stop page is meant to be, when it is not a place of the site.

- :func:`suggest_page`: the page a mistyped ``trang`` most likely means (one close match).
- :func:`real_examples`: else a few real place pages to offer (never the path typed).
- :func:`typed_location`: the ``toa_do`` a page or service file has as typed, to tell "its own
  ``toa_do`` is wrong" from "it has none".
- :func:`guess_params`: the parameters of ``tour.stop-unknown``.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable

from langso.text import fold

__all__ = ["SUGGEST_CUTOFF", "guess_params", "real_examples", "suggest_page", "typed_location"]

SUGGEST_CUTOFF = 0.75
"""How close (``difflib`` ratio of the folded file names) a page must be to be suggested."""


def suggest_page(page: str, candidates: Iterable[str]) -> str | None:
    """The page of ``candidates`` a mistyped ``trang`` most likely means, or ``None``.

    Paths are compared without their extension, accents and case (:func:`langso.text.fold`):
    the same name is the answer (``dia-diem/dinh.m`` → ``dia-diem/dinh.md``); else the file
    name closest to the one typed, by ``difflib`` ratio at least :data:`SUGGEST_CUTOFF`, in the
    same folder first. A later candidate with the same name replaces an earlier one (pass the
    places last: a service is named by its ``.yml``).

    >>> suggest_page("dia-diem/dinh-lang.m", ["dia-diem/dinh-lang.md", "dia-diem/chua.md"])
    'dia-diem/dinh-lang.md'
    >>> suggest_page("dia-diem/khong-co.md", ["dia-diem/cong-lang.md"]) is None
    True
    """

    def key(path: str) -> str:
        return fold(posixpath.splitext(path.strip().lstrip("/"))[0])

    keyed = {key(uri): uri for uri in candidates}
    wanted = key(page)
    if wanted in keyed:
        return keyed[wanted]
    folder, name = posixpath.split(wanted)
    best: tuple[float, bool, str] | None = None
    for candidate in sorted(keyed):
        other_folder, other_name = posixpath.split(candidate)
        ratio = difflib.SequenceMatcher(None, name, other_name).ratio()
        score = (ratio, other_folder == folder, candidate)
        if ratio >= SUGGEST_CUTOFF and (best is None or score[:2] > best[:2]):
            best = score
    return keyed[best[2]] if best else None


def typed_location(text: str, markdown: bool) -> tuple[int, str] | None:
    """``(line, value)`` of the top-level ``toa_do`` a page's front matter (``markdown``) or a
    service file has, as typed (quotes removed); ``None`` when it has none."""
    lines = text.split("\n")
    if markdown:
        if not lines or lines[0].strip() != "---":
            return None
        end = next((i for i, row in enumerate(lines[1:], 1) if row.strip() == "---"), len(lines))
        lines = lines[:end]
    for number, row in enumerate(lines, 1):
        found = re.match(r"toa_do\s*:(.*)$", row)
        if found:
            return number, found.group(1).strip().strip("'\"")
    return None


def real_examples(page: str, places: Iterable[str], count: int = 3) -> list[str]:
    """Up to ``count`` place pages to offer for an unknown ``page``: those of its folder (else
    any), the closest file names first (:func:`langso.text.fold`, ``difflib`` ratio).

    >>> real_examples("dia-diem/khong-co.md", ["danh-ba/cho.yml", "dia-diem/cong.md"])
    ['dia-diem/cong.md']
    """
    folder, name = posixpath.split(fold(posixpath.splitext(page)[0]))
    pool = sorted(set(places))
    same = [uri for uri in pool if posixpath.dirname(fold(uri)) == folder]

    def closeness(uri: str) -> float:
        other = fold(posixpath.splitext(posixpath.basename(uri))[0])
        return -difflib.SequenceMatcher(None, name, other).ratio()

    return sorted(same or pool, key=lambda uri: (closeness(uri), uri))[:count]


def guess_params(page: str, guess: str | None, examples: list[str]) -> dict[str, str]:
    if guess:
        return {
            "page": page,
            "did_you_mean_vi": f" (có phải ý bạn là `{guess}`?)",
            "did_you_mean_en": f" (did you mean `{guess}`?)",
            "fix_vi": f"sửa thành `trang: '{guess}'`",
            "fix_en": f"change it to `trang: '{guess}'`",
        }
    if examples:
        listed = ", ".join(f"`{uri}`" for uri in examples)
        return {
            "page": page,
            "did_you_mean_vi": "",
            "did_you_mean_en": "",
            "fix_vi": "viết đường dẫn một trang có tọa độ đang có, tính từ thư mục nội dung,"
            f" ví dụ {listed}; hoặc dùng `ten` và `toa_do` cho một điểm không có trang",
            "fix_en": "write the path of an existing page with coordinates from the content"
            f" folder, e.g. {listed}; or use `ten` and `toa_do` for a point without a page",
        }
    return {
        "page": page,
        "did_you_mean_vi": "",
        "did_you_mean_en": "",
        "fix_vi": "trang web chưa có trang nào có tọa độ: thêm `toa_do` vào trang của điểm"
        " này, hoặc dùng `ten` và `toa_do` cho một điểm không có trang",
        "fix_en": "no page of the site has coordinates yet: add `toa_do` to this stop's page,"
        " or use `ten` and `toa_do` for a point without a page",
    }
