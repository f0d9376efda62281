"""``read_summary``: every hostile summary refused with one exact message, never a traceback."""

from __future__ import annotations

import json
from typing import Any

import pytest

from langso.summary.read import MAX_SUMMARY_BYTES, read_summary
from tests.portal.summaries import make_summary

WHERE = "https://example.gitlab.io/yen-hoanh/lang-so.json"


def dumps(summary: dict[str, Any]) -> bytes:
    return json.dumps(summary, ensure_ascii=False).encode("utf-8")


def refused(data: bytes) -> list[str]:
    summary, messages = read_summary(data, WHERE)
    assert summary is None
    return messages


def test_a_valid_summary_is_read_in_nfc() -> None:
    made = make_summary("Phú Mỹ")
    made["lang"]["ten"] = "Phu\u0301 My\u0303"  # decomposed, as a Mac may write it
    summary, messages = read_summary(dumps(made), WHERE)
    assert messages == []
    assert summary is not None and summary["lang"]["ten"] == "Phú Mỹ"
    # a byte-order mark and unknown keys (an additive change of version 1) are fine
    made["moi"] = {"khoa": "giá trị"}
    summary, messages = read_summary(b"\xef\xbb\xbf" + dumps(made), WHERE)
    assert messages == [] and summary is not None and summary["moi"] == {"khoa": "giá trị"}


def test_too_big() -> None:
    assert refused(b" " * (MAX_SUMMARY_BYTES + 1)) == [
        f"{WHERE}: tệp lang-so.json lớn hơn 5 MiB (giới hạn 5.242.880 byte) — không đọc"
        "\n    (en) lang-so.json is larger than 5 MiB (the limit is 5,242,880 bytes) — not read"
    ]


def test_not_utf8() -> None:
    assert refused('{"ten": "Phú"}'.encode("cp1258")) == [
        f"{WHERE}: tệp lang-so.json không phải văn bản UTF-8 (byte 11 sai)"
        "\n    (en) lang-so.json is not UTF-8 text (bad byte at offset 11)"
    ]


def test_not_json() -> None:
    assert refused(b"<!DOCTYPE html><html>404</html>") == [
        f"{WHERE}: tệp lang-so.json không phải JSON hợp lệ (dòng 1, cột 1: Expecting value)"
        "\n    (en) lang-so.json is not valid JSON (line 1, column 1: Expecting value)"
    ]
    assert refused(b'{"phien_ban": NaN}') == [
        f"{WHERE}: tệp lang-so.json không phải JSON hợp lệ (NaN is not JSON)"
        "\n    (en) lang-so.json is not valid JSON (NaN is not JSON)"
    ]
    assert refused(b"[1, 2]") == [
        f"{WHERE}: $: tệp lang-so.json phải là một đối tượng JSON {{…}}"
        "\n    (en) lang-so.json must be a JSON object {…}"
    ]


@pytest.mark.parametrize("bomb", [b"[" * 200_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000])
def test_deeply_nested_json_is_refused_before_parsing(bomb: bytes) -> None:
    (message,) = refused(bomb)
    assert message.startswith(f"{WHERE}: tệp lang-so.json lồng sâu ")
    assert message.endswith("tầng, tối đa 16 — không đọc\n" + message.split("\n")[1])
    # brackets inside strings are text, not nesting
    deep_text = make_summary("Phú Mỹ")
    deep_text["lang"]["ten"] = '["{' * 100
    assert read_summary(dumps(deep_text), WHERE)[1] == []


def test_wrong_format_or_version() -> None:
    newer = {**make_summary("Phú Mỹ"), "phien_ban": 2}
    assert refused(dumps(newer)) == [
        f"{WHERE}: $.phien_ban: tệp tóm tắt phiên bản 2, cổng này chỉ đọc phiên bản 1: cập nhật"
        " langso của cổng (pip install -U langso) rồi dựng lại cổng"
        "\n    (en) summary version 2, this portal reads only version 1: update the portal's"
        " langso (pip install -U langso) and rebuild the portal"
    ]
    assert refused(dumps({**make_summary("Phú Mỹ"), "phien_ban": "1"})) == [
        f'{WHERE}: $.phien_ban: phien_ban phải là số nguyên, ở đây là "1"'
        '\n    (en) phien_ban must be a whole number, here "1"'
    ]
    assert refused(dumps({"type": "FeatureCollection"})) == [
        f'{WHERE}: $.dinh_dang: không phải tệp tóm tắt làng số (dinh_dang là null, cần "lang-so/'
        'tom-tat"): kiểm tra địa chỉ trỏ đúng tới trang của một làng'
        '\n    (en) not a village summary (dinh_dang is null, expected "lang-so/tom-tat"): check'
        " the address points at a village site"
    ]


