"""Reader-side markup, as plain functions of text (no MkDocs): the controls, the script that
applies the reader's choices before the first paint, Open Graph tags, the deferred theme script.

Each change to a page is an :class:`Edit` found on the page as given (``*_edit(s)`` functions),
and :func:`apply_edits` makes them all in one pass: the plugin reads the page once, however many
things it adds. ``inject_*``, :func:`defer_theme_script` and :func:`inline_critical_css` make
one kind of change at a time.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from urllib.parse import urljoin

from langso.edits import Edit, apply_edits
from langso.pageassets import references

__all__ = [
    "Edit",
    "OpenGraph",
    "apply_edits",
    "controls_edit",
    "controls_html",
    "critical_css_edits",
    "defer_theme_script",
    "head_edit",
    "head_script",
    "inject_controls",
    "inject_head",
    "inline_critical_css",
    "local_scripts",
    "local_stylesheets",
    "og_tags",
    "stylesheet_links",
    "theme_loader",
    "theme_loader_place",
    "theme_script_edits",
]

# Font-size steps the A−/A+ buttons move through; the reader.js and reader.css tables agree.
SIZE_STEPS = (-1, 0, 1, 2, 3)

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_HEADER_END = re.compile(r"</header\s*>", re.IGNORECASE)
_BUNDLE = re.compile(
    r'<script\s+src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"\s*>\s*</script>'
)


@lru_cache(maxsize=64)  # pages at one depth share it
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


@lru_cache(maxsize=2)
def controls_html(share: bool) -> str:
    """The toolbar: A−, A, A+ (the one matching the saved size pressed: ``reader.js`` sets
    ``aria-pressed``, ``reader.css`` shows it from ``<html data-langso-size>`` before that), the
    contrast switch and (optionally) the share button with its status line, which shows over
    the page (no reflow). Inside a ``region`` landmark named "Công cụ đọc" (axe ``region``).

    Hidden by the stylesheet without JavaScript (the buttons would do nothing)."""
    share_html = (
        '<button type="button" class="langso-reader__button langso-reader__share"'
        " data-langso-share>Chia sẻ</button>"
        if share
        else ""
    )
    status = (
        '<p class="langso-reader__status" role="status" aria-live="polite"></p>' if share else ""
    )
    return (
        '<div class="langso-reader" role="region" aria-label="Công cụ đọc">'
        '<div class="langso-reader__bar md-grid" role="toolbar"'
        ' aria-label="Cỡ chữ và độ tương phản">'
        '<button type="button" class="langso-reader__button" data-langso-size="-1"'
        ' aria-pressed="false" aria-label="A− chữ nhỏ hơn">A−</button>'
        '<button type="button" class="langso-reader__button" data-langso-size="0"'
        ' aria-pressed="true" aria-label="A cỡ chữ mặc định">A</button>'
        '<button type="button" class="langso-reader__button" data-langso-size="1"'
        ' aria-pressed="false" aria-label="A+ chữ to hơn">A+</button>'
        '<button type="button" class="langso-reader__button" data-langso-contrast'
        ' aria-pressed="false" aria-label="Tương phản cao">◐</button>'
        f"{share_html}</div>{status}</div>"
    )


def head_edit(page_html: str, markup: str) -> Edit:
    """Put ``markup`` at the end of ``<head>`` (else at the start)."""
    match = _HEAD_END.search(page_html)
    return Edit(match.start(), match.start(), markup) if match else Edit(0, 0, markup, after=True)


def controls_edit(page_html: str, markup: str) -> Edit:
    """Put the toolbar right under Material's header, else at the start of ``<body>``."""
    match = _HEADER_END.search(page_html) or _BODY.search(page_html)
    at = match.end() if match else 0
    return Edit(at, at, markup, after=True)


def inject_head(page_html: str, markup: str) -> str:
    """:func:`head_edit` made."""
    return apply_edits(page_html, [head_edit(page_html, markup)])


def inject_controls(page_html: str, markup: str) -> str:
    """:func:`controls_edit` made."""
    return apply_edits(page_html, [controls_edit(page_html, markup)])


