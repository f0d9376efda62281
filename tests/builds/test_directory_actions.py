"""A service page that acts first, built for real: the exact HTML of its action buttons (call
each number, Zalo, directions, save the contact), their escaped ``tel:`` and map addresses, the
compact sample-data line after them, numbers in the text made tappable, the VietQR copy button,
each generated page's own description, the directory's cards, and hostile text escaped once."""

from __future__ import annotations

import html
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup, Tag

from tests.builds.test_directory import prepare
from tests.conftest import BUILD_DAY, BuildResult, build_site

PAYLOAD = """</title><script>alert(1)</script>"><img src=x onerror=alert('x')> Hùng & Lan"""
ESCAPED = html.escape(PAYLOAD, quote=True)

TRAM = """ten: 'Trạm Y tế xã Yên Định'
loai: 'y-te'
mo_ta: 'Khám chữa bệnh ban đầu, tiêm chủng. Gọi 0912 345 678 để hẹn.'
dia_chi:
  thon: 'Là Thôn'
dien_thoai:
  - '0912 345 678'
  - '0237 3721 150'
zalo: '0912.345.678'
toa_do: '19.9810, 105.6420'
gio_mo_cua:
  - ngay: 'T2-T6'
    gio: '7:00-11:30, 13:30-17:00'
ghi_chu: "Ngoài giờ, khi cấp cứu gọi 115.\\nNhà số 113 đường Lê Lợi & <b>chợ</b>."
xac_minh:
  ngay: '01/11/2026'
  vai_tro: 'Trưởng thôn'
"""
QUAN = (
    """ten: 'Quán & <b>Hoà</b> "A"'
loai: 'cho'
mo_ta: 'M """
    + PAYLOAD.replace("'", "''")
    + """ gọi 0300 000 009'
dien_thoai: '0300 000 009'
zalo: '0300 000 009'
thanh_toan: ['VietQR']
vietqr:
  ngan_hang: '970405'
  so_tai_khoan: '3300205123456'
  chu_tai_khoan: 'NGUYEN VAN A'
du_lieu_mau: 'có'
xac_minh:
  ngay: '01/11/2026'
  vai_tro: 'Chủ cơ sở'
"""
)
FILES: dict[str, str | None] = {
    "content/danh-ba/tram-y-te.yml": TRAM,
    "content/danh-ba/quan-hoa.yml": QUAN,
    "content/danh-ba/nha-van-hoa.yml": (
        "ten: 'Nhà văn hóa'\nloai: 'cho'\nxac_minh:\n  ngay: '01/11/2026'\n"
        "  vai_tro: 'Trưởng thôn'\n"
    ),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuildResult]:
    root = prepare(tmp_path_factory.mktemp("actions") / "site-src", FILES, {})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        result = build_site(root)
    assert result.ok, result.text()
    yield result


def article_html(result: BuildResult, path: str) -> str:
    page = result.soup(path).select_one("article")
    assert page is not None
    return str(page)


def article(result: BuildResult, path: str) -> Tag:
    page = result.soup(path).select_one("article")
    assert page is not None
    return page


def test_action_buttons_come_right_after_the_name(built: BuildResult) -> None:
    page = article(built, "danh-ba/tram-y-te/index.html")
    actions = page.select_one("p.langso-actions")
    assert actions is not None
    assert str(actions) == (
        '<p class="langso-actions langso-web-only langso-nosnippet">'
        '<a class="langso-action langso-action--call" href="tel:+84912345678">'
        'Gọi <span class="langso-tel">0912 345 678</span></a>\n'
        '<a class="langso-action langso-action--call" href="tel:+842373721150">'
        'Gọi <span class="langso-tel">0237 3721 150</span></a>\n'
        '<a class="langso-action" href="https://zalo.me/0912345678">Zalo</a>\n'
        '<a class="langso-action" data-langso-geo="19.981,105.642" '
        'href="https://www.google.com/maps/dir/?api=1&amp;destination=19.981,105.642">'
        "Chỉ đường</a>\n"
        '<a class="langso-action" href="../tram-y-te.vcf">Lưu vào danh bạ</a></p>'
    )
    # Name, then the badge, then the actions: nothing pushes the buttons down.
    order = [
        child.name + "." + ".".join(child.get("class") or [])
        for child in page.find_all(True, recursive=False)
    ][:3]
    assert order == [
        "h1.langso-service-name",
        "p.langso-open",
        "p.langso-actions.langso-web-only.langso-nosnippet",
    ]


def test_a_place_without_phone_or_map_still_saves_the_contact(built: BuildResult) -> None:
    actions = article(built, "danh-ba/nha-van-hoa/index.html").select_one("p.langso-actions")
    assert actions is not None
    assert [(a.get_text(), a["href"]) for a in actions.find_all("a")] == [
        ("Lưu vào danh bạ", "../nha-van-hoa.vcf"),
    ]


def test_sample_data_is_one_short_line_after_the_buttons(built: BuildResult) -> None:
    page = article(built, "danh-ba/quan-hoa/index.html")
    assert page.select("div.admonition") == []
    note = page.select_one("p.langso-sample-note")
    assert note is not None
    assert note.find_previous_sibling("p", class_="langso-actions") is not None
    assert note.get_text() == (
        "Dữ liệu mẫu: số điện thoại, giờ mở cửa, tọa độ và số tài khoản là giả, không dùng để"
        " liên lạc hay chuyển tiền."
    )


