"""Plain geometry on points of the back frame: no facts, no drawing."""

from __future__ import annotations

import math
from collections.abc import Sequence

from backdata.core.model import Point

__all__ = [
    "catmull_rom",
    "clip_below",
    "clip_polygon_y",
    "contains",
    "distance_to_polyline",
    "ellipse",
    "mirror",
    "path_length",
    "point_at",
    "polygon_area",
    "tangent_at",
]


def mirror(points: Sequence[Point]) -> tuple[Point, ...]:
    """The same path on the patient's other side."""
    return tuple(p.mirrored() for p in points)


def catmull_rom(points: Sequence[Point], samples: int = 12, closed: bool = False) -> tuple[Point, ...]:
    """A smooth curve through ``points`` (centripetal-free, uniform Catmull–Rom), ``samples`` per segment."""
    pts = list(points)
    if len(pts) < 3:
        return tuple(pts)
    if closed:
        ext = [pts[-1], *pts, pts[0], pts[1]]
        segments = len(pts)
    else:
        first = Point(2 * pts[0].x - pts[1].x, 2 * pts[0].y - pts[1].y)
        last = Point(2 * pts[-1].x - pts[-2].x, 2 * pts[-1].y - pts[-2].y)
        ext = [first, *pts, last]
        segments = len(pts) - 1
    out: list[Point] = []
    for i in range(segments):
        p0, p1, p2, p3 = ext[i], ext[i + 1], ext[i + 2], ext[i + 3]
        for k in range(samples):
            t = k / samples
            t2, t3 = t * t, t * t * t
            x = 0.5 * (
                2 * p1.x
                + (-p0.x + p2.x) * t
                + (2 * p0.x - 5 * p1.x + 4 * p2.x - p3.x) * t2
                + (-p0.x + 3 * p1.x - 3 * p2.x + p3.x) * t3
            )
            y = 0.5 * (
                2 * p1.y
                + (-p0.y + p2.y) * t
                + (2 * p0.y - 5 * p1.y + 4 * p2.y - p3.y) * t2
                + (-p0.y + 3 * p1.y - 3 * p2.y + p3.y) * t3
            )
            out.append(Point(round(x, 6), round(y, 6)))
    if not closed:
        out.append(pts[-1])
    return tuple(out)


def ellipse(center: Point, rx: float, ry: float, n: int = 48, tilt_deg: float = 0.0) -> tuple[Point, ...]:
    """A closed polygon approximating an ellipse (first point not repeated)."""
    c, s = math.cos(math.radians(tilt_deg)), math.sin(math.radians(tilt_deg))
    out = []
    for k in range(n):
        a = 2 * math.pi * k / n
        dx, dy = rx * math.cos(a), ry * math.sin(a)
        out.append(Point(round(center.x + c * dx - s * dy, 6), round(center.y + s * dx + c * dy, 6)))
    return tuple(out)


def contains(polygon: Sequence[Point], p: Point) -> bool:
    """Whether ``p`` lies inside the closed ``polygon`` (even–odd rule; points on an edge may go either way)."""
    inside = False
    n = len(polygon)
    for i in range(n):
        a, b = polygon[i], polygon[(i + 1) % n]
        if (a.y > p.y) != (b.y > p.y):
            x_cross = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)
            if p.x < x_cross:
                inside = not inside
    return inside


def polygon_area(polygon: Sequence[Point]) -> float:
    """Unsigned area (shoelace)."""
    s = 0.0
    for i in range(len(polygon)):
        a, b = polygon[i], polygon[(i + 1) % len(polygon)]
        s += a.x * b.y - b.x * a.y
    return abs(s) / 2


def path_length(points: Sequence[Point]) -> float:
    return sum(points[i].distance(points[i + 1]) for i in range(len(points) - 1))


def point_at(points: Sequence[Point], fraction: float) -> Point:
    """The point at ``fraction`` (0 … 1) of the path's length."""
    total = path_length(points)
    if total == 0:
        return points[0]
    goal = min(max(fraction, 0.0), 1.0) * total
    run = 0.0
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        seg = a.distance(b)
        if run + seg >= goal and seg > 0:
            t = (goal - run) / seg
            return Point(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y))
        run += seg
    return points[-1]


def tangent_at(points: Sequence[Point], fraction: float) -> tuple[float, float]:
    """Unit direction of travel at ``fraction`` of the path."""
    eps = 1e-3
    a = point_at(points, max(0.0, fraction - eps))
    b = point_at(points, min(1.0, fraction + eps))
    dx, dy = b.x - a.x, b.y - a.y
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def clip_below(points: Sequence[Point], y_min: float) -> tuple[Point, ...]:
    """The part of a path with ``y >= y_min`` (the frame's y grows toward the feet: "at or below" a level).

    Assumes the path crosses ``y_min`` at most once, as the stroke lines do.
    """
    out: list[Point] = []
    for i, p in enumerate(points):
        if p.y >= y_min:
            if i > 0 and points[i - 1].y < y_min:
                a = points[i - 1]
                t = (y_min - a.y) / (p.y - a.y)
                out.append(Point(a.x + t * (p.x - a.x), y_min))
            out.append(p)
        elif i > 0 and points[i - 1].y >= y_min:
            a = points[i - 1]
            t = (y_min - a.y) / (p.y - a.y)
            out.append(Point(a.x + t * (p.x - a.x), y_min))
    return tuple(out)


def distance_to_polyline(p: Point, points: Sequence[Point]) -> float:
    best = math.inf
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        dx, dy = b.x - a.x, b.y - a.y
        seg2 = dx * dx + dy * dy
        t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / seg2))
        best = min(best, math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)))
    return best


def clip_polygon_y(polygon: Sequence[Point], y_min: float, y_max: float) -> tuple[Point, ...]:
    """The part of a closed polygon between two heights (Sutherland–Hodgman on two half-planes)."""

    def clip(poly: list[Point], keep, cross_y: float) -> list[Point]:
        out: list[Point] = []
        for i, cur in enumerate(poly):
            prev = poly[i - 1]
            if keep(cur):
                if not keep(prev):
                    out.append(_at_y(prev, cur, cross_y))
                out.append(cur)
            elif keep(prev):
                out.append(_at_y(prev, cur, cross_y))
        return out

    poly = clip(list(polygon), lambda p: p.y >= y_min, y_min)
    poly = clip(poly, lambda p: p.y <= y_max, y_max)
    return tuple(poly)


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a.y) / (b.y - a.y)
    return Point(round(a.x + t * (b.x - a.x), 6), y)
