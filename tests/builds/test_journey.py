"""A commune's first day, end to end, as a commune does it (issue 13, deliverable 10).

For each host, in a temporary folder and through the ``langso`` command: ``init``, ``new place``
with a phone photo, ``new service``, ``new plaque``, ``check``, ``serve`` (the new page fetched),
``plaques print`` (every QR code decoded), the publishing file's own install and build commands
in a fresh virtual environment that holds only what they install (``tests/builds/
test_publish_install.py``), then a crawl of the built site served under the host's sub-path,
following the new plaque's printed address to its page. Each step's time is printed (``-s``).
"""

from __future__ import annotations

import re
import time
import tomllib
import urllib.parse
from pathlib import Path

import pytest
import yaml
from PIL import Image

from langso.init import Host
from tests.browser import free_port
from tests.builds.test_hosts import crawl, follow, serve
from tests.builds.test_publish_install import Runner, run, run_steps
from tests.photos.images import assert_no_metadata, phone_jpeg
from tests.test_cli_new import langso
from tests.test_cli_serve import get, serving
from tests.test_printing import rasterise, read_codes

SITE_URLS: dict[Host, str] = {
    "github": "https://xa-yen-dinh.github.io/tan-ngu/",
    "gitlab": "https://xa-yen-dinh.gitlab.io/tan-ngu/",
    "netlify": "https://tan-ngu.netlify.app/",
    "cloudflare": "https://tan-ngu.pages.dev/",
}
PLACE = "content/dia-diem/gieng-lang-tan-ngu.md"
PLACE_PAGE = "dia-diem/gieng-lang-tan-ngu/"


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    """One fresh virtualenv (a host's clean runner) for every host's journey."""
    return Runner(tmp_path_factory.mktemp("runner"))


class Clock:
    """Times each step of the journey and prints them (shown with ``pytest -s``)."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.started = time.perf_counter()

    def lap(self, step: str) -> None:
        now = time.perf_counter()
        print(f"[{self.host}] {step}: {now - self.started:.1f} s")
        self.started = now


def write_place(village: Path) -> None:
    """The volunteer replaces the starter text of ``langso new place`` and adds a phone photo."""
    (village / "content/dia-diem/anh").mkdir(parents=True)
    (village / "content/dia-diem/anh/gieng.jpg").write_bytes(phone_jpeg())
    page = village / PLACE
    head = page.read_text("utf-8").split("\n# ", 1)[0]
    page.write_text(
        head + "\n# Giếng làng Tân Ngữ\n\n"
        "Giếng cổ giữa thôn, nơi dân làng lấy nước từ xưa (dữ liệu mẫu).\n\n"
        "![Giếng làng nhìn từ cổng đình](anh/gieng.jpg)\n\n"
        "## Nguồn\n\n- Lời kể của các cụ trong thôn (dữ liệu mẫu).\n",
        "utf-8",
    )


def write_landmark(village: Path) -> None:
    """The volunteer writes the page of the plaque ``langso init`` made, replacing its "Trang
    mẫu" box: a plaque is printed for real only for a written page."""
    page = village / "content/dia-diem/dinh-thon-tan-ngu.md"
    text = page.read_text("utf-8")
    box = text.index('!!! note "Trang mẫu"')
    end = text.index("\n## ", box)
    page.write_text(
        text[:box] + "Đình thôn Tân Ngữ thờ Thành hoàng làng (dữ liệu mẫu).\n" + text[end:],
        "utf-8",
    )


def publish(host: Host, village: Path, runner: Runner) -> Path:
    """Run the publishing file ``langso init`` wrote for ``host``; the folder it publishes."""
    env = runner.env
    if host == "github":
        workflow = yaml.safe_load((village / ".github/workflows/pages.yml").read_text("utf-8"))
        checked = run_steps(workflow, "check", village, env)[-1]
        assert "Có thể xuất bản" in checked, checked
        run_steps(workflow, "build", village, env)
        return village / "site"
    if host == "gitlab":
        ci = yaml.safe_load((village / ".gitlab-ci.yml").read_text("utf-8"))
        env = {**env, **{k: str(v) for k, v in ci["variables"].items()}}
        for line in ci["pages"]["script"]:
            run("pages", line, village, env)
        return village / "public"
    if host == "netlify":
        build = tomllib.loads((village / "netlify.toml").read_text("utf-8"))["build"]
        env = {**env, **{k: str(v) for k, v in build["environment"].items()}}
        run("netlify", build["command"], village, env)
        return village / build["publish"]
    readme = (village / "README.md").read_text("utf-8")
    command = readme.split("Build command: `", 1)[1].split("`", 1)[0]
    output = readme.split("Build output directory: `", 1)[1].split("`", 1)[0]
    run("cloudflare", command, village, {**env, "NO_MKDOCS_2_WARNING": "1"})
    return village / output


