"""A service's place: post-2025 address units, coordinates inside Viet Nam (loader level)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.directory.services import FILE, QUAN, load, message, only

# --- address: post-2025 units -----------------------------------------------------------------


def test_address_defaults_to_the_village_and_keeps_former_names(tmp_path: Path) -> None:
    text = QUAN + (
        "dia_chi:\n"
        "  thon: 'Là Thôn'\n"
        "  xa: 'xã Yên Định'\n"
        "  tinh: 'tỉnh Thanh Hóa'\n"
        "  xa_cu: 'xã Định Long'\n"
        "  huyen_cu: 'huyện Yên Định'\n"
    )
    directory, problems = load(tmp_path, {"quan-a.yml": text})
    assert problems == []
    address = directory.entries[0].service.address
    assert address is not None
    assert (address.commune, address.province) == ("xã Yên Định", "tỉnh Thanh Hóa")
    assert (address.former_commune, address.former_district) == ("xã Định Long", "huyện Yên Định")


def test_former_commune_written_as_the_commune(tmp_path: Path) -> None:
    assert only(tmp_path, QUAN + "dia_chi:\n  xa: 'xã Định Long'\n") == [
        message(
            4,
            "dia_chi.xa",
            "`xã Định Long` là tên xã trước 01/07/2025; nay là xã Yên Định — xóa dòng `xa` (mặc"
            " định xã Yên Định) và ghi tên cũ vào `xa_cu`",
            "`xã Định Long` is the commune's name before 01/07/2025; now xã Yên Định — delete the"
            " `xa` line (it defaults to xã Yên Định) and put the old name in `xa_cu`",
        )
    ]


def test_province_that_no_longer_exists(tmp_path: Path) -> None:
    text = QUAN + "dia_chi:\n  xa: 'xã Yên Định'\n  tinh: 'tỉnh Yên Bái'\n"
    _, problems = load(tmp_path, {"quan-a.yml": text})
    assert [(p.line, p.field) for p in problems] == [(5, "dia_chi.tinh")]
    assert (
        problems[0]
        .format()
        .startswith(
            f"{FILE}:5: dia_chi.tinh: không có `tỉnh Yên Bái` trong 34 tỉnh, thành phố từ"
            " 01/07/2025 — viết đúng tên, có dấu: "
        )
    )


def test_commune_of_the_village_in_another_province(tmp_path: Path) -> None:
    # Only the province given: the village's commune is checked in that province.
    _, problems = load(tmp_path, {"quan-a.yml": QUAN + "dia_chi:\n  tinh: 'tỉnh Nghệ An'\n"})
    assert [(p.line, p.field, p.code) for p in problems] == [(4, "dia_chi.xa", "field.invalid")]


# --- coordinates ------------------------------------------------------------------------------


def test_coordinates_in_laos_are_refused(tmp_path: Path) -> None:
    assert only(tmp_path, QUAN + "toa_do: '17.97, 102.60'\n") == [
        message(
            3,
            "toa_do",
            "tọa độ `17.97, 102.60` nằm ngoài Việt Nam — chép lại tọa độ từ bản đồ (nhấn giữ vào"
            " địa điểm để thấy 'vĩ độ, kinh độ')",
            "the coordinates `17.97, 102.60` are outside Viet Nam — copy the coordinates again"
            " from a map (long-press the place to see them)",
        )
    ]


@pytest.mark.parametrize("typed", ["bắc 19.98", "91"])
def test_coordinates_that_are_not_a_pair(tmp_path: Path, typed: str) -> None:
    assert only(tmp_path, QUAN + f"toa_do: '{typed}'\n") == [
        message(
            3,
            "toa_do",
            f"tọa độ `{typed}` không đúng dạng — viết 'vĩ độ, kinh độ', ví dụ '19.9810, 105.6420'"
            " (chép từ bản đồ)",
            f"`{typed}` is not a pair of coordinates — write 'latitude, longitude', e.g."
            " '19.9810, 105.6420' (copied from a map)",
        )
    ]


COMMA = (
    "dùng dấu phẩy thập phân (19,9795): dấu phẩy chỉ dùng để ngăn vĩ độ với kinh độ, số lẻ "
    "viết bằng dấu chấm"
)
SPACE = "giữa vĩ độ và kinh độ thiếu dấu phẩy"


@pytest.mark.parametrize(
    ("line", "causes"),
    [
        ("toa_do: 19,9795 105,6460", [COMMA, SPACE]),  # the tester's line: unquoted
        ("toa_do: '19,9795 105,6460'", [COMMA, SPACE]),
        ("toa_do: 19,9795; 105,6460", [COMMA]),
        ("toa_do: '19,9795 , 105,6460'", [COMMA]),
        ("toa_do: 19,9795,105,6460", [COMMA]),
        ("toa_do: ‘19,9795 105,6460’", ["có dấu thừa quanh hai số (`‘`, `’`)", COMMA, SPACE]),
        ("toa_do: 19.9795 105.6460", [SPACE]),
        (
            "toa_do: 19.9795° N, 105.6460° E",
            ["có ký hiệu độ hoặc chữ N, E (chỉ viết hai con số)"],
        ),
        (
            "toa_do: '１９，９７９５　１０５，６４６０'",
            [
                "có chữ số hoặc dấu kiểu toàn khổ (`１`, `９`, `，`, `７`, `５`, `　`, `０`, `６`, "
                "`４`, thường do bàn phím tiếng Trung/Nhật trên điện thoại)",
                COMMA,
                SPACE,
            ],
        ),
        ("toa_do: '19，9795；105，6460'", None),  # full-width comma and semicolon only
    ],
)
def test_coordinates_as_a_phone_types_them_get_the_exact_line_to_copy(
    tmp_path: Path, line: str, causes: list[str] | None
) -> None:
    """Decimal commas in every shape a phone user types: the cause and the exact corrected
    line, never the generic example (which a hurried volunteer would copy), never the value
    accepted silently."""
    problems = only(tmp_path, QUAN + line + "\n")
    # curly quotes: also the general `reading.*` warning about them (any field)
    [text] = [p for p in problems if " không đọc được: " in p]
    value = line.removeprefix("toa_do: ").strip("'")
    assert text.startswith(f"{FILE}:3: toa_do: tọa độ `{value}` không đọc được: "), text
    if causes is not None:
        assert text.split(" không đọc được: ", 1)[1].split(" — ")[0] == "; ".join(causes)
    vi, en = text.split("\n    (en) ")
    assert vi.endswith(
        " — viết lại bằng chữ số và dấu chấm thường, chép dòng này: `toa_do: '19.9795, 105.6460'`"
    ), vi
    assert en.endswith("copy this line: `toa_do: '19.9795, 105.6460'`"), en
    assert "19.9810" not in text  # the generic example
