#!/usr/bin/env python3
"""Regenerate the Vietnamese subset of Noto Sans shipped in plugins/langso/fonts/.

    .venv/bin/pip install fonttools && .venv/bin/python build_tools/make_font_subset.py NOTO_DIR

NOTO_DIR holds NotoSans-Regular.ttf and NotoSans-Bold.ttf (e.g. Debian's fonts-noto-core, under
/usr/share/fonts/truetype/noto). The subset keeps Basic Latin, Latin-1, Latin Extended-A/B, the
combining marks and Latin Extended Additional (every precomposed Vietnamese letter, U+1EA0–U+1EF9)
and common punctuation: print sheets embed it, so the PDFs render Vietnamese the same everywhere.
Noto Sans is © Google, under the SIL Open Font License 1.1 (OFL.txt beside the fonts).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

TARGET = Path(__file__).resolve().parent.parent / "plugins" / "langso" / "fonts"
UNICODES = ",".join(
    [
        "U+0020-007E",  # Basic Latin
        "U+00A0-024F",  # Latin-1, Latin Extended-A and -B (đ, ơ, ư …)
        "U+0300-0323",  # combining marks, for decomposed text
        "U+1EA0-1EF9",  # Latin Extended Additional: precomposed Vietnamese letters
        "U+2010-2027,U+2030-203A",  # dashes, quotes, bullet, ellipsis
        "U+20AB,U+2190-2193,U+2212",  # ₫, arrows, minus
    ]
)


def main() -> None:
    """Subset the regular and bold faces into the package's fonts folder."""
    source = Path(sys.argv[1])
    for face in ("Regular", "Bold"):
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(source / f"NotoSans-{face}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        out = TARGET / f"NotoSans-Vietnamese-{face}.ttf"
        subset.save_font(font, str(out), options)
        print(f"wrote {out.name}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
