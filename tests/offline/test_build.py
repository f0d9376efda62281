"""The offline core (manifest, digests, sizes, icons, injected markup) and a real build."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from langso.offline.build import (
    ICON_URIS,
    MANIFEST_URI,
    OFFLINE_PAGE_URI,
    SW_URI,
    WEBMANIFEST_URI,
    build_manifest,
    format_size,
    html_addresses,
    icon_png,
    inject_offline,
    missing_page_html,
    offline_page_html,
    referenced_assets,
    service_worker_js,
    short_name_for,
    webmanifest_json,
)
from tests.conftest import SiteFactory, build_site

PLUGINS = [
    "langso/search",
    "langso/content",
    {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
    "langso/plaques",
    "langso/offline",
]


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (0, "1 KB"),
        (300, "1 KB"),
        (1024, "1 KB"),
        (870_000, "850 KB"),
        (1024 * 1024, "1 MB"),
        (1_258_291, "1,2 MB"),
        (25 * 1024 * 1024 + 600_000, "25,6 MB"),
    ],
)
def test_size_is_written_the_vietnamese_way(size: int, label: str) -> None:
    assert format_size(size) == label


def test_referenced_assets_resolve_against_the_page() -> None:
    html = (
        '<link rel="stylesheet" href="../../assets/a.css">'
        '<link rel="icon" href="../../assets/favicon.png">'
        '<link rel="canonical" href="https://example.org/x/">'
        '<link rel="next" href="../other/">'
        '<script src="../../assets/b.js?v=1"></script>'
        "<script>inline()</script>"
        '<script src="https://cdn.example.org/c.js"></script>'
        '<script src="/absolute.js"></script>'
    )
    assert referenced_assets(html, "dia-diem/x/") == {
        "assets/a.css",
        "assets/favicon.png",
        "assets/b.js",
    }
    assert referenced_assets('<script src="assets/b.js"></script>', "") == {"assets/b.js"}
    assert referenced_assets('<script src="assets/b.js"></script>', "x/y.html") == {"x/assets/b.js"}
    assert referenced_assets('<script src="../../b.js"></script>', "") == set()


def _sha(data: bytes) -> str:
    """The digest the manifest gives: the first 16 hex digits of the content's SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def _site(tmp_path: Path, home: bytes = b"<h1>Home</h1>") -> Path:
    (tmp_path / "a").mkdir(parents=True)
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_bytes(home)
    (tmp_path / "a" / "index.html").write_bytes(b"<h1>A</h1>")
    (tmp_path / "assets" / "s.css").write_bytes(b"body{}")
    (tmp_path / "assets" / "langso").mkdir()
    (tmp_path / OFFLINE_PAGE_URI).write_bytes(b"offline")
    return tmp_path


def test_manifest_lists_pages_and_assets_with_sizes_and_digests(tmp_path: Path) -> None:
    site = _site(tmp_path)
    pages = {"": "index.html", "a/": "a/index.html"}
    manifest = build_manifest(site, pages, ["assets/s.css", "assets/missing.js", "index.html"])
    assert manifest["pages"] == [
        {"url": "", "bytes": 13, "digest": _sha(b"<h1>Home</h1>")},
        {"url": "a/", "bytes": 10, "digest": _sha(b"<h1>A</h1>")},
    ]
    assert [a["url"] for a in manifest["precache"]] == [OFFLINE_PAGE_URI, "assets/s.css"]
    assert manifest["total_bytes"] == 13 + 10 + 7 + 6
    assert manifest["total_label"] == "1 KB"
    assert manifest["offline_page"] == OFFLINE_PAGE_URI
    assert manifest["timeout_ms"] == 4000
    assert len(manifest["version"]) == 16


def test_manifest_offers_the_base_map_apart(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "ban-do").mkdir()
    data = bytes(range(256)) * 13_000  # 3,2 MB
    (site / "ban-do" / "nen.pmtiles").write_bytes(data)
    pages = {"": "index.html"}
    manifest = build_manifest(site, pages, [], basemap="ban-do/nen.pmtiles")
    assert manifest["basemap"] == {
        "url": "ban-do/nen.pmtiles",
        "bytes": 3_328_000,
        "label": "3,2 MB",
        "digest": _sha(data),
    }
    # Not in the guidebook's own size: the reader chooses it apart.
    assert manifest["total_bytes"] == 13 + 7
    assert build_manifest(site, pages, [])["basemap"] is None
    assert build_manifest(site, pages, [], basemap="ban-do/khong-co.pmtiles")["basemap"] is None


