"""Method files: a whole massage method as a human-editable TOML file — written (:func:`dump_method`), checked
(:func:`check_method`, every problem at once, with its line and key path) and loaded (:func:`load_method`).

The format is described in the header of the file :func:`dump_method` writes (``backdata method init FILE``):
top-level ``title``, ``source`` (the text the cites quote, relative to the file), ``session_order`` and
``text_order``; ``[notice]``; ``[cites]`` (named cites); ``[regions.<name>]`` with ``[[regions.<name>.lines]]``
(a course on levels, landmarks or raw ``[x, y]``) and ``[[regions.<name>.steps]]``; ``[closing]``;
``[cautions.<key>]``; ``[rules.<key>]``; ``[[tensions]]``.

Modules: :mod:`.emit` (TOML text of values), :mod:`.dump` (the writer), :mod:`.classical` (the package's method
as a :class:`~backdata.core.method_type.Method`, from the live data), :mod:`.locate` (key path → line),
:mod:`.values` (reading values, recording problems), :mod:`.read` (the method and its checks).

Phase 2 (issue 13): the package's method is a loaded method
---------------------------------------------------------------
2a (done): the classical method ships as ``backdata/method/classical.toml`` (generated once by
:func:`dump_method` from the former Python data, then hand-edited: the scapula's rubbing on its landmark, its zone
as an ellipse, comments on how the lines were built) and :mod:`backdata.method.classical` loads it with
:func:`load_method` (:mod:`.classical` here: ``classical_method()``, ``init_text()`` for ``method init``). One
current method (:mod:`backdata.method.current`: ``current()``, ``use_method()``, ``using()``; public as
``bd.current_method``, ``bd.use_method``, ``bd.using``, ``bd.load_method``) is read by ``REGIONS`` (a live
mapping), ``region()``, the tables (session order, rules, closing), validate, the notebook glue, the quiz, the
planner and the handouts, sheets and slides (notice, text order); ``bd.CAUTIONS``, ``RULES``, ``SESSION_ORDER``,
``NOTICE`` … are read from it on access. The explorer's figure cache is keyed by method.

2b (done): ``backdata build --method FILE`` checks the file (every problem, exit 1, nothing built), makes it
current for the build (``using``) and sets ``BACKDATA_METHOD`` for the notebook kernels, which switch to it when
they import :mod:`backdata.interact.notebook`. For a method equal to the classical one the shipped notebooks are
built as they are; for another, :mod:`backdata.publish.method_notebooks` generates one notebook per region from
the data and leaves out the cells tagged ``classical`` (prose stating the classical numbers keeps only its
headings; code examples on classical regions are dropped). A region may give its ``color`` (a palette name) and
``hatch``; the theme (:func:`backdata.views.theme.region_looks`) takes the region's choice, else the classical
table, else a colour and hatch no other region uses, so a new region validates and draws. Technique information
(``TECHNIQUES``: limits and their cites) stays package data and validate checks its cites against the shipped
text, the method's own cites against the method's text (a method with its own text checks clean:
``tests/methods/own-text.toml``). Not yet: navigation cells for a generated notebook set.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from backdata.core.errors import BackdataError
from backdata.core.method_type import Method, Problem
from backdata.method.files.dump import FORMAT, dump_method
from backdata.method.files.locate import key_lines
from backdata.method.files.read import read_method
from backdata.method.files.values import Reader

__all__ = ["FORMAT", "Method", "Problem", "check_method", "check_text", "dump_method", "load_method"]


def check_text(text: str, file: str = "<method>", folder: Path | str = ".") -> tuple[Method | None, list[Problem]]:
    """Read a method file's ``text`` (``folder``: where its relative ``source`` path starts); the method, or
    ``None``, and every problem found, in the order of the file's lines."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        line = int(m.group(1)) if m else 0
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(e)) or "invalid TOML"
        col = f" (column {m.group(2)})" if m else ""
        hint = "; text goes in quotes, lists in [ ], one key = value per line"
        return None, [Problem(file, line, "", f"TOML syntax error{col}: {what}{hint}")]
    if not data:
        why = "the file is empty" if not text.strip() else "the file has no keys (only comments)"
        return None, [Problem(file, 0, "", f"{why}: expected a method; `backdata method init FILE` writes one to edit")]
    reader = Reader(file, lambda: key_lines(text))
    method = read_method(reader, data, Path(folder), file)
    problems = sorted(set(reader.problems), key=lambda p: (p.line, p.key, p.message))
    return (method if not problems else None), problems


def check_method(path: Path | str) -> list[Problem]:
    """Every problem of the method file at ``path`` (empty when it is sound): its line, key path, what is wrong
    and what is allowed."""
    return _read(path)[1]


def load_method(path: Path | str) -> Method:
    """The method of the file at ``path``; raises :class:`BackdataError` listing every problem if it has any."""
    method, problems = _read(path)
    if problems or method is None:
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise BackdataError(f"{path}: {len(problems)} problem(s) in the method file:\n{shown}{more}")
    return method


def _read(path: Path | str) -> tuple[Method | None, list[Problem]]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(str(path), 0, "", "no such file; `backdata method init FILE` writes a method to edit")]
    except (OSError, UnicodeDecodeError) as e:
        return None, [Problem(str(path), 0, "", f"cannot be read: {getattr(e, 'strerror', None) or e}")]
    return check_text(text, str(path), p.parent)
