"""Messages ``basemap.*``: the village map's base-map file (a PMTiles archive,
:mod:`langso.geomap.basemap`; how a commune makes one: docs/ban-do.md).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

_MAKE_VI = "tạo lại tệp theo hướng dẫn docs/ban-do.md (lệnh `pmtiles extract`)"
_MAKE_EN = "make the file again as docs/ban-do.md says (the `pmtiles extract` command)"

MESSAGES: dict[str, Message] = {
    "basemap.missing": Message(
        "mkdocs.yml đặt bản đồ nền là `{basemap}` nhưng không có tệp này trong thư mục nội dung",
        "chép tệp bản đồ nền (.pmtiles) vào `{expected}`, hoặc xóa dòng `basemap:` của "
        "`langso/map` trong mkdocs.yml (bản đồ vẫn hiện các điểm, không có nền)",
        "mkdocs.yml sets the base map to `{basemap}` but the content folder has no such file",
        "copy the base-map file (.pmtiles) to `{expected}`, or delete the `basemap:` line of "
        "`langso/map` in mkdocs.yml (the map still shows its points, without a base map)",
    ),
    "basemap.empty": Message(
        "tệp bản đồ nền trống (0 byte): thường là tải xuống bị hỏng giữa chừng",
        _MAKE_VI,
        "the base-map file is empty (0 bytes): usually a download that failed",
        _MAKE_EN,
    ),
    "basemap.not-pmtiles": Message(
        "tệp bản đồ nền không phải tệp PMTiles phiên bản 3: {what_vi}",
        "{fix_vi}",
        "the base-map file is not a PMTiles version 3 file: {what_en}",
        "{fix_en}",
    ),
    "basemap.truncated": Message(
        "tệp bản đồ nền bị cụt: phần đầu tệp ghi {expected} byte nhưng tệp chỉ có {size} byte "
        "(tải xuống hoặc chép chưa xong)",
        "chép lại tệp cho trọn vẹn, hoặc " + _MAKE_VI,
        "the base-map file is cut short: its header says {expected} bytes but the file has only "
        "{size} (an unfinished download or copy)",
        "copy the whole file again, or " + _MAKE_EN,
    ),
    "basemap.tile-type": Message(
        "tệp bản đồ nền chứa ô bản đồ kiểu {tile_type}; trang bản đồ chỉ đọc được kiểu vector "
        "(MVT, bản đồ nền Protomaps) hoặc ảnh PNG, JPEG, WebP",
        "lấy bản đồ nền Protomaps (vector) theo docs/ban-do.md, hoặc đổi ảnh sang PNG/JPEG/WebP "
        "trước khi đóng gói",
        "the base-map file holds {tile_type} tiles; the map page reads vector tiles (MVT, the "
        "Protomaps basemap) or PNG, JPEG and WebP images only",
        "take the Protomaps basemap (vector) as docs/ban-do.md says, or turn the images into "
        "PNG/JPEG/WebP before packing them",
    ),
    "basemap.compression": Message(
        "tệp bản đồ nền nén bằng {compression}; trình duyệt trên điện thoại chỉ giải nén được gzip",
        "tạo lại tệp với nén gzip (mặc định của `pmtiles extract` và của bản dựng Protomaps)",
        "the base-map file is compressed with {compression}; phone browsers can only unpack gzip",
        "make the file again with gzip (the default of `pmtiles extract` and of Protomaps builds)",
    ),
    "basemap.no-tiles": Message(
        "tệp bản đồ nền không có ô bản đồ nào",
        "kiểm tra lại vùng `--bbox` khi tạo tệp (kinh độ trước, vĩ độ sau: tây, nam, đông, "
        "bắc), rồi " + _MAKE_VI,
        "the base-map file holds no tiles",
        "check the `--bbox` used to make it (longitude first: west, south, east, north), then "
        + _MAKE_EN,
    ),
    "basemap.outside": Message(
        "điểm `{name}` ({lat}, {lon}) nằm ngoài vùng của bản đồ nền, cách mép {side_vi} khoảng "
        "{distance_vi}: trên bản đồ, điểm này sẽ hiện trên nền trống",
        "tạo lại tệp bản đồ nền với vùng rộng hơn, ví dụ `--bbox={bbox}` (docs/ban-do.md); "
        "hoặc sửa `toa_do` của `{name}` nếu tọa độ sai",
        "the place `{name}` ({lat}, {lon}) lies outside the base map's area, about {distance_en} "
        "beyond its {side_en} edge: on the map it would sit on a blank background",
        "make the base-map file again with a wider area, e.g. `--bbox={bbox}` (docs/ban-do.md); "
        "or correct the `toa_do` of `{name}` if it is wrong",
    ),
    "basemap.too-big": Message(
        "tệp bản đồ nền nặng {size_vi}, quá mức cho phép {budget_vi} (`basemap_budget_mb`): nhiều "
        "nơi lưu trang web từ chối tệp lớn (Cloudflare Pages: 25 MiB), và người đọc phải tải "
        "về khi lưu để đọc khi mất mạng",
        "tạo lại tệp nhỏ hơn: bớt mức phóng to (`--maxzoom=15` hoặc 14), hoặc thu hẹp vùng "
        "`--bbox` vào quanh xã; chỉ khi thật cần mới tăng `basemap_budget_mb` trong mkdocs.yml",
        "the base-map file weighs {size_en}, over the budget of {budget_en} (`basemap_budget_mb`): "
        "many hosts refuse large files (Cloudflare Pages: 25 MiB), and readers download it to "
        "read offline",
        "make a smaller file: fewer zoom levels (`--maxzoom=15` or 14), or a smaller `--bbox` "
        "around the commune; raise `basemap_budget_mb` in mkdocs.yml only if really needed",
    ),
    "basemap.low-zoom": Message(
        "tệp bản đồ nền chỉ phóng to tới mức {max_zoom}: ở mức này chưa thấy rõ ngõ xóm và "
        "nhà cửa trong làng (cần ít nhất mức {wanted})",
        "tạo lại tệp với `--maxzoom=15` (docs/ban-do.md)",
        "the base-map file zooms in only to level {max_zoom}: too coarse to see the village's "
        "lanes and houses (level {wanted} at least is needed)",
        "make the file again with `--maxzoom=15` (docs/ban-do.md)",
    ),
}
