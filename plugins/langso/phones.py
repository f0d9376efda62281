"""Vietnamese phone numbers, parsed and formatted by ``phonenumbers`` (Google's libphonenumber).

Accepted: mobiles (10 digits from 0), landlines (11 digits from 02, e.g. Thanh Hóa 0237 + 7
digits), 1800/1900 hotlines, and the national short numbers 111 (child protection), 112 (search
and rescue), 113 (police), 114 (fire and rescue) and 115 (ambulance), which need no area code.
Numbers are shown grouped the Vietnamese way (``0912 345 678``, ``0237 3721 150``) and
linked as ``tel:+84…``.
"""

from __future__ import annotations

import re

import phonenumbers
from pydantic import BaseModel, ConfigDict

from langso.escaping import html_text
from langso.text import nfc

__all__ = ["EMERGENCY", "Phone", "PhoneError", "find_phones", "link_phones", "parse_phone"]

EMERGENCY = {
    "111": "Tổng đài bảo vệ trẻ em",
    "112": "Tìm kiếm cứu nạn",
    "113": "Công an",
    "114": "Cứu hỏa, cứu nạn",
    "115": "Cấp cứu",
}
"""Short numbers answered nationwide without an area code (Decision 226/QĐ-TTg/2016 for 112)."""


SAMPLE_PREFIX = "0300000"
"""Numbers of sample data start with this: published as obviously fake."""


class PhoneError(ValueError):
    """A text that is not a Vietnamese phone number."""


class Phone(BaseModel):
    """A phone number.

    Attributes:
        typed: the text as the volunteer typed it.
        display: grouped national form (``0912 345 678``) or the short number.
        tel: ``tel:`` target: E.164 (``+84912345678``) or the short number.
        assigned: whether the number lies in a range assigned to a carrier; sample data may use
            unassigned numbers, which can never reach a real person.
    """

    model_config = ConfigDict(frozen=True)

    typed: str
    display: str
    tel: str
    assigned: bool = True

    @property
    def is_sample(self) -> bool:
        """True for the range the sample data uses (0300 000 000–0300 000 999): ``030`` is not
        a carrier's prefix (03x mobiles are 032–039), so these can never reach anyone."""
        return self.display.replace(" ", "").startswith(SAMPLE_PREFIX)

    @property
    def is_mobile(self) -> bool:
        """True for a 10-digit mobile number (Zalo accounts are mobile numbers)."""
        digits = self.display.replace(" ", "")
        return len(digits) == 10 and digits.startswith("0") and not digits.startswith("02")

    @property
    def zalo_url(self) -> str:
        """Zalo chat link (``https://zalo.me/0912345678``): Zalo accounts are phone numbers."""
        return "https://zalo.me/" + self.display.replace(" ", "")


def parse_phone(text: str) -> Phone:
    """Parse ``text`` as a Vietnamese phone number.

    Raises:
        PhoneError: when ``text`` cannot be a Vietnamese number (wrong length, letters, another
            country).
    """
    typed = nfc(text).strip()
    compact = "".join(ch for ch in typed if ch not in " .-()")
    if compact in EMERGENCY:
        return Phone(typed=typed, display=compact, tel=compact)
    # National form: landlines 02x… 11 digits, mobiles 10 digits; international +84 then the same
    # without the 0. Hotlines 1800/1900 have 8 or 10 digits and no area code.
    national = "0" + compact[3:] if compact.startswith("+84") else compact
    hotline = national[:4] in ("1800", "1900") and len(national) in (8, 10)
    length = 11 if national.startswith("02") else 10
    if not national.isdigit() or not (hotline or (national[0] == "0" and len(national) == length)):
        raise PhoneError(typed)
    try:
        number = phonenumbers.parse(compact, "VN")
    except phonenumbers.NumberParseException as error:
        raise PhoneError(typed) from error
    if number.country_code != 84 or not phonenumbers.is_possible_number(number):
        raise PhoneError(typed)
    national_format = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return Phone(
        typed=typed,
        display=national_format,
        # 1800/1900 hotlines are domestic only: dial them as they are.
        tel=national
        if hotline
        else phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        assigned=phonenumbers.is_valid_number(number),
    )


# A number written in running text: a full number (10 or 11 digits from 0 or +84, groups split
# by one space, dot or hyphen; the 1800/1900 hotlines) or a national short number. Never part
# of a longer run of digits, a decimal or a date (``115.000 đồng``, ``01/07/2025``, ``#113``).
_IN_TEXT = re.compile(
    r"(?<![\w#&+.,/-])"
    r"(?:(?P<full>(?:\+84|0)(?:[ .-]?\d){8,10}|1[89]00(?:[ .-]?\d){4,6})|(?P<short>11[1-5]))"
    r"(?![.,/-]?\w)"
)
_SHORT_CUES = (
    "gọi",
    "bấm",
    "quay số",
    "cấp cứu",
    "công an",
    "cứu hỏa",
    "cứu hoả",
    "cứu nạn",
    "khẩn cấp",
    "tổng đài",
    "đường dây nóng",
    "bảo vệ trẻ em",
)
"""Words that say a short number just before them is to be dialled (``khi cấp cứu gọi 115``),
not a house number (``số 113 đường Lê Lợi``)."""
_CUE_SPAN = 40
"""Characters before a short number searched for a cue, within the same sentence."""


def find_phones(text: str) -> list[tuple[int, int, Phone]]:
    """The phone numbers written in ``text`` (plain text), as ``(start, end, phone)`` spans in
    order.

    A full number counts when :func:`parse_phone` accepts it; a short number 111–115 only when a
    word before it in the same sentence says to call it (:data:`_SHORT_CUES`: ``gọi 115``,
    ``cấp cứu 115``), so that a house number ``số 113`` stays text.

    >>> [(s, e, p.tel) for s, e, p in find_phones("Khi cấp cứu gọi 115 hoặc 0912.345.678.")]
    [(16, 19, '115'), (25, 37, '+84912345678')]
    """
    found = []
    for match in _IN_TEXT.finditer(text):
        if match.group("short"):
            before = re.split(r"[.!?;\n]", text[max(0, match.start() - _CUE_SPAN) : match.start()])
            if not any(cue in before[-1].lower() for cue in _SHORT_CUES):
                continue
        try:
            phone = parse_phone(match.group())
        except PhoneError:
            continue
        found.append((match.start(), match.end(), phone))
    return found


def link_phones(text: str) -> str:
    """``text`` (plain text) as HTML text in which every number :func:`find_phones` finds is a
    ``tel:`` link; everything is escaped exactly once. The number is shown as written, its link
    kept on one line by the ``langso-tel`` class.

    >>> link_phones("Gấp: gọi 113 & <b>")
    'Gấp: gọi <a class="langso-tel" href="tel:113">113</a> &amp; &lt;b&gt;'
    """
    parts = []
    done = 0
    for start, end, phone in find_phones(text):
        parts.append(html_text(text[done:start]))
        parts.append(
            f'<a class="langso-tel" href="tel:{html_text(phone.tel)}">'
            f"{html_text(text[start:end])}</a>"
        )
        done = end
    parts.append(html_text(text[done:]))
    return "".join(parts)
