#!/usr/bin/env python3
"""The top functions of a py-spy raw profile: by own time, by inclusive time (all, and ours
only), and by innermost ``langso`` frame (where in our code the time was spent, whatever
library it was in).

    .venv/bin/py-spy record -r 50 --format raw -o /tmp/prof.txt -- \\
        .venv/bin/python -m mkdocs build -q -d /tmp/site
    .venv/bin/python build_tools/profile_top.py /tmp/prof.txt --top 15

A raw profile (``py-spy record --format raw``, the "collapsed stacks" of flame graphs) has one
line per distinct stack: frames outermost first, separated by ``;``, then a space and the number
of samples. A frame is ``function (file:line)``; the line number is dropped so that a function
is counted once, and the folders up to ``site-packages/`` or ``plugins/`` are dropped so that
paths of this machine do not show.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

NO_FRAME = "(no Python frame)"
_LINE_NUMBER = re.compile(r":\d+\)$")
_FOLDERS = re.compile(r"\((?:[^()]*/)?(?:site-packages|plugins)/")


def frame_name(frame: str) -> str:
    """``"run (/x/site-packages/mkdocs/build.py:12)"`` → ``"run (mkdocs/build.py)"``."""
    return _FOLDERS.sub("(", _LINE_NUMBER.sub(")", frame.strip()))


def parse_line(line: str) -> tuple[list[str], int] | None:
    """``(frames outermost first, samples)`` of one raw line; ``None`` for a blank line.

    Raises:
        ValueError: when the line does not end with a number of samples.
    """
    line = line.rstrip("\n")
    if not line.strip():
        return None
    stack, _, count = line.rpartition(" ")
    if not count.isdigit():
        raise ValueError(f"not a py-spy raw line (stack, space, samples): {line[:80]!r}")
    if not stack.strip():  # samples of a thread outside Python (py-spy writes no frame)
        return [NO_FRAME], int(count)
    return [frame_name(f) for f in stack.split(";")], int(count)


@dataclass
class Profile:
    """Samples by function: ``own`` (innermost frame), ``inclusive`` (anywhere on the stack,
    once per stack), ``innermost`` (the innermost frame whose file is in ``package``)."""

    package: str = "langso"
    samples: int = 0
    own: Counter[str] = field(default_factory=Counter)
    inclusive: Counter[str] = field(default_factory=Counter)
    innermost: Counter[str] = field(default_factory=Counter)

    def add(self, frames: list[str], count: int) -> None:
        """Count ``count`` samples of the stack ``frames`` (outermost first)."""
        self.samples += count
        self.own[frames[-1]] += count
        for frame in set(frames):
            self.inclusive[frame] += count
        mark = f"({self.package}/"
        ours = [f for f in frames if mark in f]
        self.innermost[ours[-1] if ours else "(outside " + self.package + ")"] += count

    def package_inclusive(self) -> Counter[str]:
        """:attr:`inclusive` of the functions in :attr:`package` only."""
        mark = f"({self.package}/"
        return Counter({k: v for k, v in self.inclusive.items() if mark in k})


def read(lines: Iterable[str], package: str = "langso") -> Profile:
    """The :class:`Profile` of a raw profile's lines."""
    profile = Profile(package)
    for line in lines:
        parsed = parse_line(line)
        if parsed is not None:
            profile.add(*parsed)
    return profile


def report(profile: Profile, top: int = 15) -> str:
    """Three lists of the ``top`` functions, each with its share of all samples, in %."""
    out = [f"{profile.samples} samples"]
    for title, counter in (
        ("own time", profile.own),
        ("inclusive time", profile.inclusive),
        (f"inclusive time, {profile.package} only", profile.package_inclusive()),
        (f"innermost {profile.package} frame", profile.innermost),
    ):
        out.append(f"\n## top {top} by {title}")
        for name, count in counter.most_common(top):
            out.append(f"{100 * count / max(profile.samples, 1):5.1f} %  {name}")
    return "\n".join(out)


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profile", type=Path, help="py-spy record --format raw output")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--package", default="langso", help="whose innermost frame to count")
    args = parser.parse_args()
    with args.profile.open(encoding="utf-8") as lines:
        print(report(read(lines, args.package), args.top))


if __name__ == "__main__":
    main()
