"""Reading the values of a method file: each reader returns the value (or ``None``) and records a
:class:`~backdata.core.method_type.Problem` for anything wrong, with its key path and line, so that one pass
reports every problem at once."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from backdata.core.errors import BackdataError, choose, shown
from backdata.core.geometry import clip_polygon_y, ellipse, mirror
from backdata.core.method_type import Problem
from backdata.core.model import Cite, Duration, Minutes, Point
from backdata.core.source import quote_problem
from backdata.method.anatomy import LANDMARKS, LEVELS, OUTLINE, cm
from backdata.method.files.locate import KeyPath, find_line, show_path

__all__ = ["Reader"]


def _type_name(value: object) -> str:
    return {str: "text", bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}.get(
        type(value), type(value).__name__
    )


class Reader:
    """Collects the problems of one file; the ``read_*`` methods take a value and its key path."""

    def __init__(self, file: str, lines: dict[KeyPath, int] | Callable[[], dict[KeyPath, int]]) -> None:
        self.file = file
        self._lines = lines
        """Key path → line, or what computes it: only a file with a problem needs its lines located."""
        self.problems: list[Problem] = []
        self.source_lines: Sequence[str] | None = None
        """The source text's lines once read (cites are checked against them); ``None`` if it could not be."""
        self.cites: Mapping[str, Cite] = {}

    @property
    def lines(self) -> dict[KeyPath, int]:
        if callable(self._lines):
            self._lines = self._lines()
        return self._lines

    # --- problems ---------------------------------------------------------------------------------------------
    def problem(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.file, find_line(self.lines, path), show_path(path), message))

    def table(self, value: object, path: KeyPath, allowed: Iterable[str], required: Iterable[str] = ()) -> dict | None:
        """``value`` as a table whose keys are among ``allowed`` and include ``required``."""
        if not isinstance(value, dict):
            self.problem(path, f"must be a table of keys ({', '.join(allowed)}), got {_type_name(value)}")
            return None
        allowed = list(allowed)
        meant = set()
        for key in value:
            if key not in allowed:
                close = _close(key, allowed)
                meant.add(close.partition("'")[2].rpartition("'")[0])
                self.problem(path + (key,), f"unknown key {key!r}:{close} valid here: {', '.join(allowed)}")
        for key in required:
            if key not in value and key not in meant:  # a misspelt key is reported once, as unknown
                self.problem(path, f"{key!r} is missing (required here: {', '.join(required)})")
        return value

    # --- scalars ----------------------------------------------------------------------------------------------
    def text(self, d: Mapping, key: str, path: KeyPath, default: str | None = "") -> str | None:
        if key not in d:
            return default
        value = d[key]
        if not isinstance(value, str):
            self.problem(path + (key,), f"must be text in quotes, got {_type_name(value)} {value!r}")
            return None
        return value

    def name(self, value: object, path: KeyPath, kind: str, valid: Iterable[str], aliases=None) -> str | None:
        """One of ``valid`` (case and ``-``/space forgiven), else a problem with "did you mean"."""
        try:
            return choose(kind, value, list(valid), aliases)
        except BackdataError as e:
            self.problem(path, str(e))
            return None

    def enum(self, value: object, path: KeyPath, enum_type):
        name = self.name(value, path, enum_type.__name__.lower(), [m.value for m in enum_type])
        return None if name is None else enum_type(name)

    def enums(self, value: object, path: KeyPath, enum_type, *, empty: bool = False) -> tuple | None:
        items = self.list(value, path)
        if items is None:
            return None
        if not items and not empty:
            self.problem(path, f"needs at least one {enum_type.__name__.lower()}")
        out = tuple(self.enum(v, path + (i,), enum_type) for i, v in enumerate(items, 1))
        return None if None in out else out

    def list(self, value: object, path: KeyPath) -> list | None:
        if not isinstance(value, list):
            self.problem(path, f"must be a list in brackets [...], got {_type_name(value)} {_short(value)}")
            return None
        return value

    def number(
        self, value: object, path: KeyPath, what: str, *, lo: float | None = None, unit: str = ""
    ) -> float | None:
        """A finite number (``>= lo``); text such as ``"5 min"`` is refused with the number to write instead."""
        if isinstance(value, bool) or not isinstance(value, int | float):
            hint = ""
            if isinstance(value, str):
                digits = "".join(ch for ch in value.split()[0] if ch in "0123456789.-") if value.split() else ""
                hint = f": write {digits} without quotes" + (f" (the unit is {unit})" if unit else "") if digits else ""
            self.problem(
                path,
                f"{what} must be a number{f' of {unit}' if unit else ''}, got {_type_name(value)} {_short(value)}{hint}",
            )
            return None
        x = float(value)
        if not math.isfinite(x):
            self.problem(path, f"{what} must be a finite number, got {value!r}")
            return None
        if lo is not None and x < lo:
            self.problem(path, f"{what} must be {lo:g} or more, got {value!r}")
            return None
        return x

    def integer(self, value: object, path: KeyPath, what: str, lo: int = 1) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < lo:
            self.problem(path, f"{what} must be a whole number, {lo} or more, got {_type_name(value)} {_short(value)}")
            return None
        return value

    def level(self, value: object, path: KeyPath) -> str | None:
        return self.name(value, path, "vertebral level", LEVELS)

    # --- cites and minutes ------------------------------------------------------------------------------------
    def cite(self, value: object, path: KeyPath) -> Cite | None:
        """A named cite of ``[cites]`` or ``{lines, quote, reference}``, its quote checked against the text."""
        if isinstance(value, str):
            if value in self.cites:
                return self.cites[value]
            self.problem(
                path,
                f"unknown cite name {value!r}:{_close(value, self.cites)} named cites: "
                f'{", ".join(self.cites) or "none (add a [cites] table)"}; or write {{lines = [..], quote = ".."}}',
            )
            return None
        d = self.table(value, path, ("lines", "quote", "reference"))
        if d is None:
            return None
        lines: list[int] = []
        for i, n in enumerate(self.list(d.get("lines", []), path + ("lines",)) or [], 1):
            if (k := self.integer(n, path + ("lines", i), "a source line number")) is not None:
                lines.append(k)
        quote = self.text(d, "quote", path)
        reference = self.text(d, "reference", path)
        if quote is None or reference is None:
            return None
        c = Cite(tuple(lines), quote, reference)
        if self.source_lines is not None and (why := quote_problem(c, self.source_lines)):
            at = path + ("quote",) if c.lines and c.quote and "not on" in why else path
            self.problem(at, f"{why.replace('source line', 'line')} of the source text")
        return c

    def duration(self, value: object, path: KeyPath) -> Duration | None:
        """``{min, max, cite}``: minutes as numbers, 0 or more, min <= max."""
        d = self.table(value, path, ("min", "max", "cite"), ("min", "max", "cite"))
        if d is None or not {"min", "max", "cite"} <= set(d):
            return None
        lo = self.number(d["min"], path + ("min",), "min", lo=0, unit="minutes")
        hi = self.number(d["max"], path + ("max",), "max", lo=0, unit="minutes")
        c = self.cite(d["cite"], path + ("cite",))
        if lo is not None and hi is not None and lo > hi:
            self.problem(path, f"min {lo:g} is more than max {hi:g}: write the shorter time as min")
            return None
        return None if lo is None or hi is None or c is None else Duration(Minutes(lo, hi), c)

    # --- geometry ---------------------------------------------------------------------------------------------
    def height(self, value: object, path: KeyPath) -> float | None:
        """A level name, a y in L, or ``{level, dy | dy_cm}``."""
        if isinstance(value, str):
            lv = self.level(value, path)
            return None if lv is None else LEVELS[lv]
        if isinstance(value, dict):
            d = self.table(value, path, ("level", "dy", "dy_cm"), ("level",))
            if d is None or "level" not in d:
                return None
            lv = self.level(d["level"], path + ("level",))
            dy = self._offset(d, "dy", path)
            return None if lv is None or dy is None else LEVELS[lv] + dy
        return self.number(value, path, "a height (y in L)")

    def _offset(self, d: Mapping, key: str, path: KeyPath) -> float | None:
        if key in d and f"{key}_cm" in d:
            self.problem(path, f"give {key} (in L) or {key}_cm, not both")
            return None
        if f"{key}_cm" in d:
            v = self.number(d[f"{key}_cm"], path + (f"{key}_cm",), f"{key}_cm", unit="cm")
            return None if v is None else cm(v)
        if key in d:
            return self.number(d[key], path + (key,), key, unit="L")
        return 0.0

    def point(self, value: object, path: KeyPath) -> Point | None:
        """``[x, y]``, ``{level, x | x_cm, dy | dy_cm}`` or ``{landmark, dx, dy}`` (rounded to 1e-6 L)."""
        if isinstance(value, list):
            if len(value) != 2:
                self.problem(path, f"a point [x, y] has two numbers, got {len(value)}")
                return None
            x = self.number(value[0], path, "x", unit="L")
            y = self.number(value[1], path, "y", unit="L")
            return None if x is None or y is None else Point(x, y)
        if isinstance(value, dict) and "landmark" in value:
            d = self.table(value, path, ("landmark", "dx", "dy"))
            singles = [k for k, m in LANDMARKS.items() if len(m.points) == 1]
            key = self.name(d["landmark"], path + ("landmark",), "landmark (one point)", singles) if d else None
            dx = self._offset({"dx": d.get("dx", 0)} if d else {}, "dx", path)
            dy = self._offset({"dy": d.get("dy", 0)} if d else {}, "dy", path)
            if key is None or dx is None or dy is None:
                return None
            p = LANDMARKS[key].points[0]  # moved, to a millionth of L (as the ellipses are): short offsets give back
            return Point(round(p.x + dx, 6), round(p.y + dy, 6)) if dx or dy else p  # the short numbers they mean
        if isinstance(value, dict):
            d = self.table(value, path, ("level", "x", "x_cm", "dy", "dy_cm"), ("level",))
            if d is None or "level" not in d:
                return None
            y = self.height({k: d[k] for k in ("level", "dy", "dy_cm") if k in d}, path)
            if "x" not in d and "x_cm" not in d:
                self.problem(path, "a point on a level needs x (in L) or x_cm")
                return None
            x = self._offset(d, "x", path)
            return None if x is None or y is None else Point(x, y)
        self.problem(
            path, f'a point is [x, y], {{level = "T7", x_cm = 5}} or {{landmark = "..."}}, got {_short(value)}'
        )
        return None

    def zone(self, value: object, path: KeyPath) -> tuple[Point, ...] | None:
        forms = ("band", "ellipse", "landmark", "points")
        d = self.table(value, path, (*forms, "mirrored"))
        if d is None:
            return None
        given = [f for f in forms if f in d]
        if len(given) != 1:
            self.problem(
                path, f"a zone has exactly one of {', '.join(forms)} (and mirrored = true), got {given or 'none'}"
            )
            return None
        form = given[0]
        z = self._zone_form(form, d[form], path + (form,))
        if z is None:
            return None
        mirrored = d.get("mirrored", False)
        if not isinstance(mirrored, bool):
            self.problem(path + ("mirrored",), f"must be true or false, got {_short(mirrored)}")
        return mirror(z) if mirrored is True else z

    def _zone_form(self, form: str, v: Any, path: KeyPath) -> tuple[Point, ...] | None:
        if form == "band":
            ends = self.list(v, path)
            if ends is None or len(ends) != 2:
                if ends is not None:
                    self.problem(path, "a band is [top, bottom]: two heights")
                return None
            top, bottom = (self.height(e, path + (i,)) for i, e in enumerate(ends, 1))
            if top is None or bottom is None:
                return None
            if top >= bottom:
                self.problem(path, "the band's top must lie above its bottom (y grows toward the feet)")
                return None
            return clip_polygon_y(OUTLINE, top, bottom)
        if form == "landmark":
            closed = [k for k, m in LANDMARKS.items() if m.closed]
            key = self.name(v, path, "landmark outline", closed)
            return None if key is None else LANDMARKS[key].points
        if form == "ellipse":
            d = self.table(v, path, ("center", "rx", "ry", "n"), ("center", "rx", "ry"))
            if d is None or not {"center", "rx", "ry"} <= set(d):
                return None
            c = self.point(d["center"], path + ("center",))
            rx = self.number(d["rx"], path + ("rx",), "rx", lo=1e-6, unit="L")
            ry = self.number(d["ry"], path + ("ry",), "ry", lo=1e-6, unit="L")
            n = self.integer(d.get("n", 36), path + ("n",), "n", lo=8)
            return None if None in (c, rx, ry, n) else ellipse(c, rx, ry, n=n)
        pts = self.list(v, path)
        if pts is None:
            return None
        out = tuple(self.point(p, path + (i,)) for i, p in enumerate(pts, 1))
        if None in out:
            return None
        if len(out) < 3:
            self.problem(path, f"a zone's polygon needs 3 points or more, got {len(out)}")
            return None
        return out  # type: ignore[return-value]

    def each(self, value: object, path: KeyPath, read: Callable[[object, KeyPath], Any]) -> tuple | None:
        items = self.list(value, path)
        if items is None:
            return None
        out = tuple(read(v, path + (i,)) for i, v in enumerate(items, 1))
        return None if None in out else out


def _close(value: str, valid: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(value).lower(), list(valid), n=1, cutoff=0.6)
    return f" did you mean {close[0]!r}?" if close else ""


def _short(value: object) -> str:
    return shown(value).partition(" ")[2] or repr(value)
