"""The home page's top (picture, emergency calls, tiles) and index cards, built from data."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from tests.conftest import SiteFactory, build_site

VILLAGE = (
    "ten: 'Phú Mỹ'\nloai: 'làng'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n"
    "xa_cu: 'xã Định Long'\nhuyen_cu: 'huyện Yên Định'\n"
)

CALLS = (
    '<section class="langso-sos" aria-labelledby="langso-khan-cap">\n'
    '<h2 id="langso-khan-cap">Khẩn cấp: bấm số để gọi</h2>\n'
    '<ul class="langso-sos__calls">\n'
    + "".join(
        f'<li><a class="langso-call" href="tel:{n}"><svg class="langso-icon" viewBox="0 0 24 24"'
        ' width="24" height="24" aria-hidden="true" focusable="false"><path d="M5 4h4l2 5-2.5'
        ' 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/></svg>'
        f'<span class="langso-call__number">{n}</span>'
        f'<span class="langso-call__label">{label}</span></a></li>\n'
        for n, label in (("113", "Công an"), ("114", "Cứu hỏa"), ("115", "Cấp cứu"))
    )
    + "</ul>\n"
)


def png(width: int, height: int) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (width, height), (200, 160, 120)).save(data, "PNG")
    return data.getvalue()


def home_block(html: str) -> str:
    start = html.index('<div class="langso-home">')
    return html[start : html.index("</div>", start) + len("</div>")]


def tile_links(html: str) -> list[tuple[str, str]]:
    import re

    return re.findall(
        r'<a class="langso-tile" href="([^"]*)">.*?<span class="langso-tile__label">([^<]*)',
        home_block(html),
    )


def test_home_gets_calls_and_tiles_to_existing_sections_only(make_site: SiteFactory) -> None:
    root = make_site()
    result = build_site(root)
    assert result.ok, result.text()
    html = result.read("index.html")
    block = home_block(html)
    # right after the h1, before the volunteer's own text; no picture: no hero
    assert html.index("</h1>") < html.index(block) < html.index("<p>", html.index("</h1>"))
    assert "langso-hero" not in block
    assert CALLS in block
    assert "Các số khẩn cấp khác" not in block  # the site has no emergency page
    # the minimal site has a directory; a place but no places index, no guides, no notices
    assert tile_links(html) == [("danh-ba/", "Danh bạ")]


def test_tiles_follow_the_sections_the_site_has(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/dia-diem/index.md": "# Địa điểm\n\nNơi đáng đến.\n",
            "content/huong-dan/index.md": "# Hướng dẫn\n\nCác bước.\n",
            "content/huong-dan/so-khan-cap.md": "# Số khẩn cấp\n\n113, 114, 115.\n",
            "content/thong-bao/index.md": "# Thông báo\n\nTin mới.\n",
        }
    )
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    html = result.read("index.html")
    assert tile_links(html) == [
        ("danh-ba/", "Danh bạ"),
        ("dia-diem/", "Địa điểm"),
        ("huong-dan/", "Hướng dẫn"),
        ("thong-bao/", "Thông báo"),
    ]
    assert (
        '<a class="langso-sos__more" href="huong-dan/so-khan-cap/">Các số khẩn cấp khác</a>'
        in home_block(html)
    )


def test_village_picture_becomes_the_hero_escaped_once(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/village.yml": VILLAGE + "anh: 'anh/lang.png'\n"
            "anh_mo_ta: '<b>Đình & \"cổng\"</b>'\nanh_la_tranh: 'có'\n",
        }
    )
    (root / "content" / "anh").mkdir()
    (root / "content" / "anh" / "lang.png").write_bytes(png(640, 320))
    result = build_site(root)
    assert result.ok, result.text()
    block = home_block(result.read("index.html"))
    assert block.startswith(
        '<div class="langso-home">\n<figure class="langso-hero"><img src="anh/lang.png"'
        ' alt="&lt;b&gt;Đình &amp; &#34;cổng&#34;&lt;/b&gt;" width="640" height="320"'
        ' loading="eager" fetchpriority="high" decoding="async">'
        "<figcaption>Tranh minh họa</figcaption></figure>\n"
    )


def test_a_photo_is_not_called_an_illustration(make_site: SiteFactory) -> None:
    root = make_site(
        files={"content/village.yml": VILLAGE + "anh: 'anh/lang.png'\nanh_mo_ta: 'Cổng làng'\n"}
    )
    (root / "content" / "anh").mkdir()
    (root / "content" / "anh" / "lang.png").write_bytes(png(300, 200))
    result = build_site(root)
    assert result.ok, result.text()
    block = home_block(result.read("index.html"))
    assert 'alt="Cổng làng" width="300" height="200"' in block
    assert "Tranh minh họa" not in block


def test_missing_picture_is_a_located_error(make_site: SiteFactory) -> None:
    root = make_site(
        files={"content/village.yml": VILLAGE + "anh: 'anh/khong-co.webp'\nanh_mo_ta: 'Đình'\n"}
    )
    result = build_site(root)
    assert not result.ok
    assert (
        "content/village.yml:7: anh: không thấy ảnh `anh/khong-co.webp` trong thư mục nội dung"
        in result.text()
    )


def test_picture_without_description_is_refused(make_site: SiteFactory) -> None:
    root = make_site(files={"content/village.yml": VILLAGE + "anh: 'anh/lang.png'\n"})
    result = build_site(root)
    assert not result.ok
    # On the `anh` line (7), the field that needs its companion; with the missing file, at once.
    assert "content/village.yml:7: anh: có `anh` nhưng thiếu `anh_mo_ta`" in result.text()
    assert "content/village.yml:7: anh: không thấy ảnh `anh/lang.png`" in result.text()


def test_picture_outside_the_content_folder_is_refused(make_site: SiteFactory) -> None:
    root = make_site(
        files={"content/village.yml": VILLAGE + "anh: '../mkdocs.yml'\nanh_mo_ta: 'x'\n"}
    )
    result = build_site(root)
    assert not result.ok
    assert "`../mkdocs.yml` không phải đường dẫn trong thư mục nội dung" in result.text()


SOURCES = "\n## Nguồn\n\n- Lời kể.\n"

INDEX = """---
title: "Địa điểm"
---

