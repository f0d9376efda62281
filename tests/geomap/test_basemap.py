"""The base-map file: the tests' own PMTiles archives read back, and :func:`inspect_basemap`'s
description and located messages for every way a commune's file can be wrong."""

from __future__ import annotations

import gzip
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import mapbox_vector_tile
import yaml
from PIL import Image
from pmtiles.reader import MmapSource, Reader, all_tiles
from pmtiles.tile import TileType

from langso.geomap.basemap import (
    DEFAULT_ATTRIBUTION,
    BaseMap,
    Point,
    inspect_basemap,
    plain_attribution,
)
from tests.conftest import SiteFactory, build_site
from tests.geomap.pmtiles_files import SAMPLE_BOUNDS, covering_tiles, raster_pmtiles, vector_pmtiles

SOURCE = "content/ban-do/nen.pmtiles"
INSIDE = [(19.98, 105.64, "Đình làng")]
BUDGET = 20 * 1024 * 1024


def inspect(
    path: Path, points: list[tuple[float, float, str]] = INSIDE, budget: int = BUDGET
) -> tuple[BaseMap | None, list[str]]:
    basemap, problems = inspect_basemap(path, "ban-do/nen.pmtiles", SOURCE, points, budget)
    return basemap, [p.format() for p in problems]


# --- the tests' own archives ----------------------------------------------------------------------


def test_raster_archive_reads_back_with_the_pmtiles_reader(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "a.pmtiles", color=(200, 220, 240))
    with path.open("rb") as file:
        reader = Reader(MmapSource(file))
        header = reader.header()
        tiles = list(all_tiles(reader.get_bytes))
        assert header["tile_type"] == TileType.PNG
        assert (header["min_zoom"], header["max_zoom"]) == (12, 16)
        assert header["min_lon_e7"] == 1056300000
        assert [zxy for zxy, _ in tiles] == covering_tiles(SAMPLE_BOUNDS, 12, 16)
        z, x, y = covering_tiles(SAMPLE_BOUNDS, 16, 16)[0]
        image = Image.open(__import__("io").BytesIO(reader.get(z, x, y)))
        assert image.size == (256, 256)
        assert image.convert("RGB").getpixel((128, 250)) == (200, 220, 240)
    assert path.stat().st_size < 200_000


def test_vector_archive_holds_protomaps_layers(tmp_path: Path) -> None:
    path = vector_pmtiles(tmp_path / "v.pmtiles")
    with path.open("rb") as file:
        reader = Reader(MmapSource(file))
        assert reader.header()["tile_type"] == TileType.MVT
        z, x, y = covering_tiles(SAMPLE_BOUNDS, 15, 15)[0]
        tile = mapbox_vector_tile.decode(gzip.decompress(reader.get(z, x, y)))
    assert list(tile) == ["earth", "water", "roads"]
    kinds = [f["properties"]["kind"] for f in tile["roads"]["features"]]
    assert kinds == ["major_road", "path"]
    assert path.stat().st_size < 200_000


def test_archives_are_the_same_bytes_every_time(tmp_path: Path) -> None:
    for make in (raster_pmtiles, vector_pmtiles):
        one = make(tmp_path / "1.pmtiles").read_bytes()
        two = make(tmp_path / "2.pmtiles").read_bytes()
        assert hashlib.sha256(one).digest() == hashlib.sha256(two).digest()


# --- a good file --------------------------------------------------------------------------------


def test_a_good_vector_file_is_described(tmp_path: Path) -> None:
    path = vector_pmtiles(tmp_path / "nen.pmtiles")
    basemap, problems = inspect(path)
    assert problems == []
    assert basemap == BaseMap(
        src_uri="ban-do/nen.pmtiles",
        tile_type="mvt",
        min_zoom=12,
        max_zoom=15,
        bounds=SAMPLE_BOUNDS,
        center=(105.645, 19.98, 15),
        size_bytes=path.stat().st_size,
        attribution="© OpenStreetMap",
    )


def test_attribution_is_plain_text_read_once() -> None:
    raw = '<a href="https://x">&copy; OpenStreetMap</a> &amp;lt;b&amp;gt; <script>x</script>'
    assert plain_attribution(raw) == "© OpenStreetMap &lt;b&gt; x"
    assert plain_attribution("") == DEFAULT_ATTRIBUTION
    assert plain_attribution(None) == DEFAULT_ATTRIBUTION


