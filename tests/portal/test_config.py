"""The portal file ``cong.yml``: careless and hostile inputs, every mistake located in one run."""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

from langso.portal.config import (
    MAX_VILLAGES,
    RESERVED_KEYS,
    normal_url,
    read_portal_file,
    url_problem,
)
from langso.portal.site import OWN_DIRS
from langso.problems import Problem
from tests.conftest import REPO
from tests.test_yaml_hostile import bomb


def write(root: Path, text: str | bytes, folders: dict[str, str] | None = None) -> Path:
    """``root/cong.yml`` holding ``text``, and folders each with the named file (or none)."""
    for folder, file in (folders or {}).items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        if file:
            (root / folder / file).write_text("{}\n", encoding="utf-8")
    path = root / "cong.yml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def located(problems: list[Problem]) -> list[tuple[int | None, str | None, str]]:
    return [(p.line, p.field, p.code) for p in problems]


def test_a_good_file_gives_every_source_with_its_kind(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ten: 'Cổng làng số xã Yên Định (dữ liệu mẫu)'\n"
        "dia_chi: 'https://Example.github.io/cong'\n"
        "lang:\n"
        "  - thu_muc: 'lang/la-thon'\n"
        "  - thu_muc: 'da-dung/phu-my'\n"
        "    dia_chi: 'https://example.github.io/phu-my/'\n"
        "  - dia_chi: 'https://example.gitlab.io/yen-hoanh/'\n",
        {"lang/la-thon": "mkdocs.yml", "da-dung/phu-my": "lang-so.json"},
    )
    portal, problems = read_portal_file(path, "cong.yml")
    assert problems == []
    assert portal is not None
    assert (portal.name, portal.address) == (
        "Cổng làng số xã Yên Định (dữ liệu mẫu)",
        "https://example.github.io/cong/",
    )
    assert [(s.line, s.source, s.kind, s.url) for s in portal.sources] == [
        (4, "lang/la-thon", "project", None),
        (5, "da-dung/phu-my", "built", "https://example.github.io/phu-my/"),
        (7, "https://example.gitlab.io/yen-hoanh/", "url", "https://example.gitlab.io/yen-hoanh/"),
    ]
    assert portal.sources[0].folder == tmp_path / "lang" / "la-thon"


def test_every_mistake_of_the_entries_is_listed_in_one_run(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ten: 'Cổng thử'\n"
        "dia_chi: 'ftp://example.org/'\n"
        "lang:\n"
        "  - thu_muc: 'lang/la-thon'\n"
        "  - thu_muc: './lang/la-thon/'\n"  # the same folder written another way
        "  - thu_muc: 'khong-co'\n"
        "  - thu_muc: 'trong'\n"
        "  - dia_chi: 'javascript:alert(1)'\n"
        "  - dia_chi: 'https://example.gitlab.io/yen-hoanh'\n"
        "  - dia_chi: 'HTTPS://EXAMPLE.gitlab.io/yen-hoanh/'\n"  # the same site
        "  - ghi_chu: 'x'\n"
        "  - dia_chi: 'https://x.example/lang/?a=1'\n"
        "  - dia_chi: '//example.org/lang/'\n"
        "  - thu_muc: 'lang/la-thon/mkdocs.yml'\n",
        {"lang/la-thon": "mkdocs.yml", "trong": ""},
    )
    portal, problems = read_portal_file(path, "cong.yml")
    assert portal is None
    assert located(problems) == [
        (2, "dia_chi", "portal.url"),
        (5, "lang", "portal.duplicate"),
        (6, "thu_muc", "portal.folder-missing"),
        (7, "thu_muc", "portal.folder-not-village"),
        (8, "dia_chi", "portal.url"),
        (10, "lang", "portal.duplicate"),
        (11, "lang.ghi_chu", "field.unknown"),
        (11, "lang", "portal.no-source"),
        (12, "dia_chi", "portal.url"),
        (13, "dia_chi", "portal.url"),
        (14, "thu_muc", "portal.folder-missing"),
    ]
    assert problems[0].format() == (
        "cong.yml:2: dia_chi: `ftp://example.org/` không phải địa chỉ trang web dùng được: chỉ "
        "nhận địa chỉ `https://` hoặc `http://` (loại địa chỉ ở đây: `ftp:`) — viết địa chỉ đầy "
        "đủ bắt đầu bằng `https://` (hoặc `http://`), ví dụ `https://example.github.io/lang-phu-my/`"
        "\n    (en) `ftp://example.org/` is not a usable web address: only `https://` or "
        "`http://` addresses are accepted (the scheme here: `ftp:`) — write the full address "
        "starting with `https://` (or `http://`), e.g. `https://example.github.io/lang-phu-my/`"
    )
    assert problems[1].text("vi") == (
        "làng `./lang/la-thon/` đã có ở dòng 4 — xóa một trong hai mục"
    )


def test_tabs_missing_lang_and_an_empty_list(tmp_path: Path) -> None:
    cases = {
        "ten: 'A'\nlang:\n\t- dia_chi: 'https://a.example/'\n": [(3, None, "yaml.tab")],
        "ten: 'A'\n": [(1, "lang", "field.missing")],
        "ten: 'A'\nlang: []\n": [(2, "lang", "field.invalid")],
        "lang:\n  - dia_chi: 'https://a.example/'\n": [(1, "ten", "field.missing")],
        "ten: 'A'\nlang: 'https://a.example/'\n": [(2, "lang", "field.not-list")],
        "ten: 'A'\nlang:\n  - 'https://a.example/'\n": [(3, "lang", "field.not-mapping")],
        "": [(1, None, "yaml.empty")],
    }
    for text, expected in cases.items():
        portal, problems = read_portal_file(write(tmp_path, text), "cong.yml")
        assert portal is None
        assert located(problems) == expected, text


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "ten: 'Cổng'\n".encode("cp1258", errors="replace") + b"\xff\n")
    portal, problems = read_portal_file(path, "cong.yml")
    assert portal is None
    assert [p.code for p in problems] == ["file.encoding"]


