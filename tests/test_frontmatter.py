"""Front matter read strictly; MkDocs gets a block it cannot misread (shared/cases C-09)."""

from __future__ import annotations

import datetime
import unicodedata
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from langso.frontmatter import (
    TEXT_KEYS,
    PageSource,
    SectionKeys,
    check_page,
    mkdocs_source,
    read_page,
    section_keys_for,
    template_problem,
)
from langso.problems import Problem

PATH = "content/dia-diem/dinh-lang.md"


def located(problems: list[Problem]) -> list[tuple[int | None, str, str | None]]:
    return [(p.line, p.code, p.field) for p in problems]


def test_text_keys() -> None:
    assert frozenset({"title", "description"}) == TEXT_KEYS


# --- valid front matter ---------------------------------------------------------------------------


def test_valid_front_matter() -> None:
    text = (
        "---\n"
        "title: Đình làng Là Thôn\n"
        "description: Lịch sử và lễ hội\n"
        "tags:\n"
        "  - di tích\n"
        "  - lễ hội\n"
        "hide:\n"
        "  - toc\n"
        "comments: true\n"
        "---\n"
        "# Đình làng\n"
        "\n"
        "Đình mở cửa từ 6 giờ sáng.\n"
    )
    page, problems = read_page(text, PATH)
    # A key MkDocs and Material do not read is kept, with a warning (issue 12).
    assert located(problems) == [(9, "frontmatter.unknown-key", "comments")]
    assert page == PageSource(
        meta={
            "title": "Đình làng Là Thôn",
            "description": "Lịch sử và lễ hội",
            "tags": ["di tích", "lễ hội"],
            "hide": ["toc"],
            "comments": True,
        },
        body="# Đình làng\n\nĐình mở cửa từ 6 giờ sáng.\n",
        body_line=11,
    )


@pytest.mark.parametrize(
    ("value", "title"),
    [("No", "No"), ("yes", "yes"), ("off", "off"), ("2024", "2024"), ("1.0", "1.0"), ("~", None)],
)
def test_title_stays_text(value: str, title: str | None) -> None:
    page, problems = read_page(f"---\ntitle: {value}\n---\nNội dung\n", PATH)
    assert problems == []
    assert page.meta == {"title": title}
    assert page.body == "Nội dung\n"


def test_description_stays_text() -> None:
    page, problems = read_page("---\ntitle: 'A'\ndescription: No\n---\n", PATH)
    assert problems == []
    assert page.meta == {"title": "A", "description": "No"}


def test_dots_close_front_matter() -> None:
    page, problems = read_page("---\ntitle: Đình\n...\nNội dung\n", PATH)
    assert problems == []
    assert page == PageSource(meta={"title": "Đình"}, body="Nội dung\n", body_line=4)


def test_crlf_and_bom() -> None:
    page, problems = read_page("\ufeff---\r\ntitle: Đình\r\n---\r\nNội dung\r\n", PATH)
    assert problems == []
    assert page == PageSource(meta={"title": "Đình"}, body="Nội dung\n", body_line=4)


def test_closed_front_matter_at_end_of_file_without_newline() -> None:
    # A page holding only front matter, saved without a final newline, is closed all the same.
    page, problems = read_page("---\ntitle: Đình làng\n---", PATH)
    assert problems == []
    assert page.meta == {"title": "Đình làng"}
    assert page.body == ""


def test_nfd_page_comes_back_nfc() -> None:
    text = unicodedata.normalize("NFD", "---\ntitle: Chùa Thiên Mụ\n---\n# Chùa Thiên Mụ\n")
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {"title": "Chùa Thiên Mụ"}
    assert page.body == "# Chùa Thiên Mụ\n"


# --- broken front matter (C-09) -------------------------------------------------------------------


