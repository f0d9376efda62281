"""Start a new village: write a complete, buildable guidebook into an empty folder.

Core code (no MkDocs import). The templates are package data in ``langso/starter/``, rendered
with Jinja, so there is one source for what ``langso init`` writes::

    from langso.init import create_village
    create_village(Path("lang-moi"), village="Là Thôn", commune="xã Yên Định",
                   province="tỉnh Thanh Hóa", host="github",
                   site_url="https://ubnd-yen-dinh.github.io/la-thon/")

The new folder builds with ``mkdocs build --strict`` at once and holds the chosen host's
publishing file (a GitHub Actions workflow, ``.gitlab-ci.yml`` or ``netlify.toml``; for
Cloudflare Pages the README lists the build settings to type in, since it reads no file but
``.python-version``). Its ``mkdocs.yml`` uses every plugin of the sample village, configured
the same way (``tests/test_init.py`` compares it with the repository's ``mkdocs.yml``), except:
no ``print_sheets`` (plaques are printed with ``langso plaques print``, which guards and records
them, and the host then needs no Pango), and ``edit_uri`` only where the repository can be told
from ``site_url`` (GitHub and GitLab Pages). On GitHub the workflow also runs
``langso check --format github`` on every pull request, on GitLab ``langso check`` on every merge
request, on Netlify in the build of every deploy preview. The site is rebuilt nightly so that an
expired notice leaves the home page without a push: on GitHub by ``.github/workflows/daily.yml``
(a ``schedule`` that calls ``pages.yml``, in a file of its own because GitHub disables the
scheduled workflows of a repository idle for 60 days); elsewhere the README says how (a GitLab
pipeline schedule, a Netlify build hook or Cloudflare deploy hook called daily), since those
files cannot hold a schedule. The starter has one sample notice (expiring 30 days after the
init day) and one sample monthly event, each in a "Trang mẫu" box, and an empty photo folder
``content/anh/`` (kept by a ``.gitkeep``) where the posting guide sends photos.

The README says, per host, how to let others post (a GitHub collaborator or fork; a GitLab
member with the Developer role) and how to post a notice from a phone, with a notice to copy and
where the check shows (Netlify: the Deploy Preview); it links Làng số's own manual when the
``requirements.txt`` source is a GitHub or gitlab.com repository (:func:`project_docs_url`).

Its ``nav:`` names each section in Vietnamese, as the sample's does ("Biển mã QR", "Lịch",
"Thông báo"): without one MkDocs titles a folder after its name ("Bien qr", "Thong bao"), and the
generated index pages (notices, calendar, directory, plaques) have no Markdown file to take a
title from. A comment above it says how to add a page (``langso new`` adds the line itself;
``langso check`` names a missing one); notices and events need no line.

``requirements.txt`` installs Làng số from a real source (:mod:`langso.origin`): the
``requirement`` given, or where the running Làng số was installed from; never a placeholder.

``site_url``: when not given, an obvious placeholder of the host's URL shape is written
(``https://example.github.io/<slug>/``, ``https://example.gitlab.io/<slug>/``,
``https://example-<slug>.netlify.app/``, ``https://example-<slug>.pages.dev/``), marked as such
in ``mkdocs.yml`` and the README: it builds and previews, but must be replaced by the real
address before plaques are printed (:func:`resolve_site_url` tells the caller).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, get_args
from urllib.parse import quote, urlsplit

import jinja2

from langso import clock
from langso.geography import resolve_unit
from langso.origin import SourceError, installed_requirement, requirement_from
from langso.printing import check_site_url
from langso.render import md
from langso.text import nfc, slugify
from langso.village import kind_and_name

__all__ = [
    "HOSTS",
    "PYTHON_VERSION",
    "Host",
    "HostInfo",
    "InitError",
    "create_village",
    "edit_uri",
    "init_source_note",
    "project_docs_url",
    "resolve_site_url",
]

Host = Literal["github", "gitlab", "netlify", "cloudflare"]

PYTHON_VERSION = "3.12"
"""Python the hosts build with (GitHub Actions, the GitLab image, Netlify, Cloudflare Pages)."""


@dataclass(frozen=True)
class HostInfo:
    """A free static host: its name, URL shape and how plaque short URLs are answered."""

    name: str
    url_shape: str
    """The address the site gets, as written in the docs."""
    redirect_pages: bool
    """``True``: HTML redirect stubs at ``q/<id>/`` (GitHub Pages reads no ``_redirects``)."""
    placeholder: str
    """The placeholder ``site_url``, ``{slug}`` being the village's slug."""


