"""``langso.init.create_village``: what a new village holds, per host, and what is refused."""

from __future__ import annotations

import datetime as dt
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from langso.init import HOSTS, Host, InitError, create_village, resolve_site_url
from langso.text import slugify
from langso.village import load_village

DAY = dt.date(2026, 11, 1)
REQUIREMENT = "langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0"
COMMON = [
    "mkdocs.yml",
    "README.md",
    ".gitignore",
    "requirements.txt",
    "content/village.yml",
    "content/index.md",
    "content/categories.yml",
    "content/dia-diem/index.md",
    "content/dia-diem/dinh-thon-la-thon.md",
    "content/danh-ba/nha-van-hoa-thon-la-thon-du-lieu-mau.yml",
    "content/plaques.yml",
    "content/thong-bao/2026-11-01-thong-bao-mau-hop-cuoi-nam.md",
    "content/lich/hop-thon-hang-thang-du-lieu-mau.md",
    "content/anh/.gitkeep",
]
HOST_FILE = {
    "github": [".github/workflows/pages.yml", ".github/workflows/daily.yml"],
    "gitlab": [".gitlab-ci.yml"],
    "netlify": ["netlify.toml"],
    "cloudflare": [".python-version"],
}


def make(target: Path, host: Host = "github", **kwargs: Any) -> list[Path]:
    args: dict[str, Any] = {
        "village": "Là Thôn",
        "commune": "xã Yên Định",
        "province": "tỉnh Thanh Hóa",
        "host": host,
        "today": DAY,
        "requirement": REQUIREMENT,
    }
    args.update(kwargs)
    return create_village(target, **args)


def config(root: Path) -> dict[str, Any]:
    # mkdocs.yml holds no custom tags: a plain YAML read is enough.
    data: dict[str, Any] = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    return data


@pytest.mark.parametrize("host", list(HOSTS))
def test_files_written_for_each_host(tmp_path: Path, host: Host) -> None:
    written = make(tmp_path / "lang", host)
    rel = [p.relative_to(tmp_path / "lang").as_posix() for p in written]
    assert rel == COMMON + HOST_FILE[host]
    every = sorted(
        p.relative_to(tmp_path / "lang").as_posix()
        for p in (tmp_path / "lang").rglob("*")
        if p.is_file()
    )
    assert every == sorted(rel)


@pytest.mark.parametrize(
    ("host", "redirect_pages"),
    [("github", True), ("gitlab", False), ("netlify", False), ("cloudflare", False)],
)
def test_mkdocs_yml(tmp_path: Path, host: Host, redirect_pages: bool) -> None:
    make(tmp_path, host, site_url="https://lang.example.org/la-thon")
    data = config(tmp_path)
    assert data["site_url"] == "https://lang.example.org/la-thon/"
    assert data["site_name"] == "Làng số Là Thôn"
    assert data["theme"]["name"] == "material"
    assert data["theme"]["language"] == "vi"
    assert data["theme"]["font"] is False
    assert data["extra"] == {"generator": False}
    assert data["docs_dir"] == "content"
    plugins = data["plugins"]
    assert plugins[:10] == [
        {"langso/search": {"placeholder": "Tìm kiếm"}},  # whole in a phone's header
        "langso/content",
        "langso/photos",
        {"langso/reader": {"host": host}},  # each build checks the host's limits
        "langso/offline",
        {"langso/directory": {"stale_level": "info"}},
        "langso/notices",
        "langso/events",
        "langso/tours",
        "langso/map",
    ]
    if redirect_pages:
        assert plugins[10:] == ["langso/plaques", "langso/summary"]
    else:
        assert plugins[10:] == [{"langso/plaques": {"redirect_pages": False}}, "langso/summary"]
    # A custom domain: the repository is unknown, so no "edit this page" button.
    assert "edit_uri" not in data
    assert "content.action.edit" not in data["theme"]["features"]
    assert "ĐỊA CHỈ TẠM" not in (tmp_path / "mkdocs.yml").read_text("utf-8")