def test_an_alias_bomb_is_refused_before_it_grows(tmp_path: Path) -> None:
    path = write(tmp_path, bomb(12, key="lang"))
    tracemalloc.start()
    try:
        portal, problems = read_portal_file(path, "cong.yml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert portal is None
    assert peak < 2_000_000
    assert {p.code for p in problems} == {"yaml.anchor", "yaml.alias"}


def test_ten_thousand_villages_are_one_message(tmp_path: Path) -> None:
    entries = "".join(f"  - dia_chi: 'https://lang-{i}.example/'\n" for i in range(10_000))
    path = write(tmp_path, "ten: 'Cổng'\nlang:\n" + entries)
    start = time.perf_counter()
    portal, problems = read_portal_file(path, "cong.yml")
    assert time.perf_counter() - start < 10  # a bound, not a timing: nothing per entry is done
    assert portal is None
    assert [p.format() for p in problems] == [
        f"cong.yml:3: lang: tệp cổng có 10000 làng, quá {MAX_VILLAGES} làng một cổng — chia "
        "thành nhiều cổng (ví dụ mỗi xã một cổng): một trang cổng quá lớn sẽ vượt giới hạn số "
        "tệp của nơi đăng\n    (en) the portal file lists 10000 villages, more than "
        f"{MAX_VILLAGES} for one portal — split it into several portals (e.g. one per "
        "commune): a larger portal exceeds the hosts' file limits"
    ]


def test_the_limit_itself_is_accepted(tmp_path: Path) -> None:
    entries = "".join(f"  - dia_chi: 'https://lang-{i}.example/'\n" for i in range(MAX_VILLAGES))
    portal, problems = read_portal_file(write(tmp_path, "ten: 'C'\nlang:\n" + entries), "c.yml")
    assert problems == []
    assert portal is not None and len(portal.sources) == MAX_VILLAGES


def test_url_rules() -> None:
    assert url_problem("https://example.github.io/phu-my/") is None
    assert url_problem("http://xã.example/lang/") is None
    refused = {
        "javascript:alert(1)": "`javascript:`",
        "file:///etc/passwd": "`file:`",
        "ftp://example.org/": "`ftp:`",
        "example.org/lang/": "không có",
        "https:///lang/": "thiếu tên máy chủ",
        "https://user:pw@example.org/": "mật khẩu",
        "https://example.org/#a": "`#`",
        'https://example.org/" onclick="x': '`"`',
    }
    for url, words in refused.items():
        why = url_problem(url)
        assert why is not None and words in why[0], url
    assert normal_url("HTTPS://Example.ORG/Lang") == "https://example.org/Lang/"


def test_two_projects_with_one_key_and_a_key_that_is_a_portal_folder(tmp_path: Path) -> None:
    """A project's key is its folder's name (its address in one repository): two folders
    slugging alike, or one named like a portal folder, are refused at their lines."""
    path = write(
        tmp_path,
        "ten: 'Cổng thử'\nlang:\n"
        "  - thu_muc: 'lang/tan-ngu'\n"
        "  - thu_muc: 'xa-khac/Tân Ngũ'\n"
        "  - thu_muc: 'lang/tan-ngu/'\n"  # the same folder: portal.duplicate only
        "  - thu_muc: 'tim'\n",
        {"lang/tan-ngu": "mkdocs.yml", "xa-khac/Tân Ngũ": "mkdocs.yml", "tim": "mkdocs.yml"},
    )
    portal, problems = read_portal_file(path, "cong.yml")
    assert portal is None
    assert located(problems) == [
        (4, "thu_muc", "portal.same-key"),
        (5, "lang", "portal.duplicate"),
        (6, "thu_muc", "portal.key-reserved"),
    ]
    assert problems[0].text("vi") == (
        "thư mục làng `xa-khac/Tân Ngũ` cho mã làng `tan-ngu`, trùng mã của `lang/tan-ngu` "
        "(dòng 3): mã làng là tên thư mục, và là địa chỉ của làng (<địa chỉ cổng>/tan-ngu/) — "
        "đổi tên một trong hai thư mục cho khác nhau (ví dụ thêm tên xã: "
        "`lang/yen-dinh-tan-ngu`) trước khi in biển, rồi sửa `thu_muc`"
    )
    assert set(RESERVED_KEYS) == set(OWN_DIRS)


def test_the_docs_examples_are_valid_portal_files(tmp_path: Path) -> None:
    """Copied as they are from docs/cong-tinh.md (Cách A, Cách B), they are read: `ten` is
    required, `dia_chi` lets each village's site_url be checked."""
    text = (REPO / "docs" / "cong-tinh.md").read_text("utf-8")
    examples = re.findall(r"```yaml\n(# cong.yml\n.*?)```", text, re.DOTALL)
    assert len(examples) == 2
    for number, example in enumerate(examples):
        folders = dict.fromkeys(re.findall(r"thu_muc: '([^']+)'", example), "mkdocs.yml")
        root = tmp_path / str(number)
        root.mkdir()
        portal, problems = read_portal_file(write(root, example, folders), "cong.yml")
        assert problems == [] and portal is not None
        assert portal.address == "https://example.github.io/cong-lang-so/"
