"""A printed plaque keeps working: renamed pages, replaced and retired plaques, every host."""

from __future__ import annotations

import http.server
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest

from tests.conftest import BuildResult, SiteFactory, build_site

SITE_URL = "https://example.github.io/lang-phu-my/"
REGISTRY = "content/plaques.yml"
RECORD = "content/plaques-printed.txt"
PAGE = "content/dia-diem/dinh-lang-phu-my.md"


def test_renaming_the_target_page_keeps_the_printed_code(make_site: SiteFactory) -> None:
    before = build_site(make_site())
    page = (before.root / PAGE).read_text(encoding="utf-8")
    after = build_site(
        make_site(
            files={
                PAGE: None,
                "content/di-tich/dinh-lang.md": page,
                "content/index.md": "# Làng Phú Mỹ\n\n[Đình](di-tich/dinh-lang.md)\n",
                REGISTRY: "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n"
                "  trang: 'di-tich/dinh-lang.md'\n",
            }
        )
    )
    assert after.ok, after.text()
    # the code inline: the same symbol, the same sheets (the print page holds both plaques before)
    dinh = re.compile(r'<section class="one">\n<h2>Đình làng Phú Mỹ</h2>.*?</section>', re.S)
    printed = [dinh.findall(site.read("bien-qr/in-1.html")) for site in (before, after)]
    assert len(printed[0]) == 1 and printed[0] == printed[1]
    assert 'content="0; url=../../di-tich/dinh-lang/"' in after.read("q/dinh/index.html")


def test_a_replaced_plaque_leads_where_its_replacement_leads(make_site: SiteFactory) -> None:
    registry = (
        "- id: 'dinh-cu'\n  ten: 'Đình (biển cũ)'\n  ngay_in: '01/03/2026'\n  thay_bang: 'dinh'\n"
        "- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
    )
    # `ngay_in` says it was printed: its line is in the record (issue 12).
    record = f"dinh-cu | 2026-03-01 | {SITE_URL}q/dinh-cu/ | - | Đình (biển cũ)\n"
    result = build_site(make_site(files={REGISTRY: registry, RECORD: record}))
    assert result.ok, result.text()
    assert 'content="0; url=../../dia-diem/dinh-lang-phu-my/"' in result.read(
        "q/dinh-cu/index.html"
    )
    # Its code is on the mounted plaque: nothing to print again, only its replacement.
    printed = result.read("bien-qr/in-1.html")
    assert 'id="a5-dinh-cu"' not in printed and 'id="a6-dinh-cu"' not in printed
    assert 'id="a5-dinh"' in printed
    # Its card on the plaques index says so in words, with the day it was printed, and its
    # name leads where its code leads.
    assert status_line(result, "Đình (biển cũ)") == (
        "Tình trạng: Đã thay bằng biển mới, mã cũ vẫn dùng được, in ngày 01/03/2026"
    )
    card = next(
        p
        for p in result.soup("bien-qr/index.html").select("article p.langso-plaque")
        if "Đình (biển cũ)" in p.get_text()
    )
    assert card.select_one("strong a")["href"] == "../dia-diem/dinh-lang-phu-my/"


def status_line(result: BuildResult, name: str) -> str:
    """The "Tình trạng" line of the card of the plaque called ``name`` on the plaques index."""
    cards = result.soup("bien-qr/index.html").select("article p.langso-plaque")
    named = [
        c for c in cards if (t := c.select_one(".langso-plaque__name")) and t.get_text() == name
    ]
    assert len(named) == 1, [c.get_text() for c in cards]
    lines = [line.strip() for line in named[0].get_text().split("\n")]
    return next(line for line in lines if line.startswith("Tình trạng: "))


def test_a_retired_plaque_shows_its_message(make_site: SiteFactory) -> None:
    registry = (
        "- id: 'quay'\n  ten: 'Quầy sách'\n  ngung: 'Quầy sách đã đóng cửa từ tháng 3/2026.'\n"
    )
    result = build_site(make_site(files={REGISTRY: registry}))
    assert result.ok, result.text()
    page = result.soup("q/quay/index.html")
    assert page.select_one("h1").get_text() == "Quầy sách"  # type: ignore[union-attr]
    assert "Quầy sách đã đóng cửa từ tháng 3/2026." in page.get_text()
    assert page.select_one("a")["href"] == "../../"  # type: ignore[index]
    assert "/q/quay" not in result.read("_redirects")


@pytest.mark.parametrize(
    ("registry", "expected"),
    [
        (
            "- id: 'a'\n  ten: 'A'\n  thay_bang: 'b'\n",
            "content/plaques.yml:1: thay_bang: biển `a` được thay bằng `b`, nhưng không có biển nào"
            " mã `b` — sửa `thay_bang` thành mã một biển có trong plaques.yml",
        ),
        (
            "- id: 'a'\n  ten: 'A'\n  thay_bang: 'b'\n- id: 'b'\n  ten: 'B'\n  thay_bang: 'a'\n",
            "content/plaques.yml:1: thay_bang: các biển thay thế nhau thành vòng tròn (`a` → `b` →"
            " … → `a`) — một biển trong vòng phải có `trang` hoặc `ngung`",
        ),
        (
            "- id: 'a'\n  ten: 'A'\n  trang: 'index.md'\n  ngung: 'Đã gỡ.'\n",
            "content/plaques.yml:4: ngung: mỗi biển cần đúng một trong `trang`, `thay_bang`,"
            " `ngung` (đang có trang, ngung) — biển đang dùng: `trang`; biển đã gỡ và thay:"
            " `thay_bang`; biển đã gỡ hẳn: `ngung`",
        ),
    ],
)
def test_replacement_mistakes_are_located(
    make_site: SiteFactory, registry: str, expected: str
) -> None:
    result = build_site(make_site(files={REGISTRY: registry}), strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == expected


def test_a_printed_plaque_cannot_vanish_from_the_registry(make_site: SiteFactory) -> None:
    record = (
        f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình\n"
        f"cho | 2026-11-01 | {SITE_URL}q/cho/ | danh-ba/cho-phu-my.yml | Chợ Phú Mỹ\n"
    )
    registry = "- id: 'dinh'\n  ten: 'Đình'\n  trang: 'dia-diem/dinh-lang-phu-my.md'\n"
    root = make_site(files={"content/plaques-printed.txt": record, REGISTRY: registry})
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/plaques-printed.txt:2: biển `cho` đã in ngày 01/11/2026 nhưng không còn trong"
        " plaques.yml: mã QR trên tường sẽ hỏng — đưa biển trở lại plaques.yml; nếu đã gỡ biển,"
        " ghi `thay_bang` hoặc `ngung` thay vì xóa"
    )
    assert not (result.site_dir / "plaques-printed.txt").exists()


