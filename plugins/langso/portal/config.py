"""The portal file ``cong.yml``: the portal's name and address and its villages' sources.

Example::

    ten: 'Cổng làng số xã Yên Định (dữ liệu mẫu)'
    dia_chi: 'https://example.github.io/cong-lang-so/'
    lang:
      - thu_muc: 'lang/la-thon'         # a village project (has mkdocs.yml): built
      - thu_muc: 'da-dung/phu-my'       # a built site (has lang-so.json): read
        dia_chi: 'https://example.github.io/phu-my/'
      - dia_chi: 'https://example.gitlab.io/yen-hoanh/'   # a published site: fetched

Read with the project's line-aware, bounded YAML reader (:func:`langso.schema.read_yaml`: no
anchors, aliases or tags, bounded size and depth, UTF-8 only) and validated with
:func:`langso.schema.validate`; then every entry is checked (a source given, a web address that is
``http(s)`` with a host, an existing folder holding ``mkdocs.yml`` or ``lang-so.json``, no entry
twice, no two village projects with the same key). Every mistake is reported in one run as a
located :class:`~langso.problems.Problem` (codes ``portal.*`` in
:mod:`langso.problems.portal`). No MkDocs import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import Field

from langso.problems import Problem
from langso.schema import Model, Text, read_yaml, validatable, validate
from langso.text import slugify
from langso.weburl import bad_url_characters, named_characters
from langso.yamlsource import Mapping, Node, Scalar, Sequence

__all__ = [
    "MAX_VILLAGES",
    "PortalFile",
    "PortalModel",
    "Source",
    "SourceKind",
    "normal_url",
    "project_key",
    "read_portal_file",
    "url_problem",
]

MAX_VILLAGES = 5_000
"""Most villages one portal file may list. Each village adds at least one page to the portal, and
Cloudflare Pages Free allows 20,000 files a site: a province larger than this is split by commune.
"""

SourceKind = Literal["project", "built", "url"]

RESERVED_KEYS = ("lang", "xa", "loai", "tim", "tim-kiem", "ban-do", "assets")
"""The portal's own folders (:data:`langso.portal.site.OWN_DIRS`): a village project's key
(its address ``<portal>/<key>/`` in one repository for many villages) cannot be one of them."""


def project_key(folder: Path) -> str:
    """The key of a village project: its folder's name, slugged (``lang/tan-ngu`` →
    ``tan-ngu``, ``lang/Tân Ngũ`` → ``tan-ngu``; ``lang`` for a name with no letter or digit).

    It is the village's address in one repository for many villages (``<portal>/<key>/``,
    docs/cong-tinh.md, "Cách B") and its folder ``--da-dung DIR/<key>/``: chosen once with the
    folder, it never follows the village's name, so fixing ``ten`` in ``village.yml`` after
    plaques are printed moves nothing; renaming the folder does."""
    return slugify(folder.name) or "lang"


class VillageEntry(Model):
    """One village of the portal: its folder, its published address, or both."""

    folder: Text | None = Field(
        None,
        alias="thu_muc",
        description="Thư mục của làng, tính từ thư mục của tệp cổng, ví dụ `lang/la-thon`: dự án "
        "làng (có `mkdocs.yml`, được dựng) hoặc trang đã dựng (có `lang-so.json`). / The "
        "village's folder relative to the portal file: a project (built) or a built site.",
    )
    url: Text | None = Field(
        None,
        alias="dia_chi",
        description="Địa chỉ trang đã đăng của làng, ví dụ `https://example.github.io/phu-my/`; "
        "không có `thu_muc` thì tải `lang-so.json` từ đây. / The published site's address; "
        "without `thu_muc`, its `lang-so.json` is fetched from there.",
    )


class PortalModel(Model):
    """The portal file ``cong.yml``."""

    name: Text = Field(
        alias="ten",
        description="Tên cổng, ví dụ `Cổng làng số xã Yên Định`. / The portal's name.",
    )
    address: Text | None = Field(
        None,
        alias="dia_chi",
        description="Địa chỉ của chính cổng, ví dụ `https://example.github.io/cong-lang-so/`. / "
        "The portal's own address.",
    )
    villages: list[VillageEntry] = Field(
        alias="lang",
        min_length=1,
        description="Các làng của cổng, ít nhất một, mỗi làng một mục `- thu_muc:` hoặc "
        "`- dia_chi:`. / The portal's villages, at least one.",
    )


@dataclass(frozen=True)
class Source:
    """One checked village entry of the portal file.

    Attributes:
        line: the entry's line in the portal file.
        source: the entry as written (its ``thu_muc``, else its ``dia_chi``), for messages.
        kind: ``"project"`` (a folder with ``mkdocs.yml``: built), ``"built"`` (a folder with
            ``lang-so.json``: read) or ``"url"`` (a published site: fetched).
        folder: the absolute folder for ``project`` and ``built``, else ``None``.
        url: the entry's ``dia_chi`` normalised by :func:`normal_url`, or ``None``.
        folder_line: the line of its ``thu_muc``, or ``None``.
    """

    line: int
    source: str
    kind: SourceKind
    folder: Path | None
    url: str | None
    folder_line: int | None = None


@dataclass(frozen=True)
class PortalFile:
    """The valid portal file: ``path`` (absolute), ``shown`` (the path used in messages),
    ``name`` and ``address`` (normalised, or ``None``) of the portal, and its ``sources`` in
    file order."""

    path: Path
    shown: str
    name: str
    address: str | None
    sources: tuple[Source, ...]


def url_problem(url: str) -> tuple[str, str] | None:
    """Why ``url`` cannot be a village's or the portal's address, as ``(vi, en)``; ``None`` when
    it is an absolute ``http``/``https`` address with a host and no query or fragment."""
    bad = bad_url_characters(url)
    if bad:
        vi, en = named_characters(bad)
        return f"có {vi}", f"it holds {en}"
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"`{scheme}:`" if scheme else "không có"
        shown_en = f"`{scheme}:`" if scheme else "none"
        return (
            f"chỉ nhận địa chỉ `https://` hoặc `http://` (loại địa chỉ ở đây: {shown})",
            f"only `https://` or `http://` addresses are accepted (the scheme here: {shown_en})",
        )
    if not parts.hostname:
        return "thiếu tên máy chủ sau `//`", "the host name after `//` is missing"
    if parts.username is not None or parts.password is not None:
        return "có tên đăng nhập hoặc mật khẩu trong địa chỉ", "it holds a user name or password"
    if parts.query or parts.fragment or url.endswith(("?", "#")):
        return "có `?` hoặc `#`: địa chỉ trang làng không có phần này", "it holds `?` or `#`"
    return None


def normal_url(url: str) -> str:
    """``url`` (already accepted by :func:`url_problem`) with a lower-case scheme and host and a
    final ``/``: the folder of the site, to which ``lang-so.json`` and page paths are joined."""
    parts = urlsplit(url.strip())
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}"


def read_portal_file(path: Path, shown: str) -> tuple[PortalFile | None, list[Problem]]:
    """Read and check the portal file ``path``, reporting it as ``shown``.

    Returns:
        ``(portal, warnings)`` when it is usable, else ``(None, problems)`` with every mistake
        of the file, each located by line and field, sorted by line.
    """
    node, problems = read_yaml(path, shown)
    if not validatable(node, problems):
        return None, problems
    assert node is not None
    entries = _entries(node)
    if entries is not None and len(entries.items) > MAX_VILLAGES:
        params = {"count": len(entries.items), "limit": MAX_VILLAGES}
        problems.append(Problem(shown, entries.line, "portal.too-many", "lang", params))
        return None, problems
    model, invalid = validate(PortalModel, node, shown)
    problems += invalid
    base = path.parent
    address = (
        _checked_url(node, ("dia_chi",), shown, problems) if isinstance(node, Mapping) else None
    )
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for item in entries.items if entries is not None else []:
        if isinstance(item, Mapping):
            source = _check_entry(item, base, shown, problems)
            if source is not None:
                _check_duplicate(source, seen, shown, problems)
                sources.append(source)
    _check_keys(sources, shown, problems)
    problems.sort(key=lambda p: p.line or 0)
    if model is None or any(p.severity == "error" for p in problems):
        return None, problems
    return PortalFile(path, shown, model.name, address, tuple(sources)), problems


def _entries(node: Node) -> Sequence | None:
    if isinstance(node, Mapping) and "lang" in node.entries:
        value = node.entries["lang"][1]
        return value if isinstance(value, Sequence) else None
    return None


def _text(item: Mapping, key: str) -> tuple[int, str] | None:
    """The stripped text of ``key`` with its line, when it is non-empty text (else the schema
    reports it)."""
    if key not in item.entries:
        return None
    line, value = item.entries[key]
    if not isinstance(value, Scalar) or value.null or not value.text.strip():
        return None
    return value.line or line, value.text.strip()


def _checked_url(item: Mapping, loc: tuple[str], shown: str, problems: list[Problem]) -> str | None:
    found = _text(item, loc[0])
    if found is None:
        return None
    line, url = found
    why = url_problem(url)
    if why is not None:
        params = {"url": url, "why_vi": why[0], "why_en": why[1]}
        problems.append(Problem(shown, line, "portal.url", loc[0], params))
        return None
    return normal_url(url)


def _check_entry(item: Mapping, base: Path, shown: str, problems: list[Problem]) -> Source | None:
    if "thu_muc" not in item.entries and "dia_chi" not in item.entries:
        problems.append(Problem(shown, item.line, "portal.no-source", "lang"))
        return None
    url = _checked_url(item, ("dia_chi",), shown, problems)
    found = _text(item, "thu_muc")
    if found is None:
        return Source(item.line, url, "url", None, url) if url is not None else None
    line, written = found
    folder = Path(os.path.normpath(base / written))
    params = {"folder": written}
    try:
        if not folder.is_dir():
            problems.append(Problem(shown, line, "portal.folder-missing", "thu_muc", params))
            return None
        if (folder / "mkdocs.yml").is_file():
            kind: SourceKind = "project"
        elif (folder / "lang-so.json").is_file():
            kind = "built"
        else:
            problems.append(Problem(shown, line, "portal.folder-not-village", "thu_muc", params))
            return None
    except OSError:  # a name too long for the file system, a folder that cannot be read
        problems.append(Problem(shown, line, "portal.folder-missing", "thu_muc", params))
        return None
    return Source(item.line, written, kind, folder, url, line)


def _check_duplicate(
    source: Source, seen: dict[str, int], shown: str, problems: list[Problem]
) -> None:
    for same in (str(source.folder) if source.folder else None, source.url):
        if same is None:
            continue
        if same in seen:
            params = {"source": source.source, "first": seen[same]}
            problems.append(Problem(shown, source.line, "portal.duplicate", "lang", params))
            return
    for same in (str(source.folder) if source.folder else None, source.url):
        if same is not None:
            seen[same] = source.line


def _check_keys(sources: list[Source], shown: str, problems: list[Problem]) -> None:
    """Two village projects whose folders give the same :func:`project_key`, or a key that is
    one of the portal's own folders: an error at the entry's ``thu_muc``."""
    first: dict[str, Source] = {}
    for source in sources:
        if source.kind != "project" or source.folder is None:
            continue
        key = project_key(source.folder)
        line = source.folder_line or source.line
        if key in RESERVED_KEYS:
            reserved = {"folder": source.source, "key": key}
            problems.append(Problem(shown, line, "portal.key-reserved", "thu_muc", reserved))
        elif key in first and first[key].folder != source.folder:  # else portal.duplicate
            other = first[key]
            params: dict[str, object] = {"folder": source.source, "key": key}
            params |= {"other": other.source, "first": other.folder_line or other.line}
            problems.append(Problem(shown, line, "portal.same-key", "thu_muc", params))
        else:
            first[key] = source
