"""One exception type for bad input, and the lookup that raises it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["BackdataError", "choose"]


class BackdataError(ValueError):
    """Bad input to backdata: the message names what was wrong and what is allowed."""


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
        close = difflib.get_close_matches(key, [n.lower() for n in names] + list(aliases or ()), n=1,
                                          cutoff=0.6)
        hint = ""
        if close:
            match = (aliases or {}).get(close[0]) or next(n for n in names if n.lower() == close[0])
            hint = f" did you mean {match!r}?"
        raise BackdataError(f"unknown {kind} {value!r}:{hint} valid: {', '.join(names)}")
    raise BackdataError(f"{kind} must be a name (str), got {type(value).__name__} {value!r}; "
                        f"valid: {', '.join(names)}")