def test_attribution_from_the_files_metadata(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "nen.pmtiles", attribution="Ảnh: <b>UBND xã</b> 2025")
    basemap, _ = inspect(path)
    assert basemap is not None
    assert (basemap.tile_type, basemap.attribution) == ("png", "Ảnh: UBND xã 2025")


# --- what is wrong ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    basemap, problems = inspect(tmp_path / "nen.pmtiles")
    assert basemap is None
    assert problems == [
        "content/ban-do/nen.pmtiles: mkdocs.yml đặt bản đồ nền là `ban-do/nen.pmtiles` nhưng "
        "không có tệp này trong thư mục nội dung — chép tệp bản đồ nền (.pmtiles) vào "
        "`content/ban-do/nen.pmtiles`, hoặc xóa dòng `basemap:` của `langso/map` trong "
        "mkdocs.yml (bản đồ vẫn hiện các điểm, không có nền)\n"
        "    (en) mkdocs.yml sets the base map to `ban-do/nen.pmtiles` but the content folder "
        "has no such file — copy the base-map file (.pmtiles) to `content/ban-do/nen.pmtiles`, "
        "or delete the `basemap:` line of `langso/map` in mkdocs.yml (the map still shows its "
        "points, without a base map)"
    ]


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "nen.pmtiles").write_bytes(b"")
    basemap, problems = inspect(tmp_path / "nen.pmtiles")
    assert basemap is None
    assert problems[0].startswith(
        "content/ban-do/nen.pmtiles: tệp bản đồ nền trống (0 byte): thường là tải xuống bị hỏng"
    )


