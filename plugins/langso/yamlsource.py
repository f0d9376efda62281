"""Read volunteer-edited YAML keeping every value exactly as typed, with its line number.

A plain YAML loader turns ``0300000001`` into the integer 50331649, ``6:45`` into 405, ``No`` into
``False`` and silently keeps the last of two equal keys (``shared/cases`` C-05 to C-08). Here PyYAML
only *composes* the document into nodes; no scalar is ever converted. Each scalar arrives as the
text the volunteer typed (:class:`Scalar`), and the typed models decide what it means.

Also caught, each as a located :class:`~langso.problems.Problem`: Tab indentation, duplicate keys,
an unquoted ``: `` inside a value, and a ``#`` that would silently cut a plain value short (C-09);
a phone keyboard's look-alike of ``:`` or a non-breaking space around a key (an error), and a value
wrapped in curly quotes ``“…”`` (a warning; the value is kept as typed), see
:mod:`langso.yamllookalike`.

YAML that cannot hurt (issue 12): volunteer files need none of YAML's anchors (``&a``), aliases
(``*a``), merge keys (``<<``) or tags (``!!python/…``, ``!include``, ``!!str``). Nine aliases of
an anchor that holds nine aliases… grow nine times per level when expanded (a "billion laughs"
file of a few hundred bytes fills gigabytes), and tags are how YAML is made to run code. So the
document is composed here from PyYAML's event stream, in one pass that keeps no more than the
nodes it builds: anchors, aliases, merge keys and tags are refused before anything is expanded,
nesting stops at :data:`MAX_DEPTH` (PyYAML's own composer recurses once per level), and text
larger than :data:`langso.textfile.DATA_MAX_BYTES` or holding control characters is refused before
it is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import yaml

from langso.problems import Problem
from langso.text import nfc
from langso.textfile import DATA_MAX_BYTES, control_problems, size_problem
from langso.yamlcolon import missing_colon
from langso.yamllookalike import curly_quoted, lookalike_problems
from langso.yamlquote import unclosed_bracket, unclosed_quote
from langso.yamlrepair import later_problems

__all__ = [
    "MAX_DEPTH",
    "Mapping",
    "Node",
    "Scalar",
    "Sequence",
    "describe",
    "line_of",
    "parse_yaml",
    "to_data",
]

MAX_DEPTH = 20
"""Deepest nesting of groups and lists accepted; the deepest sample file needs 3 levels."""

_NULL_TAG = "tag:yaml.org,2002:null"
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML 1.1's null, as PyYAML resolves it
_MAX_REFUSED = 10  # one message per construct to remove, but not thousands for one bomb
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LEADING_WS = re.compile(r"^[ \t]*")
_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w]*):(?=['\"\w])")
_DOCUMENT_START = re.compile(r"^---(?:\s|$)")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?[^\s:#'\"][^:]*?):\s+(.*?)\s*$")


@dataclass(frozen=True)
class Scalar:
    """A scalar value as typed: ``text`` without quotes, ``null`` for ``~``, ``null`` or nothing."""

    text: str
    line: int
    quoted: bool = False
    null: bool = False


@dataclass(frozen=True)
class Mapping:
    """``key: value`` lines: each key maps to ``(key line, value node)``, in file order."""

    entries: dict[str, tuple[int, Node]]
    line: int


@dataclass(frozen=True)
class Sequence:
    """A list of nodes (``- item`` lines)."""

    items: list[Node] = field(default_factory=list)
    line: int = 1


Node: TypeAlias = Scalar | Mapping | Sequence
Data: TypeAlias = "str | dict[str, Data] | list[Data] | None"


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into nodes, keeping every scalar as typed; see :func:`_read_once`.

    When the text cannot be read, the slips after the first are looked for too
    (:func:`langso.yamlrepair.later_problems`), so one run lists them all (issue 13).
    """
    root, problems = _read_once(text, path, first_line)
    if root is None and problems:
        clean = nfc(text).removeprefix("\ufeff")
        problems += later_problems(
            clean, problems, first_line, lambda mended: _read_once(mended, path, first_line)
        )
    return root, problems


