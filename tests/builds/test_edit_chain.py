"""Our ``on_post_page`` handlers hand a page on unchanged when the next handler is also ours
(:class:`langso.edits.EditChain`): a site gets the same bytes whether or not another
plugin's handler sits between them, and such a handler sees every edit made before it."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import SiteFactory, build_site

PLUGINS = [
    "langso/search",
    "langso/content",
    "langso/reader",
    "langso/offline",
    "langso/directory",
    "langso/plaques",
]

# Between the offline box (-50) and the reader (-90): it notes what it got, changes nothing.
HOOK = """
from pathlib import Path
from mkdocs.plugins import event_priority

MARKS = ('id="langso-search-input"', 'id="langso-offline"', 'class="langso-reader"')

@event_priority(-70)
def on_post_page(output, page, config):
    seen = " ".join(str(mark in output) for mark in MARKS)
    with (Path(config.config_file_path).parent / "seen.txt").open("a") as out:
        out.write(seen + "\\n")
"""


def _published(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_handler_between_ours_changes_nothing_but_sees_every_edit_before_it(
    make_site: SiteFactory,
) -> None:
    root = make_site(config={"plugins": PLUGINS})
    chained = build_site(root, site_dir=root / "chained")
    assert chained.ok, chained.text()

    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = ["hook.py"]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    apart = build_site(root, site_dir=root / "apart")
    assert apart.ok, apart.text()

    assert _published(apart.site_dir) == _published(chained.site_dir)
    # The search box and the offline box were in each page the hook got, the toolbar not yet.
    seen = (root / "seen.txt").read_text(encoding="utf-8").splitlines()
    assert len(seen) >= 5 and set(seen) == {"True True False"}, seen
    assert 'class="langso-reader"' in apart.read("index.html")