def test_c09_unquoted_colon() -> None:
    text = "---\ntitle: Đình làng: lịch sử và lễ hội\n---\n# Đình làng\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(2, "yaml.unquoted-colon", "title")]
    assert problems[0].params == {"suggestion": 'title: "Đình làng: lịch sử và lễ hội"'}
    assert problems[0].severity == "error"
    assert page.meta == {}
    assert page.body == "# Đình làng\n\nNội dung.\n"
    assert page.body_line == 4
    assert "title:" not in page.body
    assert "---" not in page.body


def test_c09_inline_comment() -> None:
    text = "---\ntitle: Lễ hội #1 mùa xuân\n---\n# Lễ hội\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(2, "yaml.inline-comment", "title")]
    assert problems[0].params == {
        "lost": "#1 mùa xuân",
        "suggestion": 'title: "Lễ hội #1 mùa xuân"',
    }
    assert page.meta == {}
    assert page.body == "# Lễ hội\n"
    assert "title:" not in page.body


def test_c09_problem_lower_in_the_block() -> None:
    text = "---\ntags:\n  - lễ hội\ntitle: Đình làng: lịch sử\n---\nNội dung\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(4, "yaml.unquoted-colon", "title")]
    assert page.body == "Nội dung\n"


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Đình làng: lịch sử và lễ hội\n---\n# Đình làng\n",
        "---\ntitle: Lễ hội #1 mùa xuân\n---\n# Lễ hội\n",
    ],
)
def test_c09_raw_front_matter_never_reaches_mkdocs(text: str) -> None:
    page, _ = read_page(text, PATH)
    body, meta = get_data(mkdocs_source(page))
    assert meta == {}
    assert "title" not in body
    assert body == page.body


def test_front_matter_tab() -> None:
    page, problems = read_page("---\ntitle: A\ntags:\n\t- x\n---\nNội dung\n", PATH)
    assert located(problems) == [(4, "yaml.tab", None)]
    assert page.meta == {}
    assert page.body == "Nội dung\n"


def test_front_matter_duplicate_key() -> None:
    page, problems = read_page("---\ntitle: A\ntitle: B\n---\nNội dung\n", PATH)
    assert located(problems) == [(3, "yaml.duplicate-key", "title")]
    assert problems[0].params == {"key": "title", "first_line": 2}
    assert page.meta == {}


def test_front_matter_not_mapping() -> None:
    page, problems = read_page("---\n- a\n- b\n---\nNội dung\n", PATH)
    assert located(problems) == [(2, "frontmatter.not-mapping", None)]
    assert page == PageSource(meta={}, body="Nội dung\n", body_line=5)


def test_unclosed_front_matter() -> None:
    text = "---\ntitle: Đình làng\n# Đình làng\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(1, "frontmatter.unclosed", None)]
    assert problems[0].severity == "error"
    assert problems[0].format() == (
        "content/dia-diem/dinh-lang.md:1: phần đầu trang mở bằng `---` nhưng không có dòng `---`"
        " đóng lại — thêm một dòng `---` ngay sau dòng cuối của phần đầu trang\n"
        "    (en) the front matter opens with `---` but is never closed"
        " — add a `---` line right after the last front-matter line"
    )
    assert page.meta == {}


# --- no front matter ------------------------------------------------------------------------------


def test_no_front_matter() -> None:
    page, problems = read_page("# Đình làng\n\nNội dung.\n", PATH)
    assert problems == []
    assert page == PageSource(meta={}, body="# Đình làng\n\nNội dung.\n", body_line=1)


def test_horizontal_rule_first_is_not_front_matter() -> None:
    page, problems = read_page("---\n\nNội dung.\n", PATH)
    assert problems == []
    assert page == PageSource(meta={}, body="---\n\nNội dung.\n", body_line=1)


def test_first_line_like_metadata_stays_in_body() -> None:
    text = "Note: something\nTitle: Không phải tiêu đề\n\nNội dung.\n"
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {}
    assert page.body == text
    body, meta = get_data(mkdocs_source(page))
    assert meta == {}
    assert body == text


