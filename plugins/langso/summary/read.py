"""Read a village summary (``lang-so.json``) from anywhere, treating it as hostile.

The portal (``langso portal``) reads one summary per village: from a folder it built, a folder CI
built, or a URL on someone else's host. :func:`read_summary` is the only door: bytes in, either a
checked dict (every string NFC) or messages out, never an exception. Checks, in order:

1. size ≤ :data:`MAX_SUMMARY_BYTES`;
2. UTF-8 (a leading byte-order mark is allowed);
3. nesting depth ≤ :data:`MAX_DEPTH` (counted before parsing: a ``[[[[…`` bomb cannot raise
   ``RecursionError``);
4. JSON (no ``NaN``/``Infinity``), an object;
5. ``dinh_dang`` is ``lang-so/tom-tat`` and ``phien_ban`` is :data:`VERSION` (the format's rule:
   additive changes keep the version, removals/renames bump it — docs/tom-tat-lang.md);
6. every string ≤ :data:`MAX_STRING` characters, every list ≤ :data:`MAX_ITEMS` items;
7. the JSON Schema ``lang-so.schema.json`` (2020-12, no ``format`` checks), with the path rule of
   every ``trang``/``u``/``dich`` explained (:func:`path_problem`).

Every message names ``where`` (a folder, file or URL as the portal file wrote it) and the JSON
path (``$.dia_diem[2].trang``), Vietnamese first then ``(en)`` English.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from langso.text import nfc

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "MAX_ITEMS",
    "MAX_STRING",
    "MAX_SUMMARY_BYTES",
    "SCHEMA_FILE",
    "SUMMARY_URI",
    "VERSION",
    "path_problem",
    "read_summary",
    "schema",
]

SUMMARY_URI = "lang-so.json"
"""Where a village site publishes its summary, relative to the site's root."""
MAX_SUMMARY_BYTES = 5 * 1024 * 1024
"""Largest summary read, bytes (a 1,000-page village writes about 400 KB)."""
MAX_DEPTH = 16
"""Deepest nesting of arrays/objects accepted (the format itself needs 5)."""
MAX_STRING = 2000
"""Longest string accepted, characters."""
MAX_ITEMS = 10_000
"""Longest list accepted, items."""
FORMAT = "lang-so/tom-tat"
VERSION = 1
SCHEMA_FILE = "lang-so.schema.json"
_MAX_MESSAGES = 20
_PATH_FIELDS = frozenset({"trang", "u", "dich"})
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[\]{}]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of version :data:`VERSION` (shipped as package data)."""
    text = resources.files("langso.summary").joinpath(SCHEMA_FILE).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def path_problem(path: str) -> str | None:
    """Why ``path`` is not a site-relative path (``dia-diem/dinh/``; ``""`` is the home page),
    as ``"vietnamese / english"``, or ``None`` when it is one."""
    if _SCHEME.match(path):
        return "có scheme (như `https:` hay `javascript:`) / has a scheme"
    if path.startswith("/"):
        return "bắt đầu bằng `/` / starts with `/`"
    if "\\" in path:
        return "có dấu `\\` / has a backslash"
    if _CONTROL.search(path):
        return "có ký tự điều khiển / has a control character"
    if ".." in path.split("/"):
        return "có `..` / has `..`"
    return None


def _message(where: str, at: str, vietnamese: str, english: str) -> str:
    place = f"{where}: {at}: " if at else f"{where}: "
    return f"{place}{vietnamese}\n    (en) {english}"


def _depth(text: str) -> int:
    """The deepest nesting of ``[``/``{`` outside strings (valid JSON or not)."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _json_path(parts: list[str | int]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in parts)


def _sizes(value: Any, parts: list[str | int], out: list[tuple[str, str, str]]) -> None:
    """Strings longer than :data:`MAX_STRING`, lists longer than :data:`MAX_ITEMS`."""
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            out.append(
                (
                    _json_path(parts),
                    f"chuỗi dài {len(value)} ký tự, tối đa {MAX_STRING}",
                    f"string of {len(value)} characters, at most {MAX_STRING}",
                )
            )
    elif isinstance(value, list):
        if len(value) > MAX_ITEMS:
            out.append(
                (
                    _json_path(parts),
                    f"danh sách có {len(value)} mục, tối đa {MAX_ITEMS}",
                    f"list of {len(value)} items, at most {MAX_ITEMS}",
                )
            )
            return
        for index, item in enumerate(value):
            _sizes(item, [*parts, index], out)
    elif isinstance(value, dict):
        for key, item in value.items():
            _sizes(item, [*parts, key], out)
            if len(out) > _MAX_MESSAGES:
                return


_PATTERN_WORDS: dict[str, tuple[str, str]] = {
    r"^\+?[0-9]+$": (
        "số gọi được chỉ gồm chữ số, có thể có `+` ở đầu, không dấu cách, ví dụ `+84300000001`",
        "a dialable number of digits only, maybe with a leading `+`, no spaces, e.g. "
        "`+84300000001`",
    ),
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": (
        "ngày dạng năm-tháng-ngày, ví dụ `2026-12-05`",
        "a date as year-month-day, e.g. `2026-12-05`",
    ),
    r"^https?://[^\u0000-\u0020\u007f]+/$": (
        "địa chỉ trang đầy đủ bắt đầu bằng `https://` (hoặc `http://`), không dấu cách, có `/` "
        "ở cuối, ví dụ `https://example.github.io/lang-so/`",
        "a full site address starting with `https://` (or `http://`), no spaces, ending in `/`, "
        "e.g. `https://example.github.io/lang-so/`",
    ),
    r"^(?![A-Za-z][A-Za-z0-9+.-]*:)(?!/)(?!.*\\)(?!(?:.*/)?\.\.(?:/|$))[^\u0000-\u001f\u007f]*$": (
        "đường dẫn trong trang, tính từ gốc trang, ví dụ `dia-diem/dinh-lang/`",
        "a path inside the site, from its root, e.g. `dia-diem/dinh-lang/`",
    ),
    r"^[0-9]{1,8}$": (
        "mã số gồm 1 đến 8 chữ số, ví dụ mã xã `15469`",
        "a code of 1 to 8 digits, e.g. the commune code `15469`",
    ),
    r"^[0-9]{1,4}$": (
        "mã số gồm 1 đến 4 chữ số, ví dụ mã tỉnh `38`",
        "a code of 1 to 4 digits, e.g. the province code `38`",
    ),
}
"""What each pattern of the schema expects, in words (a volunteer does not read regular
expressions); keyed by the pattern as the schema writes it."""


def _vi_int(value: int) -> str:
    """``5.242.880``: Vietnamese digit grouping."""
    return f"{value:,}".replace(",", ".")


_TYPES = {
    "string": "chuỗi",
    "number": "số",
    "integer": "số nguyên",
    "boolean": "true/false",
    "array": "danh sách",
    "object": "đối tượng",
    "null": "null",
}


def _explain(error: ValidationError) -> tuple[str, str]:
    """A schema error in words: (vietnamese, english)."""
    kind, value = error.validator, error.instance
    last = error.path[-1] if error.path else None
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (value or {})]
        names = ", ".join(f"`{k}`" for k in missing)
        return f"thiếu trường {names}", f"missing field {names}"
    if kind == "type":
        allowed = error.validator_value
        allowed = [allowed] if isinstance(allowed, str) else list(allowed)
        vi = " hoặc ".join(_TYPES.get(t, t) for t in allowed)
        return f"phải là {vi}", f"must be {' or '.join(allowed)}"
    if kind == "pattern" and last in _PATH_FIELDS and isinstance(value, str):
        reason = path_problem(value) or "không hợp lệ / not valid"
        vi, en = reason.split(" / ", 1)
        return (
            f"đường dẫn {json.dumps(value, ensure_ascii=False)[:80]} {vi}: phải là đường dẫn "
            "trong trang, tính từ gốc trang, ví dụ `dia-diem/dinh-lang/`",
            f"the path {en}: it must be relative to the site's root, e.g. `dia-diem/dinh-lang/`",
        )
    if kind == "pattern":
        shown = json.dumps(value, ensure_ascii=False)[:80]
        expected = _PATTERN_WORDS.get(str(error.validator_value))
        if expected is None:
            name = f"`{last}`" if isinstance(last, str) else "này"
            name_en = f"`{last}`" if isinstance(last, str) else "this field"
            expected = (f"đúng dạng của trường {name}", f"the form of {name_en}")
        return (
            f"giá trị {shown} không đúng dạng: cần {expected[0]}",
            f"value {shown} has the wrong form: expected {expected[1]}",
        )
    if kind in ("minimum", "maximum"):
        word = ("nhỏ nhất", "smallest") if kind == "minimum" else ("lớn nhất", "largest")
        limit = error.validator_value
        return (
            f"{value} vượt giới hạn ({word[0]} {limit})",
            f"{value} is out of range ({word[1]} {limit})",
        )
    if kind == "const":
        shown = json.dumps(error.validator_value, ensure_ascii=False)
        return f"phải là {shown}", f"must be {shown}"
    if kind == "oneOf":
        return "phải là null hoặc {vi_do, kinh_do}", "must be null or {vi_do, kinh_do}"
    return error.message, error.message


