"""What the browser tests share: Debian's chromium driven by Playwright (never a downloaded
browser), the sample maps rendered once per test session by the real `cjm render`, a page
visit that records every request and console error, and screenshots.

Screenshots go to tests/screenshots/ (gitignored); with CJM_UPDATE_SCREENSHOTS=1 the ones the
README shows are also written to docs/screenshots/ (regenerate them on purpose, like golden
files). Tests skip, saying why, when chromium or playwright is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "sample_maps").rglob("*.cjm.yaml"))
SCREENSHOTS = REPO / "tests" / "screenshots"
DOC_SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LONG_WORD = "Supercalifragilistic" * 6
LONG_MAP = {"cjm": 1, "title": f"Long words {LONG_WORD}", "stages": [
    {"phase": "awareness", "name": LONG_WORD, "goal": LONG_WORD, "touchpoints": [
        {"id": f"t{n}", "title": f"{LONG_WORD} {n}", "channel": LONG_WORD, "step": "connect",
         "emotion": n - 1, "doing": LONG_WORD, "pain_points": [LONG_WORD],
         "metrics": {LONG_WORD: 123456789012345}} for n in range(3)]}]}


def chromium() -> str | None:
    found = os.environ.get("CJM_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    return found if found and Path(found).exists() else None


def launch() -> Iterator[Any]:
    """One headless Chromium (a module's fixture yields from this)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the browser test needs Playwright: pip install playwright")
    executable = chromium()
    if executable is None:
        pytest.skip("the browser test needs Debian's chromium: apt-get install chromium "
                    "(or set CJM_CHROMIUM to a Chromium executable)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def render_samples(work: Path, *args: str) -> Path:
    """Every sample map and a map of very long words, rendered by the real `cjm render` into work/out."""
    maps = work / "maps"
    shutil.copytree(REPO / "sample_maps", maps)
    (maps / "long-words.cjm.yaml").write_text(json.dumps(LONG_MAP), "utf-8")
    cjm = Path(sys.executable).parent / "cjm"
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CJM_DOT", None)
    command = [str(cjm if cjm.exists() else "cjm"), "render", "maps", "-o", "out", *args]
    proc = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    return work / "out"


def page_of(sample: Path) -> str:
    """The page of a sample map, relative to the output folder."""
    return str(sample.relative_to(REPO / "sample_maps")).removesuffix(".cjm.yaml") + ".html"


class Visit:
    """A page opened from a file, with every request and console error recorded."""

    def __init__(self, browser: Any, path: Path | str, width: int = 1600, height: int = 900) -> None:
        self.url = path if isinstance(path, str) else path.resolve().as_uri()
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self._console(message))
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        if not isinstance(path, str):
            self.page.route("**/*", self._only_the_file)
        self.page.goto(self.url, wait_until="load")

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def _only_the_file(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def assert_self_contained(self) -> None:
        assert self.errors == []
        assert self.requests == [self.url]

    def screenshot(self, name: str, docs: bool = False, **options: Any) -> None:
        self.page.screenshot(path=str(screenshot_path(name)), **options)
        publish(name, docs)


def screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS / name


def publish(name: str, docs: bool, target: Path | None = None) -> None:
    """Copy a screenshot the README shows to docs/screenshots/ (or `target`), when
    CJM_UPDATE_SCREENSHOTS is set."""
    if docs and os.environ.get("CJM_UPDATE_SCREENSHOTS"):
        target = target or DOC_SCREENSHOTS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCREENSHOTS / name, target)
