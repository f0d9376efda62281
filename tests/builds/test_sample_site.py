"""The repository's own sample village, built strictly, as a commune would build it."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
import yaml

from langso.paths import page_for_data_file
from tests.conftest import REPO, BuildResult, decode_svg

SITE_URL = "https://example.github.io/lang-so/"


@pytest.fixture(scope="module")
def sample(sample_site: BuildResult) -> BuildResult:
    return sample_site


def registry() -> list[dict[str, str]]:
    data = yaml.safe_load((REPO / "content" / "plaques.yml").read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def expected_target_url(target: str) -> str:
    """Where a plaque's page must be published, by the MkDocs directory-URL rule."""
    if target.endswith(".yml"):
        target = page_for_data_file(target)
    stem = target.removesuffix(".md")
    return SITE_URL + (stem.removesuffix("index") if stem.endswith("index") else stem + "/")


def test_builds_strict_without_warnings(sample: BuildResult) -> None:
    assert sample.ok, sample.text()
    assert sample.messages == []


def test_sample_has_enough_content(sample: BuildResult) -> None:
    index = sample.soup("danh-ba/index.html")
    article = index.select_one("article")
    assert article is not None
    categories = article.find_all("h2")
    entries = article.select("li > a:first-child")
    assert len(categories) >= 5
    assert len(entries) >= 15
    for landmark in ("dinh-lang-la-thon", "dinh-bia-ky-lang-yen-dinh", "dinh-den-lang-yen-hoanh"):
        page = sample.soup(f"dia-diem/{landmark}/index.html")
        headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
        assert "Nguồn" in headings, landmark


def test_every_plaque_qr_decodes_to_its_short_url_and_leads_to_its_page(
    sample: BuildResult,
) -> None:
    plaques = registry()
    assert len(plaques) >= 3
    for plaque in plaques:
        short_url = f"{SITE_URL}q/{plaque['id']}/"
        printed = sample.soup("bien-qr/in-1.html")
        for paper in ("a5", "a6"):
            inline = printed.select_one(f"#{paper}-{plaque['id']} .qr svg")
            assert inline is not None
            assert decode_svg(str(inline)) == [short_url]
            sheet = printed.select_one(f"#{paper}-{plaque['id']} .sheet")
            assert sheet is not None
            assert sheet.select_one("h1").get_text() == plaque["ten"]  # type: ignore[union-attr]
            assert short_url in sheet.get_text()
            assert "Làng số Là Thôn" in sheet.get_text()

        stub = sample.soup(f"q/{plaque['id']}/index.html")
        refresh = stub.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh is not None
        relative = str(refresh["content"]).split("url=", 1)[1]
        landed = posixpath.normpath(posixpath.join(f"q/{plaque['id']}", relative))
        page = sample.soup(f"{landed}/index.html")
        canonical = page.find("link", rel="canonical")
        assert canonical is not None
        assert canonical["href"] == expected_target_url(plaque["trang"])
        stub_canonical = stub.find("link", rel="canonical")
        assert stub_canonical is not None and stub_canonical["href"] == canonical["href"]


def test_data_files_are_not_published(sample: BuildResult) -> None:
    published = [p.name for p in sample.site_dir.rglob("*") if p.suffix in (".yml", ".yaml")]
    assert published == []
    assert not (sample.site_dir / "plaques-printed.txt").exists()


def test_no_third_party_fonts_and_vietnamese_language(sample: BuildResult) -> None:
    for page in sample.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html, page
        assert "fonts.gstatic.com" not in html, page
    assert '<html lang="vi"' in sample.read("index.html")


def test_internal_links_are_relative(sample: BuildResult) -> None:
    """C-10: links are relative or carry the site_url path, so the site works under /lang-so/."""
    root_relative = re.compile(r'(?:href|src)="/(?!/|lang-so/)')
    for page in sample.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not root_relative.search(html), page.relative_to(sample.site_dir)


def test_every_internal_link_resolves(sample: BuildResult) -> None:
    """Follow every relative href/src in every page to a file of the built site."""
    link = re.compile(r'(?:href|src)="([^"#?]*)[^"]*"')
    missing = []
    for page in sample.site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        base = page.parent
        # a print page of a notice resolves its links from the notice's page (<base href>)
        declared = re.search(r'<base href="([^"]*)"', html)
        if declared:
            base = (base / declared.group(1)).resolve()
            assert (base / "index.html").exists(), page  # the base itself is the notice's page
            html = html.replace(declared.group(0), "")
        for target in link.findall(html):
            if not target or re.match(r"^[a-z]+:", target) or target.startswith("//"):
                continue
            if target.startswith("/lang-so/"):
                resolved = (sample.site_dir / target.removeprefix("/lang-so/")).resolve()
            else:
                resolved = (base / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.exists():
                missing.append(f"{page.relative_to(sample.site_dir)} -> {target}")
    assert missing == []


def test_repository_has_no_machine_paths() -> None:
    pattern = re.compile("/" + "work/|/" + "root/|/home/[a-z]+/")
    offenders = []
    for folder in ("plugins", "content", "tests", "build_tools", "docs"):
        for path in Path(REPO, folder).rglob("*"):
            text_file = path.is_file() and path.suffix in (".py", ".md", ".yml", ".html", ".toml")
            if text_file and pattern.search(path.read_text(encoding="utf-8", errors="replace")):
                offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_no_third_party_request_and_no_edit_pencil_without_a_repository(
    sample: BuildResult,
) -> None:
    """With ``repo_url`` the theme fetches api.github.com on every page. The sample names no
    repository (no ``edit_uri``): no "Chỉnh sửa" pencil leading nowhere (issue 14); with a full
    ``edit_uri`` directory pages link their source YAML (``tests/builds/test_directory.py``)."""
    for page in sample.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-md-component="source"' not in text, page
        assert "md-content__button" not in text, page
