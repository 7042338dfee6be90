"""A map straight from `cjm init`, opened in the real YAML language server with no network.

yaml-language-server (npm; the engine of Red Hat's VS Code YAML extension, and of the YAML
support of Neovim, Helix, Zed, Emacs and others) runs over LSP stdio as an editor starts it,
with the extension's default settings. The map is the one `cjm init` writes in a fresh git
repository: its first line points at the schema `cjm init` saved in the repository, so the
server reads it from disk. Every network attempt fails as it does offline and is recorded
(no_network.cjs); none may happen for the map.

The server comes from .ci/lsp (pinned in its package-lock.json; `bash .ci/setup` installs it),
CJM_YAML_LANGUAGE_SERVER, or PATH. Without it the tests are skipped and say so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.editor.lsp import LanguageServer
from tests.harness import REPO, cjm

HERE = Path(__file__).resolve().parent
NO_NETWORK = HERE / "no_network.cjs"
NETWORK_ATTEMPT = "cjm-test: network attempt:"
SCHEMA_SOURCE = "yaml-schema: cjm journey map, format version 1"
SETTINGS = {
    # The defaults of the VS Code YAML extension (its package.json), as the editor sends them.
    "yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": True},
             "schemaStore": {"enable": True, "url": "https://www.schemastore.org/api/json/catalog.json"},
             "schemas": {}, "customTags": [], "maxItemsComputed": 5000},
    "http": {"proxy": "", "proxyStrictSSL": True},
    "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2},
    "editor": {"tabSize": 2},
}
CAPABILITIES = {
    "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True},
                  "workspaceFolders": True},
    "textDocument": {
        "synchronization": {"didSave": True},
        "completion": {"completionItem": {"snippetSupport": True,
                                          "documentationFormat": ["markdown", "plaintext"]}},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "publishDiagnostics": {"relatedInformation": True},
    },
}


def language_server() -> str | None:
    installed = REPO / ".ci" / "lsp" / "node_modules" / ".bin" / "yaml-language-server"
    for found in (os.environ.get("CJM_YAML_LANGUAGE_SERVER"), str(installed) if installed.exists() else None,
                  shutil.which("yaml-language-server")):
        if found:
            return found
    return None


SERVER = language_server()
pytestmark = pytest.mark.skipif(
    SERVER is None or shutil.which("node") is None,
    reason="needs node and npm's yaml-language-server: `bash .ci/setup` installs it in .ci/lsp")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh git repository with one map from `cjm init`, in a folder below the top."""
    folder = tmp_path_factory.mktemp("fresh-repo")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    done = cjm("init", "maps/journey.cjm.yaml", cwd=folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def server(repo: Path) -> Iterator[LanguageServer]:
    assert SERVER is not None
    env = {**os.environ, "NODE_OPTIONS": f"--require={NO_NETWORK}"}
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy"):
        env.pop(proxy, None)
    lsp = LanguageServer([SERVER, "--stdio"], SETTINGS, env, cwd=repo)
    lsp.request("initialize", {"processId": os.getpid(), "rootUri": repo.as_uri(),
                               "capabilities": CAPABILITIES,
                               "workspaceFolders": [{"uri": repo.as_uri(), "name": repo.name}]})
    lsp.notify("initialized", {})
    lsp.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
    yield lsp
    lsp.shutdown()


def open_map(server: LanguageServer, path: Path, text: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """Open `path` (with `text`, or as on disk) and return its URI and first diagnostics."""
    uri = path.as_uri()
    text = path.read_text("utf-8") if text is None else text
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    return uri, server.diagnostics_for(uri)


def completion_labels(server: LanguageServer, uri: str, line: int, character: int) -> dict[str, Any]:
    result = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                        "position": {"line": line, "character": character}})
    items = result["items"] if isinstance(result, dict) else result
    return {item["label"]: item for item in items}


def line_of(text: str, start: str) -> int:
    """The 0-based number of the first line that starts, once indented, with `start`."""
    return next(n for n, line in enumerate(text.splitlines()) if line.strip().startswith(start))


def test_the_new_map_opens_clean_with_the_saved_schema(server: LanguageServer, repo: Path) -> None:
    _, diagnostics = open_map(server, repo / "maps" / "journey.cjm.yaml")
    assert diagnostics == []  # no "Unable to load schema", and the skeleton is valid


def test_completion_inside_a_new_touchpoint_offers_its_keys(server: LanguageServer, repo: Path) -> None:
    text = (repo / "maps" / "journey.cjm.yaml").read_text("utf-8")
    below = line_of(text, "touchpoints:")
    lines = text.splitlines()
    lines[below + 1: below + 1] = ["      - id: quiz", "        "]  # a touchpoint being written
    path = repo / "maps" / "editing.cjm.yaml"
    uri, _ = open_map(server, path, "\n".join(lines) + "\n")
    offered = completion_labels(server, uri, below + 2, 8)
    assert {"title", "channel", "actor", "step", "engagement", "emotion", "message", "next"} <= set(offered)
    assert "id" not in offered  # already there
    assert "engagement sequence" in str(offered["step"].get("documentation"))


def test_completion_at_step_offers_the_four_steps_explained(server: LanguageServer, repo: Path) -> None:
    lines = (repo / "maps" / "journey.cjm.yaml").read_text("utf-8").splitlines()
    line = line_of("\n".join(lines), "step: connect")
    lines[line] = "        step: "  # the user is about to type the value
    uri, _ = open_map(server, repo / "maps" / "steps.cjm.yaml", "\n".join(lines) + "\n")
    offered = completion_labels(server, uri, line, len(lines[line]))
    assert set(offered) == {"connect", "inform", "entertain", "share"}
    assert "first contact" in str(offered["connect"].get("documentation"))


def test_hover_explains_a_key(server: LanguageServer, repo: Path) -> None:
    path = repo / "maps" / "journey.cjm.yaml"
    text = path.read_text("utf-8")
    line = line_of(text, "engagement:")
    column = text.splitlines()[line].index("engagement") + 2
    hover = server.request("textDocument/hover", {"textDocument": {"uri": path.as_uri()},
                                                  "position": {"line": line, "character": column}})
    shown = hover["contents"]["value"]
    assert "How much the customer takes part" in shown and "journey-map.schema.json" in shown


def test_an_unknown_key_and_a_bad_value_are_underlined(server: LanguageServer, repo: Path) -> None:
    text = (repo / "maps" / "journey.cjm.yaml").read_text("utf-8")
    text = text.replace("engagement: spectator  #", "engagment: spectator  #", 1)
    text = text.replace("step: inform\n", "step: infrom\n", 1)
    _, diagnostics = open_map(server, repo / "maps" / "broken.cjm.yaml", text)
    found = {(d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"])
             for d in diagnostics}
    unknown, bad = line_of(text, "engagment:"), line_of(text, "step: infrom")
    assert found == {
        (unknown, 8, "Property engagment is not allowed."),
        (bad, 14, 'Value is not accepted. Valid values: "connect", "inform", "entertain", "share".'),
    }
    assert {d["source"] for d in diagnostics} == {SCHEMA_SOURCE}
    assert all(d["severity"] == 1 for d in diagnostics)  # errors


def test_no_network_was_needed(server: LanguageServer, repo: Path) -> None:
    """The only attempts are the extension's own catalog of public schemas (on by default),
    which fails offline without affecting the map."""
    open_map(server, repo / "maps" / "journey.cjm.yaml")
    attempts = [line for line in server.log().splitlines() if NETWORK_ATTEMPT in line]
    assert all(line.endswith("connect www.schemastore.org:443") for line in attempts), attempts
