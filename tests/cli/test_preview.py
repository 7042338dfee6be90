"""`cjm preview` through the real console script: it serves the map on loopback,
follows edits, shows diagnostics while the map is invalid, and stops cleanly.

Waits are bounded polls (up to WAIT seconds); nothing asserts a duration.
"""

from __future__ import annotations

import os
import queue
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cjm.check.engine import check_text
from cjm.render.preview import PreviewState, diagnostics_page, with_reload_script

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_maps" / "b2b-saas-trial.cjm.yaml"
WAIT = 15.0
ENV = {**os.environ, "NO_COLOR": "1", "CJM_WIDTH": "100"}

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT to the server")


def _cjm() -> str:
    beside = Path(sys.executable).parent / "cjm"
    found = str(beside) if beside.exists() else shutil.which("cjm")
    assert found, "the cjm console script is not installed (pip install -e .)"
    return found


def _with_title(text: str, title: str) -> str:
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = f"title: {title}\n"
    return "".join(lines)


def _broken(text: str) -> str:
    return text.replace("\ntitle:", "\ntitel:", 1)


def _save(path: Path, text: str) -> None:
    """Save as many editors do: write a temporary file, then rename it over the map."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class Preview:
    """A running `cjm preview` and the lines of its stdout."""

    def __init__(self, map_path: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [_cjm(), "preview", str(map_path), *args], cwd=map_path.parent, env=ENV, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, encoding="utf-8", errors="replace")
        self.lines: queue.Queue[str] = queue.Queue()
        self.errors: list[str] = []
        self.readers = [threading.Thread(target=self._read_out, daemon=True),
                        threading.Thread(target=self._read_err, daemon=True)]
        for reader in self.readers:
            reader.start()
        self.url = self._url()

    def _read_out(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def _read_err(self) -> None:
        assert self.process.stderr is not None
        self.errors.extend(self.process.stderr)

    def _url(self) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                assert self.process.poll() is None, "cjm preview exited early"
                continue
            if " at http://" in line:
                return line.split(" at ", 1)[1].split()[0]
        raise AssertionError("cjm preview printed no URL")

    def get(self, route: str = "") -> str:
        with urllib.request.urlopen(self.url + route, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(self, wanted: Callable[[str], bool]) -> str:
        """The first page `wanted` accepts, polling for up to WAIT seconds."""
        deadline = time.monotonic() + WAIT
        page = self.get()
        while not wanted(page) and time.monotonic() < deadline:
            time.sleep(0.1)
            page = self.get()
        assert wanted(page), page[:2000]
        return page

    def interrupt(self) -> tuple[int, str, str]:
        """Ctrl-C: the exit code, all of stdout and all of stderr."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT)
        for reader in self.readers:
            reader.join(timeout=WAIT)
        out = []
        while not self.lines.empty():
            out.append(self.lines.get_nowait())
        return code, "".join(out), "".join(self.errors)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=WAIT)


@pytest.fixture
def start() -> Iterator[Callable[..., Preview]]:
    started: list[Preview] = []

    def _start(map_path: Path, *args: str) -> Preview:
        started.append(Preview(map_path, "--port", "0", *args))
        return started[-1]

    yield _start
    for preview in started:
        preview.kill()


def _needs_renderer() -> None:
    try:
        from cjm.render.html import render_html  # noqa: F401
    except ImportError:
        pytest.skip("cjm.render.html.render_html is not in this checkout yet")


@posix_only
def test_preview_follows_edits_then_shows_diagnostics(start: Callable[..., Preview], tmp_path: Path) -> None:
    _needs_renderer()
    map_path = tmp_path / "trial.cjm.yaml"
    original = SAMPLE.read_text("utf-8")
    map_path.write_text(original, encoding="utf-8")
    preview = start(map_path)
    assert preview.url.startswith("http://127.0.0.1:")
    first = preview.get()
    assert "Tracelight 14-day trial" in first and "/version" in first

    edited = _with_title(original, "Preview follows the edit")
    _save(map_path, edited)
    preview.wait_for(lambda page: "Preview follows the edit" in page)

    _save(map_path, _broken(edited))
    page = preview.wait_for(lambda page: "[schema]" in page)
    assert "trial.cjm.yaml:5:1" in page and "titel" in page
    assert "titel: Preview follows the edit" in page  # the YAML line itself
    assert 'class="cjm-preview-banner"' in page and "hint: " in page
    assert "this is the last good render" in page and '<table class="grid"' in page  # the map stays

    code, out, err = preview.interrupt()
    assert code == 0, err
    assert "Traceback" not in err and "stopped" in out


