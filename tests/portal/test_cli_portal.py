"""``langso portal``: the report, the exit status, the portal written, and every ``portal.*``
message (they come out of this command, never out of ``langso check``)."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from langso import cli_portal
from langso.cli import main
from langso.init import create_village
from langso.portal.config import PortalFile
from langso.portal.fetch import FetchSettings
from langso.portal.model import VillageResult
from langso.portal.sources import project_key
from langso.problems import MESSAGES
from langso.text import slugify
from tests.conftest import REPO, copy_site
from tests.portal.http_villages import Server, serve
from tests.portal.summaries import make_summary
from tests.summary.sites import CONFIG

NAME = "Cổng làng số xã Yên Định (dữ liệu mẫu)"


@pytest.fixture
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


@pytest.fixture(autouse=True)
def fast(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_portal, "FETCH_SETTINGS", FetchSettings(timeout=0.3, backoff=0.0))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796342400")  # 2026-12-04 in Viet Nam


def built(root: Path, folder: str, summary: dict[str, object]) -> None:
    (root / folder).mkdir(parents=True)
    (root / folder / "lang-so.json").write_text(json.dumps(summary), "utf-8")


def run(
    root: Path, text: str, capsys: pytest.CaptureFixture[str], *extra: str
) -> tuple[int, str, str]:
    (root / "cong.yml").write_text(text, "utf-8")
    status = main(["portal", str(root / "cong.yml"), *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def codes(text: str) -> set[str]:
    """The ``portal.*`` codes whose message (its longest part without a parameter) is in
    ``text``."""
    found = set()
    for code, message in MESSAGES.items():
        if code.startswith("portal."):
            words = max(re.split(r"\{[^}]*\}", message.vi), key=len)
            if words in text:
                found.add(code)
    return found


def test_a_portal_with_a_village_that_cannot_be_read(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _, _ = server
    built(tmp_path, "da-dung/phu-my", make_summary("Phú Mỹ"))
    status, out, err = run(
        tmp_path,
        f"ten: '{NAME}'\nlang:\n  - thu_muc: 'da-dung/phu-my'\n  - dia_chi: '{base}/im-lang/'\n",
        capsys,
        "--ra",
        str(tmp_path / "ra"),
    )
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Đọc 2 làng… / reading 2 villages…"
    assert lines[1] == "  ✓ làng Phú Mỹ, xã Yên Định: đọc được / read (da-dung/phu-my)"
    # the sample's example.github.io address: a warning, the village is still read
    assert lines[2] == (
        "      da-dung/phu-my: địa chỉ trang của làng `https://example.github.io/phu-my/` chưa "
        "phải địa chỉ thật (đây là địa chỉ tạm do `langso init` ghi): liên kết trên cổng và mã "
        "QR trên biển của làng sẽ không dẫn tới đâu — đặt địa chỉ thật của trang làng: "
        "`site_url` trong mkdocs.yml của làng (hoặc `langso init … --site-url`), hay `dia_chi` "
        "của làng trong tệp cổng; rồi dựng lại"
    )
    assert lines[3] == (
        "          (en) the village site's address `https://example.github.io/phu-my/` is not a "
        "real one (it is the placeholder `langso init` writes): the portal's links and the "
        "village's plaques would lead nowhere — set the village site's real address: `site_url` "
        "in the village's mkdocs.yml (or `langso init … --site-url`), or the village's "
        "`dia_chi` in the portal file; then build again"
    )
    del lines[2:4]
    assert lines[2] == f"  ✗ {base}/im-lang/: không có / unavailable"
    assert lines[3].startswith(
        f"      không đọc được `{base}/im-lang/lang-so.json`: máy chủ không trả lời trong 0.3 "
        "giây (đã thử 3 lần) — "
    )
    assert lines[-2].startswith("Cổng: 2 làng — 1 mới đọc, 0 dùng bản lưu, 1 không có; ")
    index = (tmp_path / "ra" / "index.html").read_text("utf-8")
    assert NAME in index and "Phú Mỹ" in index
    # The next day the published site is down: yesterday's copy, with its date.
    built(tmp_path, "hom-sau", make_summary("Là Thôn"))
    (tmp_path / "da-dung" / "phu-my" / "lang-so.json").write_text("{", "utf-8")
    status, out, _ = run(
        tmp_path,
        f"ten: '{NAME}'\nlang:\n  - thu_muc: 'da-dung/phu-my'\n",
        capsys,
        "--ra",
        str(tmp_path / "ra"),
    )
    assert status == 0
    assert out.splitlines()[1] == (
        "  ! làng Phú Mỹ, xã Yên Định: không đọc được, dùng bản lưu ngày 04/12/2026 / could not "
        "be read, using the copy of 2026-12-04 (da-dung/phu-my)"
    )


def test_no_usable_village_exits_1_and_a_wrong_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "trong").mkdir()
    (tmp_path / "trong" / "lang-so.json").write_text("[]", "utf-8")
    status, out, err = run(tmp_path, "ten: 'C'\nlang:\n  - thu_muc: 'trong'\n", capsys)
    assert status == 1
    # the summary's own messages name the file, not only the folder
    assert "\n      trong/lang-so.json: $: tệp lang-so.json phải là một đối tượng JSON {…}\n" in out
    assert "Không đọc được làng nào: cổng không có nội dung." in err
    assert (tmp_path / "site-cong" / "index.html").is_file()  # the default: beside the file
    status, _, err = run(tmp_path, "ten: 'C'\nlang:\n  - thu_muc: 'khong-co'\n", capsys)
    assert status == 2
    assert err.splitlines()[-1].startswith("Chưa dựng được cổng: 1 lỗi trong ")
    assert err.splitlines()[-1].endswith("cong.yml to fix.")
    with pytest.raises(SystemExit) as usage:
        main(["portal", "cong.yml", "--tien-trinh", "0"])
    assert usage.value.code == 2
    assert "`0` không phải số nguyên dương" in capsys.readouterr().err


def test_every_portal_message_comes_out_of_langso_portal(
    tmp_path: Path, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    base, _, answers = server
    seen: set[str] = set()
    # The portal file's own mistakes, all in one run.
    (tmp_path / "trong").mkdir()
    for folder in ("mot/tan-ngu", "hai/tan-ngu", "tim"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    status, _, err = run(
        tmp_path,
        "ten: 'C'\ndia_chi: 'javascript:alert(1)'\nlang:\n  - ghi_chu: 'x'\n"
        "  - thu_muc: 'khong-co'\n  - thu_muc: 'trong'\n"
        "  - dia_chi: 'https://a.example/'\n  - dia_chi: 'https://a.example'\n"
        "  - thu_muc: 'mot/tan-ngu'\n  - thu_muc: 'hai/tan-ngu'\n  - thu_muc: 'tim'\n",
        capsys,
    )
    assert status == 2
    seen |= codes(err)
    entries = "".join(f"  - dia_chi: 'https://l{i}.example/'\n" for i in range(5_001))
    status, _, err = run(tmp_path, f"ten: 'C'\nlang:\n{entries}", capsys)
    assert status == 2
    seen |= codes(err)
    assert main(["portal", str(tmp_path / "khong-co.yml")]) == 2
    seen |= codes(capsys.readouterr().err)
    # The villages' problems, in the report.
    copy_site(
        tmp_path / "lang" / "hong",
        files={"content/village.yml": "ten: 'Hỏng'\n\txa: 'x'\n"},
        config={"plugins": CONFIG["plugins"]},
    )
    ci_project = tmp_path / "lang" / "ci"
    ci_project.mkdir(parents=True)
    (ci_project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", "utf-8")
    built(tmp_path, "lang/ci/content", make_summary("CI"))  # a village.yml-less folder
    (ci_project / "content" / "village.yml").write_text(
        "ten: 'Chưa Dựng'\nxa: 'xã Yên Định'\n", "utf-8"
    )
    built(tmp_path, "da-dung/phu-my", make_summary("Phú Mỹ", base_url=None))
    built(tmp_path, "da-dung/phu-my-2", make_summary("Phú Mỹ"))
    answers["/hong/lang-so.json"] = b"{"
    status, out, _ = run(
        tmp_path,
        "ten: 'C'\nlang:\n  - thu_muc: 'lang/hong'\n  - thu_muc: 'da-dung/phu-my'\n"
        f"  - thu_muc: 'da-dung/phu-my-2'\n  - dia_chi: '{base}/im-lang/'\n"
        f"  - dia_chi: '{base}/hong/'\n",
        capsys,
    )
    assert status == 0
    seen |= codes(out)
    (tmp_path / "ci").mkdir()
    status, out, _ = run(
        tmp_path,
        "ten: 'C'\nlang:\n  - thu_muc: 'lang/ci'\n",
        capsys,
        "--da-dung",
        str(tmp_path / "ci"),
    )
    assert status == 1
    seen |= codes(out)
    seen |= codes(mismatched_village(tmp_path, capsys))
    status, _, err = run(
        tmp_path, "ten: 'C'\nlang:\n  - thu_muc: 'da-dung/phu-my'\n", capsys, "--ra", str(tmp_path)
    )
    assert status == 2
    seen |= codes(err)
    seen |= codes(differing_village(tmp_path / "khac-dia-chi", capsys))
    seen |= codes(ci_messages(tmp_path / "kho", capsys))
    assert sorted({code for code in MESSAGES if code.startswith("portal.")} - seen) == []


def mismatched_village(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The report of a portal whose CI-built village (``--da-dung``) has its own ``site_url``
    elsewhere than the portal's address + its key."""
    project = root / "lang" / "khac"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", "utf-8")
    (project / "content" / "village.yml").write_text("ten: 'Khác'\nxa: 'xã Yên Định'\n", "utf-8")
    key = project_key(project)
    assert key == "khac"
    summary = make_summary("Khác", base_url="https://example.github.io/lang-khac/")
    built(root, f"ci-khac/{key}", summary)
    status, out, _ = run(
        root,
        "ten: 'C'\ndia_chi: 'https://example.github.io/cong/'\nlang:\n  - thu_muc: 'lang/khac'\n",
        capsys,
        "--da-dung",
        str(root / "ci-khac"),
    )
    assert status == 0
    return out


