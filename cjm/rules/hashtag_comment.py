"""A hashtag in a value became a comment: `title: Duo class night #BringAFriend` is "Duo class night".

In YAML, `#` after a space starts a comment, so a hashtag written at the end
of a value silently disappears from it. cjm warns when a comment that reads
like a hashtag (no space after the `#`) follows a value on its line. Put the
whole value in quotes to keep the hashtag; a real comment (`# like this`) is
left alone. `cjm fmt` never changes what a map means, so it does not add the
quotes itself.

Fails on:

    cjm: 1
    title: Duo class night #BringAFriend
    stages: []

Passes on:

    cjm: 1
    title: "Duo class night #BringAFriend"
    stages: []
"""

from __future__ import annotations

from collections.abc import Iterator

from cjm.diagnostic import Finding, Severity
from cjm.model import JourneyMap
from cjm.safe import shorten

ID = "hashtag-comment"
SEVERITY = Severity.WARNING
STRUCTURAL = False


def _value(data: object, path: tuple[str | int, ...]) -> object:
    node = data
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def check(journey: JourneyMap) -> Iterator[Finding]:
    for path, (where, comment) in journey.positions.hashtags.items():
        value = _value(journey.data, path)
        if value is None:
            continue  # an emptied value is a schema error where one is required; otherwise harmless
        key = str(path[-1]) if path and isinstance(path[-1], str) else "the value"
        text = str(value)
        phase = None
        if len(path) > 1 and path[0] == "stages" and isinstance(path[1], int) \
                and path[1] < len(journey.stages):
            phase = journey.stages[path[1]].phase  # the model keeps only stages that are mappings
        yield Finding(ID, f"the text after ' #' is a comment, so the {key} is '{shorten(text)}', without "
                      f"'{shorten(comment, 30)}'", where, phase=phase,
                      hint=f'put the whole value in quotes to keep the hashtag: {key}: "{text} {comment}"')
