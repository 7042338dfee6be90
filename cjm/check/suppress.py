"""`# cjm: disable=rule-a,rule-b` comments.

At the end of a line, the comment silences those rules for findings on that
line. On a line of its own in the comment block at the top of the file (before
any YAML content), it silences them for the whole file. `all` names every rule
that can be silenced. Structural rules are never silenced.
"""

from __future__ import annotations

import re

from cjm.records import field, record

_COMMENT = re.compile(r"#\s*cjm:\s*disable\s*=\s*([A-Za-z0-9_,\- ]+)")


@record
class Suppressions:
    file_rules: set[str] = field(factory=set)
    line_rules: dict[int, set[str]] = field(factory=dict)

    def silences(self, rule: str, line: int) -> bool:
        for rules in (self.file_rules, self.line_rules.get(line, set())):
            if rule in rules or "all" in rules:
                return True
        return False


def parse_suppressions(lines: list[str]) -> Suppressions:
    """Collect the disable comments of a file (lines are 1-based in the result)."""
    found = Suppressions()
    at_top = True
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        own_line = stripped.startswith("#")
        if stripped and not own_line and stripped != "---":
            at_top = False
        if "cjm:" not in line:
            continue
        match = _COMMENT.search(line)
        if not match:
            continue
        rules = {r.strip() for r in match.group(1).split(",") if r.strip()}
        if own_line and at_top:
            found.file_rules |= rules
        else:
            found.line_rules.setdefault(number, set()).update(rules)
    return found
