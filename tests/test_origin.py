"""Where a new village's host installs Làng số from (``langso.origin``; issue 13, deliverable 1).

``installed_requirement`` is tested against real distributions: a ``langso-*.dist-info`` folder
with pip's ``direct_url.json`` put first on ``sys.path``, and real git repositories with a
remote, as pip leaves them after ``pip install git+…`` or ``pip install -e <checkout>``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from langso.init import InitError, create_village
from langso.origin import EXAMPLE, Source, SourceError, installed_requirement, requirement_from

COMMIT = "3f2c0a1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a"


def installed_as(
    monkeypatch: pytest.MonkeyPatch, root: Path, direct_url: dict[str, object]
) -> None:
    """Make ``importlib.metadata`` find a ``langso`` distribution installed as ``direct_url``."""
    info = root / "site" / "langso-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: langso\nVersion: 0.1.0\n")
    (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")
    monkeypatch.syspath_prepend(str(root / "site"))


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def checkout(root: Path, remote: str | None) -> Path:
    """A git checkout with one commit; with ``remote``, cloned from a bare repository whose
    ``origin`` URL is then set to ``remote`` (as a clone from GitHub would show it)."""
    work = root / "lang-so"
    work.mkdir()
    git("init", "-q", "-b", "main", cwd=work)
    (work / "pyproject.toml").write_text("[project]\nname = 'langso'\n", encoding="utf-8")
    git("add", ".", cwd=work)
    git("-c", "user.name=T", "-c", "user.email=t@t", "commit", "-qm", "1", cwd=work)
    if remote is not None:
        bare = root / "remote.git"
        git("init", "-q", "--bare", str(bare), cwd=root)
        git("remote", "add", "origin", str(bare), cwd=work)
        git("push", "-q", "-u", "origin", "main", cwd=work)
        git("remote", "set-url", "origin", remote, cwd=work)
    return work


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            "langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0",
            Source("langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0", local=False),
        ),
        (
            "https://github.com/xa-yen-dinh/lang-so@v0.1.0",
            Source("langso @ git+https://github.com/xa-yen-dinh/lang-so@v0.1.0", local=False),
        ),
        (
            "https://tai.xa-yen-dinh.vn/langso-0.1.0.tar.gz",
            Source("langso @ https://tai.xa-yen-dinh.vn/langso-0.1.0.tar.gz", local=False),
        ),
        ("file:///srv/lang-so", Source("langso @ file:///srv/lang-so", local=True)),
    ],
)
def test_what_nguon_accepts(given: str, expected: Source) -> None:
    assert requirement_from(given) == expected


def test_a_local_folder_is_a_file_url(tmp_path: Path) -> None:
    assert requirement_from(str(tmp_path)) == Source(f"langso @ {tmp_path.as_uri()}", local=True)


@pytest.mark.parametrize(
    ("given", "why"),
    [
        ("https://github.com/example/lang-so@main", "là địa chỉ mẫu, không phải kho thật"),
        ("langso @ git+https://git.example.org/lang-so", "là địa chỉ mẫu, không phải kho thật"),
        ("langso==0.1.0", "Làng số chưa có trên PyPI"),
        ("requests @ git+https://github.com/psf/requests", "gói phải là `langso`"),
        ("ftp://tai.xa-yen-dinh.vn/lang-so", "máy dựng không tải được địa chỉ `ftp:`"),
        ("khong-co-thu-muc-nay", "không phải địa chỉ, yêu cầu pip hay thư mục có thật"),
    ],
)
def test_what_nguon_refuses(given: str, why: str) -> None:
    with pytest.raises(SourceError) as error:
        requirement_from(given)
    assert error.value.vi.startswith(f"--nguon `{given}`: ")
    assert why in error.value.vi
    assert error.value.vi.endswith(f"ví dụ `--nguon {EXAMPLE}` (xem docs/xuat-ban.md).")
    assert error.value.en.startswith(f"--nguon `{given}`: ")


def test_installed_from_git_pins_the_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed_as(monkeypatch, tmp_path, {
        "url": "https://github.com/xa-yen-dinh/lang-so",
        "vcs_info": {"vcs": "git", "commit_id": COMMIT, "requested_revision": "main"},
    })  # fmt: skip
    assert installed_requirement() == Source(
        f"langso @ git+https://github.com/xa-yen-dinh/lang-so@{COMMIT}", local=False
    )


@pytest.mark.parametrize(
    "remote",
    ["git@github.com:xa-yen-dinh/lang-so.git", "https://github.com/xa-yen-dinh/lang-so.git"],
)
def test_installed_from_a_pushed_checkout_pins_its_remote_and_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, remote: str
) -> None:
    work = checkout(tmp_path, remote)
    head = git("rev-parse", "HEAD", cwd=work)
    installed_as(monkeypatch, tmp_path, {"url": work.as_uri(), "dir_info": {"editable": True}})
    # An SSH remote is read over https: a host's build machine has no key for it.
    assert installed_requirement() == Source(
        f"langso @ git+https://github.com/xa-yen-dinh/lang-so.git@{head}", local=False
    )


def test_a_clone_of_a_folder_on_this_machine_is_refused_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a new user who cloned a folder: its remote is a path, and the message spoke of
    # "an address `:`" they had never given.
    work = checkout(tmp_path, None)
    bare = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(bare), cwd=tmp_path)
    git("remote", "add", "origin", str(bare), cwd=work)
    git("push", "-q", "-u", "origin", "main", cwd=work)
    installed_as(monkeypatch, tmp_path, {"url": work.as_uri(), "dir_info": {"editable": True}})
    with pytest.raises(SourceError) as error:
        installed_requirement()
    assert error.value.vi.startswith(
        f"không biết máy dựng cài Làng số từ đâu: Làng số trên máy này cài từ thư mục `{work}`,"
        f" mà kho gốc `origin` của nó lại là `{bare}`, một chỗ trên máy này: máy dựng của nơi"
        " đăng không tải được. Ghi nguồn bằng `--nguon`"
    )


def test_an_unpushed_commit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = checkout(tmp_path, "https://github.com/xa-yen-dinh/lang-so.git")
    (work / "README.md").write_text("mới\n", encoding="utf-8")
    git("add", ".", cwd=work)
    git("-c", "user.name=T", "-c", "user.email=t@t", "commit", "-qm", "2", cwd=work)
    head = git("rev-parse", "HEAD", cwd=work)
    installed_as(monkeypatch, tmp_path, {"url": work.as_uri(), "dir_info": {"editable": True}})
    with pytest.raises(SourceError) as error:
        installed_requirement()
    assert error.value.vi == (
        f"không biết máy dựng cài Làng số từ đâu: commit {head[:12]} của `{work}` chưa được đẩy"
        " (push) lên `origin`: máy dựng sẽ không tìm thấy nó. Đẩy lên trước. Ghi nguồn bằng"
        f" `--nguon`, ví dụ `--nguon {EXAMPLE}` (kho Làng số mà xã dùng, kèm thẻ hoặc mã commit;"
        " xem docs/xuat-ban.md). Không ghi tệp nào."
    )


def test_a_checkout_without_remote_refuses_init_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = checkout(tmp_path, None)
    installed_as(monkeypatch, tmp_path, {"url": work.as_uri(), "dir_info": {"editable": True}})
    with pytest.raises(InitError) as error:
        create_village(
            tmp_path / "lang",
            village="Tân Ngữ",
            commune="xã Yên Định",
            province="tỉnh Thanh Hóa",
            host="github",
        )
    assert error.value.vi.startswith(
        f"không biết máy dựng cài Làng số từ đâu: Làng số trên máy này cài từ thư mục `{work}`,"
        " không có kho git gốc (remote) để máy dựng của nơi đăng tải về. Ghi nguồn bằng `--nguon`"
    )
    assert error.value.en.startswith("cannot tell where a host should install Làng số from")
    assert not (tmp_path / "lang").exists()


@pytest.mark.parametrize(
    ("direct_url", "why"),
    [
        (None, "không cài từ kho git hay tệp nào ghi được nguồn"),
        (
            {"url": "file:///srv/langso-0.1.0.tar.gz", "archive_info": {}},
            "cài từ tệp `/srv/langso-0.1.0.tar.gz`, máy dựng của nơi đăng không có tệp đó",
        ),
    ],
)
def test_an_unknown_or_local_install_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direct_url: dict[str, object] | None, why: str
) -> None:
    installed_as(monkeypatch, tmp_path, direct_url or {})
    if direct_url is None:  # installed from a package index: pip writes no direct_url.json
        (tmp_path / "site" / "langso-0.1.0.dist-info" / "direct_url.json").unlink()
    with pytest.raises(SourceError) as error:
        installed_requirement()
    assert why in error.value.vi
    assert "--nguon" in error.value.vi and "--nguon" in error.value.en
