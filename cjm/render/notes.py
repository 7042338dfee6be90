"""What the page prints as it is: `x-` keys as quiet notes, and metric values (thousands
separators, ratios as percentages)."""

from __future__ import annotations

import math
import re
from typing import Any

RATIO_WORDS = frozenset({"rate", "ratio", "ctr", "share", "conversion", "churn", "retention", "bounce",
                         "pct", "percent", "percentage"})
"""A metric whose name holds one of these words is a ratio: 0.021 is shown as 2.1 %."""
PERCENT_WORDS = frozenset({"pct", "percent", "percentage"})
"""... and with one of these, a number above 1 is already a percentage: 34 is shown as 34 %."""
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def notes(raw: dict[str, Any]) -> list[dict[str, str]]:
    """The `x-` keys of a mapping, each as a label (`x-owner-team` -> `owner team`) and a value."""
    found = []
    for key, value in raw.items():
        if isinstance(key, str) and key.startswith("x-") and value not in (None, [], {}):
            label = " ".join(key[2:].replace("_", " ").replace("-", " ").split()) or key
            found.append({"key": key, "label": label, "value": note_value(value)})
    return found


def note_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, list):
        return ", ".join(note_value(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{name}: {note_value(item)}" for name, item in value.items())
    return str(value)


def number(value: float) -> str:
    """12000 -> `12,000`, 12345.5 -> `12,345.5`; the digits as written otherwise."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return f"{value:,}"


def metric_value(name: str, value: Any) -> str:
    """A metric as a person reads it: `ctr: 0.021` -> `2.1 %`, `reach: 120000` -> `120,000`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return note_value(value)
    words = {word.lower() for word in _WORD.findall(name)}
    if math.isfinite(value) and (words & RATIO_WORDS or "%" in name):
        if 0 <= abs(value) <= 1 and not words & PERCENT_WORDS:
            return percent(value * 100)
        if words & PERCENT_WORDS or "%" in name:
            return percent(value)
    return number(value)


def percent(value: float) -> str:
    """34.0 -> `34 %`, 2.1 -> `2.1 %`, 0.125 -> `0.13 %`."""
    places = 1 if abs(value) >= 1 else 2
    text = f"{round(value, places):,.{places}f}".rstrip("0").rstrip(".")
    return f"{text} %"
