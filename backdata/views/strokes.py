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

The geometry keeps the method's rules, so the tests check them here, without drawing (:func:`marks`):

* no mark enters the band of the spinous processes (source line 32: "pressure on the spinous processes of the spine
  must be avoided, as in any other techniques"): loops, spirals and zigzags shrink toward the line where they would
  reach into it, and every point keeps ``|x| >= SPINOUS_BAND_HALF_WIDTH``;
* a technique's marks leave out the landmarks it keeps off (:attr:`TechniqueInfo.keep_off`: percussion skips the
  kidneys and the sacrum): the mark is cut, the line stays;
* the force of a mark is :func:`backdata.mark_intensity` (the line's, capped by the technique's and the step's);
* the marks of a left line are the mirror image of the right one's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from backdata.core.errors import as_type
from backdata.core.geometry import clip_below, contains, distance_to_polyline, mirror, path_length, point_at, tangent_at
from backdata.core.model import Intensity, Mode, Point, Region, Side, Step, StrokeLine, Technique
from backdata.method.anatomy import LANDMARKS, LEVELS, SPINOUS_BAND_HALF_WIDTH
from backdata.method.regions import as_mode, as_step, as_technique, region
from backdata.method.techniques import TECHNIQUES, mark_intensity

__all__ = [
    "INTENSITY_WIDTH",
    "STYLES",
    "Arrow",
    "LineMarks",
    "Mark",
    "arrowhead",
    "head_size",
    "line_marks",
    "marks",
    "step_lines",
    "step_marks",
]

STYLES: tuple[str, ...] = ("stroke", "squeeze", "rub", "knead", "vibrate", "tap", "shake")
"""The drawing styles, one per technique (:attr:`TechniqueInfo.style`)."""

INTENSITY_WIDTH = MappingProxyType(
    {Intensity.gentle: 0.55, Intensity.dosed: 0.75, Intensity.moderate: 1.0, Intensity.intense: 1.6}
)
"""Line-width factor per intensity (the drawing also changes the number badge: a second cue)."""

_CLEAR = 0.004
"""How far (in L) the loops and waves stay off the band's edge: their ink has a width."""
_KEEP_OFF_MARGIN = 0.01
"""How far (in L) a cut mark stays off a landmark it keeps off (a percussion dot has a size)."""


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrowhead: its tip and the unit direction of travel."""

    tip: Point
    dx: float
    dy: float


@dataclass(frozen=True, slots=True)
class LineMarks:
    """Everything drawn for one stroke line in one step: plain geometry in the back frame."""

    line: StrokeLine
    style: str
    intensity: Intensity
    """The force of the marks (:func:`backdata.mark_intensity`): the width they are drawn with."""
    paths: tuple[tuple[Point, ...], ...]
    """Polylines to stroke (the wave, the loops, the zigzags …)."""
    dots: tuple[Point, ...]
    """Dots (percussion)."""
    arrows: tuple[Arrow, ...]
    """Arrowheads showing the direction of travel."""
    guide: tuple[Point, ...]
    """The line itself (clipped to the step's upper level), for a faint guide under the marks."""
    technique: Technique | None = None
    """The technique; ``None`` in the lines view (step 0), which shows each line and its direction."""
    heads: tuple[tuple[Point, Point, Point], ...] = ()
    """The arrowheads as drawn: triangles (tip, two back corners), sized by the force."""

    @property
    def number(self) -> int:
        return self.line.number

    @property
    def side(self) -> Side:
        return self.line.side

    @property
    def points(self) -> tuple[Point, ...]:
        """Every point of the marks: paths, dots and arrowheads (what the invariants are checked on)."""
        return (*(p for path in self.paths for p in path), *self.dots, *(p for h in self.heads for p in h))


Mark = LineMarks
"""The public name of one line's marks in one view (:func:`marks`)."""


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


def _r(p: Point) -> Point:
    return Point(round(p.x, 5), round(p.y, 5))


def _resample(points: Sequence[Point], spacing: float) -> list[tuple[Point, tuple[float, float]]]:
    """Points every ``spacing`` along the path, with the unit tangent there (ends included)."""
    total = path_length(points)
    n = max(2, int(round(total / spacing)) + 1)
    return [(point_at(points, k / (n - 1)), tangent_at(points, k / (n - 1))) for k in range(n)]


def _keep_out(p: Point, dx: float, dy: float, band: float | None) -> Point:
    """``p`` moved by ``(dx, dy)``, the move shortened where it would reach into the spinous band (``band``: its
    half-width plus a clearance; ``None`` off the back). ``p`` lies on the line, outside the band, at ``x > 0``."""
    if band is not None and p.x + dx < band:
        room, toward = max(0.0, p.x - band), -dx
        f = room / toward if toward > 0 else 1.0
        dx, dy = dx * f, dy * f
    return Point(p.x + dx, p.y + dy)


def _offset_curve(
    points: Sequence[Point], spacing: float, wave: Callable[[float], tuple[float, float]], band: float | None, flip: int
) -> tuple[Point, ...]:
    """The path displaced by ``wave(s) -> (along, sideways)``, ``s`` the distance along the path; sideways is
    the left normal times ``flip`` (±1)."""
    total = path_length(points)
    samples = _resample(points, spacing)
    out = []
    for k, (p, (tx, ty)) in enumerate(samples):
        along, side = wave(total * k / (len(samples) - 1))
        nx, ny = -ty * flip, tx * flip
        out.append(_r(_keep_out(p, tx * along + nx * side, ty * along + ny * side, band)))
    return tuple(out)


def head_size(style: str, intensity: Intensity) -> float:
    """The length of a mark's arrowhead (in L): larger for more force, and for the squeezing chevrons."""
    size = 0.026 + 0.012 * INTENSITY_WIDTH[intensity]
    return size * 1.15 if style == "squeeze" else size


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
        out.append(Arrow(_r(tip), round(dx, 5), round(dy, 5)))
    return tuple(out)


def _arrow_fractions(points: Sequence[Point]) -> tuple[float, ...]:
    """One arrowhead at the end, and one more every ~0.35 L of a longer line."""
    n_mid = int(path_length(points) / 0.35)
    return tuple((k + 1) / (n_mid + 1) for k in range(n_mid)) + (1.0,)


def _geometry(
    pts: tuple[Point, ...], style: str, band: float | None
) -> tuple[tuple[tuple[Point, ...], ...], tuple[Point, ...], tuple[Arrow, ...]]:
    """Paths, dots and arrows of a style along ``pts`` (on the patient's right when ``band`` is set)."""
    total = path_length(pts)
    arrows = _arrows(pts, _arrow_fractions(pts))
    paths: tuple[tuple[Point, ...], ...] = ()
    dots: tuple[Point, ...] = ()
    # One-sided waves (loops, spirals) bulge to the side away from the spine where the line has one.
    mean_nx = sum(-t[1] for _, t in _resample(pts, 0.02)) if band is not None else 1.0
    flip = -1 if mean_nx < 0 else 1
    if style in ("stroke", "squeeze"):
        paths = (pts,)
        if style == "squeeze":  # chevrons at quarters: the slow, pressing stroke
            arrows = _arrows(pts, (0.25, 0.5, 0.75, 1.0))
    elif style == "rub":  # small spirals travelling along the line
        r, pitch = 0.014, 0.035
        w = 2 * math.pi / pitch
        paths = (_offset_curve(pts, 0.004, lambda s: (r * math.sin(w * s), r - r * math.cos(w * s)), band, flip),)
    elif style == "knead":  # large loops (prolate trochoid)
        r, pitch = 0.026, 0.06
        w = 2 * math.pi / pitch
        paths = (
            _offset_curve(pts, 0.005, lambda s: (1.4 * r * math.sin(w * s), r * (1 - math.cos(w * s))), band, flip),
        )
    elif style == "vibrate":  # a fine wave
        a, wl = 0.009, 0.022
        paths = (_offset_curve(pts, 0.003, lambda s: (0.0, a * math.sin(2 * math.pi * s / wl)), band, 1),)
    elif style == "tap":  # a row of dots
        dots = tuple(_r(p) for p, _ in _resample(pts, 0.032))
        arrows = _arrows(pts, (1.0,))
    elif style == "shake":  # zigzag bursts separated by gaps
        bursts = []
        burst, gap = 0.06, 0.035
        s = 0.0
        while s + burst <= total + 1e-9:
            lo, hi = s / total, (s + burst) / total
            zig = []
            for k in range(9):
                p = point_at(pts, lo + (hi - lo) * k / 8)
                tx, ty = tangent_at(pts, lo + (hi - lo) * k / 8)
                off = 0.018 * (1 if k % 2 else -1) if 0 < k < 8 else 0.0
                zig.append(_r(_keep_out(p, -ty * off, tx * off, band)))
            bursts.append(tuple(zig))
            s += burst + gap
        paths = tuple(bursts)
    return paths, dots, arrows


def _off_band(tri: tuple[Point, Point, Point], band: float | None) -> tuple[Point, Point, Point]:
    """An arrowhead moved outward (by a hair) where a back corner would reach into the spinous band."""
    if band is None:
        return tri
    lack = max(0.0, band - min(p.x for p in tri))
    return tri if lack == 0 else tuple(_r(Point(p.x + lack, p.y)) for p in tri)  # type: ignore[return-value]


def _outside(p: Point, zones: Sequence[tuple[Point, ...]]) -> bool:
    return all(not contains(z, p) and distance_to_polyline(p, (*z, z[0])) >= _KEEP_OFF_MARGIN for z in zones)


def _cut(paths, dots, arrows, zones):
    """The marks without their parts over ``zones`` (closed polygons): paths split, dots and arrows dropped."""
    if not zones:
        return paths, dots, arrows
    kept: list[tuple[Point, ...]] = []
    for path in paths:
        run: list[Point] = []
        for p in path:
            if _outside(p, zones):
                run.append(p)
            elif run:
                kept.append(tuple(run))
                run = []
        if len(run) >= 2:
            kept.append(tuple(run))
    dots = tuple(p for p in dots if _outside(p, zones))
    arrows = tuple(a for a in arrows if _outside(a.tip, zones))
    return tuple(k for k in kept if len(k) >= 2), dots, arrows


def line_marks(
    line: StrokeLine,
    points: Sequence[Point],
    technique: Technique | str,
    intensity: Intensity | None = None,
    *,
    on_back: bool = False,
) -> LineMarks:
    """The marks of ``technique`` along ``points`` (a stroke line, possibly clipped).

    ``intensity`` is a ceiling (a step's :attr:`~backdata.core.model.Step.intensity`); the force drawn is
    :func:`backdata.mark_intensity` of the line's, the technique's and that. With ``on_back`` the marks keep the
    rules of the back (off the spinous band, off the technique's landmarks, mirrored on the left); without it
    they are a bare sample of the technique's shape (legends, the technique sheet).
    """
    as_type("line", line, StrokeLine, "a StrokeLine")
    as_type("intensity", intensity, Intensity, "an Intensity", optional=True)
    tech = as_technique(technique)
    return _marks(
        line, tuple(points), TECHNIQUES[tech].style, mark_intensity(line.intensity, tech, intensity), tech, on_back
    )


def _marks(
    line: StrokeLine, pts: tuple[Point, ...], style: str, intensity: Intensity, tech: Technique | None, on_back: bool
) -> LineMarks:
    left = on_back and line.side is Side.left
    right_pts = mirror(pts) if left else pts  # computed on the right, mirrored: both sides alike
    band = SPINOUS_BAND_HALF_WIDTH + _CLEAR if on_back else None
    paths, dots, arrows = _geometry(right_pts, style, band)
    if on_back and tech is not None:
        zones = [LANDMARKS[k].points for k in TECHNIQUES[tech].keep_off]
        zones = [mirror(z) for z in zones] if left else zones  # the left line's zones, seen from the right
        paths, dots, arrows = _cut(paths, dots, arrows, zones)
    size = head_size(style, intensity)
    heads = tuple(_off_band(arrowhead(a, size), SPINOUS_BAND_HALF_WIDTH if on_back else None) for a in arrows)
    if left:
        paths = tuple(mirror(p) for p in paths)
        dots = mirror(dots)
        arrows = tuple(Arrow(a.tip.mirrored(), -a.dx, a.dy) for a in arrows)
        heads = tuple(mirror(h) for h in heads)  # type: ignore[misc]
    return LineMarks(line, style, intensity, paths, dots, arrows, pts, tech, heads)


def step_marks(region_: str | Region, step: int) -> list[LineMarks]:
    """The marks of every line of a step (``step`` from 1), both sides, in the technique's style, on the back."""
    reg = region(region_)
    st = _step(reg, step)
    step = as_step(reg, step, first=1)
    return [line_marks(ln, pts, st.technique, st.intensity, on_back=True) for ln, pts in step_lines(reg, step)]


def marks(region_: str | Region, mode: str | Mode = Mode.hygienic, step: int = 0) -> tuple[LineMarks, ...]:
    """The marks of one view of a region as plain geometry, the same the plates draw.

    Each :class:`Mark` has its ``technique`` (``None`` in the lines view, step 0), line ``number`` and ``side``,
    ``intensity`` (the force of the mark: :func:`backdata.mark_intensity`) and ``points`` in the back frame
    (``paths``, ``dots`` and the arrowheads ``heads`` separately). The marks are the same in both modes (the
    mode changes the times); ``mode`` is checked so a view is named the same way everywhere.

    >>> import backdata as bd
    >>> m = bd.marks("lumbar", "hygienic", 1)[0]
    >>> (m.technique.value, m.number, m.side.value, m.intensity.value)
    ('stroking', 1, 'right', 'gentle')
    """
    reg = region(region_)
    as_mode(mode)
    step = as_step(reg, step)
    if step:
        return tuple(step_marks(reg, step))
    return tuple(_marks(ln, ln.points, "stroke", ln.intensity, None, True) for ln in reg.lines)
