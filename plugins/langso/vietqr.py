"""VietQR payment payloads: the text a Vietnamese banking app reads from a bank-transfer QR code.

A village page can show a QR code that opens the reader's banking app on a transfer to, say, the
temple restoration fund. This module builds the text inside that QR code; drawing the symbol is
:mod:`langso.qr`'s job. It is core code: no MkDocs, no network, no I/O.

Rules and their sources (``shared/reference/vietnam-facts.md`` section 4.3 gathers them):

- VietQR is a payment/transfer QR processed over the NAPAS network
  (https://github.com/vietqr-io/vietqr-api). Its payload follows the EMVCo QR Code Specification
  for Payment Systems, Merchant-Presented Mode (EMVCo QRCPS-MPM,
  https://www.emvco.com/emv-technologies/qrcodes/), as profiled by the "NAPAS QR Switching
  specification v1.5.2".
- The payload is a flat run of TLV fields: a 2-digit ID, a 2-digit length counted in characters,
  then the value. Field IDs and the tag-38 sub-field layout come from
  https://github.com/duyquoc1508/napas-qr and https://pypi.org/project/napas-qr-python ;
  tag-62 sub-field IDs from the EMV MPM tag list
  (https://docs.rs/ethqr-gen/0.1.0/src/ethqr_gen/fields.rs.html).
- The checksum (tag 63) is CRC-16/CCITT-FALSE — poly 0x1021, init 0xFFFF, no reflection, no final
  XOR (parameters and check value 0x29B1 for ``b"123456789"`` in the CRC RevEng catalogue,
  https://reveng.sourceforge.io/crc-catalogue/16.htm) — computed over the whole payload *including*
  the literal ``6304`` and appended as 4 upper-case hex digits.
- Known-good example (napas-qr README), reproduced byte for byte by :func:`vietqr_payload` and
  checked in ``tests/test_vietqr.py``::

      00020101021238530010A0000007270123000697041601092245284790208QRIBFTTA53037045405100005802VN
      62340107NPS68690819TRANSFER TO SOMEONE6304AC13

  (one line in reality). Read as fields: ``00`` ``01``; ``01`` ``12``; ``38`` = [``00``
  ``A000000727``, ``01`` = [``00`` ``970416``, ``01`` ``224528479``], ``02`` ``QRIBFTTA``];
  ``53`` ``704``; ``54`` ``10000``; ``58`` ``VN``; ``62`` = [``01`` ``NPS6869``, ``08``
  ``TRANSFER TO SOMEONE``]; ``63`` ``AC13``.

Public API: :func:`crc16_ccitt_false`, :func:`tlv`, :data:`BANKS`, :class:`VietQRAccount`,
:func:`vietqr_payload`, :func:`parse_tlv`, :func:`check_crc`.
"""

from __future__ import annotations

import binascii
import re
from dataclasses import dataclass

from langso.text import strip_accents

__all__ = [
    "BANKS",
    "NAPAS_GUID",
    "VietQRAccount",
    "check_crc",
    "crc16_ccitt_false",
    "parse_tlv",
    "tlv",
    "vietqr_payload",
]

NAPAS_GUID = "A000000727"
"""Tag 38, sub-field 00: the globally unique identifier of the NAPAS scheme (reference §4.3)."""

BANKS: dict[str, str] = {
    "970405": "Agribank",
    "970436": "Vietcombank",
    "970415": "VietinBank",
    "970418": "BIDV",
    "970422": "MB",
    "970407": "Techcombank",
    "970416": "ACB",
    "970432": "VPBank",
    "970423": "TPBank",
    "970403": "Sacombank",
}
"""Bank identification number (BIN, 6 digits, as a string) → short bank name.

Ten common banks from reference §4.3 (several code sources plus the api.vietqr.io/v2/banks docs,
https://www.vietqr.io/api-bank). Not exhaustive: :class:`VietQRAccount` accepts any 6-digit BIN.
"""

# Top-level tag IDs and fixed values (reference §4.3 table).
_PAYLOAD_FORMAT = "01"  # tag 00
_STATIC = "11"  # tag 01: the payer types the amount
_DYNAMIC = "12"  # tag 01: the amount is fixed in the payload
_CURRENCY_VND = "704"  # tag 53, ISO 4217 numeric code of the đồng
_COUNTRY = "VN"  # tag 58, ISO 3166-1 alpha-2
_CRC_TAG = "6304"  # tag 63, length 4: the checksum field's ID and length, which the CRC covers

# EMVCo MPM, data-object table: Transaction Amount (ID 54) is at most 13 characters.
_MAX_AMOUNT_DIGITS = 13

_TAG = re.compile(r"[0-9]{2}")
_BIN = re.compile(r"[0-9]{6}")
_ACCOUNT = re.compile(r"[0-9A-Za-z]{1,19}")
_SERVICE = re.compile(r"[0-9A-Z]{1,99}")

# đ/Đ is a letter of its own, not d plus a mark: NFKD leaves it intact, so map it first
# (the same rule as ``langso.text``).