def test_plain_mkdocs_would_eat_the_first_line() -> None:
    # Guard for the test above: without our block MkDocs reads `Note:` as metadata.
    body, meta = get_data("Note: something\n\nNội dung.\n")
    assert meta == {"note": "something"}
    assert body == "Nội dung.\n"


# --- mkdocs_source round trip ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta",
    [
        {},
        {"title": "No"},
        {"title": "Đình làng: lịch sử và lễ hội", "description": "Lễ hội #1 mùa xuân"},
        {"title": "2024", "description": "yes"},
        {"title": None},
        {"tags": ["di tích", "lễ hội"], "comments": True, "search": {"exclude": False}},
        {"hide": ["toc", "navigation"], "weight": 3, "ratio": 1.5},
        {"title": 'Quán "Út"', "description": "a\\b\nc"},
    ],
)
def test_mkdocs_source_round_trips_meta(meta: dict[str, object]) -> None:
    page = PageSource(meta=meta, body="# Tiêu đề\n\nNote: không phải metadata\n", body_line=5)
    body, read_meta = get_data(mkdocs_source(page))
    assert read_meta == meta
    assert body == page.body


def test_mkdocs_source_round_trips_read_page() -> None:
    text = "---\ntitle: No\ndescription: on\ntags: [a, b]\ncomments: yes\n---\nNội dung\n"
    page, problems = read_page(text, PATH)
    assert located(problems) == [(5, "frontmatter.unknown-key", "comments")]
    assert page.meta == {"title": "No", "description": "on", "tags": ["a", "b"], "comments": True}
    body, meta = get_data(mkdocs_source(page))
    assert meta == {"title": "No", "description": "on", "tags": ["a", "b"], "comments": True}
    assert body == "Nội dung\n"


def test_mkdocs_source_round_trips_dates() -> None:
    # mkdocs_source promises MkDocs reads back "exactly page.meta": a date stays a date.
    page, problems = read_page("---\ntitle: A\ndate: 2024-01-02\n---\nNội dung\n", PATH)
    assert located(problems) == [(3, "frontmatter.unknown-key", "date")]
    assert page.meta == {"title": "A", "date": datetime.date(2024, 1, 2)}
    body, meta = get_data(mkdocs_source(page))
    assert meta == {"title": "A", "date": datetime.date(2024, 1, 2)}
    assert body == "Nội dung\n"


def test_mkdocs_source_exact_text() -> None:
    page = PageSource(meta={"title": "Đình", "tags": ["a"]}, body="Nội dung\n")
    assert mkdocs_source(page) == "---\ntitle: Đình\ntags:\n- a\n---\n\nNội dung\n"


# --- front matter typed like the directory (issue 12) ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "found", "line"),
    [("[A, B]", "a list", 2), ("\n  - A\n  - B", "a list", 3), ("{a: b}", "`key: value` lines", 2)],
)
def test_title_must_be_text(value: str, found: str, line: int) -> None:
    page, problems = read_page(f"---\ntitle: {value}\n---\n# A\n", PATH)
    assert page.meta == {}
    assert [p.format() for p in problems] == [
        f"{PATH}:{line}: title: `title` phải là một dòng chữ, nhưng lại là "
        f"{'một danh sách' if found == 'a list' else 'các dòng `khóa: giá trị`'} — viết giá trị "
        "trên cùng dòng, sau dấu `: `\n"
        f"    (en) `title` must be text but is {found} — write the value on the same line, after "
        "`: `"
    ]


def test_description_must_be_text() -> None:
    _, problems = read_page("---\ntitle: A\ndescription:\n  - x\n---\n", PATH)
    assert located(problems) == [(4, "field.not-text", "description")]


