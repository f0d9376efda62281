"""Messages ``notice.*``, ``loa.*``: the hamlet's notices (``thong-bao/``) and the loudspeaker's
schedule (``thong-bao/loa.yml``), issue 15.

Mistakes in one field (an unknown kind, a date that is not a date, a phone number as the poster,
a path that leaves the content folder) are ``field.invalid`` messages made by the validators of
:mod:`langso.notices.loading` and :mod:`langso.notices.loa`; the codes here are the checks that
need more than one field or the files on disk.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "notice.page-exists": Message(
        "tệp `{page}` nằm ở chỗ sổ tay tự sinh trang thông báo (mục lục, lưu trữ theo tháng, "
        "trang loa, bản in, tin Atom), nên không được đăng",
        "đổi tên tệp (ví dụ `2026-12-05-ten-thong-bao.md`) và để thẳng trong thư mục thông báo, "
        "không trong `trang-…/`, `thang-…/`, `luu-tru/`, `loa/`, `in/`; lời giới thiệu của "
        "mục thông báo viết ở trang chủ",
        "the file `{page}` is at a path where the notices' pages are generated (index, monthly "
        "archive, loudspeaker page, print pages, Atom feed), so it is not published",
        "rename it (e.g. `2026-12-05-notice-name.md`) and keep it directly in the notices "
        "folder, not in `trang-…/`, `thang-…/`, `luu-tru/`, `loa/`, `in/`",
    ),
    "notice.no-front-matter": Message(
        "trang thông báo thiếu phần đầu ghi loại, ngày đăng và người đăng",
        "mở đầu tệp bằng các dòng: `---`, `title: ...`, `loai: họp thôn`, "
        "`ngay_dang: 28/11/2026 07:30`, `nguoi_dang: Trưởng thôn`, `---` "
        "(hoặc tạo tệp bằng lệnh `langso new thong-bao`)",
        "the notice page has no front matter giving its kind, posting date and poster",
        "start the file with the lines `---`, `title: ...`, `loai: họp thôn`, "
        "`ngay_dang: 28/11/2026 07:30`, `nguoi_dang: Trưởng thôn`, `---` "
        "(or create it with `langso new thong-bao`)",
    ),
    "notice.expires-before-posted": Message(
        "thông báo hết hạn ({expires}) trước cả lúc đăng ({posted})",
        "sửa `het_han` thành ngày thông báo thôi có hiệu lực (sau ngày đăng), hoặc sửa "
        "`ngay_dang`; kiểm tra thứ tự ngày/tháng/năm",
        "the notice expires ({expires}) before it is posted ({posted})",
        "set `het_han` to when the notice stops applying (after the posting date), or correct "
        "`ngay_dang`; check the day/month/year order",
    ),
    "notice.posted-future": Message(
        "ngày đăng {posted} còn ở tương lai (lúc dựng trang là {now}); có thể gõ nhầm năm hoặc "
        "đảo ngày với tháng",
        "ghi ngày giờ thông báo được đăng (hoặc đọc trên loa), theo thứ tự ngày/tháng/năm",
        "the posting date {posted} is in the future (the site is built at {now}); the year may "
        "be mistyped or the day and month swapped",
        "give the day and time the notice was posted (or read out), as day/month/year",
    ),
    "notice.file-missing": Message(
        "không có tệp `{path}` trong thư mục nội dung{case_vi}",
        "chép tệp vào `{where}` hoặc sửa đường dẫn cho đúng từng chữ (kể cả chữ hoa, chữ "
        "thường), tính từ thư mục nội dung",
        "there is no file `{path}` in the content folder{case_en}",
        "copy the file to `{where}` or correct the path letter by letter (upper and lower case "
        "too), from the content folder",
    ),
    "notice.file-large": Message(
        "tệp `{path}` nặng {size_vi} MB (nên dưới {limit} MB): người đọc dùng 3G phải tải hết "
        "tệp này và trả tiền dữ liệu",
        "thu nhỏ ảnh (lệnh `langso photos fix`) hoặc lưu lại bản PDF nhẹ hơn (in ra PDF với "
        "chất lượng thấp hơn, hoặc chụp ảnh trang giấy)",
        "the file `{path}` is {size_en} MB (keep it under {limit} MB): readers on mobile data "
        "download all of it and pay for it",
        "shrink the picture (`langso photos fix`) or save a lighter PDF (print to PDF at a lower "
        "quality, or take a photo of the paper page)",
    ),
}