def test_a_ci_village_whose_site_url_is_not_where_ci_publishes_it_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its plaques would lead elsewhere than the copy CI publishes (docs/cong-tinh.md)."""
    out = mismatched_village(tmp_path, capsys)
    assert (
        "      lang/khac: trang của làng được đăng ở "
        "`https://example.github.io/cong/khac/` "
        "(CI đăng mỗi làng ở địa chỉ cổng + mã làng), nhưng `site_url` của làng là "
        "`https://example.github.io/lang-khac/`: mã QR trên biển sẽ dẫn tới địa chỉ khác"
    ) in out


def test_a_hostile_summary_cannot_drive_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = make_summary("Phú Mỹ")
    summary["lang"]["ten_day_du"] = "làng \x1b]0;bị chiếm\x07Phú\u202eMỹ\n✓ giả"
    built(tmp_path, "da-dung/phu-my", summary)
    status, out, _ = run(tmp_path, "ten: 'C'\nlang:\n  - thu_muc: 'da-dung/phu-my'\n", capsys)
    assert status == 0
    assert out.splitlines()[1] == (
        "  ✓ làng \ufffd]0;bị chiếm\ufffdPhú\ufffdMỹ\ufffd✓ giả, xã Yên Định: đọc được / read "
        "(da-dung/phu-my)"
    )


def differing_village(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The report of a portal whose built village has a `dia_chi` in the portal file other than
    its own `site_url`."""
    built(root, "da-dung/phu-my", make_summary("Phú Mỹ", base_url="https://phu-my.example.vn/"))
    status, out, _ = run(
        root,
        "ten: 'C'\nlang:\n  - thu_muc: 'da-dung/phu-my'\n    dia_chi: 'https://xa.example.vn/phu-my/'\n",
        capsys,
        "--ra",
        str(root / "ra"),
    )
    assert status == 0
    return out


