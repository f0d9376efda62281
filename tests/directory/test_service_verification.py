"""A service's verification: who checked it and when (loader level)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from langso.directory.fields import VERIFIER_ROLES, Verification
from tests.directory.services import QUAN, load, message, only

# --- verification -----------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["01/05/2026", "2026-05-01", "01-05-2026", "01.05.2026"])
def test_verification_date_formats(tmp_path: Path, typed: str) -> None:
    text = QUAN + f"xac_minh:\n  ngay: '{typed}'\n  vai_tro: 'Trưởng thôn'\n"
    directory, problems = load(tmp_path, {"quan-a.yml": text})
    assert problems == []
    assert directory.entries[0].service.verified == Verification(
        ngay=dt.date(2026, 5, 1), vai_tro="Trưởng thôn"
    )


@pytest.mark.parametrize("typed", ["trưởng thôn", "TRƯỞNG THÔN", "truong thon"])
def test_verifier_role_is_matched_without_case_or_accents(tmp_path: Path, typed: str) -> None:
    text = QUAN + f"xac_minh:\n  ngay: '01/05/2026'\n  vai_tro: '{typed}'\n"
    directory, problems = load(tmp_path, {"quan-a.yml": text})
    assert problems == []
    verified = directory.entries[0].service.verified
    assert verified is not None
    assert verified.role == "Trưởng thôn"


def test_verifier_roles() -> None:
    assert VERIFIER_ROLES == (
        "Tổ công nghệ số cộng đồng",
        "Trưởng thôn",
        "Cán bộ xã",
        "Chủ cơ sở",
        "Tình nguyện viên",
    )


@pytest.mark.parametrize("typed", ["30/02/2026", "2026-02-30", "31/04/2026", "29/02/2025"])
def test_impossible_verification_date(tmp_path: Path, typed: str) -> None:
    text = QUAN + f"xac_minh:\n  ngay: '{typed}'\n  vai_tro: 'Trưởng thôn'\n"
    assert only(tmp_path, text) == [
        message(
            4,
            "xac_minh.ngay",
            f"`{typed}` không phải một ngày có thật — viết ngày/tháng/năm, ví dụ '01/05/2026'"
            " (hoặc '2026-05-01')",
            f"`{typed}` is not a real date — write day/month/year, e.g. '01/05/2026'"
            " (or '2026-05-01')",
        )
    ]


def test_verification_date_in_the_future(tmp_path: Path) -> None:
    text = QUAN + "xac_minh:\n  ngay: '01/12/2026'\n  vai_tro: 'Trưởng thôn'\n"
    assert only(tmp_path, text) == [
        message(
            4,
            "xac_minh.ngay",
            "ngày kiểm tra 01/12/2026 ở tương lai — ghi ngày đã thực sự kiểm tra",
            "the verification date 01/12/2026 is in the future"
            " — write the day the entry was actually checked",
        )
    ]


def test_verification_on_the_build_day_is_accepted(tmp_path: Path) -> None:
    text = QUAN + "xac_minh:\n  ngay: '30/11/2026'\n  vai_tro: 'Trưởng thôn'\n"
    assert only(tmp_path, text) == []


def test_verifier_role_that_is_a_name_is_refused(tmp_path: Path) -> None:
    text = QUAN + "xac_minh:\n  ngay: '01/05/2026'\n  vai_tro: 'Nguyễn Văn An'\n"
    roles = (
        "'Tổ công nghệ số cộng đồng', 'Trưởng thôn', 'Cán bộ xã', 'Chủ cơ sở', 'Tình nguyện viên'"
    )
    assert only(tmp_path, text) == [
        message(
            5,
            "xac_minh.vai_tro",
            "`Nguyễn Văn An` không phải một vai trò trong danh sách (không ghi tên người)"
            f" — dùng một trong: {roles}",
            "`Nguyễn Văn An` is not one of the roles (never a person's name)"
            f" — use one of: {roles}",
        )
    ]


def test_verification_needs_both_date_and_role(tmp_path: Path) -> None:
    _, problems = load(tmp_path, {"quan-a.yml": QUAN + "xac_minh:\n  ngay: '01/05/2026'\n"})
    assert [(p.line, p.code, p.field) for p in problems] == [
        (4, "field.missing", "xac_minh.vai_tro")
    ]
