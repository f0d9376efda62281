"""Messages ``village.*``, ``config.*``, ``build.*``, ``photo.*``: the site as a whole
(``village.yml``, ``mkdocs.yml``, the build, photos).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "village.help-unknown": Message(
        "không có dịch vụ `{id}` trong danh bạ{did_you_mean_vi}",
        "{fix_vi}",
        "there is no service `{id}` in the directory{did_you_mean_en}",
        "{fix_en}",
    ),
    "village.help-unreachable": Message(
        'dịch vụ `{id}` ({name}) không có số điện thoại hay Zalo nào, nên hộp "Cần giúp?" '
        "không gọi được ai",
        "thêm `dien_thoai:` (hoặc `zalo:`) vào `{path}`, hoặc đổi `ho_tro` sang dịch vụ có số "
        "gọi được; không muốn có tổ hỗ trợ thì xóa dòng `ho_tro` (hướng dẫn sẽ dẫn tới danh bạ)",
        'the service `{id}` ({name}) has no phone or Zalo number, so the "Cần giúp?" (need '
        "help?) box can call no one",
        "add `dien_thoai:` (or `zalo:`) to `{path}`, or set `ho_tro` to a service that can be "
        "called; for no helper, delete the `ho_tro` line (guides then lead to the directory)",
    ),
    "config.unreadable": Message(
        "không dùng được tệp cấu hình: {detail}",
        "sửa mkdocs.yml theo thông báo, so với mkdocs.yml của làng mẫu",
        "the configuration file cannot be used: {detail}",
        "correct mkdocs.yml as the message says, comparing with the sample village's mkdocs.yml",
    ),
    "config.missing": Message(
        "không có tệp cấu hình này",
        "chạy lệnh trong thư mục có mkdocs.yml hoặc chỉ đường bằng --config",
        "no such configuration file",
        "run the command in the folder holding mkdocs.yml or give --config",
    ),
    "build.other": Message(
        "MkDocs báo: {detail}",
        "sửa theo thông báo tiếng Anh của MkDocs ở trên",
        "MkDocs reports: {detail}",
        "follow MkDocs' message",
    ),
    "village.picture-missing": Message(
        "không thấy ảnh `{path}` trong thư mục nội dung",
        "chép ảnh ({types}) vào đúng chỗ đó, hoặc sửa `anh` thành đường dẫn của ảnh tính từ "
        "thư mục nội dung (ví dụ `anh/lang.webp`); không muốn có ảnh thì xóa dòng `anh`",
        "there is no picture `{path}` in the content folder",
        "copy the picture ({types}) there, or correct `anh` to its path from the content folder "
        "(e.g. `anh/lang.webp`); for no picture, delete the `anh` line",
    ),
    "photo.oversize": Message(
        "ảnh gốc quá lớn ({width}×{height} px, {mb_vi} MB); trang web chỉ đăng bản thu nhỏ "
        "{max_side} px, nhưng tệp gốc vẫn nằm trong kho và làm kho nặng thêm",
        "chạy `langso photos fix` để thu nhỏ tệp gốc còn {max_side} px cạnh dài (bản cũ vẫn "
        "còn trong lịch sử git), rồi commit",
        "the original photo is too large ({width}×{height} px, {mb_en} MB); the site publishes a "
        "{max_side} px copy, but the original stays in the repository and weighs it down",
        "run `langso photos fix` to shrink the original to {max_side} px on its long side (the "
        "old version stays in the git history), then commit",
    ),
    "photo.location": Message(
        "ảnh gốc có ghi vị trí GPS nơi chụp; trang web đã xóa, nhưng tệp gốc trong kho công khai "
        "vẫn còn",
        "chạy `langso photos fix` để xóa vị trí khỏi tệp gốc rồi commit; lần sau tắt ghi vị trí "
        "trong ứng dụng máy ảnh",
        "the original photo records the GPS location where it was taken; the site removes it, "
        "but the original in the public repository still holds it",
        "run `langso photos fix` to remove the location from the original, then commit; turn "
        "off location in the camera app next time",
    ),
    "photo.unreadable": Message(
        "không đọc được ảnh ({detail}); tệp được đăng nguyên trạng",
        "mở ảnh trên máy tính để kiểm tra, lưu lại dạng JPEG hoặc PNG rồi thay tệp này",
        "the photo could not be read ({detail}); the file is published as it is",
        "open it on a computer to check it, save it again as JPEG or PNG, and replace this file",
    ),
}
