"""Notice pages read and checked: typed notices, or located bilingual problems (issue 15)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from langso.clock import VIETNAM_TIME
from langso.notices.loading import NOTICE_KEYS, load_notices, summarise
from langso.notices.model import Attachment, Notice
from langso.problems import Problem

NOW = dt.datetime(2026, 11, 30, 7, 0, tzinfo=VIETNAM_TIME)  # tests/conftest.py BUILD_DAY
FRONT = {
    "title": "Lịch cắt điện ngày 12/12/2026 (dữ liệu mẫu)",
    "loai": "lịch cắt điện",
    "ngay_dang": "28/11/2026 07:30",
    "nguoi_dang": "Trưởng thôn",
}


def page(body: str = "Điện lực báo cắt điện.\n", **fields: str | None) -> str:
    """A notice page: :data:`FRONT` with ``fields`` changed (``None`` leaves a key out); a
    field value starting with a newline is written as an indented block."""
    values = {**FRONT, **fields}
    lines = [
        f"{key}:{value}" if value.startswith("\n") else f"{key}: {value}"
        for key, value in values.items()
        if value is not None
    ]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body


def load(
    text: str, docs_dir: Path, name: str = "thong-bao/2026-11-28-cat-dien.md"
) -> tuple[list[Notice], list[Problem]]:
    return load_notices([(name, text)], "content", docs_dir, NOW)


def report(problems: list[Problem]) -> list[str]:
    return [problem.format() for problem in problems]


def test_a_full_notice_becomes_typed_data(tmp_path: Path) -> None:
    (tmp_path / "tep").mkdir()
    (tmp_path / "anh").mkdir()
    (tmp_path / "tep" / "cat-dien.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "anh" / "giay.webp").write_bytes(b"RIFF")
    (tmp_path / "tep" / "so-do.png").write_bytes(b"\x89PNG")
    text = page(
        "# Cắt điện\n\nĐiện lực **Yên Định** cắt điện để [sửa đường dây](a.md).\n\nĐoạn hai.\n",
        het_han="12/12/2026 17:00",
        anh="anh/giay.webp",
        dinh_kem="\n  - tep: tep/cat-dien.pdf\n    mo_ta: Thông báo của Điện lực (bản PDF)"
        "\n  - tep/so-do.png",
    )
    notices, problems = load(text, tmp_path)
    assert problems == []
    assert notices == [
        Notice(
            src_uri="thong-bao/2026-11-28-cat-dien.md",
            source="content/thong-bao/2026-11-28-cat-dien.md",
            title="Lịch cắt điện ngày 12/12/2026 (dữ liệu mẫu)",
            kind=notices[0].kind,
            posted=dt.datetime(2026, 11, 28, 7, 30, tzinfo=VIETNAM_TIME),
            poster="Trưởng thôn",
            expires=dt.datetime(2026, 12, 12, 17, 0, tzinfo=VIETNAM_TIME),
            summary="Điện lực Yên Định cắt điện để sửa đường dây.",
            image="anh/giay.webp",
            attachments=(
                Attachment("tep/cat-dien.pdf", "Thông báo của Điện lực (bản PDF)", "pdf"),
                Attachment("tep/so-do.png", "so-do.png", "image"),
            ),
        )
    ]
    assert notices[0].kind.key == "cat-dien"
    assert not notices[0].urgent


def test_a_day_alone_is_the_start_of_posting_and_the_end_of_expiry(tmp_path: Path) -> None:
    notices, problems = load(page(ngay_dang="28/11/2026", het_han="12/12/2026"), tmp_path)
    assert problems == []
    assert notices[0].posted == dt.datetime(2026, 11, 28, 0, 0, tzinfo=VIETNAM_TIME)
    assert notices[0].expires == dt.datetime(2026, 12, 12, 23, 59, 59, tzinfo=VIETNAM_TIME)
    assert notices[0].image is None  # no photo, no picture attachment


def test_whether_a_time_was_given_is_kept(tmp_path: Path) -> None:
    """A day alone is posted at 00:00 for sorting, but readers are shown the day alone."""
    (day,), _ = load(page(ngay_dang="04/11/2026"), tmp_path)
    (timed,), _ = load(page(ngay_dang="04/11/2026 00:00"), tmp_path)
    (spoken,), _ = load(page(ngay_dang="7h30 ngày 04/11/2026"), tmp_path)
    assert day.posted == timed.posted
    assert (day.posted_has_time, timed.posted_has_time, spoken.posted_has_time) == (
        False,
        True,
        True,
    )


def test_one_run_lists_every_mistake_of_a_notice(tmp_path: Path) -> None:
    """A misspelt kind hides neither the missing photo, nor a missing attachment beside a
    wrong one, nor an expiry before the posting."""
    text = page(
        loai="họp thn",
        het_han="27/11/2026",
        anh="anh/khong-co.png",
        dinh_kem="\n  - tep: tep/khong-co.pdf\n  - tep/bien-ban.docx",
    )
    notices, problems = load(text, tmp_path)
    assert notices == []
    assert [(p.line, p.field, p.code) for p in problems] == [
        (3, "loai", "field.invalid"),
        (6, "het_han", "notice.expires-before-posted"),
        (7, "anh", "notice.file-missing"),
        (9, "dinh_kem.tep", "notice.file-missing"),
        (10, "dinh_kem.tep", "field.invalid"),
    ]


def test_a_wrong_date_hides_no_missing_file(tmp_path: Path) -> None:
    text = page(ngay_dang="31/11/2026", dinh_kem="tep/khong-co.pdf")
    _, problems = load(text, tmp_path)
    assert [(p.line, p.field, p.code) for p in problems] == [
        (4, "ngay_dang", "field.invalid"),
        (6, "dinh_kem.tep", "notice.file-missing"),
    ]


def test_kinds_accept_accents_optional_and_the_urgent_kind_is_urgent(tmp_path: Path) -> None:
    notices, problems = load(page(loai="THIEN TAI"), tmp_path)
    assert problems == []
    assert notices[0].kind.key == "khan-cap"
    assert notices[0].urgent


def test_unknown_kind_names_the_closest_and_lists_every_kind(tmp_path: Path) -> None:
    _, problems = load(page(loai="họp thn"), tmp_path)
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:3: loai: `họp thn` không phải loại thông báo"
        " (có phải ý bạn là `Họp thôn`?) — dùng một trong các loại: `Thiên tai, khẩn cấp`,"
        " `Lịch cắt điện`, `Tiêm chủng`, `Họp thôn`, `Thu phí, đóng góp`, `Việc làm`,"
        " `Bản tin loa`, `Thông báo chung` (có dấu hay không dấu đều được)\n"
        "    (en) `họp thn` is not a kind of notice (did you mean `Họp thôn`?) — use one of the"
        " kinds: `Thiên tai, khẩn cấp`, `Lịch cắt điện`, `Tiêm chủng`, `Họp thôn`,"
        " `Thu phí, đóng góp`, `Việc làm`, `Bản tin loa`, `Thông báo chung` (accents optional)"
    ]


def test_required_fields_are_located(tmp_path: Path) -> None:
    _, problems = load(page(title=None, nguoi_dang=None), tmp_path)
    assert [(p.line, p.field, p.code) for p in problems] == [
        (2, "title", "field.missing"),
        (2, "nguoi_dang", "field.missing"),
    ]


def test_a_page_without_front_matter_says_how_to_start(tmp_path: Path) -> None:
    _, problems = load("# Họp thôn\n\nTối nay họp.\n", tmp_path)
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:1: trang thông báo thiếu phần đầu ghi loại,"
        " ngày đăng và người đăng — mở đầu tệp bằng các dòng: `---`, `title: ...`,"
        " `loai: họp thôn`, `ngay_dang: 28/11/2026 07:30`, `nguoi_dang: Trưởng thôn`, `---`"
        " (hoặc tạo tệp bằng lệnh `langso new thong-bao`)\n"
        "    (en) the notice page has no front matter giving its kind, posting date and poster"
        " — start the file with the lines `---`, `title: ...`, `loai: họp thôn`,"
        " `ngay_dang: 28/11/2026 07:30`, `nguoi_dang: Trưởng thôn`, `---` (or create it with"
        " `langso new thong-bao`)"
    ]


def test_expiry_before_posting_is_an_error(tmp_path: Path) -> None:
    notices, problems = load(page(het_han="27/11/2026"), tmp_path)
    assert notices == []
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:6: het_han: thông báo hết hạn"
        " (23:59 Thứ Sáu, 27/11/2026) trước cả lúc đăng (07:30 Thứ Bảy, 28/11/2026) — sửa"
        " `het_han` thành ngày thông báo thôi có hiệu lực (sau ngày đăng), hoặc sửa `ngay_dang`;"
        " kiểm tra thứ tự ngày/tháng/năm\n"
        "    (en) the notice expires (23:59 Thứ Sáu, 27/11/2026) before it is posted"
        " (07:30 Thứ Bảy, 28/11/2026) — set `het_han` to when the notice stops applying (after"
        " the posting date), or correct `ngay_dang`; check the day/month/year order"
    ]


def test_expiry_on_the_posting_day_is_fine(tmp_path: Path) -> None:
    notices, problems = load(page(het_han="28/11/2026"), tmp_path)
    assert problems == []
    assert len(notices) == 1


def test_a_posting_date_in_the_future_is_a_warning_about_the_year(tmp_path: Path) -> None:
    notices, problems = load(page(ngay_dang="28/11/2027 07:30"), tmp_path)
    assert len(notices) == 1  # a warning: the notice is still published
    assert [(p.line, p.field, p.severity) for p in problems] == [(4, "ngay_dang", "warning")]
    assert problems[0].text("vi") == (
        "ngày đăng 07:30 Chủ Nhật, 28/11/2027 còn ở tương lai (lúc dựng trang là 07:00 Thứ Hai,"
        " 30/11/2026); có thể gõ nhầm năm hoặc đảo ngày với tháng — ghi ngày giờ thông báo được"
        " đăng (hoặc đọc trên loa), theo thứ tự ngày/tháng/năm"
    )


def test_problems_of_one_page_come_in_line_order(tmp_path: Path) -> None:
    _, problems = load(page(ngay_dang="28/11/2027", het_han="01/12/2026"), tmp_path)
    assert [(p.line, p.code) for p in problems] == [
        (4, "notice.posted-future"),
        (6, "notice.expires-before-posted"),
    ]


def test_later_today_is_not_in_the_future(tmp_path: Path) -> None:
    _, problems = load(page(ngay_dang="30/11/2026 17:00"), tmp_path)
    assert problems == []


@pytest.mark.parametrize(
    "poster",
    [
        "Anh Ba 0912 345 678",
        "Trưởng thôn (0912.345.678)",
        "Chị Tư +84912345678",
        "Chú Năm 0912 34567",  # a digit short: still a number, not a role
    ],
)
def test_a_phone_number_as_poster_is_an_error(tmp_path: Path, poster: str) -> None:
    notices, problems = load(page(nguoi_dang=f"'{poster}'"), tmp_path)
    assert notices == []
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:5: nguoi_dang: `nguoi_dang` có số điện thoại:"
        " ở đây chỉ ghi vai trò, không bao giờ ghi số điện thoại riêng của một người — chỉ ghi"
        " vai trò, ví dụ `Trưởng thôn` hoặc `Ban công tác Mặt trận thôn`; số liên hệ công khai"
        " (nếu cần) viết trong nội dung thông báo\n"
        "    (en) `nguoi_dang` holds a phone number: give a role here, never a private person's"
        " number — write only the role, e.g. `Trưởng thôn` (hamlet head); a public contact"
        " number, if needed, goes in the notice's text"
    ]
    assert "912" not in problems[0].format()  # the number is not copied into public CI logs


def test_a_role_with_a_short_public_number_is_fine(tmp_path: Path) -> None:
    notices, problems = load(page(nguoi_dang="Công an xã, gọi 113"), tmp_path)
    assert problems == []
    assert notices[0].poster == "Công an xã, gọi 113"


def test_a_missing_picture_and_attachment_are_located(tmp_path: Path) -> None:
    (tmp_path / "anh").mkdir()
    (tmp_path / "anh" / "Giay.webp").write_bytes(b"RIFF")
    text = page(anh="anh/giay.webp", dinh_kem="\n  - tep: tep/khong-co.pdf")
    notices, problems = load(text, tmp_path)
    assert notices == []
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:6: anh: không có tệp `anh/giay.webp` trong"
        " thư mục nội dung (có tệp `anh/Giay.webp`: tên phải khớp cả chữ hoa, chữ thường) —"
        " chép tệp vào `content/anh/giay.webp` hoặc sửa đường dẫn cho đúng từng chữ (kể cả chữ"
        " hoa, chữ thường), tính từ thư mục nội dung\n"
        "    (en) there is no file `anh/giay.webp` in the content folder (there is"
        " `anh/Giay.webp`: the name must match in case too) — copy the file to"
        " `content/anh/giay.webp` or correct the path letter by letter (upper and lower case"
        " too), from the content folder",
        "content/thong-bao/2026-11-28-cat-dien.md:8: dinh_kem.tep: không có tệp"
        " `tep/khong-co.pdf` trong thư mục nội dung — chép tệp vào `content/tep/khong-co.pdf`"
        " hoặc sửa đường dẫn cho đúng từng chữ (kể cả chữ hoa, chữ thường), tính từ thư mục"
        " nội dung\n"
        "    (en) there is no file `tep/khong-co.pdf` in the content folder — copy the file to"
        " `content/tep/khong-co.pdf` or correct the path letter by letter (upper and lower case"
        " too), from the content folder",
    ]


def test_a_link_leading_out_of_the_content_folder_is_missing(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "tep").mkdir(parents=True)
    (tmp_path / "bi-mat.pdf").write_bytes(b"%PDF")
    (docs / "tep" / "a.pdf").symlink_to(tmp_path / "bi-mat.pdf")
    _, problems = load(page(dinh_kem="[tep/a.pdf]"), docs)
    assert [(p.code, p.params["path"]) for p in problems] == [("notice.file-missing", "tep/a.pdf")]


def test_a_heavy_attachment_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "tep").mkdir()
    with (tmp_path / "tep" / "to.pdf").open("wb") as file:
        file.truncate(6_000_000)
    notices, problems = load(page(dinh_kem="tep/to.pdf"), tmp_path)
    assert len(notices) == 1
    assert [(p.line, p.severity) for p in problems] == [(6, "warning")]
    assert problems[0].text("en") == (
        "the file `tep/to.pdf` is 6.0 MB (keep it under 5 MB): readers on mobile data download"
        " all of it and pay for it — shrink the picture (`langso photos fix`) or save a lighter"
        " PDF (print to PDF at a lower quality, or take a photo of the paper page)"
    )
    assert "6,0 MB" in problems[0].text("vi")


@pytest.mark.parametrize(
    ("size", "shown"), [(5_000_000, None), (5_000_001, "5,1"), (5_200_000, "5,2")]
)
def test_the_heavy_file_limit_is_the_one_the_message_states(
    tmp_path: Path, size: int, shown: str | None
) -> None:
    """ "nên dưới 5 MB" means 5,000,000 bytes (MB as the photos plugin counts them), and a file
    warned about is never shown as "5,0 MB"."""
    (tmp_path / "tep").mkdir()
    with (tmp_path / "tep" / "to.pdf").open("wb") as file:
        file.truncate(size)
    _, problems = load(page(dinh_kem="tep/to.pdf"), tmp_path)
    said = [p.text("vi").split(":")[0] for p in problems]
    assert said == ([f"tệp `tep/to.pdf` nặng {shown} MB (nên dưới 5 MB)"] if shown else [])


@pytest.mark.parametrize(
    ("typed", "vi"),
    [
        ("../bi-mat.pdf", "không phải đường dẫn tới một tệp trong thư mục nội dung"),
        ("/etc/passwd.pdf", "không phải đường dẫn tới một tệp trong thư mục nội dung"),
        ("https://example.com/a.pdf", "không phải đường dẫn tới một tệp trong thư mục nội dung"),
        ("C:/Users/a.pdf", "không phải đường dẫn tới một tệp trong thư mục nội dung"),
        ("tep/thong-bao.docx", "không phải ảnh (.jpg, .jpeg, .png, .webp) hay tệp PDF"),
    ],
)
def test_attachments_stay_inside_the_content_folder_and_are_pictures_or_pdf(
    tmp_path: Path, typed: str, vi: str
) -> None:
    _, problems = load(page(dinh_kem=f"\n  - tep: '{typed}'"), tmp_path)
    assert [(p.line, p.field, p.code) for p in problems] == [(7, "dinh_kem.tep", "field.invalid")]
    assert problems[0].params["vi"] == f"`{typed}` {vi}"


def test_too_many_attachments_is_one_error(tmp_path: Path) -> None:
    many = "[" + ", ".join(f"tep/{n}.pdf" for n in range(5000)) + "]"
    _, problems = load(page(dinh_kem=many), tmp_path)
    assert report(problems) == [
        "content/thong-bao/2026-11-28-cat-dien.md:6: dinh_kem: có 5000 tệp đính kèm, nhiều hơn"
        " 10 — giữ tối đa 10 tệp cần nhất, hoặc gộp các trang vào một tệp PDF\n"
        "    (en) 5000 attachments, more than 10 — keep at most the 10 files that matter, or"
        " join pages into one PDF"
    ]


def test_the_photo_must_be_a_picture(tmp_path: Path) -> None:
    _, problems = load(page(anh="tep/thong-bao.pdf"), tmp_path)
    assert [(p.line, p.field, p.params["vi"]) for p in problems] == [
        (6, "anh", "`tep/thong-bao.pdf` không phải ảnh .jpg, .jpeg, .png, .webp")
    ]


def test_wrong_types_are_located_and_the_page_gives_no_notice(tmp_path: Path) -> None:
    text = page(loai="[họp, thu phí]", ngay_dang="\n  ngay: 28/11/2026", het_han="'sáng mai'")
    notices, problems = load(text, tmp_path)
    assert notices == []
    assert [(p.line, p.field, p.code) for p in problems] == [
        (3, "loai", "field.not-text"),
        (5, "ngay_dang", "field.not-text"),
        (7, "het_han", "field.invalid"),
    ]


def test_markup_in_title_and_poster_stays_plain_text(tmp_path: Path) -> None:
    text = page(
        "<script>alert(1)</script>\n\nHọp <b>khẩn</b> <script>alert(2)</script>&amp; đủ"
        " <i>mặt</i>.\n",
        title="'<img src=x onerror=alert(1)> Họp & bàn'",
        nguoi_dang="'<b>Trưởng thôn</b>'",
    )
    notices, problems = load(text, tmp_path)
    assert problems == []
    assert notices[0].title == "<img src=x onerror=alert(1)> Họp & bàn"
    assert notices[0].poster == "<b>Trưởng thôn</b>"
    assert notices[0].summary == "Họp khẩn & đủ mặt."


def test_decomposed_text_is_read_as_nfc(tmp_path: Path) -> None:
    text = unicodedata.normalize("NFD", page(loai="họp thôn", nguoi_dang="Trưởng   thôn"))
    notices, problems = load(text, tmp_path)
    assert problems == []
    assert notices[0].title == FRONT["title"]
    assert unicodedata.is_normalized("NFC", notices[0].title)
    assert notices[0].poster == "Trưởng thôn"  # one line, one space
    assert notices[0].kind.key == "hop-thon"


def test_a_huge_title_is_refused_quoting_only_its_start(tmp_path: Path) -> None:
    _, problems = load(page(title="Họp " * 5000), tmp_path)
    assert [(p.line, p.field) for p in problems] == [(2, "title")]
    assert problems[0].params["vi"] == f"`{'Họp ' * 10}…` dài 19999 ký tự, quá 150 ký tự"


def test_pages_langso_content_reports_give_nothing_here(tmp_path: Path) -> None:
    broken = "---\ntitle: [Họp\nloai: họp\n---\n"
    control = page("Chữ\x07 lạ\n")
    notices, problems = load_notices(
        [("thong-bao/a.md", broken), ("thong-bao/b.md", control)], "content", tmp_path, NOW
    )
    assert (notices, problems) == ([], [])


def test_pages_are_given_back_in_order_with_every_problem(tmp_path: Path) -> None:
    pages = [
        ("thong-bao/b.md", page(title="B")),
        ("thong-bao/sai.md", page(loai="x")),
        ("thong-bao/a.md", page(title="A")),
    ]
    notices, problems = load_notices(pages, ".", tmp_path, NOW)
    assert [n.title for n in notices] == ["B", "A"]
    assert [(p.path, p.field) for p in problems] == [("thong-bao/sai.md", "loai")]


def test_summary_prefers_the_description_and_cuts_at_a_word() -> None:
    assert summarise("  Họp   thôn\n tối nay. ", "Nội dung.") == "Họp thôn tối nay."
    long = "Thông báo " * 40
    cut = summarise(None, f"!!! warning\n    Khẩn\n\n{long}\n")
    assert len(cut) <= 200
    assert cut.endswith(" Thông…")  # cut at a word, the warning box skipped
    assert "Khẩn" not in cut
    assert summarise(None, "# Chỉ có tiêu đề\n") == ""


def test_notice_keys_are_the_keys_beyond_mkdocs_own() -> None:
    assert frozenset({"loai", "ngay_dang", "nguoi_dang", "het_han", "anh", "dinh_kem"}) == (
        NOTICE_KEYS
    )