@posix_only
def test_preview_of_an_invalid_map_shows_its_diagnostics(
    start: Callable[..., Preview], tmp_path: Path
) -> None:
    map_path = tmp_path / "broken.cjm.yaml"
    map_path.write_text(_broken(SAMPLE.read_text("utf-8")), encoding="utf-8")
    preview = start(map_path)
    page = preview.get()
    assert "broken.cjm.yaml:5:1" in page and "[schema]" in page and "did you mean" in page
    version = preview.get("version")

    map_path.write_text("cjm: 1\ntitle: [unclosed\n", encoding="utf-8")
    page = preview.wait_for(lambda page: "[yaml-syntax]" in page)
    assert preview.get("version") != version

    map_path.unlink()  # deleted while previewing: said in the page, and the server lives on
    preview.wait_for(lambda page: "cjm cannot read the map" in page and "no such file" in page)

    code, _, err = preview.interrupt()
    assert code == 0 and "Traceback" not in err


@posix_only
def test_preview_answers_only_local_host_names(start: Callable[..., Preview], tmp_path: Path) -> None:
    map_path = tmp_path / "broken.cjm.yaml"
    map_path.write_text(_broken(SAMPLE.read_text("utf-8")), encoding="utf-8")
    preview = start(map_path)
    request = urllib.request.Request(preview.url, headers={"Host": "attacker.example:80"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403
    with pytest.raises(urllib.error.HTTPError) as missing:
        preview.get("elsewhere")
    assert missing.value.code == 404


@posix_only
def test_open_starts_the_browser_on_the_served_url(start: Callable[..., Preview], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened = tmp_path / "opened.txt"
    opener = tmp_path / "browser.py"
    opener.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    monkeypatch.setitem(ENV, "BROWSER", f"{shlex.quote(sys.executable)} {shlex.quote(str(opener))} %s")
    map_path = tmp_path / "broken.cjm.yaml"
    map_path.write_text(_broken(SAMPLE.read_text("utf-8")), encoding="utf-8")
    preview = start(map_path, "--open")
    deadline = time.monotonic() + WAIT
    while not (opened.exists() and opened.read_text("utf-8")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert opened.read_text("utf-8") == preview.url


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_cjm(), "preview", *args], env=ENV, capture_output=True, text=True,
                          timeout=60, check=False)


def test_preview_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = _run(str(tmp_path / "nope.cjm.yaml"))
    assert done.returncode == 2
    assert "nope.cjm.yaml: no such file" in done.stderr and "Traceback" not in done.stderr


def test_preview_on_a_busy_port_is_a_usage_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = _run(str(SAMPLE), "--port", str(port))
    assert done.returncode == 2
    assert f"port {port} is already in use" in done.stderr and "Traceback" not in done.stderr


def test_diagnostics_page_escapes_the_map_text() -> None:
    result = check_text("cjm: 1\ntitle: x\n<script>: 1\n", "evil.cjm.yaml")
    page = diagnostics_page(result)
    assert "<script>" not in page and "&lt;script&gt;: 1" in page
    assert "evil.cjm.yaml:3:1" in page


def test_reload_script_goes_before_body_end_and_drops_a_script_ban() -> None:
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'none\'">'
            "</head><body>map</body></html>")
    served = with_reload_script(page, 7)
    assert "Content-Security-Policy" not in served
    assert served.index('var shown = "7"') < served.index("</body>")


def test_unchanged_page_keeps_its_version() -> None:
    state = PreviewState()
    assert state.publish("<p>a</p>") and state.snapshot().version == 1
    assert not state.publish("<p>a</p>") and state.snapshot().version == 1
    assert state.publish("<p>b</p>") and state.snapshot().version == 2
