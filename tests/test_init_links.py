"""A bare address pasted into a page of a new village becomes a link (``pymdownx.magiclink``),
script-looking text never does, and ``strict_html`` still passes such a page."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from langso.init import create_village

REPO = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PASTED = (
    "Xem thêm: https://www.facebook.com/groups/tan-ngu/posts/123?ref=share&x=1 nhé.\n\n"
    "Chữ javascript:alert(1) và vbscript:msgbox(1) chỉ là chữ.\n\n"
    "Trong mã: `https://khong-phai-lien-ket.vn/`\n"
)


@pytest.fixture(scope="module")
def notice_html(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    """The built page of the starter's sample notice, with :data:`PASTED` added to its body."""
    village = tmp_path_factory.mktemp("links") / "lang"
    create_village(
        village, village="Tân Ngữ", commune="xã Yên Định", province="tỉnh Thanh Hóa",
        host="netlify", today=dt.date(2026, 11, 20), requirement=str(REPO),
    )  # fmt: skip
    config = village / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert text.count("  - langso/content\n") == 1
    config.write_text(
        text.replace("  - langso/content\n", "  - langso/content:\n      strict_html: true\n")
    )
    (notice,) = (village / "content/thong-bao").glob("*.md")
    notice.write_text(notice.read_text("utf-8") + "\n" + PASTED, encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=village, env=ENV,
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    page = village / "site/thong-bao" / notice.stem / "index.html"
    return BeautifulSoup(page.read_text("utf-8"), "html.parser")


def test_a_pasted_bare_address_is_a_link(notice_html: BeautifulSoup) -> None:
    (link,) = notice_html.select('article a[href^="https://www.facebook.com/"]')
    url = "https://www.facebook.com/groups/tan-ngu/posts/123?ref=share&x=1"
    assert link["href"] == url
    assert link.get_text() == url
    assert link.parent is not None and link.parent.get_text() == f"Xem thêm: {url} nhé."


def test_script_looking_text_and_code_stay_text(notice_html: BeautifulSoup) -> None:
    hrefs = [str(a.get("href", "")) for a in notice_html.select("article a")]
    assert not [h for h in hrefs if h.lower().startswith(("javascript:", "vbscript:"))]
    texts = [p.get_text() for p in notice_html.select("article p")]
    assert "Chữ javascript:alert(1) và vbscript:msgbox(1) chỉ là chữ." in texts
    (code,) = [c for c in notice_html.select("article code") if "khong-phai" in c.get_text()]
    assert code.parent is not None and code.parent.name == "p" and code.find("a") is None
