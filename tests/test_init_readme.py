"""The README of a new village: who may post and how, from a phone, per host; the nightly
rebuild's exact files; the link to Làng số's manual; the photo folder the manual names."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from langso.init import HOSTS, Host, create_village, project_docs_url
from langso.notices.loading import load_notices

DAY = dt.date(2026, 11, 1)
REQUIREMENT = "langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0"


def readme(target: Path, host: Host, requirement: str = REQUIREMENT) -> str:
    create_village(
        target, village="Tân Ngữ", commune="xã Yên Định", province="tỉnh Thanh Hóa",
        host=host, today=DAY, requirement=requirement,
    )  # fmt: skip
    return (target / "README.md").read_text("utf-8")


def blocks(text: str, language: str) -> list[str]:
    """The fenced code blocks of ``language`` in ``text``, dedented (list items indent them)."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^\1```$", text, re.M | re.S)
    return [textwrap.dedent(body) for _, body in found]


@pytest.mark.parametrize(
    ("requirement", "expected"),
    [
        (REQUIREMENT, "https://github.com/xa-yen-dinh/lang-so/blob/v0.1.0/docs/"),
        (
            "langso @ git+https://github.com/xa-yen-dinh/lang-so.git@3f2c9a1",
            "https://github.com/xa-yen-dinh/lang-so/blob/3f2c9a1/docs/",
        ),
        (
            "langso @ git+https://github.com/xa-yen-dinh/lang-so",
            "https://github.com/xa-yen-dinh/lang-so/blob/HEAD/docs/",
        ),
        (
            "langso @ git+https://gitlab.com/so-thanh-hoa/cong-cu/lang-so@v0.2.0",
            "https://gitlab.com/so-thanh-hoa/cong-cu/lang-so/-/blob/v0.2.0/docs/",
        ),
        ("langso @ https://github.com/xa/lang-so/archive/v0.1.0.tar.gz", None),
        ("langso @ git+https://git.xa-yen-dinh.vn/lang-so@v1", None),
        ("langso @ file:///srv/lang-so", None),
    ],
)
def test_the_manual_is_found_where_langso_is_installed_from(
    requirement: str, expected: str | None
) -> None:
    assert project_docs_url(requirement) == expected


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_posting_guide_is_a_working_link_not_a_file_the_village_lacks(
    tmp_path: Path, host: Host
) -> None:
    text = readme(tmp_path, host)
    base = "https://github.com/xa-yen-dinh/lang-so/blob/v0.1.0/docs/"
    assert f"[`docs/dang-thong-bao.md`]({base}dang-thong-bao.md)" in text
    assert f"[`docs/lich.md`]({base}lich.md)" in text
    assert "của Làng số; viết lịch" not in text  # the old plain-text pointer


