"""What free static hosts accept, and whether a built site fits.

Each host's limits (:data:`HOST_LIMITS`) with the page that states them. Sizes are in bytes; a
"GB" of a host's documentation is taken as 10⁹ bytes (the smaller reading), a MiB as 2²⁰.

- **Cloudflare Pages** (Free plan): 20,000 files a site, 25 MiB a file; no total size stated.
  https://developers.cloudflare.com/pages/platform/limits/
- **GitHub Pages**: a published site is at most 1 GB (and a deployment times out after 10
  minutes); no file count stated.
  https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits .
  A village's files live in its repository first, and GitHub blocks a push holding a file
  larger than 100 MiB ("About large files on GitHub"):
  https://docs.github.com/en/repositories/working-with-files/managing-large-files/about-large-files-on-github
  — so 100 MiB a file. GitLab.com's documentation states no such limit for the Free tier that we
  could find (December 2026): none is checked.
- **GitLab Pages** on GitLab.com: 1 GB a site and 200,000 file entries (folders and links count
  too) today; https://docs.gitlab.com/user/gitlab_com/#gitlab-pages . GitLab proposes 30,000 for
  the Free tier (https://gitlab.com/gitlab-org/gitlab/-/issues/500273): a commune's project is
  on the Free tier, and a site built for 200,000 would break the day the proposal lands, so the
  budget here is 30,000. A self-managed GitLab sets its own (its default size is 100 MB): give
  them with the ``host_max_*`` options of ``langso/reader``.
- **Netlify**: its documentation states no limit on the number or size of a site's files that
  we could find (searched December 2026); no budget is checked, only the numbers are reported.
  https://docs.netlify.com/

:func:`check_output` walks a built folder once (``os.scandir``, one ``stat`` a file) and returns
a :class:`Finding` for each measure from 80 % of its limit (``warning``: "sắp chạm giới hạn")
and over 100 % (``error``: the host would refuse the site). Messages are Vietnamese first,
English after, and name the number, the limit, the host and what to do.

No MkDocs here: ``langso/reader`` (each village) and ``langso portal`` (the portal) call it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal
from urllib.parse import urlsplit

__all__ = [
    "HOST_LIMITS",
    "STRICTEST",
    "WARN_FRACTION",
    "Finding",
    "HostLimits",
    "SiteSize",
    "check_output",
    "describe",
    "host_of",
    "limits_for",
    "measure",
]

GB = 1_000_000_000
MIB = 1 << 20

WARN_FRACTION = 0.8
"""From this share of a limit on, a measure is reported as a warning."""


@dataclass(frozen=True)
class HostLimits:
    """What one host accepts for one site; ``None``: no limit stated.

    Attributes:
        key: ``github``, ``gitlab``, ``netlify``, ``cloudflare`` (as ``langso init --host``).
        name: shown in messages (``GitHub Pages``).
        max_files: files a site may hold.
        max_file_bytes: bytes of the largest file.
        max_total_bytes: bytes of all files together.
        counts_folders: the host counts folders as entries too (GitLab Pages).
        sources: the pages stating these numbers.
        name_en: ``name`` in English, when it differs.
    """

    key: str
    name: str
    max_files: int | None
    max_file_bytes: int | None
    max_total_bytes: int | None
    counts_folders: bool = False
    sources: tuple[str, ...] = ()
    name_en: str = ""
    """``name`` in the English half of a message, when it differs."""


HOST_LIMITS: Mapping[str, HostLimits] = MappingProxyType(
    {
        "cloudflare": HostLimits(
            "cloudflare",
            "Cloudflare Pages",
            max_files=20_000,
            max_file_bytes=25 * MIB,
            max_total_bytes=None,
            sources=("https://developers.cloudflare.com/pages/platform/limits/",),
        ),
        "github": HostLimits(
            "github",
            "GitHub Pages",
            max_files=None,
            max_file_bytes=100 * MIB,
            max_total_bytes=1 * GB,
            sources=(
                "https://docs.github.com/en/pages/getting-started-with-github-pages/"
                "github-pages-limits",
                "https://docs.github.com/en/repositories/working-with-files/managing-large-files/"
                "about-large-files-on-github",
            ),
        ),
        "gitlab": HostLimits(
            "gitlab",
            "GitLab Pages",
            max_files=30_000,
            max_file_bytes=None,
            max_total_bytes=1 * GB,
            counts_folders=True,
            sources=(
                "https://docs.gitlab.com/user/gitlab_com/#gitlab-pages",
                "https://gitlab.com/gitlab-org/gitlab/-/issues/500273",
            ),
        ),
        "netlify": HostLimits(
            "netlify",
            "Netlify",
            max_files=None,
            max_file_bytes=None,
            max_total_bytes=None,
            sources=("https://docs.netlify.com/",),
        ),
    }
)
"""Each host's limits, by the key ``langso init --host`` takes (see the module docstring)."""

