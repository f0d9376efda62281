"""The whole directory read at once: categories, every service file, the entries built from them
(:class:`ServiceEntry`, :class:`Directory`), with every problem of every file collected in one run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from langso.cache import Recall, digest
from langso.directory.fields import Category
from langso.directory.model import Service
from langso.paths import page_for_data_file, repo_path
from langso.problems import Problem
from langso.schema import (
    compose_yaml,
    decode_text,
    read_yaml,
    validatable,
    validate,
    validate_list,
)
from langso.text import fold, index_letter, sort_key
from langso.village import Village
from langso.yamlsource import Mapping, Node, Scalar, Sequence, line_of

__all__ = [
    "Directory",
    "ServiceEntry",
    "describes_payment",
    "load_categories",
    "load_directory",
]


@dataclass(frozen=True)
class ServiceEntry:
    """A validated service and where it came from.

    Attributes:
        id: ASCII slug from the file name; the page is ``<services_dir>/<id>.md``.
        source: the YAML path relative to ``docs_dir`` (``danh-ba/tram-y-te.yml``).
        rel: the YAML path relative to the repository, for messages.
        service: the validated content.
        node: the composed YAML, for the line of any field.
    """

    id: str
    source: str
    rel: str
    service: Service
    node: Node = field(compare=False, repr=False)

    @cached_property
    def page(self) -> str:
        """``src_uri`` of the entry's generated page."""
        return page_for_data_file(self.source)

    @cached_property
    def data(self) -> dict[str, Any]:
        """The service as JSON data (``model_dump(mode="json")``), made once; do not change it."""
        return self.service.model_dump(mode="json")

    @cached_property
    def fingerprint(self) -> str:
        """A digest of the entry's file name and content: what its outputs' keys hold."""
        return digest(self.source, self.data)

    def line(self, *loc: str | int) -> int | None:
        """Line of the value at ``loc`` in the source file."""
        return line_of(self.node, loc)


@dataclass(frozen=True)
class Directory:
    """All categories and valid services."""

    categories: tuple[Category, ...]
    entries: tuple[ServiceEntry, ...]

    def sorted_entries(self) -> list[ServiceEntry]:
        """Every entry in Vietnamese alphabetical order of name (C-04)."""
        return sorted(self.entries, key=lambda e: (sort_key(e.service.name), e.id))

    def by_category(self) -> list[tuple[Category, list[ServiceEntry]]]:
        """Categories in file order with their entries in Vietnamese order; empty ones left out."""
        groups = []
        ordered = self.sorted_entries()
        for category in self.categories:
            members = [e for e in ordered if e.service.category == category.id]
            if members:
                groups.append((category, members))
        return groups

    def by_letter(self) -> list[tuple[str, list[ServiceEntry]]]:
        """Entries grouped under their index letter (``A``, ``Ă``, ``Â``, ``B`` …) in order."""
        groups: dict[str, list[ServiceEntry]] = {}
        for entry in self.sorted_entries():
            groups.setdefault(index_letter(entry.service.name), []).append(entry)
        return list(groups.items())

    def category(self, category_id: str) -> Category:
        """The category with ``category_id``; its id as name when the categories file failed
        (that failure is reported and stops the build)."""
        found = next((c for c in self.categories if c.id == category_id), None)
        return found or Category.model_construct(id=category_id, name=category_id, icon=None)


def load_categories(
    docs_dir: Path, docs_rel: str, file_name: str
) -> tuple[tuple[Category, ...], list[Problem]]:
    """Read the categories list file ``file_name`` in ``docs_dir``."""
    categories, problems, _ = _read_categories(docs_dir, docs_rel, file_name)
    return categories, problems


def _read_categories(
    docs_dir: Path, docs_rel: str, file_name: str
) -> tuple[tuple[Category, ...], list[Problem], list[str]]:
    """:func:`load_categories`, and the ids written in the file, entries that failed included:
    a service of a category whose entry is wrong is not also wrong (issue 12)."""
    rel = repo_path(docs_rel, file_name)
    node, problems = read_yaml(docs_dir / file_name, rel)
    if node is None or not validatable(node, problems):
        return (), problems, []
    written = (
        [name for name in dict.fromkeys(map(_written_id, node.items)) if name]
        if isinstance(node, Sequence)
        else []
    )
    items, item_problems = validate_list(Category, node, rel, "category.duplicate-id")
    problems.extend(item_problems)
    categories = [category for _, _, category in items]
    for _, item, category in items:
        if describes_payment(category):
            params = {"id": category.id, "name": category.name}
            # Info, not a warning: old files keep building and publishing (a warning would stop
            # `mkdocs build --strict`, the publishing build, for a village that did no wrong).
            problems.append(Problem(rel, item.line, "category.payment", "id", params, "info"))
    return tuple(categories), problems, written


