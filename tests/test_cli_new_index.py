"""``langso new`` keeps the section's index page: written with the section's first page, and
given a link to each new page (the list that becomes cards), the volunteer's text untouched."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from langso.init import create_village
from langso.sectionindex import add_link, index_title
from tests.conftest import SiteFactory, build_site
from tests.test_cli_new import langso

REPO = Path(__file__).resolve().parent.parent


def test_the_first_guide_of_a_fresh_village_gets_its_section(tmp_path: Path) -> None:
    root = tmp_path / "lang"
    create_village(
        root, village="Xóm Mới", kind="xóm", commune="xã Yên Định", province="tỉnh Thanh Hóa",
        host="github", requirement=str(REPO), today=dt.date(2026, 11, 1),
    )  # fmt: skip
    result = langso(root, "new", "guide", "--title", "Đổi thẻ BHYT")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Đã tạo / created content/huong-dan/doi-the-bhyt.md",
        "Đã thêm mục “Hướng dẫn” vào `nav:` trong mkdocs.yml. / Added the section to `nav:` in "
        "mkdocs.yml.",
        "Đã tạo trang mục lục content/huong-dan/index.md (“Hướng dẫn”), có liên kết tới trang "
        "mới: mục “Hướng dẫn” hiện trên trang chủ và trong trình đơn. / Created the section's "
        "index page content/huong-dan/index.md (“Hướng dẫn”) listing the new page: the section "
        "now shows on the home page and in the menu.",
        "Kiểm tra bằng / check with: langso check",
    ]
    assert (root / "content/huong-dan/index.md").read_text("utf-8") == (
        '---\ntitle: "Hướng dẫn"\n'
        'description: "Các hướng dẫn ngắn cho bà con, làm lần lượt từng bước trên điện thoại."\n'
        "---\n\n# Hướng dẫn\n\n"
        "Các hướng dẫn ngắn cho bà con, làm lần lượt từng bước trên điện thoại.\n\n"
        "- [Đổi thẻ BHYT](doi-the-bhyt.md)\n"
    )
    # the menu of the fresh village gets the section, after "Địa điểm", before the notices
    nav = (root / "mkdocs.yml").read_text("utf-8").split("\nnav:\n")[1]
    assert nav.splitlines()[:8] == [
        "  - Trang chủ: index.md",
        "  - Địa điểm:",
        "      - dia-diem/index.md",
        "      - dia-diem/dinh-xom-moi.md",
        '  - "Hướng dẫn":',
        "      - huong-dan/index.md",
        "      - huong-dan/doi-the-bhyt.md",
        "  - Thông báo: thong-bao/index.md",
    ]
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    place = langso(root, "new", "place", "--title", "Giếng làng")
    assert place.stdout.splitlines()[2] == (
        "Đã thêm `- [Giếng làng](gieng-lang.md)` vào danh sách liên kết của "
        "content/dia-diem/index.md, dòng 8, theo thứ tự chữ cái. / Added the link to the list "
        "in content/dia-diem/index.md, line 8, in alphabetical order."
    )

    built = build_site(root)
    assert built.ok, built.text()
    home = built.soup("index.html")
    tiles = [(a["href"], a.select_one(".langso-tile__label").get_text()) for a in
             home.select("a.langso-tile")]  # fmt: skip
    assert tiles == [
        ("danh-ba/", "Danh bạ"),
        ("dia-diem/", "Địa điểm"),
        # no "Bản đồ" tile: nothing of a fresh village has `toa_do` yet (issue 16)
        ("huong-dan/", "Hướng dẫn"),
        # The starter's sample notice and event (langso init).
        ("thong-bao/", "Thông báo"),
        ("lich/", "Lịch"),
    ]
    menu = home.select_one("nav.md-nav--primary")
    assert menu is not None
    headings = {" ".join(a.get_text().split()): a["href"] for a in menu.select("a.md-nav__link")}
    assert headings["Hướng dẫn"] == "huong-dan/" and headings["Địa điểm"] == "dia-diem/", headings
    assert "Huong dan" not in built.read("index.html")
    assert "Dia diem" not in built.read("index.html")
    guides = built.soup("huong-dan/index.html")
    assert [c.get_text() for c in guides.select(".langso-card__title")] == ["Đổi thẻ BHYT"]
    places = built.soup("dia-diem/index.html")
    assert [c.get_text() for c in places.select(".langso-card__title")] == [
        "Đình Xóm Mới",
        "Giếng làng",
    ]


VOLUNTEER_INDEX = """---
title: "Địa điểm"
---

# Địa điểm

Các nơi đáng biết của Phú Mỹ. *Tổ công nghệ số viết.*

## Trong làng

- [Chùa Bà](chua-ba.md): chùa cổ.
- [Đình làng Phú Mỹ](dinh-lang-phu-my.md): đình của làng.
- [Nhà thờ họ](nha-tho-ho.md)

## Gần làng

- [Đền Mẫu](den-mau.md)

## Nguồn