@pytest.mark.parametrize(
    ("value", "exclude"),
    [
        ("'không'", False),
        ('"không"', False),
        ("không", False),
        ("'false'", False),
        ('"false"', False),
        ("false", False),
        ("No", False),
        ("'có'", True),
        ("có", True),
        ("true", True),
        ('"true"', True),
        ("Có", True),
    ],
)
def test_search_exclude_means_what_it_says(value: str, exclude: bool) -> None:
    page, problems = read_page(f"---\nsearch:\n  exclude: {value}\n---\n# A\n", PATH)
    assert problems == []
    assert page.meta == {"search": {"exclude": exclude}}
    _, meta = get_data(mkdocs_source(page))
    assert meta["search"]["exclude"] is exclude


def test_search_exclude_neither_yes_nor_no() -> None:
    _, problems = read_page("---\nsearch:\n  exclude: 'có lẽ'\n---\n", PATH)
    assert [p.text("en") for p in problems] == [
        "`có lẽ` is not yes or no — write `có` (yes) or `không` (no)"
    ]
    assert located(problems) == [(3, "field.invalid", "search.exclude")]


def test_search_other_keys_warned() -> None:
    page, problems = read_page("---\nsearch:\n  exclude: không\n  boost: 2\n---\n", PATH)
    assert located(problems) == [(4, "frontmatter.unknown-key", "search.boost")]
    assert page.meta == {"search": {"exclude": False}}


def test_hide_values_checked() -> None:
    page, problems = read_page("---\nhide:\n  - toc\n  - menu\n---\n", PATH)
    assert located(problems) == [(4, "field.invalid", "hide")]
    assert problems[0].text("en") == (
        "`menu` is not a part of the page that can be hidden — use one of: `navigation`, `toc`, "
        "`footer`, `path`, `tags`, `feedback`"
    )
    _, problems = read_page("---\nhide: toc\n---\n", PATH)
    assert located(problems) == [(2, "field.not-list", "hide")]
    page, problems = read_page("---\nhide: [navigation, toc]\n---\n", PATH)
    assert (page.meta, problems) == ({"hide": ["navigation", "toc"]}, [])


def test_tags_status_icon_template_are_text() -> None:
    text = "---\ntags:\n  - [a]\nstatus: {a: b}\nicon: [x]\ntemplate: [t]\n---\n"
    _, problems = read_page(text, PATH)
    assert located(problems) == [
        (3, "field.not-text", "tags"),
        (4, "field.not-text", "status"),
        (5, "field.not-text", "icon"),
        (6, "field.not-text", "template"),
    ]


def test_known_keys_typed_in_meta() -> None:
    text = (
        "---\ntitle: 2024\nsubtitle: No\ntags: [1, yes]\nstatus: new\nicon: material/home\n"
        "template: trang-rieng.html\n---\n"
    )
    page, problems = read_page(text, PATH)
    assert problems == []
    assert page.meta == {
        "title": "2024",
        "subtitle": "No",
        "tags": ["1", "yes"],
        "status": "new",
        "icon": "material/home",
        "template": "trang-rieng.html",
    }


def test_unknown_key_without_a_close_match_is_still_a_warning() -> None:
    page, problems = read_page("---\ntitle: A\nmau_sac: do\n---\n", PATH)
    assert page.meta == {"title": "A", "mau_sac": "do"}
    assert [(p.severity, p.format()) for p in problems] == [
        (
            "warning",
            f"{PATH}:3: mau_sac: khóa `mau_sac` không được dùng — xóa dòng này nếu không cần; các "
            "khóa được dùng: `can_chuan_bi`, `description`, `hide`, `icon`, `search`, `status`, "
            "`subtitle`, `tags`, `template`, `title`, `toa_do`\n"
            "    (en) the key `mau_sac` is not used — delete the line unless a theme override of "
            "yours reads it; the keys used are: `can_chuan_bi`, `description`, `hide`, `icon`, "
            "`search`, `status`, `subtitle`, `tags`, `template`, `title`, `toa_do`",
        )
    ]