def test_an_entry_address_is_where_the_portal_links_and_a_different_site_url_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = differing_village(tmp_path, capsys)
    assert out.splitlines()[2] == (
        "      da-dung/phu-my: tệp cổng ghi trang của làng ở `https://xa.example.vn/phu-my/` "
        "(`dia_chi`), nhưng `site_url` của trang làng là `https://phu-my.example.vn/`: liên kết "
        "trên cổng dẫn tới `https://xa.example.vn/phu-my/`, còn mã QR trên biển của làng dẫn tới "
        "`https://phu-my.example.vn/` — sửa cho hai địa chỉ giống nhau trước khi in biển: "
        "`dia_chi` của làng trong tệp cổng, hoặc `site_url` trong mkdocs.yml của làng (biển đã in "
        "thì giữ địa chỉ trên biển)"
    )
    index = (tmp_path / "ra" / "index.html").read_text("utf-8")
    assert 'href="https://xa.example.vn/phu-my/"' in index
    assert 'href="https://phu-my.example.vn/"' not in index


def test_a_local_run_checks_a_project_against_the_portal_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --da-dung too: a village project of a portal with an address is published at
    that address + its key (docs/cong-tinh.md, Cách B); the note is plain text."""
    project = tmp_path / "lang" / "khac"
    (project / "content").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content\n", "utf-8")
    summary = make_summary("Khác", base_url="https://lang-khac.example.vn/")

    def collect(portal: PortalFile, **_: object) -> list[VillageResult]:
        (source,) = portal.sources
        assert source.kind == "project"
        base = "https://lang-khac.example.vn/"
        return [VillageResult("khac", source.source, summary, base, "moi", None, None)]

    monkeypatch.setattr(cli_portal, "collect_villages", collect)
    status, out, _ = run(
        tmp_path,
        "ten: 'C'\ndia_chi: 'https://cong.example.vn/'\nlang:\n  - thu_muc: 'lang/khac'\n",
        capsys,
    )
    assert status == 0
    assert out.splitlines()[2] == (
        "      lang/khac: trang của làng được đăng ở `https://cong.example.vn/khac/` (CI "
        "đăng mỗi làng ở địa chỉ cổng + mã làng), nhưng `site_url` của làng là "
        "`https://lang-khac.example.vn/`: mã QR trên biển sẽ dẫn tới địa chỉ khác — đặt "
        "`site_url: https://cong.example.vn/khac/` trong mkdocs.yml của làng trước khi "
        "in biển (biển đã in thì giữ địa chỉ cũ và đăng làng ở đó); xem docs/cong-tinh.md"
    )
    assert "**" not in out


def ci_messages(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What `langso portal ci` says about a repository of villages made by `langso init`."""
    for name in ("Phu My", "Tan Ngu"):
        create_village(
            root / "lang" / slugify(name),
            village=name,
            commune="xã Yên Định",
            province="tỉnh Thanh Hóa",
            host="github",
            requirement=str(REPO),
            today=dt.date(2026, 11, 20),
        )
    (root / "lang" / "phu-my" / "requirements.txt").unlink()
    said = []
    for text in (
        "ten: 'C'\ndia_chi: 'https://example.github.io/cong/'\nlang:\n  - thu_muc: 'lang/phu-my'\n",
        "ten: 'C'\nlang:\n  - thu_muc: '../lang/ci'\n",
    ):
        (root / "cong.yml").write_text(text, "utf-8")
        main(["portal", "ci", "gitlab", str(root / "cong.yml"), "--nguon", str(REPO)])
        said.append(capsys.readouterr())
    return "".join(part.out + part.err for part in said)