- [Sách địa chí](https://example.com/)
"""


def test_a_new_place_joins_the_list_in_alphabetical_order(make_site: SiteFactory) -> None:
    page = '---\ntitle: "{0}"\n---\n\n# {0}\n\nMột trang.\n\n## Nguồn\n\n- Lời kể.\n'
    root = make_site(
        files={
            "content/dia-diem/index.md": VOLUNTEER_INDEX,
            "content/dia-diem/chua-ba.md": page.format("Chùa Bà"),
            "content/dia-diem/nha-tho-ho.md": page.format("Nhà thờ họ"),
            "content/dia-diem/den-mau.md": page.format("Đền Mẫu"),
        }
    )
    result = langso(root, "new", "place", "--title", "Giếng làng")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:4] == [
        "Đã thêm `- [Giếng làng](gieng-lang.md)` vào danh sách liên kết (mục “Trong làng”) của "
        "content/dia-diem/index.md, dòng 13, theo thứ tự chữ cái. / Added the link to the list "
        "(under “Trong làng”) in content/dia-diem/index.md, line 13, in alphabetical order.",
        "Nên viết sau liên kết một câu giới thiệu ngắn, bắt đầu bằng dấu `:`, để hiện trên thẻ. "
        "/ Add a short line after the link, starting with `:`, to show on its card.",
    ]
    assert (root / "content/dia-diem/index.md").read_text("utf-8") == VOLUNTEER_INDEX.replace(
        "- [Nhà thờ họ]", "- [Giếng làng](gieng-lang.md)\n- [Nhà thờ họ]"
    )
    built = build_site(root)
    assert built.ok, built.text()
    cards = built.soup("dia-diem/index.html").select("ul.langso-cards")
    assert [[t.get_text() for t in ul.select(".langso-card__title")] for ul in cards] == [
        ["Chùa Bà", "Đình làng Phú Mỹ", "Giếng làng", "Nhà thờ họ"],
        ["Đền Mẫu"],
    ]


def test_a_section_with_pages_but_no_index_is_told_how_to_get_one(make_site: SiteFactory) -> None:
    root = make_site()
    result = langso(root, "new", "place", "--title", "Giếng làng")
    assert result.stdout.splitlines()[2] == (
        "Mục dia-diem/ chưa có trang mục lục content/dia-diem/index.md: trang mới chỉ hiện trong "
        "trình đơn. Tạo tệp đó với danh sách liên kết (`- [Giếng làng](gieng-lang.md)`) để mục "
        "có trang riêng và ô trên trang chủ. / content/dia-diem/index.md does not exist: create "
        "it with a list of links to give the section its page and its home tile."
    )
    assert not (root / "content/dia-diem/index.md").exists()


def test_vietnamese_order_not_code_point_order() -> None:
    text = "# Hướng dẫn\n\n- [Anh](a.md)\n- [Bưu điện](b.md)\n- [Đình](d.md)\n"
    added = add_link(text, "an-uong.md", "Ăn uống")
    assert added.how == "sorted" and added.line == 4
    assert added.text == text.replace("- [Bưu", "- [Ăn uống](an-uong.md)\n- [Bưu")


def test_an_unsorted_list_gets_the_link_at_its_end() -> None:
    text = "# A\n\n- [Đình](d.md)\n- [Bưu điện](b.md)\n\nCuối trang.\n"
    added = add_link(text, "an-uong.md", "Ăn *uống*")
    assert (added.how, added.line, added.heading) == ("end", 5, None)
    assert added.text == (
        "# A\n\n- [Đình](d.md)\n- [Bưu điện](b.md)\n- [Ăn \\*uống\\*](an-uong.md)\n\nCuối trang.\n"
    )


def test_without_a_list_one_is_added_before_the_sources() -> None:
    text = "# A\n\nGiới thiệu.\n```\n- [X](x.md)\n```\n## Nguồn\n\n- [Sách](https://example.com/)\n"
    added = add_link(text, "gieng.md", "Giếng")
    assert added.how == "new-list"
    assert added.text == text.replace("```\n## Nguồn", "```\n\n- [Giếng](gieng.md)\n\n## Nguồn")
    assert added.line == 8
    tail = add_link("# A\n\nGiới thiệu.", "gieng.md", "Giếng")
    assert tail.text == "# A\n\nGiới thiệu.\n\n- [Giếng](gieng.md)\n"


def test_a_list_with_a_continued_item_is_left_whole() -> None:
    # The second line belongs to the item: inserting after it would give it to the new page.
    text = "# A\n\n- [Chùa](chua.md): chùa\n  cổ của làng.\n"
    added = add_link(text, "gieng.md", "Giếng")
    assert added.how == "new-list"
    assert added.text == text + "\n- [Giếng](gieng.md)\n"


def test_the_volunteers_bytes_are_kept() -> None:
    nfd = unicodedata.normalize("NFD", "Đình làng")
    text = f'\ufeff---\r\ntitle: "A"\r\n---\r\n\r\n# A\r\n\r\n- [{nfd}](dinh.md)\r\n'
    added = add_link(text, "gieng.md", unicodedata.normalize("NFD", "Giếng"))
    assert added.text == text + "- [Giếng](gieng.md)\r\n"
    assert add_link(text, "dinh.md", "Đình").how == "present"
    assert add_link("Xem [giếng](./gieng.md#nuoc).\n", "gieng.md", "Giếng").text is None


def test_index_title_names_the_menu_heading(tmp_path: Path) -> None:
    page = tmp_path / "index.md"
    page.write_text("---\ntitle: 'Hướng dẫn'\n---\n\n# Khác\n", encoding="utf-8")
    assert index_title(str(page), "huong-dan/index.md") == "Hướng dẫn"
    page.write_text("```\n# không\n```\n\n# [Địa](x.md) **điểm**\n", encoding="utf-8")
    assert index_title(str(page), "dia-diem/index.md") == "Địa điểm"
    page.write_text("Không tiêu đề.\n", encoding="utf-8")
    assert index_title(str(page), "x/index.md") is None
