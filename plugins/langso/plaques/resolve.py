"""Where each plaque's short URL leads today, and the checks that keep printed plaques working.

Pure functions of the registry, the record of printed plaques and the site's pages; the MkDocs
plugin only supplies how a source path maps to a page URL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from langso.paths import page_for_data_file
from langso.plaques.checks import unrecorded_prints
from langso.plaques.guards import placeholder_reason
from langso.plaques.model import PlaqueEntry, short_path
from langso.plaques.record import PrintedPlaque
from langso.problems import Problem

__all__ = ["Destination", "check_printed", "page_source", "redirects_file", "resolve"]


@dataclass(frozen=True)
class Destination:
    """What ``q/<id>/`` serves.

    Attributes:
        entry: the plaque.
        kind: ``page`` (redirect to ``url``) or ``retired`` (a notice showing ``message``).
        url: the target page's URL relative to the site root (``page`` only).
        via: ids of the replacement chain followed, oldest first (empty when none).
        message: the notice of a retired plaque.
        target: the page ``url`` is built from, as the registry names it (``page`` only): the
            last replacement's target when ``via`` is not empty.
    """

    entry: PlaqueEntry
    kind: Literal["page", "retired"]
    url: str | None = None
    via: tuple[str, ...] = ()
    message: str | None = None
    target: str | None = None


def page_source(target: str) -> str:
    """The page a plaque target names: a data file's generated page, or the page itself."""
    return page_for_data_file(target) if target.endswith((".yml", ".yaml")) else target


def resolve(
    entries: list[PlaqueEntry],
    page_url: Callable[[str], str | None],
    registry_rel: str,
) -> tuple[list[Destination], list[Problem]]:
    """Resolve every plaque to a page or a retirement notice, following ``thay_bang`` chains.

    Args:
        entries: the registry.
        page_url: maps a page's source path (``dia-diem/dinh.md``) to its URL, or ``None`` when
            the site has no such page.
        registry_rel: the registry's repository-relative path, for messages.

    Returns:
        One destination per plaque that resolved, and a problem for each that did not: a target
        page that is not in the site, an unknown or circular replacement.
    """
    by_id = {e.plaque.id: e for e in entries}
    destinations: list[Destination] = []
    problems: list[Problem] = []
    reported: set[str] = set()
    for entry in entries:
        chain: list[str] = []
        current = entry
        while current.plaque.replaced_by is not None:
            chain.append(current.plaque.id)
            following = by_id.get(current.plaque.replaced_by)
            if following is None or following.plaque.id in chain:
                # Each broken link or circle is reported once, where it is first met.
                culprit = current if following is None else entry
                if culprit.plaque.id not in reported:
                    reported.update(chain)
                    code = "plaque.replacement-unknown" if following is None else "plaque.cycle"
                    params = {"id": culprit.plaque.id, "other": culprit.plaque.replaced_by}
                    problem = Problem(registry_rel, culprit.line, code, "thay_bang", params)
                    problems.append(problem)
                break
            current = following
        else:
            via = (*chain[1:], current.plaque.id) if chain else ()
            if current.plaque.retired is not None:
                destinations.append(
                    Destination(entry, "retired", via=via, message=current.plaque.retired)
                )
                continue
            target = current.plaque.target
            assert target is not None  # the model requires one destination
            url = page_url(page_source(target))
            if url is None:
                if current is entry:  # a replaced plaque's own target is reported on its own line
                    params = {"id": entry.plaque.id, "target": target}
                    problems.append(
                        Problem(
                            registry_rel,
                            entry.target_line,
                            "plaque.target-missing",
                            "trang",
                            params,
                        )
                    )
                continue
            destinations.append(Destination(entry, "page", url=url, via=via, target=target))
    return destinations, problems


