"""``langso/plaques``: short permanent URLs, QR codes and print pages for issued plaques.

- ``on_config``: ``site_url`` is required (QR codes hold absolute URLs) and must be ASCII. The
  plugin uses it as configured (:func:`langso.adapter.configured_site_url`): ``mkdocs serve``
  replaces ``config.site_url`` with the local address before every build, hence before ``on_config``
  (MkDocs 1.6 ``mkdocs/commands/serve.py``: ``config.site_url = serve_url``), but QR codes,
  short URLs and the check of printed plaques must use the address the plaques were printed
  with, or the preview would refuse to start (issue 13).
- ``on_files`` (priority -100, after every page is known): load the registry and the record of
  printed plaques; check that every printed plaque is still registered, still has the URL its
  code holds and still leads to the place it was printed for (or its successor or notice);
  resolve each plaque (following ``thay_bang``); add per plaque the redirect stub
  ``q/<id>/index.html`` (or a notice for a retired plaque; the hosts answer ``q/<id>`` without
  its slash by redirecting to the folder, so no ``q/<id>.html``) and, for a plaque in use,
  its A5 and A6 sheets on a print page of ``PRINT_GROUP`` plaques ``bien-qr/in-<k>.html``
  (``#a5-<id>``, ``#a6-<id>``; the QR code inline, no image file); then the plaques index and
  ``_redirects`` for the hosts that read it. A missing target or a QR symbol above
  ``max_version`` stops the build.
- ``on_nav``: start the PDF sheets of ``print_sheets`` (not while serving) in a worker process
  (:mod:`langso.printing.pending`), marked "BẢN IN THỬ" on every plaque while ``site_url`` is a
  placeholder (:mod:`langso.plaques.guards`); ``on_post_build`` publishes them.

QR codes (kept for the PDF sheets), print pages and PDF sheets are made once and kept in
``.cache/langso/plaques`` and ``.cache/langso/print`` (:mod:`langso.cache`), under a digest of all
their inputs; after a build the entries it did not use are dropped.
"""

from __future__ import annotations

import dataclasses
import math
import posixpath
import shutil
from functools import lru_cache
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils import get_relative_url as _get_relative_url

from langso.adapter import (
    GATE_PRIORITY,
    Reporter,
    cache_folder,
    configured_site_url,
    content_location,
    keep_recalls,
)
from langso.cache import FileCache, Recall
from langso.paths import repo_path
from langso.plaques.checks import target_kind_problems
from langso.plaques.config import PlaquesConfig
from langso.plaques.fit import key_line, too_small_problems
from langso.plaques.guards import placeholder_reason
from langso.plaques.model import load_plaques, short_path
from langso.plaques.pages import (
    STYLESHEET,
    PlaqueView,
    index_pages,
    plaques_stylesheet,
    retired_html,
)
from langso.plaques.record import PRINTED_FILE, read_printed
from langso.plaques.render import (
    PLAQUE_CODE,
    PLAQUE_LIBRARIES,
    PRINT_GROUP,
    PlaqueFiles,
    group_page,
    plaque_files,
    redirect_html,
)
from langso.plaques.resolve import (
    Destination,
    check_printed,
    page_source,
    redirects_file,
    resolve,
)
from langso.printing import PAPERS as PRINT_PAPERS
from langso.printing import (
    SHEET_FILES,
    STICKER_DISTANCE_M,
    STICKERS,
    TEST_PRINT,
    WALL_DISTANCE_M,
    PlaqueItem,
    PrintError,
    Sheet,
    check_site_url,
    plaque_item,
    print_cache,
)
from langso.printing.pending import PendingSheets
from langso.problems import Problem
from langso.qr import ErrorCorrection
from langso.text import nfc

__all__ = ["PlaquesPlugin"]

get_relative_url = lru_cache(maxsize=65536)(_get_relative_url)  # the same links every build


