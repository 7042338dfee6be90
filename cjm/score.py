"""The engagement-sequence score.

Per phase: the longest chain of the phase's steps (in file order, untagged
touchpoints skipped) that walks Connect -> Inform -> Entertain -> Share
forward, each step at most once; 25 points a step. The map's score is the
mean over all phases, an empty phase counting 0, rounded half up to one
decimal.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from cjm.model import ENGAGEMENTS, STEPS, JourneyMap, effective_engagement, is_advocate_share

POINTS_PER_STEP = 25


def longest_chain(steps: Sequence[str]) -> list[str]:
    """The longest forward chain in `steps` (ties: the chain of earliest steps).

    `best[k]` is the longest chain seen so far that ends with step k; a step
    extends the best chain ending at any earlier step.
    """
    best: list[list[str]] = [[] for _ in STEPS]
    for step in steps:
        if step not in STEPS:
            continue
        k = STEPS.index(step)
        longest_before = max((best[j] for j in range(k)), key=len, default=[])
        if len(longest_before) + 1 > len(best[k]):
            best[k] = [*longest_before, step]
    return max(best, key=len)


def round_half_up(value: Fraction, places: int = 1) -> float:
    """`value` rounded half up to `places` decimals, exactly (58.25 -> 58.3)."""
    scale: int = 10**places
    rounded: int = math.floor(value * scale + Fraction(1, 2))
    return rounded / scale


def mean_score(scores: Sequence[float | Fraction]) -> float | None:
    """The mean of scores, rounded half up to one decimal; None for no scores.

    The one way cjm averages scores: a map's score over its phases, and the
    average over maps in `cjm score`.
    """
    if not scores:
        return None
    exact = [value if isinstance(value, Fraction) else Fraction(repr(value)) for value in scores]
    return round_half_up(sum(exact, Fraction(0)) / len(exact))


@dataclass(frozen=True)
class PhaseScore:
    phase: str
    score: int
    chain: list[str]
    missing: list[str]
    out_of_order: list[str]
    touchpoints: int
    mix: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "phase": self.phase,
            "score": self.score,
            "chain": self.chain,
            "missing": self.missing,
            "out_of_order": self.out_of_order,
            "touchpoints": self.touchpoints,
            "engagement": self.mix,
        }


@dataclass(frozen=True)
class MapScore:
    score: float
    phases: list[PhaseScore]
    engagement_ratio: float | None
    advocate_shares: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "engagement_ratio": self.engagement_ratio,
            "advocate_shares": self.advocate_shares,
            "phases": [p.to_dict() for p in self.phases],
        }


def score_phase(journey: JourneyMap, phase: str) -> PhaseScore:
    touchpoints = journey.phase_touchpoints(phase)
    steps = [tp.step for tp in touchpoints if tp.step]
    chain = longest_chain(steps)
    mix = {level: 0 for level in ENGAGEMENTS}
    for tp in touchpoints:
        level = effective_engagement(tp, journey)
        if level:
            mix[level] += 1
    return PhaseScore(
        phase=phase,
        score=len(chain) * POINTS_PER_STEP,
        chain=chain,
        missing=[s for s in STEPS if s not in steps],
        out_of_order=[s for s in STEPS if s in steps and s not in chain],
        touchpoints=len(touchpoints),
        mix=mix,
    )


def score_map(journey: JourneyMap) -> MapScore:
    phases = [score_phase(journey, phase) for phase in journey.phases]
    levels = [effective_engagement(tp, journey) for tp in journey.touchpoints]
    levels = [level for level in levels if level]
    ratio = round(levels.count("engaged") / len(levels), 3) if levels else None
    shares = sum(1 for tp in journey.touchpoints if is_advocate_share(tp))
    return MapScore(mean_score([p.score for p in phases]) or 0.0, phases, ratio, shares)
