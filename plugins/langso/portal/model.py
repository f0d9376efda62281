"""Shared shapes of the portal (issue 17): what the sources give the site generator.

`VillageResult` is produced by `langso.portal.sources` (one per `lang:` entry of the portal
file) and consumed by `langso.portal.site.write_portal`; `PortalInfo` carries the portal's
own name and address. Plain frozen dataclasses, no logic, no MkDocs import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

__all__ = ["PortalInfo", "VillageResult", "VillageStatus"]

VillageStatus = Literal["moi", "ban-luu", "loi"]


@dataclass(frozen=True)
class VillageResult:
    """One village as the portal sees it.

    key: ASCII slug unique in the portal (from the village's commune + name), e.g.
        ``"yen-dinh-la-thon"``; used for ``lang/<key>/`` and, under CI, the ``/<key>/`` folder.
    source: the entry as written in ``cong.yml`` (a path or URL), for messages.
    summary: the village summary (``lang-so.json``, version 1) validated by
        ``langso.summary.read.read_summary``, or ``None`` when nothing usable was read.
    base_url: absolute http(s) URL of the village site (the entry's ``dia_chi``, else the
        summary's), or ``None``; every page path in the summary is joined to it.
    status: ``"moi"`` fresh, ``"ban-luu"`` last good copy from the cache, ``"loi"`` nothing usable.
    read_on: the day the copy in use was read (``None`` when there is none).
    problem: why the village is not fresh (Vietnamese first, English after), or ``None``.
    """

    key: str
    source: str
    summary: dict[str, Any] | None
    base_url: str | None
    status: VillageStatus
    read_on: date | None
    problem: str | None


@dataclass(frozen=True)
class PortalInfo:
    """The portal itself: ``name`` (the ``ten:`` of the portal file, shown on every page) and
    ``address`` (its own absolute URL from ``dia_chi:``, or ``None`` when not given)."""

    name: str
    address: str | None