HOSTS: dict[str, HostInfo] = {
    "github": HostInfo(
        "GitHub Pages",
        "https://<tài-khoản>.github.io/<tên-kho>/",
        True,
        "https://example.github.io/{slug}/",
    ),
    "gitlab": HostInfo(
        "GitLab Pages",
        "https://<nhóm>.gitlab.io/<dự-án>/",
        False,
        "https://example.gitlab.io/{slug}/",
    ),
    "netlify": HostInfo(
        "Netlify",
        "https://<tên>.netlify.app/",
        False,
        "https://example-{slug}.netlify.app/",
    ),
    "cloudflare": HostInfo(
        "Cloudflare Pages",
        "https://<tên-dự-án>.pages.dev/",
        False,
        "https://example-{slug}.pages.dev/",
    ),
}

# (template in langso/starter, path written, hosts it is written for: None = every host)
_FILES: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("mkdocs.yml.j2", "mkdocs.yml", None),
    ("README.md.j2", "README.md", None),
    ("gitignore.j2", ".gitignore", None),
    ("requirements.txt.j2", "requirements.txt", None),
    ("village.yml.j2", "content/village.yml", None),
    ("index.md.j2", "content/index.md", None),
    ("categories.yml.j2", "content/categories.yml", None),
    ("dia-diem-index.md.j2", "content/dia-diem/index.md", None),
    ("landmark.md.j2", "content/dia-diem/{landmark_file}", None),
    ("service.yml.j2", "content/danh-ba/{service_file}", None),
    ("plaques.yml.j2", "content/plaques.yml", None),
    ("notice.md.j2", "content/thong-bao/{notice_file}", None),
    ("event.md.j2", "content/lich/{event_file}", None),
    # The photo folder the docs send volunteers to (an empty folder is not kept by git).
    ("gitkeep.j2", "content/anh/.gitkeep", None),
    ("github-pages.yml.j2", ".github/workflows/pages.yml", ("github",)),
    ("github-daily.yml.j2", ".github/workflows/daily.yml", ("github",)),
    ("gitlab-ci.yml.j2", ".gitlab-ci.yml", ("gitlab",)),
    ("netlify.toml.j2", "netlify.toml", ("netlify",)),
    ("python-version.j2", ".python-version", ("cloudflare",)),
)

PLAQUE_ID = "dinh"
NOTICE_DAYS = dt.timedelta(days=30)
"""How long the sample notice stays on the home page after ``langso init``."""


