"""The arithmetic and the tables of ``benchmark.py``: no build, no clock, no process here.

A *build* is one fresh-process build of one variant, a dict::

    {"seconds": float, "peak_mb": float, "files": int, "bytes": int, "html": int,
     "plugins": float | None}

``seconds`` is the wall-clock time of the whole process (interpreter start and imports included,
as a volunteer waits for them), ``peak_mb`` the peak resident memory of the build process itself
(``/usr/bin/time -f %M``), ``files``/``bytes`` what it wrote under ``site/``, ``html`` how many of
those files are HTML pages, ``plugins`` the seconds inside our plugins' ``on_*`` handlers (ours
only). A *size row* holds every round of every variant of one N::

    {"N": int, "rounds": [{"a": build, "b": build, "c": build | None, "d": build | None}, ...],
     "skipped": {"c": "why", ...}, "warm": {...} | None, "serve": {...} | None, "words": float}
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

VARIANTS = {
    "a": "ours",
    "b": "Material, small nav",
    "c": "Material, pruned nav",
    "d": "Zensical",
}
"""The variants built in turns, in this order, each round."""

FIELDS = ("seconds", "peak_mb", "files", "bytes", "html")


def summary(rounds: list[dict[str, Any]], variant: str) -> dict[str, float] | None:
    """Medians over the rounds of ``variant``'s builds (``None``: not built in any round)."""
    builds = [r[variant] for r in rounds if r.get(variant)]
    if not builds:
        return None
    return {field: float(statistics.median(b[field] for b in builds)) for field in FIELDS}


def ratio(
    rounds: list[dict[str, Any]], top: str, bottom: str, field: str = "seconds"
) -> float | None:
    """The median of the same-round ratios ``top / bottom`` of ``field``: each round's machine
    load cancels out (``None``: no round has both)."""
    pairs = [(r[top][field], r[bottom][field]) for r in rounds if r.get(top) and r.get(bottom)]
    ratios = [t / b for t, b in pairs if b]
    return float(statistics.median(ratios)) if ratios else None


def estimate(seconds: float, measured_n: int, n: int) -> float:
    """Seconds a build that grows with the square of N (Material's pruned navigation lists every
    page of the current folder on every page) takes at ``n``, from ``seconds`` at ``measured_n``."""
    return seconds * (n / measured_n) ** 2


@dataclass(frozen=True)
class Target:
    """One target of issue 18: ``value`` (``None``: not measured) against ``limit``."""

    name: str
    value: float | None
    limit: float
    unit: str = ""
    at_most: bool = False
    """``value ≤ limit`` meets it (else ``value < limit``)."""

    @property
    def verdict(self) -> str:
        """``MET``, ``NOT MET`` or ``not measured``."""
        if self.value is None:
            return "not measured"
        met = self.value <= self.limit if self.at_most else self.value < self.limit
        return "MET" if met else "NOT MET"


def targets(rows: dict[int, dict[str, Any]], sample: dict[str, Any] | None) -> list[Target]:
    """The targets of issue 18 from the size rows (by N) and the sample village's numbers
    (``{"build": [s…], "check": [s…]}``): cold ≤ 2 × (b) and files ≤ 1.5 × (b) at 1,000, 3,000
    and 10,000; faster than Zensical at 1,000 and 3,000; peak < 500 MB at 10,000; ``langso
    serve`` < 2 s at 3,000 (the slower of the two edits); the sample's cold build and ``langso
    check`` < 2 s (medians)."""
    found: list[Target] = []

    def rounds(n: int) -> list[dict[str, Any]]:
        return list(rows[n]["rounds"]) if n in rows else []

    for n in (1000, 3000, 10000):
        cold = ratio(rounds(n), "a", "b")
        found.append(Target(f"N={n}: cold ours / (b) ≤ 2", cold, 2, "×", at_most=True))
    for n in (1000, 3000):
        found.append(
            Target(f"N={n}: cold ours / Zensical < 1", ratio(rounds(n), "a", "d"), 1.0, "×")
        )
    for n in (1000, 3000, 10000):
        files = ratio(rounds(n), "a", "b", "files")
        found.append(Target(f"N={n}: files ours / (b) ≤ 1.5", files, 1.5, "×", at_most=True))
    ours = summary(rounds(10000), "a")
    peak = ours["peak_mb"] if ours else None
    found.append(Target("N=10000: peak memory ours < 500 MB", peak, 500, "MB"))
    serve = (rows.get(3000) or {}).get("serve") or {}
    edits = [serve[k] for k in ("yaml", "markdown") if serve.get(k) is not None]
    found.append(Target("N=3000: langso serve edit < 2 s", max(edits) if edits else None, 2, "s"))
    sample = sample or {}
    for key, label in (("build", "sample cold build"), ("check", "sample langso check")):
        times = sample.get(key)
        found.append(Target(f"{label} < 2 s", statistics.median(times) if times else None, 2, "s"))
    return found


def _cell(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def _field(got: dict[str, float] | None, skipped: bool, name: str, spec: str) -> str:
    """One variant's median ``name`` (bytes in MB), or why it is missing."""
    if got is None:
        return "not run" if skipped else "—"
    return format(got[name] / (1e6 if name == "bytes" else 1), spec)


def tables(rows: dict[int, dict[str, Any]]) -> str:
    """Markdown tables of the size rows: cold build, memory and output; warm and serve."""
    names = " | ".join(f"{k} {v}" for k, v in VARIANTS.items())
    out = [
        f"Cold builds, medians over rounds ({names}); ratios: median of same-round ratios.",
        "",
        "| N | words | a s | b s | c s | d s | a/b | a/c | a/d | peak MB a/b/c/d"
        " | files a/b/c/d | MB written a/b/c/d |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n in sorted(rows):
        row = rows[n]
        got = {v: summary(row["rounds"], v) for v in VARIANTS}
        skipped = row.get("skipped", {})

        cells = [
            str(n),
            _cell(row.get("words"), ".0f"),
            *(_field(got[v], v in skipped, "seconds", ".1f") for v in VARIANTS),
            *(_cell(ratio(row["rounds"], "a", v), ".2f") for v in "bcd"),
            "/".join(_field(got[v], v in skipped, "peak_mb", ".0f") for v in VARIANTS),
            "/".join(_field(got[v], v in skipped, "files", ".0f") for v in VARIANTS),
            "/".join(_field(got[v], v in skipped, "bytes", ".0f") for v in VARIANTS),
        ]
        out.append("| " + " | ".join(cells) + " |")
    notes = [
        f"N={n} ({v}): not run: {why}"
        for n in sorted(rows)
        for v, why in rows[n].get("skipped", {}).items()
    ]
    out += ["", *notes] if notes else []
    out += [
        "",
        "Ours warm (fresh process, .cache kept), no-change rebuilds in that process, langso serve.",
        "",
        "| N | warm s | warm plug s | again s | again plug s | serve YAML s | serve Markdown s |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n in sorted(rows):
        warm = rows[n].get("warm") or {}
        serve = rows[n].get("serve") or {}
        cells = [
            str(n),
            *(_cell(warm.get(k), ".1f") for k in ("fresh", "fresh_plugins", "again", "plugins")),
            *(_cell(serve.get(k), ".1f") for k in ("yaml", "markdown")),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def target_lines(found: Iterable[Target]) -> str:
    """One line per target: name, value, verdict."""
    lines = []
    for target in found:
        value = "—" if target.value is None else f"{target.value:.2f} {target.unit}".strip()
        lines.append(f"{target.verdict:>12}  {target.name}: {value}")
    return "\n".join(lines)
