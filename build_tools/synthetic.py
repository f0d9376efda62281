#!/usr/bin/env python3
"""Generate a synthetic village for benchmarks, with realistic Vietnamese text.

    .venv/bin/python build_tools/synthetic.py OUTPUT_DIR --services 5000 [--pages 0] [--plain]

Writes ``OUTPUT_DIR/mkdocs.yml`` and ``OUTPUT_DIR/content/`` (village, categories, services with
phones, hours, coordinates, verification; optionally landmark pages with a plaque each, guides,
and a photo on one page in :data:`PHOTO_EVERY`), all marked as sample data with unassigned phone
numbers. Deterministic for a given seed: the same arguments write the same bytes.

The site with our plugins uses the plugin set of the sample ``mkdocs.yml`` (``langso/search``,
``content``, ``photos``, ``reader``, ``offline``, ``directory``, ``plaques``) with one exception:
``print_sheets`` is off. The PDF sheets of every plaque (WeasyPrint, about 0.1 s a plaque) are
a product plain Material does not make at all, so they would measure WeasyPrint, not the
overhead of our plugins on a site; ``build_tools/bench_print.py`` times them, and a rebuild
serves them from the cache (``.cache/langso/print``). ``--print-sheets`` turns them on.
The plain variant (``--plain``) is the same Markdown and the same photos for plain Material
(pruned navigation, Material's search); with ``--small-nav`` its ``nav:`` is as small as ours
(:func:`small_nav`). Pages have about 450 words (:func:`body_words` counts them).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
KINDS = [
    ("Tạp hóa", "cua-hang"),
    ("Quán nước", "an-uong"),
    ("Nhà thuốc", "y-te"),
    ("Điểm thu tiền điện", "dien"),
    ("Nhà văn hóa", "nha-van-hoa"),
    ("Quầy rau", "cho"),
    ("Sửa xe", "cua-hang"),
]
WORDS = [
    "Đình",
    "Làng",
    "Phúc",
    "Hưng",
    "Thịnh",
    "An",
    "Bình",
    "Ấp",
    "Bắc",
    "Đông",
    "Tây",
    "Ngữ",
    "Ốc",
    "Út",
    "Hòa",
    "Ân",
    "Ê",
    "Mỹ",
    "Lộc",
    "Thọ",
    "Định",
    "Tân",
    "Hải",
    "Long",
    "Yên",
]
SENTENCE = (
    "Nơi bà con trong thôn thường ghé, mở cửa đều đặn, nhận thanh toán bằng mã VietQR; "
    "khi cần hỗ trợ cài VNeID hay đóng tiền điện qua mạng, tổ công nghệ số cộng đồng sẵn lòng giúp."
)
HOURS = [
    "  - ngay: 'T2-T6'\n    gio: '7:00-11:30, 13:30-17:00'\n"
    "  - ngay: 'T7'\n    gio: '7:30-11:30'\n",
    "  - ngay: 'hằng ngày'\n    gio: '6:00-21:00'\n",
    "  - ngay: 'T2, T4, T6'\n    gio: '19:00-21:00'\n  - ngay: 'T7, CN'\n    gio: '8:00-11:00'\n",
]


def service_yaml(number: int, rng: random.Random) -> tuple[str, str]:
    """``(file name, YAML)`` of the synthetic entry ``number``."""
    kind, category = KINDS[number % len(KINDS)]
    name = f"{kind} {rng.choice(WORDS)} {rng.choice(WORDS)} số {number}"
    lat = 19.90 + rng.random() * 0.15
    lon = 105.55 + rng.random() * 0.15
    text = (
        f"ten: '{name}'\n"
        f"loai: '{category}'\n"
        f"mo_ta: '{SENTENCE}'\n"
        "dia_chi:\n"
        f"  thon: '{rng.choice(['Là Thôn', 'Tân Ngữ', 'Phúc Thôn'])}'\n"
        f"dien_thoai: '0300 {number // 1000:03d} {number % 1000:03d}'\n"
        f"gio_mo_cua:\n{HOURS[number % len(HOURS)]}"
        f"toa_do: '{lat:.4f}, {lon:.4f}'\n"
        "thanh_toan:\n  - 'tiền mặt'\n  - 'VietQR'\n"
        f"xac_minh:\n  ngay: '{1 + number % 28:02d}/10/2026'\n"
        "  vai_tro: 'Tổ công nghệ số cộng đồng'\n"
        "du_lieu_mau: 'có'\n"
    )
    return f"dich-vu-{number:05d}.yml", text


PARAGRAPH = (
    "Theo lời các cụ cao niên trong làng, nơi này gắn với đời sống của bà con từ lâu. Mỗi dịp "
    "lễ hội, người dân các thôn Là Thôn, Tân Ngữ và Phúc Thôn lại về đây dâng hương, gặp gỡ và "
    "cùng nhau giữ gìn nếp làng. Đường đi từ chợ Ấp Bắc qua quán ốc Út chừng mười phút đi bộ; "
    "ở cổng có biển mã QR để quét và đọc thêm thông tin trên điện thoại. "
)


PHOTO_EVERY = 10
"""One page in this many carries a photo (``anh/anh-<n>.jpg``)."""
PHOTO_SIZE = (800, 600)
"""Pixels of each synthetic photo: small, as phones' photos are after a messaging app."""


