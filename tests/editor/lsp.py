"""A small Language Server Protocol client over stdio, enough to drive a real language server
the way an editor does: requests and their answers, the server's own requests (settings), and
the notifications it publishes (diagnostics).

Messages are JSON-RPC 2.0 framed by a `Content-Length` header (LSP 3.17, "Base Protocol").
A reader thread puts every message the server sends in a queue; `request` and `wait_for` read
it with a timeout, so a server that hangs fails the test instead of blocking it.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

TIMEOUT = 60.0
"""Seconds to wait for one answer: generous, for a busy machine (nothing asserts timings)."""

Message = dict[str, Any]


class LanguageServer:
    """A language server process and the editor side of the conversation."""

    def __init__(self, command: Sequence[str], settings: Mapping[str, Any], env: Mapping[str, str],
                 cwd: Path) -> None:
        self.settings = settings
        self.process = subprocess.Popen(list(command), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, env=dict(env), cwd=cwd)
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.notifications: list[Message] = []
        self.stderr: list[str] = []
        self.next_id = 0
        assert self.process.stdout is not None and self.process.stderr is not None
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.process.stderr,), daemon=True).start()

    # --- the conversation -----------------------------------------------------------------------

    def request(self, method: str, params: Any) -> Any:
        """Send a request and return its result (fails on an error answer)."""
        self.next_id += 1
        number = self.next_id
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        answer = self.wait_for(lambda m: m.get("id") == number and "method" not in m,
                               f"the answer to {method}")
        assert "error" not in answer, f"{method} failed: {answer['error']}"
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, wanted: Callable[[Message], bool], what: str) -> Message:
        """The next message that is `wanted`, answering the server's requests meanwhile and
        keeping its other notifications in `notifications`."""
        while True:
            try:
                message = self.inbox.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {what} within {TIMEOUT:g} s; stderr:\n{self.log()}") from None
            if message is None:
                raise AssertionError(f"the server exited before {what}; stderr:\n{self.log()}")
            if "method" in message and "id" in message:
                self._answer(message)
            elif wanted(message):
                return message
            elif "method" in message:
                self.notifications.append(message)

    def diagnostics_for(self, uri: str) -> list[Message]:
        """The next diagnostics the server publishes for `uri`."""
        published = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                  and m["params"]["uri"] == uri, f"diagnostics for {uri}")
        diagnostics: list[Message] = published["params"]["diagnostics"]
        return diagnostics

    def shutdown(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        return "".join(self.stderr)

    # --- the wire -------------------------------------------------------------------------------

    def _answer(self, message: Message) -> None:
        """The editor's side of the server's requests: settings by section, and yes to the rest
        (registering capabilities, creating progress tokens)."""
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [self.settings.get(item.get("section", ""), {}) for item in message["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})

    def _send(self, message: Message) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                if not line.strip():
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            assert length is not None, "a message without Content-Length"
            self.inbox.put(json.loads(stream.read(length)))

    def _drain(self, stream: IO[bytes]) -> None:
        for line in stream:
            self.stderr.append(line.decode("utf-8", "replace"))
