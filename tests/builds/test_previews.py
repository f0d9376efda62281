"""Link previews of the sample village as Zalo and Facebook read them: a raster ``og:image`` on
every page (the page's photo, else its drawn card), its own title and description.

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
from tests.reader.sites import reader_site

SITE_URL = "https://example.github.io/lang-so/"
SITE_NAME = "Làng số Là Thôn"
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


def test_a_guide_without_a_picture_shows_its_card(sample: BuildResult) -> None:
    guides = [
        p for p in pages(sample) if p.startswith("huong-dan/") and p != "huong-dan/index.html"
    ]
    plain = [p for p in guides if not raster_images(sample.soup(p))]
    assert plain, "some guide has no picture"
    for page in plain:
        soup = sample.soup(page)
        tags = meta(soup)
        title = heading(soup)
        assert re.fullmatch(
            re.escape(SITE_URL + CARD_FOLDER) + r"/[0-9a-f]{20}\.png", tags["og:image"]
        ), page
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
        assert tags["og:image:alt"] == f"{title} – {SITE_NAME}"
        data = local_file(sample, tags["og:image"]).read_bytes()
        with Image.open(io.BytesIO(data)) as decoded:
            assert (decoded.format, decoded.size) == ("PNG", CARD_SIZE)
            decoded.load()
        # the card shows the page's title, every letter of it in the font, in the guides'
        # section: the same bytes as drawn here
        assert missing_glyphs(title) == "", page
        card = Card(title, SITE_NAME, "Hướng dẫn", "example.github.io/lang-so")
        assert data == draw_card(card), page


def test_stacked_diacritics_of_a_guide_title_are_all_in_the_font() -> None:
    title = "Đình làng Là Thôn – Tạo tài khoản VNeID mức 1"
    assert missing_glyphs(title) == ""
    data = draw_card(Card(title, SITE_NAME, "Hướng dẫn", "example.github.io/lang-so"))
    assert Image.open(io.BytesIO(data)).size == CARD_SIZE


def test_generated_directory_pages_have_their_own_card(sample: BuildResult) -> None:
    """A service page (the page people share most: a shop, the commune's office) gets a card
    with its name, in the directory's section."""
    cards: set[str] = set()
    services = [p for p in pages(sample) if p.startswith("danh-ba/") and p != "danh-ba/index.html"]
    for page in services:
        soup = sample.soup(page)
        tags = meta(soup)
        if raster_images(soup):
            continue
        cards.add(tags["og:image"])
        assert tags["og:image:alt"] == f"{drawable(heading(soup))} – {SITE_NAME}", page
    assert len(cards) == len([p for p in services if not raster_images(sample.soup(p))])


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


def test_cards_follow_what_they_show_and_the_cache_keeps_only_those_used(
    make_site: SiteFactory,
) -> None:
    """What a card shows is part of the key of the page's tags: a rebuild after the site's name
    or the page's title changed points at a new card, drawn; the cache keeps the cards the last
    build used."""
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
    assert data == draw_card(Card("Trang chủ", "Làng Phú Mỹ", "", "example.github.io/lang-phu-my"))
    assert not (root / "site" / CARD_FOLDER / home).exists()
    page = root / "content/index.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('title: "Trang chủ"', 'title: "Sổ tay"'),
        encoding="utf-8",
    )
    third = build_site(root)
    assert meta(third.soup("index.html"))["og:title"] == "Sổ tay"
    retitled = card_of(third, "index.html")
    assert retitled not in (home, renamed)
    cached = sorted(p.name for p in (root / ".cache/langso/og").iterdir())
    assert len(cached) == 1  # the one card of the last build