class PlaquesPlugin(BasePlugin[PlaquesConfig]):
    """Publishes the plaques of the registry; see the module docstring."""

    def __init__(self) -> None:
        self.reporter = Reporter()
        self.printable: list[PlaqueItem] = []
        self.serving = False
        self.cache: FileCache | None = None
        self.sheets: PendingSheets | None = None
        """The PDF sheets being made, from ``on_nav`` to ``on_post_build``."""
        self.sheets_fit = True
        """Whether every sheet of ``print_sheets`` holds every plaque's code (``on_files``)."""
        self.site_url = ""
        """``site_url`` as configured in ``mkdocs.yml``, never the preview's local address."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``: a preview skips the PDF sheets."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Require an absolute, ASCII ``site_url``: it is what every QR code holds.

        Raises:
            PluginError: when ``site_url`` is not one, or ``page_size`` is less than 1.
        """
        site_url = configured_site_url(config)
        error = check_site_url(site_url)
        if error is not None:
            raise PluginError(f"{error.vi} / {error.en}")
        if self.config.page_size < 1:
            raise PluginError("langso/plaques: page_size phải ≥ 1 / page_size must be at least 1")
        distance = self.config.print_distance_m
        if isinstance(distance, bool) or (
            distance is not None and not (math.isfinite(distance) and distance > 0)
        ):
            raise PluginError(
                f"mkdocs.yml: langso/plaques: print_distance_m là khoảng cách người đọc đứng trước "
                f"biển, tính bằng mét, phải lớn hơn 0 (đang là {distance}) — ví dụ "
                f"`print_distance_m: 1.0`, hoặc bỏ dòng này (mặc định 1 m, nhãn dán 0,3 m) / "
                f"print_distance_m is the reader's distance from the plaque in metres and must be "
                f"above 0 (got {distance}) — e.g. `print_distance_m: 1.0`, or remove the line "
                f"(default 1 m, stickers 0.3 m)"
            )
        if distance is not None:  # `2` as written is 2.0: one cache key for one distance
            self.config.print_distance_m = float(distance)
        self.site_url = site_url or ""
        # The plaques index: one card a plaque (attr_list gives each its class).
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")
        if STYLESHEET not in [str(item) for item in config.extra_css]:
            config.extra_css.append(STYLESHEET)
        return config

    @event_priority(-100)
    def _on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Last of the generators: every page, written or generated, is known by now."""
        self.reporter.reset(config)
        keep_recalls(config)
        docs_dir, docs_rel = content_location(config)
        registry = self.config.registry
        for file in list(files):
            if file.src_uri in (registry, PRINTED_FILE):
                files.remove(file)
        registry_rel = repo_path(docs_rel, registry)
        entries, problems = load_plaques(docs_dir, docs_rel, registry)
        printed, record_problems = read_printed(docs_dir, docs_rel)
        site_url = self.site_url  # as configured, also while serving (see on_config)

        def page_url(src_uri: str) -> str | None:
            file = files.get_file_from_path(src_uri)
            return file.url if file is not None and file.is_documentation_page() else None

        @lru_cache(maxsize=1)
        def sources() -> frozenset[str]:
            """The content folder's files as NFC paths, as ``langso plaques print`` sees them;
            read only when a plaque has ``trang_cu``. The file itself, not a page generated at
            its address: a data file turned into a hand-written page of the same name is a
            rename."""
            return frozenset(
                nfc(path.relative_to(docs_dir).as_posix())
                for path in docs_dir.rglob("*")
                if path.is_file()
            )

        def is_page(target: str) -> bool:
            return target in sources()

        record_rel = repo_path(docs_rel, PRINTED_FILE)
        problems += record_problems + check_printed(
            entries, printed, site_url, record_rel, registry_rel, is_page
        )
        # A file that is no page (village.yml, ../mkdocs.yml) exists, so resolve's own error
        # for it is dropped below: without this the plaque would vanish from the site silently.
        directory = config.plugins.get("langso/directory")
        services_dir = getattr(getattr(directory, "config", None), "services_dir", None)
        not_pages = target_kind_problems(entries, services_dir, registry_rel)
        problems += not_pages

        destinations, resolve_problems = resolve(entries, page_url, registry_rel)
        for problem in resolve_problems:
            explained = _explain_missing_target(problem, docs_dir, docs_rel)
            if explained is not None and not any(p.line == explained.line for p in not_pages):
                problems.append(explained)
        self.reporter.report(problems)

        pages_dir = self.config.pages_dir.strip("/")
        self.cache = FileCache(
            cache_folder(config, "plaques"), code=PLAQUE_CODE, libraries=PLAQUE_LIBRARIES
        )
        views = []
        svgs: dict[str, str] = {}
        parts: list[Path] = []  # each printable plaque's part of a print page, in index order
        for destination in destinations:
            view = self._publish(destination, files, config, pages_dir, registry_rel, svgs, parts)
            if view is not None:
                views.append(view)
        groups = [parts[start : start + PRINT_GROUP] for start in range(0, len(parts), PRINT_GROUP)]
        for number, group in enumerate(groups, start=1):
            page = group_page(self.cache, group, number, len(groups))  # a file, not held text
            files.append(_generated(config, f"{pages_dir}/in-{number}.html", page))
        printable = [
            (d.entry, plaque_item(d.entry.plaque, site_url, config.site_name, self._level(), svg))
            for d in destinations
            if d.kind == "page"
            and not d.via
            and self.config.print_sheets
            and (svg := svgs.get(d.entry.plaque.id)) is not None
        ]
        self.printable = [item for _, item in printable]
        misfits: list[Problem] = []  # one a sheet, naming every plaque it cannot hold
        sheets_at = _print_sheets_at(config) if printable and not self.serving else ("", None)
        for name in self.config.print_sheets if not self.serving else ():
            sheet, distance = self._sheet(name)
            misfits += too_small_problems(
                printable, name, sheet, distance, registry_rel, "config", sheets_at
            )
        self.reporter.report(misfits)
        self.sheets_fit = not misfits  # else no sheet is started (`langso check` goes on)
        files.append(_generated(config, STYLESHEET, plaques_stylesheet()))
        if f"{pages_dir}/index.md" not in files.src_uris:
            sheets = {name: f"in/{SHEET_FILES[name]}" for name in self.config.print_sheets}
            pages = index_pages(pages_dir, self.config.title, views, sheets, self.config.page_size)
            for number, (uri, markdown) in enumerate(pages, start=1):
                level = InclusionLevel.UNDEFINED if number == 1 else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, uri, content=markdown, inclusion=level))
        if "_redirects" not in files.src_uris:
            base_path = urlsplit(site_url).path or "/"
            content = redirects_file(destinations, base_path)
            files.append(_generated(config, "_redirects", content))
        return files

    def _publish(
        self,
        destination: Destination,
        files: Files,
        config: MkDocsConfig,
        pages_dir: str,
        registry_rel: str,
        svgs: dict[str, str],
        parts: list[Path],
    ) -> PlaqueView | None:
        plaque = destination.entry.plaque
        site_url = self.site_url
        short = short_path(plaque.id)
        short_url = site_url + short
        printable = destination.kind == "page" and not destination.via
        assert self.cache is not None
        watermark = TEST_PRINT if placeholder_reason(site_url) is not None else None
        made = plaque_files(
            self.cache,
            plaque,
            short_url,
            config.site_name,
            self._level(),
            print_page=printable,
            watermark=watermark,
        )
        if made.version > self.config.max_version:
            params = {
                "id": plaque.id,
                "version": made.version,
                "max_version": self.config.max_version,
            }
            line = destination.entry.line
            self.reporter.report([Problem(registry_rel, line, "plaque.too-dense", "id", params)])
            return None
        if destination.kind == "page" and not self.config.redirect_pages:
            pass  # `_redirects` answers on hosts that read it
        elif destination.kind == "page" and destination.url is not None:
            # One stub a plaque: every supported host (and `python -m http.server`) answers
            # `q/<id>` without its slash by redirecting to the folder `q/<id>/` (issue 18).
            canonical = site_url + destination.url
            target = get_relative_url(destination.url, short)
            html = redirect_html(plaque.name, target, canonical)
            files.append(_generated(config, f"{short}index.html", html))
        else:
            home = get_relative_url("./", short)
            notice = retired_html(plaque.name, destination.message or "", config.site_name, home)
            files.append(_generated(config, f"{short}index.html", notice))
        if printable and self.config.print_sheets:
            svgs[plaque.id] = made.svg.read_text(encoding="utf-8")
        return self._view(destination, made, pages_dir, short_url, parts)

    def _view(
        self,
        destination: Destination,
        made: PlaqueFiles,
        pages_dir: str,
        short_url: str,
        parts: list[Path],
    ) -> PlaqueView:
        plaque = destination.entry.plaque
        print_link = None
        if made.print_page is not None:
            # `in-<k>`: no plaque's name (a plaque may be called `index`); `a5-<id>`: unique
            print_link = f"in-{len(parts) // PRINT_GROUP + 1}.html#a5-{plaque.id}"
            parts.append(made.print_page)
        # A replaced plaque's code leads where its replacement leads: so does its name.
        target = destination.target if destination.kind == "page" else None
        target_link = _page_link(target, pages_dir) if target else None
        return PlaqueView(
            plaque=plaque,
            short_url=short_url,
            short_link=get_relative_url(short_path(plaque.id), f"{pages_dir}/"),
            target_link=target_link,
            print_link=print_link,
            status=_status(destination),
        )

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the PDF print sheets chosen in ``print_sheets`` (WeasyPrint, embedded font),
        made again only when their inputs changed; drop the cache entries this build did not use.

        Raises:
            PluginError: when a sheet cannot hold the QR size the scanning distance needs.
        """
        if self.cache is not None:
            self.cache.prune()
        Recall.save_all()
        if self.sheets is None:
            return
        sheets, self.sheets = self.sheets, None
        try:
            made = sheets.collect()
        except PrintError as error:
            raise PluginError(f"{error.vi} / {error.en}") from None
        folder = Path(config.site_dir) / self.config.pages_dir.strip("/") / "in"
        for name, pdf in made.items():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, folder / SHEET_FILES[name])
        sheets.cache.prune()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        """Start the PDF sheets of ``print_sheets`` (not while serving): they are made in a
        worker process while MkDocs renders the pages (:mod:`langso.printing.pending`).

        Raises:
            PluginError: while the site is thrown away (``langso check``), when a sheet cannot
                hold the QR size the scanning distance needs (otherwise in ``on_post_build``).
        """
        if self.serving or not self.config.print_sheets or not self.sheets_fit:
            return  # sheets are for printing; the preview stays fast without them
        self.sheets = PendingSheets(print_cache(cache_folder(config, "print")))
        # Sheets of a placeholder address could be printed from the site and mounted: they
        # are published as test prints, as `langso plaques print --thu` makes them (issue 13).
        watermark = TEST_PRINT if placeholder_reason(self.site_url) is not None else None
        distance = self.config.print_distance_m  # None: each sheet's own default
        for name in self.config.print_sheets:
            sheet, _ = self._sheet(name)
            try:
                self.sheets.start(name, self.printable, sheet, distance, watermark=watermark)
            except PrintError as error:
                self.on_build_error(error)
                raise PluginError(f"{error.vi} / {error.en}") from None

    def on_build_error(self, error: Exception) -> None:
        """Stop the worker making PDF sheets, if any: the build will not publish them."""
        if self.sheets is not None:
            self.sheets.close()
            self.sheets = None

    def _sheet(self, name: str) -> tuple[Sheet, float]:
        """The sheet ``name`` of ``print_sheets`` and the reading distance its codes are sized
        for (``print_distance_m``, else 1 m on paper and 0.3 m on stickers)."""
        sheet = STICKERS if name == "stickers" else PRINT_PAPERS[name]
        default = STICKER_DISTANCE_M if name == "stickers" else WALL_DISTANCE_M
        distance = self.config.print_distance_m
        return sheet, distance if distance is not None else default

    def _level(self) -> ErrorCorrection:
        return cast(ErrorCorrection, self.config.error_correction)

    @event_priority(GATE_PRIORITY)
    def _stop_on_errors(self, files: Files, *, config: MkDocsConfig) -> None:
        self.reporter.stop_if_errors(config)

    on_files = CombinedEvent(_on_files, _stop_on_errors)


