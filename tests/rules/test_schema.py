"""schema: wrong type, missing required key, unknown key, value out of its enum or range."""

from __future__ import annotations

from cjm.diagnostic import Severity
from tests.helpers import RuleChecker, run

check = RuleChecker("schema")
RULE = "schema"


def test_unknown_key_points_at_the_key() -> None:
    result = check('''
        cjm: 1
        title: Acme onboarding
        stages:
          - phase: awareness
            touchpoints:
              - id: tiktok-demo
                title: 15-second demo
                emotoin: 3
        ''', (8, 9, RULE))
    assert result.diagnostics[-1].severity is Severity.ERROR


def test_wrong_type_points_at_the_value() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: demo
                title: Demo
                emotion: high
        ''', (8, 18, RULE))


def test_out_of_range_in_flow_style() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: demo, title: Demo, emotion: -3}
        ''', (6, 42, RULE))


def test_missing_required_key_points_at_the_mapping() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: demo
                channel: social
        ''', (6, 9, RULE))


def test_missing_top_level_keys_point_at_the_start() -> None:
    check('''
        title: Acme
        ''', (1, 1, RULE), (1, 1, RULE))


def test_wrong_format_version() -> None:
    check('''
        cjm: 2
        title: Acme
        stages: []
        ''', (1, 6, RULE))


def test_bad_enum_and_bad_id() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: Demo One
                title: Demo
                step: conect
                actor: customers
        ''', (6, 13, RULE), (8, 15, RULE), (9, 16, RULE))


def test_repeated_phase_points_at_the_second() -> None:
    check('''
        cjm: 1
        title: Acme
        phases: [awareness, trial, awareness]
        stages: []
        ''', (3, 28, RULE))


def test_stages_as_a_mapping_and_top_level_list() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          phase: awareness
        ''', (4, 3, RULE))
    check('''
        - cjm: 1
        ''', (1, 1, RULE))


def test_bool_is_not_a_number_and_number_is_not_text() -> None:
    check('''
        cjm: true
        title: 2026
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, emotion: true, moment_of_truth: 1}
        ''', (1, 6, RULE), (2, 8, RULE), (6, 36, RULE), (6, 59, RULE))


def test_empty_title_and_empty_persona_name() -> None:
    check('''
        cjm: 1
        title: ""
        persona: {name: ""}
        stages: []
        ''', (2, 8, RULE), (3, 17, RULE))


def test_metrics_values_must_be_numbers_or_text() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - id: a
                title: A
                metrics: {reach: 1200, source: survey, ctr: [0.1]}
        ''', (8, 53, RULE))


def test_valid_map_with_every_field_passes() -> None:
    check('''
        cjm: 1
        title: Acme Notes, first ad to first referral
        brand: Acme Notes
        product: Notes
        owner: Growth team
        description: The whole journey
        state: future
        tags: [onboarding, b2c]
        persona:
          name: Maya
          role: Freelance designer
          quote: "I lose client notes in five different apps."
          goals: [Keep every client note in one place]
          frustrations: [Switching tools mid-project]
          prosumer: false
        narrative:
          hero: Maya
          open_role: The colleague who recommends the tool next
          story: Maya stops losing notes.
        phases: [awareness, involvement, trial, commitment, referral]
        stages:
          - phase: awareness
            name: Discover
            goal: Get noticed
            touchpoints:
              - id: tiktok-demo
                title: 15-second demo on TikTok
                channel: social
                actor: brand
                step: connect
                storytelling: corporate
                engagement: spectator
                emotion: -2
                doing: Scrolling
                thinking: Looks fast
                feeling: Curious
                pain_points: []
                opportunities: [Pin the free-trial link]
                moment_of_truth: false
                backstage: [Paid-social team tests creatives weekly]
                metrics: {reach: 120000, ctr: 0.021, source: survey}
                evidence: [2026 interview round, n=12]
                next: [landing_page-2]
              - {id: landing_page-2, title: Landing page, emotion: 2, actor: partner}
        ''')


def test_x_keys_are_allowed_in_every_mapping() -> None:
    check('''
        x-owner: {team: growth, list: [1, 2]}
        cjm: 1
        title: Acme
        persona: {name: Maya, x-segment: [freelance]}
        narrative: {hero: Maya, x-draft: true}
        stages:
          - phase: awareness
            x-notes: anything
            touchpoints:
              - id: a
                title: A
                x-figma: {frame: 12}
                metrics: {reach: 1, x-source: [survey, interviews]}
        ''')


def test_integer_valued_float_emotion_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: a, title: A, emotion: 1.0}
        ''')


ACTORS_MAP = '''
    cjm: 1
    title: Parking permit
    actors:
      - {id: resident, name: Resident, kind: customer}
      - {id: permits-team, name: Permits team, kind: backstage}
    stages:
      - phase: awareness
        touchpoints:
          - {id: apply, title: Applies, actor: resident, to: permits-team}
          - {id: check, title: Checks proof, actor: permits-tem}
          - {id: letter, title: Letter, actor: brand, to: residnet}
    '''


def test_an_actor_or_receiver_that_is_no_actor_is_a_schema_error_with_a_suggestion() -> None:
    check(ACTORS_MAP, (10, 49, "schema"), (11, 55, "schema"))
    messages = check.messages(ACTORS_MAP)
    assert messages == [
        "stages[0].touchpoints[1].actor (touchpoint 'check' in stage 'awareness') is the text 'permits-tem'; "
        "did you mean 'permits-team'?",
        "stages[0].touchpoints[2].to (touchpoint 'letter' in stage 'awareness') is the text 'residnet'; "
        "did you mean 'resident'?"]


def test_without_actors_the_four_built_in_actors_are_the_choice() -> None:
    result = run('''
        cjm: 1
        title: Acme
        stages:
          - phase: awareness
            touchpoints:
              - {id: ad, title: Ad, actor: custmer}
        ''')
    [finding] = result.diagnostics
    assert finding.rule == "schema" and (finding.line, finding.column) == (6, 36)
    assert finding.message.endswith("did you mean 'customer'?")
    assert finding.hint == ("allowed values: brand, customer, advocate, partner; or list your own under "
                            "`actors:` (each with an id, a name and a kind)")


def test_an_actor_cannot_take_a_built_in_id() -> None:
    check('''
        cjm: 1
        title: Acme
        actors:
          - {id: customer, name: Resident, kind: customer}
        stages: []
        ''', (4, 10, "schema"))


def test_an_actor_needs_a_known_kind() -> None:
    [message] = check.messages('''
        cjm: 1
        title: Acme
        actors:
          - {id: clerk, kind: frontline}
        stages: []
        ''')
    assert message == "actors[0].kind is the text 'frontline'; did you mean 'frontstage'?"
