"""The build's own log names the file, the line and the fix for MkDocs' link warnings too.

Found by a new commune: ``langso check`` located a broken link in Vietnamese, but the host's
``mkdocs build --strict`` (the red cross on a pull request) said only "Doc file '…' contains a
link …, but the target … is not found among documentation files." in English, with no line.
"""

from __future__ import annotations

from tests.conftest import SiteFactory, build_site

PAGE = "content/dia-diem/dinh-lang-phu-my.md"
BODY = (
    "# Đình làng Phú Mỹ\n\n"
    "Gần [chợ](../danh-ba/cho-phu-my.yml).\n\n"
    "Xem [giếng](gieng.md).\n\n"
    "## Nguồn\n\n- [Bài viết mẫu](https://example.com/)\n"
)


def test_link_warnings_are_located_and_bilingual_in_the_build_log(
    make_site: SiteFactory,
) -> None:
    result = build_site(make_site(files={PAGE: BODY}))
    assert not result.ok  # --strict still stops on them: the level is kept
    first_lines = [m.splitlines()[0] for m in result.messages[:2]]
    assert first_lines[0].startswith(
        f"{PAGE}:3: liên kết `../danh-ba/cho-phu-my.yml` dẫn tới tệp dữ liệu YAML, không phải"
    )
    assert first_lines[1].startswith(
        f"{PAGE}:5: liên kết `gieng.md` dẫn tới `content/dia-diem/gieng.md`"
    )
    assert all("\n    (en) " in m for m in result.messages[:2])
    assert not any(m.startswith("Doc file '") for m in result.messages)
