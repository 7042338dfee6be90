"""How a change is said, the same in every output: values, old → new, and a touchpoint's changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cjm.diff.values import Change, Changed, PhaseChange
from cjm.safe import shorten

LABELS = {"score": "score", "emotion": "mean emotion", "pain_points": "pain points"}


def signed(value: float | None) -> str:
    """An emotion: `+2`, `-0.5`, `0`; `–` for none."""
    if value is None:
        return "–"
    return f"{value:+g}" if value else "0"


def plain(value: Any) -> str:
    """A number as short as it goes (`75`, `62.5`), or the text; `–` for none."""
    if value is None:
        return "–"
    return f"{value:g}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def moved(change: Change[Any], show: Callable[[Any], str] = plain, missing: str = "–",
          delta: bool = False) -> str:
    """`50` when it stayed, `50 → 62.5` when it moved (with `delta`: `50 → 62.5 (+12.5)`)."""
    old = missing if change.old is None else show(change.old)
    new = missing if change.new is None else show(change.new)
    if not change.changed:
        return new
    if delta and change.old is not None and change.new is not None:
        return f"{old} → {new} ({change.new - change.old:+g})"
    return f"{old} → {new}"


def describe(phase: PhaseChange, measures: tuple[str, ...]) -> str:
    """`mean emotion -2 → +2`, `score 50 → 62.5, pain points 1 → 3`."""
    return ", ".join(f"{LABELS[name]} {moved(getattr(phase, name), signed if name == 'emotion' else plain)}"
                     for name in measures)


def changed_fields(item: Changed) -> str:
    """`emotion +1 → -2; pain point added: Surprise charge`."""
    shows: dict[str, Callable[[Any], str]] = {"emotion": signed, "title": quoted}
    parts = [f"{name} {moved(change, shows.get(name, plain))}" for name, change in item.fields.items()]
    parts += [f"pain point added: {text}" for text in item.pain_points_added]
    parts += [f"pain point gone: {text}" for text in item.pain_points_removed]
    return "; ".join(parts)


def quoted(value: Any) -> str:
    """A title in a change: `'First invoice'`, cut as messages cut quoted text."""
    return f"'{shorten(str(value))}'"


def ordinal(n: int) -> str:
    """1 -> `1st`, 12 -> `12th`, 23 -> `23rd`."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
