"""Checks across the whole directory: entries not verified lately, and likely duplicates.

Both are warnings for the volunteers, not errors: the entries are still published, the stale ones
flagged on their page ("thông tin có thể đã cũ").
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from langso.directory.loading import Directory, ServiceEntry
from langso.phones import EMERGENCY
from langso.problems import Problem
from langso.text import fold

__all__ = ["Duplicate", "add_months", "duplicates", "is_stale", "review"]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (31/1 + 1 → 28/2)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def is_stale(entry: ServiceEntry, today: dt.date, months: int) -> bool:
    """True when ``entry`` was never verified or not within ``months`` months before ``today``."""
    verified = entry.service.verified
    return verified is None or add_months(verified.date, months) < today


@dataclass(frozen=True)
class Duplicate:
    """Two entries that are probably the same place: by ``reason`` (``name`` or ``phone``)."""

    first: ServiceEntry
    second: ServiceEntry
    reason: str
    value: str


def duplicates(directory: Directory) -> list[Duplicate]:
    """Pairs of entries with the same phone, or names equal once accents and tones are folded.

    Folding makes ``Hoà``/``Hòa`` (old and new tone placement) and ``Chợ Là`` / ``Cho La``
    equal. Emergency numbers are shared on purpose and ignored.
    """
    found: list[Duplicate] = []
    by_name: dict[str, ServiceEntry] = {}
    by_phone: dict[str, ServiceEntry] = {}
    for entry in directory.entries:
        name = fold(entry.service.name)
        if name in by_name:
            found.append(Duplicate(by_name[name], entry, "name", entry.service.name))
        else:
            by_name[name] = entry
        for phone in entry.service.phones:
            if phone.tel in EMERGENCY or entry.service.shared_phone:
                continue
            if phone.tel in by_phone and by_phone[phone.tel] is not entry:
                found.append(Duplicate(by_phone[phone.tel], entry, "phone", phone.display))
            else:
                by_phone.setdefault(phone.tel, entry)
    return found


def review(directory: Directory, today: dt.date, stale_months: int) -> list[Problem]:
    """Warnings for stale entries and likely duplicates, located in the source files."""
    problems = []
    for entry in directory.sorted_entries():
        verified = entry.service.verified
        if verified is None:
            problems.append(Problem(entry.rel, None, "service.unverified", severity="warning"))
        elif is_stale(entry, today, stale_months):
            problems.append(
                Problem(
                    entry.rel,
                    entry.line("xac_minh", "ngay"),
                    "service.stale",
                    "xac_minh.ngay",
                    {"months": stale_months, "when": f"{verified.date:%d/%m/%Y}"},
                    severity="warning",
                )
            )
    for duplicate in duplicates(directory):
        field = "ten" if duplicate.reason == "name" else "dien_thoai"
        problems.append(
            Problem(
                duplicate.second.rel,
                duplicate.second.line(field),
                f"service.duplicate-{duplicate.reason}",
                field,
                {"other": duplicate.first.rel, "value": duplicate.value},
                severity="warning",
            )
        )
    return problems
