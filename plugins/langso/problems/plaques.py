"""Messages ``plaque.*``, ``record.*``, ``print.*``, ``sheet.*``: QR plaques (the registry, the
record of printed plaques, printing, the build's PDF sheets).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
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
    "print.too-small": Message(
        "khổ {paper} không chứa được mã QR của {count} biển đọc từ {distance_vi} m (quy tắc "
        "10:1: cần mã rộng tới {side_vi} mm kể cả lề trắng 4 ô) ở {registry}: {ids_vi}; "
        "khổ này chỉ chứa được mã của mọi biển đó nếu đọc từ tối đa {reach_vi} m",
        "in khổ {papers_vi} (`--paper`), hoặc đặt `--distance-m {reach_vi}` hay nhỏ hơn nếu "
        "người đọc đứng gần biển hơn",
        "{paper} cannot hold the QR codes of {count} plaque(s) read from {distance} m (10:1 rule: "
        "codes up to {side} mm wide with their 4-module quiet zone) in {registry}: "
        "{ids}; it holds all of them only if read from {reach} m at most",
        "print on {papers} (`--paper`), or set `--distance-m {reach}` or less if readers stand "
        "closer to the plaques",
    ),
    "print.too-small-any": Message(
        "khổ {paper} không chứa được mã QR của {count} biển đọc từ {distance_vi} m (quy tắc "
        "10:1: cần mã rộng tới {side_vi} mm kể cả lề trắng 4 ô), và không khổ giấy nào chứa "
        "được hết, ở {registry}: {ids_vi}; khổ này chỉ chứa được mã của mọi biển "
        "đó nếu đọc từ tối đa {reach_vi} m",
        "đặt `--distance-m {reach_vi}` hay nhỏ hơn, và gắn biển ở chỗ người đọc đứng gần hơn",
        "{paper} cannot hold the QR codes of {count} plaque(s) read from {distance} m (10:1 rule: "
        "codes up to {side} mm wide with their 4-module quiet zone), and no paper holds them "
        "all, in {registry}: {ids}; it holds all of them only if read from "
        "{reach} m at most",
        "set `--distance-m {reach}` or less, and mount the plaques where readers stand closer",
    ),
    "sheet.too-small": Message(
        "tờ in {paper} (`print_sheets` ở `langso/plaques`) không chứa được mã QR của {count} "
        "biển đọc từ {distance_vi} m (quy tắc 10:1: cần mã rộng tới {side_vi} mm kể cả lề trắng "
        "4 ô): {ids_vi}; khổ này chỉ chứa được mã của mọi biển đó nếu đọc từ tối đa {reach_vi} m",
        "trong mkdocs.yml, ở `langso/plaques`, đổi {paper} trong `print_sheets` thành {papers_vi}, "
        "hoặc đặt `print_distance_m: {reach}` hay nhỏ hơn nếu người đọc đứng gần biển hơn",
        "the {paper} sheet (`print_sheets` under `langso/plaques`) cannot hold the QR codes of "
        "{count} plaque(s) read from {distance} m (10:1 rule: codes up to {side} mm wide with "
        "their 4-module quiet zone): {ids}; it holds all of them only if read from {reach} m "
        "at most",
        "in mkdocs.yml, under `langso/plaques`, change {paper} in `print_sheets` to {papers}, or "
        "set `print_distance_m: {reach}` or less if readers stand closer to the plaques",
    ),
    "sheet.too-small-any": Message(
        "tờ in {paper} (`print_sheets` ở `langso/plaques`) không chứa được mã QR của {count} "
        "biển đọc từ {distance_vi} m (quy tắc 10:1: cần mã rộng tới {side_vi} mm kể cả lề trắng "
        "4 ô), và không khổ giấy nào chứa được hết: {ids_vi}; khổ này chỉ chứa được mã của mọi "
        "biển đó nếu đọc từ tối đa {reach_vi} m",
        "trong mkdocs.yml, ở `langso/plaques`, đặt `print_distance_m: {reach}` hay nhỏ hơn, và "
        "gắn biển ở chỗ người đọc đứng gần hơn",
        "the {paper} sheet (`print_sheets` under `langso/plaques`) cannot hold the QR codes of "
        "{count} plaque(s) read from {distance} m (10:1 rule: codes up to {side} mm wide with "
        "their 4-module quiet zone), and no paper holds them all: {ids}; it holds all of them "
        "only if read from {reach} m at most",
        "in mkdocs.yml, under `langso/plaques`, set `print_distance_m: {reach}` or less, and "
        "mount the plaques where readers stand closer",
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
}
