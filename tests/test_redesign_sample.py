"""The redesign pair in sample_maps/redesign/: a current map and a future map `based_on` it.

The current map is clean; the future one takes the card wall out of the trial
and moves the pain to the first invoice, so its one finding is the
perverse consequence the README shows (tests/test_readme_examples.py holds that output true).
"""

from __future__ import annotations

from pathlib import Path

from cjm.check.engine import check_file
from cjm.cli.samples import list_samples
from cjm.fmt import format_text
from tests.harness import REPO, cjm

FOLDER = REPO / "sample_maps" / "redesign"
TODAY, REDESIGN = FOLDER / "acme-notes-today.cjm.yaml", FOLDER / "acme-notes-redesign.cjm.yaml"


def test_today_is_clean_and_the_redesign_is_based_on_it() -> None:
    today, redesign = check_file(TODAY), check_file(REDESIGN)
    assert today.diagnostics == [] and today.journey is not None and today.journey.text("state") == "current"
    assert redesign.journey is not None and redesign.journey.text("state") == "future"
    assert redesign.base is not None and Path(redesign.base.path).resolve() == TODAY.resolve()


def test_the_redesign_makes_the_trial_better_and_commitment_worse() -> None:
    [finding] = check_file(REDESIGN).diagnostics
    assert (finding.rule, finding.severity.value, finding.phase) == ("perverse-consequence", "warning",
                                                                      "commitment")
    assert finding.message == (
        "trial got better (score 87.5 → 100, mean emotion +0.5 → +1.5, pain points 2 → 0) "
        "but commitment got worse (mean emotion +1 → 0, pain points 0 → 3)")


def test_the_pair_is_in_canonical_layout() -> None:
    for path in (TODAY, REDESIGN):
        text = path.read_text("utf-8")
        assert format_text(text) == text, f"run `cjm fmt {path}`"


def test_validate_and_diff_of_the_pair() -> None:
    validated = cjm("validate", "sample_maps/redesign", cwd=REPO)
    assert validated.returncode == 0 and "2 maps checked: 1 warning" in validated.stdout
    compared = cjm("diff", "sample_maps/redesign/acme-notes-today.cjm.yaml",
                   "sample_maps/redesign/acme-notes-redesign.cjm.yaml", cwd=REPO)
    assert compared.returncode == 0
    assert "Touchpoints: 2 added (ad hoc), 2 removed (missing), 1 changed" in compared.stdout


def test_init_offers_the_single_maps_not_the_pair() -> None:
    """A future map copied alone would name a map that is not there: cjm init --from skips the pair."""
    names = {sample.name for sample in list_samples()}
    assert names and not names & {"acme-notes-today", "acme-notes-redesign"}