STRICTEST = HostLimits(
    "chat-nhat",
    "nơi đăng chặt nhất",
    max_files=20_000,  # Cloudflare Pages
    max_file_bytes=25 * MIB,  # Cloudflare Pages
    max_total_bytes=1 * GB,  # GitHub Pages, GitLab Pages
    counts_folders=True,  # GitLab Pages
    sources=tuple(source for host in HOST_LIMITS.values() for source in host.sources),
    name_en="the strictest host",
)
"""The smallest of every limit, for a site whose host is not known."""

_DOMAINS = (
    (".github.io", "github"),
    (".gitlab.io", "gitlab"),
    (".netlify.app", "netlify"),
    (".pages.dev", "cloudflare"),
)


def host_of(site_url: str | None) -> str | None:
    """The host key a site's address names (``https://x.github.io/lang/`` → ``github``), or
    ``None`` for another domain (a commune's own domain can be on any host) or no address."""
    hostname = (urlsplit(site_url or "").hostname or "").lower().rstrip(".")
    for domain, key in _DOMAINS:
        if hostname == domain[1:] or hostname.endswith(domain):
            return key
    return None


def limits_for(
    host: str | None,
    site_url: str | None = None,
    *,
    max_files: int | None = None,
    max_file_bytes: int | None = None,
    max_total_bytes: int | None = None,
) -> tuple[HostLimits, str | None]:
    """The limits a build checks: ``host`` if given, else the host of ``site_url``, else
    :data:`STRICTEST`; any ``max_*`` given replaces that limit (a self-managed GitLab).

    Returns:
        The limits and, when the host was guessed or defaulted, a note saying so (Vietnamese,
        English) to show with any finding.

    Raises:
        ValueError: ``host`` is not a key of :data:`HOST_LIMITS`.
    """
    note = None
    if host is not None:
        if host not in HOST_LIMITS:
            names = ", ".join(sorted(HOST_LIMITS))
            raise ValueError(
                f"không có nơi đăng `{host}` — chọn một trong: {names} / "
                f"unknown host `{host}` — choose one of: {names}"
            )
        limits = HOST_LIMITS[host]
    elif (guessed := host_of(site_url)) is not None:
        limits = HOST_LIMITS[guessed]
        note = (
            f"Nơi đăng đoán theo site_url: {limits.name}; sai thì đặt `host:` cho langso/reader. / "
            f"Host guessed from site_url: {limits.name}; set `host:` on langso/reader if wrong."
        )
    else:
        limits = STRICTEST
        note = (
            "Không rõ nơi đăng (site_url không phải github.io, gitlab.io, netlify.app hay "
            "pages.dev): dùng giới hạn chặt nhất — 20.000 tệp và thư mục, 25 MiB một tệp "
            "(Cloudflare Pages), 1 GB cả trang (GitHub Pages); đặt `host:` cho langso/reader "
            "để dùng đúng nơi đăng. / Host unknown: the strictest limits are used (20,000 "
            "files and folders, 25 MiB a file as Cloudflare Pages, 1 GB a site as GitHub "
            "Pages); set `host:` on "
            "langso/reader."
        )
    overrides = {
        name: value
        for name, value in (
            ("max_files", max_files),
            ("max_file_bytes", max_file_bytes),
            ("max_total_bytes", max_total_bytes),
        )
        if value is not None
    }
    if overrides:
        limits = replace(limits, **overrides)  # type: ignore[arg-type]
    return limits, note


@dataclass(frozen=True)
class SiteSize:
    """A built folder, measured.

    Attributes:
        files: regular files (and links, counted as files, not followed).
        folders: folders below the root.
        total_bytes: bytes of all files.
        biggest_bytes: bytes of the largest file (0 for none).
        biggest: its path relative to the root, with ``/`` (``""`` for none).
    """

    files: int
    folders: int
    total_bytes: int
    biggest_bytes: int
    biggest: str


