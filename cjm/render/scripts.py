"""The pages' small inline scripts, and the Content-Security-Policy that lets exactly them run.

A rendered page makes no request and runs no script but its own: its policy
names each inline script by the SHA-256 of its text, so an injected
`<script>` (or an edited copy) would not run. The scripts are templates like
the rest (`page.js`, `sort.js`), so a team can override them.
"""

from __future__ import annotations

import base64
import hashlib

from jinja2 import Environment
from markupsafe import Markup

from cjm.records import record

BASE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@record(hashable=True)
class InlineScript:
    text: Markup
    """The script's source, to go between `<script>` and `</script>` as it is."""
    digest: str
    """`'sha256-...'` for the page's script-src."""


def inline_script(environment: Environment, name: str) -> InlineScript:
    source = environment.get_template(name).render()
    if "</" in source:
        raise ValueError(f"{name}: an inline script cannot hold '</'")
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return InlineScript(Markup(source), f"'sha256-{digest}'")


def content_policy(*scripts: InlineScript) -> str:
    """The page's Content-Security-Policy: the base one, and its own scripts."""
    if not scripts:
        return BASE_POLICY
    return f"{BASE_POLICY}; script-src {' '.join(script.digest for script in scripts)}"