def crc16_ccitt_false(data: bytes) -> int:
    """Return the CRC-16/CCITT-FALSE of ``data`` as an int in ``0..0xFFFF``.

    Parameters: poly 0x1021, init 0xFFFF, no input/output reflection, no final XOR
    (https://reveng.sourceforge.io/crc-catalogue/16.htm; check value 0x29B1 for ``b"123456789"``).
    The standard library's ``binascii.crc_hqx`` (https://docs.python.org/3/library/binascii.html)
    is exactly this CRC when seeded with 0xFFFF, so no hand-written loop is needed.

    >>> f"{crc16_ccitt_false(b'123456789'):04X}"
    '29B1'
    """
    return binascii.crc_hqx(data, 0xFFFF)


def tlv(tag: str, value: str) -> str:
    """Return one EMVCo TLV field: ``tag`` (2 digits), length (2 digits, in characters), ``value``.

    >>> tlv("58", "VN")
    '5802VN'

    Raises:
        ValueError: if ``tag`` is not exactly two ASCII digits, or ``value`` is longer than 99
            characters (the most a 2-digit length can say).
    """
    if not _TAG.fullmatch(tag):
        raise ValueError(f"TLV tag must be two ASCII digits, got {tag!r}")
    if len(value) > 99:
        raise ValueError(
            f"value of TLV tag {tag} is {len(value)} characters long; the maximum is 99"
        )
    return f"{tag}{len(value):02d}{value}"


@dataclass(frozen=True)
class VietQRAccount:
    """A bank account that receives VietQR transfers.

    Attributes:
        bank_bin: the bank's BIN, 6 ASCII digits as a string (e.g. ``"970405"`` for Agribank; see
            :data:`BANKS`). Keep it a string: YAML reads an unquoted number as an int.
        account_number: the account (or card) number, 1–19 ASCII letters or digits, as a string
            so that leading zeros survive.
        account_name: the holder's name, for display beside the QR code only. It is *not* encoded:
            a personal VietQR carries no name (tags 59/60 are for merchant QR codes, reference
            §4.3); the payer's bank app shows the name it looks up from the account.

    Raises:
        TypeError: if ``bank_bin`` or ``account_number`` is not a ``str``.
        ValueError: if ``bank_bin`` is not 6 ASCII digits, or ``account_number`` is not 1–19 ASCII
            letters or digits.
    """

    bank_bin: str
    account_number: str
    account_name: str | None = None

    def __post_init__(self) -> None:
        for name in ("bank_bin", "account_number"):
            value: object = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(
                    f"{name} must be a str, got {type(value).__name__} {value!r} "
                    "(quote it in YAML so leading zeros are kept)"
                )
        if not _BIN.fullmatch(self.bank_bin):
            raise ValueError(
                f"bank_bin must be the bank's 6-digit BIN (e.g. '970405'), got {self.bank_bin!r}"
            )
        if not _ACCOUNT.fullmatch(self.account_number):
            raise ValueError(
                "account_number must be 1 to 19 ASCII letters or digits, with no spaces or "
                f"punctuation, got {self.account_number!r}"
            )

    @property
    def bank_name(self) -> str | None:
        """Short bank name from :data:`BANKS`, or ``None`` for a BIN not listed there."""
        return BANKS.get(self.bank_bin)


def _ascii_text(text: str, field: str) -> str:
    """Return ``text`` with Vietnamese diacritics removed (đ→d), or raise if it is not ASCII then.

    Tag-62 sub-fields have EMVCo format "ans" (printable ASCII), and reference §4.3 recommends
    stripping diacritics; banking apps show the text as written, so case and spacing are kept.

    Raises:
        ValueError: naming ``field`` and the first character outside printable ASCII
            (U+0020–U+007E) that remains, e.g. ``€``, a tab or a newline.
    """
    result = strip_accents(text)
    for ch in result:
        if not " " <= ch <= "~":
            raise ValueError(
                f"{field} contains {ch!r} (U+{ord(ch):04X}), which is not printable ASCII; "
                "VietQR text fields allow only unaccented letters, digits, spaces and "
                "punctuation (Vietnamese accents are removed automatically)"
            )
    return result


