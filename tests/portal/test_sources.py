"""Every village of a portal file read: built folders, published sites over a real local HTTP
server, village projects built in parallel processes, CI builds, and the cache of last good copies.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from langso.portal.config import PortalFile, read_portal_file
from langso.portal.fetch import FetchSettings
from langso.portal.sources import SummaryCache, collect_villages, project_key, village_key
from tests.conftest import copy_site
from tests.portal.http_villages import Server, serve
from tests.portal.summaries import make_summary
from tests.summary.sites import CONFIG

FAST = FetchSettings(timeout=0.3, tries=2, backoff=0.0)
YESTERDAY, TODAY = dt.date(2026, 12, 3), dt.date(2026, 12, 4)


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


def portal(root: Path, entries: str) -> PortalFile:
    path = root / "cong.yml"
    path.write_text(f"ten: 'Cổng thử (dữ liệu mẫu)'\nlang:\n{entries}", encoding="utf-8")
    found, problems = read_portal_file(path, "cong.yml")
    assert problems == [] and found is not None
    return found


def built(root: Path, folder: str, summary: dict[str, object] | bytes) -> None:
    (root / folder).mkdir(parents=True)
    data = summary if isinstance(summary, bytes) else json.dumps(summary).encode()
    (root / folder / "lang-so.json").write_bytes(data)


def test_a_project_key_is_its_folder_name_and_never_follows_its_name(tmp_path: Path) -> None:
    """Fixing a typo in `ten` after plaques are printed must not move the village; markup in a
    name never reaches its address."""
    project = tmp_path / "lang" / "tan-ngu"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", "utf-8")
    village = project / "content" / "village.yml"
    village.write_text("ten: 'Tân Ngũ <img src=x onerror=alert(1)>'\nxa: 'Yên Định'\n", "utf-8")
    assert project_key(project) == "tan-ngu"
    village.write_text("ten: 'Tân Ngữ'\nxa: 'xã Yên Định'\n", "utf-8")
    assert project_key(project) == "tan-ngu"
    assert project_key(tmp_path / "lang" / "Tân Ngũ") == "tan-ngu"
    assert project_key(tmp_path / "lang" / "---") == "lang"


def test_village_keys() -> None:
    assert village_key("xã Yên Định", "Là Thôn") == "yen-dinh-la-thon"
    assert village_key("phường Hạc Thành", "Phố Đông") == "hac-thanh-pho-dong"
    assert village_key("đặc khu Cồn Cỏ", "Bến") == "con-co-ben"


def test_sites_over_the_network_each_with_its_own_outcome(tmp_path: Path, server: Server) -> None:
    base, hits, answers = server
    answers["/khac/lang-so.json"] = json.dumps(
        make_summary("Yên Hoành", base_url="https://example.gitlab.io/yen-hoanh/")
    ).encode()
    built(tmp_path, "da-dung/la-thon", make_summary("Là Thôn", base_url=None))
    found = portal(
        tmp_path,
        f"  - dia_chi: '{base}/tot/'\n"
        f"  - dia_chi: '{base}/chap-chon/'\n"  # 500, then the same village as /tot/
        f"  - dia_chi: '{base}/khac/'\n"
        f"  - dia_chi: '{base}/im-lang/'\n"
        f"  - dia_chi: '{base}/file/'\n"
        f"  - dia_chi: '{base}/lon/'\n"
        f"  - dia_chi: '{base}/hong/'\n"
        "  - thu_muc: 'da-dung/la-thon'\n"
        "    dia_chi: 'https://example.github.io/la-thon/'\n",
    )
    results = collect_villages(found, jobs=1, today=TODAY, settings=FAST)
    assert [(r.key, r.status, r.read_on, r.base_url) for r in results] == [
        ("yen-dinh-phu-my", "moi", TODAY, f"{base}/tot/"),
        ("yen-dinh-phu-my-2", "loi", None, None),
        ("yen-dinh-yen-hoanh", "moi", TODAY, f"{base}/khac/"),
        (f"127-0-0-1-{base.rsplit(':', 1)[1]}-im-lang", "loi", None, None),
        (f"127-0-0-1-{base.rsplit(':', 1)[1]}-file", "loi", None, None),
        (f"127-0-0-1-{base.rsplit(':', 1)[1]}-lon", "loi", None, None),
        (f"127-0-0-1-{base.rsplit(':', 1)[1]}-hong", "loi", None, None),
        ("yen-dinh-la-thon", "moi", TODAY, "https://example.github.io/la-thon/"),
    ]
    assert hits["/chap-chon/lang-so.json"] == 2
    problems = [(r.problem or "-").splitlines()[0] for r in results]
    assert problems[0] == "-"
    assert problems[1] == (
        "cùng một làng (làng Phú Mỹ) với `" + base + "/tot/` — xóa một trong hai mục trong tệp cổng"
    )
    assert problems[3] == (
        f"không đọc được `{base}/im-lang/lang-so.json`: máy chủ không trả lời trong 0.3 giây "
        "(đã thử 2 lần) — mở địa chỉ đó bằng trình duyệt; nếu trang của làng chưa có "
        "lang-so.json, thêm plugin `langso/summary` vào mkdocs.yml của làng rồi dựng lại"
    )
    assert "chuyển hướng tới `file:///etc/passwd`" in problems[4]
    assert "tệp lớn hơn 5.242.880 byte" in problems[5]
    assert problems[6].startswith("bản tóm tắt lang-so.json của làng không dùng được")
    assert (results[6].problem or "").splitlines()[2].startswith(f"{base}/hong/lang-so.json: ")


def test_a_source_that_fails_today_uses_yesterdays_copy(tmp_path: Path, server: Server) -> None:
    base, _, answers = server
    found = portal(tmp_path, f"  - dia_chi: '{base}/hom-qua/'\n")
    answers["/hom-qua/lang-so.json"] = json.dumps(make_summary("Phú Mỹ")).encode()
    [first] = collect_villages(found, jobs=1, today=YESTERDAY, settings=FAST)
    assert (first.status, first.read_on, first.problem) == ("moi", YESTERDAY, None)
    cached = list((tmp_path / ".cache" / "langso" / "portal").glob("*.json"))
    assert len(cached) == 1
    del answers["/hom-qua/lang-so.json"]  # today: 404
    [second] = collect_villages(found, jobs=1, today=TODAY, settings=FAST)
    assert (second.key, second.status, second.read_on) == ("yen-dinh-phu-my", "ban-luu", YESTERDAY)
    assert second.summary == first.summary
    assert (second.problem or "").startswith(
        f"không đọc được `{base}/hom-qua/lang-so.json`: máy chủ trả lời lỗi HTTP 404 —"
    )
    # A cache file changed by hand into something hostile is not used.
    cached[0].write_text('{"ngay_doc": "2026-12-03", "tom_tat": {"dinh_dang": 1}}', "utf-8")
    [third] = collect_villages(found, jobs=1, today=TODAY, settings=FAST)
    assert (third.status, third.summary, third.read_on) == ("loi", None, None)


def test_a_cache_that_cannot_be_written_does_not_stop_the_portal(tmp_path: Path) -> None:
    built(tmp_path, "da-dung/la-thon", make_summary("Là Thôn"))
    found = portal(tmp_path, "  - thu_muc: 'da-dung/la-thon'\n")
    blocked = tmp_path / "khong-ghi-duoc"
    blocked.write_text("a file where the cache folder should be", "utf-8")
    results = collect_villages(found, jobs=1, today=TODAY, cache=SummaryCache(blocked))
    assert [(r.key, r.status) for r in results] == [("yen-dinh-la-thon", "moi")]


def test_village_projects_built_in_parallel_and_a_broken_one(tmp_path: Path) -> None:
    for folder, name in (("lang/phu-my", "Phú Mỹ"), ("lang/la-thon", "Là Thôn")):
        copy_site(
            tmp_path / folder,
            files={
                "content/village.yml": f"ten: '{name}'\nloai: 'làng'\nxa: 'xã Yên Định'\n"
                "tinh: 'tỉnh Thanh Hóa'\n"
            },
            config={"plugins": CONFIG["plugins"]},
        )
    copy_site(
        tmp_path / "lang/hong",
        files={"content/village.yml": "ten: 'Hỏng'\nxa: 'xã Yên Định'\n\ttinh: 'x'\n"},
        config={"plugins": CONFIG["plugins"]},
    )
    found = portal(
        tmp_path,
        "  - thu_muc: 'lang/phu-my'\n  - thu_muc: 'lang/hong'\n  - thu_muc: 'lang/la-thon'\n",
    )
    started: list[str] = []
    results = collect_villages(found, jobs=2, today=TODAY, progress=started.append)
    assert sorted(started) == ["lang/hong", "lang/la-thon", "lang/phu-my"]
    assert [(r.key, r.status, r.base_url) for r in results] == [
        ("phu-my", "moi", "https://example.github.io/lang-phu-my/"),
        ("hong", "loi", None),  # its folder: the same key whether it builds or not
        ("la-thon", "moi", "https://example.github.io/lang-phu-my/"),
    ]
    assert results[0].summary is not None and results[0].summary["lang"]["ten"] == "Phú Mỹ"
    site = tmp_path / ".cache" / "langso" / "portal" / "dung" / "phu-my" / "site"
    assert (site / "lang-so.json").is_file()
    lines = (results[1].problem or "").splitlines()
    assert lines[0] == (
        "dựng trang của làng không được (mkdocs build --strict, mã thoát 1); những dòng đầu "
        "của thông báo ở dưới — chạy `langso check` trong thư mục của làng và sửa theo thông báo"
    )
    assert any("content/village.yml:3:" in line and "Tab" in line for line in lines[2:])


def test_ci_builds_are_read_instead_of_building(tmp_path: Path) -> None:
    project = tmp_path / "lang" / "la-thon"
    (project / "noi-dung").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: 'noi-dung'  # nội dung\n", "utf-8")
    (project / "noi-dung" / "village.yml").write_text(
        "ten: 'Là Thôn'\nxa: 'xã Yên Định'\ntinh: 'tỉnh Thanh Hóa'\n", "utf-8"
    )
    assert project_key(project) == "la-thon"  # its folder, never its name
    ci = tmp_path / "ci"
    built(ci, "la-thon", make_summary("Là Thôn"))
    found = portal(tmp_path, "  - thu_muc: 'lang/la-thon'\n")
    [result] = collect_villages(found, jobs=1, today=TODAY, built_dir=ci)
    assert (result.key, result.status) == ("la-thon", "moi")
    (ci / "la-thon" / "lang-so.json").unlink()
    (tmp_path / ".cache").rename(tmp_path / "cu")  # no last good copy
    [missing] = collect_villages(found, jobs=1, today=TODAY, built_dir=ci)
    assert (missing.key, missing.status) == ("la-thon", "loi")
    assert (missing.problem or "").startswith(
        "không thấy trang đã dựng `la-thon/lang-so.json` trong thư mục --da-dung —"
    )