@pytest.mark.parametrize(
    ("path", "vietnamese", "english"),
    [
        (
            "https://evil.example/x/",
            "có scheme (như `https:` hay `javascript:`)",
            "has a scheme",
        ),
        ("javascript:alert(1)", "có scheme (như `https:` hay `javascript:`)", "has a scheme"),
        ("/dia-diem/dinh/", "bắt đầu bằng `/`", "starts with `/`"),
        ("dia-diem/../../x/", "có `..`", "has `..`"),
        ("..", "có `..`", "has `..`"),
        ("dia-diem\\dinh\\", "có dấu `\\`", "has a backslash"),
        ("dia-diem/\ndinh/", "có ký tự điều khiển", "has a control character"),
    ],
)
def test_a_path_out_of_the_site(path: str, vietnamese: str, english: str) -> None:
    made = make_summary("Phú Mỹ")
    made["dia_diem"][0]["trang"] = path
    shown = json.dumps(path, ensure_ascii=False)
    assert refused(dumps(made)) == [
        f"{WHERE}: $.dia_diem[0].trang: đường dẫn {shown} {vietnamese}: phải là đường dẫn trong"
        " trang, tính từ gốc trang, ví dụ `dia-diem/dinh-lang/`"
        f"\n    (en) the path {english}: it must be relative to the site's root, e.g."
        " `dia-diem/dinh-lang/`"
    ]


def test_other_path_fields_are_checked_too() -> None:
    made = make_summary("Phú Mỹ", plaques=[("dinh", "Đình", "javascript:alert(1)")])
    made["tim_kiem"][0]["u"] = "//evil.example/"
    messages = refused(dumps(made))
    assert [m.split(": đường dẫn")[0] for m in messages] == [
        f"{WHERE}: $.bien_qr[0].dich",
        f"{WHERE}: $.tim_kiem[0].u",
    ]


def test_over_long_strings_and_lists() -> None:
    made = make_summary("Phú Mỹ")
    made["lang"]["ten"] = "Phú Mỹ " * 400
    made["tim_kiem"] = made["tim_kiem"] * 5001
    assert refused(dumps(made)) == [
        f"{WHERE}: $.lang.ten: chuỗi dài 2800 ký tự, tối đa 2000"
        "\n    (en) string of 2800 characters, at most 2000",
        f"{WHERE}: $.tim_kiem: danh sách có 15003 mục, tối đa 10000"
        "\n    (en) list of 15003 items, at most 10000",
    ]


def test_schema_mistakes_are_named_by_their_json_path() -> None:
    made = make_summary("Phú Mỹ")
    del made["lang"]["ma_xa"]
    made["dich_vu"][0]["dien_thoai"][0]["tel"] = "tel:113"
    made["vi_tri"] = {"vi_do": 95, "kinh_do": 105.6}
    made["thong_bao"] = [{"tieu_de": 7, "ngay": "2026-11-28", "trang": "t/", "khan": True}]
    assert refused(dumps(made)) == [
        f'{WHERE}: $.dich_vu[0].dien_thoai[0].tel: giá trị "tel:113" không đúng dạng: cần số '
        "gọi được chỉ gồm chữ số, có thể có `+` ở đầu, không dấu cách, ví dụ `+84300000001`"
        '\n    (en) value "tel:113" has the wrong form: expected a dialable number of digits '
        "only, maybe with a leading `+`, no spaces, e.g. `+84300000001`",
        f"{WHERE}: $.lang: thiếu trường `ma_xa`\n    (en) missing field `ma_xa`",
        f"{WHERE}: $.thong_bao[0].tieu_de: phải là chuỗi\n    (en) must be string",
        f"{WHERE}: $.vi_tri: phải là null hoặc {{vi_do, kinh_do}}"
        "\n    (en) must be null or {vi_do, kinh_do}",
    ]


def test_many_mistakes_are_cut_at_twenty() -> None:
    made = make_summary("Phú Mỹ")
    made["tim_kiem"] = [{"t": 1, "u": "", "d": "", "h": []} for _ in range(30)]
    messages = refused(dumps(made))
    assert len(messages) == 21
    assert messages[-1] == f"{WHERE}: và 10 lỗi khác\n    (en) and 10 more problems"


def test_every_pattern_of_the_schema_is_said_in_words() -> None:
    """A volunteer does not read regular expressions: each pattern has its words, and a date,
    a code and an address say what they expect."""
    from langso.summary.read import _PATTERN_WORDS, schema

    patterns: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("pattern"), str):
                patterns.add(value["pattern"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(schema())
    assert patterns and patterns <= set(_PATTERN_WORDS)
    made = make_summary("Phú Mỹ")
    made["ngay_dung"] = "05/12/2026"
    made["lang"]["ma_xa"] = "xa-15469"
    made["dia_chi"] = "https://example.github.io/phu-my"
    messages = refused(dumps(made))
    assert [m.split("\n")[0] for m in messages] == [
        f'{WHERE}: $.dia_chi: giá trị "https://example.github.io/phu-my" không đúng dạng: cần '
        "địa chỉ trang đầy đủ bắt đầu bằng `https://` (hoặc `http://`), không dấu cách, có `/` "
        "ở cuối, ví dụ `https://example.github.io/lang-so/`",
        f'{WHERE}: $.lang.ma_xa: giá trị "xa-15469" không đúng dạng: cần mã số gồm 1 đến 8 chữ '
        "số, ví dụ mã xã `15469`",
        f'{WHERE}: $.ngay_dung: giá trị "05/12/2026" không đúng dạng: cần ngày dạng '
        "năm-tháng-ngày, ví dụ `2026-12-05`",
    ]
    assert not any("^" in m for m in messages)
