"""Turn composed YAML (:mod:`langso.yamlsource`) into typed pydantic models, located problems.

Models declare fields under the ASCII Vietnamese keys volunteers type (``ten``, ``dien_thoai``
…) and receive every scalar as the text typed. Field types that need more than text parse it
themselves and raise :func:`invalid` with a bilingual message, so nothing is ever converted
silently (C-05 to C-07).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from langso.errortext import translate
from langso.problems import Problem
from langso.text import fold
from langso.textfile import decode_text
from langso.yamlsource import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    describe,
    line_of,
    parse_yaml,
    to_data,
)

__all__ = [
    "Model",
    "Text",
    "YesNo",
    "compose_yaml",
    "decode_text",
    "did_you_mean",
    "invalid",
    "parse_date",
    "read_text",
    "read_yaml",
    "validatable",
    "validate",
    "validate_list",
]

ModelT = TypeVar("ModelT", bound=BaseModel)


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are never coerced from types."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)

    @classmethod
    def despite_errors(cls, data: Any, context: dict[str, Any] | None) -> list[Any]:
        """Checks across fields worth making on the raw ``data`` when validation failed.

        Pydantic runs a model validator (``mode="after"``) only once every field is valid, so
        a mistake in one field would hide a mismatch between two others until it is fixed.
        :func:`validate` calls this on failure and reports what it returns (errors made by
        :func:`invalid` with ``field``) with the rest; a repeat of an error the model validator
        already raised is dropped. None by default.
        """
        return []


def invalid(
    vi: str, en: str, fix_vi: str, fix_en: str, *, field: str | None = None
) -> PydanticCustomError:
    """Return the error a validator raises for a value it cannot accept.

    Args:
        vi, en: what is wrong, in Vietnamese and in English.
        fix_vi, fix_en: how to fix it.
        field: where to report it, for a model validator checking several fields: a dotted
            path of keys and list indices (``dia_chi.xa``, ``dien_thoai.1``); field validators
            leave it out (pydantic knows their field).
    """
    context = {"vi": vi, "en": en, "fix_vi": fix_vi, "fix_en": fix_en}
    if field:
        context["field"] = field
    return PydanticCustomError("langso", "{en}", context)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Free text: kept exactly as typed (``No`` stays ``No``), surrounding spaces removed."""

_YES = {"co", "dung", "true", "yes", "x"}
_NO = {"khong", "sai", "false", "no"}


