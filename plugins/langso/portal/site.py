"""The portal site (issue 17): static pages from the villages' summaries, no MkDocs.

:func:`write_portal` writes, under ``out``:

- ``index.html`` — the portal's name and the search box first, then communes with their villages;
- ``xa/<slug>/`` — a commune: its villages, their landmarks and services by category;
- ``loai/`` and ``loai/<slug>/`` — every category, and one category across villages by commune
  (a province: ``loai/<slug>/<commune slug>/`` too, see below);
- ``lang/<key>/`` — one village: identity, "Mở trang của làng", notices, landmarks, services;
- ``tim-kiem/`` — the full results (``portal-search.js``), a note and the lists without JS;
- ``ban-do/`` — when a village has ``vi_tri``: its point and label on a Leaflet map without any
  tile (Leaflet from ``langso/assets/vendor``, loaded after the page), the list below it;
- ``assets/`` (``portal.css``, ``portal.js``, ``portal-map.js``, engineer B's ``portal-search.*``,
  Leaflet when there is a map), ``portal-sw.js`` at the root (offline, scope: the portal root),
  and the sharded search index ``tim/`` (:func:`langso.portal.search.write_search`).

- ``404.html`` — what a host serves for any missing address: every link root-relative under the
  portal's path (``dia_chi``'s path, ``/`` when unknown), so it works at any depth.

The home lists the village cards of every commune up to :data:`HOME_CARDS_MAX` villages; beyond
that (a province: 1,000 villages in 166 communes) only the communes, with their number of
villages, so its first load stays light. A commune page is short: its village cards, then one
line per category with its count, linking to that commune's section of ``loai/<slug>/``
(``#xa-<commune slug>``). Beyond :data:`HOME_CARDS_MAX` villages a category page lists only the
communes that have some (name, count), each linking to ``loai/<slug>/<commune slug>/``: that
commune's entries, by village; the commune page's lines link there. At 1,000 villages × 20
services every page's first load stays within 35 KB gzip (tests/portal/test_site_scale.py).

Every page path (``xa/…/``, ``lang/…/``) is ASCII (:func:`langso.text.slugify`; village keys come
from the sources). Before writing, the portal's own output of an earlier run is removed
(:data:`OWN_DIRS`, :data:`OWN_FILES`: a village dropped from ``cong.yml`` loses its pages and
search shards) and nothing else: under CI the villages live beside the portal, in
``out/<key>/``. Same input, same bytes: nothing depends on the clock.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from langso.portal.model import PortalInfo, VillageResult
from langso.portal.pages import PortalView, build_portal, by_village, safe_link
from langso.portal.search import SearchDoc, bare_name, write_search

__all__ = ["HOME_CARDS_MAX", "OWN_DIRS", "OWN_FILES", "PortalStats", "search_docs", "write_portal"]

HERE = Path(__file__).parent
ASSETS = HERE / "assets"
LEAFLET = HERE.parent / "assets" / "vendor" / "leaflet-1.9.4"
SW_NAME = "portal-sw.js"
_OWN_ASSETS = ("portal.css", "portal.js", "portal-map.js")
HOME_CARDS_MAX = 30
"""Up to this many villages the home shows each village's card; beyond, the communes only."""
OWN_DIRS = ("lang", "xa", "loai", "tim", "tim-kiem", "ban-do", "assets")
"""The folders :func:`write_portal` writes (``tim/``: the search index), removed before a run."""
OWN_FILES = ("index.html", "404.html", SW_NAME)
"""The portal's own files at the root of ``out``, removed before a run."""