def _first_line(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    basemap, problems = inspect(path)
    assert basemap is None
    assert len(problems) == 1
    return problems[0].split("\n")[0]


def test_files_that_are_not_pmtiles_say_what_they_are(tmp_path: Path) -> None:
    path = tmp_path / "nen.pmtiles"
    db = sqlite3.connect(tmp_path / "x.mbtiles")
    db.execute("CREATE TABLE tiles (zoom_level integer)")
    db.commit()
    db.close()
    assert _first_line(path, (tmp_path / "x.mbtiles").read_bytes()) == (
        "content/ban-do/nen.pmtiles: tệp bản đồ nền không phải tệp PMTiles phiên bản 3: đây là "
        "tệp MBTiles (cơ sở dữ liệu SQLite) — đổi sang PMTiles: "
        "`pmtiles convert ten-tep.mbtiles nen.pmtiles`"
    )
    page = b"<!DOCTYPE html><html><head><title>404 Not Found</title></head></html>" * 3
    assert "đây là một trang web (HTML), thường là trang báo lỗi" in _first_line(path, page)
    png = (tmp_path / "a.png").resolve()
    Image.new("RGB", (8, 8)).save(png)
    assert "đây là ảnh PNG đã đổi tên" in _first_line(path, png.read_bytes())
    lfs = b"version https://git-lfs.github.com/spec/v1\noid sha256:ab\nsize 12345\n" * 2
    assert "đây là con trỏ Git LFS" in _first_line(path, lfs)
    v2 = b"PM\x02\x00" + bytes(200)
    assert "PMTiles phiên bản cũ (2)" in _first_line(path, v2)
    assert "không nhận ra kiểu tệp" in _first_line(path, bytes(range(256)))


def test_cut_short_file(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "nen.pmtiles")
    whole = path.stat().st_size
    path.write_bytes(path.read_bytes()[: whole - 100])
    line = _first_line(path, path.read_bytes())
    assert line == (
        f"content/ban-do/nen.pmtiles: tệp bản đồ nền bị cụt: phần đầu tệp ghi {whole} byte "
        f"nhưng tệp chỉ có {whole - 100} byte (tải xuống hoặc chép chưa xong) — chép lại tệp "
        "cho trọn vẹn, hoặc tạo lại tệp bằng lệnh `pmtiles extract` theo hướng dẫn "
        "`docs/ban-do.md` trong kho mã nguồn của Làng số (kho ghi ở dòng cuối `requirements.txt`)"
    )


def test_unsupported_tile_type_and_compression(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "nen.pmtiles")
    data = bytearray(path.read_bytes())
    data[99] = 5  # AVIF
    assert "chứa ô bản đồ kiểu AVIF" in _first_line(path, bytes(data))
    data[99] = 1
    data[98] = 3  # brotli
    assert "nén bằng brotli" in _first_line(path, bytes(data))


def test_places_outside_are_advice_naming_their_pages_distance_and_a_wider_bbox(
    tmp_path: Path,
) -> None:
    """A landmark past the edge is still drawn (on the plain background): advice that never
    blocks publishing (severity ``info``), naming the page and line a volunteer edited."""
    path = vector_pmtiles(tmp_path / "nen.pmtiles")
    points: list[Point] = [
        *INSIDE,
        (20.0, 105.64, "Chùa Ất", "content/dia-diem/chua-at.md", 4),
        (19.95, 105.70, "Chợ Giáp", "content/danh-ba/cho-giap.yml", None),
    ]
    basemap, problems = inspect_basemap(path, "ban-do/nen.pmtiles", SOURCE, points, BUDGET)
    assert basemap is not None
    assert [(p.code, p.severity) for p in problems] == [("basemap.outside", "info")]
    assert [p.format() for p in problems] == [
        "content/ban-do/nen.pmtiles: 2 điểm nằm ngoài vùng của bản đồ nền: `Chùa Ất` "
        "(`content/dia-diem/chua-at.md:4`: 20.0000, 105.6400; cách mép phía bắc khoảng 1,1 km), "
        "`Chợ Giáp` (`content/danh-ba/cho-giap.yml`: 19.9500, 105.7000; cách mép phía đông nam "
        "khoảng 4,7 km); trên bản đồ, các điểm này vẫn hiện nhưng trên nền trống — không bắt "
        "buộc: trang vẫn đăng được; điểm nào sai tọa độ thì sửa `toa_do` ở dòng đã ghi; muốn có "
        "nền dưới mọi điểm thì tạo lại tệp bản đồ nền với vùng "
        "`--bbox=105.620,19.940,105.710,20.010` (lệnh `pmtiles extract`)\n"
        "    (en) 2 places lie outside the base map's area: `Chùa Ất` "
        "(`content/dia-diem/chua-at.md:4`: 20.0000, 105.6400; 1.1 km beyond the north edge), "
        "`Chợ Giáp` (`content/danh-ba/cho-giap.yml`: 19.9500, 105.7000; 4.7 km beyond the "
        "south-east edge); the map still shows them, on a blank background — optional: the "
        "site publishes as it is; correct the `toa_do` of any place that is wrong, at the line "
        "named; for a base map under every place make the file again with "
        "`--bbox=105.620,19.940,105.710,20.010` (the `pmtiles extract` command)"
    ]


def test_a_village_wholly_outside_is_one_message_with_one_bbox(tmp_path: Path) -> None:
    """The tester's case: every point outside (a file of another place): one line, the first
    three named, the rest counted, and the `--bbox` of the points themselves."""
    path = vector_pmtiles(tmp_path / "nen.pmtiles")
    points = [
        (21.0281, 105.8500, "Đình A"),
        (21.0290, 105.8510, "Đình B"),
        (21.0300, 105.8520, "Chùa C"),
        (21.0310, 105.8530, "Giếng D"),
        (21.0320, 105.8540, "Chợ E"),
    ]
    basemap, problems = inspect_basemap(path, "ban-do/nen.pmtiles", SOURCE, points, BUDGET)
    assert basemap is not None
    assert [p.code for p in problems] == ["basemap.outside"]
    text = problems[0].format()
    assert text.startswith(
        "content/ban-do/nen.pmtiles: 5 điểm nằm ngoài vùng của bản đồ nền: `Đình A` (21.0281, "
        "105.8500; cách mép phía đông bắc khoảng 117,1 km), `Đình B` (21.0290, 105.8510; cách "
        "mép phía đông bắc khoảng 117,2 km), `Chùa C` (21.0300, 105.8520; cách mép phía đông bắc"
        " khoảng 117,4 km) và 2 điểm khác; trên bản đồ, các điểm này vẫn hiện nhưng trên nền "
        "trống — không bắt buộc: trang vẫn đăng được; điểm nào sai tọa độ thì sửa `toa_do` ở "
        "dòng đã ghi; muốn có nền dưới mọi điểm thì tạo lại tệp bản đồ nền với vùng "
        "`--bbox=105.840,21.018,105.864,21.042`"
    ), text
    assert "`Chợ E`" not in text and "`Chùa C` (21.0300, 105.8520; 117.4 km beyond the" in text
    assert "and 2 other places; the map still shows them" in text


def test_one_place_outside(tmp_path: Path) -> None:
    path = vector_pmtiles(tmp_path / "nen.pmtiles")
    _, problems = inspect(path, [*INSIDE, (20.0, 105.64, "Chùa Ất")])
    assert problems[0].startswith(
        "content/ban-do/nen.pmtiles: 1 điểm nằm ngoài vùng của bản đồ nền: `Chùa Ất` (20.0000, "
        "105.6400; cách mép phía bắc khoảng 1,1 km); trên bản đồ, điểm này vẫn hiện nhưng trên "
        "nền trống — không bắt buộc: trang vẫn đăng được; điểm nào sai tọa độ thì sửa `toa_do` "
        "ở dòng đã ghi; muốn có nền dưới mọi điểm thì tạo lại tệp bản đồ nền với vùng "
        "`--bbox=105.620,19.960,105.670,20.010`"
    )
    assert "(en) 1 place lies outside the base map's area" in problems[0]


def test_file_over_budget_says_both_sizes_and_how_to_shrink(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "nen.pmtiles")
    basemap, problems = inspect(path, budget=20_000)
    assert basemap is not None
    size = path.stat().st_size
    assert size == 55990
    assert problems == [
        "content/ban-do/nen.pmtiles: tệp bản đồ nền nặng 55 KB, quá mức cho phép 20 KB "
        "(`basemap_budget_mb`): nhiều nơi lưu trang web từ chối tệp lớn (Cloudflare Pages: 25 "
        "MiB), và người đọc phải tải về khi lưu để đọc khi mất mạng — tạo lại tệp nhỏ hơn: bớt "
        "mức phóng to (`--maxzoom=15` hoặc 14), hoặc thu hẹp vùng `--bbox` vào quanh xã; chỉ "
        "khi thật cần mới tăng `basemap_budget_mb` trong mkdocs.yml\n"
        "    (en) the base-map file weighs 55 KB, over the budget of 20 KB "
        "(`basemap_budget_mb`): many hosts refuse large files (Cloudflare Pages: 25 MiB), and "
        "readers download it to read offline — make a smaller file: fewer zoom levels "
        "(`--maxzoom=15` or 14), or a smaller `--bbox` around the commune; raise "
        "`basemap_budget_mb` in mkdocs.yml only if really needed"
    ]


def test_low_max_zoom_is_advice_that_never_blocks(tmp_path: Path) -> None:
    path = raster_pmtiles(tmp_path / "nen.pmtiles", min_zoom=10, max_zoom=13)
    basemap, problems = inspect_basemap(path, "ban-do/nen.pmtiles", SOURCE, INSIDE, BUDGET)
    assert basemap is not None and basemap.max_zoom == 13
    assert [(p.code, p.severity) for p in problems] == [("basemap.low-zoom", "info")]
    assert problems[0].format().split("\n")[0] == (
        "content/ban-do/nen.pmtiles: tệp bản đồ nền chỉ phóng to tới mức 13: ở mức này chưa "
        "thấy rõ ngõ xóm và nhà cửa trong làng (cần ít nhất mức 14) — không bắt buộc: trang "
        "vẫn đăng được; muốn rõ hơn thì tạo lại tệp với `--maxzoom=15`"
    )


GIENG = """---
title: 'Giếng làng'
description: 'Giếng nước cũ ở đầu làng (mẫu)'
toa_do: '19.9910, 105.6450'
---

# Giếng làng

## Nguồn
"""


def test_a_landmark_past_the_edge_never_blocks_publishing(make_site: SiteFactory) -> None:
    """The tester's case: a volunteer adds a place 110 m past the base map's north edge; the
    strict build still publishes (the map draws it on the plain background) and the advice
    names the page and line the volunteer edited, the distance and the `--bbox`."""
    root = make_site(files={"content/dia-diem/gieng-lang.md": GIENG})
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [*config["plugins"], {"langso/map": {"basemap": "ban-do/nen.pmtiles"}}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    raster_pmtiles(root / "content/ban-do/nen.pmtiles")
    assert build_site(root).ok
    result = subprocess.run(
        [sys.executable, "-m", "langso.cli", "check"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        "content/ban-do/nen.pmtiles: cảnh báo, không chặn xuất bản: 1 điểm nằm ngoài vùng của "
        "bản đồ nền: `Giếng làng` (`content/dia-diem/gieng-lang.md:4`: 19.9910, 105.6450; "
        "cách mép phía bắc khoảng 110 m); trên bản đồ, điểm này vẫn hiện nhưng trên nền trống "
        "— không bắt buộc: trang vẫn đăng được; điểm nào sai tọa độ thì sửa `toa_do` ở dòng "
        "đã ghi; muốn có nền dưới mọi điểm thì tạo lại tệp bản đồ nền với vùng "
        "`--bbox=105.620,19.960,105.670,20.001`"
    ) in result.stdout + result.stderr
