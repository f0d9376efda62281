"""Messages ``portal.*``: the portal file ``cong.yml`` and its village sources (``langso portal``,
:mod:`langso.portal.config`, :mod:`langso.portal.sources`).

They come out of ``langso portal``, never out of ``langso check``:
``tests/portal/test_cli_portal.py`` triggers every one. See :class:`langso.problems.Message` for
the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "portal.file-missing": Message(
        "không có tệp cổng này",
        "chỉ đúng đường dẫn tới tệp cổng (ví dụ `langso portal cong.yml`); mẫu: docs/cong-tinh.md",
        "there is no such portal file",
        "give the path of the portal file (e.g. `langso portal cong.yml`); see docs/cong-tinh.md",
    ),
    "portal.no-source": Message(
        "mục làng bắt đầu ở dòng này không có `thu_muc` cũng không có `dia_chi`",
        "thêm `thu_muc: 'lang/ten-lang'` (thư mục của làng, tính từ thư mục của tệp cổng) hoặc "
        "`dia_chi: 'https://…/'` (địa chỉ trang đã đăng của làng)",
        "the village entry starting on this line has neither `thu_muc` nor `dia_chi`",
        "add `thu_muc: 'lang/ten-lang'` (the village's folder, relative to the portal file's "
        "folder) or `dia_chi: 'https://…/'` (the address of the village's published site)",
    ),
    "portal.url": Message(
        "`{url}` không phải địa chỉ trang web dùng được: {why_vi}",
        "viết địa chỉ đầy đủ bắt đầu bằng `https://` (hoặc `http://`), ví dụ "
        "`https://example.github.io/lang-phu-my/`",
        "`{url}` is not a usable web address: {why_en}",
        "write the full address starting with `https://` (or `http://`), e.g. "
        "`https://example.github.io/lang-phu-my/`",
    ),
    "portal.folder-missing": Message(
        "không có thư mục `{folder}` (tính từ thư mục của tệp cổng)",
        "sửa `thu_muc` thành đường dẫn thư mục của làng tính từ thư mục chứa tệp cổng, dùng `/`",
        "there is no folder `{folder}` (relative to the portal file's folder)",
        "set `thu_muc` to the village's folder relative to the folder holding the portal file, "
        "with `/`",
    ),
    "portal.folder-not-village": Message(
        "thư mục `{folder}` không có `mkdocs.yml` (dự án của một làng) cũng không có "
        "`lang-so.json` (trang đã dựng của một làng)",
        "chỉ tới thư mục của dự án làng (có mkdocs.yml) hoặc thư mục trang đã dựng (có "
        "lang-so.json, do plugin `langso/summary` ghi)",
        "the folder `{folder}` has neither `mkdocs.yml` (a village project) nor `lang-so.json` "
        "(a built village site)",
        "point to the village project's folder (holding mkdocs.yml) or to a built site's folder "
        "(holding lang-so.json, written by the `langso/summary` plugin)",
    ),
    "portal.duplicate": Message(
        "làng `{source}` đã có ở dòng {first}",
        "xóa một trong hai mục",
        "the village `{source}` is already listed on line {first}",
        "delete one of the two entries",
    ),
    "portal.too-many": Message(
        "tệp cổng có {count} làng, quá {limit} làng một cổng",
        "chia thành nhiều cổng (ví dụ mỗi xã một cổng): một trang cổng quá lớn sẽ vượt giới hạn "
        "số tệp của nơi đăng",
        "the portal file lists {count} villages, more than {limit} for one portal",
        "split it into several portals (e.g. one per commune): a larger portal exceeds the "
        "hosts' file limits",
    ),
    "portal.build-failed": Message(
        "dựng trang của làng không được (mkdocs build --strict, mã thoát {status}); những dòng "
        "đầu của thông báo ở dưới",
        "chạy `langso check` trong thư mục của làng và sửa theo thông báo",
        "the village's site could not be built (mkdocs build --strict, exit status {status}); "
        "the first lines of its messages are below",
        "run `langso check` in the village's folder and fix what it reports",
    ),
    "portal.not-built": Message(
        "không thấy trang đã dựng `{path}` trong thư mục --da-dung",
        "xem việc dựng làng này trong CI đã chạy xong chưa và có tải thư mục trang lên không",
        "the built site `{path}` is not in the --da-dung folder",
        "check that this village's CI job finished and uploaded its site folder",
    ),
    "portal.fetch-failed": Message(
        "không đọc được `{url}`: {why_vi}",
        "mở địa chỉ đó bằng trình duyệt; nếu trang của làng chưa có lang-so.json, thêm plugin "
        "`langso/summary` vào mkdocs.yml của làng rồi dựng lại",
        "`{url}` could not be read: {why_en}",
        "open that address in a browser; if the village's site has no lang-so.json yet, add "
        "the `langso/summary` plugin to its mkdocs.yml and build it again",
    ),
    "portal.summary-invalid": Message(
        "bản tóm tắt lang-so.json của làng không dùng được (lỗi ở dưới)",
        "dựng lại trang của làng bằng Làng số mới nhất (plugin `langso/summary`)",
        "the village's lang-so.json summary cannot be used (mistakes below)",
        "build the village's site again with the latest Làng số (the `langso/summary` plugin)",
    ),
    "portal.same-village": Message(
        "cùng một làng ({village}) với `{other}`",
        "xóa một trong hai mục trong tệp cổng",
        "the same village ({village}) as `{other}`",
        "delete one of the two entries from the portal file",
    ),
    "portal.no-address": Message(
        "không biết địa chỉ trang của làng: tệp cổng không ghi `dia_chi` và lang-so.json không "
        "có `dia_chi`",
        "thêm `dia_chi: 'https://…/'` cho làng này trong tệp cổng, hoặc đặt `site_url` trong "
        "mkdocs.yml của làng",
        "the village site's address is unknown: the portal file gives no `dia_chi` and "
        "lang-so.json has none",
        "add `dia_chi: 'https://…/'` for this village in the portal file, or set `site_url` in "
        "the village's mkdocs.yml",
    ),
    "portal.address-mismatch": Message(
        "trang của làng được đăng ở `{published}` (CI đăng mỗi làng ở địa chỉ cổng + mã làng), "
        "nhưng `site_url` của làng là `{site_url}`: mã QR trên biển sẽ dẫn tới địa chỉ khác",
        "đặt `site_url: {published}` trong mkdocs.yml của làng **trước khi in biển** (biển đã in "
        "thì giữ địa chỉ cũ và đăng làng ở đó); xem docs/cong-tinh.md",
        "the village site is published at `{published}` (CI publishes each village at the "
        "portal's address + its key), but the village's `site_url` is `{site_url}`: its plaques' "
        "QR codes would lead elsewhere",
        "set `site_url: {published}` in the village's mkdocs.yml **before printing plaques** "
        "(plaques already printed: keep the old address and publish the village there); see "
        "docs/cong-tinh.md",
    ),
}