def photo_jpeg(number: int) -> bytes:
    """A deterministic 800 × 600 JPEG of shapes in colours drawn from ``number``."""
    rng = random.Random(number)
    image = Image.new("RGB", PHOTO_SIZE, tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(PHOTO_SIZE[0]), rng.randrange(PHOTO_SIZE[1])
        w, h = rng.randrange(20, 300), rng.randrange(20, 200)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + w, y + h), fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def page_markdown(
    title: str, words: int, rng: random.Random, photo: str | None = None, guide: bool = False
) -> str:
    """A page of about ``words`` words of Vietnamese text, with sections and a sources list,
    and the image at ``photo`` (a relative link) under the title when given. A ``guide``
    starts with its numbered steps, as :mod:`langso.guides` asks."""
    body = [f"![{title}]({photo})\n"] if photo else []
    if guide:
        steps = "".join(f"{n}. {rng.choice(WORDS)} {rng.choice(WORDS)}.\n" for n in range(1, 6))
        body.append(f"## Các bước\n\n{steps}")
    # Sections of two paragraphs until the page has ``words`` words; the last paragraph is cut
    # to fit (whole paragraphs of 79 words made pages of 257 words, not the documented 450).
    head = f"# {title}\n\n" + "\n".join(body)
    left = words - len(head.split()) - 5  # the sources list below
    section = 0
    while left > 0:
        section += 1
        heading = f"## {rng.choice(WORDS)} {rng.choice(WORDS)} {section}\n"
        left -= len(heading.split())
        for _ in range(2):
            if left <= 0:
                break
            text = " ".join(PARAGRAPH.split()[:left]).rstrip(".,;") + "."
            left -= len(text.split())
            heading += f"\n{text}\n"
        body.append(heading)
    body.append("## Nguồn\n\n- [Bài viết mẫu](https://example.com/)\n")
    return f'---\ntitle: "{title}"\n---\n\n# {title}\n\n' + "\n".join(body)


def body_words(markdown: str) -> int:
    """Words of a page's Markdown after its front matter (split on white space, as ``wc -w``)."""
    if markdown.startswith("---\n"):
        markdown = markdown.split("\n---\n", 1)[-1]
    return len(markdown.split())


def _config(site: str, plugins: str, site_url: str = "https://example.github.io/lang-thu/") -> str:
    return (
        f"site_name: {site}\n"
        f"site_url: {site_url}\n"
        "docs_dir: content\n"
        "theme:\n  name: material\n  language: vi\n  font: false\n"
        "  features:\n    - navigation.prune\n"
        f"plugins:\n{plugins}"
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - tables\n"
    )


