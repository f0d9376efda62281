"""The preview's address (``langso serve -a 127.0.0.1:8000``): read, checked, and probed before
the first build, so a volunteer learns at once, in words, that the port is taken.

Plain Python (no MkDocs). MkDocs itself reads ``dev_addr`` as ``IP:PORT`` (an IP address or
``localhost``, :class:`mkdocs.config.config_options.IpAddress`) but lets a port outside
0..65535 reach ``socket.bind`` (an ``OverflowError`` traceback), and binds only after the whole
first build, ending in ``OSError: [Errno 98] Address already in use``::

    >>> parse_address("127.0.0.1:8000")
    ('127.0.0.1', 8000)
    >>> parse_address("[::1]:8001")
    ('::1', 8001)

Errors are :class:`AddressError`, whose text is Vietnamese first, then English, and names the
option to type (``-a 127.0.0.1:8001``).
"""

from __future__ import annotations

import errno
import ipaddress
import socket

__all__ = [
    "DEFAULT_ADDRESS",
    "AddressError",
    "check_free",
    "free_port_after",
    "in_use_error",
    "parse_address",
]

DEFAULT_ADDRESS = "127.0.0.1:8000"
"""MkDocs' default ``dev_addr``."""

_SEARCH = 50
"""How many ports after a taken one :func:`free_port_after` tries."""


class AddressError(ValueError):
    """An unusable or taken preview address: the message to print as it is (vi, then en)."""


def _example(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"-a {shown}:{port}"


def parse_address(value: str) -> tuple[str, int]:
    """``(host, port)`` of ``IP:PORT`` as MkDocs takes it (``localhost`` allowed).

    Raises:
        AddressError: no ``:``, a host that is not an IP address, or a port not in 1..65535.
    """
    text = value.strip()
    host, sep, port_text = text.rpartition(":")
    host = host.strip("[]")
    problem = None
    if not sep or not host:
        problem = ("thiếu cổng", "the port is missing")
    elif not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        problem = ("cổng phải là số từ 1 đến 65535", "the port must be a number from 1 to 65535")
    elif host != "localhost":
        try:
            ipaddress.ip_address(host)
        except ValueError:
            problem = ("trước dấu `:` phải là địa chỉ IP", "before the `:` must be an IP address")
    if problem is not None:
        raise AddressError(
            f"-a {value}: địa chỉ không đúng dạng IP:CỔNG ({problem[0]}) — ví dụ "
            f"`langso serve {_example('127.0.0.1', 8001)}`\n"
            f"    (en) not an IP:PORT address ({problem[1]}) — e.g. "
            f"`langso serve {_example('127.0.0.1', 8001)}`"
        )
    return host, int(port_text)


def _bindable(host: str, port: int) -> OSError | None:
    """The error binding ``host:port`` gives, as the preview server would bind it (with
    ``SO_REUSEADDR``, like :class:`http.server.HTTPServer`), or ``None`` when it is free."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        return error
    return None


def free_port_after(host: str, port: int) -> int | None:
    """The first port after ``port`` that ``host`` can serve on (up to 50 tried), or ``None``."""
    for candidate in range(port + 1, min(port + 1 + _SEARCH, 65536)):
        if _bindable(host, candidate) is None:
            return candidate
    return None


def in_use_error(host: str, port: int) -> AddressError:
    """The message for a taken ``host:port``, suggesting a free port to type."""
    other = free_port_after(host, port) or (8001 if port != 8001 else 8002)
    example = f"langso serve {_example(host, other)}"
    return AddressError(
        f"{host}:{port}: cổng {port} đang được một chương trình khác dùng (có thể là một "
        f"`langso serve` hay `mkdocs serve` còn chạy trong cửa sổ khác) — dừng chương trình đó "
        f"bằng Ctrl+C, hoặc chọn cổng khác: `{example}`\n"
        f"    (en) port {port} is already in use (perhaps by another `langso serve` or "
        f"`mkdocs serve`) — stop it with Ctrl+C, or pick another port: `{example}`"
    )


def check_free(host: str, port: int) -> None:
    """Raise :class:`AddressError` when the preview cannot listen on ``host:port``.

    Raises:
        AddressError: the port is taken, or the address is not one of this machine's.
    """
    error = _bindable(host, port)
    if error is None:
        return
    if error.errno == errno.EADDRINUSE:
        raise in_use_error(host, port)
    if error.errno == errno.EACCES:
        raise AddressError(
            f"{host}:{port}: không được phép dùng cổng {port} (cổng dưới 1024 cần quyền quản "
            f"trị) — chọn cổng khác: `langso serve {_example(host, 8001)}`\n"
            f"    (en) not allowed to use port {port} — pick another: "
            f"`langso serve {_example(host, 8001)}`"
        )
    raise AddressError(
        f"{host}:{port}: máy này không phục vụ được ở địa chỉ {host} ({error.strerror}) — dùng "
        f"`langso serve {_example('127.0.0.1', port)}`\n"
        f"    (en) this machine cannot serve on {host} — use "
        f"`langso serve {_example('127.0.0.1', port)}`"
    )
