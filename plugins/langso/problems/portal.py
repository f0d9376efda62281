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
        "đặt `site_url: {published}` trong mkdocs.yml của làng trước khi in biển (biển đã in "
        "thì giữ địa chỉ cũ và đăng làng ở đó); xem docs/cong-tinh.md",
        "the village site is published at `{published}` (CI publishes each village at the "
        "portal's address + its key), but the village's `site_url` is `{site_url}`: its plaques' "
        "QR codes would lead elsewhere",
        "set `site_url: {published}` in the village's mkdocs.yml before printing plaques "
        "(plaques already printed: keep the old address and publish the village there); see "
        "docs/cong-tinh.md",
    ),
    "portal.address-differs": Message(
        "tệp cổng ghi trang của làng ở `{published}` (`dia_chi`), nhưng `site_url` của trang làng "
        "là `{site_url}`: liên kết trên cổng dẫn tới `{published}`, còn mã QR trên biển của làng "
        "dẫn tới `{site_url}`",
        "sửa cho hai địa chỉ giống nhau trước khi in biển: `dia_chi` của làng trong tệp cổng, "
        "hoặc `site_url` trong mkdocs.yml của làng (biển đã in thì giữ địa chỉ trên biển)",
        "the portal file gives the village's site as `{published}` (`dia_chi`), but the village "
        "site's own `site_url` is `{site_url}`: the portal links to `{published}`, the village's "
        "plaques' QR codes lead to `{site_url}`",
        "make the two addresses the same before printing plaques: the village's `dia_chi` in the "
        "portal file, or `site_url` in the village's mkdocs.yml (plaques already printed: keep "
        "their address)",
    ),
    "portal.placeholder-address": Message(
        "địa chỉ trang của làng `{url}` chưa phải địa chỉ thật ({why_vi}): liên kết trên cổng "
        "và mã QR trên biển của làng sẽ không dẫn tới đâu",
        "đặt địa chỉ thật của trang làng: `site_url` trong mkdocs.yml của làng (hoặc `langso "
        "init … --site-url`), hay `dia_chi` của làng trong tệp cổng; rồi dựng lại",
        "the village site's address `{url}` is not a real one ({why_en}): the portal's links "
        "and the village's plaques would lead nowhere",
        "set the village site's real address: `site_url` in the village's mkdocs.yml (or `langso "
        "init … --site-url`), or the village's `dia_chi` in the portal file; then build again",
    ),
    "portal.same-key": Message(
        "thư mục làng `{folder}` cho mã làng `{key}`, trùng mã của `{other}` (dòng {first}): mã "
        "làng là tên thư mục, và là địa chỉ của làng (<địa chỉ cổng>/{key}/)",
        "đổi tên một trong hai thư mục cho khác nhau (ví dụ thêm tên xã: `lang/yen-dinh-{key}`) "
        "trước khi in biển, rồi sửa `thu_muc`",
        "the village folder `{folder}` gives the village key `{key}`, the same as `{other}` "
        "(line {first}): the key is the folder's name, and the village's address "
        "(<portal address>/{key}/)",
        "rename one of the two folders (e.g. add the commune: `lang/yen-dinh-{key}`) before "
        "printing plaques, then fix `thu_muc`",
    ),
    "portal.key-reserved": Message(
        "thư mục làng `{folder}` cho mã làng `{key}`, trùng một thư mục của chính cổng "
        "(<địa chỉ cổng>/{key}/)",
        "đổi tên thư mục của làng (ví dụ `lang/ten-lang`), rồi sửa `thu_muc`",
        "the village folder `{folder}` gives the village key `{key}`, one of the portal's own "
        "folders (<portal address>/{key}/)",
        "rename the village's folder (e.g. `lang/ten-lang`), then fix `thu_muc`",
    ),
    "portal.no-portal-address": Message(
        "tệp cổng không có `dia_chi` (địa chỉ của cổng): không kiểm tra được `site_url` của "
        "từng làng (trong một kho, CI đăng mỗi làng ở địa chỉ cổng + mã làng)",
        "thêm `dia_chi: 'https://…/'` (địa chỉ cổng sẽ được đăng) ở đầu tệp cổng, trước khi in "
        "biển của các làng",
        "the portal file has no `dia_chi` (the portal's address): the villages' `site_url` "
        "cannot be checked (in one repository, CI publishes each village at the portal's "
        "address + its key)",
        "add `dia_chi: 'https://…/'` (where the portal will be published) at the top of the "
        "portal file, before printing the villages' plaques",
    ),
    "portal.ci-outside": Message(
        "thư mục `{folder}` ở ngoài kho (ngoài thư mục chứa tệp cổng): máy CI chỉ có các tệp "
        "trong kho",
        "chuyển thư mục của làng vào trong kho, cạnh tệp cổng (ví dụ `lang/ten-lang`), rồi sửa "
        "`thu_muc`; hoặc đặt tệp cổng ở gốc kho chứa mọi làng",
        "the folder `{folder}` is outside the repository (outside the portal file's folder): "
        "the CI machine has only the repository's files",
        "move the village's folder into the repository beside the portal file (e.g. "
        "`lang/ten-lang`) and change `thu_muc`; or keep the portal file at the root of the "
        "repository holding every village",
    ),
    "portal.ci-no-requirements": Message(
        "thư mục làng không có requirements.txt: việc CI của làng này sẽ hỏng ở bước `pip "
        "install -r {folder}/requirements.txt`",
        "chép requirements.txt ở gốc kho (cạnh tệp cổng) vào thư mục `{folder}/`",
        "the village folder has no requirements.txt: this village's CI job will fail at `pip "
        "install -r {folder}/requirements.txt`",
        "copy the requirements.txt at the repository root (beside the portal file) into "
        "`{folder}/`",
    ),
    "portal.ci-nested-ci": Message(
        "tệp CI của riêng làng: GitHub và GitLab chỉ chạy tệp CI ở gốc kho, không bao giờ chạy "
        "tệp này trong thư mục làng",
        "xóa được: việc dựng và đăng làng này đã nằm trong `{ci_file}` của cổng",
        "the village's own CI file: GitHub and GitLab run CI files only at the repository root, "
        "never this one in a village folder",
        "it can be deleted: building and publishing this village is in the portal's `{ci_file}`",
    ),
    "portal.ci-host-mismatch": Message(
        "tệp CI viết cho {ci_name}, nhưng {what_vi} `{value}` là của {host_name}",
        "chạy `langso portal ci {host}` nếu kho ở {host_name}; nếu kho ở {ci_name} thì sửa "
        "địa chỉ (hay `host:`) cho đúng nơi đăng",
        "the CI file is for {ci_name}, but {what_en} `{value}` belongs to {host_name}",
        "run `langso portal ci {host}` if the repository is on {host_name}; if it is on "
        "{ci_name}, fix the address (or `host:`) to match where it is published",
    ),
    "portal.out-unsafe": Message(
        "thư mục ra của cổng chứa `{folder}` (tệp cổng hoặc thư mục của một làng): cổng thay các "
        "thư mục của nó ở đó (`lang/`, `xa/`…) và sẽ xóa mất dữ liệu",
        "chọn một thư mục riêng cho cổng, ví dụ bỏ `--ra` (mặc định `site-cong` cạnh tệp cổng) "
        "hoặc `--ra site-cong`",
        "the portal's output folder holds `{folder}` (the portal file or a village's folder): the "
        "portal replaces its own folders there (`lang/`, `xa/`…) and would delete data",
        "choose a folder of its own for the portal, e.g. leave out `--ra` (default `site-cong` "
        "beside the portal file) or `--ra site-cong`",
    ),
}