def _read_once(text: str, path: str, first_line: int = 1) -> tuple[Node | None, list[Problem]]:
    """Compose ``text`` into nodes, keeping every scalar as typed.

    Args:
        text: the YAML source; normalised to NFC here.
        path: repository-relative path used in problems.
        first_line: line number of the first line of ``text`` in its file (front matter starts
            below a ``---`` line).

    Returns:
        ``(root, problems)``. ``root`` is ``None`` for an empty document or when the text cannot be
        read at all; ``problems`` lists every mistake found, each with its line.
    """
    text = nfc(text).removeprefix("\ufeff")
    offset = first_line - 1
    too_large = size_problem(len(text.encode("utf-8", "surrogatepass")), DATA_MAX_BYTES, path)
    if too_large is not None:
        return None, [too_large]
    controls = control_problems(text, path, first_line)
    if controls:
        return None, controls
    lines = text.splitlines()
    tab_problems = [
        Problem(path, number + offset, "yaml.tab")
        for number, line in enumerate(lines, start=1)
        if "\t" in _LEADING_WS.match(line).group()  # type: ignore[union-attr]
    ]
    if tab_problems:
        # PyYAML's own complaint would repeat the first of these, less helpfully.
        return None, tab_problems
    lookalikes = lookalike_problems(lines, path, offset)
    if lookalikes:
        # `loai： x` is no key to PyYAML: it would blame the next line, without the cause.
        return None, lookalikes
    composer = _Composer(path, offset)
    try:
        documents = composer.compose(text)
    except yaml.MarkedYAMLError as error:
        if "maximum nesting depth" in (error.problem or ""):
            # libyaml's own limit (1000 flow levels), met while it scans ahead of our count.
            mark = error.problem_mark
            line = mark.line + 1 + offset if mark else None
            return None, [Problem(path, line, "yaml.too-deep", params={"limit": MAX_DEPTH})]
        return None, [_syntax_problem(error, lines, path, offset)]
    if composer.refused:
        return None, composer.refused
    if not documents:
        return None, []
    problems: list[Problem] = []
    if len(documents) > 1:
        problems.append(Problem(path, _separator_line(lines) + offset, "yaml.multiple-documents"))
    builder = _Builder(path, lines, offset, problems)
    return builder.build(documents[0], key=None), problems


class _Composer:
    """Compose PyYAML's events into nodes, refusing anchors, aliases, merge keys, tags and deep
    nesting (see the module docstring); linear in the text, never recursive.

    Attributes:
        refused: one problem per refused construct (at most ``_MAX_REFUSED``); with any, the
            nodes returned are incomplete and must not be used.
    """

    def __init__(self, path: str, offset: int) -> None:
        self.path = path
        self.offset = offset
        self.refused: list[Problem] = []

    def refuse(self, event: yaml.Event, code: str, params: dict[str, object]) -> None:
        mark: Any = event.start_mark  # C and Python parsers have their own Mark types
        line = int(mark.line) + 1 + self.offset
        problem = Problem(self.path, line, code, params=params)
        # Nine `*a` on one line need one message (Problems compare without their params).
        if not any(p == problem and p.params == params for p in self.refused[-_MAX_REFUSED:]):
            self.refused.append(problem)

    def compose(self, text: str) -> list[yaml.Node]:
        """Every document of ``text`` that is not empty, as PyYAML nodes.

        Raises:
            yaml.MarkedYAMLError: for text that is not YAML.
        """
        documents: list[yaml.Node] = []
        # Open collections: (node, its items) — a mapping's items are keys and values in turn.
        stack: list[tuple[yaml.CollectionNode, list[yaml.Node]]] = []
        items: list[yaml.Node] = documents
        for event in yaml.parse(text, Loader=_Loader):
            if len(self.refused) >= _MAX_REFUSED:
                break
            kind = type(event)  # scalars first: most events are scalars
            start: Any = event.start_mark
            node: yaml.Node
            if kind is yaml.ScalarEvent:
                assert isinstance(event, yaml.ScalarEvent)
                self.check_node(event)
                plain = event.style in (None, "")
                value = event.value
                # `<<` in a key's place (an even count of items so far in a mapping).
                in_mapping = bool(stack) and isinstance(stack[-1][0], yaml.MappingNode)
                if plain and value == "<<" and in_mapping and len(items) % 2 == 0:
                    self.refuse(event, "yaml.merge-key", {})
                tag = _NULL_TAG if plain and value in _NULLS else _STR_TAG
                end: Any = event.end_mark
                node = yaml.ScalarNode(tag, value, start, end, style=event.style)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                assert isinstance(event, yaml.CollectionStartEvent)
                self.check_node(event)
                if len(stack) >= MAX_DEPTH:
                    self.refuse(event, "yaml.too-deep", {"limit": MAX_DEPTH})
                    break
                items = []
                collection: yaml.CollectionNode
                if kind is yaml.MappingStartEvent:
                    collection = yaml.MappingNode(_MAP_TAG, [], start, None, event.flow_style)
                else:
                    collection = yaml.SequenceNode(_SEQ_TAG, items, start, None, event.flow_style)
                stack.append((collection, items))
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                node, done = stack.pop()
                node.end_mark = event.end_mark
                if isinstance(node, yaml.MappingNode):
                    node.value = list(zip(done[::2], done[1::2], strict=True))
                items = stack[-1][1] if stack else documents
            elif kind is yaml.AliasEvent:
                assert isinstance(event, yaml.AliasEvent)
                self.refuse(event, "yaml.alias", {"name": event.anchor})
                # Never expanded: an empty stand-in keeps keys and values paired.
                node = yaml.ScalarNode(_NULL_TAG, "", start, start)
            else:
                continue  # stream and document start and end
            items.append(node)
        return documents

    def check_node(self, event: yaml.ScalarEvent | yaml.CollectionStartEvent) -> None:
        """Refuse the anchor and the tag of a scalar or collection, if it has them."""
        if event.anchor is not None:
            self.refuse(event, "yaml.anchor", {"name": event.anchor})
        if event.tag:
            self.refuse(event, "yaml.tag", {"tag": _shown_tag(event.tag)})