def _generated(config: MkDocsConfig, uri: str, content: str | Path) -> File:
    """A file of ``content``: text, or a file of the cache to copy."""
    if isinstance(content, Path):
        source = str(content)
        return File.generated(config, uri, abs_src_path=source, inclusion=InclusionLevel.NOT_IN_NAV)
    return File.generated(config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)


@lru_cache(maxsize=65536)  # relpath is slow, and every build asks again for every plaque
def _page_link(target: str, pages_dir: str) -> str:
    return posixpath.relpath(page_source(target), pages_dir)


def _explain_missing_target(problem: Problem, docs_dir: Path, docs_rel: str) -> Problem | None:
    """Say what is really wrong when a plaque's target is not a page of the site.

    A directory file that exists but is invalid has its own error, so the plaque is not blamed
    too (``None``); a path starting with the content folder gets the exact fix.
    """
    if problem.code != "plaque.target-missing":
        return problem
    target = str(problem.params["target"])
    if target.endswith((".yml", ".yaml")) and (docs_dir / target).is_file():
        return None
    prefix = docs_rel + "/"
    if docs_rel not in ("", ".") and target.startswith(prefix):
        params = {"prefix": docs_rel, "suggestion": target.removeprefix(prefix)}
        return dataclasses.replace(problem, code="plaque.target-prefix", params=params)
    return problem


def _status(destination: Destination) -> str:
    if destination.kind == "retired":
        return "Đã gỡ"
    if destination.via:
        return "Đã thay bằng biển mới, mã cũ vẫn dùng được"
    return "Đang dùng"


def _print_sheets_at(config: MkDocsConfig) -> tuple[str, int | None]:
    """``mkdocs.yml`` (repository-relative: the repository is its folder) and the line of
    ``print_sheets`` in it, where a sheet too small for the codes is fixed."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        line = key_line(path.read_text(encoding="utf-8"), "print_sheets")
    except (OSError, UnicodeDecodeError):
        line = None
    return path.name, line