def measure(site_dir: str | os.PathLike[str]) -> SiteSize:
    """Walk ``site_dir`` once: files, folders, bytes, the largest file.

    Raises:
        OSError: the folder cannot be read.
    """
    files = folders = total = biggest_bytes = 0
    biggest = ""
    stack = [os.fspath(site_dir)]
    root_len = len(stack[0].rstrip(os.sep)) + 1
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders += 1
                    stack.append(entry.path)
                    continue
                files += 1
                size = entry.stat(follow_symlinks=False).st_size
                total += size
                if size > biggest_bytes or (size == biggest_bytes and entry.path < biggest):
                    biggest_bytes, biggest = size, entry.path
    rel = biggest[root_len:].replace(os.sep, "/") if biggest else ""
    return SiteSize(files, folders, total, biggest_bytes, rel)


Measure = Literal["files", "file_bytes", "total_bytes"]


@dataclass(frozen=True)
class Finding:
    """One measure of a site near or over its host's limit.

    Attributes:
        level: ``warning`` from :data:`WARN_FRACTION` of the limit, ``error`` over it.
        measure: ``files``, ``file_bytes`` (the largest file) or ``total_bytes``.
        value: the site's number; limit: the host's.
        path: the largest file (``file_bytes`` only), relative to the site.
        message: Vietnamese, then `` / `` and English.
    """

    level: Literal["warning", "error"]
    measure: Measure
    value: int
    limit: int
    path: str | None
    message: str


def _vi_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _size(value: int, vi: bool) -> str:
    """``1,50 GB`` / ``24,3 MiB`` / ``812 KB`` / ``300 byte`` (decimal comma when ``vi``)."""
    if value >= GB:
        text = f"{value / GB:.2f} GB"
    elif value >= MIB:
        text = f"{value / MIB:.1f} MiB"
    elif value >= 10_000:
        text = f"{value / 1000:.0f} KB"
    else:
        return f"{value} byte" if vi else f"{value} bytes"
    return text.replace(".", ",") if vi else text


