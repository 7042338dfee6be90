"""The sample maps rendered once for every browser test of the session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.render.browsing import render_samples


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample map (and a map of very long words) rendered by the real `cjm render`."""
    return render_samples(tmp_path_factory.mktemp("site"))