@pytest.mark.parametrize("host", list(SITE_URLS))
def test_a_communes_first_day(tmp_path: Path, runner: Runner, host: Host) -> None:
    site_url = SITE_URLS[host]
    clock = Clock(host)
    village = tmp_path / "tan-ngu"

    made = langso(
        tmp_path, "init", str(village), "--village", "Tân Ngữ", "--kind", "thôn",
        "--commune", "xã Yên Định", "--province", "tỉnh Thanh Hóa", "--host", host,
        "--site-url", site_url, "--nguon", str(runner.source), "--date", "01/11/2026",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout.splitlines()[0].startswith("Đã tạo ")
    clock.lap("init")

    place = langso(village, "new", "place", "--title", "Giếng làng Tân Ngữ")
    assert place.returncode == 0, place.stderr
    assert place.stdout.splitlines()[0] == f"Đã tạo / created {PLACE}"
    write_place(village)
    write_landmark(village)
    categories = yaml.safe_load((village / "content/categories.yml").read_text("utf-8"))
    service = langso(
        village, "new", "service", "--title", "Quán nước bà Tư", "--category", categories[0]["id"]
    )
    assert service.returncode == 0, service.stderr
    assert service.stdout.splitlines()[0] == "Đã tạo / created content/danh-ba/quan-nuoc-ba-tu.yml"
    plaque = langso(
        village, "new", "plaque", "--title", "Giếng làng", "--page", PLACE.removeprefix("content/")
    )
    assert plaque.returncode == 0, plaque.stderr
    registry = yaml.safe_load((village / "content/plaques.yml").read_text("utf-8"))
    new_id = registry[-1]["id"]
    assert registry[-1]["trang"] == "dia-diem/gieng-lang-tan-ngu.md"
    clock.lap("new place, service, plaque")

    checked = langso(village, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].startswith("Có thể xuất bản"), checked.stdout
    clock.lap("check")

    port = free_port()
    prefix = urllib.parse.urlsplit(site_url).path
    with serving(village, port) as errors:
        status, page = get(f"http://127.0.0.1:{port}{prefix}{PLACE_PAGE}", 120)
        assert status == 200, errors
        assert "Giếng làng Tân Ngữ" in page
    clock.lap("serve (first page)")

    printed = langso(village, "plaques", "print", "--output", "in", "--new-only")
    assert printed.returncode == 0, printed.stdout + printed.stderr
    pdf = next((village / "in").glob("*.pdf")).read_bytes()
    codes = [c.text for image in rasterise(pdf) for c in read_codes(image)]
    assert f"{site_url}q/{new_id}/" in codes
    record = (village / "content/plaques-printed.txt").read_text("utf-8")
    assert re.search(
        rf"^{new_id} \| \d{{4}}-\d\d-\d\d \| {re.escape(site_url)}q/{new_id}/ "
        rf"\| dia-diem/gieng-lang-tan-ngu.md \| Giếng làng$",
        record,
        re.MULTILINE,
    ), record
    clock.lap("plaques print")

    site = publish(host, village, runner)
    clock.lap("publishing install and build")

    redirects: dict[str, str] = {}
    if host != "github":  # the other hosts read _redirects
        for line in (site / "_redirects").read_text("utf-8").splitlines()[1:]:
            source, target, _ = line.split()
            redirects[source] = target
    with serve(site, prefix.rstrip("/"), redirects) as base:
        pages = crawl(base, site_url, [prefix, f"{prefix}404.html"])
        assert f"{prefix}{PLACE_PAGE}" in pages
        url, html = follow(f"{base}{prefix}q/{new_id}/")
        assert url == f"{base}{prefix}{PLACE_PAGE}"
        assert "Giếng làng Tân Ngữ" in html
    photos = [p for p in site.rglob("*.jpg") if "gieng" in p.name]
    assert photos, "the phone photo was published"
    for photo in photos:
        with Image.open(photo) as image:
            assert max(image.size) <= 1280
            assert_no_metadata(image)
    clock.lap("crawl under the host's path")
