"""``langso portal ci``: the GitHub Actions and GitLab CI files that build many villages in a
matrix, then the portal — valid for their CI (the schemas check-jsonschema ships), listing
exactly the villages, batched beyond the matrix limits; the starter's CI files validated too."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import check_jsonschema
import jsonschema
import pytest
from ruamel.yaml import YAML

from langso.cli import main as langso_main
from langso.init import create_village
from langso.portal.ci import CiError, CiVillage, batches, render_ci
from tests.conftest import REPO

VENDOR = Path(check_jsonschema.__file__).parent / "builtin_schemas" / "vendor"


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((VENDOR / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator: jsonschema.protocols.Validator = cls(schema)
    return validator


SCHEMA = {"github": "github-workflows.json", "gitlab": "gitlab-ci.json"}


def load(text: str) -> Any:
    """YAML 1.2 as the CIs read it (``on:`` stays the word ``on``)."""
    return YAML(typ="safe", pure=True).load(text)


def assert_valid(kind: str, text: str) -> Any:
    data = load(text)
    errors = sorted(_validator(SCHEMA[kind]).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]]
    return data


def villages(count: int) -> list[tuple[str, str]]:
    return [(f"xa-{i // 10}-thon-{i}", f"lang/xa-{i // 10}/thon-{i}") for i in range(count)]


def matrix_pairs(kind: str, data: Any) -> list[list[str]]:
    """Each job's ``key=folder`` words, in order."""
    if kind == "github":
        entries = data["jobs"]["lang"]["strategy"]["matrix"]["include"]
        return [entry["lang"].split() for entry in entries]
    return [entry["LANG_SO"].split() for entry in data["lang"]["parallel"]["matrix"]]


@pytest.mark.parametrize(
    ("kind", "count", "jobs", "per_job"),
    [
        ("github", 3, 3, 1),
        ("gitlab", 3, 3, 1),
        ("github", 256, 256, 1),
        ("github", 450, 225, 2),
        ("gitlab", 200, 200, 1),
        ("gitlab", 450, 150, 3),
    ],
)
def test_the_matrix_lists_exactly_the_villages(
    kind: str, count: int, jobs: int, per_job: int
) -> None:
    given = villages(count)
    data = assert_valid(kind, render_ci(kind, "cong.yml", given))  # type: ignore[arg-type]
    pairs = matrix_pairs(kind, data)
    assert len(pairs) == jobs
    assert {len(job) for job in pairs} == {per_job}
    assert [word for job in pairs for word in job] == [f"{k}={f}" for k, f in given]


def test_github_workflow_shape() -> None:
    data = assert_valid("github", render_ci("github", "cong.yml", villages(3)))
    lang, cong = data["jobs"]["lang"], data["jobs"]["cong"]
    assert lang["strategy"]["fail-fast"] is False
    assert [e["ten"] for e in lang["strategy"]["matrix"]["include"]] == [
        "xa-0-thon-0",
        "xa-0-thon-1",
        "xa-0-thon-2",
    ]
    steps = [step.get("uses") or step["name"] for step in lang["steps"]]
    assert steps == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "Kiểm tra và dựng / Check and build",
        "actions/upload-artifact@v4",
    ]
    build = lang["steps"][2]["run"]
    assert 'python -m pip install -r "$thu_muc/requirements.txt"' in build
    assert "langso check" in build
    assert 'python -m mkdocs build --strict --site-dir "$goc/tam/$ma"' in build
    # the portal runs even when villages failed, reads what they built, publishes
    assert (cong["needs"], cong["if"]) == ("lang", "${{ !cancelled() }}")
    runs = "\n".join(step.get("run", "") for step in cong["steps"])
    assert "langso portal 'cong.yml' --da-dung dung --ra site-cong" in runs
    assert "python -m langso.hosts site-cong --host github" in runs
    assert data["jobs"]["deploy"]["needs"] == "cong"
    # the same Python and pip cache as the starter's publishing file
    starter = (REPO / "plugins/langso/starter/github-pages.yml.j2").read_text("utf-8")
    assert lang["steps"][1]["with"]["cache"] == "pip" and "cache: pip" in starter


