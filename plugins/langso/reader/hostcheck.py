"""The host budget of a village build (:mod:`langso.hosts`), as ``langso/reader`` runs it
after each build: no MkDocs here, the plugin passes plain values.

Over a limit is an error that stops the build, like the first-load budget
(:mod:`langso.reader.budget`): the host would refuse the site anyway, better to know at build
time. From 80 % of a limit it is a notice (``INFO``, printed by every build and by ``langso
serve``), not a warning: ``mkdocs build --strict``, which every host runs, fails on a warning, and
a village at 80 % must still be able to publish tomorrow's storm notice while it trims files.
"""

from __future__ import annotations

import os

from langso.hosts import check_output, limits_for

__all__ = ["host_findings"]


def host_findings(
    site_dir: str | os.PathLike[str],
    *,
    host: str | None,
    site_url: str | None,
    max_files: int | None = None,
    max_total_mb: float | None = None,
) -> tuple[list[str], str | None]:
    """``(notices, error)`` of the built ``site_dir`` against its host's limits: each notice
    (from 80 % of a limit) one message; ``error`` every over-limit message in one text, or
    ``None``. A host guessed from ``site_url`` or the strictest default is named in each
    message."""
    limits, note = limits_for(
        host,
        site_url,
        max_files=max_files,
        max_total_bytes=None if max_total_mb is None else int(max_total_mb * 1_000_000),
    )
    findings = check_output(site_dir, limits)
    suffix = f" ({note})" if note else ""
    warnings = [f"Làng số: {f.message}{suffix}" for f in findings if f.level == "warning"]
    errors = [f"Làng số: {f.message}{suffix}" for f in findings if f.level == "error"]
    return warnings, "\n".join(errors) or None
