"""Messages ``service.*``, ``field.*``, ``category.*``: the services directory (service files,
their fields, the categories).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "field.missing": Message(
        "thiếu trường bắt buộc `{field}`",
        "thêm dòng `{key}: ...`{where_vi}",
        "required field `{field}` is missing",
        "add a line `{key}: ...`{where_en}",
    ),
    "field.unknown": Message(
        "trường `{field}` không có trong mẫu{did_you_mean_vi}",
        "{fix_vi}",
        "unknown field `{field}`{did_you_mean_en}",
        "{fix_en}",
    ),
    "field.not-text": Message(
        "`{field}` phải là một dòng chữ, nhưng lại là {found_vi}",
        "viết giá trị trên cùng dòng, sau dấu `: `",
        "`{field}` must be text but is {found_en}",
        "write the value on the same line, after `: `",
    ),
    "field.not-list": Message(
        "`{field}` phải là một danh sách, nhưng lại là {found_vi}",
        "viết mỗi mục trên một dòng bắt đầu bằng `- `",
        "`{field}` must be a list but is {found_en}",
        "write each item on a line starting with `- `",
    ),
    "field.not-mapping": Message(
        "`{field}` phải gồm các dòng `khóa: giá trị` thụt vào, nhưng lại là {found_vi}",
        "xem mẫu trong tài liệu",
        "`{field}` must hold indented `key: value` lines but is {found_en}",
        "follow the sample in the docs",
    ),
    "field.empty": Message(
        "`{field}` để trống",
        "điền giá trị hoặc xóa dòng này",
        "`{field}` is empty",
        "fill in a value or delete the line",
    ),
    "field.invalid": Message(
        "{vi}",
        "{fix_vi}",
        "{en}",
        "{fix_en}",
    ),
    "category.duplicate-id": Message(
        "mã loại `{id}` đã dùng ở dòng {first_line}",
        "đặt mã khác cho một trong hai loại",
        "category id `{id}` is already used on line {first_line}",
        "give one of the two categories another id",
    ),
    "category.payment": Message(
        "loại `{id}` ({name}) nói cách trả tiền, không nói đây là nơi gì; cách ghi này đã cũ "
        "(trang vẫn dựng và đăng được)",
        "đặt cho mỗi nơi một loại nói nó là gì (ví dụ `tap-hoa`, `an-uong`, `sua-xe`) và ghi "
        "cách trả tiền vào trường `thanh_toan` của từng tệp, ví dụ "
        "`thanh_toan: [tien-mat, vietqr, the]`; danh bạ tự có trang các nơi nhận VietQR, thẻ…",
        "category `{id}` ({name}) says how a place takes payment, not what the place is; this "
        "is deprecated (the site still builds and publishes)",
        "give each place a category saying what it is (e.g. `tap-hoa`, `an-uong`, `sua-xe`) and "
        "put how it takes payment in each file's `thanh_toan` field, e.g. "
        "`thanh_toan: [tien-mat, vietqr, the]`; the directory lists the places taking VietQR, "
        "cards… on pages of their own",
    ),
    "service.duplicate-id": Message(
        "mã `{id}` trùng với {other}",
        "đổi tên một trong hai tệp",
        "id `{id}` is the same as {other}",
        "rename one of the two files",
    ),
    "service.stale": Message(
        "thông tin có thể đã cũ: kiểm tra lần cuối ngày {when}, đã quá {months} tháng",
        "gọi điện hoặc đến hỏi lại, sửa nếu cần, rồi ghi ngày kiểm tra mới vào `xac_minh.ngay`",
        "the information may be out of date: last verified on {when}, over {months} months ago",
        "call or visit to check, correct it if needed, then set `xac_minh.ngay` to today",
    ),
    "service.unverified": Message(
        "chưa ghi lần kiểm tra thông tin (`xac_minh`)",
        "gọi điện hoặc đến hỏi lại, rồi thêm `xac_minh:` với `ngay` và `vai_tro`",
        "the entry has never been verified (no `xac_minh`)",
        "call or visit to check, then add `xac_minh:` with `ngay` and `vai_tro`",
    ),
    "service.duplicate-name": Message(
        "tên `{value}` trùng với `{other}` (không kể dấu) — có thể là một nơi",
        "nếu là một nơi, gộp hai tệp; nếu khác nhau, đặt tên phân biệt",
        "the name `{value}` matches `{other}` (ignoring accents) — possibly the same place",
        "if it is one place, merge the files; otherwise make the names distinct",
    ),
    "service.duplicate-phone": Message(
        "số `{value}` đã có ở `{other}` — có thể là một nơi",
        "nếu là một nơi, gộp hai tệp; nếu đúng là dùng chung số, thêm `so_dung_chung: 'có'`",
        "the number `{value}` is also in `{other}` — possibly the same place",
        "if it is one place, merge the files; if the number is really shared, add "
        "`so_dung_chung: 'có'`",
    ),
    "service.page-exists": Message(
        "trang `{page}` do người viết tạo đã có, trùng với trang sinh từ tệp này",
        "đổi tên tệp YAML hoặc trang Markdown",
        "the hand-written page `{page}` clashes with the page generated from this file",
        "rename the YAML file or the Markdown page",
    ),
}