def vietqr_payload(
    account: VietQRAccount,
    *,
    amount_vnd: int | None = None,
    bill_number: str | None = None,
    purpose: str | None = None,
    service: str = "QRIBFTTA",
) -> str:
    """Return the VietQR payload (an ASCII ``str``) for a transfer to ``account``.

    Fields, in the order of the known-good example (reference §4.3):

    - ``00`` payload format ``01``;
    - ``01`` point of initiation: ``11`` (static: the payer types the amount) when ``amount_vnd``
      is ``None``, ``12`` (dynamic: amount fixed) otherwise;
    - ``38`` NAPAS account: ``00`` GUID ``A000000727``; ``01`` = [``00`` BIN, ``01`` account
      number]; ``02`` service code;
    - ``53`` currency ``704`` (VND); ``54`` amount, only if given; ``58`` country ``VN``;
    - ``62`` additional data, only if ``bill_number`` or ``purpose`` is non-empty: ``01`` bill
      number, ``08`` purpose (the transfer note the payee sees);
    - ``63`` CRC-16/CCITT-FALSE over everything before it plus ``6304``, 4 upper-case hex digits.

    Args:
        account: the receiving account (validated when it was built).
        amount_vnd: a whole number of đồng (VND has no minor unit in use), > 0, at most 13 digits
            (EMVCo ID 54 length limit); ``None`` for a static code.
        bill_number: tag 62/01, e.g. an invoice number; diacritics removed; ``None`` or ``""``
            omits it.
        purpose: tag 62/08, the transfer note (``"Ủng hộ đình làng"`` → ``"Ung ho dinh lang"``);
            ``None`` or ``""`` omits it.
        service: tag 38/02 service code: ``QRIBFTTA`` transfer to an account (default),
            ``QRIBFTTC`` to a card, ``QRPUSH`` merchant payment (reference §4.3). Upper-case ASCII
            letters and digits.

    Raises:
        TypeError: if ``amount_vnd`` is not an ``int`` (``bool`` is refused too).
        ValueError: if ``amount_vnd`` is not positive or has more than 13 digits; if
            ``bill_number`` or ``purpose`` holds a character that is not printable ASCII once
            diacritics are removed; if ``service`` is not upper-case ASCII letters/digits; or if a
            field (tag 38 or 62 as a whole included) would exceed 99 characters.
    """
    if not _SERVICE.fullmatch(service):
        raise ValueError(f"service must be an upper-case code such as 'QRIBFTTA', got {service!r}")
    beneficiary = tlv("00", account.bank_bin) + tlv("01", account.account_number)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", service)

    parts = [
        tlv("00", _PAYLOAD_FORMAT),
        tlv("01", _STATIC if amount_vnd is None else _DYNAMIC),
        tlv("38", merchant),
        tlv("53", _CURRENCY_VND),
    ]
    if amount_vnd is not None:
        parts.append(tlv("54", _amount(amount_vnd)))
    parts.append(tlv("58", _COUNTRY))

    additional = ""
    if bill_number:
        additional += tlv("01", _ascii_text(bill_number, "bill_number"))
    if purpose:
        additional += tlv("08", _ascii_text(purpose, "purpose"))
    if additional:
        parts.append(tlv("62", additional))

    body = "".join(parts) + _CRC_TAG
    return body + f"{crc16_ccitt_false(body.encode('ascii')):04X}"


def _amount(amount_vnd: object) -> str:
    """Return ``amount_vnd`` as the digits of tag 54, or raise (see :func:`vietqr_payload`)."""
    if isinstance(amount_vnd, bool) or not isinstance(amount_vnd, int):
        raise TypeError(
            f"amount_vnd must be an int number of đồng, got {type(amount_vnd).__name__} "
            f"{amount_vnd!r}"
        )
    if amount_vnd <= 0:
        raise ValueError(
            f"amount_vnd must be a positive whole number of đồng, got {amount_vnd}; "
            "leave it out (None) for a code where the payer types the amount"
        )
    digits = str(amount_vnd)
    if len(digits) > _MAX_AMOUNT_DIGITS:
        raise ValueError(
            f"amount_vnd has {len(digits)} digits; the VietQR amount field holds at most "
            f"{_MAX_AMOUNT_DIGITS}"
        )
    return digits


def parse_tlv(payload: str) -> dict[str, str]:
    """Split one level of TLV text into ``{tag: value}``, in payload order.

    Nested templates (tags 38 and 62) come back as raw values; call again on them to go deeper.
    Tags are not interpreted and the CRC is not checked (see :func:`check_crc`).

    >>> parse_tlv("5802VN5303704")
    {'58': 'VN', '53': '704'}

    Raises:
        ValueError: if a tag or length is not two ASCII digits, a value runs past the end of
            ``payload``, or a tag appears twice.
    """
    fields: dict[str, str] = {}
    position = 0
    while position < len(payload):
        header = payload[position : position + 4]
        if len(header) < 4 or not _TAG.fullmatch(header[:2]) or not _TAG.fullmatch(header[2:]):
            raise ValueError(
                f"bad TLV header {header!r} at character {position}: "
                "expected a 2-digit tag and a 2-digit length"
            )
        tag, length = header[:2], int(header[2:])
        start = position + 4
        end = start + length
        if end > len(payload):
            raise ValueError(
                f"TLV tag {tag} at character {position} declares {length} characters but only "
                f"{len(payload) - start} remain"
            )
        if tag in fields:
            raise ValueError(f"TLV tag {tag} appears twice (again at character {position})")
        fields[tag] = payload[start:end]
        position = end
    return fields


def check_crc(payload: str) -> bool:
    """Return whether ``payload`` ends with a CRC field (``6304`` + 4 hex digits) that matches it.

    The CRC is recomputed over everything up to and including ``6304`` (UTF-8 bytes; a payload
    from :func:`vietqr_payload` is ASCII) and compared with the last 4 characters, which must be
    upper-case hex as the rule requires. Never raises: a malformed payload is simply ``False``.
    """
    if len(payload) < 8 or payload[-8:-4] != _CRC_TAG:
        return False
    expected = f"{crc16_ccitt_false(payload[:-4].encode('utf-8', 'surrogatepass')):04X}"
    return payload[-4:] == expected
