"""Vietnamese and English words for pydantic's own error types (issue 12).

:func:`langso.schema.validate` turns most errors into message kinds of their own (missing,
unknown, empty, not text …) and the project's validators raise :func:`langso.schema.invalid` with
bilingual text. What is left are the errors pydantic raises from the constraints declared on a
field (``max_length=8``, ``pattern=…``, ``Literal[…]``, ``ge=…``, URL types …). Pydantic words
those in English only; here each type a volunteer can meet gets a Vietnamese sentence, its English
twin and a concrete fix built from the error's ``ctx`` (the limit, the allowed values), so no
English text ever reaches the Vietnamese half of a message.

The error types and their ``ctx`` keys are pydantic-core's
(https://docs.pydantic.dev/latest/errors/validation_errors/).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["shown_value", "translate"]

MAX_SHOWN = 60
"""Longest value quoted back in a message; longer ones are cut with ``…``."""


def shown_value(text: str) -> str:
    """``text`` as quoted in a message: at most :data:`MAX_SHOWN` characters, cut with ``…``."""
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _or_list(expected: str, word: str) -> str:
    """Pydantic's ``'a', 'b' or 'c'`` with ``or`` in the reader's language."""
    head, sep, last = expected.rpartition(" or ")
    return f"{head} {word} {last}" if sep else expected


_Words = dict[str, str]
_Rule = Callable[[str, str, Mapping[str, Any]], _Words]


def _too_long_text(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    limit = ctx.get("max_length")
    return {
        "vi": f"`{field}` dài quá {limit} ký tự: `{value}` có {len(value)} ký tự",
        "en": f"`{field}` is longer than {limit} characters: `{value}` has {len(value)}",
        "fix_vi": f"rút gọn còn tối đa {limit} ký tự",
        "fix_en": f"shorten it to at most {limit} characters",
    }


def _too_short_text(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    limit = ctx.get("min_length")
    return {
        "vi": f"`{field}` ngắn quá: `{value}` có {len(value)} ký tự, cần ít nhất {limit}",
        "en": f"`{field}` is too short: `{value}` has {len(value)} characters, at least "
        f"{limit} are needed",
        "fix_vi": f"viết đủ ít nhất {limit} ký tự",
        "fix_en": f"write at least {limit} characters",
    }


def _pattern(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    return {
        "vi": f"`{value}` không đúng dạng của `{field}`",
        "en": f"`{value}` is not in the form `{field}` takes",
        "fix_vi": f"viết theo mẫu của `{field}` trong tài liệu",
        "fix_en": f"follow the sample of `{field}` in the docs",
    }


def _too_many(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    limit, count = ctx.get("max_length"), ctx.get("actual_length")
    return {
        "vi": f"`{field}` có {count} mục, nhiều hơn {limit}",
        "en": f"`{field}` has {count} items, more than {limit}",
        "fix_vi": f"giữ tối đa {limit} mục",
        "fix_en": f"keep at most {limit} items",
    }


def _too_few(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    limit, count = ctx.get("min_length"), ctx.get("actual_length")
    return {
        "vi": f"`{field}` có {count} mục, cần ít nhất {limit}",
        "en": f"`{field}` has {count} items, at least {limit} are needed",
        "fix_vi": f"thêm cho đủ {limit} mục, mỗi mục một dòng bắt đầu bằng `- `",
        "fix_en": f"give at least {limit} items, each on a line starting with `- `",
    }


def _number(kind_vi: str, kind_en: str, example: str) -> _Rule:
    def rule(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
        return {
            "vi": f"`{value}` không phải {kind_vi}",
            "en": f"`{value}` is not {kind_en}",
            "fix_vi": f"viết {kind_vi} bằng chữ số, ví dụ `{field}: {example}`",
            "fix_en": f"write {kind_en} in digits, e.g. `{field}: {example}`",
        }

    return rule


def _bound(key: str, vi: str, en: str) -> _Rule:
    def rule(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
        limit = ctx.get(key)
        return {
            "vi": f"`{field}` là {value}, nhưng phải {vi} {limit}",
            "en": f"`{field}` is {value} but must be {en} {limit}",
            "fix_vi": f"viết một số {vi} {limit}",
            "fix_en": f"write a number {en} {limit}",
        }

    return rule


def _choice(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    expected = str(ctx.get("expected", ""))
    return {
        "vi": f"`{value}` không phải giá trị dùng được cho `{field}`",
        "en": f"`{value}` is not a value `{field}` accepts",
        "fix_vi": f"dùng một trong: {_or_list(expected, 'hoặc')}",
        "fix_en": f"use one of: {expected}",
    }


def _url(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    return {
        "vi": f"`{value}` không phải địa chỉ trang web",
        "en": f"`{value}` is not a web address",
        "fix_vi": "chép đủ địa chỉ từ thanh địa chỉ của trình duyệt, bắt đầu bằng https://",
        "fix_en": "copy the whole address from the browser's address bar, starting with https://",
    }


def _yes_no(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    return {
        "vi": f"`{value}` không phải là có hoặc không",
        "en": f"`{value}` is not yes or no",
        "fix_vi": "viết `có` hoặc `không`",
        "fix_en": "write `có` (yes) or `không` (no)",
    }


def _date(field: str, value: str, ctx: Mapping[str, Any]) -> _Words:
    return {
        "vi": f"`{value}` không phải một ngày có thật",
        "en": f"`{value}` is not a real date",
        "fix_vi": "viết ngày/tháng/năm, ví dụ '01/05/2026' (hoặc '2026-05-01')",
        "fix_en": "write day/month/year, e.g. '01/05/2026' (or '2026-05-01')",
    }


_RULES: dict[str, _Rule] = {
    "string_too_long": _too_long_text,
    "string_too_short": _too_short_text,
    "string_pattern_mismatch": _pattern,
    "too_long": _too_many,
    "too_short": _too_few,
    "int_parsing": _number("một số nguyên", "a whole number", "12"),
    "int_from_float": _number("một số nguyên", "a whole number", "12"),
    "int_parsing_size": _number("một số nguyên", "a whole number", "12"),
    "float_parsing": _number("một số", "a number", "19.98"),
    "decimal_parsing": _number("một số", "a number", "19.98"),
    "finite_number": _number("một số", "a number", "19.98"),
    "greater_than": _bound("gt", "lớn hơn", "greater than"),
    "greater_than_equal": _bound("ge", "từ", "at least"),
    "less_than": _bound("lt", "nhỏ hơn", "less than"),
    "less_than_equal": _bound("le", "không quá", "at most"),
    "multiple_of": _bound("multiple_of", "là bội số của", "a multiple of"),
    "literal_error": _choice,
    "enum": _choice,
    "url_parsing": _url,
    "url_scheme": _url,
    "url_syntax_violation": _url,
    "url_too_long": _url,
    "url_type": _url,
    "bool_parsing": _yes_no,
    "date_parsing": _date,
    "date_from_datetime_parsing": _date,
    "date_from_datetime_inexact": _date,
    "datetime_parsing": _date,
    "datetime_from_date_parsing": _date,
}


_SHOWS_SAMPLE = frozenset({"string_too_long", "string_too_short", "string_pattern_mismatch"})
"""Types whose fix is clearer with the field's description (its shape and an example)."""


