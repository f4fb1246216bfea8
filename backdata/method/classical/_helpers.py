"""Building blocks shared by the region modules: the editorial cites, the cite of the sacrum rule (also a general
rule) and the small constructors of points, mirrored line pairs, zones and durations."""

from __future__ import annotations

from backdata.core.geometry import clip_polygon_y, mirror
from backdata.core.model import Cite, Duration, Intensity, Minutes, Point, Side, StrokeKind, StrokeLine, Target
from backdata.method.anatomy import OUTLINE

__all__ = ["EDITORIAL_INTENSITY", "EDITORIAL_LAYOUT", "SACRUM_UP", "band", "both", "mins", "pts"]

EDITORIAL_LAYOUT = Cite(
    reference="editorial: line layout reconstructed from the source's words and the "
    "drainage rule of anatomy.md (the source's figures are lost)"
)
EDITORIAL_INTENSITY = Cite(
    reference="editorial: the source gives no force for this line; the technique's own pressure applies"
)


def pts(*xy: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in xy)


def both(
    number: int,
    right: tuple[Point, ...],
    kind: StrokeKind,
    intensity: Intensity,
    target: Target,
    cite: Cite,
    intensity_cite: Cite,
) -> tuple[StrokeLine, StrokeLine]:
    """One numbered line on the patient's right side and its mirror on the left (the source: symmetrical)."""
    return (
        StrokeLine(number, Side.right, right, kind, intensity, target, cite, intensity_cite),
        StrokeLine(number, Side.left, mirror(right), kind, intensity, target, cite, intensity_cite),
    )


def band(y_top: float, y_bottom: float) -> tuple[Point, ...]:
    """The outline between two heights: a region's zone."""
    return clip_polygon_y(OUTLINE, y_top, y_bottom)


def mins(lo: float, hi: float, cite: Cite) -> Duration:
    return Duration(Minutes(float(lo), float(hi)), cite)


SACRUM_UP = Cite((107,), "The massage should start from the sacrum area, smoothly moving upward")