def _written_id(item: Node) -> str | None:
    """The ``id`` typed in a categories entry, valid or not, when it is one line of text."""
    typed = item.entries.get("id", (0, None))[1] if isinstance(item, Mapping) else None
    return typed.text.strip() if isinstance(typed, Scalar) and not typed.null else None


_PAYMENT_NAME_WORDS = ("thanh toan", "qr", "vietqr", "chuyen khoan", "tien mat", "vi dien tu")


def describes_payment(category: Category) -> bool:
    """True for a category named after how places take payment ("Cửa hàng nhận thanh toán QR",
    the sample's ``cua-hang-qr`` before 2027) rather than what they are: deprecated, since
    payment is the ``thanh_toan`` field, which the directory lists on pages of its own."""
    words = f" {fold(category.name).replace('-', ' ')} "
    return category.id == "cua-hang-qr" or any(f" {w} " in words for w in _PAYMENT_NAME_WORDS)


def load_directory(
    docs_dir: Path,
    docs_rel: str,
    services_dir: str = "danh-ba",
    categories_file: str = "categories.yml",
    *,
    village: Village | None = None,
    today: dt.date | None = None,
) -> tuple[Directory, list[Problem]]:
    """Read every ``*.yml``/``*.yaml`` file in ``docs_dir/services_dir`` and the categories.

    Args:
        docs_dir: the MkDocs ``docs_dir``.
        docs_rel: ``docs_dir`` relative to the repository, for messages.
        services_dir: folder of service files, relative to ``docs_dir``.
        categories_file: categories list, relative to ``docs_dir``.
        village: the village, whose commune and province addresses default to.
        today: the build date; verification dates after it are errors.

    Returns:
        The directory of every valid entry and the problems of every invalid one. The caller must
        stop the build when any problem is an error: an invalid entry is never left out quietly.
    """
    categories, problems, written = _read_categories(docs_dir, docs_rel, categories_file)
    context = {"categories": written, "village": village, "today": today}
    context_key = digest(
        context["categories"],
        village.model_dump(mode="json") if village is not None else None,
        today.isoformat() if today is not None else None,
    )
    _ENTRIES.new_round()
    entries: list[ServiceEntry] = []
    seen: dict[str, str] = {}
    folder = docs_dir / services_dir
    files = (
        sorted(
            p for p in folder.rglob("*") if p.suffix.lower() in (".yml", ".yaml") and p.is_file()
        )
        if folder.is_dir()
        else []
    )
    for path in files:
        source = path.relative_to(docs_dir).as_posix()
        rel = repo_path(docs_rel, source)
        entry_id = page_for_data_file(path.relative_to(folder).as_posix()).removesuffix(".md")
        if entry_id in seen:
            params = {"id": entry_id, "other": seen[entry_id]}
            problems.append(Problem(rel, None, "service.duplicate-id", params=params))
            continue
        seen[entry_id] = rel
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(rel, None, "file.missing"))
            continue
        key = digest(context_key, entry_id, source, rel, data)
        make = partial(_service_entry, data, entry_id, source, rel, context)
        entry, file_problems = _ENTRIES.get(key, make)
        problems.extend(file_problems)
        if entry is not None:
            entries.append(entry)
    return Directory(categories, tuple(entries)), problems


_ENTRIES: Recall[tuple[ServiceEntry | None, tuple[Problem, ...]]] = Recall("service-entries")
"""Each service file's entry and problems, by a digest of its bytes, its name and the context
(categories, village, build day): ``mkdocs serve`` validates only the files that changed."""


def _service_entry(
    data: bytes, entry_id: str, source: str, rel: str, context: dict[str, Any]
) -> tuple[ServiceEntry | None, tuple[Problem, ...]]:
    """Decode, compose and validate one service file's ``data``."""
    text, problems = decode_text(data, rel)
    if text is None:
        return None, tuple(problems)
    node, read_problems = compose_yaml(text, rel)
    if node is None or not validatable(node, read_problems):
        return None, tuple(read_problems)
    # A duplicate key keeps its first value: the file's other mistakes are listed in this run too.
    service, problems = validate(Service, node, rel, context=context)
    if service is None or any(problem.severity == "error" for problem in read_problems):
        return None, tuple(sorted((*read_problems, *problems), key=lambda p: p.line or 0))
    return ServiceEntry(entry_id, source, rel, service, node), (*read_problems, *problems)
