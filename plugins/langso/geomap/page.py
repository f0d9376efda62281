"""The village map page (``ban-do/``): its text, its list of points and the map's slot.

Plain Python, no MkDocs: places in (:class:`langso.geomap.places.Places`), Markdown and HTML out.

The page is text first: a short introduction, then the slot of the map (an empty ``<div>``: no
size, nothing shown without JavaScript), then every point as a list of links grouped as the map's
filters are (Địa điểm, one group per service category, Biển mã QR). The list is the page without
JavaScript and its accessible version; it is also the map's data: each link carries its point's
``data-lat``/``data-lon`` and the ``<ul>`` its group (``data-nhom``, ``data-ten``), so nothing is
written twice.

The map itself (``assets/map.js``, Leaflet and, with a base map, pmtiles or protomaps-leaflet) is
loaded by a few lines inlined at the end of the page (``assets/map-loader.js``) once the page has
loaded and painted (``load``, then the ``first-contentful-paint`` entry): it is never part of the
page's first load, and no other page names it. Library choice (issue 16): Leaflet 1.9.4 (BSD-2,
42 KB gzip, no WebGL: runs on old Android WebViews) with pmtiles 4.5.0 (8 KB gzip) for raster
archives and protomaps-leaflet 5.1.0 (38 KB gzip, draws Protomaps vector tiles on a canvas).
MapLibre GL JS was weighed and rejected: 276 KB gzip and WebGL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from langso.escaping import html_text
from langso.geomap.places import Place, Places
from langso.text import sort_key

__all__ = [
    "ASSET_FOLDER",
    "MAP_URI",
    "SLOT_ID",
    "VENDOR",
    "Background",
    "Group",
    "group_points",
    "intro_markdown",
    "map_html",
]

MAP_URI = "ban-do/index.md"
"""The generated map page (``ban-do/``); a hand-written file there wins."""

SLOT_ID = "ban-do-khung"
"""``id`` of the map's slot; ``map-loader.js`` finds it."""

ASSET_FOLDER = "assets/langso"
"""Where the map's files are published (``map.js``, ``map.css``, ``vendor/…``)."""

VENDOR = {
    "leaflet.js": "vendor/leaflet-1.9.4/leaflet.js",
    "leaflet.css": "vendor/leaflet-1.9.4/leaflet.css",
    "pmtiles.js": "vendor/pmtiles-4.5.0/pmtiles.js",
    "protomaps.js": "vendor/protomaps-leaflet-5.1.0/protomaps-leaflet.js",
}
"""The vendored libraries, relative to ``assets/`` of the package and :data:`ASSET_FOLDER`
(their ``LICENSE`` files beside them)."""

LANDMARKS = ("dia-diem", "Địa điểm")
PLAQUES = ("bien-qr", "Biển mã QR")


@dataclass(frozen=True)
class Group:
    """One group of points: a filter of the map and a list on the page.

    Attributes:
        key: ``dia-diem``, ``dv-<category id>`` or ``bien-qr`` (HTML-safe: ASCII slug).
        name: plain text, shown (``Y tế``).
        items: ``(place, label)``, label plain text (a plaque's: its printed name).
    """

    key: str
    name: str
    items: tuple[tuple[Place, str], ...]


@dataclass(frozen=True)
class Background:
    """The base map as the page's script needs it.

    Attributes:
        href: the PMTiles file, relative to the page.
        kind: ``raster`` (PNG, JPEG, WebP tiles: pmtiles' Leaflet layer) or ``vector`` (MVT:
            protomaps-leaflet).
        min_zoom, max_zoom: the archive's zooms.
        bounds: west, south, east, north (degrees, WGS 84).
        attribution: plain text shown in the map's corner (``© OpenStreetMap``).
    """

    href: str
    kind: Literal["raster", "vector"]
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float]
    attribution: str


def group_points(places: Places) -> list[Group]:
    """The groups of ``places``: landmarks, then each service category (by name, Vietnamese
    order), then the plaques (each plaque a line at its page's point); empty groups left out."""
    landmarks = [(p, p.name) for p in places.all() if p.kind == "dia-diem"]
    categories: dict[str, tuple[str, list[tuple[Place, str]]]] = {}
    for place in places.all():
        if place.kind == "dich-vu" and place.category:
            name = place.category_name or place.category
            categories.setdefault(place.category, (name, []))[1].append((place, place.name))
    plaques: list[tuple[Place, str]] = []
    for place in places.all():
        for pid in place.plaques:  # the name printed on the plaque; its code is for volunteers
            item = (place, places.plaque_names.get(pid) or place.name)
            if item not in plaques:
                plaques.append(item)
    plaques.sort(key=lambda item: sort_key(item[1]))
    found = [Group(LANDMARKS[0], LANDMARKS[1], tuple(landmarks))]
    for key, (name, items) in sorted(categories.items(), key=lambda kv: sort_key(kv[1][0])):
        found.append(Group(f"dv-{key}", name, tuple(items)))
    found.append(Group(PLAQUES[0], PLAQUES[1], tuple(plaques)))
    return [group for group in found if group.items]


def _kinds(groups: Sequence[Group]) -> str:
    """What the map shows, as words: ``các địa điểm, các dịch vụ trong danh bạ và nơi có biển
    mã QR`` (only the kinds present; empty when there are no groups)."""
    keys = {group.key for group in groups}
    kinds = [
        name
        for name, present in (
            ("các địa điểm", LANDMARKS[0] in keys),
            ("các dịch vụ trong danh bạ", any(key.startswith("dv-") for key in keys)),
            ("nơi có biển mã QR", PLAQUES[0] in keys),
        )
        if present
    ]
    if not kinds:
        return ""
    return ", ".join(kinds[:-1]) + (" và " if len(kinds) > 1 else "") + kinds[-1]