def _percent(value: int, limit: int) -> int:
    return int(value * 100 // limit)


_WHAT_TO_DO = {
    "files": (
        "bớt tệp: tắt tờ in PDF của biển (langso/plaques `print_sheets: []`), bớt cỡ ảnh "
        "(langso/photos `widths`), hoặc tách thành nhiều trang — mỗi thôn một trang "
        "(docs/cong-tinh.md)",
        "fewer files: turn off the plaques' PDF print sheets (langso/plaques `print_sheets: "
        "[]`), fewer photo sizes (langso/photos `widths`), or split the site, one per village "
        "(docs/cong-tinh.md)",
    ),
    "file_bytes": (
        "chuyển tệp lớn (video, PDF, bản đồ nền) sang nơi khác và dẫn liên kết tới đó, hoặc "
        "cắt nhỏ tệp",
        "move the big file (video, PDF, base map) elsewhere and link to it, or make it smaller",
    ),
    "total_bytes": (
        "thu nhỏ ảnh (`langso photos fix`), tắt tờ in PDF của biển, chuyển tệp lớn sang nơi "
        "khác, hoặc tách thành nhiều trang — mỗi thôn một trang (docs/cong-tinh.md)",
        "shrink photos (`langso photos fix`), turn off the plaques' PDF print sheets, move big "
        "files elsewhere, or split the site, one per village (docs/cong-tinh.md)",
    ),
}


def _message(
    level: str, what: Measure, value: int, limit: int, path: str | None, host: HostLimits
) -> str:
    pct = _percent(value, limit)
    name, name_en = host.name, host.name_en or host.name
    if what == "files":
        noun_vi = "tệp và thư mục" if host.counts_folders else "tệp"
        noun_en = "files and folders" if host.counts_folders else "files"
        have_vi, have_en = (
            f"Trang có {_vi_int(value)} {noun_vi}",
            f"The site has {value:,} {noun_en}",
        )
        lim_vi = f"giới hạn {_vi_int(limit)} {noun_vi} một trang của {name}"
        lim_en = f"the limit of {limit:,} {noun_en} a site on {name_en}"
    elif what == "file_bytes":
        have_vi = f"Tệp {path} nặng {_size(value, True)}"
        have_en = f"The file {path} weighs {_size(value, False)}"
        lim_vi = f"giới hạn {_size(limit, True)} một tệp của {name}"
        lim_en = f"the limit of {_size(limit, False)} a file on {name_en}"
    else:
        have_vi = f"Cả trang nặng {_size(value, True)}"
        have_en = f"The whole site weighs {_size(value, False)}"
        lim_vi = f"giới hạn {_size(limit, True)} cả trang của {name}"
        lim_en = f"the limit of {_size(limit, False)} a site on {name_en}"
    todo_vi, todo_en = _WHAT_TO_DO[what]
    if level == "error":
        return (
            f"{have_vi}, vượt {lim_vi} ({pct} %): nơi đăng sẽ không nhận bản này — {todo_vi}. / "
            f"{have_en}, over {lim_en} ({pct} %): the host will refuse it — {todo_en}."
        )
    return (
        f"{have_vi}, sắp chạm {lim_vi} ({pct} %) — {todo_vi}. / "
        f"{have_en}, near {lim_en} ({pct} %) — {todo_en}."
    )


def check_output(
    site_dir: str | os.PathLike[str], host: str | HostLimits, size: SiteSize | None = None
) -> list[Finding]:
    """The measures of the built folder ``site_dir`` near or over the limits of ``host`` (a key
    of :data:`HOST_LIMITS` or limits of its own, as tests give), errors first; ``[]`` when
    the site fits with room to spare. ``size``: the folder already measured.

    Raises:
        KeyError: ``host`` is not a key of :data:`HOST_LIMITS`.
        OSError: the folder cannot be read.
    """
    limits = HOST_LIMITS[host] if isinstance(host, str) else host
    size = size if size is not None else measure(site_dir)
    entries = size.files + size.folders if limits.counts_folders else size.files
    checks: list[tuple[Measure, int, int | None, str | None]] = [
        ("files", entries, limits.max_files, None),
        ("file_bytes", size.biggest_bytes, limits.max_file_bytes, size.biggest),
        ("total_bytes", size.total_bytes, limits.max_total_bytes, None),
    ]
    found: list[Finding] = []
    for what, value, limit, path in checks:
        if not limit:
            continue
        if value > limit:
            level: Literal["warning", "error"] = "error"
        elif value >= limit * WARN_FRACTION:
            level = "warning"
        else:
            continue
        found.append(
            Finding(
                level, what, value, limit, path, _message(level, what, value, limit, path, limits)
            )
        )
    found.sort(key=lambda finding: finding.level != "error")
    return found


def describe(size: SiteSize) -> str:
    """One line of numbers for a report: ``1.234 tệp, 56 thư mục, 12,3 MiB (lớn nhất: x.pdf
    2,1 MiB) / 1,234 files, …``."""
    return (
        f"{_vi_int(size.files)} tệp, {_vi_int(size.folders)} thư mục, "
        f"{_size(size.total_bytes, True)} (lớn nhất: {size.biggest or '—'} "
        f"{_size(size.biggest_bytes, True)}) / {size.files:,} files, {size.folders:,} folders, "
        f"{_size(size.total_bytes, False)} (largest: {size.biggest or '—'} "
        f"{_size(size.biggest_bytes, False)})"
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m langso.hosts THƯ_MỤC [--host github|gitlab|netlify|cloudflare]``: print the
    folder's numbers and every finding; exit 1 when over a limit, else 0 (CI runs it on a
    portal with its villages, the whole site one host serves)."""
    import sys

    from langso.cli_text import VietnameseArgumentParser

    parser = VietnameseArgumentParser(
        prog="python -m langso.hosts",
        description="So một thư mục đã dựng với giới hạn của nơi đăng. / Check a built folder "
        "against a host's limits.",
    )
    parser.add_argument("folder", metavar="THƯ_MỤC/DIR")
    parser.add_argument("--host", choices=sorted(HOST_LIMITS))
    args = parser.parse_args(argv)
    limits, note = limits_for(args.host)
    size = measure(args.folder)
    print(f"{args.folder}: {describe(size)}")
    findings = check_output(args.folder, limits, size)
    for finding in findings:
        print(f"{args.folder}: {finding.message}", file=sys.stderr)
    if findings and note:
        print(f"    {note}", file=sys.stderr)
    return 1 if any(finding.level == "error" for finding in findings) else 0


if __name__ == "__main__":
    raise SystemExit(main())
