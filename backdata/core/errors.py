"""One exception type for bad input, and the small checks that raise it.

Every public function turns its arguments through these helpers (and :func:`backdata.method.regions.as_step`,
:func:`backdata.method.regions.as_regions`), so a wrong value always gives one line: what was wrong, what is allowed.
"""

from __future__ import annotations

import difflib
import math
import numbers
import reprlib
from collections.abc import Iterable

__all__ = ["BackdataError", "as_bool", "as_int", "as_number", "as_type", "choose", "shown"]

_repr = reprlib.Repr()
_repr.maxstring = 40
_repr.maxother = 40
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 4


class BackdataError(ValueError):
    """Bad input to backdata: the message names what was wrong and what is allowed."""


def shown(value: object) -> str:
    """``value`` for an error message: its type and a short ``repr`` on one line (``"float 1.5"``)."""
    return f"{type(value).__name__} {_repr.repr(value)}"


def choose(kind: str, value: object, valid: Iterable[str], aliases: dict[str, str] | None = None) -> str:
    """Return ``value`` as one of the ``valid`` names, or raise :class:`BackdataError`.

    Matching ignores case and surrounding space and treats ``-`` and spaces as ``_``; ``aliases`` maps other
    accepted spellings to a valid name. The error names the closest valid name and lists them all.
    """
    names = list(valid)
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_").replace(" ", "_")
        for name in names:
            if key == name.lower():
                return name
        if aliases and key in aliases:
            return aliases[key]
        close = difflib.get_close_matches(key, [n.lower() for n in names] + list(aliases or ()), n=1, cutoff=0.6)
        hint = ""
        if close:
            match = (aliases or {}).get(close[0]) or next(n for n in names if n.lower() == close[0])
            hint = f" did you mean {match!r}?"
        raise BackdataError(f"unknown {kind} {_repr.repr(value)}:{hint} valid: {', '.join(names)}")
    raise BackdataError(f"{kind} must be a name (str), got {shown(value)}; valid: {', '.join(names)}")


def _is_numpy_bool(value: object) -> bool:
    dtype = getattr(value, "dtype", None)
    return getattr(dtype, "kind", None) == "b" and getattr(value, "shape", None) == ()


def as_bool(name: str, value: object) -> bool:
    """``value`` if it is a real bool (``True``/``False``, or a numpy bool); else :class:`BackdataError`.

    ``"no"``, ``0`` or ``None`` are refused: a flag given as text would otherwise count as true.
    """
    if isinstance(value, bool):
        return value
    if _is_numpy_bool(value):
        return bool(value)
    raise BackdataError(f"{name} must be True or False, got {shown(value)}")


def as_int(name: str, value: object, lo: int, hi: int | None = None, *, where: str = "", note: str = "") -> int:
    """``value`` as an ``int`` in ``lo..hi`` (``hi=None``: no upper bound); bools and floats are refused.

    numpy integers are accepted. ``where`` (``" for region 'lumbar'"``) and ``note`` (``" (0 = …)"``) go into
    the message, which states the valid range.
    """
    allowed = f"valid {lo}–{hi}{where}{note}" if hi is not None else f"valid {lo} or more{where}{note}"
    if isinstance(value, bool) or _is_numpy_bool(value) or not isinstance(value, numbers.Integral):
        raise BackdataError(f"{name} must be a whole number (int), got {shown(value)}; {allowed}")
    n = int(value)
    if n < lo or (hi is not None and n > hi):
        raise BackdataError(f"{name} {n} is out of range; {allowed}")
    return n


def as_number(name: str, value: object, *, positive: bool = False) -> float:
    """``value`` as a finite real number (``> 0`` if ``positive``); bools, text and NaN are refused."""
    allowed = "a number greater than 0" if positive else "a finite number"
    if isinstance(value, bool) or _is_numpy_bool(value) or not isinstance(value, numbers.Real):
        raise BackdataError(f"{name} must be {allowed}, got {shown(value)}")
    x = float(value)
    if not math.isfinite(x) or (positive and x <= 0):
        raise BackdataError(f"{name} must be {allowed}, got {shown(value)}")
    return x


def as_type(name: str, value: object, types: type | tuple[type, ...], what: str, *, optional: bool = False):
    """``value`` if it is an instance of ``types`` (or ``None`` when ``optional``); ``what`` says what is
    allowed in the message (``"a matplotlib Axes"``)."""
    if (optional and value is None) or isinstance(value, types):
        return value
    raise BackdataError(f"{name} must be {what}{' or None' if optional else ''}, got {shown(value)}")