def intro_markdown(title: str, groups: Sequence[Group]) -> str:
    """The generated page's Markdown: its title and ONE short line, so that the map's top is on
    the phone's first screen even at the largest text size (the rest of the explanation comes
    after the map: :func:`map_html`). ``title`` is configuration."""
    points = len({place.page for group in groups for place, _ in group.items})
    if not points:  # a new village: nothing has `toa_do` yet (no empty map box: map_html)
        body = (
            "Bản đồ làng chưa có điểm nào. Các địa điểm và dịch vụ sẽ hiện ở đây khi vị trí của"
            " chúng được ghi vào sổ tay."
        )
    else:
        body = f"**{points} điểm** của làng. Chạm vào một điểm để mở trang."
    return f"# {title}\n\n{body}\n"


def _number(value: float) -> str:
    """Degrees with 6 decimals (about 0.1 m), no trailing zeros."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def map_html(
    groups: Sequence[Group],
    href: Callable[[Place], str],
    css: Sequence[str],
    scripts: Sequence[str],
    root: str,
    background: Background | None = None,
    routes: str | None = None,
    exports: Sequence[tuple[str, str]] = (),
    tours: str | None = None,
    loader: str = "",
) -> str:
    """The map's slot, what it shows, the list of points and the OpenStreetMap exports, to put
    after the page's introduction.

    Args:
        groups: from :func:`group_points`.
        href: a place's page, relative to the map page.
        css, scripts: the map's stylesheets and scripts, relative to the page, in load order.
        root: the site's root relative to the page (``../``): the routes' ``url`` are
            site-root-relative.
        background: the base map, or ``None`` (a plain background).
        routes: ``tuyen-tham-quan/tuyen.geojson`` relative to the page, when published.
        exports: the OpenStreetMap files published (``ban-do/osm.osm``, ``osm.geojson``:
            :mod:`langso.geomap.osm`), each ``(href relative to the page, file name)``; a
            section after the list links them (none: no section).
        tours: the walking tours' index relative to the page, when there are tours.
        loader: the inline ``<script>`` of ``assets/map-loader.js``, put right after the slot: it
            sets the slot's height as soon as the slot is parsed, before the rest of a slowly
            arriving page paints below it (at the end of the page it ran after a first paint on
            slow 3G, and the list jumped down: CLS 0.24 measured with reader_metrics).

    The list is the site's cards (``ul.langso-cards``, ``assets/cards.css``, on every page
    already): a link per place, 48 px tall at least, before any of the map's files load.
    Without any place, nothing: the introduction says so (:func:`intro_markdown`), and an empty
    map, list or export would only cost the reader a download.
    """
    if not groups:
        return ""
    attrs = {
        "data-css": " ".join(css),
        "data-js": " ".join(scripts),
        "data-goc": root,
    }
    if background is not None:
        attrs.update(
            {
                "data-nen": background.href,
                "data-nen-kieu": background.kind,
                "data-nen-zoom": f"{background.min_zoom} {background.max_zoom}",
                "data-nen-bien": " ".join(_number(v) for v in background.bounds),
                "data-nen-nguon": background.attribution,
            }
        )
    if routes is not None:
        attrs["data-tuyen"] = routes
    slot_attrs = "".join(f' {key}="{html_text(value)}"' for key, value in attrs.items())
    parts = [
        f'<div class="langso-map" id="{SLOT_ID}"{slot_attrs}></div>{loader}',
    ]
    what = _kinds(groups)
    if what:
        parts.append(
            f"<p>Bản đồ có {what}, mỗi nhóm một màu. Nhiều nơi ở cùng một chỗ thì chung một"
            " điểm: chạm vào điểm đó để thấy đủ các nơi. Dưới đây là danh sách đầy đủ các điểm,"
            " chia theo nhóm; danh sách đọc được cả khi bản đồ chưa hiện.</p>"
        )
    if tours is not None:
        parts.append(
            f'<p>Đi bộ qua các điểm theo từng tuyến: <a href="{html_text(tours)}">Tuyến tham'
            " quan</a>.</p>"
        )
    parts.append('<h2 id="danh-sach-diem">Danh sách các điểm</h2>')
    for group in groups:
        name = html_text(group.name)
        parts.append(f'<h3 id="nhom-{group.key}">{name} ({len(group.items)})</h3>')
        items = []
        for place, label in group.items:
            items.append(
                f'<li class="langso-card"><a class="langso-card__link"'
                f' href="{html_text(href(place))}" data-lat="{_number(place.lat)}"'
                f' data-lon="{_number(place.lon)}"><span class="langso-card__title">'
                f"{html_text(label)}</span></a></li>"
            )
        parts.append(
            f'<ul class="langso-map-list langso-cards" data-nhom="{group.key}"'
            f' data-ten="{name}">' + "".join(items) + "</ul>"
        )
    if exports:
        links = " và ".join(
            f'<a href="{html_text(href)}" download>{html_text(name)}</a>' for href, name in exports
        )
        parts.append('<h2 id="du-lieu-openstreetmap">Dữ liệu cho OpenStreetMap</h2>')
        parts.append(
            "<p>Các địa điểm và biển mã QR của làng ở dạng dữ liệu OpenStreetMap, dành cho tình"
            f" nguyện viên vẽ bản đồ OpenStreetMap: {links}.</p>"
        )
    return "\n".join(parts)
