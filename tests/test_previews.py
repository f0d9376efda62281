"""langso.previews: the title, photo and the site's card of a link preview, as plain functions;
langso.reader.opengraph: which pages show the site's one card."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PIL import Image

from langso.previews import (
    CARD_SIZE,
    Card,
    CardStore,
    Photo,
    draw_card,
    drawable,
    first_photo,
    first_prose,
    missing_glyphs,
    own_description,
    preview_title,
)
from langso.reader.opengraph import Previews, PreviewSite, site_card
from tests.conftest import REPO

FONTS = REPO / "plugins" / "langso" / "fonts"
STACKED = "Đình làng Là Thôn – Tạo tài khoản VNeID mức 1"


def cmap(face: str) -> set[int]:
    font = TTFont(FONTS / f"NotoSans-Vietnamese-{face}.ttf")
    return set(font.getBestCmap())


def test_every_vietnamese_letter_is_in_both_fonts() -> None:
    """Every letter with every tone, in both cases, precomposed: what the card draws."""
    vowels = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền sắc hỏi ngã nặng
    letters = {
        unicodedata.normalize("NFC", base + tone)
        for vowel in vowels
        for base in (vowel, vowel.upper())
        for tone in tones
    } | set("đĐ")
    assert len(letters) == 2 * 12 * 6 + 2
    for face in ("Regular", "Bold"):
        covered = cmap(face)
        assert {c for c in letters if ord(c) not in covered} == set(), face
    assert missing_glyphs("".join(sorted(letters))) == ""
    assert missing_glyphs(STACKED) == ""
    # decomposed text (a phone keyboard's) is drawn as its precomposed letters
    assert missing_glyphs(unicodedata.normalize("NFD", STACKED)) == ""


def test_characters_the_font_lacks_are_left_out_not_drawn_as_boxes() -> None:
    assert missing_glyphs("🏮 Đình (亭) ☎") == "🏮亭☎"
    assert drawable("🏮 Đình làng (亭)  Là Thôn") == "Đình làng Là Thôn"
    assert drawable("Ｃhợ ﬁ  quê") == "Chợ fi quê"  # compatibility forms the font has
    assert drawable("亭") == ""
    # what remains is in the font
    assert missing_glyphs(drawable("Chợ 🛒 “Út” ★ 5 sao")) == ""


def test_a_title_the_font_cannot_draw_at_all_gives_the_site_name() -> None:
    only_han = Card("亭", "Làng số Là Thôn")
    assert draw_card(only_han) == draw_card(Card("Làng số Là Thôn", "Làng số Là Thôn"))
    assert only_han.alt == "Làng số Là Thôn"
    assert Card("🛒 Chợ", "Làng số Là Thôn").alt == "Chợ – Làng số Là Thôn"


def test_the_card_is_a_1200_by_630_png_and_the_same_card_gives_the_same_bytes() -> None:
    card = Card(STACKED, "Làng số Là Thôn", "example.github.io/lang-so")
    data = draw_card(card)
    assert data == draw_card(Card(STACKED, "Làng số Là Thôn", card.address))
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", CARD_SIZE)
    image.load()
    # the header band is the site's indigo, the title is dark ink on white
    rgb = image.convert("RGB")
    assert rgb.getpixel((600, 10)) == (0x40, 0x51, 0xB5)
    assert rgb.getpixel((1190, 300)) == (0xFF, 0xFF, 0xFF)
    reds = [rgb.getpixel((x, y)) for x in range(72, 1128, 4) for y in (300, 340)]
    assert min(red[0] for red in reds if isinstance(red, tuple)) < 0x40
    assert len(data) < 40_000
    # another title is another card, at another address
    other = Card("Chợ Là Thôn", "Làng số Là Thôn", card.address)
    assert draw_card(other) != data and other.uri != card.uri
    assert card.uri.startswith("assets/langso/og/") and card.uri.endswith(".png")
    assert card.alt == f"{STACKED} – Làng số Là Thôn"


@pytest.mark.parametrize(
    "title",
    [
        " ".join(["Hướng dẫn đóng tiền điện bằng ứng dụng ngân hàng"] * 4),
        "Đình làng Là Thôn – Tạo tài khoản VNeID mức 1 ẤN ĐỊNH",  # 3 lines at the largest size
        "Chợ",
    ],
)
def test_the_title_stays_between_the_band_and_the_foot(title: str) -> None:
    """However long, the title is wrapped, made smaller, then cut: it never covers the band
    with the site's name nor the strip with its address."""

    def rows(card: Card) -> tuple[bytes, bytes]:
        image = Image.open(io.BytesIO(draw_card(card))).convert("RGB")
        band = image.crop((0, 0, CARD_SIZE[0], 128)).tobytes()
        foot = image.crop((0, CARD_SIZE[1] - 86, CARD_SIZE[0], CARD_SIZE[1])).tobytes()
        return band, foot

    address = "example.github.io/lang-so"
    empty = Card("", "", address)
    assert rows(Card(title, "", address)) == rows(empty)


