"""A plaque printed from the site's print page while ``site_url`` is still a placeholder says
"BẢN IN THỬ" across each sheet, as the PDFs do: a plaque whose code leads nowhere must not look
like one to hang for years (found by a new user printing the sample's print page)."""

from __future__ import annotations

import re

import pytest

from langso.printing.sheets import TEST_PRINT
from tests.conftest import SiteFactory, build_site, decode_print_page


@pytest.mark.parametrize(
    ("site_url", "marked"),
    [
        ("https://example.github.io/lang-phu-my/", True),  # RFC 2606 example domain
        ("https://lang-phu-my.pages.dev/", False),
    ],
)
def test_a_placeholder_address_marks_every_sheet_of_the_print_page(
    make_site: SiteFactory, site_url: str, marked: bool
) -> None:
    root = make_site(config={"site_url": site_url})
    built = build_site(root)
    assert built.ok, built.text()
    page = built.read("bien-qr/in-1.html")
    sheets = len(re.findall(r'<div class="paper (?:a5|a6)"', page))
    marks = page.count(f">{TEST_PRINT}</span>")
    assert sheets > 0
    assert marks == (sheets if marked else 0)
    # the mark is translucent: every code still decodes to its plaque's address
    assert all(text.startswith(f"{site_url}q/") for text in decode_print_page(page))