def test_gitlab_pipeline_shape() -> None:
    data = assert_valid("gitlab", render_ci("gitlab", "cong.yml", villages(3)))
    assert data["stages"] == ["lang", "cong"]
    assert data["lang"]["artifacts"]["paths"] == ["dung/"]
    pages = data["pages"]
    assert pages["needs"] == [{"job": "lang", "artifacts": True}]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "when": "always"}]
    assert "langso portal 'cong.yml' --da-dung dung --ra public" in pages["script"]
    assert pages["artifacts"]["paths"] == ["public"]


def test_a_portal_file_in_a_subfolder() -> None:
    text = render_ci("gitlab", "tinh/cong.yml", villages(1))
    data = assert_valid("gitlab", text)
    assert "python -m pip install -r 'tinh/requirements.txt'" in data["pages"]["script"]
    assert data["pages"]["cache"][1]["paths"][0] == "tinh/.cache/langso/portal"


def test_batches_are_even_and_in_order() -> None:
    items = [CiVillage(f"k{i}", f"f{i}") for i in range(7)]
    assert [[v.key for v in group] for group in batches(items, 3)] == [
        ["k0", "k1", "k2"],
        ["k3", "k4"],
        ["k5", "k6"],
    ]
    assert len(batches(items, 10)) == 7


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ([("La Thôn", "lang/la-thon")], "mã làng `La Thôn` không dùng được làm tên thư mục"),
        ([("la-thon", "lang/la thon")], "thư mục `lang/la thon` phải là đường dẫn tương đối"),
        ([("la-thon", "../la-thon")], "thư mục `../la-thon` phải là đường dẫn tương đối"),
        ([("la-thon", "/srv/la-thon")], "thư mục `/srv/la-thon` phải là đường dẫn tương đối"),
        ([("a", "x"), ("a", "y")], "mã làng `a` có hai lần"),
        ([], "tệp cổng không có thư mục dự án làng nào"),
    ],
)
def test_unusable_villages_are_refused(given: list[tuple[str, str]], message: str) -> None:
    with pytest.raises(CiError, match=re.escape(message)):
        render_ci("github", "cong.yml", given)


@pytest.mark.parametrize("host", ["github", "gitlab"])
def test_the_starters_ci_files_are_valid(tmp_path: Path, host: str) -> None:
    create_village(
        tmp_path / "lang",
        village="Là Thôn",
        kind="làng",
        commune="xã Yên Định",
        province="tỉnh Thanh Hóa",
        host=host,  # type: ignore[arg-type]
        requirement=str(REPO),
        today=dt.date(2026, 11, 20),
    )
    files = sorted((tmp_path / "lang").glob(".github/workflows/*.yml")) + sorted(
        (tmp_path / "lang").glob(".gitlab-ci.yml")
    )
    assert files
    for path in files:
        assert_valid(host, path.read_text("utf-8"))


def new_village(root: Path, name: str, commune: str = "xã Yên Định") -> Path:
    target = root / "lang" / name.lower().replace(" ", "-")
    create_village(
        target,
        village=name,
        kind="thôn",
        commune=commune,
        province="tỉnh Thanh Hóa",
        host="github",
        requirement=str(REPO),
        today=dt.date(2026, 11, 20),
    )
    return target


def test_the_command_writes_the_workflow_for_the_projects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    new_village(tmp_path, "Phu My")
    new_village(tmp_path, "Tan Ngu")
    (tmp_path / "cong.yml").write_text(
        "ten: 'Cổng thử (dữ liệu mẫu)'\n"
        "lang:\n"
        "  - thu_muc: 'lang/phu-my'\n"
        "  - thu_muc: 'lang/tan-ngu'\n"
        "  - dia_chi: 'https://example.gitlab.io/yen-hoanh/'\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert langso_main(["portal", "ci", "github", "cong.yml", "--nguon", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == (
        "Đã ghi .github/workflows/lang-so.yml: 2 làng, 1 làng mỗi việc. / Wrote "
        ".github/workflows/lang-so.yml: 2 villages, 1 a job."
    )
    data = assert_valid("github", (tmp_path / ".github/workflows/lang-so.yml").read_text())
    assert matrix_pairs("github", data) == [
        ["phu-my=lang/phu-my"],
        ["tan-ngu=lang/tan-ngu"],
    ]
    assert langso_main(["portal", "ci", "gitlab", "cong.yml", "--ra", "ci.yml"]) == 0
    assert matrix_pairs("gitlab", assert_valid("gitlab", Path("ci.yml").read_text())) == [
        ["phu-my=lang/phu-my"],
        ["tan-ngu=lang/tan-ngu"],
    ]


