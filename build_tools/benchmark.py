#!/usr/bin/env python3
"""Benchmark: our build against the fastest fair peers, on the same synthetic content.

    .venv/bin/python build_tools/benchmark.py --sizes 100 300 --runs 3 --json /tmp/bench.json

For each size N (``synthetic.py``: a third directory entries, the rest landmark pages with a
plaque each and guides, about 450 words a page, a photo on one page in ten) the same content is
built, cold, in turns (a b c d, a b c d …), each build in a fresh process with no ``site/`` and
no ``.cache/``, by:

- **a** ours: the sample's plugins (without ``print_sheets``, see ``synthetic.py``);
- **b** plain Material, small navigation: the pages as plain Markdown with a ``nav:`` as small
  as ours (``synthetic.small_nav``: each big section's index, 7 pages and "Xem tất cả");
- **c** plain Material as a user would configure it: ``navigation.prune``, no ``nav:``. Every
  page lists every page of its folder, so it grows with the square of N: a build longer than
  ``--plain-budget`` seconds is stopped, and a size where the square law from a smaller size
  predicts more than the budget is not run (reported "not run");
- **d** Zensical (``--zensical``, default ``zensical`` on ``PATH``) on b's project; it must
  write as many HTML pages as b.

Per build: wall-clock seconds of the process, its own peak memory (``/usr/bin/time -f %M``, or a
fresh wrapper process's ``RUSAGE_CHILDREN``), files, bytes and HTML pages written. Then ours warm
(a fresh process with the ``.cache/`` of the cold builds, then ``--rebuilds`` no-change rebuilds
in it) and ``langso serve``'s edit latency (a service's YAML, then a Markdown page, each
``--serve-edits`` times; up to ``--serve-max``), and once the sample village's cold build and
``langso check`` (``--sample-runs`` fresh processes each, in turns). Prints Markdown tables
(``bench_report.py``) and the targets of issue 18 as MET / NOT MET.

Resumable: each size's results are kept in ``--work`` (``result-<N>.json``) as soon as that
size is done, and a later run with the same ``--work`` reuses them (``--again`` measures anew).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_report import VARIANTS, estimate, summary, tables, target_lines, targets
from synthetic import body_words, generate, generate_plain

ROOT = Path(__file__).resolve().parent.parent
# Run in a fresh process: argv = project, site, number of builds in that process. Prints one
# JSON line per build: seconds and seconds inside langso handlers.
_BUILD = """
import collections, functools, json, logging, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
logging.getLogger("mkdocs").setLevel(logging.ERROR)
spent = collections.Counter()
def timed(name, handler):
    @functools.wraps(handler)
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return run
for _ in range(int(sys.argv[3])):
    config = load_config(sys.argv[1] + "/mkdocs.yml", site_dir=sys.argv[2])
    for event, handlers in config.plugins.events.items():
        for number, handler in enumerate(handlers):
            owner = getattr(handler, "__self__", None)
            if type(owner).__module__.startswith("langso."):
                handlers[number] = timed(f"{type(owner).__name__}.{event}", handler)
    spent.clear()
    start = time.perf_counter()
    build(config)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "plugins": sum(spent.values()),
                      "top": dict(spent.most_common(5))}), flush=True)
"""
# Without /usr/bin/time: a fresh process whose only child is the build; its RUSAGE_CHILDREN
# peak is the build's own (never this script's, whose ru_maxrss a child would inherit).
_PEAK = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""
TIME = "/usr/bin/time"
"""GNU time: ``-f %M`` is the peak resident kilobytes of the command it runs (not its own)."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795996800"}
SERVICE = "danh-ba/dich-vu-00000"
PAGE = "dia-diem/trang-00000"


class BuildFailed(RuntimeError):
    """A measured command exited with an error (its message ends with the command's stderr)."""


