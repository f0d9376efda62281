"""Messages ``basemap.*``: the village map's base-map file (a PMTiles archive,
:mod:`langso.geomap.basemap`; how a commune makes one: docs/ban-do.md, which a village's own
repository does not hold: messages name it as the village README does, in Làng số's source
repository). ``basemap.outside`` and ``basemap.low-zoom`` are advice (severity ``info``): they
never block publishing.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

_GUIDE_VI = (
    "hướng dẫn `docs/ban-do.md` trong kho mã nguồn của Làng số (kho ghi ở dòng cuối "
    "`requirements.txt`)"
)
"""Where the guide is, said as the village README says it: a village made by ``langso init``
has no ``docs/`` folder of its own (:func:`langso.init.project_docs_url` links it there)."""
_GUIDE_EN = (
    "the guide `docs/ban-do.md` in Làng số's source repository (named on the last line of "
    "`requirements.txt`)"
)
_MAKE_VI = f"tạo lại tệp bằng lệnh `pmtiles extract` theo {_GUIDE_VI}"
_MAKE_EN = f"make the file again with `pmtiles extract` as {_GUIDE_EN} says"

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
        f"lấy bản đồ nền Protomaps (vector) theo {_GUIDE_VI}, hoặc đổi ảnh sang PNG/JPEG/WebP "
        "trước khi đóng gói",
        "the base-map file holds {tile_type} tiles; the map page reads vector tiles (MVT, the "
        "Protomaps basemap) or PNG, JPEG and WebP images only",
        f"take the Protomaps basemap (vector) as {_GUIDE_EN} says, or turn the images into "
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
        "{count} điểm nằm ngoài vùng của bản đồ nền: {points_vi}; trên bản đồ, {these_vi} vẫn "
        "hiện nhưng trên nền trống",
        "không bắt buộc: trang vẫn đăng được; điểm nào sai tọa độ thì sửa `toa_do` ở dòng đã "
        "ghi; muốn có nền dưới mọi điểm thì tạo lại tệp bản đồ nền với vùng `--bbox={bbox}` "
        "(lệnh `pmtiles extract`)",
        "{count_en} outside the base map's area: {points_en}; the map still shows {these_en}, on a "
        "blank background",
        "optional: the site publishes as it is; correct the `toa_do` of any place that is "
        "wrong, at the line named; for a base map under every place make the file again with "
        "`--bbox={bbox}` (the `pmtiles extract` command)",
    ),
    "basemap.unused": Message(
        "tệp này trông như bản đồ nền nhưng trang bản đồ không dùng: {why_vi}; bản đồ sẽ không "
        "có nền từ tệp này",
        "{fix_vi}",
        "this file looks like a base map but the map page does not use it: {why_en}; the map "
        "gets no base map from it",
        "{fix_en}",
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
        "không bắt buộc: trang vẫn đăng được; muốn rõ hơn thì tạo lại tệp với `--maxzoom=15`",
        "the base-map file zooms in only to level {max_zoom}: too coarse to see the village's "
        "lanes and houses (level {wanted} at least is needed)",
        "optional: the site publishes as it is; for a sharper map make the file again with "
        "`--maxzoom=15`",
    ),
}
