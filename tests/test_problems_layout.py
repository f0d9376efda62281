"""One obvious place for each message code: its first part names the module of langso.problems."""

from __future__ import annotations

from langso.problems import (
    MESSAGES,
    basemap,
    directory,
    events,
    notices,
    pages,
    plaques,
    portal,
    reading,
    site,
    tours,
)

MODULES = {
    reading: {"yaml", "file", "text"},
    directory: {"service", "field", "category"},
    pages: {"page", "frontmatter", "guide", "html", "nav"},
    plaques: {"plaque", "record", "print", "sheet"},
    site: {"village", "config", "build", "photo"},
    notices: {"notice", "loa"},
    events: {"event", "date"},
    tours: {"tour"},
    basemap: {"basemap"},
    portal: {"portal"},
}
"""Each topic module and the code prefixes it holds (as the docstring of langso.problems says)."""


def test_each_code_is_in_the_module_its_prefix_names() -> None:
    misplaced = [
        f"{module.__name__}: {code}"
        for module, prefixes in MODULES.items()
        for code in module.MESSAGES
        if code.split(".")[0] not in prefixes
    ]
    assert misplaced == []


def test_messages_merges_every_module_without_losing_a_code() -> None:
    assert sum(len(module.MESSAGES) for module in MODULES) == len(MESSAGES)


def test_the_docstring_names_every_module_and_prefix() -> None:
    import langso.problems

    doc = langso.problems.__doc__ or ""
    for module, prefixes in MODULES.items():
        line = next(line for line in doc.splitlines() if line.endswith(f":mod:`{module.__name__}`"))
        assert {part.strip("`*.") for part in line.split(":")[0][2:].split(", ")} == prefixes
