"""Stroke geometry: where each mark of a drawn technique goes, computed from the data as plain points.

The drawing code (:mod:`backdata.views.draw`) only turns these into artists, so every mark here can be tested without
matplotlib. Points are in the back frame (units of L; x to the patient's right, y toward the feet).

Each technique has a style that suggests its movement:

========== =====================================================================
stroke     one long smooth line, arrowheads along it (stroking)
squeeze    the same line, heavier, with chevrons (squeezing)
rub        small spirals travelling along the line (rubbing: circular friction)
knead      large overlapping loops along the line (kneading)
vibrate    a fine wave along the line (vibration)
tap        a row of dots (percussion)
shake      small zigzag bursts along the line (shaking)
========== =====================================================================
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from backdata.core.errors import as_type
from backdata.core.geometry import clip_below, path_length, point_at, tangent_at
from backdata.core.model import Intensity, Point, Region, Step, StrokeLine, Technique
from backdata.method.anatomy import LEVELS
from backdata.method.regions import as_step, as_technique, region
from backdata.method.techniques import TECHNIQUES

__all__ = ["INTENSITY_WIDTH", "STYLES", "Arrow", "LineMarks", "arrowhead", "line_marks", "step_lines", "step_marks"]

STYLES: tuple[str, ...] = ("stroke", "squeeze", "rub", "knead", "vibrate", "tap", "shake")
"""The drawing styles, one per technique (:attr:`TechniqueInfo.style`)."""

INTENSITY_WIDTH = MappingProxyType(
    {Intensity.gentle: 0.55, Intensity.dosed: 0.75, Intensity.moderate: 1.0, Intensity.intense: 1.6}
)
"""Line-width factor per intensity (the drawing also changes the number badge: a second cue)."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrowhead: its tip and the unit direction of travel."""

    tip: Point
    dx: float
    dy: float


@dataclass(frozen=True, slots=True)
class LineMarks:
    """Everything drawn for one stroke line in one step."""

    line: StrokeLine
    style: str
    intensity: Intensity
    paths: tuple[tuple[Point, ...], ...]
    """Polylines to stroke (the wave, the loops, the zigzags …)."""
    dots: tuple[Point, ...]
    """Dots (percussion)."""
    arrows: tuple[Arrow, ...]
    """Arrowheads showing the direction of travel."""
    guide: tuple[Point, ...]
    """The line itself (clipped to the step's upper level), for a faint guide under the marks."""


def step_lines(region_: str | Region, step: int) -> list[tuple[StrokeLine, tuple[Point, ...]]]:
    """The lines a step works along (both sides) with their points, clipped to the step's upper level.

    ``step`` counts from 1, as in :func:`backdata.plan`. A collar vibration line that starts at the hairline is
    cut at C6 (source line 82: "no higher than the 6th cervical vertebra").
    """
    reg = region(region_)
    st = _step(reg, step)
    step = as_step(reg, step, first=1)
    out = []
    for number in st.lines:
        for ln in reg.lines_numbered(number):
            pts = ln.points
            if st.upper_level is not None:
                pts = clip_below(pts, LEVELS[st.upper_level])
            if len(pts) >= 2:
                out.append((ln, pts))
    return out


def _step(reg: Region, step: int) -> Step:
    return reg.steps[as_step(reg, step, first=1) - 1]


def _resample(points: Sequence[Point], spacing: float) -> list[tuple[Point, tuple[float, float]]]:
    """Points every ``spacing`` along the path, with the unit tangent there (ends included)."""
    total = path_length(points)
    n = max(2, int(round(total / spacing)) + 1)
    return [(point_at(points, k / (n - 1)), tangent_at(points, k / (n - 1))) for k in range(n)]


def _offset_curve(points: Sequence[Point], spacing: float, wave) -> tuple[Point, ...]:
    """The path displaced by ``wave(s) -> (along, sideways)``, ``s`` the distance along the path."""
    total = path_length(points)
    samples = _resample(points, spacing)
    out = []
    for k, (p, (tx, ty)) in enumerate(samples):
        along, side = wave(total * k / (len(samples) - 1))
        nx, ny = -ty, tx
        out.append(Point(round(p.x + tx * along + nx * side, 5), round(p.y + ty * along + ny * side, 5)))
    return tuple(out)


