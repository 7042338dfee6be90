"""What the page prints as it is: x- notes and metric values."""

from __future__ import annotations

import pytest

from cjm.render.notes import metric_value, notes


@pytest.mark.parametrize(("name", "value", "shown"), [
    ("ctr", 0.021, "2.1 %"),
    ("open_rate", 0.34, "34 %"),
    ("conversionRate", 0.125, "12.5 %"),
    ("CTR", 0.0012, "0.12 %"),
    ("completion_pct", 34, "34 %"),
    ("share%", 0.5, "50 %"),
    ("churn", 1, "100 %"),
    ("reach", 120000, "120,000"),
    ("revenue", 12345.5, "12,345.5"),
    ("conversions", 3, "3"),       # a count, not a ratio: the word is not "conversion"
    ("retention", 3, "3"),         # above 1 and not a percentage by name: as written
    ("pricing_to_trial", 0.18, "0.18"),
    ("nps", "+42", "+42"),
    ("ctr", "2.1%", "2.1%"),       # text stays as written
    ("ready", True, "yes"),
])
def test_metric_values_read_as_a_person_reads_them(name: str, value: object, shown: str) -> None:
    assert metric_value(name, value) == shown


def test_x_keys_become_quiet_notes() -> None:
    raw = {"id": "a", "x-owner-team": "CX", "x-status": ["draft", 2], "x-ticket": {"id": 7, "open": True},
           "x-empty": [], "x-none": None}
    assert notes(raw) == [
        {"key": "x-owner-team", "label": "owner team", "value": "CX"},
        {"key": "x-status", "label": "status", "value": "draft, 2"},
        {"key": "x-ticket", "label": "ticket", "value": "id: 7; open: yes"},
    ]
