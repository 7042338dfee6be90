"""A touchpoint as its card shows it, and a lane's cell of content."""

from __future__ import annotations

from typing import Any

from cjm.model import JourneyMap, Touchpoint
from cjm.render.curve import emotion_label, emotion_tone
from cjm.render.notes import metric_value, notes

ENGAGEMENT_RANK = {"spectator": 1, "participant": 2, "engaged": 3}


def card(tp: Touchpoint, journey: JourneyMap) -> dict[str, Any]:
    """What the touchpoint card shows."""
    receiver = journey.actors[tp.to] if tp.to else None
    return {
        "id": tp.id,
        "title": tp.title,
        "channel": tp.text("channel"),
        "actor": tp.actor,
        "actor_name": journey.actors[tp.actor].name,
        "to": tp.to,
        "to_name": receiver.name if receiver else None,
        "step": tp.step,
        "step_class": tp.step or "none",
        "step_label": (tp.step or "no step").capitalize(),
        "storytelling": tp.storytelling,
        "engagement": tp.engagement,
        "engagement_rank": ENGAGEMENT_RANK.get(tp.engagement or "", 0),
        "emotion": tp.emotion,
        "emotion_label": None if tp.emotion is None else emotion_label(tp.emotion),
        "emotion_tone": None if tp.emotion is None else emotion_tone(tp.emotion),
        "moment_of_truth": tp.moment_of_truth,
        "message": tp.message if tp.step == "share" else None,
        "steps_into_role": tp.steps_into_role,
        "notes": notes(tp.raw),
    }


def cell(tp: Touchpoint, key: str, kind: str) -> Any:
    """The content of lane `key` at `tp`: text, a list of texts, or a list of metrics."""
    if kind == "text":
        return tp.text(key)
    if kind == "list":
        return tp.texts(key)
    metrics = tp.raw.get(key)
    if not isinstance(metrics, dict):
        return []
    return [{"name": str(name), "value": metric_value(str(name), value)} for name, value in metrics.items()
            if not str(name).startswith("x-")]