def translate(
    kind: str,
    field: str,
    value: str | None,
    ctx: Mapping[str, Any],
    *,
    description: str | None = None,
    english: str = "",
) -> _Words:
    """The ``field.invalid`` parameters (``vi``, ``en``, ``fix_vi``, ``fix_en``) for a pydantic
    error of type ``kind``.

    Args:
        kind: pydantic's error type (``string_too_long`` …).
        field: the dotted key the volunteer typed (``bieu_tuong``, ``dia_chi.thon``).
        value: the text typed, or ``None`` when the value is not one line of text.
        ctx: the error's ``ctx`` (``max_length``, ``expected`` …).
        description: the field's description in the schema (``Vietnamese. / English.``, with
            an example), added to the fix where it helps.
        english: pydantic's own message, shown in the English half for a type not listed.

    Returns:
        The four texts; a type not listed here gets a general Vietnamese sentence and
        pydantic's own English words in the English half only.
    """
    shown = shown_value(value if value is not None else "")
    rule = _RULES.get(kind)
    if rule is not None:
        words = rule(field, shown, ctx)
    else:
        where = f" `{shown}`" if value is not None else ""
        words = {
            "vi": f"giá trị{where} của `{field}` không hợp lệ",
            "en": f"invalid value{where} for `{field}` ({english or kind})",
            "fix_vi": f"viết theo mẫu của `{field}` trong tài liệu",
            "fix_en": f"follow the sample of `{field}` in the docs",
        }
    if description and (rule is None or kind in _SHOWS_SAMPLE):
        # The schema's description, "Vietnamese. / English.", names the shape with an example.
        vi, _, en = description.partition(" / ")
        words["fix_vi"] += f" ({vi.strip().rstrip('.')})"
        if en.strip():
            words["fix_en"] += f" ({en.strip().rstrip('.')})"
    return words
