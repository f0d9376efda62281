"""Reading a service page's details back: the stacked rows (``p.langso-fact``) under a heading."""

from __future__ import annotations

from bs4 import Tag


def fact(row: Tag) -> tuple[str, str]:
    """``(label, value)`` of one ``p.langso-fact`` row, as text."""
    label = row.select_one(".langso-fact__label")
    assert label is not None, row
    text = row.get_text()
    return label.get_text(), text[len(label.get_text()) :].strip()


def facts_after(page: Tag, text: str) -> list[tuple[str, str]]:
    """The rows that follow the heading or paragraph whose text is ``text``, in order."""
    marker = page.find(lambda t: t.name in ("p", "h2") and t.get_text(strip=True) == text)
    assert isinstance(marker, Tag), text
    rows = []
    for sibling in marker.find_next_siblings(True):
        if "langso-fact" not in (sibling.get("class") or []):
            break
        rows.append(fact(sibling))
    return rows


def details(page: Tag) -> dict[str, str]:
    """The rows under "Thông tin": label → text."""
    return dict(facts_after(page, "Thông tin"))
