"""The tours' pages: the index ``tuyen-tham-quan/``, one page per tour, and the "next stop" box
on each stop's page.

A tour page lists the steps in order (number, name linked to the stop's page with
``?t=<slug>&d=<n>``, the stop's text, the distance and time to the next), the total
distance and time, and links "Xem trên bản đồ" (``ban-do/?tuyen=<slug>``, when the site has a
map), "In tờ hướng dẫn" and the GPX file; it says the speed assumed and its source, and that the
real path is longer than the drawn line (:mod:`langso.tours.geo`).

On a stop's page, :func:`next_box_html` gives one hidden box per (tour, position) and
:data:`NEXT_SCRIPT` shows the right one when the reader came from the tour (the ``t`` and
``d`` of the address, kept in ``sessionStorage`` for the visit); without JavaScript the
boxes stay hidden and the tour page is the guide. The keys are one letter (``t`` the tour,
``d`` the stop: ``điểm``) because the print sheet's QR codes carry the same query and every
character costs modules (:mod:`langso.tours.printpage`); the map page keeps its own
``ban-do/?tuyen=<slug>``.

Every text from content is escaped once: Markdown text by ``|md``, HTML by autoescape or
:func:`langso.escaping.html_text`. Links are relative URLs computed by the plugin.

Plain Python: no MkDocs import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import quote

from langso.geomap.directions import directions_link_html
from langso.render import render_template
from langso.tours.geo import WALK_SPEED_M_S, distance_label, minutes_label, walking_label
from langso.tours.model import Stop, Tour

__all__ = [
    "NEXT_SCRIPT",
    "SPEED_NOTE",
    "TourLinks",
    "follow_query",
    "index_markdown",
    "next_box_html",
    "paragraphs",
    "summary_parts",
    "tour_markdown",
    "tour_summary",
]

SPEED_NOTE = (
    "Khoảng cách đo theo đường thẳng giữa các điểm; đường đi thật thường dài hơn. Thời gian"
    f" tính với tốc độ đi bộ {WALK_SPEED_M_S:g} m mỗi giây (3,6 km/giờ), chậm hơn tốc độ đi"
    " thoải mái trung bình của người 70–79 tuổi (1,27 m/giây) đo trong nghiên cứu của Bohannon"
    " (1997, tạp chí Age and Ageing, số 26, trang 15–19), để người già và trẻ nhỏ đi kịp."
)
"""What the tour page says about its distances and times (see :mod:`langso.tours.geo`)."""

NEXT_SCRIPT = (
    "<script>(function(){try{var q=new URLSearchParams(location.search),s=sessionStorage,"
    "t=q.get('t'),d=q.get('d');if(t){s.setItem('langso-tuyen',t);"
    "s.setItem('langso-diem',d||'')}else{t=s.getItem('langso-tuyen');d=s.getItem('langso-diem')}"
    "if(!t)return;var b=[].filter.call(document.querySelectorAll('.langso-tour-next'),"
    "function(e){return e.getAttribute('data-tuyen')===t});var m=b.filter(function(e){"
    "return e.getAttribute('data-diem')===d})[0]||b[0];if(m)m.hidden=false}catch(e){}})()"
    "</script>"
)
"""Shows the "next stop" box of the tour the reader follows (tiny, inline, after the boxes)."""


def follow_query(tour: Tour, number: int) -> str:
    """The query a link to stop ``number`` carries: ``?t=<slug>&d=<n>`` (read by
    :data:`NEXT_SCRIPT`; short keys for short QR codes).

    >>> follow_query(Tour("ba-ngoi-dinh", "", None, "", "", (), ()), 3)
    '?t=ba-ngoi-dinh&d=3'
    """
    return f"?t={quote(tour.slug)}&d={number}"


def summary_parts(tour: Tour) -> list[str]:
    """``["5 điểm dừng", "1,2 km", "khoảng 20 phút đi bộ"]``: the pieces of
    :func:`tour_summary`, which the pages keep whole on a line each (a narrow phone at A+ breaks
    only between them, never "đi / bộ" or a "·" at a line's start)."""
    return [
        f"{len(tour.stops)} điểm dừng",
        distance_label(tour.metres),
        f"{walking_label(tour.minutes)} đi bộ",
    ]


def tour_summary(tour: Tour) -> str:
    """``5 điểm dừng · 1,2 km · khoảng 20 phút đi bộ``."""
    return " · ".join(summary_parts(tour))


@dataclass(frozen=True)
class TourLinks:
    """Relative links from a tour page.

    Attributes:
        stops: for each stop, the link to its page (``None`` for a free point), without query.
        map: to ``ban-do/`` (without query), or ``None`` when the site has no map.
        print: to the print sheet; gpx: to the GPX file; index: to the tours index.
    """

    stops: tuple[str | None, ...]
    map: str | None
    print: str
    gpx: str
    index: str


def tour_markdown(tour: Tour, links: TourLinks) -> str:
    """The Markdown of the page of ``tour``."""
    steps = []
    for index, stop in enumerate(tour.stops):
        href = links.stops[index]
        leg = tour.legs[index] if index < len(tour.legs) else None
        following = tour.stops[index + 1] if leg else None
        free = href is None
        steps.append(
            {
                "stop": stop,
                "href": href + follow_query(tour, stop.number) if href else None,
                "paragraphs": paragraphs(stop.text),
                "leg": (distance_label(leg.metres), minutes_label(leg.minutes)) if leg else None,
                # A free stop has no page of its own: its way there and on are here.
                "directions": directions_link_html(stop.lat, stop.lon, stop.name) if free else None,
                "next": _next_from_tour_page(tour, links, following) if free else None,
            }
        )
    body = render_template(
        "tour_steps.html",
        tour=tour,
        steps=steps,
        links=links,
        summary=summary_parts(tour),
        map_href=f"{links.map}?tuyen={quote(tour.slug)}" if links.map else None,
        note=SPEED_NOTE,
    )
    return render_template("tour_page.md", tour=tour, body=body, description=_description(tour))


def _description(tour: Tour) -> str:
    """The page's ``description`` (front matter, as a YAML double-quoted string — JSON is YAML):
    what it is and its stops, so searching "tuyến tham quan" or a stop's name finds the tour.

    >>> print(_description(Tour("t", "T", None, "", "", (), ())))
    "Tuyến tham quan đi bộ qua 0 điểm: ."
    """
    names = ", ".join(stop.name for stop in tour.stops)
    return json.dumps(
        f"Tuyến tham quan đi bộ qua {len(tour.stops)} điểm: {names}.", ensure_ascii=False
    )


def paragraphs(text: str) -> list[str]:
    """``loi_dan`` in paragraphs (a blank line between), each stripped; the template keeps
    single line breaks inside one."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _next_from_tour_page(tour: Tour, links: TourLinks, following: Stop | None) -> str | None:
    """The link from a free stop on the tour page to the next stop (its page, following the
    tour; or, another free stop, its place on this page)."""
    if following is None:
        return None
    href = links.stops[following.number - 1]
    if href is None:
        return f"#diem-{following.number}"
    return href + follow_query(tour, following.number)


def index_markdown(title: str, tours: list[Tour], links: list[str]) -> str:
    """The Markdown of the tours index: each tour (in the order given) with its link (relative
    to the index), summary and description."""
    items = [
        {"tour": tour, "href": href, "summary": summary_parts(tour)}
        for tour, href in zip(tours, links, strict=True)
    ]
    body = render_template("tours_index.html", items=items)
    return render_template("tours_index.md", title=title, body=body)


def next_box_html(tour: Tour, number: int, tour_href: str, next_href: str | None) -> str:
    """The hidden box on the page of stop ``number`` of ``tour``.

    Args:
        tour_href: link from the stop's page to the tour page.
        next_href: link to the next stop's page (``None``: a free point, linked by its anchor on
            the tour page; ignored for the last stop).
    """
    stops = tour.stops
    following = stops[number] if number < len(stops) else None
    leg = tour.legs[number - 1] if following is not None else None
    if following is not None and next_href is None:
        next_link = f"{tour_href}#diem-{following.number}"
    elif following is not None and next_href is not None:
        next_link = next_href + follow_query(tour, following.number)
    else:
        next_link = None
    return render_template(
        "tour_next.html",
        tour=tour,
        number=number,
        paragraphs=paragraphs(stops[number - 1].text),
        count=len(stops),
        following=following,
        next_link=next_link,
        leg=(distance_label(leg.metres), minutes_label(leg.minutes)) if leg else None,
        tour_href=tour_href,
    )
