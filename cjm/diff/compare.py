"""Compare two valid versions of a map: the one entry point of cjm.diff's analysis."""

from __future__ import annotations

from cjm.diff.phases import compare_phases
from cjm.diff.touchpoints import match_touchpoints, phase_renames
from cjm.diff.values import Change, MapDiff
from cjm.diff.verdicts import change_findings
from cjm.model import JourneyMap
from cjm.score import MapScore


def diff_maps(old: JourneyMap, old_score: MapScore, new: JourneyMap, new_score: MapScore,
              against: str) -> MapDiff:
    """What changed from `old` to `new`; `against` names the old version in the findings' hints."""
    renames = phase_renames(old, new)
    phases = compare_phases(old, old_score, new, new_score, renames)
    return MapDiff(
        score=Change(old_score.score, new_score.score),
        sequence=Change(old_score.sequence, new_score.sequence),
        phases=phases,
        touchpoints=match_touchpoints(old, new, renames),
        findings=change_findings(phases, old, new, against),
        renames=renames,
    )
