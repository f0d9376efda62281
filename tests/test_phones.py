"""Vietnamese phone numbers: parsed by ``phonenumbers`` (region VN), shown grouped, linked E.164."""

from __future__ import annotations

import pytest

from langso.phones import EMERGENCY, Phone, PhoneError, parse_phone


@pytest.mark.parametrize(
    ("typed", "display", "tel"),
    [
        # mobiles: 10 digits from 0, grouped 4-3-3
        ("0912 345 678", "0912 345 678", "+84912345678"),
        ("0912345678", "0912 345 678", "+84912345678"),
        ("0912.345.678", "0912 345 678", "+84912345678"),
        ("0912-345-678", "0912 345 678", "+84912345678"),
        ("+84 912 345 678", "0912 345 678", "+84912345678"),
        ("+84912345678", "0912 345 678", "+84912345678"),
        ("0868 123 456", "0868 123 456", "+84868123456"),
        # landlines: 11 digits from 02 (area code + subscriber), grouped by area code
        ("0237 3721 150", "0237 3721 150", "+842373721150"),
        ("02373721150", "0237 3721 150", "+842373721150"),
        ("(0237) 3721 150", "0237 3721 150", "+842373721150"),
        ("024 3825 1234", "024 3825 1234", "+842438251234"),
        ("028 3829 1234", "028 3829 1234", "+842838291234"),
    ],
)
def test_grouped_display_and_e164_link(typed: str, display: str, tel: str) -> None:
    assert parse_phone(typed) == Phone(typed=typed, display=display, tel=tel, assigned=True)


@pytest.mark.parametrize("number", ["111", "112", "113", "114", "115"])
def test_emergency_short_numbers_are_accepted_as_they_are(number: str) -> None:
    phone = parse_phone(number)
    assert (phone.typed, phone.display, phone.tel) == (number, number, number)
    assert number in EMERGENCY


def test_emergency_short_numbers_are_the_five_national_ones() -> None:
    assert sorted(EMERGENCY) == ["111", "112", "113", "114", "115"]
    assert EMERGENCY["113"] == "Công an"
    assert EMERGENCY["114"] == "Cứu hỏa, cứu nạn"
    assert EMERGENCY["115"] == "Cấp cứu"


def test_typed_text_is_kept_trimmed() -> None:
    phone = parse_phone("  0912 345 678 ")
    assert (phone.typed, phone.display, phone.tel) == (
        "0912 345 678",
        "0912 345 678",
        "+84912345678",
    )


@pytest.mark.parametrize(
    ("typed", "url"),
    [
        ("0912 345 678", "https://zalo.me/0912345678"),
        ("+84 912 345 678", "https://zalo.me/0912345678"),
        ("0912.345.678", "https://zalo.me/0912345678"),
    ],
)
def test_zalo_link_is_the_national_number_without_spaces(typed: str, url: str) -> None:
    assert parse_phone(typed).zalo_url == url


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "abc",
        "0912 345 67a",
        "091234567891",  # 12 digits
        "+33 1 23 45 67 89",  # a French number
        "+1 650 253 0000",  # a US number
        "",
    ],
)
def test_not_a_vietnamese_number(typed: str) -> None:
    with pytest.raises(PhoneError):
        parse_phone(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "0300 000",  # 7 digits
        "0912345",  # 7 digits
        "0912 345 67",  # a mobile missing its last digit (9 digits)
        "0237 372 115",  # a landline missing a digit (10 digits from 02)
        "300000001",  # a mobile missing its leading 0
    ],
)
def test_wrong_length_is_not_a_vietnamese_number(typed: str) -> None:
    # Documented: mobiles have 10 digits from 0, landlines 11 from 02; PhoneError covers "wrong
    # length". Anything else must be refused, even in sample data, so it is never published as
    # a broken `tel:` link (e.g. `tel:+840300000` or the display `237372115`).
    with pytest.raises(PhoneError):
        parse_phone(typed)
