"""Careless and hostile edits of the plaque registry, the record of printed plaques and the
categories, found by a new-user tester (issue 12): each is a located message in the build, in
``langso check`` and, for plaques, in ``langso plaques print`` (which then prints nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.cli import main
from tests.builds.test_plaque_promise import CHO, DINH, PRINTED, RECORD, REGISTRY, SITE_URL
from tests.conftest import FIXTURE_SITES, SiteFactory, build_site
from tests.test_cli_check import langso


def not_a_page(target: str) -> list[str]:
    """The two lines of ``plaque.target-not-page`` for plaque ``dinh`` at line 3."""
    return [
        f"content/plaques.yml:3: trang: biển `dinh` có `trang: '{target}'`, nhưng tệp này không"
        " phải một trang: `trang` phải là trang `.md` hoặc tệp danh bạ `danh-ba/*.yml`. Biển như"
        " vậy không có địa chỉ ngắn, mã QR in ra sẽ dẫn tới trang “404 không tìm thấy” — viết"
        " đường dẫn của trang `.md` (ví dụ `dia-diem/dinh-lang.md`) hoặc của tệp nơi đó trong"
        " danh bạ (ví dụ `danh-ba/tram-y-te.yml`), tính từ thư mục nội dung",
        f"    (en) plaque `dinh` has `trang: '{target}'`, but that file is not a page: `trang`"
        " must be a page (.md) or a service file danh-ba/*.yml. Such a plaque gets no short URL,"
        " and its printed QR code would lead to “404 not found” — write the path of a `.md` page"
        " (e.g. `dia-diem/dinh-lang.md`) or of the place's file in the directory (e.g."
        " `danh-ba/tram-y-te.yml`), from the content folder",
    ]


def registry(dinh: str) -> str:
    """The fixture's registry with ``dinh``'s lines after its name replaced by ``dinh``."""
    return (
        f"- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n{dinh}"
        f"- id: 'cho'\n  ten: 'Chợ Phú Mỹ'\n  trang: '{CHO}'\n"
    )


def print_args(root: Path, out: Path) -> list[str]:
    return ["plaques", "print", "--output", str(out), "--config", str(root / "mkdocs.yml")]


# --- A: `trang` naming a file that is no page ------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["village.yml", "plaques.yml", "categories.yml", "../mkdocs.yml", "danh-ba/../village.yml"],
)
def test_a_plaque_leading_to_a_file_that_is_no_page_stops_the_build(
    make_site: SiteFactory, target: str
) -> None:
    """Each of these files exists, so the plaque used to vanish from the site without a word."""
    root = make_site(files={REGISTRY: registry(f"  trang: '{target}'\n")})
    result = build_site(root)
    assert not result.ok
    assert [m.split("\n") for m in result.messages[:-1]] == [not_a_page(target)]


def test_langso_check_names_a_plaque_leading_to_no_page(make_site: SiteFactory) -> None:
    result = langso(make_site(files={REGISTRY: registry("  trang: 'village.yml'\n")}), "check")
    assert result.returncode == 1
    assert not_a_page("village.yml")[0] in result.stdout.splitlines()


def test_printing_refuses_a_plaque_leading_to_no_page(
    make_site: SiteFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``village.yml`` is a file of the content folder: print used to print its QR code."""
    root = make_site(files={REGISTRY: registry("  trang: 'village.yml'\n")})
    out = tmp_path / "in"
    assert main(print_args(root, out)) == 1
    assert capsys.readouterr().err.splitlines()[:2] == not_a_page("village.yml")
    assert not out.exists()
    assert not (root / RECORD).exists()


