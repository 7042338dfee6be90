"""`cjm validate` streams: its peak memory does not grow with the number of maps it checks.

The real command, in a real process (and its pool), on FEW and then five times as many copies of
a map with findings; what is compared is the peak resident memory of the process and its
children, never time. Kept until the end as results (before streaming), each copy added about
18 KB (7 MiB between the two runs); streamed, the peak grows by about 0.3 MiB: what is kept of a
map is its path.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.harness import Limits, cjm_bounded

SAMPLE = Path(__file__).resolve().parents[2] / "sample_maps" / "needs-work" / "gaps-and-order.cjm.yaml"
FEW = 100
GROWTH_ALLOWED = 1.5 * 2**20
"""Bytes the peak may grow by from FEW maps to 5 × FEW (a path and its queue entry are kept per map)."""
LIMITS = Limits(memory_bytes=2**30, cpu_seconds=300, wall_seconds=300)


def _peak(folder: Path, count: int) -> int:
    """The peak memory of `cjm validate --format json` on `count` copies of SAMPLE in `folder`."""
    folder.mkdir()
    for number in range(count):
        shutil.copy(SAMPLE, folder / f"map-{number:05}.cjm.yaml")
    run = cjm_bounded("validate", folder, "--format", "json", cwd=folder, limits=LIMITS)
    assert run.over_limits(LIMITS) is None
    assert run.done.returncode == 0 and json.loads(run.done.stdout)["summary"]["files"] == count
    return run.peak_rss_bytes


@pytest.mark.slow
def test_the_peak_memory_is_flat_in_the_number_of_maps(tmp_path: Path) -> None:
    few = _peak(tmp_path / "few", FEW)
    many = _peak(tmp_path / "many", 5 * FEW)
    shown = f"{FEW} maps: {few / 2**20:.1f} MiB, {5 * FEW}: {many / 2**20:.1f} MiB"
    assert many - few < GROWTH_ALLOWED, shown
