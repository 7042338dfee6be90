"""The colours of every picture cjm draws: the flow diagram and the HTML page.

One palette, so a Connect badge on the page and a Connect node in the SVG
have the same colour. Each step has its DOT fill as `stroke` (badges, the
card's top border, filled scorecard cells), a light tint of it as `fill`
(card background) and the DOT ink as `ink` (text on either). Ink on every
DOT fill has a contrast of 6.9:1 or more (WCAG AA asks 4.5:1); the tints are
lighter still. Emotion tones reuse the diagram's emotion colours.
"""

from __future__ import annotations

from cjm.records import record

# The flow diagram's colours (cjm.render.dot_labels uses them as they are).
INK = "#1A1A1A"
MUTED = "#4A4F57"

# Paul Tol's "light" scheme: the five stay apart under the common
# colour-vision deficiencies, and INK on each fill has a contrast of 6.9:1 or more.
STEP_FILL: dict[str | None, str] = {
    "connect": "#77AADD",
    "inform": "#EEDD88",
    "entertain": "#EE8866",
    "share": "#44BB99",
    None: "#DDDDDD",
}
STEP_NAME: dict[str | None, str] = {
    "connect": "Connect",
    "inform": "Inform",
    "entertain": "Entertain",
    "share": "Share",
    None: "No step",
}

# Storytelling mode -> (border width, border colour).
BORDER = {"corporate": (1, "#5A6270"), "advocate": (3, "#1B1F24")}

# Emotion -2..2: a glyph and a sign as well as a colour, on a white badge, so
# colour is never the only cue and the text keeps its contrast.
EMOTION = {
    -2: ("▼▼", "−2", "very negative", "#A50F15"),
    -1: ("▼", "−1", "negative", "#A50F15"),
    0: ("●", "0", "neutral", MUTED),
    1: ("▲", "+1", "positive", "#08519C"),
    2: ("▲▲", "+2", "very positive", "#08519C"),
}

TINT = 0.3  # how much of the step colour a card background keeps


@record(hashable=True)
class StepColour:
    fill: str
    stroke: str
    ink: str


def tint(colour: str, amount: float = TINT) -> str:
    """`colour` (#RRGGBB) mixed with white, keeping `amount` of the colour."""
    channels = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02X}" for c in channels)


def step_colour(step: str | None) -> StepColour:
    """The colours of `step`; the diagram's grey for a touchpoint without a step."""
    base = STEP_FILL.get(step, STEP_FILL[None])
    return StepColour(fill=tint(base), stroke=base, ink=INK)


STEP_COLOURS = {step: step_colour(step) for step in STEP_FILL if step is not None}
UNTAGGED = step_colour(None)
ADVOCATE_BORDER = BORDER["advocate"][1]
EMOTION_TONES = {"positive": EMOTION[1][3], "neutral": EMOTION[0][3], "negative": EMOTION[-1][3]}
