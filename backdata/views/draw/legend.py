"""Legend handlers of the region plates: a short sample of a technique's marks (its colour, shape, casing), a
force's badge, and a caution's zone (grey hatching in a dash-dot outline)."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon, Rectangle

from backdata.core.model import Cite, Intensity, Point, Side, StrokeKind, StrokeLine, Target, Technique
from backdata.views.draw.base import _casing, _lw, _mark_width
from backdata.views.strokes import INTENSITY_WIDTH, arrowhead, line_marks
from backdata.views.theme import BADGE, CAUTION_COLOR, CAUTION_HATCH_COLOR, CAUTION_LINESTYLE, INK, mark_edge

__all__ = ["BadgeHandle", "BadgeHandler", "CautionHandle", "CautionHandler", "MarksHandle", "MarksHandler"]


class MarksHandle:
    """A legend handle that draws a short sample of a technique's marks."""

    def __init__(self, technique: Technique, color: str, intensity: Intensity = Intensity.moderate):
        self.technique, self.color, self.intensity = technique, color, intensity


class MarksHandler(HandlerBase):
    """Draws a :class:`MarksHandle`: the technique's marks along a short line, in its colour."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        length = 0.16  # about the plates' own scale (projector and print): the sample looks like the marks
        sample = StrokeLine(
            0,
            Side.right,
            (Point(0, 0), Point(length, 0)),
            StrokeKind.longitudinal,
            orig_handle.intensity,
            Target.local,
            Cite(reference="editorial: legend sample"),
            Cite(reference="editorial: legend sample"),
        )
        marks = line_marks(sample, sample.points, orig_handle.technique)
        scale = width / length

        def tx(p: Point) -> tuple[float, float]:
            return (-xdescent + p.x * scale, -ydescent + height / 2 - p.y * scale)

        out: list[Artist] = []
        lw = _mark_width(marks.style, orig_handle.intensity)
        edge = mark_edge(orig_handle.color)
        for path in marks.paths:
            pts = [tx(p) for p in path]
            line = Line2D([q[0] for q in pts], [q[1] for q in pts], color=orig_handle.color, lw=lw, transform=trans)
            line.set_path_effects(_casing(lw, edge))
            out.append(line)
        if marks.dots:
            pts = [tx(p) for p in marks.dots]
            out.append(
                Line2D(
                    [q[0] for q in pts],
                    [q[1] for q in pts],
                    marker="o",
                    ls="none",
                    color=orig_handle.color,
                    mec=edge or orig_handle.color,
                    mew=_lw(0.22),
                    ms=lw * 1.6,
                    transform=trans,
                )
            )
        for a in marks.arrows[-1:]:
            tri = [tx(p) for p in arrowhead(a, 0.045)]
            out.append(
                Polygon(
                    tri, closed=True, facecolor=orig_handle.color, edgecolor=edge or orig_handle.color, transform=trans
                )
            )
        return out


class BadgeHandle:
    """A legend handle for a force: its line width and its number badge."""

    def __init__(self, intensity: Intensity):
        self.intensity = intensity


class BadgeHandler(HandlerBase):
    """Draws a :class:`BadgeHandle`: a line of the force's width ending in the badge's ring."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        b = BADGE[orig_handle.intensity]
        y = -ydescent + height / 2
        line = Line2D(
            [-xdescent + height, -xdescent + width],
            [y, y],
            color=INK,
            lw=_lw(INTENSITY_WIDTH[orig_handle.intensity]),
            transform=trans,
        )
        r = height * 0.62
        ring = Circle(
            (-xdescent + r, y), r, facecolor=b["face"], edgecolor=INK, lw=_lw(0.35), ls=b["ls"], transform=trans
        )
        return [line, ring]


class CautionHandle:
    """A legend handle for a caution: its hatch (the colours and outline are every caution's)."""

    def __init__(self, hatch: str):
        self.hatch = hatch


class CautionHandler(HandlerBase):
    """Draws a :class:`CautionHandle` as the plate draws a caution's zone: light grey hatching in a dark grey
    dash-dot outline."""

    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        box = (-xdescent, -ydescent), width, height
        fill = Rectangle(*box, facecolor="none", edgecolor=CAUTION_HATCH_COLOR, hatch=orig_handle.hatch, lw=0)
        outline = Rectangle(*box, facecolor="none", edgecolor=CAUTION_COLOR, lw=_lw(0.3), ls=CAUTION_LINESTYLE)
        for a in (fill, outline):
            a.set_transform(trans)
        return [fill, outline]
