"""Checks of the registry that hold in the build, in ``langso check`` and in ``langso plaques
print`` alike (issue 12): a plaque leads to a page, and a plaque that says it was printed is in
the record of printed plaques.

- :func:`target_kind_problems`: ``trang`` names a Markdown page or a service file of the
  directory. Any other existing file (``village.yml``, ``plaques.yml``, ``categories.yml``,
  ``../mkdocs.yml``) is no page of the site: the build would publish no short URL for it while
  ``langso plaques print`` printed a code leading to "404 not found".
- :func:`unrecorded_prints`: a plaque with ``ngay_in`` is in ``plaques-printed.txt``. ``ngay_in``
  is written by hand (``langso plaques print`` writes only the record); a plaque printed and
  later dropped from the record would escape every check of its promise (it could be re-pointed
  freely), so the two must agree.

Core code: no MkDocs import.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from langso.plaques.model import PlaqueEntry, short_path
from langso.plaques.record import PrintedPlaque, format_line
from langso.problems import Problem

__all__ = ["target_kind_problems", "unrecorded_prints"]


def target_kind_problems(
    entries: Iterable[PlaqueEntry], services_dir: str | None, registry_rel: str
) -> list[Problem]:
    """A ``plaque.target-not-page`` error at the ``trang`` line of each plaque whose ``trang`` is
    a data file (``.yml``, ``.yaml``) outside the directory's services folder.

    Args:
        entries: the registry.
        services_dir: the ``langso/directory`` option ``services_dir`` (``danh-ba``), or ``None``
            when that plugin is not enabled (then no data file makes a page).
        registry_rel: the registry's repository-relative path, for messages.

    A data file's page exists only for a service file: a file anywhere below ``services_dir``
    (``langso.directory.loading.load_directory`` reads them all), named without ``.`` or ``..``
    segments, as the build names its files. ``trang_cu`` (old paths) is not checked: it names
    what no longer exists.
    """
    folder = (services_dir or "").strip("/")
    problems = []
    for entry in entries:
        target = entry.plaque.target
        if target is None or not target.endswith((".yml", ".yaml")):
            continue
        parts = target.split("/")
        if folder and target.startswith(folder + "/") and not {".", "..", ""} & set(parts):
            continue
        params = {"id": entry.plaque.id, "target": target, "services_dir": folder or "danh-ba"}
        problems.append(
            Problem(registry_rel, entry.target_line, "plaque.target-not-page", "trang", params)
        )
    return problems


def unrecorded_prints(
    entries: Iterable[PlaqueEntry],
    printed: Mapping[str, PrintedPlaque],
    site_url: str,
    record_rel: str,
    registry_rel: str,
) -> list[Problem]:
    """A ``plaque.printed-unrecorded`` error at the ``ngay_in`` line of each plaque that has
    ``ngay_in`` but no line in the record.

    The message gives the line to restore: the plaque's id, ``ngay_in``, its QR URL and name, and
    its ``trang`` today as the page it led to (``-`` when taken down), for the volunteer to check
    against the git history of the record.
    """
    problems = []
    for entry in entries:
        plaque = entry.plaque
        if plaque.printed is None or plaque.id in printed:
            continue
        line = format_line(
            plaque.id, plaque.printed, site_url + short_path(plaque.id), plaque.target, plaque.name
        )
        params = {
            "id": plaque.id,
            "date": f"{plaque.printed:%d/%m/%Y}",
            "record": record_rel,
            "line": line,
        }
        problems.append(
            Problem(
                registry_rel,
                entry.printed_line or entry.line,
                "plaque.printed-unrecorded",
                "ngay_in",
                params,
            )
        )
    return problems
