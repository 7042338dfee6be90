"""A map as a Mermaid `journey` diagram (`cjm export --to mermaid`): text, for GitHub,
GitLab, Notion, Confluence and any Markdown viewer that draws Mermaid.

One `section` per stage (`Phase · Stage name`), one task per touchpoint, in
journey order. A task's score is its emotion on Mermaid's faces (-2..2 is
1..5; no emotion is the neutral 3); its actors are the persona (or
"Customer") and, unless the customer acts alone, who acts: the brand (by
its name), "Advocate", "Partner" or one of the map's `actors` (by its name). The map's description becomes the
diagram's accessible description.
"""

from __future__ import annotations

from cjm.interop.mermaid_syntax import MIDDLE_DOT, SECTION_JOIN, escape, score_of
from cjm.model import JourneyMap, Stage, Touchpoint

BOX_DIRECTIVE = '%%{init: {"journey": {"width": 200, "height": 70}}}%%'
"""Task boxes of 200 x 70 px, four lines (Mermaid's default, 150 x 50, shows three short ones). A directive,
not front matter: renderers that predate directives read it as a comment."""
TASK_LENGTH = 80
"""A longer touchpoint title is cut at a word and ends in "…": the box holds about that much."""


def to_mermaid(journey: JourneyMap, *, markdown: bool = False) -> str:
    """The Mermaid text of `journey`; with `markdown`, in a ```mermaid fence ready to paste."""
    lines = [BOX_DIRECTIVE, "journey"]
    title = escape(journey.text("title") or "", "title")
    if title:
        lines.append(f"    title {title}")
    description = escape(journey.text("description") or "", "title")
    if description:
        lines.append(f"    accDescr: {description}")
    actors = _Actors(journey)
    for stage in journey.stages:
        lines.append(f"    section {section_text(stage) or f'Stage {stage.index + 1}'}")
        lines += [f"      {_task(tp)}: {score_of(tp.emotion)}: {', '.join(actors.of(tp))}"
                  for tp in stage.touchpoints]
    text = "\n".join(lines) + "\n"
    return f"```mermaid\n{text}```\n" if markdown else text


def phase_label(phase: str) -> str:
    """How a phase heads a section: `awareness` -> `Awareness`."""
    return phase[:1].upper() + phase[1:]


def section_text(stage: Stage) -> str:
    """`Awareness · Problem aware`, or the stage's name alone when it is just its phase's
    (`Awareness`, as cjm's renders show a stage without a name). A `·` before the join is
    written as its code, so the join is the first one."""
    phase = stage.phase or ""
    own = stage.name not in (phase_label(phase), phase, phase.capitalize())
    head = escape(phase_label(phase) if own else stage.name).replace("·", MIDDLE_DOT)
    return f"{head}{SECTION_JOIN}{escape(stage.name)}" if own and phase else head


def _task(tp: Touchpoint) -> str:
    return escape(shorten(tp.title)) or escape(tp.id or "") or f"Touchpoint {tp.index + 1}"


def shorten(title: str, length: int = TASK_LENGTH) -> str:
    """`title` on one line, cut at the last space before `length` characters, with "…"."""
    flat = " ".join(title.split())
    if len(flat) <= length:
        return flat
    head = flat[:length - 1]
    if flat[length - 1] != " " and " " in head:  # the last word does not fit whole
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"


class _Actors:
    """The names on a task: the persona, and whoever else acts (the brand by its name, or an
    actor by its name: `Advocate`, `Partner`, or one of the map's `actors`)."""

    def __init__(self, journey: JourneyMap) -> None:
        persona = journey.section("persona").get("name")
        brand = journey.text("brand")
        self.names = {actor.id: actor.name for actor in journey.actors.values()}
        if isinstance(persona, str) and escape(persona, "actor"):
            self.names["customer"] = persona
        if brand and escape(brand, "actor"):
            self.names["brand"] = brand

    def of(self, tp: Touchpoint) -> list[str]:
        names = [self.names["customer"], self.names.get(tp.actor, self.names["brand"])]
        return list(dict.fromkeys(escape(name, "actor") for name in names))
