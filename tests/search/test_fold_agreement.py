"""The browser folds queries and the index with ``fold`` in ``assets/search.js``; it must agree with
:func:`langso.text.fold`, the one folding rule, character for character (C-02, C-03).

Run in Node here; ``test_browser.py`` runs the same table in Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from importlib.resources import files as package_files
from typing import Any

import pytest

from langso.text import fold

SCRIPT = str(package_files("langso.search").joinpath("assets/search.js"))

NFD_DINH = unicodedata.normalize("NFD", "đình")

TABLE = [
    "Đình làng Phú Mỹ mở cửa từ 6 giờ sáng. Gần chợ Ấp Bắc có quán ốc Út.",
    "ĐÌNH",
    "đình",
    NFD_DINH,
    unicodedata.normalize("NFD", "ĐÌNH LÀNG"),
    "ặ ấ ố ứ Ặ Ấ Ố Ứ",
    "ặấốứ ằẳẵ ầẩẫậ ềểễệ ồổỗộ ờởỡợ ừửữự ỳỷỹỵ",
    "a\u0306\u0323",  # ặ typed as a + breve + dot below
    "  Dinh   Lang\t\nPhú\u00a0Mỹ  ",
    "Thanh Hoá, Thanh Hóa, thuý, thúy",
    "Ê-đê, Đắk Lắk, Đồng Tháp, Bà Rịa – Vũng Tàu",
    "Quán Ốc ÚT (số 12/3)",
    "ﬁ Ｄình ²",  # compatibility characters: NFKD in both
    "",
    "   ",
]


def latin_code_points() -> list[str]:
    """Every character of the Latin blocks and combining marks a Vietnamese site may contain."""
    ranges = [(0x20, 0x250), (0x300, 0x370), (0x1AB0, 0x1ACF), (0x1DC0, 0x1F00), (0x2000, 0x2070)]
    ranges += [(0x20D0, 0x20F1), (0xFE20, 0xFE30), (0xFF01, 0xFF5F)]
    return [chr(cp) for start, stop in ranges for cp in range(start, stop)]


def node() -> str:
    path = shutil.which("node")
    if path is None:
        pytest.skip("Node is not installed: the Chromium test checks the same table")
    return path


def run_node(source: str, data: object) -> Any:
    """Run ``source`` in Node with ``data`` as JSON on its standard input; its JSON output
    (also used by the portal's search tests, tests/portal/)."""
    done = subprocess.run(
        [node(), "-e", source],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


FOLD_ALL = f"""
const search = require({json.dumps(SCRIPT)});
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(search.fold)));
"""

FOLD_MAP_ALL = f"""
const search = require({json.dumps(SCRIPT)});
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(t => {{
  const m = search.foldMap(t);
  return [m.folded, Array.from(m.folded, (_, i) => t.slice(m.start[i], m.end[i]))];
}})));
"""


def test_python_and_javascript_fold_the_table_alike() -> None:
    assert run_node(FOLD_ALL, TABLE) == [fold(text) for text in TABLE]


def test_the_table_folds_to_the_expected_text() -> None:
    expected = {
        "ĐÌNH": "dinh",
        NFD_DINH: "dinh",
        "ặ ấ ố ứ Ặ Ấ Ố Ứ": "a a o u a a o u",
        "  Dinh   Lang\t\nPhú\u00a0Mỹ  ": "dinh lang phu my",
        "Quán Ốc ÚT (số 12/3)": "quan oc ut (so 12/3)",
    }
    folded = dict(zip(TABLE, run_node(FOLD_ALL, TABLE), strict=True))
    assert {text: folded[text] for text in expected} == expected


def test_python_and_javascript_fold_every_latin_character_alike() -> None:
    chars = latin_code_points()
    assert run_node(FOLD_ALL, chars) == [fold(char) for char in chars]


def test_fold_map_folds_like_fold_and_points_at_the_original() -> None:
    """The highlight maps folded positions back to the original text (NFC, as the index holds)."""
    texts = [unicodedata.normalize("NFC", t) for t in TABLE]
    mapped = run_node(FOLD_MAP_ALL, texts)
    assert isinstance(mapped, list)
    assert [folded for folded, _ in mapped] == [fold(t) for t in texts]
    folded, origins = mapped[0]
    assert folded.startswith("dinh lang phu my")
    assert "".join(origins[:16]) == "Đình làng Phú Mỹ"
    at = folded.index("cho ap bac")
    assert "".join(origins[at : at + 10]) == "chợ Ấp Bắc"
