"""Where a village of a portal is published, and whether its plaques would lead there.

Used by ``langso portal`` (the report, one village at a time) and ``langso portal ci`` (before
the CI file is written, from each project's ``mkdocs.yml``). For a village the portal knows
three addresses:

- ``dia_chi`` of its entry in the portal file: where the portal's links lead (it wins over the
  summary's own address, :mod:`langso.portal.sources`);
- the portal's ``dia_chi`` + the village's key: where the CI of one repository for many villages
  publishes a village *project* (``thu_muc`` with ``mkdocs.yml``; docs/cong-tinh.md, "Cách B");
- its own ``site_url`` (``dia_chi`` of its ``lang-so.json``): what its plaques' QR codes hold.

:func:`address_problems` returns a warning when the third differs from the first
(``portal.address-differs``), or, without an entry ``dia_chi``, from the second
(``portal.address-mismatch``); and when the address in use is a placeholder such as the one
``langso init`` writes without ``--site-url`` (``portal.placeholder-address``, by
:func:`langso.plaques.guards.placeholder_reason`: a warning, never an error — the repository's
own sample uses ``example.github.io``). No MkDocs import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from langso.plaques.guards import placeholder_reason
from langso.portal.config import Source, normal_url, url_problem
from langso.problems import Problem

__all__ = ["SiteSettings", "address_problems", "published_address", "read_site_settings"]

_SITE_URL = re.compile(r"^site_url:[ \t]*['\"]?([^'\"#\s]*)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)
_HOST = re.compile(r"^[ \t]+host:[ \t]*['\"]?([a-z]+)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class SiteSettings:
    """What ``mkdocs.yml`` of a village project says about where it is published.

    Attributes:
        site_url: its ``site_url`` normalised by :func:`normal_url` (``None``: absent or not
            an http(s) address); ``site_url_line``: its 1-based line (``None`` when absent).
        host: the ``host:`` option (of ``langso/reader``, written by ``langso init --host``),
            or ``None``; ``host_line``: its line.
    """

    site_url: str | None
    site_url_line: int | None
    host: str | None
    host_line: int | None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def read_site_settings(mkdocs_yml: Path) -> SiteSettings:
    """``site_url`` and ``host:`` of a village project's ``mkdocs.yml``, read as text (no
    MkDocs, no YAML tags run); both ``None`` when the file cannot be read."""
    try:
        text = mkdocs_yml.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return SiteSettings(None, None, None, None)
    url = line = host = host_line = None
    found = _SITE_URL.search(text)
    if found:
        line = _line_of(text, found.start())
        written = found.group(1).strip()
        url = normal_url(written) if written and url_problem(written) is None else None
    hosted = _HOST.search(text)
    if hosted:
        host, host_line = hosted.group(1), _line_of(text, hosted.start())
    return SiteSettings(url, line, host, host_line)


def published_address(source: Source, key: str, portal_address: str | None) -> str | None:
    """Where the village of ``source`` is published: its entry's ``dia_chi``, else for a
    village project of a portal with an address that address + ``key`` + ``/``, else ``None``
    (unknown: the village's own address is trusted)."""
    if source.url is not None:
        return source.url
    if source.kind == "project" and portal_address:
        return f"{portal_address}{key}/"
    return None


def address_problems(
    source: Source,
    key: str,
    portal_address: str | None,
    site_url: str | None,
    *,
    path: str | None = None,
    line: int | None = None,
) -> list[Problem]:
    """The warnings about the village's addresses (see the module doc), each reported at
    ``path``:``line`` (default: the entry as written in the portal file, no line).

    Args:
        site_url: the village's own address (its summary's ``dia_chi`` or ``site_url`` of its
            ``mkdocs.yml``), normalised; ``None`` when it has none.
    """
    where = path if path is not None else source.source
    field = "site_url" if path is not None else None
    found: list[Problem] = []
    published = published_address(source, key, portal_address)
    if published is not None and site_url is not None and site_url != published:
        code = "portal.address-differs" if source.url is not None else "portal.address-mismatch"
        params = {"published": published, "site_url": site_url}
        found.append(Problem(where, line, code, field, params, severity="warning"))
    in_use = source.url or site_url
    reason = placeholder_reason(in_use) if in_use else None
    if in_use and reason is not None:
        params = {"url": in_use, "why_vi": reason[0], "why_en": reason[1]}
        found.append(
            Problem(where, line, "portal.placeholder-address", field, params, severity="warning")
        )
    return found
