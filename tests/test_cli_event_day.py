"""``langso new su-kien``: the day of an event as a phone user types it (issue 15, a hamlet
head): said back, then confirmed or typed again; lunar when Vietnamese says so (``mùng``,
``rằm``, ``tháng giêng``), asked ("âm lịch hay dương lịch?") when it does not; what was typed
echoed with its accents.

The build day is fixed (tests/conftest.py): today is 30/11/2026 in Viet Nam.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from langso.cli_new_notice import _Asker
from tests.conftest import SiteFactory
from tests.test_cli_new import langso
from tests.test_cli_new_notice import front_matter, parsed, run, site, typed

__all__ = ["site"]  # the fixture, shared with tests/test_cli_new_notice.py


def market(root: Path, config: object, asker: _Asker) -> dict[str, object]:
    args = parsed("su-kien", "--loai", "4", "--tieu-de", "Phiên chợ (thử)")
    path = run(root, config, args, asker)
    return front_matter(path.read_text("utf-8"))


def test_mung_and_ram_are_lunar_days_said_back_then_confirmed(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    data = market(root, config, typed("mùng 1 và rằm hằng tháng", "", "", "", ""))
    assert data["hang_thang_am"] == [1, 15]
    out = capsys.readouterr().out
    assert (
        "Ngày diễn ra / the day: \n"
        "→ Hằng tháng vào ngày 1 và 15 âm lịch\n"
        "Đúng chưa? (Enter: đúng, k: gõ lại ngày) / right? (Enter: yes, k: type it again): \n"
        "Giờ, ví dụ"
    ) in out
    assert "Âm lịch hay dương lịch" not in out


def test_plain_days_of_a_market_ask_which_calendar(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    data = market(root, config, typed("ngày 1 và 15 hằng tháng", "x", "â", "", "", "", ""))
    assert data["hang_thang_am"] == [1, 15]
    assert "hang_thang" not in data
    out = capsys.readouterr().out
    assert (
        "Ngày diễn ra / the day: \n"
        "Âm lịch hay dương lịch? (â/d) / lunar or solar?: \n"
        "`x`: gõ â (âm lịch) hoặc d (dương lịch)\n"
        "    (en) type â (lunar calendar) or d (solar calendar)\n"
        "Âm lịch hay dương lịch? (â/d) / lunar or solar?: \n"
        "→ Hằng tháng vào ngày 1 và 15 âm lịch\n"
    ) in out


def test_a_day_said_back_wrongly_is_typed_again(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    answers = ("ngày 1 và 15 hằng tháng", "d", "k", "ngày 5 dương lịch hằng tháng", "", "", "", "")
    data = market(root, config, typed(*answers))
    assert data["hang_thang"] == [5]
    out = capsys.readouterr().out
    assert "→ Hằng tháng vào ngày 1 và 15 dương lịch\n" in out
    assert "→ Hằng tháng vào ngày 5 dương lịch\n" in out
    assert out.count("Ngày diễn ra / the day: ") == 2


def test_a_yearly_lunar_day_by_its_name(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    args = parsed("su-kien", "--loai", "le hoi", "--tieu-de", "Rằm tháng Giêng (thử)")
    path = run(root, config, args, typed("rằm tháng giêng", "", "", "", ""))
    assert front_matter(path.read_text("utf-8"))["ngay_am"] == "15/1"
    assert "→ Hằng năm vào ngày 15/1 âm lịch\n" in capsys.readouterr().out


def test_plain_market_days_as_an_option_are_refused(make_site: SiteFactory) -> None:
    root = make_site()
    result = langso(
        root, "new", "su-kien", "--loai", "4", "--tieu-de", "Chợ", "--ngay",
        "ngày 1 và 15 hằng tháng",
    )  # fmt: skip
    assert result.returncode != 0
    assert (
        "--ngay: `ngày 1 và 15 hằng tháng`: âm lịch hay dương lịch? — thêm chữ âm lịch hoặc"
        " dương lịch, ví dụ ngày 1 và 15 âm lịch hằng tháng\n"
        "    (en) lunar or solar calendar? add âm lịch or dương lịch"
    ) in result.stderr
    assert not (root / "content/lich").exists()


def test_a_wrong_time_at_the_prompt_is_echoed_with_its_accents(
    site: tuple[Path, object], capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = site
    args = parsed("su-kien", "--loai", "hop", "--tieu-de", "Họp", "--ngay", "15/01/2027")
    run(root, config, args, typed("rằm tháng giêng", "07:30", "", ""))
    assert "giờ `rằm tháng giêng` không đúng dạng" in capsys.readouterr().out