def _version(where: str, document: dict[str, Any]) -> str | None:
    """The one message for a document that is not a version-1 summary, else ``None``."""
    fmt, version = document.get("dinh_dang"), document.get("phien_ban")
    if fmt != FORMAT:
        shown = json.dumps(fmt, ensure_ascii=False)[:80]
        return _message(
            where,
            "$.dinh_dang",
            f"không phải tệp tóm tắt làng số (dinh_dang là {shown}, cần "
            f'"{FORMAT}"): kiểm tra địa chỉ trỏ đúng tới trang của một làng',
            f'not a village summary (dinh_dang is {shown}, expected "{FORMAT}"): check the '
            "address points at a village site",
        )
    if isinstance(version, bool) or not isinstance(version, int):
        shown = json.dumps(version, ensure_ascii=False)[:40]
        return _message(
            where,
            "$.phien_ban",
            f"phien_ban phải là số nguyên, ở đây là {shown}",
            f"phien_ban must be a whole number, here {shown}",
        )
    if version != VERSION:
        newer = version > VERSION
        return _message(
            where,
            "$.phien_ban",
            f"tệp tóm tắt phiên bản {version}, cổng này chỉ đọc phiên bản {VERSION}: "
            + (
                "cập nhật langso của cổng (pip install -U langso) rồi dựng lại cổng"
                if newer
                else "làng cần dựng lại trang bằng langso mới"
            ),
            f"summary version {version}, this portal reads only version {VERSION}: "
            + (
                "update the portal's langso (pip install -U langso) and rebuild the portal"
                if newer
                else "the village must rebuild its site with a current langso"
            ),
        )
    return None


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc(item) for item in value]
    if isinstance(value, dict):
        return {nfc(key): _nfc(item) for key, item in value.items()}
    return value