@dataclass(frozen=True)
class PortalStats:
    """What :func:`write_portal` wrote: HTML ``pages``, all ``files`` (search index included)
    and their total size in ``bytes``."""

    pages: int
    files: int
    bytes: int


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _village_docs(result: VillageResult, summary: dict[str, Any]) -> list[SearchDoc]:
    """The docs of one village read (see :func:`search_docs`)."""
    lang = summary.get("lang") or {}
    village, commune = str(lang.get("ten_day_du") or ""), str(lang.get("xa") or "")
    # Matched instead of village/commune: the bare names (search.py, SearchDoc.place).
    names = f"{lang.get('ten') or bare_name(village)} {bare_name(commune)}".strip()
    portal_page = f"lang/{result.key}/"
    home = safe_link(result.base_url, "") or portal_page
    province = str(lang.get("tinh") or "")
    docs = [SearchDoc(village, home, village, commune, province, "lang", names)]
    at: dict[str, int] = {home: 0}

    def add(title: str, path: str, text: str, kind: str, sample: bool = False) -> None:
        url = safe_link(result.base_url, path) or portal_page
        if url in at and url != portal_page:  # the same page again: its words join
            known = docs[at[url]]
            joined = f"{known.text} {text}".strip()
            docs[at[url]] = replace(known, text=joined, sample=known.sample or sample)
            return
        at[url] = len(docs)
        docs.append(SearchDoc(title, url, village, commune, text, kind, names, sample))

    for place in summary.get("dia_diem") or []:
        text = " ".join(str(place.get(k) or "") for k in ("loai", "mo_ta"))
        add(str(place.get("ten") or ""), str(place.get("trang") or ""), text, "dia-diem")
    for service in summary.get("dich_vu") or []:
        text = " ".join(str(service.get(k) or "") for k in ("loai_ten", "dia_chi"))
        sample = service.get("du_lieu_mau") is True
        add(str(service.get("ten") or ""), str(service.get("trang") or ""), text, "dich-vu", sample)
    for page in summary.get("tim_kiem") or []:
        text = " ".join([str(page.get("d") or ""), *map(str, page.get("h") or [])])
        add(str(page.get("t") or ""), str(page.get("u") or ""), text, "trang")
    return docs


def search_docs(villages: Sequence[VillageResult]) -> list[SearchDoc]:
    """One :class:`SearchDoc` per village home, landmark, service and ``tim_kiem`` page; a page
    listed twice (a landmark and its ``tim_kiem`` entry) is one doc, of the first kind, with the
    words of both (description, headings). A service with ``du_lieu_mau: true`` is
    ``sample`` (and so the doc it joins). A village page that cannot be a safe link (no
    ``base_url``) opens the village's portal page ``lang/<key>/`` instead. Villages with nothing
    read give none; order: by village key, then as the summary lists them."""
    docs: list[SearchDoc] = []
    for result in sorted(villages, key=lambda r: r.key):
        if result.summary is not None:
            docs += _village_docs(result, result.summary)
    return docs


def _pages(view: PortalView, many: bool) -> list[tuple[str, str, dict[str, Any]]]:
    """``(path, template, context)`` for every page; ``path`` is the folder (``""``: root);
    ``many``: more than :data:`HOME_CARDS_MAX` villages (a category's communes on pages of
    their own)."""
    home = ("Trang chủ", "")
    pages: list[tuple[str, str, dict[str, Any]]] = [
        ("", "portal-index.html", {"title": "", "crumbs": ()}),
        ("tim-kiem/", "portal-tim-kiem.html", {"title": "Tìm kiếm", "crumbs": (home,)}),
        ("loai/", "portal-loai-index.html", {"title": "Theo loại", "crumbs": (home,)}),
    ]
    if view.mapped:
        pages.append(("ban-do/", "portal-ban-do.html", {"title": "Bản đồ", "crumbs": (home,)}))
    for commune in view.communes:
        pages.append(
            (
                f"xa/{commune.slug}/",
                "portal-xa.html",
                {"title": commune.name, "commune": commune, "crumbs": (home,)},
            )
        )
    for category in view.categories:
        by_kind = (home, ("Theo loại", "loai/"))
        pages.append(
            (
                f"loai/{category.slug}/",
                "portal-loai.html",
                {"title": category.name, "category": category, "crumbs": by_kind},
            )
        )
        if not many:
            continue
        in_kind = (*by_kind, (category.name, f"loai/{category.slug}/"))
        for group in category.groups:
            pages.append(
                (
                    f"loai/{category.slug}/{group.slug}/",
                    "portal-loai-xa.html",
                    {
                        "title": f"{category.name} – {group.name}",
                        "category": category,
                        "group": group,
                        "villages": by_village(group.items),
                        "crumbs": in_kind,
                    },
                )
            )
    for village in view.villages:
        crumbs: tuple[tuple[str, str], ...] = (home,)
        if village.commune_slug:
            crumbs = (home, (village.commune_name, f"xa/{village.commune_slug}/"))
        pages.append(
            (
                f"lang/{village.key}/",
                "portal-lang.html",
                {"title": village.name, "village": village, "crumbs": crumbs},
            )
        )
    return pages


