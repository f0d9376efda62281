"""Numbers written in a service's text become ``tel:`` links (``langso.phones.link_phones``):
short national numbers only when the sentence says to call them, the rest escaped once."""

from __future__ import annotations

import pytest

from langso.directory.render import linked_paragraphs
from langso.phones import find_phones, link_phones


def tel(number: str, shown: str | None = None) -> str:
    return f'<a class="langso-tel" href="tel:{number}">{shown or number}</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Ngoài giờ, khi cấp cứu gọi 115.", f"Ngoài giờ, khi cấp cứu gọi {tel('115')}."),
        ("Khi cần gấp, gọi 113.", f"Khi cần gấp, gọi {tel('113')}."),
        ("Cháy nhà: cứu hỏa 114", f"Cháy nhà: cứu hỏa {tel('114')}"),
        (
            "Gọi 0912.345.678 hoặc 0237 3721 150",
            (
                f"Gọi {tel('+84912345678', '0912.345.678')} hoặc"
                f" {tel('+842373721150', '0237 3721 150')}"
            ),
        ),
        ("Hỏi +84 912 345 678", f"Hỏi {tel('+84912345678', '+84 912 345 678')}"),
        ("Tổng đài 1900 1234.", f"Tổng đài {tel('19001234', '1900 1234')}."),
        # Not numbers to dial: a house number, money, a date, a decision number, an account.
        ("Nhà số 113 đường Lê Lợi.", "Nhà số 113 đường Lê Lợi."),
        ("Giá 115.000 đồng, gọi trước.", "Giá 115.000 đồng, gọi trước."),
        ("Từ 01/07/2025, 7:00-11:30.", "Từ 01/07/2025, 7:00-11:30."),
        ("Quyết định 113/QĐ-TTg, gọi lại sau.", "Quyết định 113/QĐ-TTg, gọi lại sau."),
        ("Số tài khoản 0000000000001.", "Số tài khoản 0000000000001."),
        # Escaped exactly once, a look-alike entity included.
        ("Gọi 115 & <b>x</b> &#115;", f"Gọi {tel('115')} &amp; &lt;b&gt;x&lt;/b&gt; &amp;#115;"),
    ],
)
def test_link_phones(text: str, html: str) -> None:
    assert link_phones(text) == html


def test_a_cue_in_an_earlier_sentence_does_not_count() -> None:
    assert find_phones("Gọi trước khi đến. Nhà số 113.") == []


def test_paragraphs_and_line_breaks() -> None:
    assert linked_paragraphs("Gọi 115.\nSáng mai\n\n<i>B</i>") == [
        f"Gọi {tel('115')}.<br>\nSáng mai",
        "&lt;i&gt;B&lt;/i&gt;",
    ]
    assert linked_paragraphs(None) == []
