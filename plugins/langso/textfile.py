"""Content files read as text that cannot hurt: UTF-8 only, bounded in size, no control characters.

Every content file a volunteer edits (``danh-ba/*.yml``, ``village.yml``, ``categories.yml``,
``plaques.yml``, ``plaques-printed.txt``, Markdown pages) is decoded by :func:`decode_text`, so a
file saved in another encoding, a file far too big, or an invisible control character pasted from
a word processor is a located message, never a traceback (issue 12, deliverable 2).

Limits (sizes of the file as saved, in bytes):

- :data:`DATA_MAX_BYTES`, 1 MB, for YAML data, front matter and the plaque record. The biggest
  real file, a village's ``plaques.yml`` or ``categories.yml``, holds a few kilobytes; 1 MB is a
  thousand times that and is still read in well under a second by PyYAML's pure-Python fallback.
- :data:`PAGE_MAX_BYTES`, 2 MB, for Markdown pages: a page is text a reader scrolls on a phone,
  and 2 MB is the text of a thick book (about 500 printed pages), far beyond any real page, while
  Python-Markdown's time on pathological input grows faster than the page.

Control characters: invisible format characters that no Vietnamese text needs (bidi controls, zero-
width spaces, soft hyphens, a BOM inside the text, Unicode line and paragraph separators: a bidi
override turns the phone number after it backwards), and the characters YAML 1.1 forbids in a
stream (PyYAML's ``Reader.NON_PRINTABLE``: C0 controls other than tab, line feed and carriage
return, DEL, C1 controls other than NEL, and U+FFFE/U+FFFF). The same set is refused in Markdown
pages: Python-Markdown passes NUL, ESC or a vertical tab into the HTML, where the HTML standard
forbids them ("control-character-in-input- stream"), and silently deletes U+0002/U+0003, the marks
of the HTML it sets aside; either way the page published is not the text the volunteer saw, who
could not see the character either.
"""

from __future__ import annotations

import re

from langso.problems import Problem
from langso.text import nfc

__all__ = [
    "DATA_MAX_BYTES",
    "PAGE_MAX_BYTES",
    "control_problems",
    "decode_text",
    "max_bytes",
    "size_problem",
    "thousands",
]

DATA_MAX_BYTES = 1_000_000
"""Largest YAML data file, front matter block or plaque record, in bytes (see the module doc)."""

PAGE_MAX_BYTES = 2_000_000
"""Largest Markdown page, in bytes (see the module doc)."""

_PAGE_SUFFIXES = (".md", ".markdown")

# PyYAML's reader.Reader.NON_PRINTABLE, inverted: what YAML refuses is what we refuse. Then the
# invisible format characters no Vietnamese text needs (see _INVISIBLE).
_CONTROL = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    "|[\xad\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)

_MAX_REPORTED = 10  # a file full of them needs one fix, not a thousand messages

# What a volunteer most likely pasted, for the characters that come from real tools.
_NAMES: dict[str, tuple[str, str]] = {
    "\x00": ("ký tự rỗng NUL", "the null character NUL"),
    "\x07": ("ký tự chuông BEL", "the bell character BEL"),
    "\x08": ("ký tự xóa lùi (Backspace)", "a backspace"),
    "\x0b": (
        "dấu xuống dòng mềm (tab dọc) mà Shift+Enter trong Word dán vào",
        "a vertical tab, what Word's Shift+Enter pastes",
    ),
    "\x0c": (
        "dấu ngắt trang mà Ctrl+Enter trong Word dán vào",
        "a form feed, the page break Word's Ctrl+Enter pastes",
    ),
    "\x1b": ("ký tự ESC (mã điều khiển màu của cửa sổ lệnh)", "ESC (a terminal colour code)"),
    "\x7f": ("ký tự DEL", "the DEL character"),
    # Invisible format characters (Unicode category Cf, and the two separators Zl, Zp). A bidi
    # control reorders what follows it: `Ebidi\u202egnp.exe` shows as "Ebidiexe.png", and the
    # phone number after it in a list reads backwards ("Trojan Source", CVE-2021-42574). The
    # others hide inside a word, so "dinh" no longer finds it. Zero-width joiner and non-joiner
    # (U+200C, U+200D) are kept: emoji sequences and other scripts need them.
    "\xad": ("dấu gạch nối mềm vô hình", "a soft hyphen"),
    "\u200b": ("dấu cách rộng 0 (không nhìn thấy)", "a zero-width space"),
    "\u2060": ("ký tự nối từ vô hình", "a word joiner"),
    "\ufeff": ("dấu BOM nằm giữa tệp", "a byte order mark inside the text"),
    "\u2028": ("dấu ngắt dòng Unicode", "a Unicode line separator"),
    "\u2029": ("dấu ngắt đoạn Unicode", "a Unicode paragraph separator"),
    "\ufffe": ("ký tự không hợp lệ U+FFFE", "the non-character U+FFFE"),
    "\uffff": ("ký tự không hợp lệ U+FFFF", "the non-character U+FFFF"),
}


