"""Messages ``page.*``, ``frontmatter.*``, ``guide.*``, ``html.*``, ``nav.*``: pages (front
matter, guides, headings and links, ``strict_html``, the navigation).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
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
    "frontmatter.too-large": Message(
        "phần đầu trang (giữa hai dòng `---`) quá lớn ({size_kb} kB, tối đa {limit_kb} kB)",
        "đưa phần chữ dài xuống nội dung trang, bên dưới dòng `---` thứ hai",
        "the front matter (between the `---` lines) is too large ({size_kb} kB, at most"
        " {limit_kb} kB)",
        "move the long text into the page's body, below the second `---` line",
    ),
    "frontmatter.section-key": Message(
        "khóa `{key}` chỉ có tác dụng với trang trong thư mục `{folder}/`, ở đây nó không làm gì",
        "chuyển tệp này vào thư mục `{folder}/` nếu đó là việc bạn muốn, hoặc xóa dòng này",
        "the key `{key}` only works on pages in the folder `{folder}/`; here it does nothing",
        "move this file into `{folder}/` if that is what you meant, or delete the line",
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
    "html.unknown-tag": Message(
        "`{tag}` trông như một thẻ HTML nên chữ trong dấu ngoặc nhọn sẽ không hiện trên trang",
        "muốn viết dấu ngoặc nhọn thì gõ `\\{tag}` (thêm dấu `\\` phía trước), hoặc dùng"
        " ngoặc khác: «{inner}»",
        "`{tag}` looks like an HTML tag, so the words in the angle brackets would not show on"
        " the page",
        "to write the brackets, type `\\{tag}` (a `\\` before it), or use other brackets:"
        " «{inner}»",
    ),
    "html.script": Message(
        "trang có thẻ `<script>` chạy mã trên máy người đọc, mà trang này không được chạy mã"
        " (thông báo và lịch không bao giờ được; các trang khác khi bật `strict_html`)",
        "xóa thẻ `<script>`; muốn nhúng bản đồ hay video thì nhờ người quản trị trang web",
        "the page holds a `<script>` element, which runs on the reader's phone, and this page may"
        " run no script (notices and events never; other pages with `strict_html` on)",
        "delete the `<script>` element; ask the site's maintainers to embed a map or a video",
    ),
    "html.event-handler": Message(
        "thẻ `<{tag}>` có thuộc tính `{what}=` chạy mã khi người đọc mở hay bấm, mà trang này"
        " không được chạy mã (thông báo và lịch không bao giờ được; các trang khác khi bật"
        " `strict_html`)",
        "xóa thuộc tính `{what}=…`",
        "the `<{tag}>` element has an `{what}=` attribute that runs script when the reader opens"
        " or clicks, and this page may run no script (notices and events never; other pages with"
        " `strict_html` on)",
        "delete the `{what}=…` attribute",
    ),
    "html.script-url": Message(
        "liên kết hoặc ảnh trong thẻ `<{tag}>` dùng địa chỉ `{what}` chạy mã, mà trang này không"
        " được chạy mã (thông báo và lịch không bao giờ được; các trang khác khi bật"
        " `strict_html`)",
        "dùng địa chỉ bắt đầu bằng `https://`, hoặc liên kết tới một trang `.md` của sổ tay",
        "a link or image on a `<{tag}>` element uses a `{what}` address, which runs script, and"
        " this page may run no script (notices and events never; other pages with `strict_html`"
        " on)",
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
        "thêm dòng `- {page}` vào `nav:` trong mkdocs.yml, dưới các trang cùng thư mục "
        "(`langso new` tự thêm dòng này cho trang nó tạo)",
        "the page `{page}` is not in `nav:`, so it is missing from the menu",
        "add a line `- {page}` to `nav:` in mkdocs.yml, under the pages of its folder "
        "(`langso new` adds this line for the pages it makes)",
    ),
    "nav.target-missing": Message(
        "`nav:` nhắc tới `{page}`, nhưng không có trang này",
        "sửa đường dẫn (tính từ thư mục nội dung) hoặc xóa dòng này khỏi `nav:`",
        "`nav:` names `{page}`, which is not a page of the site",
        "correct the path (from the content folder) or delete the line from `nav:`",
    ),
    "page.starter-text": Message(
        "trang còn chữ mẫu của `langso new`: `{text}`{more_vi}",
        "thay bằng nội dung thật của trang, hoặc xóa dòng đó",
        "the page still holds the starter text of `langso new`: `{text}`{more_en}",
        "replace it with the page's real content, or delete the line",
    ),
}
