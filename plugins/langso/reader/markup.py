"""Reader-side markup, as plain functions of text (no MkDocs): the controls, the script that
applies the reader's choices before the first paint, Open Graph tags, the deferred theme script.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

__all__ = [
    "DESCRIPTION_LENGTH",
    "OpenGraph",
    "controls_html",
    "defer_theme_script",
    "describe",
    "first_image",
    "head_script",
    "inject_controls",
    "inject_head",
    "og_tags",
    "summarise",
]

DESCRIPTION_LENGTH = 160

# Font-size steps the A−/A+ buttons move through; the reader.js and reader.css tables agree.
SIZE_STEPS = (-1, 0, 1, 2, 3)

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEADER_END = re.compile(r"</header\s*>", re.IGNORECASE)
_BUNDLE = re.compile(
    r'<script\s+src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"\s*>\s*</script>'
)


def head_script(root: str) -> str:
    """The inline ``<head>`` script: applies the saved size and contrast to ``<html>`` before
    the first paint. ``root`` is the site root relative to the page (``../../``): choices are
    kept per site, as several project sites share one origin."""
    return (
        "<script>(function(){var d=document.documentElement;d.classList.add('langso-js');"
        f"var k=new URL({json.dumps(root)},location).pathname+'langso.';"
        "window.langsoReaderKey=k;"
        "try{var s=localStorage.getItem(k+'size'),c=localStorage.getItem(k+'contrast');"
        "if(s&&s!=='0')d.setAttribute('data-langso-size',s);"
        "if(c==='1')d.classList.add('langso-contrast')}catch(e){}})()</script>"
    )


def controls_html(share: bool) -> str:
    """The toolbar: A−, A, A+, the contrast switch and (optionally) the share button.

    Hidden by the stylesheet without JavaScript (the buttons would do nothing)."""
    share_html = (
        '<button type="button" class="langso-reader__button langso-reader__share"'
        " data-langso-share hidden>Chia sẻ</button>"
        '<span class="langso-reader__status" role="status" aria-live="polite"></span>'
        if share
        else ""
    )
    return (
        '<div class="langso-reader md-grid" role="toolbar" aria-label="Cỡ chữ và độ tương phản">'
        '<button type="button" class="langso-reader__button" data-langso-size="-1"'
        ' aria-label="Chữ nhỏ hơn">A−</button>'
        '<button type="button" class="langso-reader__button" data-langso-size="0"'
        ' aria-label="Cỡ chữ mặc định">A</button>'
        '<button type="button" class="langso-reader__button" data-langso-size="1"'
        ' aria-label="Chữ to hơn">A+</button>'
        '<button type="button" class="langso-reader__button" data-langso-contrast'
        ' aria-pressed="false" aria-label="Tương phản cao">◐</button>'
        f"{share_html}</div>"
    )


def inject_head(page_html: str, markup: str) -> str:
    """Put ``markup`` at the end of ``<head>`` (else at the start)."""
    match = _HEAD_END.search(page_html)
    at = match.start() if match else 0
    return page_html[:at] + markup + page_html[at:]


def inject_controls(page_html: str, markup: str) -> str:
    """Put the toolbar right under Material's header, else at the start of ``<body>``."""
    match = _HEADER_END.search(page_html) or _BODY.search(page_html)
    at = match.end() if match else 0
    return page_html[:at] + markup + page_html[at:]


