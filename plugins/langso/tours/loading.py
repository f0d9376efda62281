"""Tour files (``tuyen-tham-quan/*.yml``) into :class:`~langso.tours.model.Tour` objects, checked.

Each file is composed with :func:`langso.schema.compose_yaml` (every value the text typed, with
its line) and typed by :class:`TourFile` through :func:`langso.schema.validate`. Then every stop
that is valid on its own is placed (:class:`PlaceLookup`, the site's places from
``langso.geomap``): an unknown page (``tour.stop-unknown``, with "có phải ý bạn là"), a page
without ``toa_do`` (``tour.stop-no-coordinates``), a stop more than
:data:`~langso.tours.geo.FAR_STOP_M` from the previous one (``tour.stop-far``, saying the
distance; across a stop that could not be placed, from the last one that could), a ``qua``
point more than that from the point before it (``tour.via-far``), the same stop
twice in a row (``tour.stop-repeated``) and fewer than two stops (``tour.too-few-stops``).
Every mistake of every file is listed in one run; a file with any error gives no tour. A
``trang`` with a missing or misspelt extension (``dia-diem/dinh.m``) is an unknown page, with
the closest page as "có phải ý bạn là" (:func:`langso.tours.suggest.suggest_page`: accents and
case ignored, only a close match; else up to three real place pages). A page that exists but is
no place is told why (its own ``toa_do`` is wrong, or it has another mistake of its own).
:func:`without_controls` lets the plugin check a file refused for a control character, for its
other mistakes.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import dataclasses
import itertools
import posixpath
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Protocol

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from langso.directory.fields import Coordinates, parse_coordinates
from langso.geomap.places import page_of
from langso.paths import repo_path
from langso.plaques.model import page_path
from langso.problems import Problem
from langso.schema import Model, Text, compose_yaml, invalid, validatable, validate
from langso.text import nfc, slugify
from langso.tours.geo import FAR_STOP_M, distance_label, haversine_m, path_m
from langso.tours.model import Leg, Stop, Tour
from langso.tours.suggest import guess_params, real_examples, suggest_page, typed_location
from langso.yamlsource import Mapping, Sequence, line_of

__all__ = [
    "MAX_DESCRIPTION",
    "MAX_TEXT",
    "MAX_VIA",
    "PlaceLookup",
    "StopEntry",
    "TourFile",
    "load_tours",
    "without_controls",
]

MAX_TEXT = 400
"""The longest ``loi_dan`` (characters): read standing at the stop, on a phone."""

MAX_DESCRIPTION = 300
"""The longest ``mo_ta`` (characters)."""

MAX_VIA = 50
"""The most points in one stop's ``qua``: enough for any village road's bends."""


class PlaceInfo(Protocol):
    """What a stop takes from ``langso.geomap.places.Place``."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...


class PlaceLookup(Protocol):
    """The site's places (``langso.geomap.places.Places``)."""

    def by_page(self, src_uri: str) -> Any: ...  # PlaceInfo | None
    def all(self) -> Any: ...  # list of places, each with ``src_uri``


def _longest(limit: int, what_vi: str, what_en: str) -> Any:
    def check(value: object) -> object:
        if isinstance(value, str) and len(value.strip()) > limit:
            count = len(value.strip())
            raise invalid(
                f"{what_vi} dài {count} ký tự, quá {limit} ký tự",
                f"{what_en} is {count} characters long, more than {limit}",
                f"rút gọn còn dưới {limit} ký tự; phần dài hãy viết vào trang của điểm đó",
                f"shorten it below {limit} characters; put the longer story on the stop's page",
            )
        return value

    return BeforeValidator(check)


Location = Annotated[Coordinates, BeforeValidator(parse_coordinates)]


def _checked_point(value: object) -> object:
    """A ``qua`` point, kept as typed once :func:`parse_coordinates` accepts it (a list of
    text-shaped models would be told as one line of text by :mod:`langso.schema`)."""
    parse_coordinates(value)
    return value


def _lat_lon(text: str) -> tuple[float, float]:
    point = parse_coordinates(text)
    assert isinstance(point, Coordinates)
    return point.lat, point.lon


def _few_points(value: object) -> object:
    if isinstance(value, list | tuple) and len(value) > MAX_VIA:
        raise invalid(
            f"`qua` có {len(value)} điểm, quá {MAX_VIA} điểm",
            f"`qua` has {len(value)} points, more than {MAX_VIA}",
            f"chỉ giữ các chỗ đường rẽ (tối đa {MAX_VIA} điểm)",
            f"keep only the bends of the road (at most {MAX_VIA} points)",
        )
    return value


