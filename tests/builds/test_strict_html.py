"""``strict_html`` (langso/content), built for real: every script in a page body is a located
error; code that only *shows* a script is not; without the option, HTML is published as written."""

from __future__ import annotations

from tests.conftest import SiteFactory, build_site

PAGE = "content/dia-diem/dinh-lang-phu-my.md"
HOSTILE = """---
title: "Đình làng Phú Mỹ"
---

# Đình làng Phú Mỹ

Chào bà con.

<script>alert(1)</script>

<img src="anh.jpg" alt="" onerror="alert(2)">

Xem [bản đồ](javascript:alert(3)) hoặc [bản khác](jav&#x61;script:alert(4)).

[Tham khảo][ref]

Bấm vào đây.
{ onclick="alert(5)" }

```html
<script>alert("chỉ là ví dụ")</script> <a href="javascript:x" onclick="y">
```

Mã `<img onerror=x>` trong dòng.

## Nguồn

- [Bài viết mẫu](https://example.com/)

[ref]: VBScript:msgbox(6)
"""
STOPPED = (
    "Làng số: {n} lỗi trong nội dung, xem các dòng ở trên — sửa rồi chạy lại."
    " / {n} error(s) in the content, listed above — fix them and run again."
)


NEVER = " (thông báo và lịch không bao giờ được; các trang khác khi bật `strict_html`)"


def content_plugins(strict: bool) -> list[object]:
    return [
        {"langso/content": {"strict_html": True}} if strict else "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
    ]


def test_strict_html_reports_each_script_at_its_line(make_site: SiteFactory) -> None:
    root = make_site(files={PAGE: HOSTILE}, config={"plugins": content_plugins(True)})
    result = build_site(root)
    assert result.messages[-1] == STOPPED.format(n=6)
    # MkDocs' own warning about the obfuscated `javascript:` link ("unrecognized link", in the
    # build's log located since issue 13) is not strict_html's: left out here.
    firsts = [
        m.split("\n")[0]
        for m in result.messages[:-1]
        if m.startswith("content/") and "không chỉ tới một tệp nào" not in m
    ]
    where = "content/dia-diem/dinh-lang-phu-my.md"
    assert firsts == [
        f"{where}:9: trang có thẻ `<script>` chạy mã trên máy người đọc, mà trang này không được"
        f" chạy mã{NEVER} — xóa thẻ `<script>`; muốn nhúng bản đồ hay video thì nhờ người quản"
        " trị trang web",
        f"{where}:11: thẻ `<img>` có thuộc tính `onerror=` chạy mã khi người đọc mở hay bấm,"
        f" mà trang này không được chạy mã{NEVER} — xóa thuộc tính `onerror=…`",
        f"{where}:13: liên kết hoặc ảnh trong thẻ `<a>` dùng địa chỉ `javascript:` chạy mã, mà"
        f" trang này không được chạy mã{NEVER} — dùng địa chỉ bắt đầu bằng `https://`, hoặc"
        " liên kết tới một trang `.md` của sổ tay",
        f"{where}:13: liên kết hoặc ảnh trong thẻ `<a>` dùng địa chỉ `javascript:` chạy mã, mà"
        f" trang này không được chạy mã{NEVER} — dùng địa chỉ bắt đầu bằng `https://`, hoặc"
        " liên kết tới một trang `.md` của sổ tay",
        # a reference link: its address is written in the definition
        f"{where}:30: liên kết hoặc ảnh trong thẻ `<a>` dùng địa chỉ `vbscript:` chạy mã, mà"
        f" trang này không được chạy mã{NEVER} — dùng địa chỉ bắt đầu bằng `https://`, hoặc"
        " liên kết tới một trang `.md` của sổ tay",
        f"{where}:18: thẻ `<p>` có thuộc tính `onclick=` chạy mã khi người đọc mở hay bấm,"
        f" mà trang này không được chạy mã{NEVER} — xóa thuộc tính `onclick=…`",
    ]
    ours = [m for m in result.messages if m.startswith(f"{where}:9: ")]
    assert "\n    (en) the page holds a `<script>` element" in ours[0]
    assert not (root / "site" / "dia-diem").exists()  # stopped before any page was written


def test_without_strict_html_the_page_is_published_as_written(make_site: SiteFactory) -> None:
    root = make_site(files={PAGE: HOSTILE}, config={"plugins": content_plugins(False)})
    result = build_site(root, strict=False)
    assert result.ok, result.text()
    page = result.read("dia-diem/dinh-lang-phu-my/index.html")
    assert "<script>alert(1)</script>" in page  # whoever can merge can publish HTML (docs)
    assert '<a href="javascript:alert(3)">bản đồ</a>' in page


def test_strict_html_accepts_code_that_shows_a_script(make_site: SiteFactory) -> None:
    safe = (
        "# Đình làng Phú Mỹ\n\n```html\n<script>alert(1)</script>\n```\n\n"
        "Gõ `javascript:` hay `onclick=` vào ô này là không được.\n\n"
        '<a href="https://example.com/javascript:">liên kết</a> <img src="a.png" alt="">\n\n'
        "## Nguồn\n\n- [Bài viết mẫu](https://example.com/)\n"
    )
    root = make_site(files={PAGE: safe}, config={"plugins": content_plugins(True)})
    result = build_site(root)
    assert result.ok, result.text()
    assert result.messages == []


def test_notices_and_events_never_run_script_even_without_strict_html(
    make_site: SiteFactory,
) -> None:
    """Issue 15: a notice is posted in haste from a phone, often pasted from a chat."""
    notice = (
        "---\ntitle: 'Họp thôn'\nloai: 'họp thôn'\nngay_dang: '28/11/2026'\n"
        "nguoi_dang: 'Trưởng thôn'\n---\n\n# Họp thôn\n\nNội dung <script>alert(4)</script>.\n"
    )
    event = (
        "---\ntitle: 'Chợ'\nhang_tuan: 'thứ bảy'\n---\n\n# Chợ\n\n"
        '<img src="x" onerror="alert(5)">\n'
    )
    plugins = [*content_plugins(False), "langso/notices", "langso/events"]
    root = make_site(
        files={"content/thong-bao/hop.md": notice, "content/lich/cho.md": event},
        config={"plugins": plugins},
    )
    result = build_site(root)
    firsts = sorted(m.split("\n")[0] for m in result.messages if m.startswith("content/"))
    assert firsts == [
        "content/lich/cho.md:8: thẻ `<img>` có thuộc tính `onerror=` chạy mã khi người đọc mở hay"
        f" bấm, mà trang này không được chạy mã{NEVER} — xóa thuộc tính `onerror=…`",
        "content/thong-bao/hop.md:10: trang có thẻ `<script>` chạy mã trên máy người đọc, mà trang"
        f" này không được chạy mã{NEVER} — xóa thẻ `<script>`; muốn nhúng bản đồ hay video thì"
        " nhờ người quản trị trang web",
    ]
    assert not (root / "site" / "thong-bao").exists()