class OpenGraph:
    """The values of a page's Open Graph tags, as plain text (:func:`og_tags` escapes them).

    ``image`` is an absolute URL; ``image_size`` its ``(width, height)`` in pixels when known;
    ``image_alt`` what it shows."""

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
        image_size: tuple[int, int] | None = None,
        image_alt: str = "",
    ) -> None:
        self.title = title
        self.description = description
        self.url = url
        self.image = image
        self.site_name = site_name
        self.kind = kind
        self.locale = locale
        self.image_size = image_size
        self.image_alt = image_alt


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
    """The ``<meta property="og:…">`` tags, one a line, empty values left out, then X's
    ``twitter:card``: ``summary_large_image`` with an image (X takes the title, description
    and image from the Open Graph tags: repeating them would only weigh on every page),
    ``summary`` without."""
    width, height = og.image_size or (0, 0)
    image = og.image or ""
    pairs = [
        ("og:type", og.kind),
        ("og:locale", og.locale),
        ("og:site_name", og.site_name),
        ("og:title", og.title),
        ("og:description", og.description),
        ("og:url", og.url or ""),
        ("og:image", image),
        ("og:image:width", str(width) if image and width else ""),
        ("og:image:height", str(height) if image and height else ""),
        ("og:image:alt", og.image_alt if image else ""),
    ]
    card = "summary_large_image" if image else "summary"
    return (
        "".join(
            f'<meta property="{name}" content="{html.escape(value, quote=True)}">\n'
            for name, value in pairs
            if value
        )
        + f'<meta name="twitter:card" content="{card}">\n'
    )


# On the first interaction: the full stylesheets (then the inline critical CSS goes) and
# Material's script. Material waits for DOMContentLoaded, long past by then: its listener (and
# only its) is called at once, the others are not run twice. Without a deferred script the
# stylesheets load once the page has loaded, so the theme's script finds them.
_LOADER = (
    "<script>(function(){{var src={src},ev=['pointerdown','keydown','focusin','scroll',"
    "'touchstart','wheel'],d=document,styled=false,done=false;"
    "function styles(){{if(styled)return;styled=true;"
    "var n=d.querySelector('noscript[data-langso-styles]'),"
    "c=d.querySelector('style[data-langso-critical]');if(!n||!c)return;"
    "var t=d.createElement('template');t.innerHTML=n.textContent;"
    "var links=t.content.querySelectorAll('link'),left=links.length;"
    "links.forEach(function(l){{var e=d.createElement('link');e.rel='stylesheet';"
    "e.href=l.getAttribute('href');e.onload=e.onerror=function(){{if(!--left)c.remove()}};"
    "c.parentNode.insertBefore(e,c)}})}}"
    "function go(){{if(done)return;done=true;styles();"
    "ev.forEach(function(e){{removeEventListener(e,go,true)}});if(!src)return;"
    "var add=d.addEventListener,late=[];"
    "d.addEventListener=function(t,f,o){{if(t==='DOMContentLoaded'&&d.readyState!=='loading')"
    "{{late.push(f);return}}return add.call(d,t,f,o)}};"
    "var s=d.createElement('script');s.src=src;"
    "s.onload=s.onerror=function(){{d.addEventListener=add;late.forEach(function(f){{"
    "var e=new Event('DOMContentLoaded');typeof f==='function'?f.call(d,e):f.handleEvent(e)"
    "}})}};d.body.appendChild(s)}}"
    "window.langsoLoadTheme=go;if(!src){{addEventListener('load',styles);return}}"
    "ev.forEach(function(e){{addEventListener(e,go,{{capture:true,passive:true}})}})}})()"
    "</script>"
)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def local_stylesheets(page_html: str) -> list[str]:
    """The ``href`` of each stylesheet ``<link>`` of the page served by the site itself (not
    ``https:``, not ``//host``; not inside ``<noscript>``), in order, unescaped."""
    return [r.url for r in references(page_html) if r.stylesheet and r.local and not r.hidden]


