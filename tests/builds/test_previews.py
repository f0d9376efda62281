"""Link previews of the sample village as Zalo and Facebook read them: a raster ``og:image`` on
every page (the page's photo, else the site's one drawn card), its own title and description.

The sample's pictures and pages change: what each test expects is read from the build (the
page's first image, its heading), not written here."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from PIL import Image

from langso.previews import (
    CARD_FOLDER,
    CARD_SIZE,
    Card,
    draw_card,
    drawable,
    first_prose,
    missing_glyphs,
)
from tests.conftest import REPO, BuildResult, SiteFactory, build_site
from tests.reader.sites import HOME, NO_DATA, PLACE, reader_site

SITE_URL = "https://example.github.io/lang-so/"
SITE_NAME = "Làng số Là Thôn"
SITE_DESCRIPTION = "Sổ tay làng số của Là Thôn, xã Yên Định, tỉnh Thanh Hóa."
SITE_CARD = Card(SITE_DESCRIPTION, SITE_NAME, "example.github.io/lang-so")
RASTER = {"JPEG", "PNG", "WEBP"}


@pytest.fixture(scope="module")
def sample(sample_site: BuildResult) -> BuildResult:
    return sample_site


def pages(sample: BuildResult) -> list[str]:
    """Every page with Open Graph tags (the short ``q/`` redirects have none)."""
    found = []
    for path in sorted(sample.site_dir.rglob("*.html")):
        rel = path.relative_to(sample.site_dir).as_posix()
        if rel != "404.html" and 'property="og:url"' in path.read_text(encoding="utf-8"):
            found.append(rel)
    return found


def meta(soup: BeautifulSoup) -> dict[str, str]:
    tags = soup.select('meta[property^="og:"], meta[name^="twitter:"], meta[name="description"]')
    return {str(t.get("property") or t.get("name")): str(t["content"]) for t in tags}


def local_file(sample: BuildResult, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    return sample.site_dir / urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article")
    assert found is not None
    return found


def heading(soup: BeautifulSoup) -> str:
    h1 = article(soup).find("h1")
    assert h1 is not None
    return h1.get_text().replace("¶", "").strip()


def raster_images(soup: BeautifulSoup) -> list[Tag]:
    return [
        img
        for img in article(soup).find_all("img")
        if re.search(r"\.(jpe?g|png|webp)$", str(img.get("src", "")).split("?")[0], re.I)
    ]


def test_every_page_has_a_raster_image_zalo_and_facebook_show(sample: BuildResult) -> None:
    found = pages(sample)
    assert len(found) >= 40
    for page in found:
        tags = meta(sample.soup(page))
        assert tags["twitter:card"] == "summary_large_image", page
        image = local_file(sample, tags["og:image"])
        with Image.open(image) as decoded:
            assert decoded.format in RASTER, page
            decoded.load()
            if "og:image:width" in tags:
                size = (int(tags["og:image:width"]), int(tags["og:image:height"]))
                assert decoded.size == size, page


def test_a_landmark_with_an_illustration_shows_it(sample: BuildResult) -> None:
    soup = sample.soup("dia-diem/dinh-lang-la-thon/index.html")
    images = raster_images(soup)
    assert images, "the landmark page shows a picture"
    first = images[0]
    tags = meta(soup)
    assert tags["og:image"] == urljoin(SITE_URL + "dia-diem/dinh-lang-la-thon/", str(first["src"]))
    assert tags["og:image:alt"] == " ".join(str(first["alt"]).split())
    assert (tags["og:image:width"], tags["og:image:height"]) == (first["width"], first["height"])
    assert "/assets/langso/og/" not in tags["og:image"]


def test_a_guide_without_a_picture_shows_the_site_s_card(sample: BuildResult) -> None:
    guides = [
        p for p in pages(sample) if p.startswith("huong-dan/") and p != "huong-dan/index.html"
    ]
    plain = [p for p in guides if not raster_images(sample.soup(p))]
    assert plain, "some guide has no picture"
    for page in plain:
        soup = sample.soup(page)
        tags = meta(soup)
        assert re.fullmatch(
            re.escape(SITE_URL + CARD_FOLDER) + r"/[0-9a-f]{20}\.png", tags["og:image"]
        ), page
        assert tags["og:image"] == SITE_URL + SITE_CARD.uri, page
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:alt"] == f"{SITE_DESCRIPTION.removesuffix('.')} – {SITE_NAME}"
        assert tags["og:title"] == heading(soup), page  # the page's own title beside the card
        data = local_file(sample, tags["og:image"]).read_bytes()
        with Image.open(io.BytesIO(data)) as decoded:
            assert (decoded.format, decoded.size) == ("PNG", CARD_SIZE)
            decoded.load()
        # the card shows the site's name and description, every letter of them in the font:
        # the same bytes as drawn here
        assert missing_glyphs(SITE_DESCRIPTION + SITE_NAME) == ""
        assert data == draw_card(SITE_CARD), page


def test_stacked_diacritics_of_a_guide_title_are_all_in_the_font() -> None:
    title = "Đình làng Là Thôn – Tạo tài khoản VNeID mức 1"
    assert missing_glyphs(title) == ""
    data = draw_card(Card(title, SITE_NAME, "example.github.io/lang-so"))
    assert Image.open(io.BytesIO(data)).size == CARD_SIZE


def test_the_sample_writes_one_card_for_every_page_without_a_photo(sample: BuildResult) -> None:
    """A service page (the page people share most: a shop, the commune's office) shows the
    site's card beside its own title; the site has that one card and no other."""
    shown: set[str] = set()
    for page in pages(sample):
        soup = sample.soup(page)
        tags = meta(soup)
        if f"/{CARD_FOLDER}/" in tags["og:image"]:
            shown.add(tags["og:image"])
        elif page.startswith("danh-ba/"):
            assert raster_images(soup), page  # only a page with a photo shows another image
    assert shown == {SITE_URL + SITE_CARD.uri}
    assert [p.name for p in (sample.site_dir / CARD_FOLDER).iterdir()] == [
        SITE_CARD.uri.rsplit("/", 1)[1]
    ]
    assert drawable(SITE_DESCRIPTION) == SITE_DESCRIPTION


def test_the_home_page_previews_with_its_real_title(sample: BuildResult) -> None:
    soup = sample.soup("index.html")
    tags = meta(soup)
    assert tags["og:title"] == heading(soup)
    assert tags["og:title"] != "Trang chủ"
    assert tags["og:type"] == "website"


def test_each_page_has_its_own_description(sample: BuildResult) -> None:
    """Only a page without a paragraph of prose (the search page, a list) keeps the site's
    description; any other two pages share one only when their own text is the same."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    found = re.search(r"^site_description: (.*)$", config, re.M)
    assert found is not None
    site_description = found.group(1)
    by_description: dict[str, list[str]] = defaultdict(list)
    for page in pages(sample):
        soup = sample.soup(page)
        tags = meta(soup)
        assert tags["description"] == tags["og:description"], page
        by_description[tags["description"]].append(page)
        if tags["description"] == site_description:
            assert first_prose(str(article(soup))) == "", page
    for description, shared in by_description.items():
        if len(shared) > 1 and description != site_description:
            for page in shared:  # the same words written for each
                assert first_prose(str(article(sample.soup(page)))) == description, page


def card_of(result: BuildResult, page: str) -> str:
    url = meta(result.soup(page))["og:image"]
    assert f"/{CARD_FOLDER}/" in url, url
    return urlsplit(url).path.rsplit("/", 1)[1]


def test_a_three_page_site_writes_exactly_one_card(make_site: SiteFactory) -> None:
    """Every page without a photo points at the one card of the site (its name, its
    description, its address); the page with a photo shows its photo; one card file."""
    files = {
        **NO_DATA,
        "content/index.md": HOME,
        "content/dia-diem/dinh-lang-phu-my.md": PLACE,
        "content/anh/cong-dinh.jpg": "not really a JPEG",
        "content/gioi-thieu.md": "# Giới thiệu\n\nLàng Phú Mỹ ở ven sông.\n",
    }
    # quotes and an ampersand: escaped once in the tags, drawn as written on the card
    description = 'Sổ tay "làng số" của làng Phú Mỹ & xã Tân Phú, tỉnh Đồng Nai.'
    root = make_site(
        files=files,
        config={
            "plugins": ["langso/content", "langso/reader"],
            "site_description": description,
        },
    )
    result = build_site(root)
    assert result.ok, result.text()
    card = Card(description, "Làng Phú Mỹ (thử)", "example.github.io/lang-phu-my")
    site = "https://example.github.io/lang-phu-my/"
    for page in ("index.html", "gioi-thieu/index.html"):
        tags = meta(result.soup(page))
        assert tags["og:image"] == site + card.uri, page
        assert tags["og:image:alt"] == f"{description.removesuffix('.')} – Làng Phú Mỹ (thử)", page
    place = meta(result.soup("dia-diem/dinh-lang-phu-my/index.html"))
    assert place["og:image"] == site + "anh/cong-dinh.jpg"
    written = sorted(p.relative_to(result.site_dir).as_posix() for p in result.site_dir.rglob("*"))
    assert [p for p in written if p.startswith(CARD_FOLDER + "/")] == [card.uri]
    assert (result.site_dir / card.uri).read_bytes() == draw_card(card)


def test_the_card_follows_what_it_shows_and_the_cache_keeps_only_the_one_used(
    make_site: SiteFactory,
) -> None:
    """What the card shows is part of the key of the page's tags: a rebuild after the site's
    name changed points at a new card, drawn; a page's new title changes its og:title, not the
    card; the cache keeps the card the last build used."""
    root = reader_site(make_site)
    first = build_site(root)
    assert first.ok, first.text()
    home = card_of(first, "index.html")
    assert (root / "site" / CARD_FOLDER / home).is_file()
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("Làng Phú Mỹ (thử)", "Làng Phú Mỹ"),
        encoding="utf-8",
    )
    second = build_site(root)
    renamed = card_of(second, "index.html")
    assert renamed != home
    data = (root / "site" / CARD_FOLDER / renamed).read_bytes()
    # no site_description: the card shows the site's name
    assert data == draw_card(Card("Làng Phú Mỹ", "Làng Phú Mỹ", "example.github.io/lang-phu-my"))
    assert not (root / "site" / CARD_FOLDER / home).exists()
    page = root / "content/index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('title: "Trang chủ"', 'title: "Sổ tay"'),
        encoding="utf-8",
    )
    third = build_site(root)
    assert meta(third.soup("index.html"))["og:title"] == "Sổ tay"
    assert card_of(third, "index.html") == renamed
    cached = sorted(p.name for p in (root / ".cache/langso/og").iterdir())
    assert len(cached) == 1  # the one card of the last build