def _shown_tag(tag: str) -> str:
    """The tag as typed: ``!!python/name:os.system`` for PyYAML's resolved long form."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def _separator_line(lines: list[str]) -> int:
    """The line of the ``---`` that starts a second document (1-based)."""
    markers = [n for n, line in enumerate(lines, start=1) if _DOCUMENT_START.match(line)]
    content = next(
        (n for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")),
        0,
    )
    # A file may open with its own `---`; the separator is then the next one.
    return next((n for n in markers if n > content), markers[-1] if markers else 1)


def _syntax_problem(
    error: yaml.MarkedYAMLError, lines: list[str], path: str, offset: int
) -> Problem:
    quote = unclosed_quote(error, lines, path, offset)
    if quote is not None:  # PyYAML stumbles lines below the slip (issue 17)
        return quote
    bracket = unclosed_bracket(error, lines, path, offset)
    if bracket is not None:  # `gio: [7:00` with no `]`: found lines below, like a quote
        return bracket
    colon = missing_colon(error, lines, path, offset)
    if colon is not None:  # `ten 'A'` run on into the next line's key
        return colon
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    detail = (error.problem or "").strip()
    if detail.startswith("mapping values are not allowed") and line is not None:
        # The commonest slip: `title: Đình làng: lịch sử` (an unquoted ": " inside a value).
        source = lines[line - 1] if line <= len(lines) else ""
        match = _KEY_VALUE.match(source)
        if match and ": " in match.group(2) + " ":
            key, value = match.groups()
            key_name = key.strip().removeprefix("- ").strip()
            suggestion = f'{key.strip()}: "{_escape(value)}"'
            return Problem(
                path, line + offset, "yaml.unquoted-colon", key_name, {"suggestion": suggestion}
            )
        if match and line > 1 and _indent(source) > _indent(_previous_content(lines, line)):
            return Problem(path, line + offset, "yaml.indent")
    for number in range(max(1, (line or 1) - 1), min(len(lines), (line or 1)) + 1):
        no_space = _NO_SPACE.match(lines[number - 1])
        if no_space:
            key = no_space.group(1)
            return Problem(path, number + offset, "yaml.no-space", key, {"key": key})
    params = {"detail": detail or "?", "detail_vi": _explain(detail)}
    return Problem(path, line + offset if line else None, "yaml.syntax", params=params)


# PyYAML's commonest complaints, said the way a volunteer can act on them.
_EXPLANATIONS = {
    "could not find expected ':'": "thiếu dấu `:` sau một khóa",
    "did not find expected key": "một dòng thụt lề sai, hoặc thiếu `- ` ở đầu một mục",
    "did not find expected '-' indicator": "mục của danh sách phải bắt đầu bằng `- `",
    "found unexpected end of stream": "một dấu nháy mở mà chưa đóng",
    "found character that cannot start any token": (
        "giá trị bắt đầu bằng ký tự đặc biệt (như @, `, %): đặt giá trị trong dấu nháy"
    ),
    "found unknown escape character": "dấu `\\` trong dấu nháy kép: dùng dấu nháy đơn",
    "mapping values are not allowed here": "có dấu `: ` ở chỗ không được phép",
    "mapping values are not allowed in this context": "có dấu `: ` ở chỗ không được phép",
}


def _explain(detail: str) -> str:
    for english, vietnamese in _EXPLANATIONS.items():
        if detail.startswith(english):
            return vietnamese
    return f"lỗi cú pháp ({detail})"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content(lines: list[str], line: int) -> str:
    for previous in reversed(lines[: line - 1]):
        if previous.strip() and not previous.lstrip().startswith("#"):
            return previous
    return ""


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


class _Builder:
    def __init__(self, path: str, lines: list[str], offset: int, problems: list[Problem]) -> None:
        self.path = path
        self.lines = lines
        self.offset = offset
        self.problems = problems

    def line(self, node: yaml.Node) -> int:
        return int(node.start_mark.line) + 1 + self.offset

    def build(self, node: yaml.Node, key: str | None) -> Node:
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, key)
        if isinstance(node, yaml.SequenceNode):
            return Sequence([self.build(item, key) for item in node.value], self.line(node))
        assert isinstance(node, yaml.ScalarNode)
        plain = node.style in (None, "")
        scalar = Scalar(
            text=nfc(str(node.value)),
            line=self.line(node),
            quoted=not plain and node.style in ("'", '"'),
            null=plain and node.tag == _NULL_TAG,
        )
        if plain:
            self.check_comment(node, key, scalar)
            curly = curly_quoted(scalar.text)
            if curly is not None:
                params = {"open": curly[0], "close": curly[1], "inner": curly[2]}
                problem = Problem(
                    self.path, scalar.line, "yaml.curly-quotes", key, params, "warning"
                )
                self.problems.append(problem)
        return scalar

    def mapping(self, node: yaml.MappingNode, parent: str | None) -> Mapping:
        entries: dict[str, tuple[int, Node]] = {}
        for key_node, value_node in node.value:
            key_line = self.line(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.path, key_line, "yaml.complex-key"))
                continue
            key = nfc(str(key_node.value))
            if key in entries:
                self.problems.append(
                    Problem(
                        self.path,
                        key_line,
                        "yaml.duplicate-key",
                        _dotted(parent, key),
                        {"key": key, "first_line": entries[key][0]},
                    )
                )
                continue
            entries[key] = (key_line, self.build(value_node, _dotted(parent, key)))
        return Mapping(entries, self.line(node))

    def check_comment(self, node: yaml.ScalarNode, key: str | None, scalar: Scalar) -> None:
        end = node.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column :]
        if not rest.strip().startswith("#") or not rest[:1].isspace():
            return
        lost = rest.strip()
        name = (key or "").rsplit(".", 1)[-1]
        value = f"{scalar.text} {lost}" if scalar.text else lost
        suggestion = f'{name}: "{_escape(value)}"' if name else f'"{_escape(value)}"'
        self.problems.append(
            Problem(
                self.path,
                end.line + 1 + self.offset,
                "yaml.inline-comment",
                key,
                {"lost": lost, "suggestion": suggestion},
            )
        )


def _dotted(parent: str | None, key: str) -> str:
    return f"{parent}.{key}" if parent else key


def to_data(node: Node | None) -> Data:
    """Return plain Python data for ``node``: ``str`` scalars, ``None``, ``dict`` and ``list``."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return None if node.null else node.text
    if isinstance(node, Mapping):
        return {key: to_data(value) for key, (_, value) in node.entries.items()}
    return [to_data(item) for item in node.items]