@pytest.mark.parametrize(
    ("host", "placeholder"),
    [
        ("github", "https://example.github.io/la-thon/"),
        ("gitlab", "https://example.gitlab.io/la-thon/"),
        ("netlify", "https://example-la-thon.netlify.app/"),
        ("cloudflare", "https://example-la-thon.pages.dev/"),
    ],
)
def test_without_site_url_a_marked_placeholder(
    tmp_path: Path, host: Host, placeholder: str
) -> None:
    assert resolve_site_url(host, "Là Thôn") == (placeholder, True)
    make(tmp_path, host)
    assert config(tmp_path)["site_url"] == placeholder
    text = (tmp_path / "mkdocs.yml").read_text("utf-8")
    assert "# ĐỊA CHỈ TẠM: sửa thành địa chỉ thật của trang" in text
    assert f"đang là địa chỉ tạm `{placeholder}`" in (tmp_path / "README.md").read_text("utf-8")


def test_village_yml_is_valid_and_quoted(tmp_path: Path) -> None:
    make(tmp_path, village="Kẻ Sặt: 'Đông'", kind="làng")
    village, problems = load_village(tmp_path / "content", "content")
    assert problems == []
    assert village is not None
    assert village.name == "Kẻ Sặt: 'Đông'"
    assert village.kind == "làng"
    assert village.address == "xã Yên Định, tỉnh Thanh Hóa"


def test_sample_service_and_plaque(tmp_path: Path) -> None:
    make(tmp_path)
    service = yaml.safe_load(
        (tmp_path / "content/danh-ba/nha-van-hoa-thon-la-thon-du-lieu-mau.yml").read_text("utf-8")
    )
    assert service["du_lieu_mau"] == "có"
    assert service["dien_thoai"] == "0300 000 001"
    assert service["xac_minh"] == {"ngay": "01/11/2026", "vai_tro": "Tổ công nghệ số cộng đồng"}
    plaques = yaml.safe_load((tmp_path / "content/plaques.yml").read_text("utf-8"))
    assert plaques == [
        {"id": "dinh", "ten": "Đình thôn Là Thôn", "trang": "dia-diem/dinh-thon-la-thon.md"}
    ]
    landmark = (tmp_path / "content/dia-diem/dinh-thon-la-thon.md").read_text("utf-8")
    assert "\n## Nguồn\n" in landmark


@pytest.mark.parametrize(
    ("village", "kind", "landmark", "service"),
    [
        ("Xóm Mới", "xóm", "Đình Xóm Mới", "Nhà văn hóa Xóm Mới (dữ liệu mẫu)"),
        # Typed decomposed (NFD, as macOS may give it) and in another case: still the same word.
        (
            unicodedata.normalize("NFD", "Bản Lác"),
            "BẢN",
            "Đình Bản Lác",
            "Nhà văn hóa Bản Lác (dữ liệu mẫu)",
        ),
        ("Phú Mỹ", "xóm", "Đình xóm Phú Mỹ", "Nhà văn hóa xóm Phú Mỹ (dữ liệu mẫu)"),
        ("Xóm", "xóm", "Đình xóm Xóm", "Nhà văn hóa xóm Xóm (dữ liệu mẫu)"),
    ],
)
def test_a_name_starting_with_its_kind_is_not_prefixed_again(
    tmp_path: Path, village: str, kind: str, landmark: str, service: str
) -> None:
    written = make(tmp_path, village=village, kind=kind)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert f"content/dia-diem/{slugify(landmark)}.md" in names
    assert f"content/danh-ba/{slugify(service)}.yml" in names
    page = (tmp_path / f"content/dia-diem/{slugify(landmark)}.md").read_text("utf-8")
    assert page.startswith(f"---\ntitle: '{landmark}'\n")
    entry = yaml.safe_load((tmp_path / f"content/danh-ba/{slugify(service)}.yml").read_text())
    assert entry["ten"] == service
    place = landmark.removeprefix("Đình ")
    home = (tmp_path / "content/index.md").read_text("utf-8")
    assert f"\nChào bà con {place}, xã Yên Định, tỉnh Thanh Hóa.\n" in home
    assert f"Sổ tay làng số của {place}, xã Yên Định" in config(tmp_path)["site_description"]
    found, problems = load_village(tmp_path / "content", "content")
    assert problems == [] and found is not None and found.full_name == place