class StopEntry(Model):
    """One stop of a tour: a page with coordinates, or a free point with its own."""

    page: str | None = Field(
        None,
        alias="trang",
        description="Trang của điểm, tính từ thư mục nội dung, ví dụ "
        "`dia-diem/dinh-lang.md` hoặc `danh-ba/cho.yml`; trang phải có `toa_do`. "
        "/ The stop's page, from the content folder; it must have `toa_do`.",
    )
    name: Text | None = Field(
        None,
        alias="ten",
        description="Tên điểm tự do (bắt buộc khi không có `trang`; có `trang` thì thay tên "
        "trang). / A free point's name (or a shorter name for the page).",
    )
    location: Location | None = Field(
        None,
        alias="toa_do",
        description="Tọa độ điểm tự do 'vĩ độ, kinh độ', ví dụ `'19.9822, 105.6431'`. "
        "/ A free point's coordinates.",
    )
    note: Text | None = Field(
        None,
        alias="ghi_chu",
        description="Ghi chú tìm đường tới điểm tự do. / How to find a free point.",
    )
    via: Annotated[
        tuple[Annotated[str, BeforeValidator(_checked_point)], ...], BeforeValidator(_few_points)
    ] = Field(
        (),
        alias="qua",
        description="Các điểm đường đi qua trước khi tới điểm này, để đường vẽ theo đường làng "
        f"(tối đa {MAX_VIA}), mỗi điểm 'vĩ độ, kinh độ', ví dụ `['19.9818, 105.6425']`; bỏ qua ở "
        "điểm đầu. / Points the way to this stop passes through, to follow a road.",
    )
    guide: Annotated[Text, _longest(MAX_TEXT, "lời dẫn", "the text")] = Field(
        alias="loi_dan",
        description=f"Lời dẫn đọc tại điểm này (tối đa {MAX_TEXT} ký tự). "
        "/ What to read at this stop.",
    )

    @field_validator("page", mode="before")
    @classmethod
    def _page(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return page_path(value)
        except PydanticCustomError:
            path = nfc(value).strip().removeprefix("./")
            if not path or path.startswith("/") or "://" in path:
                raise
            return path  # no page extension: an unknown page, told with the closest one

    @model_validator(mode="after")
    def _page_or_point(self) -> StopEntry:
        if self.page is not None and self.location is not None:
            raise invalid(
                "điểm dừng có cả `trang` và `toa_do`",
                "the stop has both `trang` and `toa_do`",
                "xóa dòng `toa_do`: tọa độ lấy từ trang (sửa ở phần đầu trang đó)",
                "delete the `toa_do` line: the coordinates come from the page (edit them there)",
                field="toa_do",
            )
        if self.page is None and (self.name is None or self.location is None):
            missing = "ten" if self.name is None else "toa_do"
            raise invalid(
                "điểm dừng cần `trang`, hoặc cả `ten` và `toa_do`",
                "a stop needs `trang`, or both `ten` and `toa_do`",
                "thêm `trang: 'dia-diem/ten-trang.md'` (một trang có tọa độ), hoặc thêm "
                f"`{missing}: ...` cho một điểm tự do",
                "add `trang: 'dia-diem/page.md'` (a page with coordinates), or add "
                f"`{missing}: ...` for a free point",
                field=missing,
            )
        return self


class TourFile(Model):
    """A walking tour: its name, an introduction and the stops in order."""

    name: Text = Field(alias="ten", description="Tên tuyến. / The tour's name.")
    description: Annotated[Text, _longest(MAX_DESCRIPTION, "`mo_ta`", "`mo_ta`")] | None = Field(
        None,
        alias="mo_ta",
        description=f"Một hai câu giới thiệu (tối đa {MAX_DESCRIPTION} ký tự). / A summary.",
    )
    stops: tuple[StopEntry, ...] = Field(
        alias="diem_dung",
        description="Các điểm dừng theo thứ tự đi, ít nhất 2. / The stops in order, at least 2.",
    )


def tour_slug(src_uri: str) -> str:
    """``tuyen-tham-quan/Ba ngôi đình.yml`` → ``ba-ngoi-dinh``."""
    return slugify(posixpath.splitext(posixpath.basename(src_uri))[0]) or "tuyen"


def load_tours(
    files: Iterable[tuple[str, str]],
    places: PlaceLookup,
    pages: Iterable[str],
    docs_rel: str,
    read: Callable[[str], str | None] = lambda _: None,
) -> tuple[list[Tour], list[Problem]]:
    """Read and check every tour file.

    Args:
        files: ``(src_uri, text)`` of each tour file (``tuyen-tham-quan/dinh.yml`` and its
            text, already decoded by :func:`langso.textfile.decode_text`).
        places: the site's places, to place each ``trang``.
        pages: every source path of the site (``.md`` pages and ``danh-ba/*.yml``), to tell a
            page without ``toa_do`` from a page that does not exist.
        docs_rel: the docs folder relative to the repository (``content``), for messages.
        read: the text of a docs-relative source file (``danh-ba/cho.yml``, which the
            directory takes out of ``pages``), ``None`` when there is none: a stop's page that
            exists but is no place is told why (its own ``toa_do`` is wrong:
            ``tour.stop-bad-coordinates`` at that line; another mistake of its own:
            ``tour.stop-page-broken``; no ``toa_do``: ``tour.stop-no-coordinates``), never
            "not in the site".

    Returns:
        ``(tours, problems)``: the tours without errors, in the order of ``files``; one
        located problem per mistake.
    """
    known = set(pages)
    tours: list[Tour] = []
    problems: list[Problem] = []
    for src_uri, text in files:
        rel = repo_path(docs_rel, src_uri)
        tour, found = _load(src_uri, rel, text, places, _Site(known, docs_rel, read))
        problems.extend(found)
        if tour is not None:
            tours.append(tour)
    return tours, problems


@dataclasses.dataclass(frozen=True)
class _Site:
    """What a stop's page is checked against: the site's sources, the docs folder (repository
    relative) and how to read a source's text."""

    known: set[str]
    docs_rel: str
    read: Callable[[str], str | None]


def _load(
    src_uri: str, rel: str, text: str, places: PlaceLookup, site: _Site
) -> tuple[Tour | None, list[Problem]]:
    node, problems = compose_yaml(text, rel)
    if not validatable(node, problems):
        return None, problems
    assert node is not None
    matter, found = validate(TourFile, node, rel)
    problems += found
    stop_nodes = _stop_nodes(node)
    if stop_nodes is not None and len(stop_nodes.items) < 2:
        line = line_of(node, ("diem_dung",)) or 1
        params = {"count": len(stop_nodes.items)}
        problems.append(Problem(rel, line, "tour.too-few-stops", "diem_dung", params))
    stops: list[Stop] = []
    previous: Stop | None = None  # the last stop placed, even across stops that could not be
    for index, item in enumerate(stop_nodes.items if stop_nodes else []):
        entry, errors = validate(StopEntry, item, rel, prefix=("diem_dung", index), root=node)
        if entry is None or errors:
            continue
        stop, found = _place(entry, index, item, rel, places, site, node)
        problems += found
        if stop is None:
            continue
        problems += _far_via(stop, previous, entry, index, rel, node)
        problems += _against_previous(stop, previous, entry, index, rel, node)
        stops.append(stop)
        previous = stop
    if matter is None or any(p.severity == "error" for p in problems):
        return None, _unique(problems)
    if stops and stops[0].via:  # the route starts at the first stop: nothing leads to it
        stops[0] = dataclasses.replace(stops[0], via=())
    legs = tuple(
        Leg(path_m([(a.lat, a.lon), *b.via, (b.lat, b.lon)])) for a, b in itertools.pairwise(stops)
    )
    tour = Tour(
        slug=tour_slug(src_uri),
        name=matter.name,
        description=matter.description,
        src_uri=src_uri,
        source=rel,
        stops=tuple(stops),
        legs=legs,
    )
    return tour, _unique(problems)


def _stop_nodes(node: Any) -> Sequence | None:
    if not isinstance(node, Mapping) or "diem_dung" not in node.entries:
        return None
    value = node.entries["diem_dung"][1]
    return value if isinstance(value, Sequence) else None


def _place(
    entry: StopEntry,
    index: int,
    item: Any,
    rel: str,
    places: PlaceLookup,
    site: _Site,
    root: Any,
) -> tuple[Stop | None, list[Problem]]:
    """The stop ``entry`` (the ``index``-th) placed, or the problem saying why it cannot be."""
    line = line_of(root, ("diem_dung", index, "trang")) or item.line
    if entry.page is None:
        assert entry.name is not None and entry.location is not None
        stop = Stop(
            number=index + 1,
            name=nfc(entry.name),
            lat=entry.location.lat,
            lon=entry.location.lon,
            text=nfc(entry.guide),
            note=nfc(entry.note) if entry.note else None,
            src_uri=None,
            url=None,
            line=item.line,
            via=tuple(_lat_lon(point) for point in entry.via),
        )
        return stop, []
    place = places.by_page(entry.page)
    if place is None:
        return None, [_not_a_place(entry.page, line, rel, places, site)]
    stop = Stop(
        number=index + 1,
        name=nfc(entry.name) if entry.name else place.name,
        lat=place.lat,
        lon=place.lon,
        text=nfc(entry.guide),
        note=nfc(entry.note) if entry.note else None,
        src_uri=page_of(entry.page),
        url=place.url,
        line=item.line,
        via=tuple(_lat_lon(point) for point in entry.via),
    )
    return stop, []


def without_controls(data: bytes, problems: Iterable[Problem]) -> str | None:
    """The UTF-8 text of a file that :func:`langso.textfile.decode_text` refused only for its
    control characters, each reported one replaced by a space (lines and columns kept), NFC; so
    the file's other mistakes can be listed in the same run. ``None`` when it was refused for
    anything else, or more characters were found than reported (ten at most)."""
    found = list(problems)
    if not found or len(found) >= 10 or any(p.code != "text.control-character" for p in found):
        return None
    try:
        lines = data.decode("utf-8-sig").split("\n")
    except UnicodeDecodeError:
        return None
    for problem in found:
        column = problem.params.get("column") if problem.params else None
        if problem.line is None or not isinstance(column, int):
            return None
        row = lines[problem.line - 1]
        lines[problem.line - 1] = row[: column - 1] + " " + row[column:]
    return nfc("\n".join(lines))


def _not_a_place(page: str, line: int, rel: str, places: PlaceLookup, site: _Site) -> Problem:
    """Why the stop's ``page`` is no place: see :func:`load_tours`."""
    field = "diem_dung.trang"
    text = site.read(page)
    if text is not None or page in site.known or page_of(page) in site.known:
        source = repo_path(site.docs_rel, page)
        typed = typed_location(text or "", page.lower().endswith(".md"))
        params: dict[str, object] = {"page": page, "source": source}
        if typed is None:
            return Problem(rel, line, "tour.stop-no-coordinates", field, params)
        params["where"] = f"{source}:{typed[0]}"
        try:
            parse_coordinates(typed[1])
        except (PydanticCustomError, ValueError, TypeError):
            return Problem(rel, line, "tour.stop-bad-coordinates", field, params)
        return Problem(rel, line, "tour.stop-page-broken", field, params)
    candidates = [uri for uri in sorted(site.known) if uri.endswith(".md")]
    candidates += [place.src_uri for place in places.all()]
    guess = suggest_page(page, candidates)
    examples = [] if guess else real_examples(page, [p.src_uri for p in places.all()])
    return Problem(rel, line, "tour.stop-unknown", field, guess_params(page, guess, examples))


def _against_previous(
    stop: Stop, previous: Stop | None, entry: StopEntry, index: int, rel: str, root: Any
) -> list[Problem]:
    if previous is None:
        return []
    key = "trang" if entry.page is not None else "toa_do"
    line = line_of(root, ("diem_dung", index, key)) or stop.line
    field = f"diem_dung.{key}"
    params: dict[str, object] = {"number": stop.number, "name": stop.name}
    same_page = stop.src_uri is not None and stop.src_uri == previous.src_uri
    metres = haversine_m(previous.lat, previous.lon, stop.lat, stop.lon)
    adjacent = previous.number == stop.number - 1
    if adjacent and (same_page or metres < 1.0):
        return [Problem(rel, line, "tour.stop-repeated", field, params)]
    if metres > FAR_STOP_M:
        params |= {
            "previous": previous.number,
            "previous_name": previous.name,
            "distance": distance_label(metres),
            "distance_en": distance_label(metres).replace(",", "."),
            "limit": distance_label(FAR_STOP_M),
        }
        return [Problem(rel, line, "tour.stop-far", field, params)]
    return []


def _far_via(
    stop: Stop, previous: Stop | None, entry: StopEntry, index: int, rel: str, root: Any
) -> list[Problem]:
    """``tour.via-far`` for each ``qua`` point of ``stop`` more than :data:`FAR_STOP_M` from the
    point before it on the route (the previous stop, or the last ``qua`` point not reported:
    one mistyped point is told once). Nothing for the first stop (its ``qua`` is ignored)."""
    if previous is None:
        return []
    problems: list[Problem] = []
    last = (previous.lat, previous.lon)
    last_vi, last_en = f"điểm {previous.number} ({previous.name})", f"stop {previous.number}"
    for k, (point, typed) in enumerate(zip(stop.via, entry.via, strict=True)):
        metres = haversine_m(*last, *point)
        if metres <= FAR_STOP_M:
            last = point
            last_vi, last_en = f"điểm `qua` thứ {k + 1}", f"`qua` point {k + 1}"
            continue
        params: dict[str, object] = {
            "number": stop.number,
            "name": stop.name,
            "point": k + 1,
            "value": nfc(typed).strip(),
            "from_vi": last_vi,
            "from_en": last_en,
            "distance": distance_label(metres),
            "distance_en": distance_label(metres).replace(",", "."),
            "limit": distance_label(FAR_STOP_M),
        }
        line = line_of(root, ("diem_dung", index, "qua", k)) or stop.line
        problems.append(Problem(rel, line, "tour.via-far", "diem_dung.qua", params))
    return problems


def _unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (a stop's own error is found by the file's and the stop's check)."""
    seen: dict[str, Problem] = {}
    for problem in problems:
        seen.setdefault(problem.format(), problem)
    return sorted(seen.values(), key=lambda p: p.line or 0)
