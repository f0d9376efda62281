"""A printed plaque leads only to the place it was printed for, its documented successor
(``thay_bang``) or its retirement notice (issue 12): real builds of the fixture village with a
record of printed plaques, and the ``langso plaques`` commands that write that record."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from langso.cli import main
from tests.builds.test_plaque_permanence import status_line
from tests.conftest import FIXTURE_SITES, SiteFactory, build_site

SITE_URL = "https://example.github.io/lang-phu-my/"
REGISTRY = "content/plaques.yml"
RECORD = "content/plaques-printed.txt"
DINH = "dia-diem/dinh-lang-phu-my.md"
CHO = "danh-ba/cho-phu-my.yml"
# Printed on 1 November 2026 for the communal house.
PRINTED = f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ | {DINH} | Đình làng Phú Mỹ\n"
REPOINTED = (
    f"content/plaques.yml:3: trang: biển `dinh` đã in ngày 01/11/2026 (trên biển ghi “Đình làng"
    f" Phú Mỹ”) để dẫn tới `{DINH}`, nay `trang` là `{CHO}`: biển trên tường sẽ mở sai nơi. Biển"
    " đã in chỉ được dẫn tới nơi đã in, tới biển thay thế (`thay_bang`) hoặc lời nhắn ngừng"
    " (`ngung`) — nơi khác thì cấp biển mới với mã mới (`langso new plaque`), đặt lại"
    f" `trang: '{DINH}'` hoặc gỡ biển cũ bằng `thay_bang: '<mã mới>'` hay `ngung`; nếu chỉ đổi"
    f" tên tệp trang (vẫn một nơi), thêm dòng `trang_cu: '{DINH}'`"
)
REPOINTED_EN = (
    f"    (en) plaque `dinh` was printed on 01/11/2026 (it reads “Đình làng Phú Mỹ”) to lead to"
    f" `{DINH}`, but `trang` is now `{CHO}`: the plaque on the wall would open the wrong place."
    " A printed plaque may only lead to the place it was printed for, its replacement"
    " (`thay_bang`) or its retirement notice (`ngung`) — for another place issue a new plaque"
    f" with a new id (`langso new plaque`), and set `trang: '{DINH}'` back or take the old"
    " plaque down with `thay_bang: '<new id>'` or `ngung`; if only the page file was renamed"
    f" (the same place), add the line `trang_cu: '{DINH}'`"
)


def registry(dinh: str) -> str:
    """The fixture's registry with ``dinh``'s destination line(s) replaced."""
    return (
        f"- id: 'dinh'\n  ten: 'Đình làng Phú Mỹ'\n{dinh}"
        f"- id: 'cho'\n  ten: 'Chợ Phú Mỹ'\n  trang: '{CHO}'\n"
    )


def test_the_record_as_printed_builds(make_site: SiteFactory) -> None:
    result = build_site(make_site(files={RECORD: PRINTED}))
    assert result.ok, result.text()
    assert result.messages == []


def test_repointing_a_printed_plaque_stops_the_build(make_site: SiteFactory) -> None:
    root = make_site(files={RECORD: PRINTED, REGISTRY: registry(f"  trang: '{CHO}'\n")})
    result = build_site(root)
    assert not result.ok
    assert result.messages[0].split("\n") == [REPOINTED, REPOINTED_EN]
    assert len(result.messages) == 2  # the message and the summary: nothing else is blamed


def test_retiring_then_repointing_stops_the_build(make_site: SiteFactory) -> None:
    """Retired (allowed), then the entry edited to lead elsewhere: the hole of issue 12."""
    root = make_site(files={RECORD: PRINTED, REGISTRY: registry("  ngung: 'Đình đang tu sửa.'\n")})
    retired = build_site(root)
    assert retired.ok, retired.text()
    assert "Đình đang tu sửa." in retired.read("q/dinh/index.html")
    (root / REGISTRY).write_text(registry(f"  trang: '{CHO}'\n"), encoding="utf-8")
    repointed = build_site(root)
    assert not repointed.ok
    assert repointed.messages[0].split("\n")[0] == REPOINTED


def test_leading_back_to_the_place_printed_is_allowed(make_site: SiteFactory) -> None:
    root = make_site(files={RECORD: PRINTED, REGISTRY: registry(f"  trang: './{DINH}'\n")})
    result = build_site(root)
    assert result.ok, result.text()
    assert 'content="0; url=../../dia-diem/dinh-lang-phu-my/"' in result.read("q/dinh/index.html")


def test_a_documented_successor_may_lead_elsewhere(make_site: SiteFactory) -> None:
    """``thay_bang`` is the documented way: the index says so, and the new plaque is new."""
    text = registry("  thay_bang: 'cho-moi'\n") + (
        f"- id: 'cho-moi'\n  ten: 'Chợ mới'\n  trang: '{CHO}'\n"
    )
    result = build_site(make_site(files={RECORD: PRINTED, REGISTRY: text}))
    assert result.ok, result.text()
    assert 'content="0; url=../../danh-ba/cho-phu-my/"' in result.read("q/dinh/index.html")
    assert (
        status_line(result, "Đình làng Phú Mỹ")
        == "Tình trạng: Đã thay bằng biển mới, mã cũ vẫn dùng được"
    )


def test_a_retired_plaque_shows_its_notice(make_site: SiteFactory) -> None:
    root = make_site(files={RECORD: PRINTED, REGISTRY: registry("  ngung: 'Đình đã chuyển.'\n")})
    result = build_site(root)
    assert result.ok, result.text()
    assert "Đình đã chuyển." in result.soup("q/dinh/index.html").get_text()


def test_a_renamed_page_recorded_in_trang_cu_keeps_the_plaque(make_site: SiteFactory) -> None:
    page = "content/dia-diem/dinh-lang-phu-my.md"
    root = make_site(
        files={
            RECORD: PRINTED,
            REGISTRY: registry(f"  trang: 'di-tich/dinh.md'\n  trang_cu: '{DINH}'\n"),
            "content/di-tich/dinh.md": (FIXTURE_SITES / "minimal" / page).read_text("utf-8"),
            "content/index.md": "# Làng Phú Mỹ\n\n[Đình](di-tich/dinh.md)\n",
            page: None,
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert 'content="0; url=../../di-tich/dinh/"' in result.read("q/dinh/index.html")


def test_a_directory_file_turned_into_a_written_page_is_a_rename(make_site: SiteFactory) -> None:
    """``cho-phu-my.yml`` becomes the hand-written ``cho-phu-my.md`` at the same address."""
    record = f"cho | 2026-11-01 | {SITE_URL}q/cho/ | {CHO} | Chợ Phú Mỹ\n"
    text = registry(f"  trang: '{DINH}'\n").replace(
        f"trang: '{CHO}'", f"trang: 'danh-ba/cho-phu-my.md'\n  trang_cu: '{CHO}'"
    )
    root = make_site(
        files={
            RECORD: record,
            REGISTRY: text,
            f"content/{CHO}": None,
            "content/danh-ba/cho-phu-my.md": "# Chợ Phú Mỹ\n\nHọp mỗi sáng.\n",
        }
    )
    result = build_site(root)
    assert result.ok, result.text()
    assert 'content="0; url=../../danh-ba/cho-phu-my/"' in result.read("q/cho/index.html")


def test_trang_cu_while_the_old_page_still_exists_is_not_a_rename(
    make_site: SiteFactory,
) -> None:
    """The communal house's page is still there: pointing at the market is not a rename."""
    moved = registry(f"  trang: '{CHO}'\n  trang_cu: '{DINH}'\n")
    root = make_site(files={RECORD: PRINTED, REGISTRY: moved})
    result = build_site(root)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        f"content/plaques.yml:3: trang: `trang_cu` nói trang `{DINH}` của biển `dinh` đã đổi tên"
        f" thành `{CHO}`, nhưng `{DINH}` vẫn còn trong trang web: đó là hai nơi, không phải đổi"
        f" tên — nếu đã đổi tên tệp, xóa tệp cũ `{DINH}`; nếu biển nay dẫn tới nơi khác, bỏ"
        f" `trang_cu`, đặt lại `trang: '{DINH}'` và cấp biển mới với mã mới"
    )