def test_unknown_key_close_to_a_known_one() -> None:
    _, problems = read_page("---\ntittle: A\n---\n", PATH)
    assert problems[0].format() == (
        f"{PATH}:2: tittle: khóa `tittle` không được dùng (có phải ý bạn là `title`?) — sửa "
        "thành `title`\n"
        "    (en) the key `tittle` is not used (did you mean `title`?) — rename it to `title`"
    )


def test_unknown_key_values_keep_yaml_types_and_never_fail() -> None:
    page, problems = read_page("---\nngay_le: 2024-13-45\nso: 3\nbat: true\n---\n", PATH)
    assert page.meta == {"ngay_le": "2024-13-45", "so": 3, "bat": True}
    assert [p.severity for p in problems] == ["warning"] * 3


SECTIONS = {"thong-bao": frozenset({"loai", "ngay_dang"}), "lich": frozenset({"ngay"})}
"""Folders whose plugins add front-matter keys (issue 15), as ``config.extra`` registers them."""


def test_a_section_s_keys_are_kept_as_yaml_without_a_warning_in_its_folder() -> None:
    """Issue 15: the notices' loader types these keys; here they are accepted in their folder."""
    text = "---\ntitle: A\nloai: họp thôn\nngay_dang: 28/11/2026 07:30\n---\n"
    sections = section_keys_for("thong-bao/hop.md", SECTIONS)
    assert sections == SectionKeys(frozenset({"loai", "ngay_dang"}), (("ngay", "lich"),))
    page, problems = read_page(text, "content/thong-bao/hop.md", sections)
    assert problems == []
    assert page.meta == {"title": "A", "loai": "họp thôn", "ngay_dang": "28/11/2026 07:30"}


def test_a_section_s_key_elsewhere_says_where_it_works() -> None:
    """``het_han`` on a page outside ``thong-bao/`` would silently do nothing."""
    text = "---\ntitle: A\nngay_dang: 28/11/2026\nngay: 2026-12-05\nngya: 1\n---\n"
    sections = section_keys_for("dia-diem/dinh.md", SECTIONS)
    _, problems = read_page(text, PATH, sections)
    assert [p.format() for p in problems[:2]] == [
        f"{PATH}:3: ngay_dang: khóa `ngay_dang` chỉ có tác dụng với trang trong thư mục "
        "`thong-bao/`, ở đây nó không làm gì — chuyển tệp này vào thư mục `thong-bao/` nếu đó "
        "là việc bạn muốn, hoặc xóa dòng này\n"
        "    (en) the key `ngay_dang` only works on pages in the folder `thong-bao/`; here it "
        "does nothing — move this file into `thong-bao/` if that is what you meant, or delete "
        "the line",
        f"{PATH}:4: ngay: khóa `ngay` chỉ có tác dụng với trang trong thư mục `lich/`, ở đây "
        "nó không làm gì — chuyển tệp này vào thư mục `lich/` nếu đó là việc bạn muốn, hoặc "
        "xóa dòng này\n"
        "    (en) the key `ngay` only works on pages in the folder `lich/`; here it does "
        "nothing — move this file into `lich/` if that is what you meant, or delete the line",
    ]
    assert [(p.code, p.severity) for p in problems] == [
        ("frontmatter.section-key", "warning"),
        ("frontmatter.section-key", "warning"),
        ("frontmatter.unknown-key", "warning"),
    ]


def test_without_the_plugins_their_keys_are_unknown() -> None:
    _, problems = read_page("---\ntitle: A\nngay_dang: 28/11/2026\n---\n", PATH)
    assert [p.code for p in problems] == ["frontmatter.unknown-key"]


def test_front_matter_tag_is_located_not_a_traceback() -> None:
    page, problems = read_page("---\ntitle: !!python/name:os.system\n---\n# A\n", PATH)
    assert page.meta == {}
    assert located(problems) == [(2, "yaml.tag", None)]
    assert "`!!python/name:os.system`" in problems[0].format()


