"""``<img>`` tags: lazy, sized, with srcset, whatever way MkDocs or the author wrote them."""

from __future__ import annotations

import pytest

from langso.photos.markup import enhance_images, resolve
from langso.photos.model import Photo, Variant

PHOTOS = {
    "anh/cho-que.jpg": Photo(960, 1280, (Variant(480, 640), Variant(800, 1067))),
    "logo.png": Photo(200, 100),
}
SIZES = "(max-width: 800px) 100vw, 800px"
FULL = (
    ' loading="lazy" decoding="async" width="960" height="1280"'
    ' srcset="{p}anh/cho-que-480.jpg 480w, {p}anh/cho-que-800.jpg 800w, {p}anh/cho-que.jpg 960w"'
    f' sizes="{SIZES}"'
)


@pytest.mark.parametrize(
    ("page_url", "given", "expected"),
    [
        # Markdown's own form, both URL modes and the home page.
        (
            "dia-diem/dinh/",
            '<img alt="Chợ" src="../../anh/cho-que.jpg" />',
            '<img alt="Chợ" src="../../anh/cho-que.jpg"' + FULL.format(p="../../") + " />",
        ),
        (
            "dia-diem/dinh.html",
            '<img alt="Chợ" src="../anh/cho-que.jpg" />',
            '<img alt="Chợ" src="../anh/cho-que.jpg"' + FULL.format(p="../") + " />",
        ),
        (
            "",
            "<p><IMG src='anh/cho-que.jpg'></p>",
            "<p><IMG src='anh/cho-que.jpg'" + FULL.format(p="") + "></p>",
        ),
        (
            "",
            "<p><iMG src='anh/cho-que.jpg'></p>",
            "<p><iMG src='anh/cho-que.jpg'" + FULL.format(p="") + "></p>",
        ),
        # No variants: no srcset.
        (
            "",
            '<img src="logo.png" alt="a > b">',
            '<img src="logo.png" alt="a > b" loading="lazy" decoding="async" width="200"'
            ' height="100">',
        ),
        # The author's attributes win; the missing side keeps the proportions.
        (
            "",
            '<img src="anh/cho-que.jpg" loading="eager" width="300px" srcset="x.jpg 1x">',
            '<img src="anh/cho-que.jpg" loading="eager" width="300px" srcset="x.jpg 1x"'
            ' decoding="async" height="400">',
        ),
        (
            "",
            '<img src="logo.png" height="50" width="80" loading="lazy" decoding="sync">',
            '<img src="logo.png" height="50" width="80" loading="lazy" decoding="sync">',
        ),
        # Not ours: another site, unknown files, data URLs, escaped text, no src.
        ("", '<img src="https://example.org/anh/cho-que.jpg">', None),
        ("", '<img src="//example.org/logo.png">', None),
        ("", '<img src="anh/khac.jpg">', None),
        ("", '<img src="data:image/png;base64,AAAA">', None),
        ("", '<code>&lt;img src="logo.png"&gt;</code>', None),
        ("", "<img alt=x>", None),
    ],
)
def test_enhance_images(page_url: str, given: str, expected: str | None) -> None:
    result, changed = enhance_images(given, page_url, PHOTOS, SIZES)
    assert result == (given if expected is None else expected)
    assert changed == (0 if expected is None or expected == given else 1)


def test_query_fragment_and_percent_escapes() -> None:
    photos = {"anh/chợ quê.jpg": Photo(200, 100, (Variant(100, 50),))}
    html = '<img src="anh/ch%E1%BB%A3%20qu%C3%AA.jpg?v=2#x">'
    result, _ = enhance_images(html, "", photos, "100vw")
    assert (
        'srcset="anh/ch%E1%BB%A3%20qu%C3%AA-100.jpg 100w, anh/ch%E1%BB%A3%20qu%C3%AA.jpg 200w"'
        in (result)
    )


def test_every_tag_of_a_page() -> None:
    html = '<p><img src="logo.png"></p>\n<p><img src="logo.png"><img src="none.png"></p>'
    result, changed = enhance_images(html, "", PHOTOS, SIZES)
    assert changed == 2
    assert result.count('loading="lazy"') == 2


@pytest.mark.parametrize(
    ("page_url", "src", "expected"),
    [
        ("dia-diem/dinh/", "../../anh/cho%20que.jpg", "anh/cho que.jpg"),
        ("dia-diem/dinh.html", "../anh/a.jpg?v=2", "anh/a.jpg"),
        ("", "/anh/a.jpg", "anh/a.jpg"),
        ("", "mailto:x@y.z", None),
    ],
)
def test_resolve(page_url: str, src: str, expected: str | None) -> None:
    assert resolve(page_url, src) == expected
