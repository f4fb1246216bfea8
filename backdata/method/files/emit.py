"""TOML text for the method file, written by hand so that it can carry comments (the standard library reads TOML
but does not write it): quoted strings, numbers, cites, heights, points and zones in their readable forms.

Every value written here reads back (:mod:`backdata.method.files.values`) to the *same* float: a height or a
point is written on a vertebral level or a landmark only when that form gives back exactly the number in the
data; otherwise it is written raw, in units of L.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from backdata.core.geometry import clip_polygon_y, ellipse, mirror
from backdata.core.model import Cite, Duration, Point
from backdata.method.anatomy import CM_PER_L, LANDMARKS, LEVELS, OUTLINE

__all__ = ["cite", "duration", "height", "num", "point", "q", "text", "zone", "zones"]

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
WRAP = 100
"""Strings longer than this are written as multi-line strings, broken at spaces (they read back unchanged)."""


def _escape(s: str) -> str:
    out = []
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def q(s: str) -> str:
    """``s`` as a TOML basic string, on one line."""
    return f'"{_escape(s)}"'


def text(s: str, indent: str = "  ") -> str:
    """A long ``s`` as a multi-line basic string broken at single spaces: each line ends with a space and a
    backslash, which TOML removes with the newline and the next line's indent, so the string reads back the
    same. Short strings, and strings a break would change (double spaces), stay on one line."""
    if len(s) <= WRAP or "  " in s or s != s.strip() or "\n" in s:
        return q(s)
    words, lines, cur = s.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > WRAP - len(indent):
            lines.append(cur + " ")
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    body = " \\\n".join(
        indent + _escape(ln.rstrip(" ")) if i else _escape(ln.rstrip(" ")) for i, ln in enumerate(lines)
    )
    return f'"""\\\n{indent}{body}"""'


def num(x: float) -> str:
    """A number: a whole number without a point (``5``), else the shortest exact decimal (``0.065``)."""
    x = float(x)
    if math.isfinite(x) and x == int(x) and abs(x) < 1e15:
        return str(int(x))
    r = repr(x)
    if "e" in r or "E" in r:
        r = f"{x:.17f}".rstrip("0")
    return r


def cite(c: Cite, names: Mapping[Cite, str] | None = None) -> str:
    """A cite: the name of a shared cite (``"sacrum_up"``, see ``[cites]``) or an inline table."""
    if names and c in names:
        return q(names[c])
    parts = []
    if c.lines:
        parts.append(f"lines = [{', '.join(str(n) for n in c.lines)}]")
    if c.quote:
        parts.append(f"quote = {q(c.quote)}")
    if c.reference:
        parts.append(f"reference = {q(c.reference)}")
    return "{" + ", ".join(parts) + "}"


def duration(d: Duration, names: Mapping[Cite, str] | None = None) -> str:
    return f"{{min = {num(d.minutes.min)}, max = {num(d.minutes.max)}, cite = {cite(d.cite, names)}}}"


def height(y: float) -> str:
    """A height: a level's name (``"T7"``), a level and an offset in L (``{level = "T7", dy = -0.03}``), or a raw y."""
    for name, ly in LEVELS.items():
        if ly == y:
            return q(name)
    if len(num(y).partition(".")[2]) <= 3:
        return num(y)  # a short raw number (1.42) reads better than a level and an offset
    best = None
    for name, ly in LEVELS.items():
        for digits in (2, 3, 4):
            dy = round(y - ly, digits)
            if ly + dy == y and abs(dy) <= 0.05 and (best is None or len(num(dy)) < len(num(best[1]))):
                best = (name, dy)
                break
    if best:
        return f"{{level = {q(best[0])}, dy = {num(best[1])}}}"
    return num(y)


def _x(x: float) -> str:
    """``x_cm = …`` when centimetres (of the male frame) give back ``x`` exactly, else ``x = …`` in L."""
    for digits in (0, 1):
        x_cm = round(x * CM_PER_L["men"], digits)
        if x_cm / CM_PER_L["men"] == x:
            return f"x_cm = {num(x_cm)}"
    return f"x = {num(x)}"


def point(p: Point) -> str:
    """A point: a one-point landmark (``{landmark = "acromion_right"}``), a level with its x
    (``{level = "T6", x_cm = 5.0}``), or raw ``[x, y]`` in L where neither form holds."""
    for key, mark in LANDMARKS.items():
        if len(mark.points) == 1 and mark.points[0] == p:
            return f"{{landmark = {q(key)}}}"
    y = height(p.y)
    if y.startswith('"'):
        return f"{{level = {y}, {_x(p.x)}}}"
    if (
        y.startswith("{") and len(num(p.y).partition(".")[2]) > 6
    ):  # a y no short number gives back (0.35000000000000003)
        return f"{y[:-1]}, {_x(p.x)}}}"
    return f"[{num(p.x)}, {num(p.y)}]"


def _ellipse(z: Sequence[Point]) -> str | None:
    n = len(z)
    if n < 8 or n % 4:
        return None
    for digits in (3, 4, 5, 6):
        cx, cy = round(z[n // 4].x, digits), round(z[0].y, digits)
        rx, ry = round(z[0].x - cx, digits), round(z[n // 4].y - cy, digits)
        if rx > 0 and ry > 0 and ellipse(Point(cx, cy), rx, ry, n=n) == tuple(z):
            return f"ellipse = {{center = [{num(cx)}, {num(cy)}], rx = {num(rx)}, ry = {num(ry)}, n = {n}}}"
    return None


def _describe(z: Sequence[Point]) -> str | None:
    z = tuple(z)
    for key, mark in LANDMARKS.items():
        if mark.closed and mark.points == z:
            return f"landmark = {q(key)}"
    if len(z) >= 3:
        top, bottom = min(p.y for p in z), max(p.y for p in z)
        if clip_polygon_y(OUTLINE, top, bottom) == z:
            return f"band = [{height(top)}, {height(bottom)}]"
    return _ellipse(z)


def zone(z: Sequence[Point], previous: str | None = None, previous_points: Sequence[Point] = ()) -> str:
    """One zone as an inline table: a landmark's outline, a band of the back between two heights, an ellipse, or
    the points of a polygon; ``mirrored = true`` for the same shape on the patient's other side."""
    if (form := _describe(z)) is not None:
        return "{" + form + "}"
    if (form := _describe(mirror(z))) is not None:
        return "{" + form + ", mirrored = true}"
    if previous is not None and tuple(mirror(previous_points)) == tuple(z) and "mirrored" not in previous:
        return previous[:-1] + ", mirrored = true}"
    return "{points = [" + ", ".join(f"[{num(p.x)}, {num(p.y)}]" for p in z) + "]}"


def zones(zs: Sequence[Sequence[Point]]) -> str:
    """``zones = [...]`` of a region or a caution."""
    out, prev, prev_pts = [], None, ()
    for z in zs:
        prev = zone(z, prev, prev_pts)
        prev_pts = z
        out.append(prev)
    if not out:
        return "zones = []"
    return "zones = [\n" + "".join(f"  {z},\n" for z in out) + "]"