def test_front_matter_alias_bomb_refused() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 12)]
    text = "---\ntitle: A\n" + "\n".join(levels) + "\n---\n# A\n"
    page, problems = read_page(text, PATH)
    assert page.meta == {}
    assert located(problems)[:3] == [
        (3, "yaml.anchor", None),
        (4, "yaml.anchor", None),
        (4, "yaml.alias", None),
    ]


@pytest.mark.parametrize("char", ["\x00", "\x0b", "\x1b"])
def test_control_character_in_the_body(char: str) -> None:
    page, problems = read_page(f"---\ntitle: A\n---\n# A\n\nMở{char}cửa\n", PATH)
    assert located(problems) == [(6, "text.control-character", None)]
    assert problems[0].params["column"] == 3
    assert page.meta == {}


def test_template_problem(tmp_path: Path) -> None:
    overrides, theme = tmp_path / "overrides", tmp_path / "theme"
    (overrides / "trang").mkdir(parents=True)
    theme.mkdir()
    (overrides / "trang" / "rieng.html").write_text("x", encoding="utf-8")
    (theme / "main.html").write_text("x", encoding="utf-8")
    folders = [str(overrides), str(theme)]
    assert template_problem(PATH, None, folders, "overrides") is None
    assert template_problem(PATH, ("trang/rieng.html", 4), folders, "overrides") is None
    assert template_problem(PATH, ("main.html", 4), folders, None) is None
    missing = template_problem(PATH, ("khong-co.html", 4), folders, "overrides")
    assert missing is not None
    assert missing.format() == (
        f"{PATH}:4: template: không có mẫu trang `khong-co.html` trong giao diện — xóa dòng "
        "`template:`, hoặc sửa thành tên một tệp `.html` có trong thư mục `overrides/`\n"
        "    (en) the theme has no page template `khong-co.html` — delete the `template:` line, "
        "or name an `.html` file of the folder `overrides/`"
    )
    outside = template_problem(PATH, ("../theme/main.html", 2), folders, None)
    assert outside is not None
    assert outside.params["where_en"] == (
        "`overrides/` (add `custom_dir: overrides` to `theme:` in mkdocs.yml)"
    )


def test_checked_page_names_its_template() -> None:
    page = check_page(
        "---\ntitle: A\n\ntemplate: rieng.html\n---\n# A\n", PATH, needs_sources=False
    )
    assert page.template == ("rieng.html", 4)
    assert check_page("# A\n", PATH, needs_sources=False).template is None


def test_a_slip_in_a_section_s_key_is_told_the_key_it_meant() -> None:
    """`het_hna` on a notice: "did you mean `het_han`?", not "delete this line" (the notice would
    then never expire)."""
    sections = section_keys_for("thong-bao/hop.md", {"thong-bao": ["het_han", "loai"]})
    _, problems = read_page("---\ntitle: A\nhet_hna: 20/12/2026\n---\n", PATH, sections)
    assert problems[0].format().split("\n")[0] == (
        f"{PATH}:3: het_hna: khóa `het_hna` không được dùng (có phải ý bạn là `het_han`?) — sửa "
        "thành `het_han`"
    )


def test_too_large_front_matter_says_so_with_its_own_limit() -> None:
    """A 1.2 MB front matter in a page (pages may be 2 MB) was "tệp quá lớn (…, tối đa 1 000 kB)":
    the limit of another kind of file; here it is the front matter's, said as such."""
    text = "---\ntitle: A\ndescription: '" + "a" * 1_200_000 + "'\n---\n# A\n"
    page, problems = read_page(text, PATH)
    assert page.meta == {}
    assert [p.format() for p in problems] == [
        f"{PATH}:1: phần đầu trang (giữa hai dòng `---`) quá lớn (1 201 kB, tối đa 1 000 kB) — "
        "đưa phần chữ dài xuống nội dung trang, bên dưới dòng `---` thứ hai\n"
        "    (en) the front matter (between the `---` lines) is too large (1 201 kB, at most "
        "1 000 kB) — move the long text into the page's body, below the second `---` line"
    ]
