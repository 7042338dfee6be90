"""Build plain Python values from YAML parse events, without recursion.

A stack of open collections replaces the recursive composer and constructor:
nesting is checked against a depth limit as it opens, alias expansion is
counted against a value limit (so the "billion laughs" bomb stops at the
limit), repeated keys become findings (the first value is kept), merge keys
(`<<`) work, plain scalars resolve by the YAML 1.2 core schema (`yes` stays
text, dates stay text), and no tag ever constructs an object.
"""

from __future__ import annotations

from cjm.diagnostic import Finding, Pos
from cjm.loader.comments import hashtag_after
from cjm.loader.events import events
from cjm.loader.positions import LineIndex, Path, Positions
from cjm.loader.scalars import MAX_DIGITS, LongNumber, key_text, resolve_plain, type_tag
from cjm.records import field, record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

TAG = "tag:yaml.org,2002:"


class LimitExceeded(Exception):
    """The document breaks a loader limit or uses a refused feature."""

    def __init__(self, message: str, pos: Pos, hint: str | None = None) -> None:
        super().__init__(message)
        self.pos = pos
        self.hint = hint


@record
class _Open:
    """A collection being filled: a list, or a dict waiting for a key or a value."""

    value: list[Any] | dict[str, Any]
    path: Path | None  # None: a discarded value (a repeated key's), positions not kept
    anchor: str | None
    count: int = 1
    height: int = 1
    key: str | None = None
    key_pos: Pos | None = None
    has_key: bool = False
    merges: list[tuple[Any, Pos]] = field(factory=list)
    first_key: str | None = None
    new_item: bool = False
    """The mapping's first key came back: a new list item seems to start without its `- `."""


def _tag(event: Any) -> str | None:
    tag = event.tag
    if tag is None or str(tag) == "!":
        return None
    text = str(tag)
    return TAG + text[2:] if text.startswith("!!") else text