_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def max_bytes(rel: str) -> int:
    """The size limit of the content file ``rel``: pages :data:`PAGE_MAX_BYTES`, else
    :data:`DATA_MAX_BYTES`."""
    return PAGE_MAX_BYTES if rel.lower().endswith(_PAGE_SUFFIXES) else DATA_MAX_BYTES


def size_problem(size: int, limit: int, rel: str, line: int | None = None) -> Problem | None:
    """A ``file.too-large`` problem when ``size`` bytes exceed ``limit``, else ``None``."""
    if size <= limit:
        return None
    params = {"size_kb": thousands(-(-size // 1000)), "limit_kb": thousands(limit // 1000)}
    return Problem(rel, line, "file.too-large", params=params)


def thousands(number: int) -> str:
    """``1 234``: thousands grouped by a space, readable in Vietnamese and English alike."""
    return f"{number:,}".replace(",", " ")


def _describe(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    vi, en = _NAMES.get(char, ("", ""))
    if not vi and char in _BIDI:
        vi = "ký tự đổi chiều chữ viết, làm chữ và số phía sau hiện ngược"
        en = "a bidirectional control, which shows the text and numbers after it reversed"
    if not vi:
        if "\x80" <= char <= "\x9f":
            vi = "ký tự điều khiển C1, thường do chữ Windows-1252 bị đọc sai"
            en = "a C1 control character, usually Windows-1252 text read wrongly"
        else:
            vi, en = "ký tự điều khiển", "a control character"
    return f"{code} ({vi})", f"{code} ({en})"


def control_problems(text: str, rel: str, first_line: int = 1) -> list[Problem]:
    """A ``text.control-character`` problem for each forbidden character in ``text`` (at most
    ten), located by line and column (1-based; ``first_line`` is the line of ``text``'s start).

    Linear in ``text``: one regex scan, and line numbers counted between the matches found.
    """
    problems: list[Problem] = []
    line, line_start, counted = first_line, 0, 0
    for match in _CONTROL.finditer(text):
        if len(problems) == _MAX_REPORTED:
            break
        start = match.start()
        newlines = text.count("\n", counted, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted, start) + 1
        counted = start
        vi, en = _describe(match.group())
        column = start - line_start + 1
        params = {"char_vi": vi, "char_en": en, "column": column}
        problems.append(Problem(rel, line, "text.control-character", params=params))
    return problems


def decode_text(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Decode the bytes of the content file ``rel`` as UTF-8 (a leading BOM is dropped) into NFC.

    Returns:
        ``(text, [])``, or ``(None, problems)`` when the file is larger than :func:`max_bytes`
        (``file.too-large``), is not UTF-8 (``file.encoding``, naming the line and byte and the
        encoding it looks like) or holds control characters (``text.control-character``).
    """
    too_large = size_problem(len(data), max_bytes(rel), rel)
    if too_large is not None:
        return None, [too_large]
    utf16 = _utf16(data)
    if utf16:
        return None, [_encoding_problem(rel, None, utf16)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        vi = (
            f"dòng {line}, cột {column}: byte 0x{byte:02X} không hợp lệ trong UTF-8 — có lẽ tệp "
            "được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI)"
        )
        en = (
            f"line {line}, column {column}: byte 0x{byte:02X} is not valid UTF-8 — the file was "
            "probably saved in an old encoding (Windows-1258, TCVN3/ABC, VNI)"
        )
        return None, [_encoding_problem(rel, line, (vi, en))]
    problems = control_problems(text, rel)
    if problems:
        return None, problems
    return nfc(text), []


def _utf16(data: bytes) -> tuple[str, str] | None:
    """How ``data`` looks like UTF-16 or UTF-32 (its BOM, or a zero byte in every other place of
    ASCII text, which is also valid UTF-8 and would read as NUL characters), else ``None``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "tệp được lưu bằng bảng mã UTF-16 (Unicode)", "the file is saved as UTF-16 (Unicode)"
    head = data[:200]
    if len(head) >= 4 and head.count(0) * 3 >= len(head):
        return "tệp có vẻ được lưu bằng bảng mã UTF-16", "the file looks saved as UTF-16"
    return None


def _encoding_problem(rel: str, line: int | None, detail: tuple[str, str]) -> Problem:
    return Problem(
        rel, line, "file.encoding", params={"detail_vi": detail[0], "detail_en": detail[1]}
    )
