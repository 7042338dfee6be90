"""Stages and touchpoints from a Mermaid `journey` diagram (`cjm import FILE.mmd`).

Lenient as real diagrams are: the diagram may sit in a ```mermaid fence or in
an HTML `<pre class="mermaid">`; `%%` comments, directives, front matter and
`#` comments are skipped; a score outside 1..5 is held to it (and a decimal
rounded), with a warning; trailing commas and empty actor lists are fine;
`<br>` and simple HTML tags in a name are dropped; a section without tasks
is a stage without touchpoints. Each section is a stage (`Phase · Stage`,
as cjm exports it, or a name that is both); each task a touchpoint.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction

from cjm.diagnostic import Severity
from cjm.interop.draft import Draft, phase_from_label
from cjm.interop.mermaid_lines import Line, content_lines
from cjm.interop.mermaid_syntax import FACES, emotion_of
from cjm.model import ACTORS

TASK_HINT = ("write a task as `Task name: 5: Actor, Actor` (a score from 1, sad, to 5, happy), "
             "and a section as `section Name`")
_SCORE = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")


@dataclass
class Task:
    name: str
    emotion: int | None
    actors: list[str]
    line: Line


@dataclass
class Section:
    label: str
    """The phase's part (`Awareness` in `Awareness · Try it`), or the whole name."""
    name: str | None
    """The stage's own name after ` · `, if any."""
    line: Line
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Diagram:
    """What a journey diagram says, before it becomes a map."""

    title: str | None = None
    description: str | None = None
    sections: list[Section] = field(default_factory=list)


def read_mermaid(text: str) -> tuple[Diagram, Draft]:
    """The diagram, and a draft holding the problems found reading it (stages come later)."""
    draft = Draft("Mermaid", re.split(r"\r\n|\r|\n", text))
    diagram = Diagram()
    lines = content_lines(text, draft)
    if lines is None:
        return diagram, draft
    for line in lines:
        _statement(line, diagram, draft)
    return diagram, draft


def _statement(line: Line, diagram: Diagram, draft: Draft) -> None:
    keyword, _, rest = line.text.partition(" ")
    word = keyword.lower()
    if word == "title":
        diagram.title = line.plain(rest) or diagram.title
    elif re.match(r"acctitle\s*:", line.text, re.IGNORECASE):
        return
    elif re.match(r"accdescr\s*:", line.text, re.IGNORECASE):
        diagram.description = line.plain(line.text.split(":", 1)[1]) or None
    elif word == "section":
        head, *name = re.split(r"\s+·\s+", rest, maxsplit=1)
        label = line.plain(head) or f"Section {len(diagram.sections) + 1}"
        diagram.sections.append(Section(label, line.plain(name[0]) if name else None, line))
    elif ":" in line.text:
        task = _task(line, draft)
        if task is not None:
            if not diagram.sections:
                diagram.sections.append(Section("Journey", None, line))
            diagram.sections[-1].tasks.append(task)
    else:
        draft.problem(f"this line is neither a title, a section nor a task: '{line.text}'",
                      line.pos(0), TASK_HINT)


def _task(line: Line, draft: Draft) -> Task | None:
    name_text, _, data = line.text.partition(":")
    score_text, _, actor_text = data.partition(":")
    name = line.plain(name_text)
    if not name:
        draft.problem("this task has no name before its ':'", line.pos(0), TASK_HINT)
        return None
    emotion = _emotion(score_text, line, len(name_text) + 1, draft)
    actors = [line.plain(actor) for actor in actor_text.split(",")]
    return Task(name, emotion, [a for a in actors if a], line)


def _emotion(text: str, line: Line, offset: int, draft: Draft) -> int | None:
    score = text.strip()
    at = line.pos(offset + len(text) - len(text.lstrip()))
    if not score:
        return None
    if not _SCORE.fullmatch(score):
        draft.problem(f"the score '{score}' is not a number", at,
                      f"Mermaid scores a task from 1 (sad) to {FACES} (happy); cjm reads 1..5 as "
                      "emotion -2..2")
        return None
    emotion, held = emotion_of(Fraction(score))
    if held:
        signed = f"{emotion:+d}" if emotion else "0"
        draft.problem(f"the score {score} is not a whole number from 1 to {FACES}; read as {emotion + 3} "
                      f"(emotion {signed})", at, "Mermaid draws faces for scores 1 to 5",
                      severity=Severity.WARNING)
    return emotion


def build(diagram: Diagram, draft: Draft, persona: str | None) -> tuple[str | None, str | None]:
    """Stages and touchpoints into `draft`; returns the persona's name and the brand's, if any."""
    tasks = [task for section in diagram.sections for task in section.tasks]
    counts = Counter(actor for task in tasks for actor in dict.fromkeys(task.actors))
    hero = counts.most_common(1)[0][0] if counts else None
    roles = _Roles(hero)
    for section in diagram.sections:
        name = section.label if section.name is None else section.name
        draft.stage(phase_from_label(section.label), name, section.line.pos(0))
        for task in section.tasks:
            values: dict[str, object] = {"title": task.name, **roles.actor(task.actors)}
            if task.emotion is not None:
                values["emotion"] = task.emotion
            draft.touchpoint(values, {(key,): task.line.pos(0) for key in values},
                             f"the task on line {task.line.number}")
    customer = hero is not None and hero.lower() != "customer"
    brand = next(iter(roles.others)) if len(roles.others) == 1 else None
    return persona or (hero if customer else None), brand


class _Roles:
    """Who acts at a task: the hero alone is the customer; `Advocate`, `Partner`, `Customer` and
    `Brand` name their role; any other name is the brand's."""

    words = ACTORS

    def __init__(self, hero: str | None) -> None:
        self.hero = hero
        self.others: set[str] = set()

    def actor(self, actors: list[str]) -> dict[str, object]:
        others = [a for a in actors if a != self.hero]
        self.others.update(a for a in others if a.lower() not in self.words)
        if not others:
            return {"actor": "customer"} if actors else {}
        role = next((a.lower() for a in others if a.lower() in self.words), "brand")
        return {} if role == "brand" else {"actor": role}
