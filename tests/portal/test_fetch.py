"""Fetching a published village's summary: a real local HTTP server in threads, short timeouts.

The server's villages: ``/tot/`` answers, ``/chap-chon/`` answers 500 then 200, ``/im-lang/``
never answers, ``/file/`` redirects to ``file://``, ``/lon/`` serves 6 MB (``/lon-khong-do-dai/``
without a Content-Length), ``/hong/`` serves text that is not JSON, ``/khong-co/`` is 404.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from langso.portal.fetch import FetchError, FetchSettings, fetch_bytes
from tests.portal.http_villages import GOOD, Server, serve

FAST = FetchSettings(timeout=0.5, tries=3, backoff=0.0)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def test_a_good_site_and_a_redirect_within_http(
    server: Server,
) -> None:
    base, hits, _ = server
    assert fetch_bytes(f"{base}/tot/lang-so.json", FAST) == GOOD
    assert fetch_bytes(f"{base}/doi-cho/lang-so.json", FAST) == GOOD
    assert hits == {"/tot/lang-so.json": 2, "/doi-cho/lang-so.json": 1}


def test_a_500_is_tried_again_with_back_off(
    server: Server,
) -> None:
    base, hits, _ = server
    waits: list[float] = []
    settings = FetchSettings(timeout=0.5, tries=3, backoff=1.0)
    assert fetch_bytes(f"{base}/chap-chon/lang-so.json", settings, sleep=waits.append) == GOOD
    assert hits == {"/chap-chon/lang-so.json": 2}
    assert waits == [1.0]


def test_no_answer_is_tried_three_times_then_explained(
    server: Server,
) -> None:
    base, hits, _ = server
    waits: list[float] = []
    settings = FetchSettings(timeout=0.3, tries=3, backoff=1.0)
    with pytest.raises(FetchError) as caught:
        fetch_bytes(f"{base}/im-lang/lang-so.json", settings, sleep=waits.append)
    assert (caught.value.vi, caught.value.en) == (
        "máy chủ không trả lời trong 0.3 giây (đã thử 3 lần)",
        "the server did not answer within 0.3 seconds (tried 3 times)",
    )
    assert hits == {"/im-lang/lang-so.json": 3}
    assert waits == [1.0, 2.0]


def test_a_redirect_to_file_is_refused_at_once(
    server: Server,
) -> None:
    base, hits, _ = server
    with pytest.raises(FetchError) as caught:
        fetch_bytes(f"{base}/file/lang-so.json", FAST)
    assert caught.value.vi == (
        "máy chủ chuyển hướng tới `file:///etc/passwd`, không phải địa chỉ http(s)"
    )
    assert hits == {"/file/lang-so.json": 1}


@pytest.mark.parametrize("path", ["/lon/lang-so.json", "/lon-khong-do-dai/lang-so.json"])
def test_six_megabytes_are_refused(server: Server, path: str) -> None:
    base, hits, _ = server
    with pytest.raises(FetchError) as caught:
        fetch_bytes(base + path, FAST)
    assert caught.value.en == "the file is larger than 5,242,880 bytes"
    assert caught.value.vi == "tệp lớn hơn 5.242.880 byte"
    assert hits == {path: 1}  # not tried again: it will not shrink


def test_404_is_not_tried_again(server: Server) -> None:
    base, hits, _ = server
    with pytest.raises(FetchError) as caught:
        fetch_bytes(f"{base}/khong-co/lang-so.json", FAST)
    assert caught.value.vi == "máy chủ trả lời lỗi HTTP 404"
    assert hits == {"/khong-co/lang-so.json": 1}


def test_only_http_addresses_are_fetched() -> None:
    for url in ("file:///etc/passwd", "ftp://example.org/lang-so.json", "data:,{}"):
        with pytest.raises(FetchError) as caught:
            fetch_bytes(url, FAST)
        assert caught.value.vi == "chỉ tải được địa chỉ http(s)"


def test_a_refused_connection_is_explained() -> None:
    # Port 9 (discard) on the loopback: nothing listens there in the test machine.
    with pytest.raises(FetchError) as caught:
        fetch_bytes("http://127.0.0.1:9/lang-so.json", FetchSettings(timeout=0.5, backoff=0.0))
    assert caught.value.vi.startswith("không kết nối được (")
    assert caught.value.vi.endswith("(đã thử 3 lần)")
