"""Content files decoded one way: UTF-8 (BOM allowed), bounded, without control characters."""

from __future__ import annotations

import time

import pytest

from langso.problems import Problem
from langso.textfile import (
    DATA_MAX_BYTES,
    PAGE_MAX_BYTES,
    control_problems,
    decode_text,
    max_bytes,
)

PATH = "content/danh-ba/quan-a.yml"


def located(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in problems]


def test_utf8_with_and_without_bom() -> None:
    assert decode_text("ten: Quán Hòa\n".encode(), PATH) == ("ten: Quán Hòa\n", [])
    assert decode_text(b"\xef\xbb\xbf" + "ten: Quán\n".encode(), PATH) == ("ten: Quán\n", [])


def test_nfd_comes_back_nfc() -> None:
    text, problems = decode_text("Hòa".encode().replace("ò".encode(), b"o\xcc\x80"), PATH)
    assert (text, problems) == ("Hòa", [])


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_named(codec: str) -> None:
    text, problems = decode_text("ten: Quán A\nloai: cho\n".encode(codec), PATH)
    assert text is None
    assert len(problems) == 1
    assert problems[0].code == "file.encoding"
    message = problems[0].format()
    assert "UTF-16" in message
    assert "Notepad: File > Save As, Encoding: UTF-8" in message


def test_windows_1258_names_line_column_and_byte() -> None:
    # Windows-1258 writes ợ as ơ (0xF5) and a combining dot below (0xF2).
    data = "ten: Quan A\nghi_chu: Ch\u01a1\u0323 phiên\n".encode("cp1258")
    text, problems = decode_text(data, PATH)
    assert text is None
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:2: tệp không phải văn bản UTF-8: dòng 2, cột 12: byte 0xF5 "
        "không hợp lệ trong UTF-8 — có lẽ tệp được lưu bằng bảng mã cũ (Windows-1258, "
        "TCVN3/ABC, VNI) — lưu lại tệp với bảng mã UTF-8, ví dụ trong Notepad: File > Save As, "
        "ô Encoding chọn UTF-8, rồi Save (trong VS Code: bấm tên bảng mã ở góc dưới, Save with "
        "Encoding > UTF-8)\n"
        "    (en) the file is not UTF-8 text: line 2, column 12: byte 0xF5 is not valid UTF-8 — "
        "the file was probably saved in an old encoding (Windows-1258, TCVN3/ABC, VNI) — save "
        "the file again as UTF-8, e.g. in Notepad: File > Save As, Encoding: UTF-8, then Save "
        "(in VS Code: click the encoding in the status bar, Save with Encoding > UTF-8)"
    )


def test_vertical_tab_named_with_line_and_column() -> None:
    text, problems = decode_text("ten: Quán A\nghi_chu: Mở\x0bcửa\n".encode(), PATH)
    assert text is None
    assert problems[0].format() == (
        "content/danh-ba/quan-a.yml:2: có ký tự điều khiển vô hình U+000B (dấu xuống dòng mềm "
        "(tab dọc) mà Shift+Enter trong Word dán vào) ở cột 12 — xóa ký tự đó (đặt con trỏ ở "
        "cột 12, hoặc gõ lại cả dòng); muốn xuống dòng thì dùng phím Enter trong trình soạn "
        "thảo văn bản thường, không dán từ Word\n"
        "    (en) an invisible control character U+000B (a vertical tab, what Word's Shift+Enter "
        "pastes) at column 12 — delete it (put the cursor at column 12, or retype the whole "
        "line); for a new line press Enter in a plain-text editor rather than pasting from Word"
    )


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\x00", "U+0000 (the null character NUL)"),
        ("\x07", "U+0007 (the bell character BEL)"),
        ("\x1b", "U+001B (ESC (a terminal colour code))"),
        ("\x0c", "U+000C (a form feed, the page break Word's Ctrl+Enter pastes)"),
        ("\x7f", "U+007F (the DEL character)"),
        ("\x93", "U+0093 (a C1 control character, usually Windows-1252 text read wrongly)"),
        ("\x01", "U+0001 (a control character)"),
        ("\uffff", "U+FFFF (the non-character U+FFFF)"),
        # Invisible format characters (found by a new user: a bidi override in a name turned the
        # phone number after it backwards in the directory list).
        (
            "\u202e",
            "U+202E (a bidirectional control, which shows the text and numbers after it reversed)",
        ),
        (
            "\u2067",
            "U+2067 (a bidirectional control, which shows the text and numbers after it reversed)",
        ),
        ("\u200b", "U+200B (a zero-width space)"),
        ("\xad", "U+00AD (a soft hyphen)"),
        ("\ufeff", "U+FEFF (a byte order mark inside the text)"),
        ("\u2028", "U+2028 (a Unicode line separator)"),
        ("\u2029", "U+2029 (a Unicode paragraph separator)"),
    ],
)
def test_every_control_character_is_named(char: str, named: str) -> None:
    problems = control_problems(f"a\nbc{char}d\n", PATH)
    assert located(problems) == [(2, "text.control-character")]
    assert problems[0].params["char_en"] == named
    assert problems[0].params["column"] == 3


@pytest.mark.parametrize("text", ["a\tb\n", "a\r\nb\r\n", "a\rb", "Hòa \u00a0 😀 \x85 nhà\u200dx"])
def test_tab_newlines_and_printable_text_pass(text: str) -> None:
    assert control_problems(text, PATH) == []


def test_control_characters_counted_on_their_own_lines_and_capped() -> None:
    text = "a\x00\nb\n\x00c\x00\n" + "\x07" * 50
    problems = control_problems(text, PATH, first_line=5)
    assert [(p.line, p.params["column"]) for p in problems][:4] == [(5, 2), (7, 1), (7, 3), (8, 1)]
    assert len(problems) == 10


def test_size_limits() -> None:
    assert max_bytes("content/dia-diem/dinh.md") == PAGE_MAX_BYTES == 2_000_000
    assert max_bytes(PATH) == max_bytes("content/plaques-printed.txt") == DATA_MAX_BYTES
    text, problems = decode_text(b"a" * (DATA_MAX_BYTES + 1), PATH)
    assert text is None
    assert problems[0].format().splitlines()[1] == (
        "    (en) the file is too large (1 001 kB, at most 1 000 kB) — split it into smaller "
        "files, or check that nothing was pasted many times over"
    )
    page = b"# A\n" + b"a" * (DATA_MAX_BYTES + 1)
    assert decode_text(page, "content/a.md")[1] == []


def test_control_scan_is_linear() -> None:
    # A megabyte of text with a control character at the end: one pass, not one per line.
    text = "dòng chữ\n" * 100_000 + "\x00"
    start = time.perf_counter()
    problems = control_problems(text, PATH)
    assert time.perf_counter() - start < 0.5
    assert located(problems) == [(100_001, "text.control-character")]
