"""The critical CSS of a page: what is kept, what goes, and how it is put in the page."""

from __future__ import annotations

from langso.reader.critical import Stylesheet, critical_css, markup_names, script_names
from langso.reader.markup import inline_critical_css, local_scripts, local_stylesheets

CSS = """
:root{--used:#111;--chained:var(--used);--unused:url("data:image/svg+xml;x");--via-style:1px}
body{margin:0}
.md-nav,.md-search__input{color:var(--chained)}
.md-nav__toggle:checked~.md-nav{display:block}
.md-tooltip{color:red}
a:not(.md-nav__link):hover{color:blue}
[dir=rtl] .md-nav{margin-left:1px}
[data-md-toggle=search]:checked~.md-tooltip{left:0}
#__drawer,#__search{display:none}
@media screen and (min-width:60em){.md-nav{margin:0}.md-tabs{display:block}}
@media print{.md-tabs{display:none}}
.md-spin{animation:spin 1s}
@keyframes spin{to{transform:rotate(1turn)}}
@keyframes unused-fade{to{opacity:0}}
@font-face{font-family:X;src:url(x.woff2)}
"""

PAGE = (
    '<html><head><script>document.documentElement.classList.add("md-spin")</script></head>'
    '<body dir="ltr"><input class="md-nav__toggle" type="checkbox" id="__drawer">'
    '<nav class="md-nav"><a href="#">x</a></nav></body></html>'
)


def test_markup_names_reads_classes_ids_types_and_inline_scripts() -> None:
    names = markup_names(PAGE)
    assert {"md-nav__toggle", "md-nav", "__drawer", "input", "nav", "a", "html", "body"} <= names
    assert {"md-spin", "classList"} <= names  # from the inline script
    assert "md-tooltip" not in names and "x" not in names  # text is not markup


def test_only_rules_that_can_match_stay_with_the_custom_properties_they_use() -> None:
    css = critical_css([Stylesheet(CSS)], markup_names(PAGE), extra="width:var(--via-style)")
    assert css == (
        ":root{--used:#111;--chained:var(--used);--via-style:1px}"
        "body{margin:0}"
        ".md-nav{color:var(--chained)}"
        ".md-nav__toggle:checked~.md-nav{display:block}"
        "a:not(.md-nav__link):hover{color:blue}"
        "[dir=rtl] .md-nav{margin-left:1px}"
        "#__drawer{display:none}"
        "@media screen and (min-width:60em){.md-nav{margin:0}}"
        ".md-spin{animation:spin 1s}"
        "@keyframes spin{to{transform:rotate(1turn)}}"
        "@font-face{font-family:X;src:url(x.woff2)}"
    )


def test_a_script_keeps_the_rules_for_what_it_creates() -> None:
    names = markup_names(PAGE) | script_names('el.className = "md-tooltip";')
    assert ".md-tooltip{color:red}" in critical_css([Stylesheet(CSS)], names)


def test_sheets_keep_their_order_and_share_custom_properties() -> None:
    ours = Stylesheet(".md-nav{border-color:var(--used)}")
    css = critical_css([Stylesheet(":root{--used:#000;--other:1}"), ours], frozenset({"md-nav"}))
    assert css == ":root{--used:#000}.md-nav{border-color:var(--used)}"


HEAD = (
    '<html><head><link rel="stylesheet" href="../assets/main.css">'
    '<link rel="stylesheet" href="https://fonts.example/x.css">'
    '<link rel="stylesheet" href="../assets/a&amp;b.css"></head>'
    '<body><script src="../assets/x.js"></script><script src="//cdn.example/y.js"></script>'
    "</body></html>"
)


def test_local_stylesheets_and_scripts() -> None:
    assert local_stylesheets(HEAD) == ["../assets/main.css", "../assets/a&b.css"]
    assert local_scripts(HEAD) == ["../assets/x.js"]


def test_inline_critical_css_keeps_the_links_for_later_and_for_no_javascript() -> None:
    page = inline_critical_css(HEAD, "a{color:red}</style>")
    assert page == (
        "<html><head><style data-langso-critical>a{color:red}<\\/style></style>"
        '<noscript data-langso-styles><link rel="stylesheet" href="../assets/main.css">'
        '<link rel="stylesheet" href="../assets/a&amp;b.css"></noscript>'
        '<link rel="stylesheet" href="https://fonts.example/x.css">'
        "</head>"
        '<body><script src="../assets/x.js"></script><script src="//cdn.example/y.js"></script>'
        "</body></html>"
    )
    assert local_stylesheets(page) == []  # what is in <noscript> does not load with JavaScript


def test_links_written_in_any_attribute_order_or_quote_are_found() -> None:
    page = (
        "<html><head><link href='../a.css' rel='stylesheet'>"
        '<link rel="icon" href="../i.png"><LINK HREF="../b.css" REL="Stylesheet"></head>'
        "<body><script defer src='../x.js'></script>"
        '<noscript><link rel="stylesheet" href="../c.css"></noscript></body></html>'
    )
    assert local_stylesheets(page) == ["../a.css", "../b.css"]
    assert local_scripts(page) == ["../x.js"]
    inlined = inline_critical_css(page, "p{}")
    assert inlined.startswith(
        "<html><head><style data-langso-critical>p{}</style><noscript data-langso-styles>"
        "<link href='../a.css' rel='stylesheet'><LINK HREF=\"../b.css\" REL=\"Stylesheet\">"
        '</noscript><link rel="icon" href="../i.png"></head>'
    )
