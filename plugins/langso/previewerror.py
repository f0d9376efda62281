"""The page ``langso serve`` shows in the browser while the last rebuild failed.

Plain Python (no MkDocs): :func:`error_page` turns the messages of the failed rebuild (the
lines the terminal printed, each ``content/danh-ba/cho.yml:1: ten: … (en) …``) into one small
HTML page, Vietnamese first, English after. ``langso.cli_preview`` serves it for every page of
the preview until a rebuild succeeds; MkDocs' live-reload script, added to it like to any page,
reloads it then.

    >>> page = error_page(["content/a.yml:1: ten: <sai>"]).decode()
    >>> "<li><pre>content/a.yml:1: ten: &lt;sai&gt;</pre></li>" in page
    True
"""

from __future__ import annotations

from collections.abc import Sequence

from langso.escaping import html_text

__all__ = ["error_page"]

_STYLE = (
    "body{font:1.0625rem/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1a1a1a;"
    "background:#fff}main{max-width:48rem;margin:auto}h1{font-size:1.5rem;color:#a40000}"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;margin:0}"
    "li{margin:0 0 1rem;padding:.75rem;border-left:.25rem solid #a40000;background:#fff4f4}"
)


def error_page(messages: Sequence[str]) -> bytes:
    """UTF-8 HTML of the page stating why the preview could not be rebuilt.

    Args:
        messages: the failed rebuild's warnings and errors, plain text (escaped here, once),
            in the order the terminal printed them; repository-relative paths.
    """
    items = "".join(f"<li><pre>{html_text(message)}</pre></li>" for message in messages)
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<title>Nội dung có lỗi — bản xem trước / The content has mistakes</title>"
        f"<style>{_STYLE}</style></head><body><main>"
        "<h1>Chưa dựng lại được trang web</h1>"
        "<p>Nội dung vừa lưu có lỗi nên bản xem trước chưa dựng lại được. Sửa theo hướng dẫn "
        "dưới đây rồi lưu tệp: trang này tự tải lại khi đã sửa xong.</p>"
        '<p lang="en">The content just saved has mistakes, so the preview could not be '
        "rebuilt. Fix them as told below and save: this page reloads itself once they are "
        "fixed.</p>"
        f"<ol>{items}</ol></main></body></html>"
    ).encode()
