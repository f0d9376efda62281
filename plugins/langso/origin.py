"""Where a new village's publishing host installs Làng số from: the ``requirements.txt`` line.

Core code (no MkDocs import). Làng số is not on the Python Package Index, so the line is one of
(pip's "direct reference" form, PEP 440/508)::

    langso @ git+https://github.com/<owner>/lang-so@<tag or commit>   # a git repository
    langso @ https://<host>/langso-0.1.0.tar.gz                       # a published archive
    langso @ file:///…/lang-so                                       # this machine only (trials)

:func:`requirement_from` turns what a volunteer gives ``langso init --nguon`` (a requirement, a
git or archive URL, or a local folder) into that line; :func:`installed_requirement` finds it
from how Làng số was installed on this machine (pip's ``direct_url.json``, PEP 610): a git URL
with its commit, an archive URL, or, for a local checkout, its git remote with the checked-out
commit pinned. Whatever cannot be known is refused with :class:`SourceError` naming the option to
give: a placeholder (``example.com``, ``github.com/example/…``) never reaches ``requirements.txt``,
which the host executes on every push (issue 13).
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from packaging.requirements import InvalidRequirement, Requirement

__all__ = ["EXAMPLE", "Source", "SourceError", "installed_requirement", "requirement_from"]

PACKAGE = "langso"

EXAMPLE = "git+https://github.com/<tài-khoản>/lang-so@<thẻ-hoặc-commit>"
"""The shape of ``--nguon`` shown in messages (never written to a file)."""

# RFC 2606/6761 names that can never be a real source, and the owner the old template used.
_RESERVED_HOSTS = ("example.com", "example.org", "example.net", "localhost")
_RESERVED_SUFFIXES = (".example", ".invalid", ".test", ".localhost", ".example.com", ".example.org")
_PLACEHOLDER_OWNERS = ("example",)
_ARCHIVES = (".tar.gz", ".zip", ".whl")


class SourceError(ValueError):
    """No usable source for Làng số, in Vietnamese then English, with the option to give."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi}\n    (en) {en}")
        self.vi = vi
        self.en = en


@dataclass(frozen=True)
class Source:
    """A ``requirements.txt`` line that installs Làng số, and whether only this machine can."""

    requirement: str
    """E.g. ``langso @ git+https://github.com/xa/lang-so@3f2c…``."""
    local: bool
    """``True`` for a ``file://`` source: a host's build machine cannot reach it."""


def requirement_from(value: str) -> Source:
    """The ``requirements.txt`` line for what ``--nguon`` was given.

    Accepted: a requirement ``langso @ <url>`` (a bare ``langso==0.2`` is refused: the package
    index's ``langso`` is not this project); a git URL
    (``git+https://…``, or ``https://…`` that is not an archive, read as git); an archive URL
    (``.tar.gz``, ``.zip``, ``.whl``); a ``file://`` URL or an existing local folder or archive
    (``local=True``).

    Raises:
        SourceError: unreadable, another package, a placeholder host or an unknown scheme.
    """
    text = value.strip()
    path = Path(text).expanduser()
    if "://" not in text and path.exists():
        return Source(f"{PACKAGE} @ {path.resolve().as_uri()}", local=True)
    named = re.match(r"([A-Za-z0-9][\w.-]*)\s*([@=<>~!\[;]?)", text)
    if named and (named.group(2) or text.lower() == PACKAGE):
        return _from_requirement(value, text)  # a requirement: `langso @ <url>`, `x==1`
    if "://" not in text:
        raise _unusable(value, "không phải địa chỉ, yêu cầu pip hay thư mục có thật",
                        "not a URL, a pip requirement or an existing folder")  # fmt: skip
    scheme = urlsplit(text).scheme
    if scheme in ("http", "https") and not text.lower().endswith(_ARCHIVES):
        text = "git+" + text
    return _from_requirement(value, f"{PACKAGE} @ {text}")


def _from_requirement(value: str, text: str) -> Source:
    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        why = (f"pip không đọc được ({error})", f"pip cannot read it ({error})")
        raise _unusable(value, *why) from None
    if requirement.name.lower() != PACKAGE:
        raise _unusable(
            value,
            f"gói phải là `{PACKAGE}`, không phải `{requirement.name}`",
            f"the package must be `{PACKAGE}`, not `{requirement.name}`",
        )
    if requirement.url is None:
        # Not on PyPI: a same-named package there is someone else's (dependency confusion).
        raise _unusable(
            value,
            "Làng số chưa có trên PyPI, gói cùng tên ở đó không phải Làng số; ghi địa chỉ kho",
            "Làng số is not on PyPI and a same-named package there is not ours; give a URL",
        )
    url = requirement.url
    parts = urlsplit(url.removeprefix("git+"))
    if parts.scheme == "file":
        return Source(str(requirement), local=True)
    if parts.scheme not in ("https", "http", "ssh"):
        raise _unusable(
            value,
            f"máy dựng không tải được địa chỉ `{parts.scheme}:`; dùng https",
            f"a build machine cannot fetch a `{parts.scheme}:` address; use https",
        )
    host = (parts.hostname or "").lower()
    owner = parts.path.strip("/").split("/", 1)[0].lower()
    if (
        not host
        or host in _RESERVED_HOSTS
        or host.endswith(_RESERVED_SUFFIXES)
        or (host in ("github.com", "gitlab.com") and owner in _PLACEHOLDER_OWNERS)
    ):
        raise _unusable(
            value,
            f"`{host}{parts.path}` là địa chỉ mẫu, không phải kho thật của Làng số",
            f"`{host}{parts.path}` is a placeholder, not a real Làng số repository",
        )
    return Source(str(requirement), local=False)