def langso_plugins(print_sheets: bool = False, summary: bool = False) -> str:
    """The ``plugins:`` of the sample ``mkdocs.yml``, print sheets only if asked (see above);
    ``summary`` adds ``langso/summary`` (the village's ``lang-so.json``, read by a portal)."""
    sheets = "      print_sheets: [A5, stickers]\n" if print_sheets else ""
    return (
        "  - langso/search\n  - langso/content\n  - langso/photos\n  - langso/reader\n"
        "  - langso/offline\n  - langso/directory:\n"
        "      stale_level: info\n      duplicate_level: info\n  - langso/plaques:\n"
        f"      max_version: 10\n{sheets}" + ("  - langso/summary\n" if summary else "")
    )


def generate(
    output: Path,
    services: int,
    seed: int = 1,
    pages: int = 0,
    *,
    print_sheets: bool = False,
    village: tuple[str, str] | None = None,
    site_url: str | None = None,
) -> None:
    """Write a synthetic village into ``output``: ``services`` directory entries and ``pages``
    pages (half places with a plaque each, half guides), each about 450 words, one page in
    :data:`PHOTO_EVERY` with a photo.

    ``village`` = ``(name, commune)`` names another village of the sample's province (a commune
    of ``tỉnh Thanh Hóa`` as written in addresses, ``xã Yên Định``) and turns on ``langso/summary``
    with ``site_url`` (build_tools/bench_portal.py: many villages for one portal)."""
    rng = random.Random(seed)
    content = output / "content"
    if output.exists():
        shutil.rmtree(output)
    for folder in ("danh-ba", "dia-diem", "huong-dan", "anh"):
        (content / folder).mkdir(parents=True)
    shutil.copy(ROOT / "content" / "categories.yml", content / "categories.yml")
    # The sample's village without its picture and help team, which name its own files.
    village_of = village
    lines = (ROOT / "content" / "village.yml").read_text(encoding="utf-8").splitlines()
    own = ("ho_tro:", "anh:", "anh_mo_ta:", "anh_la_tranh:")
    kept = [line for line in lines if not line.startswith(own)]
    if village_of:
        name, commune = village_of
        kept = [f"ten: '{name}'" if line.startswith("ten:") else line for line in kept]
        kept = [f"xa: '{commune}'" if line.startswith("xa:") else line for line in kept]
        kept = [line for line in kept if not line.startswith(("xa_cu:", "huyen_cu:"))]
    (content / "village.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    (content / "index.md").write_text(
        '---\ntitle: "Làng thử nghiệm"\n---\n\n# Làng thử nghiệm\n\n[Danh bạ](danh-ba/index.md)\n',
        encoding="utf-8",
    )
    for number in range(services):
        file_name, text = service_yaml(number, rng)
        (content / "danh-ba" / file_name).write_text(text, encoding="utf-8")
    plaques = []
    for number in range(pages):
        folder = "dia-diem" if number % 2 == 0 else "huong-dan"
        title = f"{'Đình' if folder == 'dia-diem' else 'Hướng dẫn'} {rng.choice(WORDS)} {number}"
        name = f"trang-{number:05d}.md"
        photo = None
        if number % PHOTO_EVERY == 0:
            (content / "anh" / f"anh-{number:05d}.jpg").write_bytes(photo_jpeg(seed + number))
            photo = f"../anh/anh-{number:05d}.jpg"
        markdown = page_markdown(title, 450, rng, photo, guide=folder == "huong-dan")
        (content / folder / name).write_text(markdown, encoding="utf-8")
        if folder == "dia-diem":
            plaques.append(f"- id: 'p{number}'\n  ten: '{title}'\n  trang: '{folder}/{name}'\n")
    (content / "plaques.yml").write_text("".join(plaques) or "[]\n", encoding="utf-8")
    plugins = langso_plugins(print_sheets, summary=village_of is not None)
    name = f"Làng {village_of[0]}" if village_of else "Làng thử nghiệm"
    config = _config(name, plugins, site_url or "https://example.github.io/lang-thu/")
    (output / "mkdocs.yml").write_text(config, encoding="utf-8")


