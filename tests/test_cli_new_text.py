"""``langso new place --noi-dung "…"`` writes the text into the page (issue 17: it was dropped
without a word), and an option the kind does not read is refused, never dropped."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SiteFactory

TEXT = "Đình làng Phú Mỹ (dữ liệu mẫu) dựng bên bờ sông, nơi làng họp việc chung."


def langso(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "langso.cli", *args],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
        check=False,
    )


def test_place_and_guide_take_the_text_as_their_first_paragraph(make_site: SiteFactory) -> None:
    root = make_site()
    place = langso(root, "new", "place", "--title", "Đình Phú Mỹ", "--noi-dung", f"  {TEXT}  ")
    assert place.returncode == 0, place.stderr
    assert (root / "content/dia-diem/dinh-phu-my.md").read_text(encoding="utf-8") == (
        '---\ntitle: "Đình Phú Mỹ"\n---\n\n# Đình Phú Mỹ\n\n'
        f"{TEXT}\n\n"
        "## Đường đi\n\nChỉ đường từ trụ sở xã hoặc một nơi ai cũng biết.\n\n"
        "## Nguồn\n\n"
        "- Ghi tên sách, bài báo, tài liệu hoặc người kể đã dùng (kèm liên kết nếu có).\n"
    )
    guide = langso(root, "new", "guide", "--title", "Cài VNeID", "--noi-dung", "Mất 10 phút.")
    assert guide.returncode == 0, guide.stderr
    text = (root / "content/huong-dan/cai-vneid.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Cài VNeID"\n---\n\n# Cài VNeID\n\nMất 10 phút.\n\n')
    # The page's text shows, and the starter warning points at what is still to write.
    check = langso(root, "check")
    assert "content/dia-diem/dinh-phu-my.md:11:" in check.stdout, check.stdout
    assert "dinh-phu-my.md:7:" not in check.stdout


def test_service_takes_the_text_as_its_description(make_site: SiteFactory) -> None:
    root = make_site()
    service = langso(
        root,
        "new",
        "service",
        "--title",
        "Quán A",
        "--loai",
        "cho",
        "--noi-dung",
        "Bán 'rau'\nsạch",
    )
    assert service.returncode == 0, service.stderr
    text = (root / "content/danh-ba/quan-a.yml").read_text(encoding="utf-8")
    assert "\nloai: 'cho'\nmo_ta: 'Bán ''rau'' sạch'\n# dia_chi:\n" in text
    check = langso(root, "check")
    assert check.returncode == 0, check.stdout


def test_an_option_the_kind_does_not_read_is_refused(make_site: SiteFactory) -> None:
    root = make_site()
    result = langso(
        root, "new", "place", "--title", "Đình", "--het-han", "12/12/2026", "--gio", "07:30"
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "`langso new place` không dùng --het-han, --gio: chưa tạo tệp nào — bỏ --het-han, --gio"
        " rồi chạy lại (dùng được: --title, --noi-dung)",
        "    (en) `langso new place` does not use --het-han, --gio: no file was written — run it"
        " again without --het-han, --gio (it takes: --title, --noi-dung)",
    ]
    assert not (root / "content/dia-diem/dinh.md").exists()
    plaque = langso(root, "new", "plaque", "--title", "A", "--page", "x.md", "--noi-dung", "B")
    assert plaque.returncode == 1
    assert plaque.stderr.startswith("`langso new plaque` không dùng --noi-dung:")
