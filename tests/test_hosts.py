"""Host budgets (langso.hosts): the table, the walk, the messages, and the check every village
build runs (langso/reader ``host:``)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from langso.hosts import (
    HOST_LIMITS,
    STRICTEST,
    HostLimits,
    check_output,
    host_of,
    limits_for,
    measure,
)
from tests.conftest import SiteFactory, build_site


def tiny(**limits: int | None) -> HostLimits:
    """A fake host with tiny limits (the real table is never touched)."""
    values: dict[str, int | None] = {
        "max_files": None,
        "max_file_bytes": None,
        "max_total_bytes": None,
    }
    values.update(limits)
    return HostLimits("thu", "Nơi thử", **values)  # type: ignore[arg-type]


def write(root: Path, files: dict[str, int]) -> None:
    for rel, size in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * size)


def test_the_table_holds_the_documented_numbers_with_their_sources() -> None:
    assert HOST_LIMITS["cloudflare"].max_files == 20_000
    assert HOST_LIMITS["cloudflare"].max_file_bytes == 25 * 1024 * 1024
    assert HOST_LIMITS["github"].max_total_bytes == 1_000_000_000
    assert HOST_LIMITS["gitlab"].max_files == 30_000  # the Free tier proposal, not 200,000
    assert HOST_LIMITS["gitlab"].counts_folders
    assert HOST_LIMITS["netlify"].max_files is None
    for limits in HOST_LIMITS.values():
        assert limits.sources and all(s.startswith("https://") for s in limits.sources)
    assert (STRICTEST.max_files, STRICTEST.max_file_bytes, STRICTEST.max_total_bytes) == (
        20_000,
        25 * 1024 * 1024,
        1_000_000_000,
    )


def test_github_refuses_a_file_over_100_mib(tmp_path: Path) -> None:
    """GitHub blocks a push holding a file over 100 MiB ("About large files on GitHub"): a
    village's 120 MB video never reaches its repository, let alone its site."""
    assert HOST_LIMITS["github"].max_file_bytes == 100 * 1024 * 1024
    assert any("about-large-files-on-github" in s for s in HOST_LIMITS["github"].sources)
    (tmp_path / "video").mkdir()
    with (tmp_path / "video" / "le-hoi.mp4").open("wb") as video:
        video.truncate(120_000_000)  # sparse: no 120 MB written
    (finding,) = check_output(tmp_path, "github")
    assert (finding.level, finding.measure, finding.path) == (
        "error",
        "file_bytes",
        "video/le-hoi.mp4",
    )
    assert finding.message.startswith(
        "Tệp video/le-hoi.mp4 nặng 114,4 MiB, vượt giới hạn 100,0 MiB một tệp của GitHub Pages "
        "(114 %): nơi đăng sẽ không nhận bản này — "
    )


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://example.github.io/lang-so/", "github"),
        ("https://GitHub.io/", "github"),
        ("https://nhom.gitlab.io/du-an/", "gitlab"),
        ("https://x.netlify.app/", "netlify"),
        ("https://lang.pages.dev/", "cloudflare"),
        ("https://langso.yendinh.gov.vn/", None),
        ("https://evilgithub.io/", None),
        ("", None),
        (None, None),
    ],
)
def test_host_of_reads_the_domain(url: str | None, host: str | None) -> None:
    assert host_of(url) == host


def test_measure_walks_once(tmp_path: Path) -> None:
    write(tmp_path, {"index.html": 10, "a/b/c.css": 30, "a/d.js": 5})
    size = measure(tmp_path)
    assert (size.files, size.folders, size.total_bytes) == (3, 2, 45)
    assert (size.biggest, size.biggest_bytes) == ("a/b/c.css", 30)


def test_a_site_with_room_says_nothing(tmp_path: Path) -> None:
    write(tmp_path, {f"p{i}.html": 10 for i in range(7)})
    assert check_output(tmp_path, tiny(max_files=10, max_total_bytes=100)) == []


def test_from_80_percent_a_warning_over_100_an_error(tmp_path: Path) -> None:
    write(tmp_path, {f"p{i}.html": 10 for i in range(8)} | {"big.pdf": 300})
    found = check_output(tmp_path, tiny(max_files=10, max_file_bytes=200, max_total_bytes=450))
    assert [(f.level, f.measure, f.value, f.limit, f.path) for f in found] == [
        ("error", "file_bytes", 300, 200, "big.pdf"),
        ("warning", "files", 9, 10, None),
        ("warning", "total_bytes", 380, 450, None),
    ]
    assert found[0].message == (
        "Tệp big.pdf nặng 300 byte, vượt giới hạn 200 byte một tệp của Nơi thử (150 %): "
        "nơi đăng sẽ không nhận bản này — chuyển tệp lớn (video, PDF, bản đồ nền) sang nơi "
        "khác và dẫn liên kết tới đó, hoặc cắt nhỏ tệp. / The file big.pdf weighs 300 bytes, "
        "over the limit of 200 bytes a file on Nơi thử (150 %): the host will refuse it — move "
        "the big file (video, "
        "PDF, base map) elsewhere and link to it, or make it smaller."
    )
    assert found[1].message == (
        "Trang có 9 tệp, sắp chạm giới hạn 10 tệp một trang của Nơi thử (90 %) — bớt tệp: "
        "tắt tờ in PDF của biển (langso/plaques `print_sheets: []`), bớt cỡ ảnh "
        "(langso/photos `widths`), hoặc tách thành nhiều trang — mỗi thôn một trang "
        "(docs/cong-tinh.md). / The site has 9 files, near the limit of 10 files a site on "
        "Nơi thử (90 %) — fewer files: turn off the plaques' PDF print sheets (langso/plaques "
        "`print_sheets: []`), fewer photo sizes (langso/photos `widths`), or split the site, "
        "one per village (docs/cong-tinh.md)."
    )


