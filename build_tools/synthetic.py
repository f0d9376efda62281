#!/usr/bin/env python3
"""Generate a synthetic village for benchmarks: N directory entries with realistic Vietnamese text.

    .venv/bin/python build_tools/synthetic.py OUTPUT_DIR --services 5000 [--pages 0] [--seed 1]

Writes ``OUTPUT_DIR/mkdocs.yml`` and ``OUTPUT_DIR/content/`` (village, categories, services with
phones, hours, coordinates, verification; optionally landmark pages and plaques), all marked as
sample data with unassigned phone numbers. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = [
    ("Tạp hóa", "cua-hang-qr"),
    ("Quán nước", "cua-hang-qr"),
    ("Nhà thuốc", "y-te"),
    ("Điểm thu tiền điện", "dien"),
    ("Nhà văn hóa", "nha-van-hoa"),
    ("Quầy rau", "cho"),
    ("Sửa xe", "cua-hang-qr"),
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


def generate(output: Path, services: int, seed: int = 1) -> None:
    """Write a synthetic village with ``services`` directory entries into ``output``."""
    rng = random.Random(seed)
    content = output / "content"
    if output.exists():
        shutil.rmtree(output)
    (content / "danh-ba").mkdir(parents=True)
    for name in ("village.yml", "categories.yml"):
        shutil.copy(ROOT / "content" / name, content / name)
    (content / "index.md").write_text(
        '---\ntitle: "Làng thử nghiệm"\n---\n\n# Làng thử nghiệm\n\n[Danh bạ](danh-ba/index.md)\n',
        encoding="utf-8",
    )
    for number in range(services):
        file_name, text = service_yaml(number, rng)
        (content / "danh-ba" / file_name).write_text(text, encoding="utf-8")
    (output / "mkdocs.yml").write_text(
        "site_name: Làng thử nghiệm\n"
        "site_url: https://example.github.io/lang-thu/\n"
        "docs_dir: content\n"
        "theme:\n  name: material\n  language: vi\n  font: false\n"
        "plugins:\n  - search\n  - langso/content\n  - langso/directory:\n"
        "      stale_level: info\n      duplicate_level: info\n  - langso/plaques\n"
        "markdown_extensions:\n  - admonition\n  - attr_list\n  - tables\n",
        encoding="utf-8",
    )


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--services", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.output, args.services, args.seed)
    print(f"wrote {args.services} services into {args.output}")


if __name__ == "__main__":
    main()
