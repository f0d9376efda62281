"""The guides' structure rule (:mod:`langso.guides`), the help contact (:mod:`langso.helpline`) and
the sample's sources: official or scholarly only, so a village copying the sample copies no SEO,
homework, news or forum source."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from langso.guides import (
    guide_problems,
    help_line_html,
    is_guide,
    mark_steps,
    with_help_box,
    with_need_box,
)
from langso.helpline import Help, HelpEntry, resolve_help
from langso.phones import parse_phone
from tests.conftest import REPO

# --- which pages are guides, and what is checked -----------------------------------------------


@pytest.mark.parametrize(
    ("src_uri", "meta", "expected"),
    [
        ("huong-dan/vneid-muc-1.md", {}, True),
        ("huong-dan/khac/ten.md", {}, True),
        ("huong-dan/index.md", {}, False),
        ("huong-dan-cu.md", {}, False),
        ("dia-diem/dinh.md", {}, False),
        ("dia-diem/dinh.md", {"can_chuan_bi": ["Điện thoại"]}, True),
    ],
)
def test_which_pages_are_guides(src_uri: str, meta: dict[str, object], expected: bool) -> None:
    assert is_guide(src_uri, meta) is expected


def codes(body: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.code) for p in guide_problems(body, "content/huong-dan/x.md", 5)]


def test_a_preparation_section_and_an_opening_sentence_may_come_first() -> None:
    body = "# T\n\nMở đầu.\n\n## Cần chuẩn bị\n\n- Điện thoại\n\n## Các bước làm\n\n1. Mở.\n"
    assert codes(body) == []


def test_headings_in_code_and_explicit_ids_are_read_as_written() -> None:
    body = "# T\n\n```\n## Không phải tiêu đề\n```\n\n## Các bước {#buoc}\n\n1) Mở.\n"
    assert codes(body) == []


def test_lines_are_counted_from_the_body_s_first_line() -> None:
    assert codes("\n# T\n\n## Giới thiệu\n\n## Các bước\n\n1. Mở.\n") == [(8, "guide.steps-late")]
    assert codes("# T\n\nChỉ có chữ.\n") == [(5, "guide.no-steps")]
    assert codes("# T\n\n## Các bước\n\nMở ra.\n\n## Nguồn\n\n1. Sách.\n") == [
        (7, "guide.steps-not-numbered")
    ]


def test_the_steps_list_gets_its_class_and_nothing_else_does() -> None:
    page = (
        '<h2 id="gioi-thieu">Giới thiệu</h2><ol><li>a</li></ol>'
        '<h2 id="cac-buoc">Các bước<a class="headerlink">¶</a></h2>\n<ol start="2"><li>b</li></ol>'
    )
    assert mark_steps(page) == page.replace('<ol start="2">', '<ol class="langso-steps" start="2">')


def test_boxes_go_under_the_title_and_before_the_sources() -> None:
    page = '<h1 id="t">T</h1>\n<p>x</p>\n<h2 id="nguon">Nguồn</h2><ul></ul>'
    with_box = with_need_box(page, ["A"])
    assert with_box.startswith('<h1 id="t">T</h1>\n<div class="langso-need">')
    assert with_need_box(page, []) == page
    assert with_help_box(page, "<div>H</div>") == page.replace("<h2", "<div>H</div>\n<h2")
    assert with_help_box("<p>x</p>", "<div>H</div>") == "<p>x</p>\n<div>H</div>"


def test_the_help_line_goes_after_what_to_bring_else_before_the_first_section() -> None:
    need = '<div class="langso-need"><ul><li>A</li></ul></div>'
    page = f'<h1 id="t">T</h1>\n{need}\n<p>x</p>\n<h2 id="cac-buoc">Các bước</h2><ol></ol>'
    assert with_help_box(page, "<div>H</div>", "<p>L</p>") == (
        f'<h1 id="t">T</h1>\n{need}\n<p>L</p>\n<p>x</p>\n<h2 id="cac-buoc">Các bước</h2><ol></ol>'
        "\n<div>H</div>"
    )
    plain = '<h1 id="t">T</h1>\n<p>x</p>\n<h2 id="b">B</h2>\n<h2 id="nguon">Nguồn</h2>'
    assert with_help_box(plain, "<div>H</div>", "<p>L</p>") == (
        '<h1 id="t">T</h1>\n<p>x</p>\n<p>L</p>\n<h2 id="b">B</h2>\n<div>H</div>\n'
        '<h2 id="nguon">Nguồn</h2>'
    )
    assert with_help_box('<h1 id="t">T</h1><p>x</p>', "<div>H</div>", "<p>L</p>") == (
        '<h1 id="t">T</h1>\n<p>L</p><p>x</p>\n<div>H</div>'
    )


def test_the_help_line_calls_the_first_number_escaped_once() -> None:
    phones = (parse_phone("0300 000 011"), parse_phone("0300 000 012"))
    team = Help('Tổ <b>"A&B"</b>', phones, "danh-ba/to-so/")
    assert help_line_html(team, "../danh-ba/to-so/") == (
        '<p class="langso-helpline langso-nosnippet">Khó quá? '
        '<a class="langso-helpline__call" href="tel:+84300000011">'
        'Gọi <span class="langso-help__number">0300 000 011</span></a> '
        '<a class="langso-helpline__more" href="#langso-can-giup">Nhờ giúp</a></p>'
    )
    zalo = Help("Tổ", (), "danh-ba/to/", zalo=parse_phone("0300 000 013"))
    assert '<a class="langso-helpline__call" href="https://zalo.me/0300000013">Zalo ' in (
        help_line_html(zalo, "../danh-ba/to/")
    )
    directory = help_line_html(Help(None, (), "danh-ba/"), '../danh-ba/?a="<&>"')
    assert '<a class="langso-helpline__call" href="../danh-ba/?a=&quot;&lt;&amp;&gt;&quot;">' in (
        directory
    )


# --- the help contact -----------------------------------------------------------------------------

TEAM = HelpEntry("to-so", "Tổ số", (parse_phone("0300 000 011"),), "danh-ba/to-so.md", True)
URLS = {"danh-ba/to-so.md": "danh-ba/to-so/", "danh-ba/index.md": "danh-ba/"}


def test_ho_tro_resolves_to_the_team_and_without_it_to_the_directory() -> None:
    found, problems = resolve_help(
        "to-so", 6, "content/village.yml", [TEAM], URLS.get, "danh-ba/index.md"
    )
    assert problems == []
    assert found == Help("Tổ số", TEAM.phones, "danh-ba/to-so/", sample=True)
    assert found.phones[0].display == "0300 000 011" and found.phones[0].tel == "+84300000011"
    fallback, _ = resolve_help(
        None, None, "content/village.yml", [TEAM], URLS.get, "danh-ba/index.md"
    )
    assert fallback == Help(None, (), "danh-ba/")


def test_an_unknown_ho_tro_is_located_on_its_line() -> None:
    found, problems = resolve_help(
        "to-s", 6, "content/village.yml", [TEAM], URLS.get, "danh-ba/index.md"
    )
    assert found is None
    assert [p.format() for p in problems] == [
        "content/village.yml:6: ho_tro: không có dịch vụ `to-s` trong danh bạ (có phải ý bạn là "
        "`to-so`?) — sửa thành `to-so`\n"
        "    (en) there is no service `to-s` in the directory (did you mean `to-so`?) — rename it "
        "to `to-so`"
    ]


# --- the sample's sources -------------------------------------------------------------------------

OFFICIAL = (
    "gov.vn",  # every state body: ministries, provinces, communes (mps, mic, mst, dichvucong …)
    "chinhphu.vn",  # the Government portal and vanban.chinhphu.vn
    "vbpl.vn",  # the national database of legal documents (Ministry of Justice)
    "evn.com.vn",  # Vietnam Electricity
    "npc.com.vn",  # EVNNPC, the northern power corporation (Thanh Hóa)
    "cpc.vn",  # EVNCPC
    "napas.com.vn",  # NAPAS, which runs VietQR
    "vietqr.net",  # NAPAS's VietQR site
    "doi.org",  # published research
    "baothanhhoa.vn",  # Báo Thanh Hóa, the organ of the provincial Party Committee
)
"""Hosts (and their subdomains) a page of the sample may cite: villages copy its sources."""

GUARDED = sorted((REPO / "content").rglob("*.md"))
_LINK = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


def allowed(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in OFFICIAL)


@pytest.mark.parametrize("path", GUARDED, ids=[p.name for p in GUARDED])
def test_every_source_of_the_sample_is_official(path: object) -> None:
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    links = [a or b for a, b in _LINK.findall(text)]
    assert [url for url in links if not allowed(url)] == []
    if path.name != "index.md":  # type: ignore[attr-defined]
        sources = text.split("\n## Nguồn\n", 1)
        assert len(sources) == 2 and sources[1].strip(), "no `## Nguồn` section"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://dichvucong.gov.vn/", True),
        ("https://vanban.chinhphu.vn/?pageid=1", True),
        ("https://cskh.npc.com.vn/", True),
        ("https://getairvestal.com/print-14205.html", False),
        ("https://vietjack.me/tin-phap-luat/x", False),
        ("https://gov.vn.example.com/", False),
        ("https://thanhnien.vn/x", False),
    ],
)
def test_the_allow_list_tells_official_hosts_from_others(url: str, expected: bool) -> None:
    assert allowed(url) is expected
