"""A village made by ``langso init`` works on each free host, served at that host's URL shape.

Each case builds a new village (``create_village``) with the host's ``site_url``, serves the
built site with a local HTTP server at exactly the host's path (a project sub-path on GitHub and
GitLab, the root on Netlify and Cloudflare), answering the ``_redirects`` rules first where the
host reads them, and crawls every HTML page: every internal link, stylesheet, script and image
answers 200 under that path, and every plaque URL, with and without its trailing slash, reaches
its page.
"""

from __future__ import annotations

import datetime as dt
import http.server
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import ClassVar

import pytest
import yaml
from bs4 import BeautifulSoup

from langso.init import Host, create_village
from tests.conftest import build_site

SOURCE = "https://github.com/xa-yen-dinh/lang-so@v0.1.0"
"""Where the village's host would install Làng số from (``requirements.txt``; unused here)."""

CASES: dict[str, str] = {
    "github": "https://xa-yen-dinh.github.io/la-thon/",
    "gitlab": "https://xa-yen-dinh.gitlab.io/la-thon/",
    "netlify": "https://la-thon.netlify.app/",
    "cloudflare": "https://la-thon.pages.dev/",
}


class _Host(http.server.SimpleHTTPRequestHandler):
    """A static host serving ``site/`` under ``prefix`` (``/la-thon`` or ``""``); with
    ``redirects`` it answers the ``_redirects`` rules first."""

    prefix: ClassVar[str] = ""
    redirects: ClassVar[dict[str, str]] = {}

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path != self.prefix and not path.startswith(self.prefix + "/"):
            return super().translate_path("/__outside__")
        return super().translate_path(path[len(self.prefix) :] or "/")

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
def serve(site: Path, prefix: str, redirects: dict[str, str]) -> Iterator[str]:
    handler = type("Host", (_Host,), {"prefix": prefix, "redirects": redirects})
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
_SKIP = ("mailto:", "tel:", "geo:", "sms:", "javascript:", "data:")


def get(url: str) -> tuple[str, bytes, str]:
    """GET ``url`` (HTTP redirects followed); the final URL, the body and its content type."""
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.status == 200, url
        return response.url, response.read(), response.headers.get_content_type()


def follow(url: str) -> tuple[str, str]:
    """GET ``url`` following HTTP redirects and meta refreshes; the final URL and HTML."""
    for _ in range(5):
        url, body, _type = get(url)
        html = body.decode("utf-8")
        refresh = _REFRESH.search(html)
        if not refresh:
            return url, html
        url = urllib.parse.urljoin(url, refresh.group(1))
    raise AssertionError(f"too many redirects from {url}")


def references(html: str) -> list[str]:
    """Every link, stylesheet, script and image a page names."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            value = element.get(attr)
            if isinstance(value, str) and value:
                found.append(value)
    for element in soup.find_all(["img", "source"]):
        srcset = element.get("srcset")
        if isinstance(srcset, str):
            found.extend(part.split()[0] for part in srcset.split(",") if part.strip())
    return found


def crawl(base: str, site_url: str, start: list[str]) -> dict[str, str]:
    """Fetch every internal URL reachable from ``start``; return the pages by path.

    A URL under ``site_url`` (the canonical links) is checked on the local server at the same
    path; links elsewhere are left alone. Fails on the first URL that does not answer 200.
    """
    site_path = urllib.parse.urlsplit(site_url).path
    queue = [base + path for path in start]
    seen: set[str] = set(queue)
    pages: dict[str, str] = {}
    while queue:
        url = queue.pop()
        try:
            final, body, content_type = get(url)
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{url}: {error.code}") from None
        path = urllib.parse.urlsplit(url).path
        assert path.startswith(site_path), url
        if content_type != "text/html":
            continue
        html = body.decode("utf-8")
        pages[path] = html
        for ref in references(html):
            if ref.startswith(_SKIP) or ref.startswith("#"):
                continue
            if ref.startswith(site_url):
                ref = base + site_path + ref[len(site_url) :]
            absolute = urllib.parse.urljoin(final, ref)
            if not absolute.startswith(base + "/"):
                continue  # another site
            absolute = absolute.split("#", 1)[0]
            if absolute not in seen:
                seen.add(absolute)
                queue.append(absolute)
    return pages


@pytest.mark.parametrize("host", list(CASES))
def test_a_new_village_works_on_its_host(tmp_path: Path, host: Host) -> None:
    site_url = CASES[host]
    root = tmp_path / "lang"
    create_village(
        root,
        village="Là Thôn",
        commune="xã Yên Định",
        province="tỉnh Thanh Hóa",
        host=host,
        site_url=site_url,
        kind="làng",
        today=dt.date(2026, 11, 1),
        requirement=SOURCE,
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []

    site_path = urllib.parse.urlsplit(site_url).path  # "/la-thon/" or "/"
    prefix = site_path.rstrip("/")
    stubs = host == "github"
    assert (result.site_dir / "q" / "dinh" / "index.html").exists() == stubs
    rules = {}
    for line in result.read("_redirects").splitlines()[1:]:
        source, target, status = line.split()
        assert status == "302"
        rules[source] = target
    assert rules == {
        f"{prefix}/q/dinh": f"{site_path}dia-diem/dinh-lang-la-thon/",
        f"{prefix}/q/dinh/": f"{site_path}dia-diem/dinh-lang-la-thon/",
    }

    with serve(result.site_dir, prefix, {} if stubs else rules) as base:
        pages = crawl(base, site_url, [site_path, f"{site_path}404.html"])
        for page in ("", "dia-diem/dinh-lang-la-thon/", "danh-ba/", "bien-qr/"):
            canonical = f'<link rel="canonical" href="{site_url}{page}">'
            assert canonical in pages[site_path + page], page
        assert f"{site_path}bien-qr/in-1.html" in pages  # the print page is linked too
        assert f'src="{site_path}assets/javascripts/' in pages[f"{site_path}404.html"]

        registry = yaml.safe_load((root / "content" / "plaques.yml").read_text("utf-8"))
        assert [p["id"] for p in registry] == ["dinh"]
        for plaque in registry:
            for path in (f"{site_path}q/{plaque['id']}/", f"{site_path}q/{plaque['id']}"):
                url, html = follow(base + path)
                assert url == f"{base}{site_path}dia-diem/dinh-lang-la-thon/", path
                assert "<h1" in html and "Đình làng Là Thôn" in html
        with pytest.raises(urllib.error.HTTPError):
            follow(f"{base}{site_path}q/khong-co/")


def test_the_crawl_catches_a_site_url_that_does_not_match_the_host(tmp_path: Path) -> None:
    """Built for a project sub-path but served at a root: the 404 page's assets break."""
    root = tmp_path / "lang"
    create_village(
        root,
        village="Là Thôn",
        commune="xã Yên Định",
        province="tỉnh Thanh Hóa",
        host="netlify",
        site_url=CASES["github"],
        today=dt.date(2026, 11, 1),
        requirement=SOURCE,
    )
    result = build_site(root)
    assert result.ok, result.text()
    with serve(result.site_dir, "", {}) as base, pytest.raises(AssertionError, match=": 404"):
        crawl(base, "https://la-thon.netlify.app/", ["/", "/404.html"])
