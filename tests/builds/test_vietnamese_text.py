"""Vietnamese text through a real build: heading ids, NFD file names and text, ASCII URLs."""

from __future__ import annotations

import unicodedata

from tests.conftest import SiteFactory, build_site


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_c01_heading_ids_keep_every_letter(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.ok, result.text()
    page = result.soup("dia-diem/dinh-lang-phu-my/index.html")
    ids = [h["id"] for h in page.select("article h1, article h2")]
    assert ids == [
        "dinh-lang-phu-my",
        "duong-di",
        "dien-thoai-lien-he",
        "an-uong-gan-dinh",
        "nguon",
    ]


def test_c03_nfd_file_name_is_found_by_an_nfc_link_and_published_ascii(
    make_site: SiteFactory,
) -> None:
    root = make_site(
        files={
            "content/dia-diem/" + nfd("chùa-thiên-mụ.md"): nfd(
                "# Chùa Thiên Mụ\n\nNội dung.\n\n## Nguồn\n\n- x\n"
            ),
            "content/index.md": "# Trang chủ\n\nXem [Chùa Thiên Mụ](dia-diem/chùa-thiên-mụ.md).\n",
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []
    link = result.soup("index.html").select_one("article a[href*='chua']")
    assert link is not None
    assert link["href"] == "dia-diem/chua-thien-mu/"
    html = result.read("dia-diem/chua-thien-mu/index.html")
    assert "Chùa Thiên Mụ" in html  # NFC in the page
    assert nfd("Chùa") not in html


def test_non_ascii_static_file_gets_an_ascii_url(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/anh/Chợ sáng.txt": "x",
            "content/index.md": "# Trang chủ\n\n[Tệp](anh/Chợ sáng.txt)\n",
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert (result.site_dir / "anh" / "cho-sang.txt").read_text() == "x"
    link = result.soup("index.html").select_one("article a[href$='.txt']")
    assert link is not None and link["href"] == "anh/cho-sang.txt"


def test_pages_differing_only_in_accents_are_reported(make_site: SiteFactory) -> None:
    root = make_site(
        files={
            "content/dia-diem/chua.md": "# Chua\n\n## Nguồn\n",
            "content/dia-diem/chùa.md": "# Chùa\n\n## Nguồn\n",
        }
    )
    result = build_site(root, strict=False)
    assert not result.ok
    first = result.messages[0].split("\n")[0]
    assert first.endswith(
        "tệp này và `content/dia-diem/chua.md` cùng ra địa chỉ `dia-diem/chua/` (tên chỉ khác"
        " nhau ở dấu) — đổi tên một trong hai tệp"
    ) or first.endswith(
        "tệp này và `content/dia-diem/chùa.md` cùng ra địa chỉ `dia-diem/chua/` (tên chỉ khác"
        " nhau ở dấu) — đổi tên một trong hai tệp"
    )


def test_nfd_yaml_values_are_published_nfc(make_site: SiteFactory) -> None:
    root = make_site(
        files={"content/danh-ba/cho-phu-my.yml": nfd("ten: 'Chợ Phú Mỹ'\nloai: 'cho'\n")}
    )
    result = build_site(root)
    assert result.ok, result.text()
    html = result.read("danh-ba/cho-phu-my/index.html")
    assert "Chợ Phú Mỹ" in html and nfd("Chợ") not in html


def test_directory_lists_names_in_vietnamese_order(make_site: SiteFactory) -> None:
    names = ["Đào", "Dung", "Zung", "Anh", "Ánh", "Ân", "Ăn", "Bảo", "Ê-đê", "Em"]
    files: dict[str, str | None] = {"content/danh-ba/cho-phu-my.yml": None}
    for number, name in enumerate(names):
        files[f"content/danh-ba/ten-{number}.yml"] = f"ten: '{name}'\nloai: 'cho'\n"
    files["content/plaques.yml"] = "[]\n"
    result = build_site(make_site(files=files))
    assert result.ok, result.text()
    page = result.soup("danh-ba/index.html")
    in_category = [a.get_text() for a in page.select("h2#cho + ul > li > a:first-child")]
    assert in_category == ["Anh", "Ánh", "Ăn", "Ân", "Bảo", "Dung", "Đào", "Em", "Ê-đê", "Zung"]
    letters = [p.get_text() for p in page.select("p.langso-letter")]
    assert letters == ["A", "Ă", "Â", "B", "D", "Đ", "E", "Ê", "Z"]
    by_letter = [a.get_text() for a in page.select("p.langso-letter + ul > li > a")]
    assert by_letter == in_category
