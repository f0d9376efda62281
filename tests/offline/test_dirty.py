"""A dirty rebuild (``langso serve``) writes the offline manifest and the search index from
what it keeps of the pages it did not render: nothing stale, the bytes a full build writes."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from langso.offline.build import MANIFEST_URI, FileIdentity, build_manifest
from langso.search.index import INDEX_URI
from tests.conftest import SiteFactory, build_site
from tests.offline.test_build import PLUGINS

PAGE = "content/dia-diem/dinh-lang-phu-my.md"


def _identity(path: Path) -> FileIdentity:
    status = path.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def test_a_file_is_read_again_only_when_its_identity_changed(tmp_path: Path) -> None:
    page = tmp_path / "a/index.html"
    page.parent.mkdir()
    page.write_bytes(b"<p>cu</p>")
    known: dict[str, tuple[FileIdentity, int, str]] = {
        "a/index.html": (_identity(page), 9, "khong-doc-lai")
    }
    first = build_manifest(tmp_path, {"a/": "a/index.html"}, [], known=known)
    assert first["pages"] == [{"url": "a/", "bytes": 9, "digest": "khong-doc-lai"}]  # not read
    page.write_bytes(b"<p>moi</p>")  # rewritten in place, as MkDocs writes a page
    later = _identity(page)[2] + 2_000_000_000
    os.utime(page, ns=(later, later))  # a rebuild seconds later
    second = build_manifest(tmp_path, {"a/": "a/index.html"}, [], known=known)
    digest = hashlib.sha256(b"<p>moi</p>").hexdigest()[:16]
    assert second["pages"] == [{"url": "a/", "bytes": 10, "digest": digest}]
    assert known["a/index.html"] == (_identity(page), 10, digest)
    assert second == build_manifest(tmp_path, {"a/": "a/index.html"}, [])


def _serve(root: Path, site: Path, edit: str) -> None:
    """Build as ``langso serve`` does (the plugins told the builds are dirty), then again
    after ``edit`` replaced the page's first paragraph; the plugins are told back."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, dirty=True)
        page = root / PAGE
        page.write_text(edit, encoding="utf-8")
        later = (site / "dia-diem/dinh-lang-phu-my/index.html").stat().st_mtime + 2
        os.utime(page, (later, later))  # edited after the build
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
        build(config, dirty=True)
    finally:
        config.plugins.on_startup(command="build", dirty=False)


def test_a_dirty_rebuild_writes_what_a_full_build_writes(make_site: SiteFactory) -> None:
    """The search index: the bytes of a full build (in its page order too: the page rendered
    again is not moved last). The offline manifest: each entry the size and digest of the
    file as it is now (the other pages' menus of a dirty build differ from a full build's:
    MkDocs does not read them, so no byte comparison for it)."""
    root = make_site(config={"plugins": PLUGINS})
    edited = (
        (root / PAGE)
        .read_text(encoding="utf-8")
        .replace("## Đường đi\n", "## Đường đi\n\nCổng đình sơn lại năm nay.\n")
    )
    _serve(root, root / "preview", edited)
    full = build_site(root, site_dir=root / "full")
    assert full.ok, full.text()
    preview = root / "preview"
    index = (preview / INDEX_URI).read_text(encoding="utf-8")
    assert "Cổng đình sơn lại năm nay." in index
    assert index == full.read(INDEX_URI)
    manifest = json.loads((preview / MANIFEST_URI).read_text(encoding="utf-8"))
    entries = [
        *manifest["pages"],
        *manifest["redirects"],
        *manifest["data"],
        *manifest["precache"],
    ]
    files = {page["url"]: page["url"] for page in manifest["precache"] + manifest["data"]}
    files |= {
        page["url"]: page["url"] + "index.html"
        if page["url"].endswith("/") or not page["url"]
        else page["url"]
        for page in manifest["pages"] + manifest["redirects"]
    }
    for entry in entries:
        data = (preview / files[entry["url"]]).read_bytes()
        assert (entry["bytes"], entry["digest"]) == (
            len(data),
            hashlib.sha256(data).hexdigest()[:16],
        ), entry["url"]
    assert "dia-diem/dinh-lang-phu-my/" in files