def _unusable(value: str, why_vi: str, why_en: str) -> SourceError:
    return SourceError(
        f"--nguon `{value}`: {why_vi}. Ghi nguồn Làng số, ví dụ `--nguon {EXAMPLE}`"
        " (xem docs/xuat-ban.md).",
        f"--nguon `{value}`: {why_en}. Give Làng số's source, e.g. `--nguon {EXAMPLE}`"
        " (see docs/xuat-ban.md).",
    )


def installed_requirement() -> Source:
    """The ``requirements.txt`` line that installs the Làng số running now, on any machine.

    From pip's ``direct_url.json`` (PEP 610): a git install gives its URL and commit; an archive
    URL is kept; a local folder that is a git checkout gives its remote (as https) and the
    checked-out commit, which a remote branch must already contain.

    Raises:
        SourceError: installed from an index (Làng số is not on PyPI, a same-named package
            there is not ours), from a local folder without a pushed commit on a git remote,
            or from a local archive; the message names ``--nguon``.
    """
    try:
        raw = importlib.metadata.distribution(PACKAGE).read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        raw = None
    if raw is None:
        raise _unknown(
            "Làng số trên máy này không cài từ kho git hay tệp nào ghi được nguồn",
            "Làng số here was not installed from a git repository or a file with a known source",
        )
    info = json.loads(raw)
    url = str(info.get("url", ""))
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git":
        return requirement_from(f"{PACKAGE} @ git+{url}@{vcs['commit_id']}")
    parts = urlsplit(url)
    if parts.scheme != "file":
        return requirement_from(f"{PACKAGE} @ {url}")
    folder = Path(unquote(parts.path))
    if "dir_info" not in info or not folder.is_dir():
        raise _unknown(
            f"Làng số trên máy này cài từ tệp `{folder}`, máy dựng của nơi đăng không có tệp đó",
            f"Làng số here was installed from the file `{folder}`, which no host can reach",
        )
    return requirement_from(_checkout_requirement(folder))


def _checkout_requirement(folder: Path) -> str:
    """``langso @ git+<remote as https>@<HEAD>`` for a checkout whose HEAD has been pushed."""

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, check=False
        )
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "HEAD")
    remotes = git("remote").split()
    if not commit or not remotes:
        raise _unknown(
            f"Làng số trên máy này cài từ thư mục `{folder}`, không có kho git gốc (remote)"
            " để máy dựng của nơi đăng tải về",
            f"Làng số here was installed from the folder `{folder}`, with no git remote a"
            " host could fetch it from",
        )
    upstream = git("rev-parse", "--abbrev-ref", "@{upstream}").split("/", 1)[0]
    remote = upstream if upstream in remotes else "origin" if "origin" in remotes else remotes[0]
    if not git("branch", "-r", "--contains", commit):
        raise _unknown(
            f"commit {commit[:12]} của `{folder}` chưa được đẩy (push) lên `{remote}`:"
            " máy dựng sẽ không tìm thấy nó. Đẩy lên trước",
            f"commit {commit[:12]} of `{folder}` is not pushed to `{remote}`, so a host would"
            " not find it. Push it first",
        )
    url = _https(git("remote", "get-url", remote))
    if urlsplit(url).scheme not in ("https", "http"):
        # A clone of a folder on this machine (`git clone ../lang-so`): its remote is a path.
        raise _unknown(
            f"Làng số trên máy này cài từ thư mục `{folder}`, mà kho gốc `{remote}` của nó lại"
            f" là `{url}`, một chỗ trên máy này: máy dựng của nơi đăng không tải được",
            f"Làng số here was installed from the folder `{folder}`, whose remote `{remote}` is"
            f" `{url}`, a place on this machine that no host can fetch from",
        )
    return f"{PACKAGE} @ git+{url}@{commit}"


def _https(remote: str) -> str:
    """A git remote as an https URL: a host's build machine has no SSH key for it."""
    scp = re.fullmatch(r"(?:[\w.-]+@)?([\w.-]+):(?!//)(.+)", remote)
    if scp:
        return f"https://{scp.group(1)}/{scp.group(2)}"
    parts = urlsplit(remote)
    if parts.scheme in ("ssh", "git"):
        return f"https://{parts.hostname}{parts.path}"
    return remote


def _unknown(why_vi: str, why_en: str) -> SourceError:
    return SourceError(
        f"không biết máy dựng cài Làng số từ đâu: {why_vi}. Ghi nguồn bằng `--nguon`, ví dụ"
        f" `--nguon {EXAMPLE}` (kho Làng số mà xã dùng, kèm thẻ hoặc mã commit; xem"
        " docs/xuat-ban.md). Không ghi tệp nào.",
        f"cannot tell where a host should install Làng số from: {why_en}. Give the source"
        f" with `--nguon`, e.g. `--nguon {EXAMPLE}` (see docs/xuat-ban.md). Nothing was written.",
    )
