"""Messages ``event.*``, ``date.*``: the events calendar (``lich/``) and dates as volunteers type
them, issue 15.

See :class:`langso.problems.Message` for the fields.
"""

from langso.problems.message import Message

__all__ = ["MESSAGES"]

MESSAGES: dict[str, Message] = {
    "event.generated-path": Message(
        "tệp này chiếm địa chỉ `{page}`, nơi lịch tự sinh trang lịch hoặc tệp `.ics`",
        "xóa hoặc đổi tên tệp này: trang lịch `{folder}/index.md` và các tệp `.ics` được tạo"
        " tự động từ các trang sự kiện",
        "this file takes `{page}`, where the calendar generates its agenda or an `.ics` file",
        "delete or rename this file: the agenda `{folder}/index.md` and the `.ics` files are"
        " generated from the event pages",
    ),
    "event.no-front-matter": Message(
        "trang này nằm trong thư mục lịch nhưng không có phần đầu `---` nói tên và ngày của sự"
        " kiện",
        "thêm ở đầu tệp: một dòng `---`, `title: ...`, một dòng ngày (ví dụ `ngay: 15/01/2027`"
        " hoặc `ngay_am: 10/3`) rồi một dòng `---`; hoặc chuyển trang ra khỏi thư mục lịch",
        "this page is in the calendar folder but has no `---` block giving the event's name and"
        " date",
        "add at the top of the file: a `---` line, `title: ...`, a date line (e.g. `ngay:"
        " 15/01/2027` or `ngay_am: 10/3`) and a `---` line; or move the page out of the calendar"
        " folder",
    ),
}