def test_the_title_is_the_page_s_own() -> None:
    h1 = '<h1 id="so-tay">Sổ tay &amp; làng<a class="headerlink" href="#so-tay">¶</a></h1>'
    # front matter first, then the page's heading, then the navigation's label
    assert preview_title("Sổ tay làng số Là Thôn", h1, "Trang chủ", "Làng") == (
        "Sổ tay làng số Là Thôn"
    )
    assert preview_title(None, f"<p>x</p>{h1}", "Trang chủ", "Làng") == "Sổ tay & làng"
    assert preview_title(None, "<p>x</p>", "Hùng &amp; Lan", "Làng") == "Hùng & Lan"
    assert preview_title(None, "", None, "Làng số") == "Làng số"
    assert preview_title("T &lt;b&gt;", "", None, "Làng") == "T <b>"


def test_the_first_photo_is_a_raster_image_of_the_site() -> None:
    content = (
        '<p><img alt="QR" src="../bien-qr/a.svg"></p>'
        '<img src="https://other.example/a.jpg" alt="x">'
        '<img src="data:image/png;base64,AAAA" alt="x">'
        '<img src="../anh/icon.png" width="48" height="48" alt="icon">'
        '<img src="../anh/c%C3%B4ng.WEBP?v=1" alt="Cổng &amp; sân" width="1280" height="960">'
        '<img src="../anh/b.jpg" alt="b">'
    )
    assert first_photo(content) == Photo("../anh/c%C3%B4ng.WEBP?v=1", 1280, 960, "Cổng & sân")
    assert first_photo('<img src="a.jpeg" alt="">') == Photo("a.jpeg", None, None, "")
    assert first_photo('<img src="a.png" width="50%" height="300">') == Photo(
        "a.png", None, None, ""
    )
    assert first_photo('<img src="a.svg">') is None


def test_own_description_is_the_first_prose_paragraph_escaped_once() -> None:
    content = (
        '<div class="admonition warning"><p>Dữ liệu mẫu</p></div>'
        "<table><tr><td>Thông tin</td></tr></table>"
        "<p>Chợ &amp; quán <b>“Út”</b> mở từ 5 giờ sáng.</p>"
    )
    assert own_description(None, content) == "Chợ &amp; quán “Út” mở từ 5 giờ sáng."
    assert own_description("Đã có", content) is None
    assert own_description(None, "<table></table>") is None


def test_a_card_is_drawn_once_and_written_into_the_site(tmp_path: Path) -> None:
    card = Card("Chợ Là Thôn", "Làng số Là Thôn")
    store = CardStore(tmp_path / "cache")
    site = tmp_path / "site"
    uri = store.publish(card, str(site))
    assert (site / uri).read_bytes() == draw_card(card)
    assert store.cache.made == 1
    again = CardStore(tmp_path / "cache")
    (site / uri).unlink()
    again.publish(card, str(site))
    assert (again.cache.made, again.cache.reused) == (0, 1)
    assert (site / uri).read_bytes() == draw_card(card)