class InitError(ValueError):
    """A refused ``create_village`` call, in Vietnamese then English (nothing was written)."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi}\n    (en) {en}")
        self.vi = vi
        self.en = en


def _yaml_quote(value: object) -> str:
    """A single-quoted YAML scalar: the value stays text, whatever it holds."""
    return "'" + str(value).replace("'", "''") + "'"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("langso", "starter"),
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = md
    env.filters["yq"] = _yaml_quote
    return env


def resolve_site_url(host: Host, village: str, site_url: str | None = None) -> tuple[str, bool]:
    """The ``site_url`` to write and whether it is a placeholder.

    A given URL must be absolute, ``http(s)`` and ASCII (it goes into every QR code); a missing
    trailing ``/`` is added. Without one, the host's placeholder for the village's slug.

    Raises:
        InitError: unknown host or unusable URL.
    """
    info = _host(host)
    if site_url is None:
        return info.placeholder.format(slug=slugify(village) or "lang"), True
    url = site_url.strip()
    if not url.endswith("/"):
        url += "/"
    error = check_site_url(url)
    if error is not None:
        raise InitError(error.vi, error.en)
    return url, False


def create_village(
    target: Path,
    *,
    village: str,
    commune: str,
    province: str,
    host: Host,
    site_url: str | None = None,
    kind: str = "thôn",
    requirement: str | None = None,
    today: dt.date | None = None,
) -> list[Path]:
    """Write a new village's site into ``target`` and return the files written, in order.

    Args:
        target: a folder that does not exist or is empty (a lone ``.git`` is allowed: a freshly
            cloned empty repository).
        village: the village's name, e.g. ``Là Thôn``.
        commune: its commune since 01/07/2025, e.g. ``xã Yên Định``.
        province: its province since 01/07/2025, e.g. ``tỉnh Thanh Hóa``.
        host: where it will be published; decides the publishing file, the URL shape and
            whether plaque short URLs are HTML stubs (GitHub) or ``_redirects`` rules (others).
        site_url: the published address; ``None`` writes a placeholder (see the module doc).
        kind: ``thôn``, ``làng``, ``xóm``, ``bản``…
        requirement: where the host installs Làng số from, as ``langso init --nguon`` takes it
            (:func:`langso.origin.requirement_from`); ``None``: where the running Làng số was
            installed from (:func:`langso.origin.installed_requirement`).
        today: the verification date of the sample service; default today in Viet Nam.

    Raises:
        InitError: the folder is not empty, the commune or province does not exist (with the
            nearest real names), a value is unusable, or Làng số's source is unknown or a
            placeholder. Nothing is written then.
    """
    village, kind = _name(village, "village", "tên làng"), _name(kind, "kind", "loại")
    commune, province = _name(commune, "commune", "xã"), _name(province, "province", "tỉnh")
    info = _host(host)
    url, placeholder = resolve_site_url(host, village, site_url)
    commune, province = _resolve_unit(commune, province)
    _check_target(target)
    try:
        source = installed_requirement() if requirement is None else requirement_from(requirement)
    except SourceError as error:
        raise InitError(error.vi, error.en) from None

    day = today or clock.today()
    place = kind_and_name(kind, village)  # "xóm Phú Mỹ", but "Xóm Mới" alone, never "xóm Xóm Mới"
    landmark = f"Đình {place}"
    service = f"Nhà văn hóa {place} (dữ liệu mẫu)"
    context = {
        "village": village,
        "kind": kind,
        "place": place,
        "commune": commune,
        "province": province,
        "host": host,
        "host_name": info.name,
        "url_shape": info.url_shape,
        "site_url": url,
        "placeholder": placeholder,
        "redirect_pages": info.redirect_pages,
        "edit_uri": None if placeholder else edit_uri(host, url),
        "landmark": landmark,
        "landmark_file": f"{slugify(landmark)}.md",
        "service": service,
        "service_file": f"{slugify(service)}.yml",
        "plaque_id": PLAQUE_ID,
        "today": f"{day:%d/%m/%Y}",
        "notice_file": f"{day:%Y-%m-%d}-thong-bao-mau-hop-cuoi-nam.md",
        "notice_expiry": f"{day + NOTICE_DAYS:%d/%m/%Y}",
        "event_file": f"{slugify(f'Họp {kind} hằng tháng (dữ liệu mẫu)')}.md",
        "python_version": PYTHON_VERSION,
        "requirement": source.requirement,
        "docs_url": project_docs_url(source.requirement),
    }
    env = _environment()
    rendered: list[tuple[Path, str]] = []
    for template, dest, hosts in _FILES:
        if hosts is not None and host not in hosts:
            continue
        path = target / dest.format(**context)
        rendered.append((path, env.get_template(template).render(**context)))

    written = []
    for path, text in rendered:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


def init_source_note(target: Path) -> str:
    """What ``langso init`` says about the Làng số source it wrote to ``requirements.txt``:
    the line, and a warning when only this machine can reach it (a ``file://`` source)."""
    lines = (target / "requirements.txt").read_text(encoding="utf-8").splitlines()
    line = next(x for x in reversed(lines) if x.strip() and not x.startswith("#"))
    note = f"Máy dựng sẽ cài Làng số từ / the host installs Làng số from: {line}"
    if requirement_from(line).local:
        note += (
            "\nLưu ý: đây là thư mục trên máy này, máy dựng của nơi đăng không thấy được; chỉ"
            " dùng để thử. Trước khi đưa lên mạng, sửa dòng cuối của requirements.txt hoặc chạy"
            " lại với `--nguon <địa chỉ kho git>`. / Note: a folder on this machine, which no"
            " host can reach: for trials only."
        )
    return note


def project_docs_url(requirement: str) -> str | None:
    """Where Làng số's manual (its ``docs/`` folder) is read on the web, for the village README.

    From the ``requirements.txt`` line: ``langso @ git+https://github.com/<owner>/<repo>@<ref>``
    gives ``https://github.com/<owner>/<repo>/blob/<ref>/docs/``, the same on gitlab.com with
    GitLab's ``/-/blob/`` (a nested group too); without ``@<ref>`` the default branch
    (``HEAD``). ``None`` for any other source (an archive, another host, a local folder): the
    README then names the file in words.
    """
    url = requirement.split("@", 1)[1].strip() if "@" in requirement else ""
    parts = urlsplit(url.removeprefix("git+"))
    path, _, ref = parts.path.partition("@")
    segments = [s for s in path.strip("/").removesuffix(".git").split("/") if s]
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not re.fullmatch(r"[\w.-]*", ref or "HEAD"):
        return None
    repo = "/".join(quote(s) for s in segments)
    if host == "github.com" and len(segments) == 2:
        return f"https://github.com/{repo}/blob/{ref or 'HEAD'}/docs/"
    if host == "gitlab.com" and len(segments) >= 2:
        return f"https://gitlab.com/{repo}/-/blob/{ref or 'HEAD'}/docs/"
    return None


def edit_uri(host: str, site_url: str) -> str | None:
    """The "edit this page" address of ``content/`` for a GitHub or GitLab Pages ``site_url``.

    ``https://<owner>.github.io/<repo>/`` is the repository ``github.com/<owner>/<repo>``, and
    ``https://<owner>.github.io/`` is ``github.com/<owner>/<owner>.github.io`` (GitHub's user
    site rule); likewise ``<group>.gitlab.io`` on gitlab.com (GitLab's ``/-/edit/`` form). The
    branch is ``main``, which the publishing files build. ``None`` for another host or domain.
    """
    parts = urlsplit(site_url)
    domain = {"github": ".github.io", "gitlab": ".gitlab.io"}.get(host)
    hostname = parts.hostname or ""
    if domain is None or not hostname.endswith(domain):
        return None
    owner = hostname.removesuffix(domain)
    path = parts.path.strip("/")
    repo = path or hostname
    if "/" in path or not owner:
        return None  # a nested GitLab group or a custom path: the repository is not known
    if host == "github":
        return f"https://github.com/{owner}/{repo}/edit/main/content/"
    return f"https://gitlab.com/{owner}/{repo}/-/edit/main/content/"


def _host(host: str) -> HostInfo:
    if host not in HOSTS:
        names = ", ".join(get_args(Host))
        raise InitError(
            f"không có nơi đăng `{host}` — chọn một trong: {names}",
            f"unknown host `{host}` — choose one of: {names}",
        )
    return HOSTS[host]


def _name(value: str, field_en: str, field_vi: str) -> str:
    text = nfc(value).strip()
    if not text or any(ch in text for ch in "\r\n\t") or not text.isprintable():
        raise InitError(
            f"{field_vi}: `{value}` phải là một dòng chữ, không để trống",
            f"{field_en}: `{value}` must be a single, non-empty line",
        )
    return text


def _resolve_unit(commune: str, province: str) -> tuple[str, str]:
    """The commune and province as addresses write them, with their kind (``xã Yên Định``,
    ``tỉnh Thanh Hóa``), found by :func:`langso.geography.resolve_unit` from what was typed
    (the kind may be left out, accents too when only one unit matches).

    Raises:
        InitError: the province or commune does not exist (with the nearest real names), or
            the name fits several units (listing them, to be typed again with their kind).
    """
    found = resolve_unit(commune, province)
    hint = ", ".join(f"`{s}`" for s in found.choices)
    if found.unknown == "province":
        raise InitError(
            f"không có `{province}` trong 34 tỉnh, thành phố từ 01/07/2025"
            + (f" — có phải: {hint}?" if hint else " — viết đúng tên tỉnh, có dấu"),
            f"`{province}` is not one of the 34 provinces in force since 01/07/2025"
            + (f" — did you mean: {hint}?" if hint else " — write the exact name with accents"),
        )
    if found.ambiguous:
        raise InitError(
            f"`{commune}` có thể là {len(found.choices)} đơn vị ở {found.province}: {hint} — "
            "ghi lại --commune đúng một tên trong đó, có dấu và có chữ xã/phường/đặc khu, "
            "ví dụ --commune " + _quoted(found.choices[0]),
            f"`{commune}` could be {len(found.choices)} units of {found.province}: {hint} — "
            "give --commune again as one of them, with accents and its kind, e.g. --commune "
            + _quoted(found.choices[0]),
        )
    if found.commune is None or found.province is None:
        raise InitError(
            f"không có `{commune}` trong {found.province} từ 01/07/2025"
            + (f" — có phải: {hint}?" if hint else "")
            + " Ghi tên xã mới, có dấu; tên xã cũ ghi sau vào `xa_cu` trong content/village.yml.",
            f"`{commune}` is not a commune of {found.province} since 01/07/2025"
            + (f" — did you mean: {hint}?" if hint else "")
            + " Write the current commune with accents; a former one goes in `xa_cu` later.",
        )
    return found.commune, found.province


def _quoted(name: str) -> str:
    return f'"{name}"'


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise InitError(
            f"`{target}` là một tệp, không phải thư mục — chọn thư mục trống hoặc chưa có",
            f"`{target}` is a file, not a folder — choose an empty or new folder",
        )
    if target.is_dir():
        entries = sorted(p.name for p in target.iterdir() if p.name != ".git")
        if entries:
            shown = ", ".join(entries[:5]) + (", …" if len(entries) > 5 else "")
            raise InitError(
                f"thư mục `{target}` đã có tệp ({shown}) — làng mới cần một thư mục trống"
                " hoặc chưa có; không ghi đè tệp nào",
                f"folder `{target}` is not empty ({shown}) — a new village needs an empty or"
                " new folder; nothing is overwritten",
            )
