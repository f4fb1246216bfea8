"""Shared set-up and helpers: the agg backend and closed figures for every test, the source-line check, the
handouts built once."""

from __future__ import annotations

import re

import matplotlib
import matplotlib.pyplot as plt
import pytest

from backdata.core.source import source_line

# In this process only: the notebooks' kernels (tests/test_notebooks.py) must pick their inline backend, so CI
# leaves MPLBACKEND unset and nothing here touches the environment.
matplotlib.use("agg")


@pytest.fixture(autouse=True)
def _close_figures():
    """Every test starts and ends with no pyplot figure open."""
    plt.close("all")
    yield
    plt.close("all")


def _norm(text: str) -> str:
    """Case, curly quotes and runs of space do not matter when a test looks for a quote in the source."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.fixture
def on_line():
    """``on_line(n, quote)``: assert that ``quote`` is on source line ``n`` (the fact a test checks is cited)."""

    def check(number: int, quote: str) -> None:
        line = source_line(number)
        assert _norm(quote) in _norm(line), f"{quote!r} is not on source line {number}: {line!r}"

    return check


@pytest.fixture(scope="session")
def handouts_dir(tmp_path_factory):
    """The handouts built once for the session (notebooks executed, PDF printed): ``.../handouts``."""
    from pathlib import Path

    from backdata.publish.handout import build_handouts

    root = tmp_path_factory.mktemp("build")
    notebooks = Path(__file__).resolve().parents[1] / "notebooks"
    build_handouts(root, notebooks, pdf=True)
    return root / "handouts"