def line_of(node: Node | None, loc: tuple[str | int, ...], *, key_line: bool = False) -> int | None:
    """Return the line of the value at ``loc`` (keys and list indices) below ``node``.

    Follows ``loc`` as far as it exists and returns the line of the deepest node reached, so a
    missing field is reported on the line of the mapping that should hold it. With ``key_line``
    the line of the last key itself is returned (for an unknown field).
    """
    if node is None:
        return None
    line = node.line
    current: Node = node
    for step in loc:
        if isinstance(current, Mapping) and isinstance(step, str) and step in current.entries:
            entry_line, current = current.entries[step]
            line = entry_line if key_line else current.line
        elif isinstance(current, Sequence) and isinstance(step, int) and step < len(current.items):
            current = current.items[step]
            line = current.line
        else:
            break
    return line


def describe(node: Node | None) -> tuple[str, str]:
    """Describe what ``node`` is for a message, as ``(vietnamese, english)``."""
    if node is None or (isinstance(node, Scalar) and node.null):
        return "trống", "empty"
    if isinstance(node, Scalar):
        return f"chữ `{node.text}`", f"the text `{node.text}`"
    if isinstance(node, Mapping):
        return "các dòng `khóa: giá trị`", "`key: value` lines"
    return "một danh sách", "a list"
