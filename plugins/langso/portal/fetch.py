"""Fetch a published village's ``lang-so.json`` over the network, carefully.

:func:`fetch_bytes` uses only :mod:`urllib` (no file, FTP or data handlers at all): ``http`` and
``https`` only, redirects followed only to ``http``/``https`` (a ``Location: file:///…`` is
refused), a timeout on every try (10 s by default) and a deadline for the whole body, 3 tries with
back-off (1 s, 2 s) for failures that may pass (no answer, a dropped connection, HTTP 408, 429 and
5xx; never for 404 or a body too large), and the body capped at
:data:`langso.summary.read.MAX_SUMMARY_BYTES` (a larger ``Content-Length`` is refused before
reading, a body without one is cut at the cap). Failures raise :class:`FetchError` with the reason
in Vietnamese and English.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, Any

from langso.summary.read import MAX_SUMMARY_BYTES

__all__ = ["FetchError", "FetchSettings", "fetch_bytes"]

_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_CHUNK = 64 * 1024
_USER_AGENT = "langso-portal/1 (+https://lang-so.example/)"


@dataclass(frozen=True)
class FetchSettings:
    """How patient a fetch is: ``timeout`` seconds for each try (connecting, each read and the
    whole body), ``tries`` in all, ``backoff`` seconds before the second try (doubled before each
    later one), at most ``max_bytes`` of body. Tests shrink the times."""

    timeout: float = 10.0
    tries: int = 3
    backoff: float = 1.0
    max_bytes: int = MAX_SUMMARY_BYTES


class FetchError(Exception):
    """A fetch that failed for good: ``vi`` and ``en`` say why (no location)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en


class _Retry(Exception):
    """A failure worth another try, carrying the :class:`FetchError` of the last one."""

    def __init__(self, error: FetchError) -> None:
        super().__init__(str(error))
        self.error = error


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to ``http``/``https`` addresses."""

    max_redirections = 5

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
    ) -> Any:
        target = headers.get("Location") or headers.get("URI") or ""
        newurl = urllib.parse.urljoin(req.full_url, target.strip())
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise FetchError(
                f"máy chủ chuyển hướng tới `{newurl[:200]}`, không phải địa chỉ http(s)",
                f"the server redirects to `{newurl[:200]}`, not an http(s) address",
            )
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    """An opener with only what fetching a web page needs (no ``file:``, ``ftp:``, ``data:``)."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _SafeRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch_bytes(
    url: str,
    settings: FetchSettings = FetchSettings(),
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> bytes:
    """The body of ``url`` (an ``http``/``https`` address), trying ``settings.tries`` times.

    Raises:
        FetchError: every try failed, or the failure cannot pass (not http(s), HTTP 4xx, a body
            over ``settings.max_bytes``, a redirect to another kind of address).
    """
    if url.split(":", 1)[0].lower() not in ("http", "https"):
        raise FetchError("chỉ tải được địa chỉ http(s)", "only http(s) addresses are fetched")
    last = FetchError("chưa thử", "not tried")
    for attempt in range(max(1, settings.tries)):
        if attempt:
            sleep(settings.backoff * 2 ** (attempt - 1))
        try:
            return _try_once(url, settings)
        except _Retry as retry:
            last = retry.error
    raise FetchError(
        f"{last.vi} (đã thử {settings.tries} lần)", f"{last.en} (tried {settings.tries} times)"
    )


def _try_once(url: str, settings: FetchSettings) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with _opener().open(request, timeout=settings.timeout) as response:
            return _read_capped(response, settings)
    except FetchError:
        raise
    except urllib.error.HTTPError as error:
        failure = FetchError(
            f"máy chủ trả lời lỗi HTTP {error.code}", f"the server answered HTTP {error.code}"
        )
        if error.code in _RETRY_STATUS:
            raise _Retry(failure) from None
        raise failure from None
    except TimeoutError:
        raise _Retry(
            FetchError(
                f"máy chủ không trả lời trong {settings.timeout:g} giây",
                f"the server did not answer within {settings.timeout:g} seconds",
            )
        ) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise _Retry(
                FetchError(
                    f"máy chủ không trả lời trong {settings.timeout:g} giây",
                    f"the server did not answer within {settings.timeout:g} seconds",
                )
            ) from None
        raise _Retry(
            FetchError(f"không kết nối được ({reason})", f"could not connect ({reason})")
        ) from None
    except (http.client.HTTPException, OSError) as error:
        raise _Retry(
            FetchError(f"kết nối bị ngắt ({error})", f"the connection broke ({error})")
        ) from None


def _read_capped(response: Any, settings: FetchSettings) -> bytes:
    """The body, at most ``settings.max_bytes``, read within ``settings.timeout`` in all."""
    too_large = FetchError(
        f"tệp lớn hơn {settings.max_bytes:,} byte".replace(",", "."),
        f"the file is larger than {settings.max_bytes:,} bytes",
    )
    length = response.headers.get("Content-Length")
    if length is not None and length.strip().isdigit() and int(length) > settings.max_bytes:
        raise too_large
    deadline = time.monotonic() + settings.timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise _Retry(
                FetchError(
                    f"tải quá {settings.timeout:g} giây chưa xong",
                    f"the download took over {settings.timeout:g} seconds",
                )
            )
        chunk = response.read(min(_CHUNK, settings.max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > settings.max_bytes:
            raise too_large