def test_version_changes_with_any_byte_and_only_then(tmp_path: Path) -> None:
    pages = {"": "index.html", "a/": "a/index.html"}
    one = build_manifest(_site(tmp_path / "1"), pages, ["assets/s.css"])
    same = build_manifest(_site(tmp_path / "2"), pages, ["assets/s.css"])
    other = build_manifest(_site(tmp_path / "3", b"<h1>Home!</h1>"), pages, ["assets/s.css"])
    assert one == same
    assert other["version"] != one["version"]
    site = _site(tmp_path / "4")
    (site / "assets" / "s.css").write_bytes(b"body{color:red}")
    assert build_manifest(site, pages, ["assets/s.css"])["version"] != one["version"]


def test_service_worker_carries_the_manifest(tmp_path: Path) -> None:
    manifest = build_manifest(_site(tmp_path), {"": "index.html"}, [])
    js = service_worker_js(manifest)
    assert "__LANGSO_MANIFEST__" not in js
    start = js.index("var MANIFEST = ") + len("var MANIFEST = ")
    end = js.index(";\n", start)
    assert json.loads(js[start:end]) == manifest


def test_offline_page_is_vietnamese_and_links_home_through_the_worker() -> None:
    html = offline_page_html("Làng <Phú Mỹ>")
    assert '<html lang="vi">' in html
    assert "<h1>Đang mất mạng</h1>" in html
    assert '<a href="../../" id="langso-home">Về trang chủ Làng &lt;Phú Mỹ&gt;</a>' in html
    # Served at any depth: standalone, nothing to load (the inline script reads the size).
    assert "<link" not in html and "<script src" not in html


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Làng Phú Mỹ (thử)", "Làng Phú Mỹ"),
        ("Làng số Là Thôn", "Làng số Là"),
        ("Làng", "Làng"),
        ("Supercalifragilistic", "Supercalifra"),
    ],
)
def test_short_name(name: str, short: str) -> None:
    assert short_name_for(name) == short


def test_webmanifest_fields() -> None:
    data = json.loads(webmanifest_json("Làng Phú Mỹ", "Phú Mỹ", "#4051b5", "#ffffff", "Sổ tay"))
    assert data == {
        "name": "Làng Phú Mỹ",
        "short_name": "Phú Mỹ",
        "description": "Sổ tay",
        "lang": "vi",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": "#4051b5",
        "background_color": "#ffffff",
        "icons": [
            {
                "src": "assets/langso/icon-192.png",
                "sizes": "192x192",
                "type": "image/png",
                "purpose": "any maskable",
            },
            {
                "src": "assets/langso/icon-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any maskable",
            },
        ],
    }


