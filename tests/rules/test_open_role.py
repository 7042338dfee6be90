"""open-role: the open role is never taken, taken without being named, or taken by the brand."""

from __future__ import annotations

from tests.helpers import RuleChecker

check = RuleChecker("open-role")
RULE = "open-role"


def test_an_open_role_nobody_steps_into_points_at_the_role() -> None:
    result = check('''
        cjm: 1
        title: Acme
        narrative:
          open_role: The colleague who recommends Acme next
        stages:
          - phase: referral
            touchpoints:
              - {id: invite, title: Invite, step: share, actor: customer}
        ''', (4, 14, RULE))
    [message] = check.messages('''
        cjm: 1
        title: Acme
        narrative: {open_role: The colleague}
        stages: []
        ''')
    assert message.startswith("no touchpoint steps into the open role ('The colleague')")
    assert result.valid


def test_stepping_into_a_role_the_map_does_not_name() -> None:
    check('''
        cjm: 1
        title: Acme
        stages:
          - phase: referral
            touchpoints:
              - {id: invite, title: Invite, actor: customer, steps_into_role: true}
        ''', (6, 71, RULE, "referral"))


def test_the_brand_or_a_partner_cannot_take_the_customers_role() -> None:
    result = check('''
        cjm: 1
        title: Acme
        narrative: {open_role: The colleague who recommends Acme next}
        stages:
          - phase: referral
            touchpoints:
              - {id: brand-post, title: We post, steps_into_role: true}
              - {id: reseller, title: Reseller, actor: partner, steps_into_role: true}
              - {id: maya, title: Maya invites, actor: customer, steps_into_role: true}
        ''', (7, 59, RULE, "referral"), (8, 74, RULE, "referral"))
    messages = [d.message for d in result.diagnostics if d.rule == RULE]
    assert messages[0].startswith("'brand-post' steps into the open role as the brand")


def test_a_customer_stepping_into_the_named_role_passes() -> None:
    check('''
        cjm: 1
        title: Acme
        narrative: {open_role: The colleague who recommends Acme next}
        stages:
          - phase: referral
            touchpoints:
              - {id: maya, title: Maya invites, actor: advocate, steps_into_role: true}
        ''')


def test_declared_actors_step_in_by_their_kind() -> None:
    src = '''
        cjm: 1
        title: Parking permit
        narrative: {open_role: The neighbour who helps the next resident apply}
        actors:
          - {id: neighbour, name: Neighbour, kind: customer}
          - {id: officer, name: Permit officer, kind: backstage}
        stages:
          - phase: referral
            touchpoints:
              - {id: helps, title: Helps a neighbour apply, actor: neighbour, steps_into_role: true}
              - {id: signs, title: Signs it off, actor: officer, steps_into_role: true}
        '''
    check(src, (11, 75, RULE, "referral"))
    [message] = check.messages(src)
    assert message.startswith("'signs' steps into the open role as Permit officer (backstage): ")