class _Text(HTMLParser):
    """The text of the first ``<p>`` outside admonitions, and the first ``<img src>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraph: list[str] | None = None
        self.done = False
        self.skip = 0
        self.image: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img" and self.image is None:
            self.image = dict(attrs).get("src") or None
        classes = (dict(attrs).get("class") or "").split()
        if self.skip or (tag in ("div", "details", "aside", "nav") and classes):
            if tag in ("div", "details", "aside", "nav"):
                self.skip += 1
            return
        if tag == "p" and not self.done and self.paragraph is None:
            self.paragraph = []

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in ("div", "details", "aside", "nav"):
                self.skip -= 1
            return
        if tag == "p" and self.paragraph is not None and not self.done:
            self.done = bool(" ".join(self.paragraph).split())
            if not self.done:
                self.paragraph = None

    def handle_data(self, data: str) -> None:
        if self.paragraph is not None and not self.done and not self.skip:
            self.paragraph.append(data)


def _parse(content: str) -> _Text:
    parser = _Text()
    parser.feed(content)
    parser.close()
    return parser


def summarise(content: str, length: int = DESCRIPTION_LENGTH) -> tuple[str, str | None]:
    """:func:`describe` and :func:`first_image` of ``content``, reading it once."""
    parser = _parse(content)
    return _description(parser, length), parser.image


def describe(content: str, length: int = DESCRIPTION_LENGTH) -> str:
    """The first paragraph's text, on one line, cut at a word to at most ``length`` characters
    (with "…" when cut); "" when the page has no paragraph."""
    return _description(_parse(content), length)


def _description(parser: _Text, length: int) -> str:
    text = " ".join(" ".join(parser.paragraph or []).split()) if parser.done else ""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—") + "…"


def first_image(content: str) -> str | None:
    """The ``src`` of the page content's first image, as written (relative to the page)."""
    return _parse(content).image


class OpenGraph:
    """The values of a page's Open Graph tags."""

    def __init__(
        self,
        *,
        title: str,
        description: str,
        url: str | None,
        image: str | None,
        site_name: str,
        kind: str = "article",
        locale: str = "vi_VN",
    ) -> None:
        self.title = title
        self.description = description
        self.url = url
        self.image = image
        self.site_name = site_name
        self.kind = kind
        self.locale = locale


def og_image_url(page_url: str | None, src: str | None, fallback: str | None, site: str) -> str:
    """``src`` (relative to the page at ``page_url``) or ``fallback`` (relative to ``site``),
    made absolute; "" when there is neither."""
    if src and page_url:
        return urljoin(page_url, src)
    if src:
        return src
    if fallback:
        return urljoin(site, fallback) if site else fallback
    return ""


def og_tags(og: OpenGraph) -> str:
    """The ``<meta property="og:…">`` tags, one a line, empty values left out."""
    pairs = [
        ("og:type", og.kind),
        ("og:locale", og.locale),
        ("og:site_name", og.site_name),
        ("og:title", og.title),
        ("og:description", og.description),
        ("og:url", og.url or ""),
        ("og:image", og.image or ""),
    ]
    return "".join(
        f'<meta property="{name}" content="{html.escape(value, quote=True)}">\n'
        for name, value in pairs
        if value
    )


# Loads Material's script on the first interaction. Material waits for DOMContentLoaded, long
# past by then: its listener (and only its) is called at once, the others are not run twice.
_LOADER = (
    "<script>(function(){{var src={src},ev=['pointerdown','keydown','focusin','scroll',"
    "'touchstart','wheel'],done=false;function go(){{if(done)return;done=true;"
    "ev.forEach(function(e){{removeEventListener(e,go,true)}});"
    "var d=document,add=d.addEventListener,late=[];"
    "d.addEventListener=function(t,f,o){{if(t==='DOMContentLoaded'&&d.readyState!=='loading')"
    "{{late.push(f);return}}return add.call(d,t,f,o)}};"
    "var s=d.createElement('script');s.src=src;"
    "s.onload=s.onerror=function(){{d.addEventListener=add;late.forEach(function(f){{"
    "var e=new Event('DOMContentLoaded');typeof f==='function'?f.call(d,e):f.handleEvent(e)"
    "}})}};d.body.appendChild(s)}}"
    "window.langsoLoadTheme=go;"
    "ev.forEach(function(e){{addEventListener(e,go,{{capture:true,passive:true}})}})}})()"
    "</script>"
)


def defer_theme_script(page_html: str) -> str:
    """Replace Material's ``bundle.*.min.js`` tag by a loader that fetches it on the first
    tap, key press, focus or scroll; unchanged when the page has no such tag."""
    match = _BUNDLE.search(page_html)
    if not match:
        return page_html
    loader = _LOADER.format(src=json.dumps(html.unescape(match.group("src"))))
    return page_html[: match.start()] + loader + page_html[match.end() :]