def arrowhead(arrow: Arrow, size: float = 0.028) -> tuple[Point, Point, Point]:
    """The triangle of an arrowhead: tip, and the two back corners."""
    bx, by = arrow.tip.x - arrow.dx * size, arrow.tip.y - arrow.dy * size
    nx, ny = -arrow.dy * size * 0.5, arrow.dx * size * 0.5
    return (arrow.tip, Point(round(bx + nx, 5), round(by + ny, 5)), Point(round(bx - nx, 5), round(by - ny, 5)))


def _arrows(points: Sequence[Point], fractions: Sequence[float]) -> tuple[Arrow, ...]:
    out = []
    for f in fractions:
        dx, dy = tangent_at(points, max(0.02, f - 0.01) if f >= 1 else f)
        tip = point_at(points, f)
        out.append(Arrow(Point(round(tip.x, 5), round(tip.y, 5)), round(dx, 5), round(dy, 5)))
    return tuple(out)


def _arrow_fractions(points: Sequence[Point]) -> tuple[float, ...]:
    """One arrowhead at the end, and one more every ~0.35 L of a longer line."""
    n_mid = int(path_length(points) / 0.35)
    return tuple((k + 1) / (n_mid + 1) for k in range(n_mid)) + (1.0,)


def line_marks(
    line: StrokeLine, points: Sequence[Point], technique: Technique | str, intensity: Intensity | None = None
) -> LineMarks:
    """The marks of ``technique`` along ``points`` (a stroke line, possibly clipped)."""
    as_type("line", line, StrokeLine, "a StrokeLine")
    as_type("intensity", intensity, Intensity, "an Intensity", optional=True)
    tech = as_technique(technique)
    style = TECHNIQUES[tech].style
    pts = tuple(points)
    total = path_length(pts)
    intensity = intensity or line.intensity
    arrows = _arrows(pts, _arrow_fractions(pts))
    paths: tuple[tuple[Point, ...], ...] = ()
    dots: tuple[Point, ...] = ()
    if style in ("stroke", "squeeze"):
        paths = (pts,)
        if style == "squeeze":  # chevrons at quarters: the slow, pressing stroke
            arrows = _arrows(pts, (0.25, 0.5, 0.75, 1.0))
    elif style == "rub":  # small spirals travelling along the line
        r, pitch = 0.014, 0.035
        paths = (
            _offset_curve(
                pts, 0.004, lambda s: (r * math.sin(2 * math.pi * s / pitch), r * math.cos(2 * math.pi * s / pitch) - r)
            ),
        )
    elif style == "knead":  # large loops (prolate trochoid)
        r, pitch = 0.026, 0.06
        paths = (
            _offset_curve(
                pts,
                0.005,
                lambda s: (1.4 * r * math.sin(2 * math.pi * s / pitch), r * (1 - math.cos(2 * math.pi * s / pitch))),
            ),
        )
    elif style == "vibrate":  # a fine wave
        a, wl = 0.009, 0.022
        paths = (_offset_curve(pts, 0.003, lambda s: (0.0, a * math.sin(2 * math.pi * s / wl))),)
    elif style == "tap":  # a row of dots
        dots = tuple(Point(round(p.x, 5), round(p.y, 5)) for p, _ in _resample(pts, 0.032))
        arrows = _arrows(pts, (1.0,))
    elif style == "shake":  # zigzag bursts separated by gaps
        bursts = []
        burst, gap = 0.06, 0.035
        s = 0.0
        while s + burst <= total + 1e-9:
            lo, hi = s / total, (s + burst) / total
            seg = [point_at(pts, lo + (hi - lo) * k / 8) for k in range(9)]
            zig = []
            for k, p in enumerate(seg):
                tx, ty = tangent_at(pts, lo + (hi - lo) * k / 8)
                off = 0.018 * (1 if k % 2 else -1) if 0 < k < 8 else 0.0
                zig.append(Point(round(p.x - ty * off, 5), round(p.y + tx * off, 5)))
            bursts.append(tuple(zig))
            s += burst + gap
        paths = tuple(bursts)
    return LineMarks(line, style, intensity, paths, dots, arrows, pts)


def step_marks(region_: str | Region, step: int) -> list[LineMarks]:
    """The marks of every line of a step (``step`` from 1), both sides, in the technique's style."""
    reg = region(region_)
    st = _step(reg, step)
    step = as_step(reg, step, first=1)
    return [line_marks(ln, pts, st.technique, st.intensity) for ln, pts in step_lines(reg, step)]
