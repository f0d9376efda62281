"""Messages ``tour.*``: walking tours (``tuyen-tham-quan/*.yml``), issue 16.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "tour.too-few-stops": Message(
        "tuyến chỉ có {count} điểm dừng; một tuyến tham quan cần ít nhất 2 điểm",
        "thêm các điểm dừng dưới `diem_dung`, mỗi điểm một dòng `- trang: ...` hoặc"
        " `- ten: ...` với `toa_do: ...`",
        "the tour has only {count} stop(s); a walking tour needs at least 2",
        "add the stops under `diem_dung`, each a `- trang: ...` line or `- ten: ...` with"
        " `toa_do: ...`",
    ),
    "tour.stop-unknown": Message(
        "điểm dừng dẫn tới `{page}`, nhưng trang này không có trong trang web{did_you_mean_vi}",
        "{fix_vi}",
        "the stop leads to `{page}`, which is not a page of the site{did_you_mean_en}",
        "{fix_en}",
    ),
    "tour.stop-no-coordinates": Message(
        "trang `{page}` chưa có tọa độ nên không đặt được lên bản đồ tuyến",
        "thêm dòng `toa_do: 'vĩ độ, kinh độ'` vào phần đầu trang `{source}` (chép từ bản đồ,"
        " ví dụ '19.9814, 105.6424')",
        "the page `{page}` has no coordinates, so the stop cannot be placed on the route",
        "add a line `toa_do: 'latitude, longitude'` to the front matter of `{source}` (copied"
        " from a map, e.g. '19.9814, 105.6424')",
    ),
    "tour.stop-bad-coordinates": Message(
        "trang `{page}` có `toa_do` viết sai nên chưa đặt được lên bản đồ tuyến",
        "sửa lỗi ở `{where}` trước (xem thông báo của trang đó)",
        "the page `{page}` has a mistake in its `toa_do`, so the stop cannot be placed yet",
        "fix the mistake at `{where}` first (see that page's own message)",
    ),
    "tour.stop-page-broken": Message(
        "trang `{page}` có lỗi riêng nên chưa đặt được lên bản đồ tuyến",
        "sửa lỗi của `{source}` trước (xem thông báo của trang đó)",
        "the page `{page}` has a mistake of its own, so the stop cannot be placed yet",
        "fix `{source}` first (see that page's own message)",
    ),
    "tour.stop-far": Message(
        "điểm {number} ({name}) cách điểm {previous} ({previous_name}) {distance}, quá {limit}"
        " cho một tuyến đi bộ",
        "kiểm tra lại tọa độ của điểm này (chép nhầm một chữ số?) hoặc tách thành hai tuyến",
        "stop {number} ({name}) is {distance_en} from stop {previous} ({previous_name}), more"
        " than {limit} for a walking tour",
        "check this stop's coordinates (a mistyped digit?) or split the tour in two",
    ),
    "tour.via-far": Message(
        "điểm `qua` thứ {point} (`{value}`) trên đường tới điểm {number} ({name}) cách"
        " {from_vi} {distance}, quá {limit} cho một tuyến đi bộ",
        "kiểm tra lại tọa độ này (chép nhầm một chữ số?): mỗi điểm `qua` là một chỗ đường rẽ"
        " giữa hai điểm dừng, chép từ bản đồ",
        "`qua` point {point} (`{value}`) on the way to stop {number} ({name}) is {distance_en}"
        " from {from_en}, more than {limit} for a walking tour",
        "check these coordinates (a mistyped digit?): each `qua` point is a bend of the road"
        " between two stops, copied from a map",
    ),
    "tour.stop-repeated": Message(
        "điểm {number} ({name}) trùng với điểm ngay trước nó",
        "xóa một trong hai điểm, hoặc gộp lời dẫn của chúng làm một",
        "stop {number} ({name}) is the same as the stop just before it",
        "delete one of the two, or merge their texts into one",
    ),
    "tour.generated-path": Message(
        "tệp này chiếm địa chỉ `{page}`, nơi tuyến tham quan tự sinh trang hoặc tệp của tuyến",
        "xóa hoặc đổi tên tệp này: trang `{folder}/index.md`, trang từng tuyến, tờ in, tệp"
        " `.gpx` và `tuyen.geojson` được tạo tự động từ các tệp `.yml` của tuyến",
        "this file takes `{page}`, where the tours generate a page or a file",
        "delete or rename this file: `{folder}/index.md`, each tour's page, print sheet, `.gpx`"
        " and `tuyen.geojson` are generated from the tours' `.yml` files",
    ),
}