def check_printed(
    entries: list[PlaqueEntry],
    printed: dict[str, PrintedPlaque],
    site_url: str,
    record_rel: str,
    registry_rel: str,
    is_page: Callable[[str], bool],
) -> list[Problem]:
    """Every printed plaque keeps its promise: it is still in the registry, its QR URL is still
    this site's, and it leads only where it led when printed.

    A changed ``site_url`` (a renamed repository, a new host) would break every printed code; a
    plaque deleted from the registry would break its own. A printed plaque may lead to the page it
    was printed for (``trang`` as recorded, or that page under a new file name listed in
    ``trang_cu``), to its replacement (``thay_bang``: whatever the replacement leads to, a
    documented successor) or to its retirement notice (``ngung``); any other ``trang`` would make
    the plaque on the communal house open the pharmacy (issue 12).

    Args:
        entries: the registry.
        printed: the record, by plaque id.
        site_url: the site's address, ending with ``/``.
        record_rel, registry_rel: repository-relative paths of the record and of the registry.
        is_page: whether a target path (``dia-diem/dinh.md``, ``danh-ba/cho.yml``) is a file in
            the content folder today: a renamed page leaves its old path empty.

    Returns:
        Errors at the record's line (missing plaque, changed URL; ``plaque.printed-placeholder``
        when the recorded URL is a placeholder, :func:`langso.plaques.guards.
        placeholder_reason`, whose fix is to void that print) or at the plaque's ``trang``
        line in the registry (changed target); a warning at each record line of the first format,
        whose target is not known; an error at the ``ngay_in`` line of each plaque that says it
        was printed but has no line in the record
        (:func:`langso.plaques.checks.unrecorded_prints`).
    """
    by_id = {e.plaque.id: e for e in entries}
    problems = []
    for record in printed.values():
        date = f"{record.printed:%d/%m/%Y}"
        entry = by_id.get(record.id)
        if entry is None:
            params: dict[str, object] = {"id": record.id, "date": date}
            problems.append(
                Problem(record_rel, record.line, "plaque.printed-missing", None, params)
            )
            continue
        if _same_url(record.url) != _same_url(site_url + short_path(record.id)):
            params = {
                "id": record.id,
                "printed_url": record.url,
                "url": site_url + short_path(record.id),
                "date": date,
            }
            # A placeholder in the record cannot be on a wall that works: it was a mistake
            # to void (`langso plaques huy-in`), not an address to keep.
            code = "plaque.url-changed"
            if placeholder_reason(record.url) is not None:
                code = "plaque.printed-placeholder"
            problems.append(Problem(record_rel, record.line, code, None, params))
        problems.extend(_check_target(record, entry, record_rel, registry_rel, is_page))
    # A plaque saying it was printed but missing from the record would escape the checks above.
    problems.extend(unrecorded_prints(entries, printed, site_url, record_rel, registry_rel))
    return problems


def _check_target(
    record: PrintedPlaque,
    entry: PlaqueEntry,
    record_rel: str,
    registry_rel: str,
    is_page: Callable[[str], bool],
) -> list[Problem]:
    """The plaque of ``entry`` leads where ``record`` says it was printed for (see
    :func:`check_printed`)."""
    plaque = entry.plaque
    params: dict[str, object] = {
        "id": plaque.id,
        "date": f"{record.printed:%d/%m/%Y}",
        "name": record.name or plaque.name,
        "target": plaque.target,
        "printed_target": record.target,
        "record": record_rel,
        "record_line": record.line,
    }
    if record.old_format:
        return [Problem(record_rel, record.line, "record.no-target", None, params, "warning")]
    if plaque.target is None or plaque.target == record.target:
        return []  # replaced or retired (always allowed), or the place printed
    line = entry.target_line
    if record.target is None:
        return [Problem(registry_rel, line, "plaque.printed-target-unknown", "trang", params)]
    if record.target not in plaque.renamed_from:
        return [Problem(registry_rel, line, "plaque.repointed", "trang", params)]
    if is_page(record.target):
        return [Problem(registry_rel, line, "plaque.renamed-page-exists", "trang", params)]
    return []


def _same_url(url: str) -> str:
    """``url`` with the scheme and host in lower case: they are case-insensitive."""
    parts = urlsplit(url)
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def redirects_file(destinations: list[Destination], base_path: str) -> str:
    """The ``_redirects`` file read by Netlify, Cloudflare Pages and GitLab Pages.

    One rule per short URL, with and without the trailing slash, to the target page under the
    site's path (``base_path``, e.g. ``/lang-so/``). Status 302, not 301: the short URL is
    permanent but its target may move, and browsers cache a 301 for good. Retired plaques keep
    their notice page and get no rule.
    """
    lines = ["# Làng số: địa chỉ ngắn của biển mã QR / plaque short URLs"]
    for destination in destinations:
        if destination.kind != "page" or destination.url is None:
            continue
        short = base_path + short_path(destination.entry.plaque.id)
        target = base_path + destination.url
        lines.append(f"{short.rstrip('/')} {target} 302")
        lines.append(f"{short} {target} 302")
    return "\n".join(lines) + "\n"