def timed_run(command: list[str], cwd: Path, timeout: float | None) -> dict[str, Any] | None:
    """Run ``command`` in a new process group: wall seconds, the peak MB of the process itself,
    its stdout. ``None`` when it ran over ``timeout`` seconds (the whole group is killed).

    Raises:
        BuildFailed: when the command fails.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".peak") as peak:
        if Path(TIME).exists():
            wrapped = [TIME, "-f", "%M", "-o", peak.name, *command]
        else:
            wrapped = [sys.executable, "-c", _PEAK, peak.name, *command]
        start = time.perf_counter()
        process = subprocess.Popen(
            wrapped, cwd=cwd, env=ENV, text=True, start_new_session=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return None
        seconds = time.perf_counter() - start
        if process.returncode:
            raise BuildFailed(f"{' '.join(command[:3])} in {cwd} failed:\n{err[-3000:]}")
        kilobytes = int(Path(peak.name).read_text().split()[-1])
    return {"seconds": seconds, "peak_mb": kilobytes / 1024, "stdout": out}


def written(site: Path) -> dict[str, int]:
    """Files, bytes and HTML pages below ``site``."""
    files = size = html = 0
    for folder, _, names in os.walk(site):
        for name in names:
            files += 1
            size += os.stat(os.path.join(folder, name)).st_size
            html += name.endswith(".html")
    return {"files": files, "bytes": size, "html": html}


def cold_build(
    variant: str, project: Path, zensical: str | None, timeout: float | None
) -> dict[str, Any] | None:
    """One cold build of ``variant`` (a key of ``VARIANTS``) of ``project``; ``None``: over
    ``timeout``."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    if variant == "d":
        assert zensical is not None
        command = [zensical, "build", "-f", str(project / "mkdocs.yml")]
    else:
        command = [sys.executable, "-c", _BUILD, str(project), str(site), "1"]
    result = timed_run(command, project, timeout)
    if result is None:
        return None
    plugins = json.loads(result["stdout"].splitlines()[-1])["plugins"] if variant == "a" else None
    return {
        "seconds": result["seconds"],
        "peak_mb": result["peak_mb"],
        "plugins": plugins,
        **written(site),
    }


def prepare(size: int, work: Path) -> dict[str, Path]:
    """The projects of a village of ``size`` pages (reused when ``synthetic.py`` and the size are
    those that made them): ``a`` ours, ``b`` plain with the small ``nav:`` (also Zensical's),
    ``c`` plain without ``nav:``."""
    key = f"{size} {(ROOT / 'build_tools' / 'synthetic.py').stat().st_mtime_ns}"
    projects = {v: work / f"{v}-{size}" for v in "abc"}
    ready = work / f"ready-{size}"
    if ready.exists() and ready.read_text() == key:
        return projects
    services = size // 3
    generate(projects["a"], services, 1, size - services)
    generate_plain(projects["b"], services, 1, size - services, nav=True)
    shutil.rmtree(projects["c"], ignore_errors=True)
    shutil.copytree(projects["b"], projects["c"])
    config = (projects["b"] / "mkdocs.yml").read_text(encoding="utf-8")
    (projects["c"] / "mkdocs.yml").write_text(config.split("nav:\n")[0], encoding="utf-8")
    ready.write_text(key)
    return projects


