"""Problems found in a village's content, reported to volunteers in Vietnamese first, English after.

A :class:`Problem` is data: where (repository-relative path, line, field), what (a message kind from
:data:`MESSAGES` and its parameters) and how bad (error or warning). Every loader collects them for
the whole site, so one run lists every mistake; the MkDocs adapters only print and stop.

Printed form (two lines, Vietnamese then English)::

    content/danh-ba/quan-a.yml:4: dien_thoai: khóa `dien_thoai` bị lặp lại (đã có ở dòng 2) — ...
        (en) duplicate key `dien_thoai` (first given on line 2) — ...
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from collections.abc import Mapping as MappingType
from dataclasses import dataclass
from typing import Literal, NamedTuple

__all__ = ["MESSAGES", "Message", "Problem", "ProblemList", "Severity"]

Severity = Literal["error", "warning", "info"]


class Message(NamedTuple):
    """One kind of problem: Vietnamese and English text of what is wrong and how to fix it.

    Each text is a ``str.format`` template filled from :attr:`Problem.params`.
    """

    vi: str
    fix_vi: str
    en: str
    fix_en: str


# Every message kind a volunteer can see. docs/ explains each by its code.
MESSAGES: dict[str, Message] = {
    "yaml.tab": Message(
        "dòng thụt lề bằng phím Tab",
        "YAML chỉ cho phép thụt lề bằng dấu cách: thay mỗi Tab bằng 2 dấu cách",
        "line indented with a Tab",
        "YAML allows only spaces for indentation: replace each Tab with 2 spaces",
    ),
    "yaml.duplicate-key": Message(
        "khóa `{key}` bị lặp lại (đã có ở dòng {first_line})",
        "giữ lại một dòng `{key}` (trường nào nhận nhiều giá trị thì viết thành danh sách)",
        "duplicate key `{key}` (first given on line {first_line})",
        "keep one `{key}` line (a field that takes several values is written as a list)",
    ),
    "yaml.unquoted-colon": Message(
        "giá trị có dấu `: ` nhưng không nằm trong dấu nháy",
        "đặt cả giá trị trong dấu nháy kép: {suggestion}",
        "the value contains `: ` but is not quoted",
        "put the whole value in double quotes: {suggestion}",
    ),
    "yaml.inline-comment": Message(
        "phần sau dấu ` #` bị coi là chú thích và bị bỏ mất: `{lost}`",
        "nếu đó là nội dung, đặt cả giá trị trong dấu nháy kép: {suggestion}; "
        "nếu là chú thích, chuyển nó lên một dòng riêng",
        "everything after ` #` is read as a comment and lost: `{lost}`",
        "if it is content, put the whole value in double quotes: {suggestion}; "
        "if it is a comment, move it to a line of its own",
    ),
    "yaml.indent": Message(
        "dòng này thụt lề sâu hơn dòng trên nhưng dòng trên không mở nhóm mới",
        "các khóa cùng cấp phải thẳng hàng: xóa các dấu cách thừa ở đầu dòng",
        "this line is indented deeper than the line above, which opens no group",
        "keys of the same level must line up: delete the extra spaces at the start of the line",
    ),
    "yaml.syntax": Message(
        "YAML không đọc được: {detail_vi}",
        "kiểm tra thụt lề, dấu `: ` (có dấu cách) sau mỗi khóa và dấu nháy đóng mở đủ cặp",
        "YAML could not be read: {detail}",
        "check the indentation, the `: ` (with a space) after each key and that quotes are closed",
    ),
    "yaml.no-space": Message(
        "thiếu dấu cách sau dấu hai chấm của `{key}`",
        "viết `{key}: ` rồi mới đến giá trị",
        "no space after the colon of `{key}`",
        "write `{key}: ` before the value",
    ),
    "yaml.multiple-documents": Message(
        "tệp có nhiều tài liệu YAML (dòng `---` thứ hai)",
        "xóa dòng `---` thừa hoặc tách thành tệp riêng",
        "the file holds several YAML documents (a second `---` line)",
        "delete the extra `---` line or split the file",
    ),
    "yaml.anchor": Message(
        "không dùng neo YAML `&{name}`",
        "xóa `&{name}`; cần giá trị ở nhiều chỗ thì chép lại giá trị đó vào từng chỗ",
        "YAML anchors (`&{name}`) are not accepted",
        "delete `&{name}`; where a value is needed in several places, copy it into each",
    ),
    "yaml.alias": Message(
        "không dùng tham chiếu YAML `*{name}`",
        "thay `*{name}` bằng chính giá trị đó, viết đầy đủ",
        "YAML aliases (`*{name}`) are not accepted",
        "replace `*{name}` with the value itself, written out in full",
    ),
    "yaml.merge-key": Message(
        "không dùng khóa gộp YAML `<<`",
        "xóa dòng `<<` và viết từng dòng `khóa: giá trị` ra đầy đủ",
        "the YAML merge key `<<` is not accepted",
        "delete the `<<` line and write each `key: value` line out in full",
    ),
    "yaml.tag": Message(
        "không dùng thẻ kiểu YAML `{tag}`",
        "xóa `{tag}` và chỉ viết giá trị (đặt trong dấu nháy nếu cần giữ nguyên chữ)",
        "YAML tags such as `{tag}` are not accepted",
        "delete `{tag}` and write the value alone (in quotes to keep it as typed)",
    ),
    "yaml.too-deep": Message(
        "các nhóm lồng nhau quá sâu (hơn {limit} cấp)",
        "viết lại theo tệp mẫu: không trường nào cần quá vài cấp thụt lề",
        "groups are nested too deeply (more than {limit} levels)",
        "rewrite it after the sample file: no field needs more than a few levels",
    ),
    "yaml.complex-key": Message(
        "khóa phải là một chữ đơn giản",
        "viết khóa dạng `ten_khoa: giá trị`",
        "a key must be plain text",
        "write keys as `key_name: value`",
    ),
    "yaml.not-mapping": Message(
        "tệp phải là các dòng `khóa: giá trị`, nhưng lại là {found_vi}",
        "xem tệp mẫu trong tài liệu và viết theo dạng `khóa: giá trị`",
        "the file must hold `key: value` lines but holds {found_en}",
        "follow the sample file in the docs, as `key: value` lines",
    ),
    "yaml.not-list": Message(
        "tệp phải là một danh sách (mỗi mục bắt đầu bằng `- `), nhưng lại là {found_vi}",
        "viết mỗi mục trên các dòng bắt đầu bằng `- `",
        "the file must hold a list (each item starting with `- `) but holds {found_en}",
        "start each item with `- `",
    ),
    "yaml.empty": Message(
        "tệp trống",
        "điền nội dung theo tệp mẫu hoặc xóa tệp",
        "the file is empty",
        "fill it in from the sample file or delete it",
    ),
    "file.encoding": Message(
        "tệp không phải văn bản UTF-8: {detail_vi}",
        "lưu lại tệp với bảng mã UTF-8, ví dụ trong Notepad: File > Save As, ô Encoding chọn "
        "UTF-8, rồi Save (trong VS Code: bấm tên bảng mã ở góc dưới, Save with Encoding > UTF-8)",
        "the file is not UTF-8 text: {detail_en}",
        "save the file again as UTF-8, e.g. in Notepad: File > Save As, Encoding: UTF-8, then "
        "Save (in VS Code: click the encoding in the status bar, Save with Encoding > UTF-8)",
    ),
    "file.too-large": Message(
        "tệp quá lớn ({size_kb} kB, tối đa {limit_kb} kB)",
        "tách nội dung thành nhiều tệp nhỏ hơn, hoặc kiểm tra xem tệp có bị chép lặp nội dung",
        "the file is too large ({size_kb} kB, at most {limit_kb} kB)",
        "split it into smaller files, or check that nothing was pasted many times over",
    ),
    "text.control-character": Message(
        "có ký tự điều khiển vô hình {char_vi} ở cột {column}",
        "xóa ký tự đó (đặt con trỏ ở cột {column}, hoặc gõ lại cả dòng); muốn xuống dòng thì "
        "dùng phím Enter trong trình soạn thảo văn bản thường, không dán từ Word",
        "an invisible control character {char_en} at column {column}",
        "delete it (put the cursor at column {column}, or retype the whole line); for a new "
        "line press Enter in a plain-text editor rather than pasting from Word",
    ),
    "file.missing": Message(
        "không tìm thấy tệp",
        "tạo tệp này theo mẫu trong tài liệu",
        "file not found",
        "create this file from the sample in the docs",
    ),
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
    "plaque.duplicate-id": Message(
        "mã biển `{id}` đã dùng ở dòng {first_line}; mã biển không bao giờ được dùng lại",
        "đặt mã mới chưa từng dùng cho biển này",
        "plaque id `{id}` is already used on line {first_line}; plaque ids are never reused",
        "give this plaque a new, never-used id",
    ),
    "plaque.target-missing": Message(
        "biển `{id}` dẫn tới `{target}`, nhưng trang này không có trong trang web",
        "sửa `trang` thành đường dẫn một trang đang có (ví dụ `dia-diem/ten-trang.md`); "
        "biển đã in không được để hỏng",
        "plaque `{id}` leads to `{target}`, which is not a page of the site",
        "set `trang` to an existing page (e.g. `dia-diem/page-name.md`); "
        "a printed plaque must never break",
    ),
    "plaque.target-prefix": Message(
        "`trang` không được bắt đầu bằng `{prefix}/`: đường dẫn tính từ bên trong thư mục nội dung",
        "viết `{suggestion}`",
        "`trang` must not start with `{prefix}/`: paths start inside the content folder",
        "write `{suggestion}`",
    ),
    "plaque.replacement-unknown": Message(
        "biển `{id}` được thay bằng `{other}`, nhưng không có biển nào mã `{other}`",
        "sửa `thay_bang` thành mã một biển có trong plaques.yml",
        "plaque `{id}` is replaced by `{other}`, but no plaque has the id `{other}`",
        "set `thay_bang` to the id of a plaque in plaques.yml",
    ),
    "plaque.cycle": Message(
        "các biển thay thế nhau thành vòng tròn (`{id}` → `{other}` → … → `{id}`)",
        "một biển trong vòng phải có `trang` hoặc `ngung`",
        "the replacements go round in a circle (`{id}` → `{other}` → … → `{id}`)",
        "one plaque of the circle needs `trang` or `ngung`",
    ),
    "plaque.printed-missing": Message(
        "biển `{id}` đã in ngày {date} nhưng không còn trong plaques.yml: mã QR trên tường sẽ hỏng",
        "đưa biển trở lại plaques.yml; nếu đã gỡ biển, ghi `thay_bang` hoặc `ngung` thay vì xóa",
        "plaque `{id}` was printed on {date} but is no longer in plaques.yml: its QR code would "
        "break",
        "put it back in plaques.yml; if it was taken down, give it `thay_bang` or `ngung` instead "
        "of deleting it",
    ),
    "plaque.url-changed": Message(
        "biển `{id}` đã in với địa chỉ {printed_url}, nay trang web ở {url}: mã QR đã in sẽ hỏng",
        "giữ nguyên `site_url` cũ trong mkdocs.yml (hoặc giữ trang cũ chạy và chuyển hướng từ "
        "đó); nếu mọi tờ đã in của biển còn ở văn phòng, chạy `langso plaques huy-in {id}` rồi "
        "in lại",
        "plaque `{id}` was printed with {printed_url}, but the site is now at {url}: printed "
        "codes would break",
        "keep the old `site_url` in mkdocs.yml (or keep the old site serving redirects); if "
        "every printed copy is still in the office, run `langso plaques huy-in {id}` and print "
        "again",
    ),
    "plaque.printed-placeholder": Message(
        "biển `{id}` được ghi là đã in ngày {date} với địa chỉ tạm {printed_url}, nay trang web "
        "ở {url}: bản in đó không mở được trang nào",
        "nếu mọi tờ đã in của biển này còn ở văn phòng, chạy `langso plaques huy-in {id}` (ghi "
        "dòng hủy vào sổ, xé bỏ các tờ đó) rồi in lại; nếu biển đã gắn lên tường, gỡ xuống và "
        "làm như vậy",
        "plaque `{id}` is recorded as printed on {date} with the placeholder {printed_url}, but "
        "the site is now at {url}: that print opens no page",
        "if every printed copy is still in the office, run `langso plaques huy-in {id}` (it "
        "records the void; destroy the copies) and print again; if it was mounted, take it "
        "down and do the same",
    ),
    "plaque.repointed": Message(
        "biển `{id}` đã in ngày {date} (trên biển ghi “{name}”) để dẫn tới `{printed_target}`, "
        "nay `trang` là `{target}`: biển trên tường sẽ mở sai nơi. Biển đã in chỉ được dẫn tới "
        "nơi đã in, tới biển thay thế (`thay_bang`) hoặc lời nhắn ngừng (`ngung`)",
        "nơi khác thì cấp biển mới với mã mới (`langso new plaque`), đặt lại "
        "`trang: '{printed_target}'` hoặc gỡ biển cũ bằng `thay_bang: '<mã mới>'` hay `ngung`; "
        "nếu chỉ đổi tên tệp trang (vẫn một nơi), thêm dòng `trang_cu: '{printed_target}'`",
        "plaque `{id}` was printed on {date} (it reads “{name}”) to lead to `{printed_target}`, "
        "but `trang` is now `{target}`: the plaque on the wall would open the wrong place. A "
        "printed plaque may only lead to the place it was printed for, its replacement "
        "(`thay_bang`) or its retirement notice (`ngung`)",
        "for another place issue a new plaque with a new id (`langso new plaque`), and set "
        "`trang: '{printed_target}'` back or take the old plaque down with "
        "`thay_bang: '<new id>'` or `ngung`; if only the page file was renamed (the same place), "
        "add the line `trang_cu: '{printed_target}'`",
    ),
    "plaque.renamed-page-exists": Message(
        "`trang_cu` nói trang `{printed_target}` của biển `{id}` đã đổi tên thành `{target}`, "
        "nhưng `{printed_target}` vẫn còn trong trang web: đó là hai nơi, không phải đổi tên",
        "nếu đã đổi tên tệp, xóa tệp cũ `{printed_target}`; nếu biển nay dẫn tới nơi khác, bỏ "
        "`trang_cu`, đặt lại `trang: '{printed_target}'` và cấp biển mới với mã mới",
        "`trang_cu` says the page `{printed_target}` of plaque `{id}` was renamed `{target}`, "
        "but `{printed_target}` is still in the site: these are two places, not a rename",
        "if the file was renamed, delete the old `{printed_target}`; if the plaque now leads "
        "elsewhere, remove `trang_cu`, set `trang: '{printed_target}'` back and issue a new "
        "plaque with a new id",
    ),
    "plaque.printed-target-unknown": Message(
        "biển `{id}` đã in ngày {date} và đã gỡ trước khi sổ biển đã in ghi trang đích, nên "
        "không biết biển dẫn tới đâu khi in; nay biển lại có `trang: '{target}'`",
        "giữ `thay_bang` hoặc `ngung` và cấp biển mới với mã mới cho `{target}`; nếu chắc chắn "
        "`{target}` là nơi đã in, ghi `{target}` vào cột trang của dòng {record_line} trong "
        "{record}",
        "plaque `{id}` was printed on {date} and taken down before the record kept targets, so "
        "where it led when printed is not known; it now has `trang: '{target}'` again",
        "keep `thay_bang` or `ngung` and issue a new plaque with a new id for `{target}`; if you "
        "are sure `{target}` is the place printed, write it in the page column of line "
        "{record_line} of {record}",
    ),
    "record.bad-line": Message(
        "dòng không đúng dạng `mã | ngày in | địa chỉ trong mã QR | trang | tên trên biển`: "
        "`{text}`",
        "viết ví dụ `dinh | 2026-11-01 | https://ten.github.io/kho/q/dinh/ | dia-diem/dinh.md "
        "| Đình làng` (mỗi biển một dòng, các cột cách nhau bằng ` | `)",
        "the line is not `id | printed | URL in the QR code | page | name on the plaque`: `{text}`",
        "write e.g. `dinh | 2026-11-01 | https://name.github.io/repo/q/dinh/ | dia-diem/dinh.md "
        "| Đình làng` (one plaque a line, columns separated by ` | `)",
    ),
    "record.bad-date": Message(
        "cột ngày in `{date}` không phải một ngày có thật: `{text}`",
        "viết ngày in dạng `2026-11-01` (năm-tháng-ngày) hoặc `01/11/2026` (ngày/tháng/năm); "
        "nếu dòng bị sửa, lấy lại dòng đúng từ lịch sử git (`git log -p {record}`)",
        "the printing-day column `{date}` is not a real day: `{text}`",
        "write the day as `2026-11-01` (year-month-day) or `01/11/2026` (day/month/year); if "
        "the line was edited, restore it from the git history (`git log -p {record}`)",
    ),
    "record.url-id": Message(
        "cột địa chỉ `{url}` không phải địa chỉ của biển `{id}` (địa chỉ của biển này kết thúc "
        "bằng `{short}`): mã biển và địa chỉ trong dòng không khớp nhau: `{text}`",
        "mỗi dòng ghi một biển: sửa cột mã hoặc cột địa chỉ cho khớp, đúng như đã in trên biển; "
        "nếu dòng bị sửa, lấy lại dòng đúng từ lịch sử git (`git log -p {record}`)",
        "the URL column `{url}` is not the address of plaque `{id}` (this plaque's address ends "
        "with `{short}`): the line's id and URL do not match: `{text}`",
        "one plaque a line: correct the id or the URL column to match what is printed on the "
        "plaque; if the line was edited, restore it from the git history "
        "(`git log -p {record}`)",
    ),
    "plaque.target-not-page": Message(
        "biển `{id}` có `trang: '{target}'`, nhưng tệp này không phải một trang: `trang` phải là "
        "trang `.md` hoặc tệp danh bạ `{services_dir}/*.yml`. Biển như vậy không có địa chỉ "
        "ngắn, mã QR in ra sẽ dẫn tới trang “404 không tìm thấy”",
        "viết đường dẫn của trang `.md` (ví dụ `dia-diem/dinh-lang.md`) hoặc của tệp nơi đó "
        "trong danh bạ (ví dụ `{services_dir}/tram-y-te.yml`), tính từ thư mục nội dung",
        "plaque `{id}` has `trang: '{target}'`, but that file is not a page: `trang` must be a "
        "page (.md) or a service file {services_dir}/*.yml. Such a plaque gets no short URL, "
        "and its printed QR code would lead to “404 not found”",
        "write the path of a `.md` page (e.g. `dia-diem/dinh-lang.md`) or of the place's file "
        "in the directory (e.g. `{services_dir}/tram-y-te.yml`), from the content folder",
    ),
    "plaque.printed-unrecorded": Message(
        "biển `{id}` có `ngay_in: '{date}'` (đã in), nhưng sổ biển đã in {record} không có dòng "
        "nào của biển này: sổ đã mất dòng đó (bị xóa hay sửa), và không có dòng ấy thì không "
        "kiểm tra được biển trên tường còn dẫn tới đúng nơi đã in không",
        "lấy lại đúng dòng cũ từ lịch sử git (`git log -p {record}`) và chép vào {record} (sổ "
        "chỉ được ghi thêm, không xóa, không sửa dòng nào); nếu biển in cách khác mà chưa ghi "
        "sổ, thêm dòng `{line}` (cột trang là nơi biển dẫn tới lúc in); nếu biển chưa từng in "
        "hoặc bản in đã hủy, xóa dòng `ngay_in`",
        "plaque `{id}` has `ngay_in: '{date}'` (printed), but the record of printed plaques "
        "{record} has no line for it: the record lost that line (deleted or edited), and "
        "without it nothing can check that the plaque on the wall still leads to the place it "
        "was printed for",
        "restore the old line exactly from the git history (`git log -p {record}`) into "
        "{record} (the record is append-only: never delete or edit a line); if the plaque was "
        "printed another way and never recorded, add the line `{line}` (the page column is "
        "where it led when printed); if it was never printed or its print was voided, delete "
        "the `ngay_in` line",
    ),
    "record.no-target": Message(
        "dòng của biển `{id}` theo dạng cũ, chưa ghi trang biển dẫn tới khi in, nên chưa kiểm "
        "tra được biển có bị đổi nơi dẫn tới không",
        "chạy `langso plaques migrate` để ghi vào sổ trang hiện tại của mỗi biển trong "
        "plaques.yml, rồi xem lại từng dòng (biển có dẫn tới đúng nơi đã in không) trước khi "
        "commit",
        "the line of plaque `{id}` is in the old format, without the page it led to when "
        "printed, so a change of its target cannot be checked",
        "run `langso plaques migrate` to fill in each plaque's current page from plaques.yml, "
        "then check every line (does each plaque lead to the place it was printed for?) before "
        "committing",
    ),
    "plaque.too-dense": Message(
        "mã QR của biển `{id}` cần phiên bản {version}, vượt mức tối đa {max_version}",
        "rút ngắn `site_url` hoặc mã biển, hoặc tăng `max_version` nếu biển in đủ lớn",
        "the QR code of plaque `{id}` needs version {version}, above the maximum {max_version}",
        "shorten `site_url` or the plaque id, or raise `max_version` for a plaque printed large",
    ),
    "record.void-unknown": Message(
        "dòng hủy bản in của biển `{id}`, nhưng trước dòng này sổ không có bản in nào của biển "
        "`{id}` còn hiệu lực",
        "xóa dòng này nếu gõ nhầm (dòng hủy chỉ do `langso plaques huy-in` ghi), hoặc sửa mã "
        "biển cho đúng",
        "the line voids the print of plaque `{id}`, but no print of `{id}` is in force before it",
        "delete this line if it was typed by mistake (void lines are written by "
        "`langso plaques huy-in`), or correct the plaque id",
    ),
    "print.placeholder-url": Message(
        "`{url}` không phải địa chỉ thật của trang: {why_vi}. Biển in với địa chỉ này không mở "
        "được trang nào, và biển đã in thì không thu hồi được",
        "sửa `site_url` thành địa chỉ thật của trang (ví dụ {shape}) rồi in lại; muốn xem thử "
        "thì chạy `langso plaques print --thu` (mỗi tờ có chữ BẢN IN THỬ, không ghi sổ)",
        "`{url}` is not the site's real address: {why_en}. Plaques printed with it open no page, "
        "and a printed plaque cannot be recalled",
        "set `site_url` to the site's real address (e.g. {shape}) and print again; for a trial, "
        "run `langso plaques print --thu` (every sheet marked BẢN IN THỬ, nothing recorded)",
    ),
    "print.host-mismatch": Message(
        "`{url}` là địa chỉ {host}, nhưng kho này đăng trang lên {other}: mã QR sẽ dẫn tới nơi "
        "không có trang",
        "viết địa chỉ {other} của trang ({other_shape}) hoặc tên miền riêng của xã; in thử: "
        "`--thu`",
        "`{url}` is a {host} address, but this repository publishes to {other}: the QR codes "
        "would lead where the site is not",
        "write the site's {other} address ({other_shape}) or the commune's own domain; for a "
        "trial: `--thu`",
    ),
    "print.host-redirects": Message(
        "`{url}` là địa chỉ GitHub Pages, nhưng `langso/plaques` có `redirect_pages: false`: "
        "GitHub Pages không đọc tệp `_redirects`, nên mọi địa chỉ ngắn `q/<mã>/` sẽ báo "
        "“404 không tìm thấy”",
        "xóa dòng `redirect_pages: false` khỏi `langso/plaques` trong mkdocs.yml (trang chuyển "
        "hướng HTML chạy trên GitHub Pages); in thử: `--thu`",
        "`{url}` is a GitHub Pages address, but `langso/plaques` has `redirect_pages: false`: "
        "GitHub Pages reads no `_redirects` file, so every short address `q/<id>/` would be "
        "“404 not found”",
        "remove `redirect_pages: false` from `langso/plaques` in mkdocs.yml (HTML redirect "
        "pages work on GitHub Pages); for a trial: `--thu`",
    ),
    "print.host-path": Message(
        "`{url}` có đường dẫn sau tên miền, nhưng {host} đăng trang ở gốc tên miền ({shape}): "
        "mã QR sẽ dẫn tới nơi không có trang",
        "viết `site_url: {root}`; in thử: `--thu`",
        "`{url}` has a path after the domain, but {host} serves a site at the root of its "
        "domain ({shape}): the QR codes would lead where the site is not",
        "write `site_url: {root}`; for a trial: `--thu`",
    ),
    "print.sample-target": Message(
        "biển `{id}` dẫn tới `{target}`, là dữ liệu mẫu (`du_lieu_mau` ở {source}:{line}): biển "
        "in ra sẽ gắn lên tường cho một nơi chưa có thật, và không thu hồi được",
        "điền thông tin thật vào {source} rồi xóa dòng `du_lieu_mau`, hoặc chưa in biển này "
        "(bỏ khỏi plaques.yml); in thử: `--thu`",
        "plaque `{id}` leads to `{target}`, which is sample data (`du_lieu_mau` at "
        "{source}:{line}): the printed plaque would go on a wall for a place not yet real, and "
        "cannot be recalled",
        "fill in the real details in {source} and delete the `du_lieu_mau` line, or do not "
        "print this plaque yet (take it out of plaques.yml); for a trial: `--thu`",
    ),
    "print.starter-target": Message(
        "biển `{id}` dẫn tới `{target}`, trang còn chữ mẫu (ở {source}:{line}): biển in ra sẽ "
        "gắn lên tường cho một trang chưa viết, và không thu hồi được",
        'viết nội dung thật vào {source} (xóa mọi chữ mẫu, cả hộp "Trang mẫu") rồi in, hoặc '
        "chưa in biển này; in thử: `--thu`",
        "plaque `{id}` leads to `{target}`, a page still holding starter text (at "
        "{source}:{line}): the printed plaque would go on a wall for a page not yet written, "
        "and cannot be recalled",
        'write the real content into {source} (delete all starter text, the "Trang mẫu" box '
        "too), then print, or do not print this plaque yet; for a trial: `--thu`",
    ),
    "page.url-clash": Message(
        "tệp này và `{other}` cùng ra địa chỉ `{url}` (tên chỉ khác nhau ở dấu)",
        "đổi tên một trong hai tệp",
        "this file and `{other}` would both be published at `{url}` (names differ only in accents)",
        "rename one of the two files",
    ),
    "page.listing-clash": Message(
        "tệp này ra địa chỉ `{url}`, trùng với trang danh sách tự sinh `{page}`",
        "đổi tên tệp, ví dụ thêm tên thôn hay tên người vào tên tệp",
        "this file would be published at `{url}`, the address of the generated list page `{page}`",
        "rename the file, e.g. add the hamlet's or the owner's name to it",
    ),
    "frontmatter.not-mapping": Message(
        "phần đầu trang (giữa hai dòng `---`) phải là các dòng `khóa: giá trị`",
        'viết ví dụ: title: "Tên trang"',
        "the front matter (between the `---` lines) must hold `key: value` lines",
        'write e.g. title: "Page title"',
    ),
    "frontmatter.misplaced": Message(
        "phần đầu trang không nằm ngay dòng đầu tiên hoặc không mở bằng đúng ba dấu `---`, "
        "nên sẽ bị in ra trang như chữ thường",
        "xóa các dòng trống phía trên và gõ lại dòng mở, dòng đóng là `---` (ba dấu trừ; trình "
        "soạn thảo có thể đã đổi chúng thành dấu gạch dài)",
        "the front matter is not on the very first line or does not open with exactly `---`, "
        "so it would be printed on the page as text",
        "delete the blank lines above it and retype the opening and closing lines as `---` "
        "(three hyphens; a word processor may have turned them into a dash)",
    ),
    "frontmatter.unknown-key": Message(
        "khóa `{key}` không được dùng{did_you_mean_vi}",
        "{fix_vi}",
        "the key `{key}` is not used{did_you_mean_en}",
        "{fix_en}",
    ),
    "frontmatter.template-missing": Message(
        "không có mẫu trang `{template}` trong giao diện",
        "xóa dòng `template:`, hoặc sửa thành tên một tệp `.html` có trong thư mục {where_vi}",
        "the theme has no page template `{template}`",
        "delete the `template:` line, or name an `.html` file of the folder {where_en}",
    ),
    "frontmatter.icon-missing": Message(
        "giao diện không có biểu tượng `{icon}`",
        "xóa dòng `icon:`, hoặc chọn một tên có trong bộ biểu tượng của Material for MkDocs "
        "(ví dụ `material/church`)",
        "the theme has no icon `{icon}`",
        "delete the `icon:` line, or choose a name from Material for MkDocs' icon set "
        "(e.g. `material/church`)",
    ),
    "page.no-title": Message(
        "trang không có tiêu đề; tên tệp sẽ được dùng, mất dấu tiếng Việt",
        'thêm dòng `# Tiêu đề` ở đầu nội dung, hoặc `title: "Tiêu đề"` ở phần đầu trang',
        "the page has no title; its file name would be used, without Vietnamese accents",
        'add a `# Title` line at the top of the content, or `title: "Title"` in the front matter',
    ),
    "page.no-sources": Message(
        "trang nói về lịch sử, địa điểm nhưng không có mục `## Nguồn`",
        "thêm cuối trang mục `## Nguồn` liệt kê các bài báo, tài liệu đã dùng (kèm liên kết)",
        "the page states history or facts but has no `## Nguồn` (sources) section",
        "add a `## Nguồn` section at the end listing the articles and documents used, with links",
    ),
    "guide.no-steps": Message(
        "hướng dẫn chưa có mục `## Các bước`",
        "ngay dưới tiêu đề trang, thêm mục `## Các bước` với các bước đánh số `1.`, `2.`, `3.`…; "
        "phần giải thích để sau, trong mục `## Tìm hiểu thêm`",
        "the guide has no `## Các bước` (steps) section",
        "right under the page's title, add a `## Các bước` section with steps numbered `1.`, "
        "`2.`, `3.`…; put the explanations after it, under `## Tìm hiểu thêm`",
    ),
    "guide.steps-late": Message(
        "mục `{heading}` đứng trước `## Các bước` (dòng {steps_line}): bà con phải đọc hết nó "
        "mới tới các bước",
        "chuyển mục `{heading}` xuống dưới các bước, ví dụ vào mục `## Tìm hiểu thêm`; trước "
        "các bước chỉ được có một câu mở đầu và mục `## Cần chuẩn bị`",
        "the section `{heading}` comes before `## Các bước` (line {steps_line}): readers must "
        "read through it to reach the steps",
        "move `{heading}` below the steps, e.g. into a `## Tìm hiểu thêm` section; only an "
        "opening sentence and a `## Cần chuẩn bị` section may come before the steps",
    ),
    "guide.steps-not-numbered": Message(
        "mục `## Các bước` không có danh sách đánh số",
        "viết mỗi bước trên một dòng riêng, bắt đầu bằng `1.`, `2.`, `3.`…",
        "the `## Các bước` section has no numbered list",
        "write each step on a line of its own starting with `1.`, `2.`, `3.`…",
    ),
    "village.help-unknown": Message(
        "không có dịch vụ `{id}` trong danh bạ{did_you_mean_vi}",
        "{fix_vi}",
        "there is no service `{id}` in the directory{did_you_mean_en}",
        "{fix_en}",
    ),
    "page.heading-clash": Message(
        "tiêu đề `{heading}` và tiêu đề `{other}` ở dòng {other_line} cùng ra mã liên kết "
        "`#{id}` (mã bỏ dấu), nên tiêu đề nào nhận mã nào tùy thứ tự trên trang: đổi thứ tự là "
        "liên kết đã chia sẻ mở nhầm tiêu đề",
        "đặt cho tiêu đề này một mã riêng ở cuối dòng, ví dụ `{suggestion}`",
        "the heading `{heading}` and the heading `{other}` on line {other_line} both make the "
        "link id `#{id}` (ids drop accents), so which gets which depends on their order on the "
        "page: reordering them makes shared links open the wrong heading",
        "give this heading an id of its own at the end of the line, e.g. `{suggestion}`",
    ),
    "page.heading-no-id": Message(
        "tiêu đề `{heading}` không có chữ hay số để làm mã liên kết, nên nhận mã `#{id}` theo vị "
        "trí trên trang; mã đó đổi khi thêm hay bớt tiêu đề",
        "thêm chữ vào tiêu đề, hoặc đặt mã ở cuối dòng, ví dụ `{suggestion}`",
        "the heading `{heading}` has no letter or digit to make a link id from, so it gets "
        "`#{id}` by its position on the page, which changes when headings are added or removed",
        "add words to the heading, or give it an id at the end of the line, e.g. `{suggestion}`",
    ),
    "frontmatter.unclosed": Message(
        "phần đầu trang mở bằng `---` nhưng không có dòng `---` đóng lại",
        "thêm một dòng `---` ngay sau dòng cuối của phần đầu trang",
        "the front matter opens with `---` but is never closed",
        "add a `---` line right after the last front-matter line",
    ),
    # --- `strict_html` (langso/content): no script in a page body ------------------------------
    "html.script": Message(
        "trang có thẻ `<script>`, mà trang web bật `strict_html` không cho chạy mã trong bài",
        "xóa thẻ `<script>`; muốn nhúng bản đồ hay video thì nhờ người quản trị trang web",
        "the page holds a `<script>` element, and this site's `strict_html` allows no script in"
        " pages",
        "delete the `<script>` element; ask the site's maintainers to embed a map or a video",
    ),
    "html.event-handler": Message(
        "thẻ `<{tag}>` có thuộc tính `{what}=` chạy mã khi người đọc mở hay bấm, mà trang web"
        " bật `strict_html`",
        "xóa thuộc tính `{what}=…`",
        "the `<{tag}>` element has an `{what}=` attribute that runs script when the reader opens"
        " or clicks, and this site has `strict_html` on",
        "delete the `{what}=…` attribute",
    ),
    "html.script-url": Message(
        "liên kết hoặc ảnh trong thẻ `<{tag}>` dùng địa chỉ `{what}` chạy mã, mà trang web bật"
        " `strict_html`",
        "dùng địa chỉ bắt đầu bằng `https://`, hoặc liên kết tới một trang `.md` của sổ tay",
        "a link or image on a `<{tag}>` element uses a `{what}` address, which runs script, and"
        " this site has `strict_html` on",
        "use an address starting with `https://`, or link to a `.md` page of the guidebook",
    ),
    # --- `langso check`: MkDocs' own warnings, located and translated -------------------------
    "page.link-missing": Message(
        "liên kết `{link}` dẫn tới `{target}`, nhưng không có tệp này trong thư mục nội dung",
        "sửa đường dẫn thành một tệp `.md` có thật, tính từ thư mục của trang này{hint_vi}",
        "the link `{link}` leads to `{target}`, which is not a file of the content folder",
        "point it at an existing `.md` file, relative to this page's folder{hint_en}",
    ),
    "page.link-data-file": Message(
        "liên kết `{link}` dẫn tới tệp dữ liệu YAML, không phải một trang",
        "liên kết tới trang sinh từ tệp đó: viết `{suggestion}`",
        "the link `{link}` leads to a YAML data file, not a page",
        "link to the page made from it: write `{suggestion}`",
    ),
    "page.image-missing": Message(
        "ảnh `{link}` không có: không thấy tệp `{target}` trong thư mục nội dung",
        "chép ảnh vào đúng chỗ đó hoặc sửa đường dẫn (tính từ thư mục của trang này){hint_vi}",
        "the image `{link}` is missing: there is no file `{target}` in the content folder",
        "copy the image there or correct the path (relative to this page's folder){hint_en}",
    ),
    "page.anchor-missing": Message(
        "liên kết `{link}` trỏ tới mục `#{anchor}`, nhưng {page_vi} không có mục nào mang mã này",
        "sửa phần sau `#` thành mã của một tiêu đề có thật: chữ thường, không dấu, nối bằng `-` "
        "(`## Đường đi` → `#duong-di`)",
        "the link `{link}` points to the section `#{anchor}`, but {page_en} has no such section",
        "change the part after `#` to the id of an existing heading: lower case, no accents, "
        "joined by `-` (`## Đường đi` → `#duong-di`)",
    ),
    "page.link-absolute": Message(
        "liên kết `{link}` bắt đầu bằng `/` nên sẽ hỏng khi trang web nằm trong thư mục con",
        "viết đường dẫn tương đối tới tệp `.md`, tính từ thư mục của trang này{hint_vi}",
        "the link `{link}` starts with `/`, so it breaks when the site lives in a sub-folder",
        "write a relative path to the `.md` file, from this page's folder{hint_en}",
    ),
    "page.link-unrecognized": Message(
        "liên kết `{link}` không chỉ tới một tệp nào",
        "chỉ tới tệp `.md` của trang, ví dụ `thu-muc/index.md`{hint_vi}",
        "the link `{link}` does not name a file",
        "point it at the page's `.md` file, e.g. `folder/index.md`{hint_en}",
    ),
    "page.not-in-nav": Message(
        "trang `{page}` không có trong mục `nav:` nên không hiện trong trình đơn",
        "thêm dòng `- {page}` vào `nav:` trong mkdocs.yml, hoặc xóa cả mục `nav:` để trình đơn "
        "tự liệt kê mọi trang",
        "the page `{page}` is not in `nav:`, so it is missing from the menu",
        "add a line `- {page}` to `nav:` in mkdocs.yml, or remove the whole `nav:` so the menu "
        "lists every page",
    ),
    "nav.target-missing": Message(
        "`nav:` nhắc tới `{page}`, nhưng không có trang này",
        "sửa đường dẫn (tính từ thư mục nội dung) hoặc xóa dòng này khỏi `nav:`",
        "`nav:` names `{page}`, which is not a page of the site",
        "correct the path (from the content folder) or delete the line from `nav:`",
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
    "page.starter-text": Message(
        "trang còn chữ mẫu của `langso new`: `{text}`{more_vi}",
        "thay bằng nội dung thật của trang, hoặc xóa dòng đó",
        "the page still holds the starter text of `langso new`: `{text}`{more_en}",
        "replace it with the page's real content, or delete the line",
    ),
    "photo.unreadable": Message(
        "không đọc được ảnh ({detail}); tệp được đăng nguyên trạng",
        "mở ảnh trên máy tính để kiểm tra, lưu lại dạng JPEG hoặc PNG rồi thay tệp này",
        "the photo could not be read ({detail}); the file is published as it is",
        "open it on a computer to check it, save it again as JPEG or PNG, and replace this file",
    ),
}


@dataclass(frozen=True)
class Problem:
    """One mistake in the content, located for the volunteer.

    Attributes:
        path: file path relative to the repository root, with ``/`` separators.
        line: 1-based line number, or ``None`` when the problem concerns the whole file.
        field: the YAML key or front-matter field, dotted for nested values (``dia_chi.thon``).
        code: a key of :data:`MESSAGES`.
        params: values for the message templates.
        severity: ``"error"`` stops the build; ``"warning"`` stops it only with ``--strict``;
            ``"info"`` is only listed.
    """

    path: str
    line: int | None
    code: str
    field: str | None = None
    params: MappingType[str, object] = dataclasses.field(
        default_factory=dict, hash=False, compare=False
    )
    severity: Severity = "error"

    @property
    def location(self) -> str:
        """``path:line:`` (or ``path:`` without a line), followed by ``field:`` if known."""
        where = f"{self.path}:{self.line}:" if self.line else f"{self.path}:"
        return f"{where} {self.field}:" if self.field else where

    def text(self, lang: Literal["vi", "en"]) -> str:
        """Return the message and fix in one language, without the location."""
        message = MESSAGES[self.code]
        params = {"field": self.field or "", **self.params}
        if lang == "vi":
            return f"{message.vi.format(**params)} — {message.fix_vi.format(**params)}"
        return f"{message.en.format(**params)} — {message.fix_en.format(**params)}"

    def format(self) -> str:
        """Return the two-line report: location and Vietnamese, then English indented."""
        return f"{self.location} {self.text('vi')}\n    (en) {self.text('en')}"

    def __str__(self) -> str:
        return self.format()


class ProblemList:
    """The problems found in one run, in the order found."""

    def __init__(self, problems: Iterable[Problem] = ()) -> None:
        self._items: list[Problem] = list(problems)

    def add(self, problem: Problem) -> None:
        """Record ``problem``."""
        self._items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """Record every problem of ``problems``."""
        self._items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build."""
        return [p for p in self._items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """The problems that stop the build only in strict mode."""
        return [p for p in self._items if p.severity == "warning"]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)
