"""`cjm preview MAP`: serve the rendered map on 127.0.0.1 and reload it on every save.

The map is polled every 0.3 s (its size and a hash of its bytes) instead of
watched with watchfiles: for one small file polling is as quick as the page's
own 1 s reload poll, it sees saves that replace the file (editors' atomic
writes), coarse file-system timestamps, network drives, Docker mounts and WSL
(where watchfiles falls back to polling anyway), and it adds no dependency to
every pre-commit environment that installs cjm.
"""

from __future__ import annotations

import errno
import os
import signal
import socketserver
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, cast

from cjm.cli.errors import EXIT_OK, REPORT_BUGS, UsageError
from cjm.diagnostic import Severity
from cjm.render.preview import (
    PreviewState,
    banner_page,
    diagnostics_page,
    error_page,
    file_signature,
    flow_svg,
    map_page,
)
from cjm.safe import visible

HOST = "127.0.0.1"
POLL_SECONDS = 0.3
ADDRESS_IN_USE = {errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)}


def run_preview(path: str, port: int, open_browser: bool) -> int:
    map_path = _map_file(path)
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: use 1-65535, or 0 for a free port")
    state = PreviewState()
    server = _bind(state, port)
    url = f"http://{HOST}:{server.server_port}/"
    with _stop_on_signals() as stop:
        signature = file_signature(map_path)
        status = _rebuild(map_path, state)
        with _serving(server):
            _say(f"cjm preview: serving {visible(str(map_path))} at {url}")
            _say("Edit and save the map: the page follows. Press Ctrl-C to stop.")
            _say(status)
            if open_browser:
                _open(url)
            _watch(map_path, state, signature, stop)
    _say("cjm preview: stopped")
    return EXIT_OK


def _map_file(path: str) -> Path:
    """The one map file to preview (a UserError, exit 2, for anything else)."""
    from cjm.loader.read import kind_of, not_regular, os_problem

    map_path = Path(path)
    try:
        kind = kind_of(map_path.stat().st_mode)
    except OSError as exc:
        raise os_problem(path, exc) from None
    if kind == "a folder":
        raise UsageError(f"{path}: is a folder; give one map file to preview")
    if kind is not None:
        raise not_regular(path, kind)
    return map_path


def _watch(path: Path, state: PreviewState, last: tuple[object, ...], stop: threading.Event) -> None:
    while not stop.wait(POLL_SECONDS):
        current = file_signature(path)
        if current != last:
            last = current
            status = _rebuild(path, state)
            if status:
                _say(status)


def _rebuild(path: Path, state: PreviewState) -> str:
    """Check and render the map; the status line to print, or "" when the page is unchanged."""
    from cjm.check.engine import check_file
    from cjm.loader.read import UnreadableFile

    try:
        result = check_file(path)
        if result.valid:
            body = state.last_good = map_page(result, flow_svg=flow_svg(result, os.environ.get("CJM_DOT")))
            status = "the map is valid: page updated"
        else:
            errors = result.count(Severity.ERROR)
            status = f"the map is invalid ({errors} error{'s' if errors != 1 else ''}): the page lists them"
            if state.last_good is None:
                body = diagnostics_page(result)
            else:
                body = banner_page(result, state.last_good)
                status += " above the last good render"
    except UnreadableFile as exc:  # moved away, replaced by a FIFO, permissions: say so, keep serving
        body = error_page(f"{exc}\nThe page comes back when the map can be read again.",
                          heading="cjm cannot read the map")
        status = f"cannot read the map: {exc}"
    except Exception as exc:  # a bug in cjm: show it in the page and keep serving
        message = f"{type(exc).__name__}: {exc}"
        body = error_page(f"{message}\nThis is a bug in cjm, not in your map. {REPORT_BUGS}.")
        status = f"internal error: {message}"
    return f"{time.strftime('%H:%M:%S')} {status}" if state.publish(body) else ""


class _PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, state: PreviewState) -> None:
        self.state = state
        super().__init__((HOST, port), _PreviewHandler)

    def server_bind(self) -> None:  # HTTPServer's version does a slow reverse DNS lookup
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = HOST, int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            sys.stderr.write(f"cjm preview: could not answer a request: {type(exc).__name__}: {exc}\n")


class _PreviewHandler(BaseHTTPRequestHandler):
    server_version = "cjm-preview"

    def do_GET(self) -> None:
        server = cast(_PreviewServer, self.server)
        allowed = {f"{name}:{server.server_port}" for name in (HOST, "localhost")}
        if self.headers.get("Host", "") not in allowed:  # DNS rebinding: only local names
            self._send(403, "text/plain", b"forbidden\n")
            return
        snapshot = server.state.snapshot()
        route = self.path.split("?", 1)[0]
        if route in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", snapshot.page)
        elif route == "/version":
            self._send(200, "text/plain", str(snapshot.version).encode("ascii"))
        elif route == "/favicon.ico":
            self._send(204, "text/plain", b"")
        else:
            self._send(404, "text/plain", b"not found\n")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # keep the terminal for status lines
        return


@contextmanager
def _serving(server: _PreviewServer) -> Iterator[None]:
    """Answer requests in a thread; the socket listens already, so none is lost."""
    threading.Thread(target=server.serve_forever, args=(0.2,), daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def _bind(state: PreviewState, port: int) -> _PreviewServer:
    try:
        return _PreviewServer(port, state)
    except OSError as exc:
        if exc.errno in ADDRESS_IN_USE:
            raise UsageError(f"port {port} is already in use on {HOST}: pick another with "
                             "--port N, or use --port 0 for a free one") from None
        raise UsageError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from None


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by Ctrl-C (SIGINT) or SIGTERM, so stopping is never a traceback."""
    stop = threading.Event()
    signals = [signal.SIGINT, signal.SIGTERM]
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in signals}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _open(url: str) -> None:
    import webbrowser

    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        _say(f"cjm preview: could not start a browser; open {url} yourself")


def _say(message: str) -> None:
    print(visible(message), flush=True)