class Builder:
    """One document's values, positions and loader findings."""

    def __init__(self, positions: Positions, findings: list[Finding], lines: LineIndex, *,
                 max_depth: int, max_nodes: int) -> None:
        self.lines = lines
        self.positions = positions
        self.findings = findings
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # value, values inside, height
        self.open_anchors: dict[str, int] = {}  # anchors of the collections being filled, how many times
        self.stack: list[_Open] = []
        self.total = 0
        self.root: Any = None
        self.documents = 0
        self.long_numbers: list[Pos] = []

    def _pos(self, event: Any) -> Pos:
        return self.lines.pos(event.start_mark.index)

    def build(self, text: str, *, plain_colons: bool = False) -> Any:
        """The document's value; `plain_colons` as for cjm.loader.events.events."""
        self.text = text
        for event in events(text, plain_colons=plain_colons):
            kind = type(event).__name__
            if kind == "DocumentStartEvent":
                self.documents += 1
                if self.documents > 1:
                    raise LimitExceeded("the file holds more than one YAML document; a map is one "
                                        "document", self._pos(event),
                                        "remove the `---` line, or split the maps into files")
            elif kind in ("ScalarEvent", "AliasEvent"):
                self._item(event, kind)
            elif kind in ("SequenceStartEvent", "MappingStartEvent"):
                self._open(event, kind)
            elif kind in ("SequenceEndEvent", "MappingEndEvent"):
                self._close()
        return self.root

    def _expand(self, amount: int, event: Any) -> None:
        """Count the values an alias repeats: the "billion laughs" guard. Values written out are
        not counted (the size limit bounds them), so any map under the size limit loads."""
        self.total += amount
        if self.total > self.max_nodes:
            raise LimitExceeded(f"the aliases in this map repeat more than {self.max_nodes:,} values",
                                self._pos(event), "write the values out instead of repeating aliases "
                                "(*name) of big blocks")

    def _item(self, event: Any, kind: str) -> None:
        if kind == "AliasEvent":
            if self.open_anchors.get(event.anchor):
                name = event.anchor
                raise LimitExceeded(f"the alias *{name} is inside the value of its own anchor &{name}, so it "
                                    "would repeat itself without end", self._pos(event),
                                    f"an alias repeats a value that ends before it: move *{name} after the "
                                    f"end of the value that &{name} names, or write the value out")
            if event.anchor not in self.anchors:
                raise LimitExceeded(f"the alias *{event.anchor} has no anchor &{event.anchor} "
                                    "before it", self._pos(event))
            value, count, height = self.anchors[event.anchor]
            if len(self.stack) + height > self.max_depth:
                raise LimitExceeded(f"the map nests deeper than {self.max_depth} levels "
                                    f"through the alias *{event.anchor}", self._pos(event))
            self._expand(count, event)
        else:
            value, count, height = self._scalar(event), 1, 0
            if isinstance(value, LongNumber) and not self._awaiting_key():
                self.long_numbers.append(self._pos(event))
                self.findings.append(Finding(
                    "schema", f"this number has {value.digits:,} digits; cjm reads whole numbers of up to "
                    f"{MAX_DIGITS:,} digits", self._pos(event),
                    hint="if it is a code rather than a number, put it in quotes to make it text"))
            if not event.style and not self._awaiting_key():
                self._hashtag_after(event)
            if self._awaiting_key() and isinstance(value, (str, int, float, bool, type(None))):
                value = event.value  # a key is the text as written: `null:` is 'null', `0x1F:` is '0x1F'
            if event.anchor:
                self.anchors[event.anchor] = (value, 1, 0)
        self._attach(value, count, height, event)

    def _hashtag_after(self, event: Any) -> None:
        """Note a comment like `#BringAFriend` right after a plain value (see Positions.hashtags)."""
        end = event.end_mark.index
        found = hashtag_after(self.text, end)
        if found is not None:
            path = self._child_path(event)
            if path is not None:
                self.positions.hashtags[path] = (self.lines.pos(end + found[0]), found[1])

    def _open(self, event: Any, kind: str) -> None:
        if len(self.stack) >= self.max_depth:
            raise LimitExceeded(f"the map nests deeper than {self.max_depth} levels",
                                self._pos(event))
        tag = _tag(event)
        wanted = TAG + ("seq" if kind == "SequenceStartEvent" else "map")
        if tag is not None and tag != wanted:
            self._refuse(tag, event)
        if self._awaiting_key():
            self.stack[-1].key_pos = self._pos(event)
        path = self._child_path(event)
        value: list[Any] | dict[str, Any] = [] if kind == "SequenceStartEvent" else {}
        if path is not None:
            self.positions.values.setdefault(path, self._pos(event))
        if event.anchor:
            self.open_anchors[event.anchor] = self.open_anchors.get(event.anchor, 0) + 1
        self.stack.append(_Open(value, path, event.anchor))

    def _awaiting_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and not self.stack[-1].has_key

    def _close(self) -> None:
        done = self.stack.pop()
        if isinstance(done.value, dict):
            for merged, pos in done.merges:
                for source in merged if isinstance(merged, list) else [merged]:
                    if not isinstance(source, dict):
                        self.findings.append(Finding(
                            "yaml-syntax", "`<<` merges mappings only (an alias of a mapping, or a "
                            "list of them)", pos, hint="write the keys out instead"))
                        continue
                    for key, item in source.items():
                        done.value.setdefault(key, item)
        if done.anchor:
            self.open_anchors[done.anchor] -= 1
            self.anchors[done.anchor] = (done.value, done.count, done.height)
        self._place(done.value, done.count, done.height)

    def _child_path(self, event: Any) -> Path | None:
        """The path of the value this event starts; None inside a discarded value."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.path is None:
            return None
        if isinstance(top.value, list):
            return (*top.path, len(top.value))
        if not top.has_key:
            return None  # a complex key: its parts have no path
        if top.key is None or top.key == "<<" or top.key in top.value:
            return None
        return (*top.path, top.key)

    def _attach(self, value: Any, count: int, height: int, event: Any) -> None:
        path = self._child_path(event)
        top = self.stack[-1] if self.stack else None
        key_event = top is not None and isinstance(top.value, dict) and not top.has_key
        if path is not None and not key_event:
            self.positions.values.setdefault(path, self._pos(event))
        if key_event and top is not None:
            self._key(top, value, event)
            return
        self._place(value, count, height)

    def _key(self, top: _Open, value: Any, event: Any) -> None:
        pos = self._pos(event)
        is_merge = type(event).__name__ == "ScalarEvent" and value == "<<" and not event.style
        if isinstance(value, (list, dict)):  # an alias of a list or mapping used as a key
            self.findings.append(Finding("yaml-syntax", "a key must be plain text, not a list or mapping",
                                         pos, hint="write the key as text; an alias (*name) of a block "
                                         "cannot be a key"))
            top.key, top.key_pos, top.has_key = None, pos, True
            return
        top.key = "<<" if is_merge else key_text(value)
        top.key_pos, top.has_key = pos, True
        if top.first_key is None:
            top.first_key = top.key
        if top.key in top.value and not is_merge and top.path is not None:
            self._repeated(top, top.key, pos)

    def _repeated(self, top: _Open, key: str, pos: Pos) -> None:
        """A repeated key; the mapping's first key repeated in a list item is a new item without `- `."""
        assert top.path is not None
        if top.new_item:
            return  # its keys are the new item's: said once
        first = self.positions.keys.get((*top.path, key))
        line = f" (first at line {first.line})" if first else ""
        if key == top.first_key and top.path and isinstance(top.path[-1], int):
            top.new_item = True
            what = {"touchpoints": "touchpoint", "stages": "stage"}.get(str(top.path[-2]), "list item")
            self.findings.append(Finding(
                "duplicate-key", f"the key '{key}' is repeated{line}: a new {what} seems to start here "
                "without its `- `", pos, hint=f"start the new {what} with `- {key}:` lined up with the `- ` "
                "above, and indent its other lines like the ones above"))
            return
        self.findings.append(Finding("duplicate-key", f"the key '{key}' is repeated{line}",
                                     pos, hint="remove one of the two, or merge their values"))

    def _place(self, value: Any, count: int, height: int) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        top.count += count
        top.height = max(top.height, height + 1)
        if isinstance(top.value, list):
            top.value.append(value)
        elif not top.has_key:  # a collection used as a key
            self.findings.append(Finding("yaml-syntax", "a key must be plain text, not a list or "
                                         "mapping", top.key_pos or Pos(1, 1)))
            top.key, top.has_key = None, True
        else:
            self._set(top, value)

    def _set(self, top: _Open, value: Any) -> None:
        assert isinstance(top.value, dict)
        key, top.has_key = top.key, False
        if key == "<<":
            top.merges.append((value, top.key_pos or Pos(1, 1)))
        elif key is not None and key not in top.value:
            top.value[key] = value
            if top.path is not None and top.key_pos is not None:
                key_path: Path = (*top.path, key)
                self.positions.keys[key_path] = top.key_pos

    def _scalar(self, event: Any) -> Any:
        tag, text = _tag(event), event.value
        plain = event.implicit[0] and not event.style
        if tag is None:
            return resolve_plain(text) if plain else text
        if tag == TAG + "str":
            return text
        if tag in (TAG + "int", TAG + "float", TAG + "bool", TAG + "null"):
            value = resolve_plain(text)
            if tag.endswith(type_tag(value)) or (isinstance(value, LongNumber) and tag == TAG + "int"):
                return value
            raise LimitExceeded(f"'{text}' is not a valid {tag.replace(TAG, '!!')}",
                                self._pos(event))
        self._refuse(tag, event)
        return text

    def _refuse(self, tag: str, event: Any) -> None:
        raise LimitExceeded(f"the YAML tag '{tag.replace(TAG, '!!')}' is not allowed in a journey map",
                            self._pos(event), "remove the tag and write the value as plain text")