def _bash_of(text: str) -> str:
    data = load(text)
    (step,) = [s for s in data["jobs"]["lang"]["steps"] if s.get("name", "").startswith("Kiểm")]
    script: str = step["run"]
    return script


def test_the_village_step_publishes_only_what_built(tmp_path: Path) -> None:
    """The job's own shell, run: a good village lands in dung/<key>/, a broken one does not
    (and fails the job) — no half-built site reaches the portal."""
    good = new_village(tmp_path, "Phu My")
    bad = new_village(tmp_path, "Tan Ngu")
    for village in (good, bad):  # installed already: nothing to fetch
        (village / "requirements.txt").write_text("", encoding="utf-8")
    (bad / "content" / "index.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    script = _bash_of(
        render_ci("github", "cong.yml", [("phu-my", "lang/phu-my"), ("tan-ngu", "lang/tan-ngu")])
    )
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    env["LANG_SO"] = "phu-my=lang/phu-my tan-ngu=lang/tan-ngu"
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert sorted(p.name for p in (tmp_path / "dung").iterdir()) == ["phu-my"]
    assert (tmp_path / "dung/phu-my/index.html").is_file()
    assert "::error::Làng tan-ngu (lang/tan-ngu) chưa dựng được" in done.stdout


def _merge_script(text: str) -> str:
    data = load(text)
    (step,) = [s for s in data["jobs"]["cong"]["steps"] if s.get("name", "").startswith("Ghép")]
    script: str = step["run"]
    return script