def mean_words(project: Path) -> float:
    """Mean words of the landmark and guide pages' Markdown (``synthetic.body_words``)."""
    pages = [
        *(project / "content").glob("dia-diem/*.md"),
        *(project / "content").glob("huong-dan/*.md"),
    ]
    return statistics.mean(body_words(p.read_text(encoding="utf-8")) for p in pages)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def serve_latency(project: Path, edits: int) -> dict[str, Any]:
    """Seconds from an edit to ``langso serve`` serving it: a service's YAML (its name), then a
    Markdown page (a new paragraph), ``edits`` times each; medians and every value."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = subprocess.Popen(
        [sys.executable, "-m", "langso.cli", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/lang-thu/"
    sources = {
        "yaml": project / "content" / f"{SERVICE}.yml",
        "markdown": project / "content" / f"{PAGE}.md",
    }
    texts = {kind: path.read_text(encoding="utf-8") for kind, path in sources.items()}
    found: dict[str, list[float]] = {"yaml": [], "markdown": []}
    try:
        deadline = time.monotonic() + 3600
        while not _fetch(base + SERVICE + "/"):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("langso serve did not start")
            time.sleep(0.5)
        time.sleep(2)  # let the watcher settle after the first build
        for number in range(edits):
            for kind, url in (("yaml", SERVICE), ("markdown", PAGE)):
                mark = f"Sửa đổi {number} {kind}"
                if kind == "yaml":
                    edited = texts[kind].replace("ten: '", f"ten: '{mark} ", 1)
                else:
                    edited = texts[kind].replace("\n\n## ", f"\n\n{mark}.\n\n## ", 1)
                start = time.monotonic()
                sources[kind].write_text(edited, encoding="utf-8")
                while mark not in _fetch(base + url + "/"):
                    if time.monotonic() - start > 600:
                        raise SystemExit(f"langso serve did not show the {kind} edit in 10 min")
                    time.sleep(0.05)
                found[kind].append(time.monotonic() - start)
                time.sleep(1.5)  # the rebuild's last writes, and the watcher's quiet period
    finally:
        for kind, path in sources.items():
            path.write_text(texts[kind], encoding="utf-8")
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return {
        **{kind: statistics.median(values) for kind, values in found.items()},
        "all": found,
    }


def measure(size: int, args: argparse.Namespace, rows: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """Every number of one size (see the module's docstring); ``rows``: smaller sizes already
    measured, for the square-law estimate of (c)."""
    projects = prepare(size, args.work)
    row: dict[str, Any] = {"N": size, "rounds": [], "skipped": {}, "notes": []}
    row["words"] = mean_words(projects["a"])
    print(f"N={size}: mean words of a page {row['words']:.0f}", flush=True)
    if not args.zensical:
        row["skipped"]["d"] = "Zensical not found (--zensical)"
    measured_c = [(n, summary(r["rounds"], "c")) for n, r in sorted(rows.items()) if n < size]
    known = [(n, found["seconds"]) for n, found in measured_c if found is not None]
    if known:
        guess = estimate(known[-1][1], known[-1][0], size)
        if guess > args.plain_budget:
            row["skipped"]["c"] = (
                f"estimated {guess:.0f} s > --plain-budget {args.plain_budget:.0f} s"
            )
    if any("c" in r.get("skipped", {}) for n, r in rows.items() if n < size):
        row["skipped"].setdefault("c", "over --plain-budget at a smaller N")
    for number in range(args.runs):
        builds: dict[str, Any] = {}
        for variant in VARIANTS:
            if variant in row["skipped"]:
                continue
            project = projects["b" if variant == "d" else variant]
            timeout = args.plain_budget if variant == "c" else None
            try:
                builds[variant] = cold_build(variant, project, args.zensical, timeout)
            except BuildFailed as error:
                if variant in "ab":
                    raise
                last = str(error).strip().splitlines()[-1][:200]
                row["skipped"][variant] = f"the build failed: {last}"
                print(f"  round {number + 1} {variant}: {error}", flush=True)
                continue
            if builds[variant] is None:
                row["skipped"][variant] = f"one build over --plain-budget {args.plain_budget:.0f} s"
            if variant == "d" and builds["d"] and builds["d"]["html"] != builds["b"]["html"]:
                pages = (builds["d"]["html"], builds["b"]["html"])
                row["notes"].append(f"Zensical wrote {pages[0]} HTML pages, Material {pages[1]}")
            print(f"  round {number + 1} {variant}: {_short(builds[variant])}", flush=True)
        row["rounds"].append(builds)
    for builds in row["rounds"]:  # a variant stopped in one round is reported as not run
        for variant in row["skipped"]:
            builds.pop(variant, None)
    # Ours warm: its project still holds the .cache/ and site/ of its last cold build.
    command = [sys.executable, "-c", _BUILD, str(projects["a"]), str(projects["a"] / "site"),
               str(1 + args.rebuilds)]  # fmt: skip
    result = timed_run(command, projects["a"], None)
    assert result is not None
    fresh, *again = [
        json.loads(line) for line in result["stdout"].splitlines()[-1 - args.rebuilds :]
    ]
    middle = sorted(again, key=lambda r: r["plugins"])[len(again) // 2] if again else {}
    row["warm"] = {
        "fresh": fresh["seconds"],
        "fresh_plugins": fresh["plugins"],
        "again": statistics.median(r["seconds"] for r in again) if again else None,
        "plugins": middle.get("plugins"),
        "top": middle.get("top"),
    }
    if size <= args.serve_max and args.serve_edits > 0:
        try:
            row["serve"] = serve_latency(projects["a"], args.serve_edits)
        except SystemExit as error:  # the cold builds stay measured
            row["serve"] = {"error": str(error)}
        print(f"  serve: {row['serve'].get('all', row['serve'].get('error'))}", flush=True)
    return row


def _short(build: dict[str, Any] | None) -> str:
    if build is None:
        return "stopped: over the budget"
    return f"{build['seconds']:.1f} s, {build['peak_mb']:.0f} MB, {build['files']} files"


def measure_sample(work: Path, runs: int) -> dict[str, list[float]]:
    """The sample village (``mkdocs.yml`` and ``content/`` copied into ``work``): its cold build
    and ``langso check`` (no ``.cache/``), each in a fresh process, in turns, ``runs`` times."""
    project = work / "sample"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    found: dict[str, list[float]] = {"build": [], "check": []}
    commands = {
        "build": [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")],
        "check": [sys.executable, "-m", "langso.cli", "check"],
    }
    for _ in range(runs):
        for kind, command in commands.items():
            shutil.rmtree(project / "site", ignore_errors=True)
            shutil.rmtree(project / ".cache", ignore_errors=True)
            result = timed_run(command, project, None)
            assert result is not None
            found[kind].append(result["seconds"])
    print(f"sample village: {found}", flush=True)
    return found


def main() -> None:
    """Measure the sizes asked (reusing those kept in ``--work``), print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100])
    parser.add_argument("--runs", type=int, default=3, help="rounds of cold builds")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "langso-bench")
    parser.add_argument("--again", action="store_true", help="measure kept sizes anew")
    parser.add_argument("--zensical", default=shutil.which("zensical"), help="zensical command")
    parser.add_argument("--plain-budget", type=float, default=600, help="seconds for one (c) build")
    parser.add_argument("--serve-max", type=int, default=3000, help="largest N for langso serve")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits of each kind")
    parser.add_argument("--rebuilds", type=int, default=3, help="no-change rebuilds, warm")
    parser.add_argument("--sample-runs", type=int, default=5, help="0: skip the sample village")
    parser.add_argument("--json", type=Path, help="write every number here")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows: dict[int, dict[str, Any]] = {}
    for kept in args.work.glob("result-*.json"):
        if kept.stem != "result-sample":
            row = json.loads(kept.read_text(encoding="utf-8"))
            rows[int(row["N"])] = row
    for size in sorted(set(args.sizes)):
        if size in rows and not args.again:
            print(f"N={size}: kept from {args.work}", flush=True)
            continue
        rows[size] = measure(size, args, rows)
        (args.work / f"result-{size}.json").write_text(json.dumps(rows[size]), encoding="utf-8")
    kept_sample = args.work / "result-sample.json"
    sample = None
    if kept_sample.exists() and not args.again:
        sample = json.loads(kept_sample.read_text(encoding="utf-8"))
    elif args.sample_runs > 0:
        sample = measure_sample(args.work, args.sample_runs)
        kept_sample.write_text(json.dumps(sample), encoding="utf-8")
    shown = {n: rows[n] for n in sorted(rows) if n in args.sizes}
    print()
    print(tables(shown))
    for row in shown.values():
        for note in row.get("notes", []):
            print(f"N={row['N']}: {note}")
    found = targets(rows, sample)
    print()
    print(target_lines(found))
    if args.json:
        verdicts = [{"name": t.name, "value": t.value, "verdict": t.verdict} for t in found]
        everything = {"sizes": shown, "sample": sample, "targets": verdicts}
        args.json.write_text(json.dumps(everything, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
