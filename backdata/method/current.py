"""The current method: what the API, the drawings, the explorer and the builders read (``backdata.REGIONS``,
``backdata.region``, ``backdata.plan``, the plates …). It starts as the classical method the package ships
(:data:`backdata.method.classical.METHOD`), read from its file on first use (``import backdata`` reads no file);
:func:`use_method` switches it, :func:`using` switches it for a ``with`` block (tests, one build)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from backdata.core.errors import BackdataError, shown
from backdata.core.method_type import Method

__all__ = ["current", "use_method", "using"]

_current: list[Method | None] = [None]  # None: the classical method, not read yet


def current() -> Method:
    """The method the package reads now (the classical method until :func:`use_method`)."""
    m = _current[0]
    if m is None:
        m = _current[0] = _classical()
    return m


def _classical() -> Method:
    from backdata.method.files.classical import classical_method  # the reader, on first use (import time)

    return classical_method()


def _as_method(method: Method | str | Path | None) -> Method:
    if method is None:
        return _classical()
    if isinstance(method, Method):
        return method
    if isinstance(method, str | Path):
        from backdata.method.files import load_method

        return load_method(method)
    raise BackdataError(
        f"a method is a Method (backdata.load_method(path)), the path of a method file or None (the classical "
        f"method), got {shown(method)}"
    )


def use_method(method: Method | str | Path | None) -> Method:
    """Make ``method`` current: a :class:`Method`, the path of a method file (loaded and checked: a file with
    problems raises :class:`BackdataError` listing them) or ``None`` for the classical method. Returns it."""
    m = _as_method(method)
    _current[0] = m
    return m


@contextmanager
def using(method: Method | str | Path | None) -> Iterator[Method]:
    """``with using(m):`` — ``m`` is current inside the block; the method current before is restored after it."""
    m = _as_method(method)
    before = current()
    _current[0] = m
    try:
        yield m
    finally:
        _current[0] = before