def test_without_a_known_repository_the_readme_says_where_the_manual_is(tmp_path: Path) -> None:
    text = readme(tmp_path, "gitlab", "langso @ https://tai-lieu.xa-yen-dinh.vn/langso-0.1.tar.gz")
    assert (
        "](http" not in text.split("## Đăng thông báo từ điện thoại")[1].split("## Đăng trang")[0]
    )
    assert (
        "`docs/dang-thong-bao.md` trong kho mã nguồn của Làng số (kho ghi ở dòng cuối"
        " `requirements.txt`)"
    ) in text


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_sample_notice_in_the_readme_is_a_valid_notice(tmp_path: Path, host: Host) -> None:
    text = readme(tmp_path, host)
    (sample,) = blocks(text, "markdown")
    now = dt.datetime(2026, 12, 5, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    pages = [("thong-bao/2026-12-05-cat-dien.md", sample)]
    notices, problems = load_notices(pages, "content", tmp_path / "content", now)
    assert problems == []
    assert [n.title for n in notices] == ["Lịch cắt điện ngày 12/12/2026"]


def test_gitlab_says_how_to_let_the_hamlet_head_post(tmp_path: Path) -> None:
    text = readme(tmp_path, "gitlab")
    assert "**Manage → Members → Invite members**" in text
    assert "chọn vai trò (role) **Developer**, bấm **Invite**" in text
    assert (
        "**Commit to a new branch**, đánh dấu **Create a merge request for\n   this change**"
        in text
    )
    assert "Collaborators" not in text and "pull request" not in text.split("*English")[0]


def test_github_says_how_to_let_the_hamlet_head_post(tmp_path: Path) -> None:
    text = readme(tmp_path, "github")
    assert "**Settings → Collaborators → Add people**" in text
    assert "bấm **Fork**" in text
    assert "**Create a new branch for this commit and start a pull\n   request**" in text
    assert "**Đăng trang / Publish / check**" in text
    assert "Invite members" not in text


@pytest.mark.parametrize("host", ["netlify", "cloudflare"])
def test_a_host_fed_by_either_forge_explains_both(tmp_path: Path, host: Host) -> None:
    text = readme(tmp_path, host)
    assert "**Kho ở GitHub.** Người giữ kho vào **Settings → Collaborators → Add people**" in text
    assert "**Kho ở GitLab.** Người giữ dự án vào **Manage → Members → Invite members**" in text
    assert text.count("Ảnh tờ thông báo giấy: vào `content/anh/`") == 2


def test_netlify_check_is_the_deploy_preview_and_menus_use_netlify_s_current_names(
    tmp_path: Path,
) -> None:
    text = readme(tmp_path, "netlify")
    check = text.split("**Bản kiểm tra.**\n", 1)[1].split("\n\n", 1)[0]
    assert check.startswith("Netlify dựng bản xem trước (Deploy Preview) của mỗi pull request")
    assert "`netlify/<tên-dự-án>/deploy-preview`" in check
    assert "Site configuration" not in text and "site name" not in text
    assert "**Add new project → Import an existing project**" in text
    assert "**Project configuration → General**" in text


def test_netlify_nightly_rebuild_from_gitlab_is_an_exact_scheduled_job(tmp_path: Path) -> None:
    text = readme(tmp_path, "netlify")
    github, gitlab = (yaml.safe_load(b) for b in blocks(text, "yaml"))
    # GitHub: a workflow of its own, the hook in a repository secret.
    step: dict[str, Any] = github["jobs"]["rebuild"]["steps"][0]
    assert github[True] == {"schedule": [{"cron": "15 17 * * *"}], "workflow_dispatch": None}
    assert step == {
        "run": "curl --fail -X POST -d '{}' \"$BUILD_HOOK\"",
        "env": {"BUILD_HOOK": "${{ secrets.BUILD_HOOK }}"},
    }
    # GitLab: one job, only in scheduled pipelines, the hook in a CI/CD variable.
    assert gitlab == {
        "rebuild": {
            "image": "python:3.12",
            "script": ["curl --fail -X POST -d '{}' \"$BUILD_HOOK\""],
            "rules": [{"if": '$CI_PIPELINE_SOURCE == "schedule"'}],
        }
    }
    assert "api.netlify.com/build_hooks/" not in blocks(text, "yaml")[1]
    assert "Key `BUILD_HOOK`" in text and "Visibility: **Masked**" in text
    assert (
        "**Build → Pipeline schedules → New schedule**, Interval Pattern:\n   `15 0 * * *`" in text
    )


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_photo_folder_the_guide_names_exists(tmp_path: Path, host: Host) -> None:
    text = readme(tmp_path, host)
    assert (tmp_path / "content/anh/.gitkeep").is_file()
    assert "| `content/anh/` | Ảnh: ảnh tờ thông báo giấy" in text


@pytest.mark.parametrize("host", list(HOSTS))
def test_the_readme_says_what_the_map_needs(tmp_path: Path, host: Host) -> None:
    """The optional base-map file, its budget, no Git LFS, and the hosts' table as a working
    link to Làng số's manual (the village has no docs/ folder)."""
    text = readme(tmp_path, host)
    section = text.split("## Bản đồ làng\n")[1].split("\n## ")[0]
    assert "`content/ban-do/nen.pmtiles`" in section
    assert "Dung lượng tối đa 20 MB theo mặc định (`basemap_budget_mb`" in section
    assert "**Không dùng Git LFS** cho tệp này" in section
    base = "https://github.com/xa-yen-dinh/lang-so/blob/v0.1.0/docs/"
    assert f"[`docs/ban-do.md`]({base}ban-do.md)" in section
    assert ("Cloudflare Pages không nhận tệp trên 25 MiB" in section) == (host == "cloudflare")
    assert "| `content/ban-do/nen.pmtiles` | Nền của trang bản đồ (không bắt buộc" in text


def test_without_a_known_repository_the_map_guide_is_named_in_words(tmp_path: Path) -> None:
    text = readme(tmp_path, "github", "langso @ https://tai-lieu.xa-yen-dinh.vn/langso-0.1.tar.gz")
    section = text.split("## Bản đồ làng\n")[1].split("\n## ")[0]
    assert "](http" not in section
    assert (
        "`docs/ban-do.md` trong kho mã nguồn của Làng số (kho ghi ở dòng cuối `requirements.txt`)"
    ) in section
