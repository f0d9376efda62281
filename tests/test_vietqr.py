"""VietQR payloads: the known-good NAPAS example, CRC, validation, TLV parsing, QR round trip.

The example payload and every rule come from ``shared/reference/vietnam-facts.md`` section 4.3.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
import zxingcpp
from PIL import Image

from langso.qr import make_qr
from langso.vietqr import (
    BANKS,
    VietQRAccount,
    check_crc,
    crc16_ccitt_false,
    parse_tlv,
    tlv,
    vietqr_payload,
)

# From the napas-qr README (https://github.com/duyquoc1508/napas-qr), recomputed in the reference.
KNOWN_GOOD = (
    "00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA530370454051000058"
    "02VN62340107NPS68690819TRANSFER TO SOMEONE6304AC13"
)
ACB = VietQRAccount("970416", "224528479")


def known_good() -> str:
    return vietqr_payload(
        ACB, amount_vnd=10000, bill_number="NPS6869", purpose="TRANSFER TO SOMEONE"
    )


def additional_data(payload: str) -> dict[str, str]:
    return parse_tlv(parse_tlv(payload)["62"])


def test_reproduces_the_known_good_payload_byte_for_byte() -> None:
    assert known_good() == KNOWN_GOOD


def test_field_order_matches_the_example() -> None:
    assert list(parse_tlv(known_good())) == ["00", "01", "38", "53", "54", "58", "62", "63"]
    assert list(additional_data(known_good())) == ["01", "08"]


def test_crc_is_ccitt_false() -> None:
    assert crc16_ccitt_false(KNOWN_GOOD[:-4].encode("ascii")) == 0xAC13
    # Catalogue check value of CRC-16/CCITT-FALSE (reveng.sourceforge.io/crc-catalogue/16.htm).
    assert crc16_ccitt_false(b"123456789") == 0x29B1


def test_check_crc_accepts_the_known_good_payload() -> None:
    assert check_crc(KNOWN_GOOD)


def test_check_crc_rejects_any_single_changed_character() -> None:
    for i, ch in enumerate(KNOWN_GOOD):
        replacement = "7" if ch != "7" else "8"
        changed = KNOWN_GOOD[:i] + replacement + KNOWN_GOOD[i + 1 :]
        assert not check_crc(changed), f"change at {i} not detected"


def test_check_crc_rejects_malformed_payloads() -> None:
    assert not check_crc("")
    assert not check_crc("AC13")
    assert not check_crc(KNOWN_GOOD[:-4] + "ac13")  # the rule asks for upper-case hex
    assert not check_crc(KNOWN_GOOD[:-8] + "6305AC13")


def test_static_payload_has_no_amount() -> None:
    payload = vietqr_payload(ACB)
    fields = parse_tlv(payload)
    assert payload.startswith("000201" + "010211")
    assert fields["01"] == "11"
    assert "54" not in fields
    assert "62" not in fields
    assert check_crc(payload)


def test_dynamic_payload_carries_the_amount() -> None:
    fields = parse_tlv(vietqr_payload(ACB, amount_vnd=50000))
    assert fields["01"] == "12"
    assert fields["54"] == "50000"


def test_account_fields_are_nested_in_tag_38() -> None:
    account = VietQRAccount("970405", "0123456789ABC", "NGUYEN VAN A")
    merchant = parse_tlv(parse_tlv(vietqr_payload(account, service="QRIBFTTC"))["38"])
    assert merchant == {
        "00": "A000000727",
        "01": "0006970405" + "0113" + "0123456789ABC",
        "02": "QRIBFTTC",
    }
    assert parse_tlv(merchant["01"]) == {"00": "970405", "01": "0123456789ABC"}


def test_account_name_is_not_encoded() -> None:
    named = VietQRAccount("970416", "224528479", "Quỹ trùng tu đình")
    assert vietqr_payload(named) == vietqr_payload(ACB)


@pytest.mark.parametrize(
    "purpose",
    [
        "Mua rau chợ Đình",
        unicodedata.normalize("NFD", "Mua rau chợ Đình"),  # decomposed, as macOS may give it
    ],
)
def test_vietnamese_purpose_loses_its_diacritics(purpose: str) -> None:
    payload = vietqr_payload(ACB, purpose=purpose)
    assert additional_data(payload) == {"08": "Mua rau cho Dinh"}
    assert payload.isascii()
    assert check_crc(payload)


def test_bill_number_is_made_ascii_too() -> None:
    assert additional_data(vietqr_payload(ACB, bill_number="HĐ-2024/07")) == {"01": "HD-2024/07"}


def test_empty_text_fields_are_left_out() -> None:
    assert "62" not in parse_tlv(vietqr_payload(ACB, bill_number="", purpose=""))


@pytest.mark.parametrize(
    "text", ["Giá 10€", "Ủng hộ 🙏", "dòng 1\ndòng 2", "tab\there", "北京", "DEL\x7f"]
)
def test_non_ascii_text_is_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(ValueError, match=r"purpose contains .* not printable ASCII"):
        vietqr_payload(ACB, purpose=text)


def test_too_long_purpose_is_refused() -> None:
    with pytest.raises(ValueError, match="maximum is 99"):
        vietqr_payload(ACB, purpose="x" * 100)


@pytest.mark.parametrize(
    "bank_bin", ["", "97041", "9704160", "97041a", "970 416", "970416\n", "٩٧٠٤١٦"]
)
def test_invalid_bin_is_refused(bank_bin: str) -> None:
    with pytest.raises(ValueError, match="bank_bin"):
        VietQRAccount(bank_bin, "224528479")


@pytest.mark.parametrize(
    "account_number", ["", "1" * 20, "2245 28479", "224-528-479", "số123", "224528479\n"]
)
def test_invalid_account_number_is_refused(account_number: str) -> None:
    with pytest.raises(ValueError, match="account_number"):
        VietQRAccount("970416", account_number)


def test_valid_account_number_edges_are_accepted() -> None:
    assert VietQRAccount("970416", "1").account_number == "1"
    assert VietQRAccount("970416", "A" * 19).account_number == "A" * 19


def test_numbers_from_unquoted_yaml_are_refused() -> None:
    with pytest.raises(TypeError, match="quote it in YAML"):
        VietQRAccount(970416, "224528479")  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", [0, -1, -10000, 10**13])
def test_invalid_amount_is_refused(amount: int) -> None:
    with pytest.raises(ValueError, match="amount_vnd"):
        vietqr_payload(ACB, amount_vnd=amount)


@pytest.mark.parametrize("amount", [True, 10000.0, "10000"])
def test_non_integer_amount_is_refused(amount: object) -> None:
    with pytest.raises(TypeError, match="amount_vnd"):
        vietqr_payload(ACB, amount_vnd=amount)  # type: ignore[arg-type]


def test_largest_amount_is_accepted() -> None:
    assert parse_tlv(vietqr_payload(ACB, amount_vnd=10**13 - 1))["54"] == "9" * 13


def test_invalid_service_code_is_refused() -> None:
    with pytest.raises(ValueError, match="service"):
        vietqr_payload(ACB, service="qribftta")


def test_tlv() -> None:
    assert tlv("58", "VN") == "5802VN"
    assert tlv("62", "") == "6200"
    assert tlv("08", "x" * 99) == "0899" + "x" * 99


@pytest.mark.parametrize("tag", ["", "1", "123", "ab", "٠١"])
def test_tlv_refuses_bad_tags(tag: str) -> None:
    with pytest.raises(ValueError, match="tag"):
        tlv(tag, "x")


def test_tlv_refuses_values_over_99_characters() -> None:
    with pytest.raises(ValueError, match="100 characters"):
        tlv("08", "x" * 100)


def test_parse_tlv_round_trips() -> None:
    fields = parse_tlv(KNOWN_GOOD)
    assert fields["38"] == "0010A0000007270123000697041601092245284790208QRIBFTTA"
    assert fields["62"] == "0107NPS68690819TRANSFER TO SOMEONE"
    assert fields["63"] == "AC13"
    assert "".join(tlv(tag, value) for tag, value in fields.items()) == KNOWN_GOOD
    for nested in ("38", "62"):
        sub = parse_tlv(fields[nested])
        assert "".join(tlv(tag, value) for tag, value in sub.items()) == fields[nested]


@pytest.mark.parametrize("bad", ["0", "0002", "000201X", "0x0201", "0005012", "00020100020" + "1"])
def test_parse_tlv_refuses_malformed_text(bad: str) -> None:
    with pytest.raises(ValueError, match="TLV"):
        parse_tlv(bad)


def test_banks_are_the_ten_from_the_reference() -> None:
    assert len(BANKS) == 10
    assert all(len(b) == 6 and b.isascii() and b.isdigit() for b in BANKS)
    assert BANKS["970405"] == "Agribank"  # one GitHub mock mislabels it VIB
    assert BANKS["970416"] == "ACB"
    assert ACB.bank_name == "ACB"
    assert VietQRAccount("970499", "1").bank_name is None


@pytest.mark.parametrize(
    ("account", "amount_vnd", "purpose"),
    [
        (ACB, 10000, "TRANSFER TO SOMEONE"),
        (ACB, None, None),
        (VietQRAccount("970405", "3500205123456"), 200000, "Ủng hộ đình làng"),
    ],
)
def test_payload_survives_a_qr_code_round_trip(
    account: VietQRAccount, amount_vnd: int | None, purpose: str | None
) -> None:
    payload = vietqr_payload(account, amount_vnd=amount_vnd, purpose=purpose)
    png = make_qr(payload, "M").png()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [r.text for r in results] == [payload]


def test_known_good_payload_survives_a_qr_code_round_trip() -> None:
    png = make_qr(known_good(), "M").png()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [r.text for r in results] == [KNOWN_GOOD]
