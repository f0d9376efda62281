"""What must hold before plaques are printed for real: a plaque on a wall can never be recalled.

``langso plaques print`` records every plaque it prints, and the build then keeps each recorded
plaque's address and target for ever (:mod:`langso.plaques.record`). It refuses to print and
record (issue 13) while:

- ``site_url`` is a placeholder (:func:`placeholder_reason`): the one ``langso init`` writes
  (:data:`langso.init.HOSTS`), a domain reserved for examples (``example.com``, ``example.net``,
  ``example.org`` and the ``.example``, ``.test``, ``.invalid``, ``.localhost`` names: RFC 2606
  §2–3, RFC 6761 §6) or an address only this machine or its network can open (``localhost``, a
  loopback, private or link-local IP address);
- ``site_url`` has a shape its host cannot serve (:func:`host_problems`): a GitHub Pages address
  with ``redirect_pages: false`` (GitHub Pages reads no ``_redirects`` file:
  https://docs.github.com/en/pages/getting-started-with-github-pages/about-github-pages), a path
  under a Netlify or Cloudflare Pages address (both serve a site at the root of its domain:
  https://docs.netlify.com/site-deploys/overview/, https://developers.cloudflare.com/pages/
  configuration/), or another host's address than the one the repository publishes to;
- a plaque to print leads to sample data (:func:`sample_targets`): a directory entry with
  ``du_lieu_mau: có``.

``langso plaques print --thu`` prints anyway, each sheet marked "BẢN IN THỬ", and records
nothing. Core code: no MkDocs import.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError

from langso.init import HOSTS
from langso.paths import repo_path
from langso.plaques.model import PlaqueEntry
from langso.problems import Problem
from langso.scaffold import starter_line
from langso.schema import YesNo, read_yaml
from langso.textfile import decode_text
from langso.yamlsource import Mapping, Scalar

__all__ = [
    "HOST_DOMAINS",
    "host_problems",
    "placeholder_problem",
    "placeholder_reason",
    "published_to",
    "sample_targets",
    "site_url_line",
]

HOST_DOMAINS: dict[str, str] = {
    "github": ".github.io",
    "gitlab": ".gitlab.io",
    "netlify": ".netlify.app",
    "cloudflare": ".pages.dev",
}
"""The address each host (a key of :data:`langso.init.HOSTS`) gives a site, as a domain suffix."""
_ROOT_ONLY = ("netlify", "cloudflare")
"""Hosts that serve a site at the root of its domain, never under a path."""
_EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
_RESERVED_TLDS = ("example", "test", "invalid", "localhost")


@cache
def _init_placeholders() -> tuple[re.Pattern[str], ...]:
    """The host name of each placeholder ``langso init`` writes, any village slug."""
    patterns = []
    for info in HOSTS.values():
        host = urlsplit(info.placeholder.format(slug="slug")).hostname or ""
        pattern = re.escape(host).replace("slug", "[a-z0-9-]*")
        patterns.append(re.compile(f"^{pattern}$"))
    return tuple(patterns)


def placeholder_reason(site_url: str) -> tuple[str, str] | None:
    """Why no phone could open ``site_url``, in Vietnamese and English; ``None`` when it can be a
    real address (see the module docstring for the rules and their sources)."""
    host = (urlsplit(site_url).hostname or "").lower().rstrip(".")
    if any(pattern.match(host) for pattern in _init_placeholders()):
        return (
            "đây là địa chỉ tạm do `langso init` ghi",
            "it is the placeholder `langso init` writes",
        )
    labels = host.split(".")
    if host in _EXAMPLE_DOMAINS or host.endswith(tuple(f".{d}" for d in _EXAMPLE_DOMAINS)):
        return (
            "tên miền ví dụ, dành riêng cho tài liệu (RFC 2606), không bao giờ là trang thật",
            "an example domain, reserved for documentation (RFC 2606), never a real site",
        )
    if labels[-1] in _RESERVED_TLDS or labels[0] == "localhost":
        return (
            f"tên miền `.{labels[-1]}` dành riêng (RFC 2606, RFC 6761), không có trên mạng",
            f"the `.{labels[-1]}` names are reserved (RFC 2606, RFC 6761), not on the internet",
        )
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_private or address.is_link_local:
        return (
            "chỉ máy này hoặc mạng trong nhà mở được, điện thoại người quét không tới được",
            "only this machine or its local network can open it, not a visitor's phone",
        )
    return None


def _host_of(site_url: str) -> str | None:
    """The host (a key of :data:`HOST_DOMAINS`) whose domain ``site_url`` is on, or ``None``."""
    name = (urlsplit(site_url).hostname or "").lower()
    return next((k for k, d in HOST_DOMAINS.items() if name.endswith(d)), None)


def placeholder_problem(site_url: str, config_rel: str, line: int | None) -> Problem | None:
    """The ``print.placeholder-url`` error of ``site_url`` (:func:`placeholder_reason`), naming
    the address shape of its host (GitHub Pages' for an address of no known host)."""
    why = placeholder_reason(site_url)
    if why is None:
        return None
    shape = HOSTS[_host_of(site_url) or "github"].url_shape
    params = {"url": site_url, "why_vi": why[0], "why_en": why[1], "shape": shape}
    return Problem(config_rel, line, "print.placeholder-url", "site_url", params)


def site_url_line(config_text: str) -> int | None:
    """The line of ``site_url:`` at the top level of ``mkdocs.yml``, or ``None``."""
    for number, line in enumerate(config_text.splitlines(), start=1):
        if re.match(r"site_url\s*:", line):
            return number
    return None


def published_to(root: Path) -> set[str]:
    """The hosts (keys of :data:`HOST_DOMAINS`) the repository at ``root`` has a publishing
    file for: a GitHub Actions workflow using ``actions/deploy-pages``, a ``.gitlab-ci.yml``
    with a ``pages`` job, a ``netlify.toml``. Cloudflare Pages reads no file of its own."""
    found = set()
    workflows = root / ".github" / "workflows"
    if workflows.is_dir() and any(
        "actions/deploy-pages" in _text(path) for path in sorted(workflows.glob("*.y*ml"))
    ):
        found.add("github")
    if re.search(r"^pages\s*:", _text(root / ".gitlab-ci.yml"), re.M):
        found.add("gitlab")
    if (root / "netlify.toml").is_file():
        found.add("netlify")
    return found


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def host_problems(
    site_url: str,
    *,
    redirect_pages: bool,
    published: Iterable[str],
    config_rel: str,
    line: int | None,
) -> list[Problem]:
    """The ``print.host-*`` errors of ``site_url`` for the host its domain belongs to.

    Args:
        site_url: the configured address, ending with ``/``.
        redirect_pages: the ``langso/plaques`` option (``False``: short URLs answered by
            ``_redirects``).
        published: the hosts the repository publishes to (:func:`published_to`).
        config_rel, line: where ``site_url`` is written, for the messages.

    Returns:
        Nothing for an address of no known host (a custom domain: its host is not known here).
    """
    parts = urlsplit(site_url)
    host = _host_of(site_url)
    if host is None:
        return []
    info = HOSTS[host]
    params: dict[str, object] = {"url": site_url, "host": info.name, "shape": info.url_shape}
    problems = []
    others = sorted(set(published) - {host})
    if others and host not in set(published):
        params["other"] = HOSTS[others[0]].name
        params["other_shape"] = HOSTS[others[0]].url_shape
        problems.append(Problem(config_rel, line, "print.host-mismatch", "site_url", params))
    if host == "github" and not redirect_pages:
        problems.append(Problem(config_rel, line, "print.host-redirects", "site_url", params))
    if host in _ROOT_ONLY and parts.path not in ("", "/"):
        params["root"] = f"{parts.scheme}://{parts.netloc}/"
        problems.append(Problem(config_rel, line, "print.host-path", "site_url", params))
    return problems


_YES_NO: TypeAdapter[bool] = TypeAdapter(YesNo)


def sample_targets(
    entries: Iterable[PlaqueEntry], docs_dir: Path, docs_rel: str, registry_rel: str
) -> list[Problem]:
    """A ``print.sample-target`` error at the ``trang`` line of each plaque in ``entries`` that
    leads to a directory entry marked ``du_lieu_mau: có``, and a ``print.starter-target`` error
    for one that leads to a page still holding the starter text of ``langso new`` or
    ``langso init`` (:func:`langso.scaffold.starter_line`).

    A file that cannot be read or holds another value is left to the build's own messages.
    """
    problems = []
    for entry in entries:
        target = entry.plaque.target
        if target is not None and target.endswith(".md"):
            problems += _starter_target(entry, target, docs_dir, docs_rel, registry_rel)
            continue
        if target is None or not target.endswith((".yml", ".yaml")):
            continue
        source = repo_path(docs_rel, target)
        node, _ = read_yaml(docs_dir / target, source)
        if not isinstance(node, Mapping) or "du_lieu_mau" not in node.entries:
            continue
        key_line, value = node.entries["du_lieu_mau"]
        if not isinstance(value, Scalar):
            continue
        try:
            sample = _YES_NO.validate_python(value.text)
        except ValidationError:
            continue
        if sample:
            params = {"id": entry.plaque.id, "target": target, "source": source, "line": key_line}
            problems.append(
                Problem(registry_rel, entry.target_line, "print.sample-target", "trang", params)
            )
    return problems


def _starter_target(
    entry: PlaqueEntry, target: str, docs_dir: Path, docs_rel: str, registry_rel: str
) -> list[Problem]:
    path = docs_dir / target
    text, _ = decode_text(path.read_bytes(), target) if path.is_file() else (None, [])
    line = starter_line(text) if text is not None else None
    if line is None:
        return []
    source = repo_path(docs_rel, target)
    params = {"id": entry.plaque.id, "target": target, "source": source, "line": line}
    return [Problem(registry_rel, entry.target_line, "print.starter-target", "trang", params)]