def test_github_workflow_checks_pull_requests_builds_and_deploys_main(tmp_path: Path) -> None:
    make(tmp_path, "github")
    text = (tmp_path / ".github/workflows/pages.yml").read_text("utf-8")
    workflow = yaml.safe_load(text)
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1); GitHub reads it as "on".
    assert workflow[True] == {
        "push": {"branches": ["main"]},
        "pull_request": None,
        "workflow_dispatch": None,
        "workflow_call": None,  # by daily.yml
    }
    assert workflow["permissions"] == {"contents": "read"}
    jobs = workflow["jobs"]
    assert list(jobs) == ["check", "build", "deploy"]

    check = jobs["check"]
    assert check["if"] == "github.event_name == 'pull_request'"
    assert [s.get("run") for s in check["steps"] if "run" in s] == [
        "python -m pip install -r requirements.txt",
        "langso check --format github",
    ]
    assert check["steps"][1]["with"] == {"python-version": "3.12", "cache": "pip"}

    build = jobs["build"]
    assert build["if"] == "github.event_name != 'pull_request'"
    steps = build["steps"]
    assert [s.get("run") for s in steps if "run" in s] == [
        "python -m pip install -r requirements.txt",
        "python -m mkdocs build --strict --site-dir site",
    ]
    assert [s.get("uses") for s in steps if "uses" in s] == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "actions/configure-pages@v5",
        "actions/upload-pages-artifact@v3",
    ]
    assert steps[-1]["with"] == {"path": "site"}
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]