def test_the_portal_job_keeps_the_last_good_copy_of_a_failed_village(tmp_path: Path) -> None:
    """Fresh villages replace their kept copy; a village that failed this time is published
    from its last good copy; the whole is checked against the host's limits."""
    for rel, text in {
        "dung/phu-my/index.html": "mới",
        "luu/phu-my/index.html": "cũ",
        "luu/tan-ngu/index.html": "cũ",
        "site-cong/index.html": "cổng",
        "site-cong/xa/yen-dinh/index.html": "xã",
    }.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    script = _merge_script(render_ci("github", "cong.yml", villages(1)))
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    run = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    site = tmp_path / "site-cong"
    assert (site / "phu-my/index.html").read_text("utf-8") == "mới"
    assert (site / "tan-ngu/index.html").read_text("utf-8") == "cũ"
    assert (tmp_path / "luu/phu-my/index.html").read_text("utf-8") == "mới"
    assert run.stdout == (
        "site-cong: 4 tệp, 4 thư mục, 17 byte (lớn nhất: index.html 6 byte) / 4 files, 4 "
        "folders, 17 bytes (largest: index.html 6 bytes)\n"
    )
    # a village key equal to a portal page stops the job rather than overwrite it
    for key in ("phu-my", "tan-ngu"):
        shutil.rmtree(site / key)
    (tmp_path / "dung/xa").mkdir()
    run = subprocess.run(
        ["bash", "-e", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert "::error::Mã làng xa trùng một trang của cổng." in run.stdout


PORTAL = "ten: 'Cổng thử (dữ liệu mẫu)'\n"


def ci(
    root: Path, kind: str, text: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    """``langso portal ci KIND cong.yml`` run in ``root``: (status, out, err)."""
    (root / "cong.yml").write_text(text, encoding="utf-8")
    status = langso_main(["portal", "ci", kind, "cong.yml", *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_portal_job_gets_its_requirements_and_gitignore(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CI's portal job runs `pip install -r requirements.txt` beside cong.yml: written when
    missing with the very line `langso init` writes for a village, left alone when present;
    `.gitignore` gets the caches, the output and the CI's work folders, once."""
    village = new_village(tmp_path, "Phu My")
    monkeypatch.chdir(tmp_path)
    text = PORTAL + "lang:\n  - thu_muc: 'lang/phu-my'\n"
    status, out, err = ci(tmp_path, "github", text, capsys, "--nguon", str(REPO))
    assert (status, err) == (0, "")
    assert (tmp_path / "requirements.txt").read_text("utf-8") == (
        village / "requirements.txt"
    ).read_text("utf-8")
    lines = out.splitlines()
    assert lines[1] == (
        "Đã ghi requirements.txt: việc dựng cổng trong CI cài Làng số theo tệp này. / Wrote "
        "requirements.txt: the CI's portal job installs Làng số from it."
    )
    assert lines[2].startswith(
        "Máy dựng sẽ cài Làng số từ / the host installs Làng số from: langso @ file://"
    )
    assert (
        "Đã thêm vào .gitignore / added to .gitignore: .cache/, /site-cong/, /dung/, /tam/, /luu/"
        in out
    )
    assert (tmp_path / ".gitignore").read_text("utf-8").splitlines()[1:] == [
        ".cache/",
        "/site-cong/",
        "/dung/",
        "/tam/",
        "/luu/",
    ]
    # Present: left alone; GitLab adds only what it lacks (its output folder `public`).
    (tmp_path / "requirements.txt").write_text("langso @ git+https://gitlab.com/x/lang-so@v1\n")
    (tmp_path / ".gitignore").write_text("dung/\n.cache/\n/site-cong/\n/tam/\nluu\n", "utf-8")
    status, out, _ = ci(tmp_path, "gitlab", text, capsys, "--nguon", str(REPO))
    assert status == 0
    assert (
        tmp_path / "requirements.txt"
    ).read_text() == "langso @ git+https://gitlab.com/x/lang-so@v1\n"
    assert "Đã ghi requirements.txt" not in out  # left alone (still in the commit line)
    assert "Đã thêm vào .gitignore / added to .gitignore: /public/\n" in out
    # No requirements.txt and no known source: nothing written, the option named.
    (tmp_path / "requirements.txt").unlink()
    shutil.rmtree(tmp_path / ".github" / "workflows")
    status, _, err = ci(tmp_path, "github", text, capsys, "--nguon", "https://example.com/lang-so")
    assert status == 2
    assert "--nguon `https://example.com/lang-so`:" in err
    assert not (tmp_path / "requirements.txt").exists()
    assert not (tmp_path / ".github" / "workflows").exists()


def test_what_each_village_job_would_meet_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Villages made by `langso init` in one repository: a missing requirements.txt (its job
    would fail), their own CI files (never run in a sub-folder), a placeholder site_url and one
    that is not the portal's address + key, a GitHub village in a GitLab CI."""
    phu_my = new_village(tmp_path, "Phu My")
    (phu_my / "requirements.txt").unlink()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "requirements.txt").write_text("langso @ git+https://gitlab.com/x/lang-so@v1\n")
    text = (
        PORTAL + "dia_chi: 'https://example.github.io/cong/'\nlang:\n  - thu_muc: 'lang/phu-my'\n"
    )
    status, out, err = ci(tmp_path, "gitlab", text, capsys)
    assert (status, err) == (0, "")
    assert (phu_my / ".github" / "workflows").is_dir()  # told, never deleted
    site_url_line = next(
        i
        for i, line in enumerate((phu_my / "mkdocs.yml").read_text().splitlines(), 1)
        if line.startswith("site_url:")
    )
    notes = [line for line in out.splitlines() if not line.startswith("    (en)")]
    notes = notes[: notes.index("")]  # then the next steps
    assert notes[2:] == [
        "cong.yml:2: dia_chi: tệp CI viết cho GitLab Pages, nhưng địa chỉ của cổng "
        "`https://example.github.io/cong/` là của GitHub Pages — chạy `langso portal ci github` "
        "nếu kho ở GitHub Pages; nếu kho ở GitLab Pages thì sửa địa chỉ (hay `host:`) cho đúng "
        "nơi đăng",
        "lang/phu-my: thư mục làng không có requirements.txt: việc CI của làng này sẽ hỏng ở "
        "bước `pip install -r lang/phu-my/requirements.txt` — chép requirements.txt ở gốc kho "
        "(cạnh tệp cổng) vào thư mục `lang/phu-my/`",
        *(
            f"lang/phu-my/.github/workflows/{name}: tệp CI của riêng làng: GitHub và GitLab chỉ "
            "chạy tệp CI ở gốc kho, không bao giờ chạy tệp này trong thư mục làng — xóa được: "
            "việc dựng và đăng làng này đã nằm trong `.gitlab-ci.yml` của cổng"
            for name in ("daily.yml", "pages.yml")
        ),
        f"lang/phu-my/mkdocs.yml:{site_url_line}: site_url: trang của làng được đăng ở "
        "`https://example.github.io/cong/phu-my/` (CI đăng mỗi làng ở địa chỉ cổng + "
        "mã làng), nhưng `site_url` của làng là `https://example.github.io/phu-my/`: mã QR trên "
        "biển sẽ dẫn tới địa chỉ khác — đặt `site_url: "
        "https://example.github.io/cong/phu-my/` trong mkdocs.yml của làng trước khi in "
        "biển (biển đã in thì giữ địa chỉ cũ và đăng làng ở đó); xem docs/cong-tinh.md",
        f"lang/phu-my/mkdocs.yml:{site_url_line}: site_url: địa chỉ trang của làng "
        "`https://example.github.io/phu-my/` chưa phải địa chỉ thật (đây là địa chỉ tạm do "
        "`langso init` ghi): liên kết trên cổng và mã QR trên biển của làng sẽ không dẫn tới "
        "đâu — đặt địa chỉ thật của trang làng: `site_url` trong mkdocs.yml của làng (hoặc "
        "`langso init … --site-url`), hay `dia_chi` của làng trong tệp cổng; rồi dựng lại",
        f"lang/phu-my/mkdocs.yml:{host_line(phu_my)}: host: tệp CI viết cho GitLab Pages, nhưng "
        "nơi đăng `github` là của GitHub Pages — chạy `langso portal ci github` nếu kho ở GitHub "
        "Pages; nếu kho ở GitLab Pages thì sửa địa chỉ (hay `host:`) cho đúng nơi đăng",
    ]
    assert "**" not in out


def host_line(project: Path) -> int:
    lines = (project / "mkdocs.yml").read_text().splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith("host:"))


def test_a_folder_outside_the_repository_stops_with_its_line_and_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CI machine has only the repository: a folder outside it is told at its line with
    how to fix it; nothing is written (exit 2). A village.yml that cannot be read does not stop
    the CI file: a village's key is its folder's name (its own job reports its mistakes)."""
    good = new_village(tmp_path / "kho", "Phu My")
    bad = new_village(tmp_path / "kho", "Tan Ngu")
    (bad / "content" / "village.yml").write_text("ten: 'Tân Ngũ'\n\txa: 'xã Yên Định'\n", "utf-8")
    outside = new_village(tmp_path, "Xa Lac")
    assert good.is_dir() and outside.is_dir()
    root = tmp_path / "kho"
    monkeypatch.chdir(root)
    text = (
        PORTAL
        + "lang:\n  - thu_muc: 'lang/phu-my'\n  - thu_muc: 'lang/tan-ngu'\n"
        + "  - thu_muc: '../lang/xa-lac'\n"
    )
    status, out, err = ci(root, "github", text, capsys, "--nguon", str(REPO))
    assert (status, out) == (2, "")
    lines = [line for line in err.splitlines() if not line.startswith("    (en)")]
    assert lines == [
        "cong.yml:5: thu_muc: thư mục `../lang/xa-lac` ở ngoài kho (ngoài thư mục chứa tệp cổng): "
        "máy CI chỉ có các tệp trong kho — chuyển thư mục của làng vào trong kho, cạnh tệp cổng "
        "(ví dụ `lang/ten-lang`), rồi sửa `thu_muc`; hoặc đặt tệp cổng ở gốc kho chứa mọi làng",
        "Chưa viết tệp CI: 1 lỗi ở trên phải sửa. / The CI file was not written: 1 mistake(s) "
        "above to fix.",
    ]
    assert not (root / ".github" / "workflows" / "lang-so.yml").exists()
    assert not (root / "requirements.txt").exists()
    text = PORTAL + "lang:\n  - thu_muc: 'lang/phu-my'\n  - thu_muc: 'lang/tan-ngu'\n"
    status, _, err = ci(root, "github", text, capsys, "--nguon", str(REPO))
    assert (status, err) == (0, "")


def test_without_nguon_the_villages_shared_line_is_reused_and_the_next_steps_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two villages made by `langso init --host github` name the same source: no --nguon
    needed. The output ends with the villages' own CI files to delete (the exact command), what
    to commit, the branch (`git init` may make `master`) and turning Pages on."""
    new_village(tmp_path, "Phu My")
    new_village(tmp_path, "Tan Ngu")
    monkeypatch.chdir(tmp_path)
    text = PORTAL + "lang:\n  - thu_muc: 'lang/phu-my'\n  - thu_muc: 'lang/tan-ngu'\n"
    status, out, err = ci(tmp_path, "github", text, capsys)
    assert (status, err) == (0, "")
    village_line = (tmp_path / "lang" / "phu-my" / "requirements.txt").read_text().splitlines()[-1]
    assert (tmp_path / "requirements.txt").read_text().splitlines()[-1] == village_line
    lines = out.splitlines()
    assert lines[1] == (
        "Không có --nguon: mọi làng cài Làng số từ cùng một dòng trong requirements.txt của "
        "làng, cổng dùng lại dòng đó. / No --nguon: every village installs Làng số from the same "
        "requirements.txt line; the portal reuses it."
    )
    steps = lines[lines.index("Việc tiếp theo / next steps:") :]
    assert steps == [
        "Việc tiếp theo / next steps:",
        "- Xóa tệp CI riêng của các làng (không bao giờ chạy) / delete the villages' own CI files "
        "(never run): git rm -r lang/phu-my/.github lang/tan-ngu/.github",
        "  (chưa đưa vào git / not committed yet: rm -r lang/phu-my/.github lang/tan-ngu/.github)",
        "- Chưa có kho git ở đây: tạo kho (nhánh `main`) và nối với kho trên GitHub / not a git "
        "repository yet: create it (branch `main`) and link it: git init -b main && git remote "
        "add origin <địa-chỉ-kho/repository-URL>",
        "- Tệp CI chạy khi đẩy lên nhánh `main`: kho đã có nhánh tên `master` thì đổi bằng "
        "`git branch -M main` trước khi đẩy. / The workflow runs on pushes to `main`: if the "
        "repository's branch is `master`, run `git branch -M main` before pushing.",
        "- Đưa lên kho / commit: git add .github/workflows/lang-so.yml cong.yml .gitignore "
        "requirements.txt lang/phu-my lang/tan-ngu && git commit -m 'Cổng làng số' && git push "
        "-u origin HEAD",
        "- Bật một lần trên GitHub / enable once: Settings → Pages → Build and deployment → "
        "Source: GitHub Actions.",
    ]
    # Lines that differ: no reuse (the source of the running Làng số, or --nguon, as before).
    (tmp_path / "requirements.txt").unlink()
    (tmp_path / "lang" / "tan-ngu" / "requirements.txt").write_text(
        "langso @ git+https://gitlab.com/x/lang-so@v1\n", "utf-8"
    )
    status, out, _ = ci(tmp_path, "github", text, capsys)
    assert "Không có --nguon" not in out


def test_a_second_run_in_a_new_git_repository_still_lists_requirements_txt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first run wrote requirements.txt; after `git init` the second run finds it there:
    it must still be in the commit line (the portal job installs from it), and the "create a
    repository" step is gone."""
    new_village(tmp_path, "Phu My")
    monkeypatch.chdir(tmp_path)
    text = PORTAL + "lang:\n  - thu_muc: 'lang/phu-my'\n"
    assert ci(tmp_path, "github", text, capsys)[0] == 0
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    status, out, _ = ci(tmp_path, "github", text, capsys)
    assert status == 0
    commit = next(line for line in out.splitlines() if line.startswith("- Đưa lên kho"))
    assert " requirements.txt " in commit
    assert "Chưa có kho git" not in out