def test_a_plaque_of_unknown_target_cannot_be_given_a_page_again(
    make_site: SiteFactory,
) -> None:
    record = f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ | - | Đình làng Phú Mỹ\n"
    root = make_site(files={RECORD: record, REGISTRY: registry(f"  trang: '{CHO}'\n")})
    result = build_site(root)
    assert not result.ok
    assert result.messages[0].split("\n")[0] == (
        "content/plaques.yml:3: trang: biển `dinh` đã in ngày 01/11/2026 và đã gỡ trước khi sổ"
        " biển đã in ghi trang đích, nên không biết biển dẫn tới đâu khi in; nay biển lại có"
        f" `trang: '{CHO}'` — giữ `thay_bang` hoặc `ngung` và cấp biển mới với mã mới cho"
        f" `{CHO}`; nếu chắc chắn `{CHO}` là nơi đã in, ghi `{CHO}` vào cột trang của dòng 1"
        " trong content/plaques-printed.txt"
    )
    retired = registry("  ngung: 'Đã gỡ.'\n")
    (root / REGISTRY).write_text(retired, encoding="utf-8")
    assert build_site(root).ok


@pytest.mark.parametrize(
    ("line", "why"),
    [
        (f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ | {DINH}", "four columns"),
        (f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ |  | Đình", "an empty column"),
        (f"dinh 2026-11-01 | {SITE_URL}q/dinh/ | {DINH} | Đình", "a space for a separator"),
        ("dinh 2026-11-01", "two words"),
    ],
)
def test_a_malformed_record_line_is_located(make_site: SiteFactory, line: str, why: str) -> None:
    root = make_site(files={RECORD: f"# sổ\n{PRINTED}{line}\n"})
    result = build_site(root, strict=False)
    assert not result.ok, why
    assert result.messages[0].split("\n") == [
        "content/plaques-printed.txt:3: dòng không đúng dạng `mã | ngày in | địa chỉ trong mã QR"
        f" | trang | tên trên biển`: `{line}` — viết ví dụ `dinh | 2026-11-01 |"
        " https://ten.github.io/kho/q/dinh/ | dia-diem/dinh.md | Đình làng` (mỗi biển một dòng,"
        " các cột cách nhau bằng ` | `)",
        "    (en) the line is not `id | printed | URL in the QR code | page | name on the plaque`:"
        f" `{line}` — write e.g. `dinh | 2026-11-01 | https://name.github.io/repo/q/dinh/ |"
        " dia-diem/dinh.md | Đình làng` (one plaque a line, columns separated by ` | `)",
    ]


OLD_RECORD = (
    "# Biển mã QR đã in: không xóa dòng nào. / Printed plaques: never delete a line.\n"
    "# id  ngày in / printed  địa chỉ trong mã QR / URL in the QR code\n"
    f"dinh 2026-11-01 {SITE_URL}q/dinh/\n"
    f"cho 01/11/2026 {SITE_URL}q/cho/\n"
)
OLD_WARNING = (
    "content/plaques-printed.txt:3: dòng của biển `dinh` theo dạng cũ, chưa ghi trang biển dẫn"
    " tới khi in, nên chưa kiểm tra được biển có bị đổi nơi dẫn tới không — chạy `langso"
    " plaques migrate` để ghi vào sổ trang hiện tại của mỗi biển trong plaques.yml, rồi xem lại"
    " từng dòng (biển có dẫn tới đúng nơi đã in không) trước khi commit"
)


def test_an_old_record_warns_until_migrated(
    make_site: SiteFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first format has no target: the build warns (and stops with --strict, as CI builds)
    and never writes content itself; ``langso plaques migrate`` fills in today's targets."""
    root = make_site(files={RECORD: OLD_RECORD})
    lenient = build_site(root, strict=False)
    assert lenient.ok
    assert [m.split("\n")[0] for m in lenient.messages] == [
        OLD_WARNING,
        OLD_WARNING.replace(":3:", ":4:").replace("`dinh`", "`cho`"),
    ]
    assert not build_site(root).ok
    assert (root / RECORD).read_text(encoding="utf-8") == OLD_RECORD  # the build wrote nothing

    assert main(["plaques", "migrate", "--config", str(root / "mkdocs.yml")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == [
        "Đã ghi trang đích vào 2 dòng của / filled in 2 line(s) of content/plaques-printed.txt:",
        f"  dinh → {DINH} (Đình làng Phú Mỹ)",
        f"  cho → {CHO} (Chợ Phú Mỹ)",
    ]
    lines = (root / RECORD).read_text(encoding="utf-8").splitlines()
    assert lines[-2:] == [
        PRINTED.rstrip("\n"),
        f"cho | 2026-11-01 | {SITE_URL}q/cho/ | {CHO} | Chợ Phú Mỹ",
    ]
    assert lines[-3] == (
        "# id | printed | URL in the QR code | page it led to when printed | name on the plaque"
    )
    assert not any("never delete a line." in line for line in lines)  # the old header is gone
    strict = build_site(root)
    assert strict.ok, strict.text()
    assert strict.messages == []
    # Once migrated, the promise holds.
    (root / REGISTRY).write_text(registry(f"  trang: '{CHO}'\n"), encoding="utf-8")
    assert build_site(root).messages[0].split("\n")[0] == REPOINTED
    assert main(["plaques", "migrate", "--config", str(root / "mkdocs.yml")]) == 0
    assert capsys.readouterr().out == (
        "content/plaques-printed.txt: không có dòng dạng cũ nào / no old-format line.\n"
    )


def test_migrating_a_taken_down_plaque_records_an_unknown_target(
    make_site: SiteFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={RECORD: OLD_RECORD, REGISTRY: registry("  ngung: 'Đã gỡ.'\n")})
    assert main(["plaques", "migrate", "--config", str(root / "mkdocs.yml")]) == 0
    assert "  dinh → - (đã gỡ / taken down) (Đình làng Phú Mỹ)" in capsys.readouterr().out
    lines = (root / RECORD).read_text(encoding="utf-8").splitlines()
    assert lines[-2] == f"dinh | 2026-11-01 | {SITE_URL}q/dinh/ | - | Đình làng Phú Mỹ"
    assert build_site(root).ok


def test_printing_refuses_a_repointed_plaque_and_records_nothing(
    make_site: SiteFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_site(files={RECORD: PRINTED, REGISTRY: registry(f"  trang: '{CHO}'\n")})
    out = tmp_path / "in"
    args = ["plaques", "print", "--output", str(out), "--config", str(root / "mkdocs.yml")]
    assert main(args) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [REPOINTED, REPOINTED_EN]
    assert not out.exists()
    assert (root / RECORD).read_text(encoding="utf-8") == PRINTED


# --- voiding a print that never left the office (issue 13) ----------------------------------

REAL_URL = "https://xa-phu-my.github.io/lang-phu-my/"
REAL_CHO = "ten: 'Chợ Phú Mỹ'\nloai: 'cho'\ndien_thoai: '0912 345 678'\n"
PLACEHOLDER_PRINTED = (
    "content/plaques-printed.txt:1: biển `dinh` được ghi là đã in ngày 01/11/2026 với địa chỉ tạm"
    f" {SITE_URL}q/dinh/, nay trang web ở {REAL_URL}q/dinh/: bản in đó không mở được trang nào —"
    " nếu mọi tờ đã in của biển này còn ở văn phòng, chạy `langso plaques huy-in dinh` (ghi dòng"
    " hủy vào sổ, xé bỏ các tờ đó) rồi in lại; nếu biển đã gắn lên tường, gỡ xuống và làm như vậy"
)


def real_village(make_site: SiteFactory) -> Path:
    """The fixture printed with its placeholder address; then the real address was set."""
    root = make_site(files={RECORD: PRINTED, "content/danh-ba/cho-phu-my.yml": REAL_CHO})
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(SITE_URL, REAL_URL), encoding="utf-8")
    return root


def test_a_print_with_the_placeholder_is_voided_then_printed_again(
    make_site: SiteFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = real_village(make_site)
    stopped = build_site(root)
    assert not stopped.ok
    assert stopped.messages[0].split("\n")[0] == PLACEHOLDER_PRINTED
    config = str(root / "mkdocs.yml")

    void = ["plaques", "huy-in", "dinh", "--ly-do", "in nhầm\naddress", "--yes", "--config", config]
    assert main([*void, "--date", "05/12/2026"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        f"Biển `dinh` (“Đình làng Phú Mỹ”) ghi là đã in ngày 01/11/2026 ({RECORD}, dòng 1), "
        f"mã QR: {SITE_URL}q/dinh/"
    )
    assert f"Đã ghi dòng hủy bản in của biển `dinh` vào {RECORD}" in out
    assert "ngay_in" not in out  # the registry does not say it was printed
    # A line is added, none is deleted or changed.
    void_line = "hủy in | dinh | 2026-12-05 | in nhầm address"
    assert (root / RECORD).read_text("utf-8") == PRINTED + void_line + "\n"
    built = build_site(root)
    assert built.ok, built.text()
    assert built.messages == []

    out_dir = tmp_path / "in"
    printing = ["plaques", "print", "--output", str(out_dir), "--config", config]
    assert main([*printing, "--date", "06/12/2026"]) == 0, capsys.readouterr().err
    assert (root / RECORD).read_text("utf-8").splitlines() == [
        PRINTED.rstrip("\n"),
        void_line,
        f"dinh | 2026-12-06 | {REAL_URL}q/dinh/ | {DINH} | Đình làng Phú Mỹ",
        f"cho | 2026-12-06 | {REAL_URL}q/cho/ | {CHO} | Chợ Phú Mỹ",
    ]
    assert build_site(root).ok
    # Voided once, the new print binds again: a further change of address is refused.
    assert main(["plaques", "huy-in", "cho", "--yes", "--config", config]) == 0
    assert main(["plaques", "huy-in", "cho", "--yes", "--config", config]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{RECORD}: không có bản in nào của biển `cho` để hủy; các biển đã in: `dinh`"
    )


def test_voiding_a_plaque_marked_printed_says_to_drop_its_date(
    make_site: SiteFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    root = real_village(make_site)
    dated = registry(f"  ngay_in: '01/11/2026'\n  trang: '{DINH}'\n")
    (root / REGISTRY).write_text(dated, encoding="utf-8")
    config = str(root / "mkdocs.yml")
    assert main(["plaques", "huy-in", "dinh", "--yes", "--config", config]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "Xóa cả dòng `ngay_in` của biển ở content/plaques.yml:3: bản in đó đã hủy. / Also "
        "delete the plaque's `ngay_in` line at content/plaques.yml:3: that print is void."
    )
    assert not build_site(root).ok  # until it is deleted: the plaque says it was printed
    (root / REGISTRY).write_text(registry(f"  trang: '{DINH}'\n"), encoding="utf-8")
    assert build_site(root).ok


@pytest.mark.parametrize(("answer", "status"), [("", 1), ("không\n", 1), ("có\n", 0)])
def test_voiding_asks_first(
    make_site: SiteFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    answer: str,
    status: int,
) -> None:
    root = real_village(make_site)
    stdin = io.TextIOWrapper(io.BytesIO(answer.encode()), encoding="utf-8")  # with .buffer
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["plaques", "huy-in", "dinh", "--config", str(root / "mkdocs.yml")]) == status
    record = (root / RECORD).read_text("utf-8")
    if status:
        assert record == PRINTED
        assert capsys.readouterr().err.splitlines()[-1] == (
            "Chưa hủy gì. Chạy lại và gõ `có` để xác nhận, hoặc thêm --yes. / Nothing voided. "
            "Run again and type `có` to confirm, or add --yes."
        )
    else:
        assert record.splitlines()[-1].startswith("hủy in | dinh | ")


def test_a_void_line_without_a_print_before_it_stops_the_build(make_site: SiteFactory) -> None:
    record = f"hủy in | dinh | 2026-10-01 | -\n{PRINTED}hủy in | cho | 2026-11-02 |\n"
    result = build_site(make_site(files={RECORD: record}))
    assert not result.ok
    assert [m.split("\n")[0] for m in result.messages[:3]] == [
        "content/plaques-printed.txt:1: dòng hủy bản in của biển `dinh`, nhưng trước dòng này sổ "
        "không có bản in nào của biển `dinh` còn hiệu lực — xóa dòng này nếu gõ nhầm (dòng hủy "
        "chỉ do `langso plaques huy-in` ghi), hoặc sửa mã biển cho đúng",
        "content/plaques-printed.txt:3: dòng không đúng dạng `mã | ngày in | địa chỉ trong mã QR "
        "| trang | tên trên biển`: `hủy in | cho | 2026-11-02 |` — viết ví dụ `dinh | 2026-11-01 "
        "| https://ten.github.io/kho/q/dinh/ | dia-diem/dinh.md | Đình làng` (mỗi biển một dòng, "
        "các cột cách nhau bằng ` | `)",
        "Làng số: 2 lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại. / 2 error(s) in "
        "the content, listed above — fix them and run again.",
    ]