NAV_SECTION_LIMIT = 25
"""``langso/content``'s default ``nav_section_limit``: a bigger section is cut to a window."""

SECTIONS = (("danh-ba", "Danh bạ"), ("dia-diem", "Địa điểm"), ("huong-dan", "Hướng dẫn"))


def small_nav(content: Path, site_url: str) -> str:
    """The ``nav:`` of plain Material closest to our trimmed navigation (``langso.content.nav``).

    Ours shows, in a section of more than :data:`NAV_SECTION_LIMIT` pages, its index page, a
    window of ``2 × NEIGHBOURS + 1`` pages around the current page and a link "Xem tất cả …" to
    the full list. A static ``nav:`` cannot move the window with the page, so every page shows the
    first window of each section: the same number of links, the same HTML size. Pages left out of
    ``nav:`` are still built (MkDocs notes them at INFO level)."""
    from langso.content.nav.adapter import NEIGHBOURS

    lines = ["nav:", "  - index.md"]
    for folder, title in SECTIONS:
        found = sorted(f"{folder}/{p.name}" for p in (content / folder).glob("*.md"))
        index = f"{folder}/index.md"
        others = [uri for uri in found if uri != index]
        lines.append(f"  - '{title}':")
        lines += [f"    - {index}"] if index in found else []
        if len(others) <= NAV_SECTION_LIMIT:
            lines += [f"    - {uri}" for uri in others]
            continue
        lines += [f"    - {uri}" for uri in others[: 2 * NEIGHBOURS + 1]]
        lines.append(f"    - 'Xem tất cả {len(others)} trang': {site_url}{folder}/")
    return "\n".join(lines) + "\n"


def generate_plain(
    output: Path, services: int, seed: int = 1, pages: int = 0, *, nav: bool = False
) -> None:
    """The same content as :func:`generate` as plain Markdown for plain Material (no plugins of
    ours): directory entries pre-rendered to the Markdown our plugin would generate. ``nav``:
    the small navigation of :func:`small_nav`, else Material's own (every page of the current
    folder, ``navigation.prune``)."""
    import datetime as dt

    from langso.directory.loading import load_directory
    from langso.directory.render import index_markdown, service_markdown
    from langso.village import load_village

    generate(output, services, seed, pages)
    content = output / "content"
    village, _ = load_village(content, "content")
    directory, _ = load_directory(content, "content", village=village, today=dt.date(2026, 11, 30))
    index = "danh-ba/index.md"
    (content / index).write_text(index_markdown(directory, index, "Danh bạ", village), "utf-8")
    for entry in directory.entries:
        text = service_markdown(
            entry, directory, index, village, today=dt.date(2026, 11, 30), stale_months=12
        )
        (content / entry.page).write_text(text, encoding="utf-8")
        (content / entry.source).unlink()
    for name in ("village.yml", "categories.yml", "plaques.yml"):
        (content / name).unlink()
    config = _config("Làng thử nghiệm", "  - search\n")
    if nav:
        config += small_nav(content, "https://example.github.io/lang-thu/")
    (output / "mkdocs.yml").write_text(config, "utf-8")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--pages", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plain", action="store_true", help="plain Markdown for plain Material")
    parser.add_argument(
        "--small-nav", action="store_true", help="with --plain: a navigation as small as ours"
    )
    parser.add_argument("--print-sheets", action="store_true", help="PDF sheets A5 and stickers")
    args = parser.parse_args()
    if args.plain:
        generate_plain(args.output, args.services, args.seed, args.pages, nav=args.small_nav)
    else:
        generate(args.output, args.services, args.seed, args.pages, print_sheets=args.print_sheets)
    print(f"wrote {args.services} services and {args.pages} pages into {args.output}")


if __name__ == "__main__":
    main()
