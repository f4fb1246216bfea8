"""Shared helpers for the data-module tests (tests/test_model_api.py … tests/test_validate.py)."""

from __future__ import annotations

import re

import pytest

from backdata.core.source import source_line


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
