"""Messages ``yaml.*``, ``file.*``, ``text.*``: reading a content file (its bytes, its text,
its YAML syntax).

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

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
    "yaml.unclosed-quote": Message(
        "giá trị mở dấu nháy `{quote}` ở dòng này mà không đóng: YAML đọc gộp các dòng sau vào"
        " giá trị này {until_vi}",
        "thiếu dấu nháy đóng `{quote}` ở cuối dòng {close_line}: viết `{suggestion}`",
        "the value opens a quote `{quote}` on this line and never closes it: YAML reads the next"
        " lines into it {until_en}",
        "the closing quote `{quote}` is missing at the end of line {close_line}: write"
        " `{suggestion}`",
    ),
    "yaml.unclosed-bracket": Message(
        "giá trị mở dấu `{bracket}` ở dòng này mà không đóng: YAML đọc gộp các dòng sau vào"
        " giá trị này {until_vi}",
        "thiếu dấu đóng `{closer}` ở cuối dòng {close_line}: viết `{suggestion}`",
        "the value opens `{bracket}` on this line and never closes it: YAML reads the next"
        " lines into it {until_en}",
        "the closing `{closer}` is missing at the end of line {close_line}: write `{suggestion}`",
    ),
    "yaml.missing-colon": Message(
        "thiếu dấu `:` sau tên trường `{key}`: YAML đọc dòng này gộp với dòng sau và chỉ báo"
        " lỗi ở dòng {stop_line}",
        "thêm dấu `:` ngay sau `{key}`: viết `{suggestion}`",
        "the field name `{key}` has no `:` after it: YAML reads this line and the next as one"
        " and reports the error only at line {stop_line}",
        "add `:` right after `{key}`: write `{suggestion}`",
    ),
    "yaml.no-space": Message(
        "thiếu dấu cách sau dấu hai chấm của `{key}`",
        "viết `{key}: ` rồi mới đến giá trị",
        "no space after the colon of `{key}`",
        "write `{key}: ` before the value",
    ),
    "yaml.lookalike-colon": Message(
        "sau khóa `{key}` là dấu `{char}` ({name_vi}), không phải dấu hai chấm `:` của YAML",
        "thay dấu `{char}` ({name_vi}) bằng dấu `:`: viết `{suggestion}`",
        "the key `{key}` is followed by `{char}` ({name_en}), not YAML's colon `:`",
        "replace `{char}` ({name_en}) with `:`: write `{suggestion}`",
    ),
    "yaml.odd-space": Message(
        "dòng của khóa `{key}` có {name_vi} ở chỗ YAML cần dấu cách thường",
        "xóa khoảng trắng đó rồi gõ lại bằng phím cách (hoặc gõ lại cả dòng): `{suggestion}`",
        "the line of the key `{key}` holds {name_en} where YAML needs a plain space",
        "delete that blank and type it again with the space bar (or retype the line): "
        "`{suggestion}`",
    ),
    "yaml.curly-quotes": Message(
        "giá trị nằm trong dấu nháy cong `{open}…{close}` (điện thoại hoặc trình soạn thảo"
        " như Word đã tự đổi dấu nháy thẳng thành nháy cong): trang sẽ hiện cả hai dấu này",
        'gõ dấu nháy thẳng `"` hoặc bỏ hẳn dấu nháy: `{inner}` (trên điện thoại, tắt "Dấu câu'
        ' thông minh" / Smart Punctuation trong cài đặt bàn phím)',
        "the value is wrapped in curly quotes `{open}…{close}` (the phone or a word processor"
        " turned straight quotes curly): the page will show both of them",
        'type straight quotes `"` or none: `{inner}` (on a phone, turn off Smart Punctuation'
        " in the keyboard settings)",
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
}