def test_github_rebuilds_nightly_through_the_publishing_workflow(tmp_path: Path) -> None:
    make(tmp_path, "github")
    daily = yaml.safe_load((tmp_path / ".github/workflows/daily.yml").read_text("utf-8"))
    # 17:15 UTC is 00:15 in Viet Nam: a notice that expired yesterday leaves the home page.
    assert daily[True] == {"schedule": [{"cron": "15 17 * * *"}], "workflow_dispatch": None}
    assert daily["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert daily["jobs"] == {"publish": {"uses": "./.github/workflows/pages.yml"}}
    # Called on a schedule, pages.yml builds and deploys (its check job is for pull requests).
    pages = yaml.safe_load((tmp_path / ".github/workflows/pages.yml").read_text("utf-8"))
    assert "workflow_call" in pages[True] and "pull_request" in pages[True]
    assert pages["jobs"]["build"]["if"] == "github.event_name != 'pull_request'"
    readme = (tmp_path / "README.md").read_text("utf-8")
    assert "**Actions → Dựng lại mỗi ngày → Enable workflow**" in readme


def test_gitlab_checks_merge_requests_and_publishes_public(tmp_path: Path) -> None:
    make(tmp_path, "gitlab")
    ci = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))
    assert ci["default"] == {"image": "python:3.12"}
    assert ci["variables"] == {"NO_MKDOCS_2_WARNING": "1"}
    assert ci["check"] == {
        "script": ["python -m pip install -r requirements.txt", "langso check"],
        "rules": [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}],
    }
    job = ci["pages"]
    assert job["script"] == [
        "python -m pip install -r requirements.txt",
        "python -m mkdocs build --strict --site-dir public",
    ]
    assert job["artifacts"] == {"paths": ["public"]}
    # A scheduled pipeline on the default branch sets CI_COMMIT_BRANCH too: it publishes.
    assert job["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    text = (tmp_path / ".gitlab-ci.yml").read_text("utf-8")
    assert "# ở Build → Pipeline schedules → New schedule: Interval Pattern `15 0 * * *`" in text
    readme = (tmp_path / "README.md").read_text("utf-8")
    assert (
        "**Build → Pipeline schedules → New\nschedule**, Interval Pattern: `15 0 * * *` (00:15 "
        "mỗi ngày), Cron timezone: `[UTC+7] Hanoi`"
    ) in readme


def test_netlify_toml(tmp_path: Path) -> None:
    make(tmp_path, "netlify")
    data = tomllib.loads((tmp_path / "netlify.toml").read_text("utf-8"))
    assert data["build"]["publish"] == "site"
    assert data["build"]["command"].endswith("mkdocs build --strict --site-dir site")
    assert data["build"]["environment"]["PYTHON_VERSION"] == "3.12"
    # Deploy previews (pull requests) say each mistake by file and line before building.
    assert data["context"]["deploy-preview"]["command"] == (
        "python -m pip install -r requirements.txt && langso check && python -m mkdocs build "
        "--strict --site-dir site"
    )
    readme = (tmp_path / "README.md").read_text("utf-8")
    assert (
        "**Project configuration → Developer settings → Continuous deployment → Build\n   hooks"
        " → Add build hook**"
    ) in readme
    assert "         - run: curl --fail -X POST -d '{}' \"$BUILD_HOOK\"\n" in readme
    assert "BUILD_HOOK: ${{ secrets.BUILD_HOOK }}\n   ```\n" in readme


def test_cloudflare_settings_are_in_the_readme(tmp_path: Path) -> None:
    make(tmp_path, "cloudflare")
    readme = (tmp_path / "README.md").read_text("utf-8")
    assert "Build command: `pip install -r requirements.txt && mkdocs build --strict`" in readme
    assert "Build output directory: `site`" in readme
    assert (tmp_path / ".python-version").read_text("utf-8") == "3.12\n"
    assert "**Settings → Builds → Add deploy hook**" in readme
    assert "`pip install -r requirements.txt && langso check && mkdocs build --strict`" in readme


def test_a_sample_notice_and_event_clearly_marked(tmp_path: Path) -> None:
    make(tmp_path, kind="xóm", village="Xóm Mới")
    notice = (tmp_path / "content/thong-bao/2026-11-01-thong-bao-mau-hop-cuoi-nam.md").read_text(
        "utf-8"
    )
    meta = yaml.safe_load(notice.split("---\n")[1])
    # Current for 30 days after the init day, then it leaves the home page by itself.
    assert meta == {
        "title": "Thông báo mẫu: họp xóm cuối năm (dữ liệu mẫu)",
        "loai": "Họp thôn",
        "ngay_dang": "01/11/2026 07:00",
        "nguoi_dang": "Trưởng thôn",
        "het_han": "01/12/2026",
    }
    assert '\n!!! note "Trang mẫu"\n    Đây là thông báo mẫu, hết hạn ngày 01/12/2026.' in notice
    event = (tmp_path / "content/lich/hop-xom-hang-thang-du-lieu-mau.md").read_text("utf-8")
    assert yaml.safe_load(event.split("---\n")[1]) == {
        "title": "Họp xóm hằng tháng (dữ liệu mẫu)",
        "loai": "Họp",
        "hang_thang": [5],
        "gio": "19:30",
        "dia_diem": "Nhà văn hóa Xóm Mới",
    }
    assert '\n!!! note "Trang mẫu"\n' in event
    home = (tmp_path / "content/index.md").read_text("utf-8")
    assert "\n- [Thông báo](thong-bao/index.md): tin của xóm và của xã" in home
    assert "\n- [Lịch](lich/index.md): lễ hội, tiêm chủng, họp, phiên chợ sắp tới.\n" in home


def test_requirement_can_be_pinned(tmp_path: Path) -> None:
    make(tmp_path, requirement="https://git.xa-yen-dinh.vn/lang-so@v0.1.0")
    lines = (tmp_path / "requirements.txt").read_text("utf-8").splitlines()
    assert lines[-1] == "langso @ git+https://git.xa-yen-dinh.vn/lang-so@v0.1.0"


def test_a_cloned_empty_repository_is_accepted(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert make(tmp_path)


def test_a_folder_with_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: cũ\n", encoding="utf-8")
    with pytest.raises(InitError) as error:
        make(tmp_path)
    assert error.value.vi == (
        f"thư mục `{tmp_path}` đã có tệp (mkdocs.yml) — làng mới cần một thư mục trống hoặc chưa"
        " có; không ghi đè tệp nào"
    )
    assert error.value.en.startswith(f"folder `{tmp_path}` is not empty (mkdocs.yml)")
    assert (tmp_path / "mkdocs.yml").read_text("utf-8") == "site_name: cũ\n"


def test_a_file_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lang").write_text("", encoding="utf-8")
    with pytest.raises(InitError, match="là một tệp, không phải thư mục"):
        make(tmp_path / "lang")


def test_an_unknown_commune_is_refused_with_suggestions(tmp_path: Path) -> None:
    with pytest.raises(InitError) as error:
        make(tmp_path / "lang", commune="xã Yen Dihn")
    assert error.value.vi.startswith(
        "không có `xã Yen Dihn` trong tỉnh Thanh Hóa từ 01/07/2025 — có phải: `xã Yên Định`,"
    )
    assert "did you mean: `xã Yên Định`" in error.value.en
    assert not (tmp_path / "lang").exists()


def test_an_unknown_province_is_refused_with_suggestions(tmp_path: Path) -> None:
    with pytest.raises(InitError) as error:
        make(tmp_path / "lang", province="Thanh Hoas")
    assert error.value.vi == (
        "không có `Thanh Hoas` trong 34 tỉnh, thành phố từ 01/07/2025 — có phải: `tỉnh Thanh Hóa`,"
        " `tỉnh Khánh Hòa`, `thành phố Huế`?"
    )
    assert not (tmp_path / "lang").exists()


@pytest.mark.parametrize(
    ("commune", "province", "address"),
    [
        ("Yên Định", "tỉnh Thanh Hóa", "xã Yên Định, tỉnh Thanh Hóa"),
        ("Yen Dinh", "Thanh Hoa", "xã Yên Định, tỉnh Thanh Hóa"),
        ("xa yen dinh", "thanh hoa", "xã Yên Định, tỉnh Thanh Hóa"),
        ("Hạc Thành", "Thanh Hóa", "phường Hạc Thành, tỉnh Thanh Hóa"),
        ("Co To", "Quang Ninh", "đặc khu Cô Tô, tỉnh Quảng Ninh"),
        ("Đông Tiến", "Thanh Hóa", "phường Đông Tiến, tỉnh Thanh Hóa"),
    ],
)
def test_the_unit_kind_is_kept_and_accents_restored(
    tmp_path: Path, commune: str, province: str, address: str
) -> None:
    make(tmp_path, commune=commune, province=province)
    village, problems = load_village(tmp_path / "content", "content")
    assert problems == []
    assert village is not None
    assert village.address == address
    assert f"{village.full_name}, {village.address}" == f"thôn Là Thôn, {address}"


def test_a_name_of_two_units_lists_both(tmp_path: Path) -> None:
    with pytest.raises(InitError) as error:
        make(tmp_path / "lang", commune="Dong Tien", province="Thanh Hoa")
    assert error.value.vi == (
        "`Dong Tien` có thể là 2 đơn vị ở tỉnh Thanh Hóa: `phường Đông Tiến`, `xã Đồng Tiến` — "
        "ghi lại --commune đúng một tên trong đó, có dấu và có chữ xã/phường/đặc khu, "
        'ví dụ --commune "phường Đông Tiến"'
    )
    assert error.value.en.startswith(
        "`Dong Tien` could be 2 units of tỉnh Thanh Hóa: `phường Đông Tiến`, `xã Đồng Tiến`"
    )
    assert not (tmp_path / "lang").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"host": "vercel"}, "không có nơi đăng `vercel` — chọn một trong: github, gitlab,"),
        ({"site_url": "la-thon.github.io"}, "site_url: thiếu hoặc không phải địa chỉ http(s)"),
        ({"site_url": "https://làng.vn/"}, "có ký tự không phải ASCII"),
        ({"village": "  "}, "tên làng: `  ` phải là một dòng chữ"),
        ({"village": "Là\nThôn"}, "phải là một dòng chữ"),
    ],
)
def test_unusable_values_are_refused(tmp_path: Path, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InitError) as error:
        make(tmp_path / "lang", **kwargs)
    assert message in error.value.vi
    assert not (tmp_path / "lang").exists()