# Địa điểm

Những nơi trong làng.

- [Đình <làng> & "Mỹ"](dinh.md): mô tả **ngắn** & rõ.
- [Chợ quê](cho.md)
- [Đình làng Phú Mỹ](dinh-lang-phu-my.md)

Một danh sách khác:

- [Đình](dinh.md)
- chữ thường, không phải liên kết
"""


def test_index_lists_of_pages_become_cards_with_pictures(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/dia-diem/index.md": INDEX,
            "content/dia-diem/dinh.md": "# Đình\n\n![Tranh đình](../anh/dinh.png)\n" + SOURCES,
            "content/dia-diem/cho.md": '---\ndescription: "Chợ họp <sáng> sớm"\n---\n\n# Chợ\n'
            + SOURCES,
        }
    )
    (root / "content" / "anh").mkdir()
    (root / "content" / "anh" / "dinh.png").write_bytes(png(320, 180))
    result = build_site(root)
    assert result.ok, result.text()
    html = result.read("dia-diem/index.html")
    assert (
        '<ul class="langso-cards">\n'
        '<li class="langso-card"><a class="langso-card__link" href="dinh/">'
        '<img class="langso-card__img" src="../anh/dinh.png" alt="" width="320" height="180"'
        ' loading="lazy" decoding="async">'
        '<span class="langso-card__title">Đình &lt;làng&gt; &amp; "Mỹ"</span>'
        '<span class="langso-card__text">mô tả ngắn &amp; rõ.</span></a></li>\n'
        '<li class="langso-card"><a class="langso-card__link" href="cho/">'
        '<span class="langso-card__title">Chợ quê</span>'
        '<span class="langso-card__text">Chợ họp &lt;sáng&gt; sớm</span></a></li>\n'
        '<li class="langso-card"><a class="langso-card__link" href="dinh-lang-phu-my/">'
        '<span class="langso-card__title">Đình làng Phú Mỹ</span></a></li>\n'
        "</ul>"
    ) in html
    # a list with an item that is not a link to a page stays a list
    assert html.count('class="langso-cards"') == 1
    assert "<li>chữ thường, không phải liên kết</li>" in html
    assert (Path(result.site_dir) / "assets/langso/cards.css").is_file()