def test_changing_site_url_after_printing_stops_the_build(make_site: SiteFactory) -> None:
    # Real-looking addresses: a print with a placeholder has its own message (issue 13).
    real = "https://xa-phu-my.github.io/lang-phu-my/"
    record = f"dinh | 2026-11-01 | {real}q/dinh/ | dia-diem/dinh-lang-phu-my.md | Đình\n"
    root = make_site(
        files={"content/plaques-printed.txt": record},
        config={"site_url": "https://xa-phu-my.github.io/ten-moi/"},
    )
    result = build_site(root, strict=False)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f"content/plaques-printed.txt:1: biển `dinh` đã in với địa chỉ {real}q/dinh/, nay"
        " trang web ở https://xa-phu-my.github.io/ten-moi/q/dinh/: mã QR đã in sẽ hỏng — giữ"
        " nguyên `site_url` cũ trong mkdocs.yml (hoặc giữ trang cũ chạy và chuyển hướng từ đó);"
        " nếu mọi tờ đã in của biển còn ở văn phòng, chạy `langso plaques huy-in dinh` rồi in lại"
    )


def test_redirects_file_for_netlify_cloudflare_and_gitlab(make_site: SiteFactory) -> None:
    result = build_site(make_site())
    assert result.read("_redirects") == (
        "# Làng số: địa chỉ ngắn của biển mã QR / plaque short URLs\n"
        "/lang-phu-my/q/dinh /lang-phu-my/dia-diem/dinh-lang-phu-my/ 302\n"
        "/lang-phu-my/q/dinh/ /lang-phu-my/dia-diem/dinh-lang-phu-my/ 302\n"
        "/lang-phu-my/q/cho /lang-phu-my/danh-ba/cho-phu-my/ 302\n"
        "/lang-phu-my/q/cho/ /lang-phu-my/danh-ba/cho-phu-my/ 302\n"
    )


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host serving ``site/`` under ``/lang-phu-my/``; with ``redirects`` it answers the
    ``_redirects`` rules first, as Netlify, Cloudflare Pages and GitLab Pages do."""

    redirects: ClassVar[dict[str, str]] = {}

    def translate_path(self, path: str) -> str:
        prefix = "/lang-phu-my"
        inner = path[len(prefix) :] if path.startswith(prefix) else "/__outside__"
        return super().translate_path(inner or "/")

    def do_GET(self) -> None:
        target = self.redirects.get(self.path)
        if target:
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, redirects: dict[str, str]) -> Iterator[str]:
    handler = type("Host", (_Host,), {"redirects": redirects})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(handler, directory=str(site))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


def follow(base: str, path: str) -> tuple[str, str]:
    """GET ``path``, following HTTP redirects and meta refreshes; return the final URL and HTML."""
    url = base + path
    for _ in range(5):
        with urllib.request.urlopen(url, timeout=5) as response:
            assert response.status == 200
            url = response.url
            html = response.read().decode("utf-8")
        refresh = _REFRESH.search(html)
        if not refresh:
            return url, html
        url = urllib.parse.urljoin(url, refresh.group(1))
    raise AssertionError(f"too many redirects from {path}")


@pytest.mark.parametrize("host", ["github-pages", "netlify-cloudflare-gitlab"])
def test_every_plaque_url_reaches_its_page_under_the_sub_path(
    make_site: SiteFactory, host: str
) -> None:
    stubs = host == "github-pages"
    config = {
        "plugins": [
            "langso/content",
            {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
            {"langso/plaques": {"redirect_pages": stubs}},
        ]
    }
    result = build_site(make_site(config=config))
    assert result.ok, result.text()
    rules = {}
    for line in result.read("_redirects").splitlines()[1:]:
        source, target, status = line.split()
        assert status == "302"
        rules[source] = target
    assert (result.site_dir / "q" / "dinh" / "index.html").exists() == stubs
    expected = {"dinh": "dia-diem/dinh-lang-phu-my/", "cho": "danh-ba/cho-phu-my/"}
    with serve(result.site_dir, {} if stubs else rules) as base:
        for plaque, page in expected.items():
            for path in (f"/lang-phu-my/q/{plaque}/", f"/lang-phu-my/q/{plaque}"):
                url, html = follow(base, path)
                assert url == f"{base}/lang-phu-my/{page}", path
                assert f'<link rel="canonical" href="{SITE_URL}{page}">' in html
        with pytest.raises(urllib.error.HTTPError):
            follow(base, "/lang-phu-my/q/khong-co/")
