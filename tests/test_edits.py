"""``langso.edits``: edits found on one page made in one pass, and handed along a chain of
handlers, give exactly the page the handlers would have made one after the other."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from langso.edits import Edit, EditChain, apply_edits, edits_key
from langso.offline.build import offline_edits
from langso.reader.markup import controls_edit, head_edit
from langso.search.form import form_edit

# What our post_page handlers find, in the order they run: search, offline, reader.
FINDERS: list[Callable[[str], list[Edit]]] = [
    lambda page: [form_edit(page, "<form>search</form>")],
    lambda page: offline_edits(page, "../", "#3f51b5", "Lưu"),
    lambda page: [head_edit(page, "<script>head</script>"), controls_edit(page, "<div>A+</div>")],
]

PAGES = [
    # Material's shape
    '<html><head><title>t</title></head><body><header class="md-header"><nav>'
    '<div class="md-header__source">git</div></nav></header><article><p>x</p></article>'
    "</body></html>",
    # no header, no article: the search box and the toolbar both go right after <body>
    "<html><head></head><body><p>x</p></body></html>",
    # no <head>, no <body>: everything at the very start or end
    "<p>x</p>",
    "",
]


@pytest.mark.parametrize("page", PAGES)
def test_edits_found_on_the_first_page_make_the_page_made_in_turn(page: str) -> None:
    in_turn = page
    for find in FINDERS:
        in_turn = apply_edits(in_turn, find(in_turn))
    found_first = [edit for find in FINDERS for edit in find(page)]
    assert apply_edits(page, found_first) == in_turn


def test_insertions_at_one_place_keep_to_their_anchor() -> None:
    page = "<body></body>"
    after_body = len("<body>")
    edits = [
        Edit(after_body, after_body, "[1 after]", after=True),
        Edit(after_body, after_body, "[2 before]"),
        Edit(after_body, after_body, "[3 after]", after=True),
        Edit(after_body, after_body, "[4 before]"),
    ]
    # Made in turn, each "after" goes right after <body>, each "before" right before </body>.
    assert apply_edits(page, edits) == "<body>[3 after][1 after][2 before][4 before]</body>"


def test_a_chain_hands_the_page_on_only_to_its_own_handlers() -> None:
    def first() -> None: ...
    def second() -> None: ...
    def foreign() -> None: ...
    def last() -> None: ...

    chain = EditChain()
    chain.plan([first, second, foreign, last], lambda h: h is not foreign)
    page = "<p>x</p>"
    one = Edit(0, 0, "<a>")
    # first → second: handed on as it is, with its edit
    handed = chain.hand_on(first, page, [one])
    assert handed is page and chain.receive(handed) == (one,)
    # second → foreign: every edit made
    two = Edit(len(page), len(page), "<b>")
    made = chain.hand_on(second, page, [*chain.receive(page), two])
    assert made == "<a><p>x</p><b>"
    # a page the foreign handler changed comes with no edits
    assert chain.receive(made + " ") == () and chain.receive(page) == ()
    assert chain.hand_on(last, made, []) == made


def test_the_edits_of_pages_long_written_are_not_kept() -> None:
    """The key of a page's edits is remembered for the next plugins on that page, not for the
    whole build: a large site's every page's edits were held to the end."""
    texts = ["".join(["<form>", str(n)]) for n in range(100)]  # strings of their own
    first = texts[0]
    before = sys.getrefcount(first)
    keys = {edits_key((Edit(n, n, text),)) for n, text in enumerate(texts)}
    assert len(keys) == 100
    assert sys.getrefcount(first) == before
