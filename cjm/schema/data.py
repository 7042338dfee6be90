"""journey-map.schema.json as Python data, read by cjm.schema without a JSON parse.

Written by tests/test_schema_data.py from the JSON file (CJM_UPDATE_GOLDEN=1); do not edit.
"""

from __future__ import annotations

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any

SCHEMA: dict[str, Any] = {'$schema': 'https://json-schema.org/draft/2020-12/schema',
 'title': 'cjm journey map, format version 1',
 'type': 'object',
 'required': ['cjm', 'title', 'stages'],
 'properties': {'cjm': {'const': 1, 'description': 'The format version of the map: always 1.'},
                'title': {'type': 'string',
                          'minLength': 1,
                          'description': "The map's title: which journey this is, in one line.",
                          'examples': ['Acme Notes, first ad to first referral']},
                'brand': {'type': 'string',
                          'description': 'The brand the customer meets on this journey.',
                          'examples': ['Acme Notes']},
                'product': {'type': 'string',
                            'description': 'The product or service the journey is about.',
                            'examples': ['Acme Notes Pro']},
                'owner': {'type': 'string',
                          'description': 'Who keeps this map up to date: a person or a team.',
                          'examples': ['Growth team']},
                'description': {'type': 'string',
                                'description': 'A longer description: whose journey this is, where '
                                               'it starts and where it should end.'},
                'state': {'enum': ['current', 'future'],
                          'default': 'current',
                          'description': 'Whether the map shows the journey as it is today '
                                         '(current, the default) or as it should become (future).',
                          'markdownEnumDescriptions': ['The journey as it is today (the default).',
                                                       'The journey as it should become: a plan.']},
                'based_on': {'type': 'string',
                             'minLength': 1,
                             'description': 'For a future-state map: the map it changes, as a path '
                                            'relative to this file (e.g. current.cjm.yaml). cjm '
                                            'validate compares the two and reports what got worse; '
                                            'cjm render shows the changes.'},
                'tags': {'type': 'array',
                         'items': {'type': 'string'},
                         'description': 'Free labels to find maps by.',
                         'examples': [['onboarding', 'b2c']]},
                'persona': {'$ref': '#/$defs/persona',
                            'description': "Whose journey this is: the persona's name, role, "
                                           'words, goals and frustrations.'},
                'narrative': {'$ref': '#/$defs/narrative',
                              'description': 'The story the map tells: its hero, the open role '
                                             'waiting for a customer to step into it, and the '
                                             'story in a sentence.'},
                'actors': {'type': 'array',
                           'items': {'$ref': '#/$defs/actor'},
                           'description': 'Who acts in this journey besides the four built-in '
                                          'actors (brand, customer, advocate, partner): people, '
                                          "teams and systems, each with an id that a touchpoint's "
                                          '`actor` or `to` names. A blueprint layout gives each '
                                          'one a lane.'},
                'layout': {'enum': ['journey', 'blueprint'],
                           'default': 'journey',
                           'description': 'How `cjm render` lays out the grid: journey (one row of '
                                          'touchpoint cards) or blueprint (one lane per actor, a '
                                          'service blueprint). `cjm render --layout` overrides it.',
                           'markdownEnumDescriptions': ['One row of touchpoint cards under the '
                                                        'stages (the default).',
                                                        'A service blueprint: one lane per actor, '
                                                        'the line of visibility between the '
                                                        "customer's side and the backstage."]},
                'phases': {'type': 'array',
                           'items': {'type': 'string', 'minLength': 1},
                           'minItems': 1,
                           'uniqueItems': True,
                           'default': ['awareness',
                                       'involvement',
                                       'trial',
                                       'commitment',
                                       'referral'],
                           'maxItems': 1000,
                           'description': 'The phases of the brand-marketing process this journey '
                                          'walks through, in order. Every stage belongs to one of '
                                          'them; your own names are allowed. Default: awareness, '
                                          'involvement, trial, commitment, referral.',
                           'markdownDescription': 'The phases of the brand-marketing process this '
                                                  "journey walks through, in order. Every stage's "
                                                  '`phase` is one of them; your own names are '
                                                  'allowed.\n'
                                                  '\n'
                                                  'Default: `[awareness, involvement, trial, '
                                                  'commitment, referral]`.'},
                'stages': {'type': 'array',
                           'items': {'$ref': '#/$defs/stage'},
                           'maxItems': 10000,
                           'description': 'The stages of the journey, in journey order. Each stage '
                                          'belongs to one phase and lists its touchpoints; several '
                                          'stages may share a phase.'}},
 'patternProperties': {'^x-': {'description': 'An extension key of your own (it starts with x-): '
                                              'cjm accepts any value and ignores it.'}},
 'additionalProperties': False,
 '$defs': {'persona': {'type': 'object',
                       'required': ['name'],
                       'properties': {'name': {'type': 'string',
                                               'minLength': 1,
                                               'description': "The persona's name (required). It "
                                                              'is also the hero of the narrative '
                                                              'unless narrative.hero names '
                                                              'another.',
                                               'examples': ['Maya']},
                                      'role': {'type': 'string',
                                               'description': "The persona's job or situation.",
                                               'examples': ['Freelance designer']},
                                      'quote': {'type': 'string',
                                                'description': "A sentence in the persona's own "
                                                               'words, from an interview.',
                                                'examples': ['I lose client notes in five '
                                                             'different apps.']},
                                      'goals': {'type': 'array',
                                                'items': {'type': 'string'},
                                                'description': 'What the persona wants to get '
                                                               'done.'},
                                      'frustrations': {'type': 'array',
                                                       'items': {'type': 'string'},
                                                       'description': "What gets in the persona's "
                                                                      'way today.'},
                                      'prosumer': {'type': 'boolean',
                                                   'description': 'True when the persona '
                                                                  'co-creates with the brand '
                                                                  '(reviews, content, referrals). '
                                                                  'Prosumers are always engaged: a '
                                                                  'touchpoint that does not set '
                                                                  'engagement counts as engaged.',
                                                   'markdownDescription': '`true` when the persona '
                                                                          'co-creates with the '
                                                                          'brand (reviews, '
                                                                          'content, referrals). '
                                                                          'Prosumers are always '
                                                                          'engaged: a touchpoint '
                                                                          'that does not set '
                                                                          '`engagement` counts as '
                                                                          '`engaged`, and one that '
                                                                          'sets `spectator` or '
                                                                          '`participant` gets a '
                                                                          '`prosumer-not-engaged` '
                                                                          'warning.'}},
                       'patternProperties': {'^x-': {'description': 'An extension key of your own '
                                                                    '(it starts with x-): cjm '
                                                                    'accepts any value and ignores '
                                                                    'it.'}},
                       'additionalProperties': False,
                       'description': "Whose journey this is: the persona's name, role, words, "
                                      'goals and frustrations.'},
           'narrative': {'type': 'object',
                         'properties': {'hero': {'type': 'string',
                                                 'minLength': 1,
                                                 'description': 'The hero of the story: the '
                                                                'customer, not the brand. Default: '
                                                                "the persona's name.",
                                                 'examples': ['Maya']},
                                        'open_role': {'type': 'string',
                                                      'minLength': 1,
                                                      'description': 'The role in the story left '
                                                                     'less defined, waiting for a '
                                                                     'customer to step into it. '
                                                                     'Mark the touchpoint where '
                                                                     'someone takes it with '
                                                                     'steps_into_role: true.',
                                                      'markdownDescription': 'The role in the '
                                                                             'story left less '
                                                                             'defined, waiting for '
                                                                             'a customer to step '
                                                                             'into it. Mark the '
                                                                             'touchpoint where '
                                                                             'someone takes it '
                                                                             'with '
                                                                             '`steps_into_role: '
                                                                             'true`; without an '
                                                                             'open role, '
                                                                             '`no-narrative` says '
                                                                             'that no role waits '
                                                                             'for the customer.',
                                                      'examples': ['The colleague who recommends '
                                                                   'the tool next']},
                                        'story': {'type': 'string',
                                                  'minLength': 1,
                                                  'description': 'The story the map tells, in a '
                                                                 'sentence or two.',
                                                  'examples': ['Maya stops losing notes and '
                                                               'becomes the one who tells '
                                                               'others.']}},
                         'patternProperties': {'^x-': {'description': 'An extension key of your '
                                                                      'own (it starts with x-): '
                                                                      'cjm accepts any value and '
                                                                      'ignores it.'}},
                         'additionalProperties': False,
                         'description': 'The story the map tells: its hero, the open role waiting '
                                        'for a customer to step into it, and the story in a '
                                        'sentence.'},
           'actor': {'type': 'object',
                     'required': ['id', 'kind'],
                     'properties': {'id': {'type': 'string',
                                           'pattern': '^[a-z0-9][a-z0-9_-]*$',
                                           'description': 'Lowercase letters, digits, - and _, '
                                                          'starting with a letter or digit; unique '
                                                          'among the actors and not one of the '
                                                          'built-in actors (brand, customer, '
                                                          'advocate, partner). Touchpoints name it '
                                                          'in `actor` and `to`.',
                                           'examples': ['support-team']},
                                    'name': {'type': 'string',
                                             'minLength': 1,
                                             'description': 'The label shown on cards and lanes '
                                                            '(default: the id).',
                                             'examples': ['Support team']},
                                    'kind': {'enum': ['customer',
                                                      'frontstage',
                                                      'backstage',
                                                      'support',
                                                      'system'],
                                             'description': 'What kind of actor this is: customer '
                                                            '(the people the journey is about: '
                                                            'their shares are advocate '
                                                            'storytelling and they can step into '
                                                            'the open role), frontstage (staff the '
                                                            'customer meets), backstage (staff the '
                                                            'customer does not see), support '
                                                            '(teams and partners that support the '
                                                            'service) or system (software and '
                                                            'machines). Everyone but customers '
                                                            'acts for the brand.',
                                             'markdownEnumDescriptions': ['The people the journey '
                                                                          'is about: their shares '
                                                                          'are advocate '
                                                                          'storytelling and they '
                                                                          'can step into the open '
                                                                          'role.',
                                                                          'Staff the customer '
                                                                          'meets.',
                                                                          'Staff the customer does '
                                                                          'not see.',
                                                                          'Teams and partners that '
                                                                          'support the service.',
                                                                          'Software and '
                                                                          'machines.']}},
                     'patternProperties': {'^x-': {'description': 'An extension key of your own '
                                                                  '(it starts with x-): cjm '
                                                                  'accepts any value and ignores '
                                                                  'it.'}},
                     'additionalProperties': False,
                     'description': 'Someone or something that acts in the journey: a person, a '
                                    'team or a system.'},
           'stage': {'type': 'object',
                     'required': ['phase', 'touchpoints'],
                     'properties': {'phase': {'type': 'string',
                                              'minLength': 1,
                                              'description': 'The phase this stage belongs to: one '
                                                             'of `phases` (default: awareness, '
                                                             'involvement, trial, commitment, '
                                                             'referral). Several stages may share '
                                                             'a phase.',
                                              'examples': ['awareness']},
                                    'name': {'type': 'string',
                                             'description': "The stage's label on the rendered map "
                                                            '(default: the phase, capitalised).',
                                             'examples': ['Discover']},
                                    'goal': {'type': 'string',
                                             'description': 'What the brand wants from this stage.',
                                             'examples': ['Get noticed by freelancers']},
                                    'touchpoints': {'type': 'array',
                                                    'items': {'$ref': '#/$defs/touchpoint'},
                                                    'maxItems': 100000,
                                                    'description': 'The touchpoints of this stage, '
                                                                   'in the order the customer '
                                                                   'meets them (may be empty: '
                                                                   '[]).'}},
                     'patternProperties': {'^x-': {'description': 'An extension key of your own '
                                                                  '(it starts with x-): cjm '
                                                                  'accepts any value and ignores '
                                                                  'it.'}},
                     'additionalProperties': False,
                     'description': 'A stage of the journey, in one phase, with its touchpoints in '
                                    'order.'},
           'touchpoint': {'type': 'object',
                          'required': ['id', 'title'],
                          'properties': {'id': {'type': 'string',
                                                'pattern': '^[a-z0-9][a-z0-9_-]*$',
                                                'description': 'Lowercase letters, digits, - and '
                                                               '_, starting with a letter or '
                                                               'digit; unique in the map.',
                                                'examples': ['tiktok-demo']},
                                         'title': {'type': 'string',
                                                   'minLength': 1,
                                                   'description': 'What happens, in a few words.',
                                                   'examples': ['15-second demo on TikTok']},
                                         'channel': {'type': 'string',
                                                     'description': 'Where it happens: social, '
                                                                    'email, web, store, event, '
                                                                    'word-of-mouth, or any other '
                                                                    'word.',
                                                     'examples': ['social',
                                                                  'email',
                                                                  'web',
                                                                  'store',
                                                                  'event',
                                                                  'word-of-mouth']},
                                         'actor': {'type': 'string',
                                                   'minLength': 1,
                                                   'default': 'brand',
                                                   'description': 'Who acts at this touchpoint: '
                                                                  'brand (the default), customer, '
                                                                  'advocate, partner, or the id of '
                                                                  "one of the map's `actors`.",
                                                   'examples': ['brand',
                                                                'customer',
                                                                'advocate',
                                                                'partner']},
                                         'to': {'type': 'string',
                                                'minLength': 1,
                                                'description': 'Who receives this touchpoint, when '
                                                               'someone does (a message, a '
                                                               'hand-over): a built-in actor or '
                                                               "the id of one of the map's "
                                                               '`actors`.',
                                                'examples': ['customer']},
                                         'step': {'enum': ['connect',
                                                           'inform',
                                                           'entertain',
                                                           'share'],
                                                  'description': "The touchpoint's step in the "
                                                                 'engagement sequence: connect, '
                                                                 'inform, entertain, share. A '
                                                                 'touchpoint without a step is '
                                                                 'skipped by the sequence.',
                                                  'markdownDescription': "The touchpoint's step in "
                                                                         'the engagement sequence '
                                                                         '**Connect → Inform → '
                                                                         'Entertain → Share**. '
                                                                         'Each phase should walk '
                                                                         'all four, in order; a '
                                                                         'touchpoint without a '
                                                                         'step is skipped by the '
                                                                         'sequence.',
                                                  'markdownEnumDescriptions': ['**Connect**: the '
                                                                               'first contact, '
                                                                               'reaching the '
                                                                               'customer.',
                                                                               '**Inform**: useful '
                                                                               'information, after '
                                                                               'the connect.',
                                                                               '**Entertain**: an '
                                                                               'enjoyable, '
                                                                               'engaging moment, '
                                                                               'after the inform.',
                                                                               '**Share**: the '
                                                                               'customer passes '
                                                                               'the experience '
                                                                               'on.']},
                                         'storytelling': {'enum': ['corporate', 'advocate'],
                                                          'description': 'Who tells the story, on '
                                                                         'a share: corporate (the '
                                                                         'brand) or advocate '
                                                                         '(customers tell it for '
                                                                         'the brand). On a share '
                                                                         'it defaults to advocate '
                                                                         'when the actor is a '
                                                                         'customer or advocate, '
                                                                         'else corporate; on other '
                                                                         'touchpoints it is unset '
                                                                         'unless you set it.',
                                                          'markdownEnumDescriptions': ['The brand '
                                                                                       'tells its '
                                                                                       'own story '
                                                                                       '(the '
                                                                                       'default on '
                                                                                       'a share by '
                                                                                       'the brand '
                                                                                       'or a '
                                                                                       'partner).',
                                                                                       'Customers '
                                                                                       'tell the '
                                                                                       'story for '
                                                                                       'the brand: '
                                                                                       'word of '
                                                                                       'mouth (the '
                                                                                       'default on '
                                                                                       'a share by '
                                                                                       'a customer '
                                                                                       'or an '
                                                                                       'advocate).']},
                                         'engagement': {'enum': ['spectator',
                                                                 'participant',
                                                                 'engaged'],
                                                        'description': 'How much the customer '
                                                                       'takes part: spectator '
                                                                       '(watches), participant '
                                                                       '(shows up) or engaged '
                                                                       '(rich interaction). Unset, '
                                                                       'it counts as participant, '
                                                                       'or engaged for a prosumer.',
                                                        'markdownDescription': 'How much the '
                                                                               'customer takes '
                                                                               'part. Unset, it '
                                                                               'counts as '
                                                                               '`participant`, or '
                                                                               '`engaged` for a '
                                                                               'prosumer. The '
                                                                               'score weighs '
                                                                               'spectator 0, '
                                                                               'participant 50, '
                                                                               'engaged 100.',
                                                        'markdownEnumDescriptions': ['**Spectator**: '
                                                                                     'only watches '
                                                                                     '(counts 0 in '
                                                                                     "the score's "
                                                                                     'depth).',
                                                                                     '**Participant**: '
                                                                                     'shows up, '
                                                                                     'takes part '
                                                                                     '(counts 50).',
                                                                                     '**Engaged**: '
                                                                                     'rich '
                                                                                     'interaction '
                                                                                     'and '
                                                                                     'involvement '
                                                                                     '(counts '
                                                                                     '100).']},
                                         'emotion': {'type': 'integer',
                                                     'minimum': -2,
                                                     'maximum': 2,
                                                     'description': 'How the customer feels here: '
                                                                    'a whole number from -2 (very '
                                                                    'negative) to 2 (very '
                                                                    'positive).',
                                                     'markdownDescription': 'How the customer '
                                                                            'feels here: a whole '
                                                                            'number, `-2` very '
                                                                            'negative, `-1` '
                                                                            'negative, `0` '
                                                                            'neutral, `1` '
                                                                            'positive, `2` very '
                                                                            'positive.',
                                                     'examples': [1]},
                                         'doing': {'type': 'string',
                                                   'description': 'What the customer does at this '
                                                                  'touchpoint.',
                                                   'examples': ['Scrolling in a break']},
                                         'thinking': {'type': 'string',
                                                      'description': 'What the customer thinks at '
                                                                     'this touchpoint.',
                                                      'examples': ['That looks faster than my '
                                                                   'notes app']},
                                         'feeling': {'type': 'string',
                                                     'description': 'What the customer feels, in '
                                                                    'words (emotion holds the '
                                                                    'number).',
                                                     'examples': ['Curious']},
                                         'pain_points': {'type': 'array',
                                                         'items': {'type': 'string'},
                                                         'description': 'What goes wrong for the '
                                                                        'customer here.'},
                                         'opportunities': {'type': 'array',
                                                           'items': {'type': 'string'},
                                                           'description': 'What the team could do '
                                                                          'better here.'},
                                         'moment_of_truth': {'type': 'boolean',
                                                             'description': 'True for a moment '
                                                                            'that decides the '
                                                                            'relationship.'},
                                         'backstage': {'type': 'array',
                                                       'items': {'type': 'string'},
                                                       'description': 'What happens behind the '
                                                                      'line of visibility (the '
                                                                      'service-blueprint lane).'},
                                         'metrics': {'type': 'object',
                                                     'patternProperties': {'^x-': {'description': 'An '
                                                                                                  'extension '
                                                                                                  'key '
                                                                                                  'of '
                                                                                                  'your '
                                                                                                  'own '
                                                                                                  '(it '
                                                                                                  'starts '
                                                                                                  'with '
                                                                                                  'x-): '
                                                                                                  'cjm '
                                                                                                  'accepts '
                                                                                                  'any '
                                                                                                  'value '
                                                                                                  'and '
                                                                                                  'ignores '
                                                                                                  'it.'}},
                                                     'additionalProperties': {'type': ['number',
                                                                                       'string'],
                                                                              'description': 'One '
                                                                                             'measurement: '
                                                                                             'a '
                                                                                             'number '
                                                                                             'or '
                                                                                             'text.'},
                                                     'description': 'Measurements of this '
                                                                    'touchpoint: a name and a '
                                                                    'number or text for each.',
                                                     'examples': [{'reach': 120000, 'ctr': 0.021}]},
                                         'evidence': {'type': 'array',
                                                      'items': {'type': 'string'},
                                                      'description': 'The research that backs this '
                                                                     'touchpoint.',
                                                      'examples': [['2026 interview round, n=12']]},
                                         'message': {'type': 'string',
                                                     'minLength': 1,
                                                     'description': 'The words a sharer passes on. '
                                                                    'Advocates retell a brand with '
                                                                    'brutal concision: on a share '
                                                                    'told by customers or '
                                                                    'advocates, more than 10 words '
                                                                    'is a long-message warning.',
                                                     'examples': ['Notes that never get lost']},
                                         'steps_into_role': {'type': 'boolean',
                                                             'description': 'True where a customer '
                                                                            'steps into the '
                                                                            "narrative's open role "
                                                                            '(narrative.open_role). '
                                                                            'The actor must be '
                                                                            'customer, advocate or '
                                                                            "one of the map's "
                                                                            'actors of kind '
                                                                            'customer.',
                                                             'markdownDescription': '`true` where '
                                                                                    'a customer '
                                                                                    'steps into '
                                                                                    'the '
                                                                                    "narrative's "
                                                                                    'open role '
                                                                                    '(`narrative.open_role`). '
                                                                                    'The `actor` '
                                                                                    'must be '
                                                                                    '`customer`, '
                                                                                    '`advocate` or '
                                                                                    'one of the '
                                                                                    "map's "
                                                                                    '`actors` of '
                                                                                    'kind '
                                                                                    '`customer`.'},
                                         'next': {'type': 'array',
                                                  'items': {'type': 'string'},
                                                  'description': 'The ids of the touchpoints that '
                                                                 'follow this one (default: the '
                                                                 'next touchpoint in the file). [] '
                                                                 'ends the journey here.',
                                                  'markdownDescription': 'The ids of the '
                                                                         'touchpoints that follow '
                                                                         'this one. Default: the '
                                                                         'next touchpoint in the '
                                                                         'file; `[]` ends the '
                                                                         'journey here.',
                                                  'examples': [['landing-page']]}},
                          'patternProperties': {'^x-': {'description': 'An extension key of your '
                                                                       'own (it starts with x-): '
                                                                       'cjm accepts any value and '
                                                                       'ignores it.'}},
                          'additionalProperties': False,
                          'description': 'One moment where the customer meets the brand.'}},
 'description': 'A customer journey map for cjm: whose journey it is, its phases, and the stages '
                'and touchpoints where the customer meets the brand. Check it with `cjm validate`.'}