def read_summary(data: bytes, where: str) -> tuple[dict[str, Any] | None, list[str]]:
    """Parse and check one summary (see the module doc for the checks, in order).

    Args:
        data: the bytes of ``lang-so.json`` as read or downloaded (any size: refused above
            :data:`MAX_SUMMARY_BYTES` before decoding).
        where: the source as the volunteer wrote it (folder, file or URL), first in every message.

    Returns:
        ``(summary, [])`` with every string and key in NFC, or ``(None, messages)``: at most
        about 20 messages, each ``"<where>: <json path>: vietnamese\\n    (en) english"``.
    """
    if len(data) > MAX_SUMMARY_BYTES:
        return None, [
            _message(
                where,
                "",
                f"tệp {SUMMARY_URI} lớn hơn {MAX_SUMMARY_BYTES >> 20} MiB (giới hạn "
                f"{_vi_int(MAX_SUMMARY_BYTES)} byte) — không đọc",
                f"{SUMMARY_URI} is larger than {MAX_SUMMARY_BYTES >> 20} MiB (the limit is "
                f"{MAX_SUMMARY_BYTES:,} bytes) — not read",
            )
        ]
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as bad:
        return None, [
            _message(
                where,
                "",
                f"tệp {SUMMARY_URI} không phải văn bản UTF-8 (byte {bad.start} sai)",
                f"{SUMMARY_URI} is not UTF-8 text (bad byte at offset {bad.start})",
            )
        ]
    depth = _depth(text)
    if depth > MAX_DEPTH:
        return None, [
            _message(
                where,
                "",
                f"tệp {SUMMARY_URI} lồng sâu {depth} tầng, tối đa {MAX_DEPTH} — không đọc",
                f"{SUMMARY_URI} is nested {depth} levels deep, at most {MAX_DEPTH} — not read",
            )
        ]
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        return None, [
            _message(
                where,
                "",
                f"tệp {SUMMARY_URI} không phải JSON hợp lệ (dòng {error.lineno}, cột "
                f"{error.colno}: {error.msg})",
                f"{SUMMARY_URI} is not valid JSON (line {error.lineno}, column "
                f"{error.colno}: {error.msg})",
            )
        ]
    except (ValueError, RecursionError) as error:
        return None, [
            _message(
                where,
                "",
                f"tệp {SUMMARY_URI} không phải JSON hợp lệ ({error})",
                f"{SUMMARY_URI} is not valid JSON ({error})",
            )
        ]
    if not isinstance(document, dict):
        return None, [
            _message(
                where,
                "$",
                f"tệp {SUMMARY_URI} phải là một đối tượng JSON {{…}}",
                f"{SUMMARY_URI} must be a JSON object {{…}}",
            )
        ]
    refused = _version(where, document)
    if refused:
        return None, [refused]
    sizes: list[tuple[str, str, str]] = []
    _sizes(document, [], sizes)
    messages = [_message(where, at, vi, en) for at, vi, en in sizes]
    if not messages:
        document = _nfc(document)
        errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.path)))
        for found in errors:
            vi, en = _explain(found)
            messages.append(_message(where, found.json_path, vi, en))
    if len(messages) > _MAX_MESSAGES:
        rest = len(messages) - _MAX_MESSAGES
        messages = [
            *messages[:_MAX_MESSAGES],
            _message(where, "", f"và {rest} lỗi khác", f"and {rest} more problems"),
        ]
    return (None, messages) if messages else (document, [])
