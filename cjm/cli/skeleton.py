"""The text of a new map for `cjm init`: the template, filled in, every user value quoted safely."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cjm.fmt.quoting import yaml_text
from cjm.model import DEFAULT_PHASES, STEPS

TEMPLATE = "init.cjm.yaml.j2"

EXAMPLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "awareness": ("Get noticed by the people who need us", (
        ("Short video ad on social media", "social"), ("Blog post that names the problem", "web"),
        ("Behind-the-scenes reel", "social"), ("A customer posts about us", "social"))),
    "involvement": ("Help them evaluate us without friction", (
        ("Visits the website from the ad", "web"), ("Compares plans on the pricing page", "web"),
        ("Plays with the interactive demo", "web"), ("Forwards the demo to a colleague", "email"))),
    "trial": ("Let them succeed on their own", (
        ("Signs up for the free trial", "web"), ("Onboarding email with the first steps", "email"),
        ("First success in the product", "product"), ("Shares a first result with the team", "product"))),
    "commitment": ("Turn the trial into a purchase", (
        ("Reminder before the trial ends", "email"), ("Checkout with the plan that fits", "web"),
        ("Live welcome workshop", "event"), ("Writes a review", "web"))),
    "referral": ("Turn customers into advocates", (
        ("Invitation to the referral programme", "email"), ("Rewards explained in the app", "product"),
        ("Customer community meetup", "event"), ("Recommends us to a friend", "word-of-mouth"))),
}
GENERIC = ("Your goal for this stage (replace me)", (
    ("First contact in this phase (replace me)", "web"),
    ("Useful information in this phase (replace me)", "web"),
    ("An enjoyable moment in this phase (replace me)", "social"),
    ("The customer shares the experience (replace me)", "word-of-mouth")))
MESSAGES = {
    "awareness": "Finally someone gets how we work",
    "involvement": "Try the demo, it takes two minutes",
    "trial": "Look what I set up in one afternoon",
    "commitment": "Worth every cent",
    "referral": "You have to try this",
}
GENERIC_MESSAGE = "What the customer tells a friend (replace me)"
ENGAGEMENT = ("spectator", "participant", "engaged", "engaged")
EMOTION = (0, 1, 2, 2)

@dataclass(frozen=True)
class PhasePlan:
    name: str
    label: str
    goal: str
    slug: str
    touchpoints: list[dict[str, str | int]]


def plan_phases(phases: list[str]) -> list[PhasePlan]:
    """One stage per phase, one touchpoint per engagement step, ids unique in the map."""
    plans: list[PhasePlan] = []
    slugs: set[str] = set()
    for number, phase in enumerate(phases, start=1):
        slug = _slug(phase) or f"phase-{number}"
        if slug in slugs:
            slug = f"{slug}-{number}"
        slugs.add(slug)
        goal, steps = EXAMPLES.get(phase, GENERIC)
        last = number == len(phases)
        touchpoints: list[dict[str, str | int]] = [
            {"id": f"{slug}-{step}", "title": title, "channel": channel, "step": step,
             "actor": ("advocate" if last else "customer") if step == "share" else "brand",
             "engagement": ENGAGEMENT[i], "emotion": EMOTION[i],
             "message": MESSAGES.get(phase, GENERIC_MESSAGE) if step == "share" else "",
             "steps_into_role": int(last and step == "share")}
            for i, (step, (title, channel)) in enumerate(zip(STEPS, steps, strict=True))
        ]
        plans.append(PhasePlan(phase, phase[:1].upper() + phase[1:], goal, slug, touchpoints))
    return plans


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def render_skeleton(title: str, persona: str, phases: list[str] | None, schema_url: str) -> str:
    """The new map's YAML text (not yet in canonical layout: `cjm fmt` rules that)."""
    import jinja2

    from cjm.resources import TEMPLATES, data_dir

    folder = data_dir(TEMPLATES)
    if folder is None:
        raise FileNotFoundError(f"cjm's {TEMPLATES} folder is missing from this installation")
    source = (folder / TEMPLATE).read_text("utf-8")
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["yaml"] = yaml_text
    env.filters["yaml_flow"] = lambda value: yaml_text(value, flow=True)
    return env.from_string(source).render(
        schema_url=schema_url, title=title, persona=persona,
        phases=plan_phases(list(phases or DEFAULT_PHASES)), default_phases=phases is None)