@pytest.mark.parametrize("size", [192, 512])
def test_icons_are_deterministic_pngs_of_their_size(size: int) -> None:
    data = icon_png(size, "#4051b5")
    assert data == icon_png(size, "#4051b5")
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == (size, size)
    assert image.getpixel((1, 1)) == (0x40, 0x51, 0xB5)
    assert image.getpixel((size // 2, size * 55 // 100)) == (255, 255, 255)  # the wall


def test_injected_markup() -> None:
    page = (
        "<html><head><title>x</title></head><body><header>h</header>"
        '<div class="langso-reader">toolbar</div><div class="md-container"><article>Text'
        "</article></div></body></html>"
    )
    out = inject_offline(page, "../../", "#4051b5", "Lưu để đọc khi mất mạng")
    assert '<link rel="manifest" href="../../manifest.webmanifest"></head>' not in out
    head = out[: out.index("</head>")]
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in head
    assert '<meta name="theme-color" content="#4051b5">' in head
    # Where the offer will show, it is drawn from the first paint: never an empty band.
    assert "classList.add('langso-offer')" in head
    assert ".langso-offer .langso-offline--top[hidden]{display:block}" in head
    # Under the toolbar, before the page's content: where a reader sees it.
    between = out[out.index("toolbar</div>") : out.index('<div class="md-container">')]
    assert between.startswith(
        'toolbar</div><div class="langso-offline langso-offline--top" id="langso-offline"'
        ' role="region" aria-label="Đọc khi mất mạng" data-root="../../" hidden>'
    )
    assert ">Lưu để đọc khi mất mạng</button>" in between
    assert '<p class="langso-offline__status" role="status" aria-live="polite"></p>' in between
    assert between.endswith('<script src="../../assets/langso/offline.js" defer></script>')
    bare = inject_offline("<body><p>x</p></body>", "./", "#000", "L")
    assert bare.startswith('<link rel="manifest"') and '<body><div class="langso-offline' in bare


def test_offline_pages_tell_not_saved_from_no_such_page() -> None:
    saved = offline_page_html("Làng <Phú Mỹ>")
    assert "<h1>Đang mất mạng</h1>" in saved
    assert "Trang này chưa được lưu trên máy" in saved
    missing = missing_page_html("Làng <Phú Mỹ>", "tim-kiem/")
    assert '<html lang="vi">' in missing
    assert "<h1>Không có trang này trong bản đã lưu</h1>" in missing
    assert "Có thể đây là trang mới đăng" in missing  # a notice posted after saving
    assert "chưa được lưu" not in missing
    assert '<a href="../../" id="langso-home">Về trang chủ Làng &lt;Phú Mỹ&gt;</a>' in missing
    assert '<a href="../../tim-kiem/">Tìm trong sổ tay</a>' in missing
    assert "<link" not in missing and "<script src" not in missing
    assert "Tìm trong sổ tay" not in missing_page_html("Làng", None)


def test_manifest_knows_the_sites_other_addresses(tmp_path: Path) -> None:
    site = _site(tmp_path)
    addresses = html_addresses(
        ["q/dinh/index.html", "q/dinh.html", "a/index.html", OFFLINE_PAGE_URI, "x.css"]
    )
    assert addresses == {"q/dinh/", "q/dinh.html", "a/"}
    manifest = build_manifest(
        site, {"": "index.html", "a/": "a/index.html"}, [], addresses=addresses
    )
    assert manifest["known"] == ["q/dinh.html", "q/dinh/"]
    assert manifest["missing_page"] == "assets/langso/khong-co-trang.html"


def test_build_writes_the_worker_manifest_and_icons(make_site: SiteFactory) -> None:
    result = build_site(make_site(config={"plugins": PLUGINS}))
    assert result.ok, result.text()
    site = result.site_dir
    manifest = json.loads(result.read(MANIFEST_URI))
    urls = [p["url"] for p in manifest["pages"]]
    assert urls == [
        "",
        "bien-qr/",
        "danh-ba/",
        "danh-ba/cho-phu-my/",
        "danh-ba/cho/",
        "dia-diem/dinh-lang-phu-my/",
        "tim-kiem/",
    ]
    precache = [a["url"] for a in manifest["precache"]]
    for asset in (
        "assets/langso/offline.js",
        "assets/langso/search.js",
        OFFLINE_PAGE_URI,
        WEBMANIFEST_URI,
        *ICON_URIS.values(),
    ):
        assert asset in precache
    assert any(a.startswith("assets/stylesheets/main.") for a in precache)
    assert any(a.startswith("assets/javascripts/bundle.") for a in precache)
    for entry in manifest["precache"]:
        assert (site / entry["url"]).stat().st_size == entry["bytes"]
    # A plaque's short address, a redirect stub: saved too (the service worker answers it
    # also without the final "/").
    assert [e["url"] for e in manifest["redirects"]] == ["q/cho/", "q/dinh/"]
    # The search index is saved with the pages (search works without signal), not at install.
    # So are the contact cards ("Lưu vào danh bạ").
    assert [e["url"] for e in manifest["data"]] == [
        "assets/langso/search-index.json",
        "danh-ba/cho-phu-my.vcf",
        "danh-ba/danh-ba.vcf",
    ]
    assert "assets/langso/search-index.json" not in precache
    for entry in manifest["redirects"]:
        file = entry["url"] + ("index.html" if entry["url"].endswith("/") else "")
        assert 'http-equiv="refresh"' in result.read(file)
    total = sum(
        e["bytes"]
        for e in manifest["pages"] + manifest["redirects"] + manifest["data"] + manifest["precache"]
    )
    assert manifest["total_bytes"] == total
    assert manifest["total_label"] == format_size(total)
    assert manifest["version"] in result.read(SW_URI)
    webmanifest = json.loads(result.read(WEBMANIFEST_URI))
    assert webmanifest["name"] == "Làng Phú Mỹ (thử)"
    assert webmanifest["short_name"] == "Làng Phú Mỹ"
    for size, uri in ICON_URIS.items():
        assert (site / uri).read_bytes() == icon_png(size, "#4051b5")
    for page, root in [
        ("index.html", "./"),
        ("dia-diem/dinh-lang-phu-my/index.html", "../../"),
        ("tim-kiem/index.html", "../"),
    ]:
        soup = result.soup(page)
        link = soup.find("link", rel="manifest")
        assert link is not None and link["href"] == f"{root}manifest.webmanifest"
        box = soup.find(id="langso-offline")
        assert box is not None and box.has_attr("hidden") and box["data-root"] == root
        assert box.find("button").get_text() == "Lưu để đọc khi mất mạng"


def test_same_input_same_bytes(make_site: SiteFactory, tmp_path: Path) -> None:
    root = make_site(config={"plugins": PLUGINS})
    one = build_site(root, site_dir=tmp_path / "one")
    two = build_site(root, site_dir=tmp_path / "two")
    assert one.ok and two.ok
    for uri in (SW_URI, MANIFEST_URI, WEBMANIFEST_URI, *ICON_URIS.values()):
        assert (one.site_dir / uri).read_bytes() == (two.site_dir / uri).read_bytes(), uri


def test_build_without_directory_urls(make_site: SiteFactory) -> None:
    result = build_site(make_site(config={"plugins": PLUGINS, "use_directory_urls": False}))
    assert result.ok, result.text()
    manifest = json.loads(result.read(MANIFEST_URI))
    assert [p["url"] for p in manifest["pages"]] == [
        "bien-qr/index.html",
        "danh-ba/cho-phu-my.html",
        "danh-ba/cho/index.html",
        "danh-ba/index.html",
        "dia-diem/dinh-lang-phu-my.html",
        "index.html",
        "tim-kiem.html",
    ]
    pages = {p["url"] for p in manifest["pages"]}
    assert not pages & {a["url"] for a in manifest["precache"]}  # prev/next links are pages
    box = result.soup("dia-diem/dinh-lang-phu-my.html").find(id="langso-offline")
    assert box is not None and box["data-root"] == "../"


def test_pages_share_the_paths_of_the_files_they_load() -> None:
    """The offline plugin notes what each page loads until the build ends: the same file named
    by any page is one string (interned), and a page's folder is not kept (a memo by folder and
    address held a path per file per page)."""
    html = '<link rel="stylesheet" href="../../assets/a.css"><script src="../../b.js"></script>'
    folder = "".join(["dia-diem/", "dinh/"])  # a string of its own
    before = sys.getrefcount(folder)
    first = referenced_assets(html, folder)
    assert sys.getrefcount(folder) == before
    second = referenced_assets(html.replace("../../", "../"), "cho/")
    assert first == second == {"assets/a.css", "b.js"}
    assert {id(path) for path in first} == {id(path) for path in second}


def test_pages_loading_the_same_files_share_one_set(make_site: SiteFactory) -> None:
    """What each page loads is kept until the build ends: pages loading the same files (most
    of a large site) hold one set, not a copy each."""
    root = make_site(config={"plugins": PLUGINS})
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    build(config)
    held = [assets for _, _, assets in config.plugins["langso/offline"].pages.values()]
    assert len(held) == 7
    assert len({id(assets) for assets in held}) == len({frozenset(a) for a in held}) < len(held)
