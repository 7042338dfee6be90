"""The engagement score: does each phase walk the sequence, and how deeply do customers engage?

Per phase (edition 2 of the format):
- sequence, 0-100: the longest chain of the phase's steps (file order,
  untagged touchpoints skipped) that walks Connect -> Inform -> Entertain ->
  Share forward, each step at most once; 25 points a step;
- depth, 0-100: the mean effective engagement of all its touchpoints,
  spectator 0, participant 50, engaged 100 (None for an empty phase);
- score = sequence x depth / 100 (0 for an empty phase).

The map's score and sequence are the means over all its phases, from the
exact phase values, rounded half up to one decimal. A map where no
touchpoint sets `step` is not scored: both are None. Arithmetic is exact
(fractions) until the last rounding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from cjm.model import ENGAGEMENTS, STEPS, WEIGHTS, JourneyMap, longest_chain
from cjm.records import field, record

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

POINTS_PER_STEP = 25


def round_half_up(value: Fraction, places: int = 1) -> float:
    """`value` rounded half up to `places` decimals, exactly (58.25 -> 58.3)."""
    scale: int = 10**places
    rounded: int = math.floor(value * scale + Fraction(1, 2))
    return rounded / scale


def mean_score(scores: Sequence[float | Fraction]) -> float | None:
    """The mean of scores, rounded half up to one decimal; None for no scores.

    The one way cjm averages scores: a map's score and sequence over its
    phases, and the average over maps in `cjm score`.
    """
    if not scores:
        return None
    exact = [value if isinstance(value, Fraction) else Fraction(repr(value)) for value in scores]
    return round_half_up(sum(exact, Fraction(0)) / len(exact))


@record(hashable=True)
class PhaseScore:
    phase: str
    sequence: int
    depth: Fraction | None
    """None for a phase without touchpoints."""
    score: Fraction
    chain: list[str]
    missing: list[str]
    """Steps the phase has no touchpoint for."""
    out_of_order: list[str]
    """Steps the phase has but that are not in its chain."""
    touchpoints: int
    mix: dict[str, int] = field(factory=dict)
    """How many touchpoints are spectator / participant / engaged (effective engagement)."""

    @property
    def score_value(self) -> float:
        return round_half_up(self.score)

    @property
    def depth_value(self) -> float | None:
        return None if self.depth is None else round_half_up(self.depth)

    def to_dict(self, scored: bool = True) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "score": self.score_value if scored else None,
            "sequence": self.sequence if scored else None,
            "depth": self.depth_value,
            "chain": self.chain,
            "missing": self.missing,
            "out_of_order": self.out_of_order,
            "touchpoints": self.touchpoints,
            "engagement": self.mix,
        }


@record(hashable=True)
class MapScore:
    score: float | None
    """None when the map is not scored (no touchpoint sets `step`)."""
    sequence: float | None
    depth: float | None
    """The mean effective engagement over all the map's touchpoints, for display beside the score
    (None without touchpoints). The score itself is the mean of the phases' scores."""
    phases: list[PhaseScore]
    engagement_ratio: float | None
    advocate_shares: int

    @property
    def scored(self) -> bool:
        return self.score is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "sequence": self.sequence,
            "depth": self.depth,
            "engagement_ratio": self.engagement_ratio,
            "advocate_shares": self.advocate_shares,
            "phases": [p.to_dict(self.scored) for p in self.phases],
        }


def score_phase(journey: JourneyMap, phase: str) -> PhaseScore:
    touchpoints = journey.phase_touchpoints(phase)
    steps = [tp.step for tp in touchpoints]
    chain = longest_chain(steps)
    mix = {level: 0 for level in ENGAGEMENTS}
    for tp in touchpoints:
        mix[tp.effective] += 1
    sequence = len(chain) * POINTS_PER_STEP
    weights = [WEIGHTS[tp.effective] for tp in touchpoints]
    depth = Fraction(sum(weights), len(weights)) if weights else None
    present = set(steps)
    return PhaseScore(
        phase=phase,
        sequence=sequence,
        depth=depth,
        score=Fraction(0) if depth is None else sequence * depth / 100,
        chain=chain,
        missing=[s for s in STEPS if s not in present],
        out_of_order=[s for s in STEPS if s in present and s not in chain],
        touchpoints=len(touchpoints),
        mix=mix,
    )


def score_map(journey: JourneyMap) -> MapScore:
    phases = [score_phase(journey, phase) for phase in journey.phases]
    tagged = [tp.engagement for tp in journey.touchpoints if tp.engagement is not None]
    ratio = round(tagged.count("engaged") / len(tagged), 3) if tagged else None
    shares = sum(1 for tp in journey.touchpoints if tp.is_advocate_share)
    depth = mean_score([Fraction(WEIGHTS[tp.effective]) for tp in journey.touchpoints])
    if not journey.has_steps:
        return MapScore(None, None, depth, phases, ratio, shares)
    score = mean_score([p.score for p in phases])
    sequence = mean_score([Fraction(p.sequence) for p in phases])
    return MapScore(score, sequence, depth, phases, ratio, shares)