def _yes_no(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = fold(value)
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        raise invalid(
            f"`{value}` không phải là có hoặc không",
            f"`{value}` is not yes or no",
            "viết `có` hoặc `không`",
            "write `có` (yes) or `không` (no)",
        )
    return value


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
"""A yes/no field declared in the schema: ``có``/``không`` as well as ``true``/``false`` (C-07)."""


def parse_date(value: object) -> object:
    """Parse ``01/05/2026`` (the Vietnamese order), ``2026-05-01`` and similar into a date:
    :func:`langso.dates.parse_day`, which takes every form volunteers type.

    Raises:
        PydanticCustomError: for text that is not a real date (``30/02/2026``).
    """
    from langso.dates import parse_day  # here: langso.dates imports this module

    return parse_day(value)


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read the content file ``path`` with :func:`langso.textfile.decode_text` (UTF-8, bounded
    in size, no control characters): its NFC text, or ``None`` and located problems."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(rel, None, "file.missing")]
    return decode_text(data, rel)


def read_yaml(path: Path, rel: str) -> tuple[Node | None, list[Problem]]:
    """Read and compose the YAML file ``path`` (reported as ``rel``); see :func:`parse_yaml`."""
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    return compose_yaml(text, rel)


def compose_yaml(text: str, rel: str) -> tuple[Node | None, list[Problem]]:
    """Compose the YAML ``text`` of the file ``rel`` (see :func:`parse_yaml`); an empty file is a
    problem."""
    node, problems = parse_yaml(text, rel)
    if node is None and not problems:
        problems = [Problem(rel, 1, "yaml.empty")]
    return node, problems


RECOVERABLE = frozenset({"yaml.duplicate-key"})
"""YAML problems after which the document is still worth validating: the reader keeps the first
of two equal keys, so the file's other mistakes are listed in the same run (issue 12). Any other
problem (a value cut short, a second document …) would make validation report its consequences."""


def validatable(node: Node | None, problems: Iterable[Problem]) -> bool:
    """Whether the composed ``node`` can be validated despite the reading ``problems`` (all of
    them :data:`RECOVERABLE` or warnings); the problems themselves must still be reported."""
    return node is not None and all(
        problem.code in RECOVERABLE or problem.severity != "error" for problem in problems
    )


def validate(
    model: type[ModelT],
    node: Node | None,
    rel: str,
    *,
    context: dict[str, Any] | None = None,
    prefix: tuple[str | int, ...] = (),
    root: Node | None = None,
) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``node`` as ``model`` and translate every error into a located problem.

    Args:
        model: a :class:`Model` subclass.
        node: the composed YAML value.
        rel: repository-relative path for messages.
        context: pydantic validation context (e.g. the known category ids).
        prefix: where ``node`` sits inside ``root`` (for items of a list file).
        root: the whole document, for line look-ups; defaults to ``node``.

    Returns:
        ``(instance, [])`` when valid, otherwise ``(None, problems)`` with one problem per error.
    """
    root = node if root is None else root
    if not isinstance(node, Mapping):
        found_vi, found_en = describe(node)
        line = node.line if node is not None else 1
        code = "yaml.not-mapping"
        return None, [Problem(rel, line, code, params={"found_vi": found_vi, "found_en": found_en})]
    try:
        return model.model_validate(to_data(node), context=context), []
    except ValidationError as error:
        errors: list[Any] = error.errors(include_url=False)
        if issubclass(model, Model):
            extra = model.despite_errors(to_data(node), context)
            errors += [{"type": e.type, "loc": (), "ctx": e.context, "msg": ""} for e in extra]
        found = (_problem(model, err, node, rel, prefix, root or node) for err in errors)
        problems = list({problem.format(): problem for problem in found}.values())
        problems.sort(key=lambda p: p.line or 0)
        return None, problems


def _problem(
    model: type[BaseModel],
    err: Any,
    node: Mapping,
    rel: str,
    prefix: tuple[str | int, ...],
    root: Node,
) -> Problem:
    loc: tuple[str | int, ...] = tuple(err["loc"])
    kind: str = err["type"]
    ctx: dict[str, Any] = err.get("ctx") or {}
    if ctx.get("field"):
        extra = str(ctx["field"]).split(".")
        loc = (*loc, *(int(step) if step.isdigit() else step for step in extra))
    shaped = _text_shaped_prefix(model, loc)
    if shaped is not None:
        # A group under a field written as one line of text (``dong_cua: {a: b}``) is not a
        # model with missing parts: report the field once (duplicates are dropped), as text.
        loc, kind = shaped, "model_type"
    keys = [step for step in loc if isinstance(step, str)]
    field = ".".join(keys) or None
    full = prefix + loc
    value = _node_at(node, loc)
    found_vi, found_en = describe(value)
    found = {"found_vi": found_vi, "found_en": found_en}
    if kind == "missing":
        parent = line_of(root, prefix + loc[:-1])
        key = str(loc[-1])
        nested = len(loc) > 1
        params = {
            "key": key,
            "where_vi": f" vào mục bắt đầu ở dòng {parent}" if nested else "",
            "where_en": f" to the item starting on line {parent}" if nested else "",
        }
        return Problem(rel, parent, "field.missing", field, params)
    if kind == "extra_forbidden":
        return _unknown_field(model, loc, rel, line_of(root, full, key_line=True), field)
    line = line_of(root, full)
    if isinstance(value, Scalar) and value.null:
        return Problem(rel, line, "field.empty", field)
    if kind == "langso":
        message = {k: v for k, v in ctx.items() if k != "field"}
        return Problem(rel, line, "field.invalid", field, message)
    if kind in ("string_type", "bool_type", "float_type", "int_type", "date_type"):
        return Problem(rel, line, "field.not-text", field, found)
    if kind in ("list_type", "tuple_type"):
        return Problem(rel, line, "field.not-list", field, found)
    info = _field_info(model, loc)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if _written_as_text(info):
            # A value parsed from one line of text (``toa_do``, ``gio``, ``mo_cua`` …) arrives
            # as a list or a group: say it is text, and show that line.
            if isinstance(value, Sequence):
                return Problem(rel, line, "field.invalid", field, _list_as_text(loc, value))
            return Problem(rel, line, "field.not-text", field, found)
        return Problem(rel, line, "field.not-mapping", field, found)
    if kind == "string_too_short" and ctx.get("min_length", 1) <= 1:
        return Problem(rel, line, "field.empty", field)
    if isinstance(value, (Mapping, Sequence)) and kind not in ("too_long", "too_short"):
        # Only a list's length is judged on the list itself; any other error means a single
        # value was expected.
        return Problem(rel, line, "field.not-text", field, found)
    typed = value.text if isinstance(value, Scalar) else None
    description = info.description if info is not None else None
    words = translate(
        kind, field or "", typed, ctx, description=description, english=str(err.get("msg", ""))
    )
    return Problem(rel, line, "field.invalid", field, words)


def _field_info(model: type[BaseModel], loc: tuple[str | int, ...]) -> FieldInfo | None:
    """The declaration of the field at ``loc`` (keys and list indices), following nested
    models; ``None`` when ``loc`` names no declared field."""
    current: Any = model
    info: FieldInfo | None = None
    for step in loc:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None:
            return None
        info = next((f for n, f in fields.items() if (f.alias or n) == step), None)
        if info is None:
            return None
        current = _inner_model(info.annotation)
    return info


def _text_shaped_prefix(
    model: type[BaseModel], loc: tuple[str | int, ...]
) -> tuple[str | int, ...] | None:
    """The part of ``loc`` naming a field written as text (:func:`_written_as_text`) when the
    error lies inside that field's model, else ``None``."""
    for end in range(1, len(loc)):
        if isinstance(loc[end - 1], str) and _written_as_text(_field_info(model, loc[:end])):
            return loc[:end]
    return None


def _written_as_text(info: FieldInfo | None) -> bool:
    """Whether the field holds a model parsed from one line of text: such models keep the line
    as typed in a ``text`` field (``Coordinates``, ``TimeOfDay``, ``Hours``, ``Days`` …)."""
    inner = _inner_model(info.annotation) if info is not None else None
    return inner is not None and "text" in inner.model_fields


def _list_as_text(loc: tuple[str | int, ...], value: Sequence) -> dict[str, str]:
    """``field.invalid`` parameters for a list written where one line of text belongs, with
    the line to write instead (``toa_do: '19.98, 105.64'`` for ``toa_do: [19.98, 105.64]``)."""
    key = next((step for step in reversed(loc) if isinstance(step, str)), "")
    words = [item.text for item in value.items if isinstance(item, Scalar) and not item.null]
    joined = ", ".join(words).replace("'", "''")  # a single-quoted YAML value doubles its '
    line = f"`{key}: '{joined}'`" if words else f"`{key}: '...'`"
    return {
        "vi": f"`{key}` phải là một dòng chữ, nhưng lại là một danh sách",
        "en": f"`{key}` must be one line of text but is a list",
        "fix_vi": f"viết thành một dòng trong dấu nháy, không có dấu `[ ]` hay `- `: {line}",
        "fix_en": f"write it as one line in quotes, without `[ ]` or `- `: {line}",
    }


def _node_at(node: Node, loc: tuple[str | int, ...]) -> Node | None:
    current: Node | None = node
    for step in loc:
        if isinstance(current, Mapping) and isinstance(step, str) and step in current.entries:
            current = current.entries[step][1]
        elif isinstance(current, Sequence) and isinstance(step, int) and step < len(current.items):
            current = current.items[step]
        else:
            return current
    return current


def _known_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The keys accepted where ``loc`` points, following nested models."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", {})
        info = next((f for n, f in fields.items() if (f.alias or n) == step), None)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    fields = getattr(current, "model_fields", {})
    return [info.alias or name for name, info in fields.items()]


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _listing(names: Iterable[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def did_you_mean(
    name: str, known: Iterable[str], *, cutoff: float, fix_vi: str, fix_en: str
) -> dict[str, str]:
    """The parameters of an unknown-key message (``field.unknown``, ``frontmatter.unknown-key``):
    "did you mean `x`?" and "rename it to `x`" when a known name is close to ``name``
    (:func:`difflib.get_close_matches` with ``cutoff``), else no guess and ``fix_vi``/``fix_en``.
    """
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=cutoff)
    if close:
        return {
            "did_you_mean_vi": f" (có phải ý bạn là `{close[0]}`?)",
            "did_you_mean_en": f" (did you mean `{close[0]}`?)",
            "fix_vi": f"sửa thành `{close[0]}`",
            "fix_en": f"rename it to `{close[0]}`",
        }
    return {"did_you_mean_vi": "", "did_you_mean_en": "", "fix_vi": fix_vi, "fix_en": fix_en}


def _unknown_field(
    model: type[BaseModel],
    loc: tuple[str | int, ...],
    rel: str,
    line: int | None,
    field: str | None,
) -> Problem:
    name = str(loc[-1])
    known = _known_keys(model, loc)
    params = did_you_mean(
        name,
        known,
        cutoff=0.6,
        fix_vi=f"dùng một trong các trường: {_listing(known)}",
        fix_en=f"use one of the fields: {_listing(known)}",
    )
    return Problem(rel, line, "field.unknown", field, params)


IdentifiedT = TypeVar("IdentifiedT", bound=BaseModel)


def validate_list(
    model: type[IdentifiedT], node: Node, rel: str, duplicate_code: str
) -> tuple[list[tuple[int, Node, IdentifiedT]], list[Problem]]:
    """Validate each item of the list file ``node`` (``categories.yml``, ``plaques.yml``) as
    ``model``, whose instances have an ``id``.

    Returns:
        ``(items, problems)``: ``(index, item node, instance)`` for each valid item whose ``id``
        no earlier item has; the problems of the others, a ``duplicate_code`` problem (params
        ``id``, ``first_line``) at the line of each later item with an ``id`` already given, and
        ``yaml.not-list`` when ``node`` is not a list.
    """
    if not isinstance(node, Sequence):
        found_vi, found_en = describe(node)
        params: dict[str, Any] = {"found_vi": found_vi, "found_en": found_en}
        return [], [Problem(rel, node.line, "yaml.not-list", params=params)]
    items: list[tuple[int, Node, IdentifiedT]] = []
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(node.items):
        instance, item_problems = validate(model, item, rel, prefix=(index,), root=node)
        problems.extend(item_problems)
        if instance is None:
            continue
        key = str(getattr(instance, "id"))  # noqa: B009 - the models' common field
        if key in first_line:
            params = {"id": key, "first_line": first_line[key]}
            problems.append(Problem(rel, item.line, duplicate_code, "id", params))
            continue
        first_line[key] = item.line
        items.append((index, item, instance))
    return items, problems