def test_numbers_in_the_note_and_description_are_tappable(built: BuildResult) -> None:
    page = article_html(built, "danh-ba/tram-y-te/index.html")
    assert (
        '<p class="langso-description">Khám chữa bệnh ban đầu, tiêm chủng. Gọi'
        ' <a class="langso-tel" href="tel:+84912345678">0912 345 678</a> để hẹn.</p>'
    ) in page
    # 115 after "gọi" is dialled; a house number 113 is not; the rest is escaped once.
    assert (
        '<p>Ngoài giờ, khi cấp cứu gọi <a class="langso-tel" href="tel:115">115</a>.<br/>\n'
        "Nhà số 113 đường Lê Lợi &amp; &lt;b&gt;chợ&lt;/b&gt;.</p>"
    ) in page


def test_details_are_rows_not_a_table(built: BuildResult) -> None:
    page = article(built, "danh-ba/tram-y-te/index.html")
    assert page.find("table") is None
    rows = [str(p) for p in page.select("p.langso-fact")]
    assert rows[:2] == [
        '<p class="langso-fact"><span class="langso-fact__label">Loại</span>'
        ' <a href="../y-te/">Y tế</a></p>',
        '<p class="langso-fact"><span class="langso-fact__label">Địa chỉ</span>'
        " Là Thôn, xã Yên Định, tỉnh Thanh Hóa</p>",
    ]


def test_vietqr_account_can_be_copied(built: BuildResult) -> None:
    page = article_html(built, "danh-ba/quan-hoa/index.html")
    assert (
        "<figcaption>Agribank · Số tài khoản"
        ' <span class="langso-account">3300205123456</span> · NGUYEN VAN A</figcaption>'
    ) in page
    # Hidden until the script can copy; the number stays as text without it.
    assert (
        '<div class="langso-copy langso-web-only" hidden=""><button class="langso-copy__button"'
        ' data-langso-copy="3300205123456" type="button">Chép số tài khoản</button>'
        '<p class="langso-copy__status" role="status"></p></div>'
    ) in page


def test_a_shop_with_vietqr_offers_paying_among_its_first_actions(built: BuildResult) -> None:
    """The code and its copy button sit lower down; the first screen leads to them."""
    actions = article(built, "danh-ba/quan-hoa/index.html").select_one("p.langso-actions")
    assert actions is not None
    pay = actions.select_one('a[href="#tra-tien-bang-vietqr"]')
    assert pay is not None and pay.get_text() == "Trả tiền VietQR"
    assert article(built, "danh-ba/quan-hoa/index.html").select_one("h2#tra-tien-bang-vietqr")
    shop_without_code = article(built, "danh-ba/tram-y-te/index.html")
    assert shop_without_code.select_one('a[href="#tra-tien-bang-vietqr"]') is None


def test_each_page_has_its_own_description(built: BuildResult) -> None:
    def description(path: str) -> str:
        tag = built.soup(path).find("meta", attrs={"name": "description"})
        assert isinstance(tag, Tag)
        return str(tag["content"])

    assert description("danh-ba/tram-y-te/index.html") == (
        "Trạm Y tế xã Yên Định: Khám chữa bệnh ban đầu, tiêm chủng. Gọi 0912 345 678 để hẹn."
        " Điện thoại 0912 345 678, 0237 3721 150."
    )
    assert description("danh-ba/y-te/index.html") == (
        "Y tế: 1 nơi trong Danh bạ dịch vụ — Trạm Y tế xã Yên Định."
    )
    assert description("danh-ba/index.html") == (
        "Danh bạ dịch vụ của làng Phú Mỹ: 4 nơi — Chợ, Y tế."
    )


def test_hostile_text_is_escaped_once(built: BuildResult) -> None:
    raw = built.read("danh-ba/quan-hoa/index.html")
    name = "Quán &amp; &lt;b&gt;Hoà&lt;/b&gt; &quot;A&quot;"
    assert f"<title>{name} - " in raw
    assert (
        f'<meta name="description" content="{name}: M {ESCAPED} gọi 0300 000 009.'
        ' Điện thoại 0300 000 009. Dữ liệu mẫu.">'
    ) in raw
    assert (
        f'<p class="langso-description">M {ESCAPED} gọi'
        ' <a class="langso-tel" href="tel:+84300000009">0300 000 009</a></p>'
    ) in raw
    soup = BeautifulSoup(raw, "html.parser")
    assert soup.find("b") is None and soup.find("img", src="x") is None
    h1 = soup.select_one("h1.langso-service-name")
    assert h1 is not None and h1.get_text() == 'Quán & <b>Hoà</b> "A"'
    for entity in ("&amp;amp;", "&amp;lt;", "&amp;quot;", "&amp;#"):
        assert entity not in raw, entity


def test_cards_on_the_index_and_category_pages(built: BuildResult) -> None:
    card = article(built, "danh-ba/y-te/index.html").select_one("li.langso-card")
    assert card is not None
    assert str(card) == (
        '<li class="langso-card"><a class="langso-card__name" href="../tram-y-te/">'
        "Trạm Y tế xã Yên Định</a>\n"
        '<span class="langso-card__meta">Là Thôn</span>\n'
        '<span class="langso-open" data-langso-hours=\'{"week":{'
        + ",".join(f'"{d}":[[420,690],[810,1020]]' for d in range(1, 6))
        + ',"6":[],"7":[]},"summer":null}\' hidden=""></span>\n'
        '<a class="langso-card__call" href="tel:+84912345678">'
        'Gọi <span class="langso-tel">0912 345 678</span></a>\n'
        '<a class="langso-card__call" href="tel:+842373721150">'
        'Gọi <span class="langso-tel">0237 3721 150</span></a></li>'
    )
    index = article(built, "danh-ba/index.html")
    names = [a.get_text() for a in index.select("li.langso-card > a.langso-card__name")]
    assert names == [
        "Chợ Phú Mỹ",
        "Nhà văn hóa",
        'Quán & <b>Hoà</b> "A"',
        "Trạm Y tế xã Yên Định",
    ]