def local_scripts(page_html: str) -> list[str]:
    """The ``src`` of each ``<script src>`` of the page served by the site itself, in order."""
    return [r.url for r in references(page_html) if r.tag == "script" and r.local and not r.hidden]


@lru_cache(maxsize=64)
def _style_element(css: str) -> str:
    # Remembered: pages of one kind share their CSS.
    style = css.replace("</", "<\\/")  # "</style" would end the element early
    return f"<style data-langso-critical>{style}</style>"


def stylesheet_links(page_html: str) -> list[tuple[int, int]]:
    """Where the page's own stylesheet links in ``<head>`` (:func:`local_stylesheets`) stand:
    ``(start, end)`` character offsets, in order."""
    head_end = _HEAD_END.search(page_html)
    end = head_end.start() if head_end else 0
    # Only the head is read: a tag of the whole page that ends by ``end`` is found the same way
    # in the head alone (a tag is one match up to its first ``>``), and the head is a tenth of
    # a page. The whole page's tags are read by the critical CSS and the budget anyway.
    return [
        (r.start, r.end)
        for r in references(page_html[:end])
        if r.stylesheet and r.local and not r.hidden
    ]


def critical_css_edits(
    page_html: str, css: str, links: list[tuple[int, int]] | None = None
) -> list[Edit]:
    """Replace the page's own stylesheet links in ``<head>`` (at ``links``, found by
    :func:`stylesheet_links` when not given) by ``css`` inline, where the first was; the links
    stay in a ``<noscript>`` (read by the loader of :func:`theme_script_edits`, and used as they
    are by browsers without JavaScript)."""
    links = stylesheet_links(page_html) if links is None else links
    if not links:
        return []
    block = _critical_block(css, "".join(page_html[a:b] for a, b in links))
    (start, end), *others = links
    return [Edit(start, end, block)] + [Edit(a, b, "") for a, b in others]


# Pages of one kind and depth share one block (tens of KB): one string, kept once in memory
# and in the reader's recall file.
@lru_cache(maxsize=256)
def _critical_block(css: str, links: str) -> str:
    return _style_element(css) + f"<noscript data-langso-styles>{links}</noscript>"


def inline_critical_css(page_html: str, css: str) -> str:
    """:func:`critical_css_edits` made."""
    return apply_edits(page_html, critical_css_edits(page_html, css))


@lru_cache(maxsize=64)
def theme_loader(src: str | None) -> str:
    """The loader of :func:`theme_script_edits`, for Material's script at ``src`` (``None``:
    the stylesheets only)."""
    return _LOADER.format(src=json.dumps(src))


def theme_loader_place(
    page_html: str, *, script: bool = True, styles: bool = False
) -> tuple[int, int, str | None] | None:
    """Where the loader of :func:`theme_script_edits` goes, and what it loads: ``(start, end,
    src)``, the span of Material's ``bundle.*.min.js`` tag and its address (unescaped) when
    ``script``, else the end of ``<body>`` and ``None``; ``None`` when there is nothing to
    load."""
    match = _BUNDLE.search(page_html) if script else None
    if match:
        return match.start(), match.end(), html.unescape(match.group("src"))
    if not styles:
        return None
    end = _BODY_END.search(page_html)
    at = end.start() if end else len(page_html)
    return at, at, None


def theme_script_edits(page_html: str, *, script: bool = True, styles: bool = False) -> list[Edit]:
    """Add the loader that, on the first tap, key press, focus or scroll, fetches the full
    stylesheets put aside by :func:`critical_css_edits` (when ``styles``) and (when
    ``script``) Material's ``bundle.*.min.js``, whose tag it replaces. No edit when there is
    nothing to load."""
    place = theme_loader_place(page_html, script=script, styles=styles)
    if place is None:
        return []
    start, end, src = place
    return [Edit(start, end, theme_loader(src))]


def defer_theme_script(page_html: str, *, script: bool = True, styles: bool = False) -> str:
    """:func:`theme_script_edits` made."""
    return apply_edits(page_html, theme_script_edits(page_html, script=script, styles=styles))
