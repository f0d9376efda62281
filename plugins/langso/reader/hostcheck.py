"""The host budget of a village build (:mod:`langso.hosts`), as ``langso/reader`` runs it
after each build: no MkDocs here, the plugin passes plain values.

Same rule as the first-load budget (:mod:`langso.reader.budget`): over a limit is an error
that stops the build (the host would refuse the site anyway, better to know at build time);
from 80 % of a limit it is a warning, which ``mkdocs build --strict`` turns into a failure
too, as every warning: the village learns while there is still room, and a warning it must
live with for a while is silenced by raising the limit it names (``host_max_*``), on purpose.
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
    """``(warnings, error)`` of the built ``site_dir`` against its host's limits: each warning
    one message; ``error`` every over-limit message in one text, or ``None``. A host guessed
    from ``site_url`` or the strictest default is named in each message."""
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