def test_a_service_file_in_a_subfolder_of_the_directory_is_a_page(
    make_site: SiteFactory,
) -> None:
    service = (FIXTURE_SITES / "minimal" / "content" / CHO).read_text(encoding="utf-8")
    root = make_site(
        files={
            f"content/{CHO}": None,
            "content/danh-ba/cho/cho-phu-my.yml": service,
            REGISTRY: registry(f"  trang: '{DINH}'\n").replace(CHO, "danh-ba/cho/cho-phu-my.yml"),
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert 'content="0; url=../../danh-ba/cho/cho-phu-my/"' in result.read("q/cho/index.html")


# --- B: a plaque that says it was printed, missing from the record --------------------------

UNRECORDED = [
    "content/plaques.yml:3: ngay_in: biển `dinh` có `ngay_in: '01/11/2026'` (đã in), nhưng sổ"
    " biển đã in content/plaques-printed.txt không có dòng nào của biển này: sổ đã mất dòng đó"
    " (bị xóa hay sửa), và không có dòng ấy thì không kiểm tra được biển trên tường còn dẫn tới"
    " đúng nơi đã in không — lấy lại đúng dòng cũ từ lịch sử git (`git log -p"
    " content/plaques-printed.txt`) và chép vào content/plaques-printed.txt (sổ chỉ được ghi"
    " thêm, không xóa, không sửa dòng nào); nếu biển in cách khác mà chưa ghi sổ, thêm dòng"
    f" `dinh | 2026-11-01 | {SITE_URL}q/dinh/ | {CHO} | Đình làng Phú Mỹ` (cột trang là nơi"
    " biển dẫn tới lúc in); nếu biển chưa từng in hoặc bản in đã hủy, xóa dòng `ngay_in`",
    "    (en) plaque `dinh` has `ngay_in: '01/11/2026'` (printed), but the record of printed"
    " plaques content/plaques-printed.txt has no line for it: the record lost that line"
    " (deleted or edited), and without it nothing can check that the plaque on the wall still"
    " leads to the place it was printed for — restore the old line exactly from the git history"
    " (`git log -p content/plaques-printed.txt`) into content/plaques-printed.txt (the record is"
    " append-only: never delete or edit a line); if the plaque was printed another way and never"
    f" recorded, add the line `dinh | 2026-11-01 | {SITE_URL}q/dinh/ | {CHO} | Đình làng Phú"
    " Mỹ` (the page column is where it led when printed); if it was never printed or its print"
    " was voided, delete the `ngay_in` line",
]


def test_emptying_the_record_does_not_free_a_printed_plaque(make_site: SiteFactory) -> None:
    """The plaque printed for the communal house, its record line deleted, then re-pointed at
    the market: ``ngay_in`` still says it was printed, so the build stops at that line."""
    repointed = registry(f"  ngay_in: '01/11/2026'\n  trang: '{CHO}'\n")
    root = make_site(files={RECORD: PRINTED, REGISTRY: repointed})
    assert (
        build_site(root)
        .messages[0]
        .split("\n")[0]
        .endswith("`trang_cu: 'dia-diem/dinh-lang-phu-my.md'`")
    )
    (root / RECORD).write_text("", encoding="utf-8")
    result = build_site(root)
    assert not result.ok
    assert [m.split("\n") for m in result.messages[:-1]] == [UNRECORDED]
    # Restoring the line from the history brings the promise back.
    (root / RECORD).write_text(PRINTED, encoding="utf-8")
    assert (
        build_site(root)
        .messages[0]
        .split("\n")[0]
        .startswith("content/plaques.yml:4: trang: biển `dinh` đã in ngày 01/11/2026")
    )


def test_printing_refuses_a_plaque_whose_record_line_was_lost(
    make_site: SiteFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={REGISTRY: registry(f"  ngay_in: '01/11/2026'\n  trang: '{CHO}'\n")})
    out = tmp_path / "in"
    assert main(print_args(root, out)) == 1
    assert capsys.readouterr().err.splitlines()[:2] == UNRECORDED
    assert not out.exists()
    assert not (root / RECORD).exists()  # nothing recorded: the lost line is not laundered


def test_ngay_in_with_its_record_line_builds(make_site: SiteFactory) -> None:
    root = make_site(
        files={RECORD: PRINTED, REGISTRY: registry(f"  ngay_in: '01/11/2026'\n  trang: '{DINH}'\n")}
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []


# --- C: a record line with one wrong column --------------------------------------------------


def test_a_record_line_with_another_plaques_url_names_the_mismatch(
    make_site: SiteFactory,
) -> None:
    """Not a moved site: ``site_url`` is not blamed."""
    line = f"cho | 2026-11-01 | {SITE_URL}q/dinh/ | {CHO} | Chợ Phú Mỹ"
    result = build_site(make_site(files={RECORD: f"{PRINTED}{line}\n"}))
    assert not result.ok
    assert [m.split("\n") for m in result.messages[:-1]] == [
        [
            f"content/plaques-printed.txt:2: cột địa chỉ `{SITE_URL}q/dinh/` không phải địa chỉ"
            " của biển `cho` (địa chỉ của biển này kết thúc bằng `q/cho/`): mã biển và địa chỉ"
            f" trong dòng không khớp nhau: `{line}` — mỗi dòng ghi một biển: sửa cột mã hoặc cột"
            " địa chỉ cho khớp, đúng như đã in trên biển; nếu dòng bị sửa, lấy lại dòng đúng từ"
            " lịch sử git (`git log -p content/plaques-printed.txt`)",
            f"    (en) the URL column `{SITE_URL}q/dinh/` is not the address of plaque `cho`"
            " (this plaque's address ends with `q/cho/`): the line's id and URL do not match:"
            f" `{line}` — one plaque a line: correct the id or the URL column to match what is"
            " printed on the plaque; if the line was edited, restore it from the git history"
            " (`git log -p content/plaques-printed.txt`)",
        ]
    ]


@pytest.mark.parametrize(
    "line",
    [
        f"dinh | 2026-13-45 | {SITE_URL}q/dinh/ | {DINH} | Đình làng Phú Mỹ",
        f"dinh 2026-13-45 {SITE_URL}q/dinh/",  # the first format
    ],
)
def test_a_record_line_with_a_day_that_does_not_exist_names_the_column(
    make_site: SiteFactory, line: str
) -> None:
    result = build_site(make_site(files={RECORD: f"# sổ\n{line}\n"}))
    assert not result.ok
    assert [m.split("\n") for m in result.messages[:-1]] == [
        [
            "content/plaques-printed.txt:2: cột ngày in `2026-13-45` không phải một ngày có"
            f" thật: `{line}` — viết ngày in dạng `2026-11-01` (năm-tháng-ngày) hoặc"
            " `01/11/2026` (ngày/tháng/năm); nếu dòng bị sửa, lấy lại dòng đúng từ lịch sử git"
            " (`git log -p content/plaques-printed.txt`)",
            "    (en) the printing-day column `2026-13-45` is not a real day:"
            f" `{line}` — write the day as `2026-11-01` (year-month-day) or `01/11/2026`"
            " (day/month/year); if the line was edited, restore it from the git history"
            " (`git log -p content/plaques-printed.txt`)",
        ]
    ]


# --- D: a category id the directory uses for a page of its own -------------------------------

RESERVED = [
    "content/categories.yml:3: id: mã `theo-ten` trùng tên trang danh bạ tự tạo (theo tên, theo"
    " cách trả tiền) — đặt mã khác; cách trả tiền ghi vào `thanh_toan` của từng nơi",
    "    (en) id `theo-ten` is taken by a page the directory makes (by name, by payment) —"
    " choose another id; how a place takes payment goes in its `thanh_toan`",
]


@pytest.mark.parametrize("page_size", [None, 1])
def test_a_category_id_reserved_for_a_directory_page_is_located(
    make_site: SiteFactory, page_size: int | None
) -> None:
    """``theo-ten`` is the list by name, made only when the directory outgrows one page: the
    id is refused whatever the page size, at its line."""
    categories = "- id: 'cho'\n  ten: 'Chợ'\n- id: 'theo-ten'\n  ten: 'Theo tên'\n"
    second = "ten: 'Chợ Mới'\nloai: 'cho'\ndien_thoai: '0912 345 678'\n"
    root = make_site(
        files={"content/categories.yml": categories, "content/danh-ba/cho-moi.yml": second}
    )
    options: dict[str, object] = {"stale_level": "info", "duplicate_level": "info"}
    if page_size is not None:
        options["page_size"] = page_size
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace(
            "  - langso/directory:\n      stale_level: info\n      duplicate_level: info\n",
            "  - langso/directory:\n"
            + "".join(f"      {key}: {value}\n" for key, value in options.items()),
        ),
        encoding="utf-8",
    )
    result = build_site(root, strict=False)
    assert not result.ok
    assert [m.split("\n") for m in result.messages[:-1]] == [RESERVED]