def _site_path(address: str | None) -> str:
    """The portal's path on its host, ``/cong-lang-so/`` for ``https://x.github.io/cong-lang-so/``;
    ``/`` when the address is unknown."""
    path = urlsplit(address).path if address else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def _clear(out: Path) -> None:
    """Remove what an earlier run wrote (:data:`OWN_DIRS`, :data:`OWN_FILES`) and nothing else;
    a link is removed, never followed."""
    for name in (*OWN_DIRS, *OWN_FILES):
        path = out / name
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)


def _write(path: Path, data: bytes, written: dict[Path, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)
    written[path] = len(data)


def write_portal(out: Path, info: PortalInfo, villages: Sequence[VillageResult]) -> PortalStats:
    """Write the portal of ``villages`` into ``out`` (created if missing); see the module doc.

    Raises ``ValueError`` when two villages share a key (the sources make keys unique)."""
    keys = [v.key for v in villages]
    if len(set(keys)) != len(keys):
        raise ValueError(f"khóa làng bị trùng / duplicate village keys: {sorted(keys)}")
    view = build_portal(villages)
    _clear(out)
    env = _environment()
    search_assets = sorted(p.name for p in ASSETS.glob("portal-search.*"))
    written: dict[Path, int] = {}
    many = len(view.villages) > HOME_CARDS_MAX
    common = {
        "info": info,
        "portal": view,
        "has_map": bool(view.mapped),
        "many": many,
        "provinces": len({c.province for c in view.communes}),
        "province_of": {c.slug: c.province for c in view.communes},
        "search_css": [n for n in search_assets if n.endswith(".css")],
        "search_js": [n for n in search_assets if n.endswith(".js")],
    }
    address = info.address if safe_link(info.address, "") else None
    html_pages: list[str] = []
    for folder, template, context in _pages(view, many):
        root = "../" * folder.count("/")
        crumbs = [(text, root + href if href else root or "./") for text, href in context["crumbs"]]
        html = env.get_template(template).render(
            common,
            **{**context, "crumbs": crumbs},
            root=root,
            is_home=not folder,
            with_search=template in ("portal-index.html", "portal-tim-kiem.html"),
            canonical=address + folder if address else None,
            description=f"{context['title'] or info.name}: thông tin các làng, địa điểm, dịch vụ.",
        )
        _write(out / folder / "index.html", html.encode("utf-8"), written)
        html_pages.append(folder)
    site_root = _site_path(address)
    missing = env.get_template("portal-404.html").render(
        common,
        title="Không tìm thấy trang",
        crumbs=[],
        root=site_root,
        is_home=False,
        with_search=False,
        canonical=None,
        description=f"{info.name}: không tìm thấy trang này.",
    )
    _write(out / "404.html", missing.encode("utf-8"), written)
    for name in (*_OWN_ASSETS, *search_assets):
        _write(out / "assets" / name, (ASSETS / name).read_bytes(), written)
    if view.mapped:
        for name in ("leaflet.js", "leaflet.css", "LICENSE"):
            _write(out / "assets" / "leaflet" / name, (LEAFLET / name).read_bytes(), written)
    stats = write_search(search_docs(villages), out)
    digest = hashlib.sha256()  # names the worker's cache: a new build, a new cache
    for path in sorted(written):
        digest.update(path.relative_to(out).as_posix().encode() + b"\0" + path.read_bytes())
    manifest = {
        "version": digest.hexdigest()[:16],
        "precache": ["./", *(f"assets/{n}" for n in (*_OWN_ASSETS, *search_assets))],
    }
    worker = (ASSETS / SW_NAME).read_text(encoding="utf-8")
    worker = worker.replace("__PORTAL_SW__", json.dumps(manifest, sort_keys=True))
    _write(out / SW_NAME, worker.encode("utf-8"), written)
    return PortalStats(
        pages=len(html_pages),
        files=len(written) + stats.files,
        bytes=sum(written.values()) + stats.bytes,
    )
