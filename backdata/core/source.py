"""The source text, shipped with the package, and a check that a citation quotes it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from backdata.core.errors import BackdataError
from backdata.core.model import Cite

__all__ = ["SOURCE_TITLE", "quote_problem", "source_line", "source_lines"]

SOURCE_TITLE = "How to do a back massage"
"""Title of the source text (an anonymous web article, in English translation)."""


@cache
def source_lines() -> tuple[str, ...]:
    """The source text's lines; ``source_lines()[0]`` is line 1."""
    text = resources.files("backdata").joinpath("source/back-massage.txt").read_text(encoding="utf-8")
    return tuple(text.splitlines())


def source_line(number: int) -> str:
    """Line ``number`` (1-based) of the source text."""
    lines = source_lines()
    if not 1 <= number <= len(lines):
        raise BackdataError(f"source line {number} does not exist: valid 1–{len(lines)}")
    return lines[number - 1]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"')).strip().lower()


def quote_problem(cite: Cite, lines: Sequence[str] | None = None) -> str | None:
    """Why ``cite`` does not hold (a line that does not exist, a quote not found on its lines), or ``None``.

    ``lines`` are the lines of the text the cite quotes (``lines[0]`` is line 1): an instructor's own text, read
    by :mod:`backdata.method.files`; ``None`` is the shipped source text."""
    text_lines = source_lines() if lines is None else tuple(lines)
    if not cite.lines:
        return None if cite.reference else "cites neither a source line nor a reference"
    n = len(text_lines)
    bad = [ln for ln in cite.lines if not 1 <= ln <= n]
    if bad:
        return f"cites source line(s) {bad} beyond the text's {n} lines"
    if not cite.quote:
        return f"cites source line(s) {list(cite.lines)} without a quote"
    text = _norm(" ".join(text_lines[ln - 1] for ln in cite.lines))
    if _norm(cite.quote) not in text:
        return f"quote {cite.quote!r} is not on source line(s) {list(cite.lines)}"
    return None
