"""Markdown for the directory's generated pages: a pure function of the model."""

from __future__ import annotations

import posixpath

from langso.directory.model import Directory, ServiceEntry
from langso.paths import page_for_data_file
from langso.render import render_template
from langso.text import slugify
from langso.village import Village

__all__ = ["index_markdown", "service_markdown"]


def index_markdown(
    directory: Directory, index_uri: str, title: str, village: Village | None
) -> str:
    """Return the index page: every category in order, its services in Vietnamese order."""
    folder = posixpath.dirname(index_uri)
    links = {
        entry.id: posixpath.relpath(page_for_data_file(entry.source), folder or ".")
        for entry in directory.entries
    }
    return render_template(
        "directory_index.md",
        title=title,
        groups=directory.by_category(),
        links=links,
        village=village,
        any_sample=any(e.service.sample for e in directory.entries),
    )


def service_markdown(
    entry: ServiceEntry, directory: Directory, index_uri: str, village: Village | None
) -> str:
    """Return the page of one service: details table, opening hours, note."""
    service = entry.service
    category = directory.category(service.category)
    address = service.address
    commune = (address and address.commune) or (village and village.commune)
    province = (address and address.province) or (village and village.province)
    parts = [address and address.detail, address and address.hamlet, commune, province]
    same_commune = village is not None and commune == village.commune
    page_dir = posixpath.dirname(page_for_data_file(entry.source)) or "."
    return render_template(
        "directory_service.md",
        service=service,
        category=category,
        category_anchor=slugify(category.name),
        index_link=posixpath.relpath(index_uri, page_dir),
        address=", ".join(p for p in parts if p) if address or village else None,
        former_address=village.former_address if village and same_commune else None,
    )