def test_a_portal_in_a_git_work_tree_without_its_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A portal of village projects without `dia_chi`: their addresses cannot be checked (a
    warning). In a git work tree `.gitignore` gets the cache and the output (said, once). The
    report ends with how to look at the portal: a web server, not index.html from the disk."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    project = tmp_path / "lang" / "khac"
    project.mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    summary = make_summary("Khác", base_url="https://lang-khac.example.vn/")

    def collect(portal: PortalFile, **_: object) -> list[VillageResult]:
        (source,) = portal.sources
        base = "https://lang-khac.example.vn/"
        return [VillageResult("khac", source.source, summary, base, "moi", None, None)]

    monkeypatch.setattr(cli_portal, "collect_villages", collect)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cong.yml").write_text("ten: 'C'\nlang:\n  - thu_muc: 'lang/khac'\n", "utf-8")
    assert main(["portal", "cong.yml"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[3:] == [
        "cong.yml: tệp cổng không có `dia_chi` (địa chỉ của cổng): "
        "không kiểm tra được `site_url` của từng làng (trong một kho, CI đăng mỗi làng ở địa chỉ "
        "cổng + mã làng) — thêm `dia_chi: 'https://…/'` (địa chỉ cổng sẽ được đăng) ở đầu tệp "
        "cổng, trước khi in biển của các làng",
        "    (en) the portal file has no `dia_chi` (the portal's address): the villages' "
        "`site_url` cannot be checked (in one repository, CI publishes each village at the "
        "portal's address + its key) — add `dia_chi: 'https://…/'` (where the portal will be "
        "published) at the top of the portal file, before printing the villages' plaques",
        "Đã thêm vào .gitignore / added to .gitignore: .cache/, /site-cong/, /dung/, /tam/, /luu/",
        "Xem thử / to look at it: python3 -m http.server 8000 -d site-cong rồi mở / then open "
        "http://localhost:8000/ (mở thẳng tệp index.html thì tìm kiếm và liên kết thư mục không "
        "chạy: cần máy chủ web / opening index.html from the disk does not work: search and "
        'folder links need a web server). Kết quả tìm và "Mở trang của làng" dẫn tới địa chỉ '
        "đã đăng của làng: trên máy chỉ mở được khi làng đã đăng; trang 404 của cổng chỉ "
        'thấy khi đã đăng. / Results and "Mở trang của làng" lead to each village\'s published '
        "address: they open once the village is published; the portal's 404 page shows once "
        "published.",
    ]
    status = subprocess.run(
        ["git", "status", "--porcelain"], cwd=tmp_path, capture_output=True, text=True
    )
    assert sorted(status.stdout.splitlines()) == ["?? .gitignore", "?? cong.yml", "?? lang/"]
    # Again, with its address: nothing more to add, no warning.
    (tmp_path / "cong.yml").write_text(
        "ten: 'C'\ndia_chi: 'https://cong.example.vn/'\nlang:\n  - thu_muc: 'lang/khac'\n",
        "utf-8",
    )
    assert main(["portal", "cong.yml"]) == 0
    out = capsys.readouterr().out
    assert "dia_chi` (địa chỉ của cổng)" not in out and ".gitignore" not in out


def test_an_output_folder_holding_the_villages_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--ra .` in a one-repository portal would let the portal replace `lang/` — the villages'
    own projects. Refused before anything is read or written; the villages stay."""
    built(tmp_path, "lang/phu-my", make_summary("Phú Mỹ"))
    before = (tmp_path / "lang" / "phu-my" / "lang-so.json").read_bytes()
    text = "ten: 'C'\nlang:\n  - thu_muc: 'lang/phu-my'\n"
    for out in (tmp_path, tmp_path / "lang"):
        status, stdout, err = run(tmp_path, text, capsys, "--ra", str(out))
        assert status == 2
        assert stdout == ""
        assert "portal.out-unsafe" in codes(err)
        assert (tmp_path / "lang" / "phu-my" / "lang-so.json").read_bytes() == before
    assert not (tmp_path / "index.html").exists()
    status, _, err = run(tmp_path, text, capsys, "--ra", str(tmp_path / "site-cong"))
    assert (status, "portal.out-unsafe" in codes(err)) == (0, False)
