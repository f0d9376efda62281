"""Property-based hunt for hostile and careless content (issue 12, item 7).

Hypothesis makes broken and hostile variants of every kind of content file of the ``minimal``
fixture village — services, ``village.yml``, ``categories.yml``, ``plaques.yml``, page front matter
and bodies, the record of printed plaques — and builds each variant for real, in a forked child with
a memory ceiling (``tests/isolated.py``). The invariant:

- the build never raises (no traceback), never takes longer than :data:`SECONDS` and never grows by
  more than :data:`MEMORY_MB`;
- when it reports anything, every line it reports starts with the repository-relative path of a file
  (``content/danh-ba/cho-phu-my.yml:4: …``), apart from the one summary line;
- when a text field was set to an arbitrary value and the build succeeds, the value is published
  exactly as typed (after NFC and the whitespace folding HTML does): no markup taken from it, no
  entity escaped twice, no template expression evaluated.

CI runs a fixed, derandomised set of examples (the same every run, a little under a minute of
builds). To hunt with fresh random examples: ``LANGSO_FUZZ=hunt pytest tests/test_hostile_fuzz.py``
(``LANGSO_FUZZ_EXAMPLES`` sets how many).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import FIXTURE_SITES, build_site
from tests.isolated import Outcome, run_isolated

SECONDS = 20.0
"""A build of the minimal village takes about 0.2 s; twenty seconds means something ran away."""

MEMORY_MB = 300
"""Peak memory growth allowed for one build; an alias bomb of 7 levels used to take 944 MB."""

_HUNT = os.environ.get("LANGSO_FUZZ") == "hunt"
_EXAMPLES = int(os.environ.get("LANGSO_FUZZ_EXAMPLES", "400" if _HUNT else "45"))
FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    derandomize=not _HUNT,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Every content file of the fixture village, as the volunteer sees it (repository-relative).
PRINTED = (
    "# Biển mã QR đã in: không xóa dòng nào. / Printed plaques: never delete a line.\n"
    "dinh | 2026-11-01 | https://example.github.io/lang-phu-my/q/dinh/"
    " | dia-diem/dinh-lang-phu-my.md | Đình làng Phú Mỹ\n"
)
PAGE_WITH_FRONT_MATTER = (
    "---\n"
    "title: 'Đình làng Phú Mỹ'\n"
    "description: 'Ngôi đình của làng'\n"
    "search:\n"
    "  exclude: 'không'\n"
    "---\n\n"
    "# Đình làng Phú Mỹ\n\n## Đường đi\n\nĐi theo đường làng.\n\n## Nguồn\n\n"
    "- [Bài viết mẫu](https://example.com/)\n"
)
CONTENT_FILES = (
    "content/danh-ba/cho-phu-my.yml",
    "content/village.yml",
    "content/categories.yml",
    "content/plaques.yml",
    "content/dia-diem/dinh-lang-phu-my.md",
    "content/index.md",
    "content/plaques-printed.txt",
)

# What careless and hostile hands put into files: control characters (Word's Shift+Enter pastes a
# vertical tab), YAML's anchors, aliases, merge keys and tags, markup, template syntax, stray quotes
# and colons, a BOM in the middle, a lone surrogate's replacement, bidi controls.
TOKENS = (
    "\x00",
    "\x0b",
    "\x1b[31m",
    "\x07",
    "\x0c",
    "\x7f",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\r",
    "\t",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object/apply:os.system ['echo x']",
    "!include secrets.yml",
    "!!binary aGk=",
    ": ",
    " #",
    "'",
    '"',
    "- ",
    "{",
    "[",
    "}",
    "]",
    "|",
    ">",
    "%",
    "@",
    "`",
    "\\",
    "---\n",
    "...\n",
    "<script>window.__pwned=1</script>",
    '"><img src=x onerror=alert(1)>',
    "</title><script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% raw %}",
    "&amp;",
    "Hùng & Lan",
    "Cu\u0300",  # NFD: decomposed grave accent
    "😀",
    "\n  - ",
    "\n    ",
    "x: y\n",
    '=HYPERLINK("http://example.com")',
)


def _alias_bomb(levels: int) -> str:
    lines = ["bom0: &a0 ['lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol', 'lol']"]
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"bom{level}: &a{level} [{refs}]")
    return "\n".join(lines) + "\n"


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A content file of the fixture village and its broken or hostile bytes."""
    rel = draw(st.sampled_from(CONTENT_FILES))
    text = _original(rel)
    kind = draw(
        st.sampled_from(
            [
                "insert",
                "insert",
                "insert",
                "delete",
                "duplicate-line",
                "swap-lines",
                "encoding",
                "alias-bomb",
                "deep-nesting",
                "huge",
                "truncate",
            ]
        )
    )
    if kind == "insert":
        for _ in range(draw(st.integers(1, 3))):
            token = draw(st.sampled_from(TOKENS) | st.text(min_size=1, max_size=4))
            at = draw(st.integers(0, len(text)))
            text = text[:at] + token + text[at:]
        return rel, text.encode("utf-8", errors="surrogatepass")
    if kind == "delete":
        start = draw(st.integers(0, max(0, len(text) - 1)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        return rel, (text[:start] + text[end:]).encode("utf-8")
    lines = text.splitlines(keepends=True) or [""]
    if kind == "duplicate-line":
        at = draw(st.integers(0, len(lines) - 1))
        return rel, "".join([*lines[: at + 1], lines[at], *lines[at + 1 :]]).encode("utf-8")
    if kind == "swap-lines":
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        lines[i], lines[j] = lines[j], lines[i]
        return rel, "".join(lines).encode("utf-8")
    if kind == "encoding":
        codec = draw(st.sampled_from(["utf-16", "utf-16-le", "cp1258", "latin-1", "utf-8-sig"]))
        return rel, text.encode(codec, errors="replace")
    if kind == "truncate":
        data = text.encode("utf-8")
        return rel, data[: draw(st.integers(0, len(data)))]
    if kind == "alias-bomb":
        bomb = _alias_bomb(draw(st.integers(6, 12)))
        if rel.endswith(".md"):
            return rel, ("---\n" + bomb + "---\n\n# Trang\n").encode("utf-8")
        if rel.endswith(".txt"):
            return rel, (text + bomb).encode("utf-8")
        # At the top of a mapping file, or as an unknown key of a list file's first item.
        if text.startswith("- "):
            indented = "".join("  " + line + "\n" for line in bomb.splitlines())
            return rel, text.replace("\n", "\n" + indented, 1).encode("utf-8")
        return rel, (text + bomb).encode("utf-8")
    if kind == "deep-nesting":
        depth = draw(st.integers(50, 3000))
        nested = "sau: " + "[" * depth + "]" * depth + "\n"
        if rel.endswith(".md"):
            return rel, ("---\n" + nested + "---\n\n# Trang\n").encode("utf-8")
        if text.startswith("- "):
            return rel, text.replace("\n", "\n  " + nested, 1).encode("utf-8")
        return rel, (text + nested).encode("utf-8")
    # huge: one value of several megabytes
    size = draw(st.integers(2, 6)) * 1024 * 1024
    return rel, (text + "ghi_chu: '" + "a" * size + "'\n").encode("utf-8")


def _original(rel: str) -> str:
    if rel == "content/plaques-printed.txt":
        return PRINTED
    if rel == "content/dia-diem/dinh-lang-phu-my.md":
        return PAGE_WITH_FRONT_MATTER
    return (FIXTURE_SITES / "minimal" / rel).read_text(encoding="utf-8")


def _site(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / f"site-{len(list(tmp_path.iterdir()))}"
    shutil.copytree(FIXTURE_SITES / "minimal", root)
    (root / "content/plaques-printed.txt").write_text(PRINTED, encoding="utf-8")
    (root / "content/dia-diem/dinh-lang-phu-my.md").write_text(
        PAGE_WITH_FRONT_MATTER, encoding="utf-8"
    )
    for rel, data in files.items():
        (root / rel).write_bytes(data)
    return root


_LOCATED = re.compile(r"^(content/[^\s:]+|mkdocs\.yml):(\d+:)? ")
_SUMMARY = re.compile(r"^Làng số: ")
# MkDocs' own link and anchor warnings name the page (docs_dir-relative) in their first words.
_MKDOCS_LOCATED = re.compile(r"^Doc file '[^']+' ")


@functools.cache
def _warm() -> None:
    """Build the untouched village once in this process, so that every forked child starts with
    MkDocs, the theme's templates and our plugins warm (a cold build takes 1 s, a warm 0.2 s)."""
    with tempfile.TemporaryDirectory() as folder:
        root = _site(Path(folder), {})
        assert build_site(root).ok


def _report(root: Path) -> dict[str, object]:
    """Build ``root`` and return what the invariant needs (runs in the child)."""
    result = build_site(root)
    pages: dict[str, str] = {}
    if result.ok:
        for page in ("danh-ba/cho-phu-my/index.html", "dia-diem/dinh-lang-phu-my/index.html"):
            path = result.site_dir / page
            if path.is_file():
                pages[page] = path.read_text(encoding="utf-8")
    return {"ok": result.ok, "aborted": result.aborted, "messages": result.messages, "pages": pages}


def _check_invariant(outcome: Outcome, what: str) -> dict[str, object]:
    assert not outcome.timed_out, f"{what}: the build ran over {SECONDS} s"
    assert outcome.error is None, f"{what}: the build raised\n{outcome.error[-3000:]}"
    assert outcome.peak_growth_mb < MEMORY_MB, (
        f"{what}: the build grew by {outcome.peak_growth_mb:.0f} MB (limit {MEMORY_MB} MB)"
    )
    report: dict[str, object] = outcome.value
    for message in report["messages"]:  # type: ignore[attr-defined]
        first = str(message).splitlines()[0] if message else ""
        assert _LOCATED.match(first) or _SUMMARY.match(first) or _MKDOCS_LOCATED.match(first), (
            f"{what}: a message that does not start with a file's path:\n{message}"
        )
    return report


@FUZZ
@given(mutation=mutations())
# Found by hunting: a record URL that urllib cannot split ("Invalid IPv6 URL") was a traceback.
@example(
    mutation=(
        "content/plaques-printed.txt",
        PRINTED.replace("https://", "https://[").encode("utf-8"),
    )
)
def test_any_broken_content_file_is_located_never_a_traceback(
    tmp_path: Path, mutation: tuple[str, bytes]
) -> None:
    rel, data = mutation
    root = _site(tmp_path, {rel: data})
    _warm()
    outcome = run_isolated(lambda: _report(root), seconds=SECONDS, extra_memory_mb=1024)
    _check_invariant(outcome, f"{rel} ({len(data)} bytes)")


# --- Values published exactly as typed ---------------------------------------------------------

# Letters volunteers type, and what hostile hands add: markup, entities, Markdown, template syntax.
_ALPHABET = st.sampled_from(
    list("aăâbdđeêiouơưyÁẮẦĐỆỖỰỹ ")
    + list("<>&\"'/=;:#*_[]()!|`~\\{}%@+-.,?")
    + ["&amp;", "&lt;", "&#x3C;", "<script>", "</title>", "{{", "}}", "javascript:", "😀"]
    + ["\u0300", "\x0b", "\x00", "\u00a0"]
)
_VALUES = st.lists(_ALPHABET, min_size=1, max_size=24).map("".join)


def _quoted(value: str) -> str:
    """``value`` as a single-quoted YAML scalar: the text the volunteer typed, nothing escaped."""
    return "'" + value.replace("'", "''") + "'"


def _visible(value: str) -> str:
    """What a reader sees of ``value`` typed in a field: NFC, whitespace folded as HTML does."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _text_of(page: str, selector: str) -> str | None:
    element = BeautifulSoup(page, "html.parser").select_one(selector)
    return None if element is None else " ".join(element.get_text().split())


FIELDS = ("service-name", "page-title", "page-description")


@FUZZ
@given(field=st.sampled_from(FIELDS), value=_VALUES)
def test_a_value_is_published_exactly_as_typed_or_located(
    tmp_path: Path, field: str, value: str
) -> None:
    files: dict[str, bytes] = {}
    if field == "service-name":
        original = _original("content/danh-ba/cho-phu-my.yml")
        text = original.replace("ten: 'Chợ Phú Mỹ'", f"ten: {_quoted(value)}")
        files["content/danh-ba/cho-phu-my.yml"] = text.encode("utf-8")
    else:
        key = "title" if field == "page-title" else "description"
        old = "title: 'Đình làng Phú Mỹ'" if key == "title" else "description: 'Ngôi đình của làng'"
        text = PAGE_WITH_FRONT_MATTER.replace(old, f"{key}: {_quoted(value)}")
        files["content/dia-diem/dinh-lang-phu-my.md"] = text.encode("utf-8")
    root = _site(tmp_path, files)
    _warm()
    outcome = run_isolated(lambda: _report(root), seconds=SECONDS)
    report = _check_invariant(outcome, f"{field} = {value!r}")
    if not report["ok"]:
        return
    expected = _visible(value)
    pages: dict[str, str] = report["pages"]  # type: ignore[assignment]
    if field == "service-name":
        page = pages["danh-ba/cho-phu-my/index.html"]
        assert _text_of(page, "article h1") == expected
        assert _text_of(page, "title") == f"{expected} - Làng Phú Mỹ (thử)"
    elif field == "page-title":
        page = pages["dia-diem/dinh-lang-phu-my/index.html"]
        assert _text_of(page, "title") == f"{expected} - Làng Phú Mỹ (thử)"
    else:
        page = pages["dia-diem/dinh-lang-phu-my/index.html"]
        meta = BeautifulSoup(page, "html.parser").select_one('meta[name="description"]')
        assert meta is not None
        assert " ".join(str(meta["content"]).split()) == expected
