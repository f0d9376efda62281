"""``langso init`` writes the same product as the sample village (issue 13, deliverable 1).

The repository's ``mkdocs.yml`` (the sample, Là Thôn) is the reference: a new village's
``mkdocs.yml`` must use every plugin with the same options, the same theme features, Markdown
extensions and validation, so that a plugin added to the sample and forgotten in the starter
template fails here. The only differences allowed are listed, each with its reason.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from langso.init import HOSTS, Host, create_village, edit_uri

REPO = Path(__file__).resolve().parent.parent
REQUIREMENT = "langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0"

SITE_SPECIFIC = {"site_name", "site_description", "site_url", "edit_uri"}
"""Keys whose values belong to each village."""
SAMPLE_ONLY_KEYS: set[str] = set()
"""Every key of the sample is in a new village's ``mkdocs.yml`` too (``nav`` with other pages)."""
SAMPLE_ONLY_OPTIONS = {"langso/plaques": {"print_sheets"}}
"""A new village prints with ``langso plaques print``, which refuses placeholders and records
each print; sheets published with the site would do neither (and need Pango on the host)."""
HOST_OPTIONS: dict[str, dict[str, dict[str, Any]]] = {
    host: {"langso/reader": {"host": host}}
    | ({} if info.redirect_pages else {"langso/plaques": {"redirect_pages": False}})
    for host, info in HOSTS.items()
}
"""GitHub Pages reads no ``_redirects``: HTML redirect stubs (the default, as in the sample);
the other hosts answer plaque short URLs with real HTTP redirects. Each build checks the site
against its own host's limits (the sample's: GitHub Pages)."""

SITE_URLS = {
    "github": "https://xa-yen-dinh.github.io/tan-ngu/",
    "gitlab": "https://xa-yen-dinh.gitlab.io/tan-ngu/",
    "netlify": "https://tan-ngu.netlify.app/",
    "cloudflare": "https://tan-ngu.pages.dev/",
}


def read_yaml(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


def plugins(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``plugins:`` as {name: options}, in order (a bare name has no options)."""
    found: dict[str, dict[str, Any]] = {}
    for item in config["plugins"]:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        found[name] = dict(options or {})
    return found


def new_village(tmp_path: Path, host: Host) -> dict[str, Any]:
    create_village(
        tmp_path / host,
        village="Tân Ngữ",
        commune="xã Yên Định",
        province="tỉnh Thanh Hóa",
        host=host,
        site_url=SITE_URLS[host],
        today=dt.date(2026, 11, 1),
        requirement=REQUIREMENT,
    )
    return read_yaml(tmp_path / host / "mkdocs.yml")


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_same_plugins_configured_the_same_way_as_the_sample(tmp_path: Path, host: Host) -> None:
    sample = read_yaml(REPO / "mkdocs.yml")
    ours = new_village(tmp_path, host)

    expected = {}
    for name, options in plugins(sample).items():
        kept = {k: v for k, v in options.items() if k not in SAMPLE_ONLY_OPTIONS.get(name, ())}
        expected[name] = {**kept, **HOST_OPTIONS[host].get(name, {})}
    assert list(plugins(ours).items()) == list(expected.items())
    assert "search" not in plugins(ours)  # Material's own search: no accent folding


@pytest.mark.parametrize("host", list(HOSTS))
def test_theme_markdown_and_validation_as_the_sample(tmp_path: Path, host: Host) -> None:
    sample = read_yaml(REPO / "mkdocs.yml")
    ours = new_village(tmp_path, host)
    assert set(sample) - set(ours) == SAMPLE_ONLY_KEYS
    # The sample names no repository (no pencil leading nowhere); a GitHub or GitLab Pages
    # address tells a new village's repository, hence its "Chỉnh sửa" links.
    assert set(ours) - set(sample) == ({"edit_uri"} if host in ("github", "gitlab") else set())
    for key in set(ours) - SITE_SPECIFIC - {"plugins", "nav"}:
        if key == "theme" and "edit_uri" not in ours:
            # No repository known: no "edit this page" button that would lead nowhere.
            features = [f for f in sample["theme"]["features"] if f != "content.action.edit"]
            assert ours["theme"] == {**sample["theme"], "features": features}
        else:
            assert ours[key] == sample[key], key


@pytest.mark.parametrize(
    ("host", "site_url", "expected"),
    [
        (
            "github",
            "https://xa-yen-dinh.github.io/tan-ngu/",
            "https://github.com/xa-yen-dinh/tan-ngu/edit/main/content/",
        ),
        (
            "github",
            "https://xa-yen-dinh.github.io/",
            "https://github.com/xa-yen-dinh/xa-yen-dinh.github.io/edit/main/content/",
        ),
        (
            "gitlab",
            "https://xa-yen-dinh.gitlab.io/tan-ngu/",
            "https://gitlab.com/xa-yen-dinh/tan-ngu/-/edit/main/content/",
        ),
        ("gitlab", "https://xa-yen-dinh.gitlab.io/nhom/tan-ngu/", None),
        ("github", "https://tanngu.vn/", None),
        ("netlify", "https://tan-ngu.netlify.app/", None),
    ],
)
def test_edit_uri_from_the_pages_address(host: str, site_url: str, expected: str | None) -> None:
    assert edit_uri(host, site_url) == expected


def test_a_placeholder_address_gets_no_edit_button(tmp_path: Path) -> None:
    create_village(
        tmp_path,
        village="Tân Ngữ",
        commune="xã Yên Định",
        province="tỉnh Thanh Hóa",
        host="github",
        requirement=REQUIREMENT,
    )
    text = (tmp_path / "mkdocs.yml").read_text("utf-8")
    assert "site_url: 'https://example.github.io/tan-ngu/'" in text
    assert "edit_uri" not in text
    assert "content.action.edit" not in text


def _titles(nav: list[Any]) -> dict[str, Any]:
    """Each top-level entry of ``nav`` as title → its page, or its section's first page."""
    found = {}
    for item in nav:
        ((title, target),) = item.items()
        found[title] = target[0] if isinstance(target, list) else target
    return found


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_menu_names_each_section_as_the_sample_does(tmp_path: Path, host: Host) -> None:
    """Without ``nav:`` MkDocs names a folder after itself ("Bien qr", "Thong bao": issue 15,
    round 2): a new village's menu has the sample's Vietnamese titles for the same pages."""
    sample = _titles(read_yaml(REPO / "mkdocs.yml")["nav"])
    ours = _titles(new_village(tmp_path, host)["nav"])
    assert list(ours) == [
        "Trang chủ",
        "Địa điểm",
        "Thông báo",
        "Lịch",
        "Tuyến tham quan",
        "Bản đồ",
        "Danh bạ dịch vụ",
        "Biển mã QR",
    ]
    assert ours == {title: sample[title] for title in ours}