@pytest.mark.parametrize("title", ["", "   "])
def test_an_empty_title_draws_the_site_name(title: str) -> None:
    assert draw_card(Card(title, "Làng số")) == draw_card(Card("Làng số", "Làng số"))


def test_navigation_paragraphs_are_not_the_description() -> None:
    content = (
        '<p><a href="../">← Danh bạ dịch vụ</a> · 1 nơi</p>'
        '<p><a href="/">Về trang chủ</a></p>'
        '<details class="note"><p>Ẩn</p></details>'
        '<div class="admonition"><div><p>Lồng</p></div><p>Vẫn trong</p></div>'
        '<p>Đình làng <a href="x/">Là Thôn</a> là nơi thờ thành hoàng.</p>'
    )
    assert first_prose(content) == "Đình làng Là Thôn là nơi thờ thành hoàng."
    assert first_prose('<p><a href="/">Về trang chủ</a></p>') == ""


def test_the_description_is_cut_at_a_word_to_160_characters() -> None:
    text = "Đình làng Là Thôn " * 20
    cut = first_prose(f"<p>{text}</p>")
    assert len(cut) <= 160 and cut.endswith("…")
    assert text.startswith(cut[:-1] + " ")  # whole words


def test_the_first_paragraph_of_prose_wins_over_later_ones() -> None:
    assert first_prose("<p>Một.</p><p>Hai.</p>" + "<p>Ba.</p>" * 1000) == "Một."


class _Page:
    """What a preview reads of a MkDocs page."""

    def __init__(self, url: str, content: str, title: str) -> None:
        self.url, self.content, self.title = url, content, title
        self.meta: dict[str, object] = {}
        self.is_homepage = url == ""


def test_the_site_card_shows_its_name_its_description_and_its_address() -> None:
    site = PreviewSite(
        "https://example.github.io/lang-so/",
        "Làng số Là Thôn",
        None,
        "Sổ tay làng số của Là Thôn, xã Yên Định, tỉnh Thanh Hóa.",
    )
    assert site_card(site) == Card(
        "Sổ tay làng số của Là Thôn, xã Yên Định, tỉnh Thanh Hóa.",
        "Làng số Là Thôn",
        "example.github.io/lang-so",
    )
    # without a description, the name; without an address or with the site's own image, none
    assert site_card(site._replace(site_description="")) == Card(
        "Làng số Là Thôn", "Làng số Là Thôn", "example.github.io/lang-so"
    )
    assert site_card(site._replace(site_url="")) is None
    assert site_card(site._replace(og_image="assets/chia-se.jpg")) is None


def test_every_page_without_a_photo_shows_the_one_card_of_the_site() -> None:
    """Not a card per page: the page's own title is in og:title, the card is the site's."""
    previews = Previews()
    site = PreviewSite("https://x.vn/lang/", "Làng A", None, "Sổ tay của làng A.")
    previews.new_build(site, None)
    guide = _Page("huong-dan/a/", "<h1>Hướng dẫn A</h1><p>Chữ.</p>", "A")
    other = _Page("huong-dan/b/", "<h1>Hướng dẫn B</h1>", "B")
    place = _Page("dia-diem/d/", '<h1>Đình</h1><img src="../anh/d.jpg" alt="Đình">', "Đình")
    card = Card("Sổ tay của làng A.", "Làng A", "x.vn/lang")
    assert previews.preview(guide) == (None, card)
    assert previews.preview(other) == (None, card)
    assert previews.preview(place) == (Photo("../anh/d.jpg", None, None, "Đình"), None)
    og = previews.open_graph(other)
    assert (og.title, og.image) == ("Hướng dẫn B", f"https://x.vn/lang/{card.uri}")
    assert (og.image_size, og.image_alt) == (CARD_SIZE, "Sổ tay của làng A – Làng A")