def test_real_sizes_are_written_the_vietnamese_way(tmp_path: Path) -> None:
    write(tmp_path, {"ban-do/nen.pmtiles": 26 * 1024 * 1024})
    (found,) = check_output(tmp_path, "cloudflare")
    assert found.message.startswith(
        "Tệp ban-do/nen.pmtiles nặng 26,0 MiB, vượt giới hạn 25,0 MiB một tệp của Cloudflare "
        "Pages (104 %)"
    )
    assert (
        "/ The file ban-do/nen.pmtiles weighs 26.0 MiB, over the limit of 25.0 MiB a file on "
        "Cloudflare Pages (104 %)" in found.message
    )


def test_gitlab_counts_folders_too(tmp_path: Path) -> None:
    write(tmp_path, {f"trang-{i}/index.html": 1 for i in range(5)})
    limits = HostLimits("gitlab", "GitLab Pages", 10, None, None, counts_folders=True)
    (found,) = check_output(tmp_path, limits)
    assert (found.level, found.value) == ("warning", 10)
    assert found.message.startswith(
        "Trang có 10 tệp và thư mục, sắp chạm giới hạn 10 tệp và thư mục một trang của "
        "GitLab Pages (100 %)"
    )


def test_limits_for_names_its_choice() -> None:
    assert limits_for("gitlab") == (HOST_LIMITS["gitlab"], None)
    limits, note = limits_for(None, "https://example.github.io/x/")
    assert limits is HOST_LIMITS["github"]
    assert note is not None and note.startswith("Nơi đăng đoán theo site_url: GitHub Pages")
    limits, note = limits_for(None, "https://langso.yendinh.gov.vn/", max_files=5)
    assert (limits.name, limits.max_files) == ("nơi đăng chặt nhất", 5)
    assert note is not None and note.startswith("Không rõ nơi đăng")
    with pytest.raises(ValueError, match="không có nơi đăng `vercel`"):
        limits_for("vercel")


READER = {
    "plugins": [
        "langso/content",
        {"langso/directory": {"stale_level": "info", "duplicate_level": "info"}},
        "langso/plaques",
        {"langso/reader": {"host": "cloudflare", "host_max_files": 10}},
    ]
}


def reader(options: dict[str, object]) -> dict[str, object]:
    plugins = list(READER["plugins"])
    plugins[-1] = {"langso/reader": options}
    return {"plugins": plugins}


def test_a_village_over_its_hosts_file_limit_fails_to_build(make_site: SiteFactory) -> None:
    result = build_site(make_site(config=READER), strict=False)
    assert not result.ok
    files = measure(result.site_dir).files
    assert result.messages[-1].startswith(
        f"Làng số: Trang có {files} tệp, vượt giới hạn 10 tệp một trang của Cloudflare Pages "
        f"({files * 10} %): nơi đăng sẽ không nhận bản này — bớt tệp: tắt tờ in PDF"
    )


def test_a_village_near_its_limit_is_told_and_still_publishes(
    make_site: SiteFactory, caplog: pytest.LogCaptureFixture
) -> None:
    """From 80 % a notice, not a warning: every host builds with ``--strict``, and a village
    near its limit must still publish (a storm notice cannot wait for a file clean-up)."""
    files = measure(build_site(make_site(config=reader({"host": "cloudflare"}))).site_dir).files
    site = make_site(config=reader({"host": "cloudflare", "host_max_files": files + 1}))
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.langso")
    strict = build_site(site, strict=True)
    assert strict.ok
    assert not [m for m in strict.messages if "giới hạn" in m]
    told = [r.getMessage() for r in caplog.records if "giới hạn" in r.getMessage()]
    pct = files * 100 // (files + 1)
    assert told == [
        f"Làng số: Trang có {files} tệp, sắp chạm giới hạn {files + 1} tệp một trang của "
        f"Cloudflare Pages ({pct} %) — bớt tệp: tắt tờ in PDF của biển (langso/plaques "
        "`print_sheets: []`), bớt cỡ ảnh (langso/photos `widths`), hoặc tách thành nhiều trang "
        "— mỗi thôn một trang (docs/cong-tinh.md). / The site has "
        f"{files} files, near the limit of {files + 1} files a site on Cloudflare Pages "
        f"({pct} %) — "
        "fewer files: turn off the plaques' PDF print sheets (langso/plaques `print_sheets: "
        "[]`), fewer photo sizes (langso/photos `widths`), or split the site, one per village "
        "(docs/cong-tinh.md)."
    ]


def test_without_host_the_guess_is_named(make_site: SiteFactory) -> None:
    site = make_site(config=reader({"host_max_files": 10}))  # site_url is *.github.io
    result = build_site(site, strict=False)
    assert not result.ok
    assert result.messages[-1].endswith(
        "(Nơi đăng đoán theo site_url: GitHub Pages; sai thì đặt `host:` cho langso/reader. / "
        "Host guessed from site_url: GitHub Pages; set `host:` on langso/reader if wrong.)"
    )


def test_the_sample_build_says_nothing_about_its_host(sample_site: object) -> None:
    from tests.conftest import BuildResult

    assert isinstance(sample_site, BuildResult)
    assert not [m for m in sample_site.messages if "giới hạn" in m]
    assert check_output(sample_site.site_dir, "github") == []
    assert check_output(sample_site.site_dir, STRICTEST) == []
