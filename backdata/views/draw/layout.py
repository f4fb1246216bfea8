"""The layout of a region's plate: the axes fitted to the region's view box (1:1, as large as the panel allows),
a strip beside it for the locator (the whole back with the region and the view box) and the centimetre scale
bar, and labels kept inside the axes.

Nothing here holds a fact: the body comes from :mod:`backdata.method.anatomy` (``unit_cm``: one unit L in
centimetres), colours from :mod:`backdata.views.theme`, words from :mod:`backdata.views.text`.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.text import Text

from backdata.core.model import Point, Region, Side, Target
from backdata.method import anatomy
from backdata.views.draw.base import NODE_LABEL, SMALL_TEXT, _fs, _lw, _xy_pairs
from backdata.views.text import LOCATOR_NAME, NODE_WHERE, SCALE_BAR
from backdata.views.theme import ARM, INK, MUTED, SKIN, region_color

__all__: list[str] = []

PANEL = (0.045, 0.01, 0.55, 0.862)
"""The back's panel in figure fractions (left, bottom, right, top): the level labels sit left of it, the
orientation words over it, the sequence and legend right of it."""
LOCATOR_HEIGHT = 1.0
"""The locator's height in inches (its width follows the body's shape)."""
_BODY = (-0.62, 0.62, -0.32, 1.52)  # the whole body, both sexes, arms included (x0, x1, y0, y1)


def fit_axes(fig: Figure, box: tuple[float, float, float, float]) -> tuple[tuple, tuple]:
    """The axes' rectangle (figure fractions) holding ``box`` at 1:1, as large as the panel allows once a strip
    is left for the locator and the scale bar (under the axes or right of it, whichever leaves the larger axes);
    returns ``(axes_rect, strip_rect)``. The axes touch the panel's top left corner."""
    fw, fh = fig.get_size_inches()
    left, bottom, right, top = PANEL
    pw, ph = (right - left) * fw, (top - bottom) * fh
    aspect = (box[1] - box[0]) / (box[3] - box[2])
    strip_h = LOCATOR_HEIGHT + 0.15
    strip_w = LOCATOR_HEIGHT * _body_aspect() + 0.25
    w_under = min(pw, (ph - strip_h) * aspect)  # strip under the axes
    w_beside = min(pw - strip_w, ph * aspect)  # strip right of the axes
    w = max(w_under, w_beside)
    h = w / aspect
    axes = (left, top - h / fh, w / fw, h / fh)
    if w_under >= w_beside:
        strip = (left, bottom, right - left, top - h / fh - bottom)
    else:
        strip = (left + w / fw, bottom, right - left - w / fw, top - bottom)
    return axes, strip


def _body_aspect() -> float:
    return (_BODY[1] - _BODY[0]) / (_BODY[3] - _BODY[2])


def draw_locator(fig: Figure, strip: Sequence[float], reg: Region, ax: Axes, sex: str) -> Axes:
    """A small whole-back silhouette in the strip's bottom right corner: the region's zone in its colour and the
    main plate's view box as a rectangle. Its axes are labelled ``"locator"`` (and so named in the SVG)."""
    fw, fh = fig.get_size_inches()
    x, y, w, h = strip
    lh = min(LOCATOR_HEIGHT, h * fh - 0.25)
    lw = lh * _body_aspect()
    rect = (x + w - lw / fw - 0.035, y + 0.004, lw / fw, lh / fh)
    inset = fig.add_axes(rect, label="locator")
    inset.set_gid("locator")
    for arm in anatomy.arms(sex):
        inset.add_patch(Polygon(_xy_pairs(arm), closed=True, facecolor=ARM, edgecolor=MUTED, lw=_lw(0.25)))
    inset.add_patch(Polygon(_xy_pairs(anatomy.outline(sex)), closed=True, facecolor=SKIN, edgecolor=MUTED, lw=_lw(0.3)))
    for z in reg.zones:
        inset.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor=region_color(reg), edgecolor=INK, lw=_lw(0.2)))
    (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
    inset.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor="none", edgecolor=INK, lw=_lw(0.45)))
    inset.set_xlim(_BODY[0], _BODY[1])
    inset.set_ylim(_BODY[3], _BODY[2])
    inset.set_aspect("equal")
    inset.set_axis_off()
    inset.text(
        0.5, 1.0, LOCATOR_NAME, transform=inset.transAxes, ha="center", va="bottom", fontsize=_fs(SMALL_TEXT), color=INK
    )
    return inset


def draw_scale_bar(fig: Figure, strip: Sequence[float], ax: Axes, sex: str, beside: Axes | None) -> list[Artist]:
    """A centimetre bar at the plate's scale (10 cm, or 5 cm where 10 would not fit), labelled, in the strip: left
    of the locator when the strip lies under the axes, over it when the strip lies beside them."""
    fw, fh = fig.get_size_inches()
    x, y, w, h = strip
    px_per_unit = ax.bbox.width / (ax.get_xlim()[1] - ax.get_xlim()[0])
    over = beside is not None and x > PANEL[0] + 1e-6  # the strip lies beside the axes (not under them)
    room = w * fig.bbox.width - (beside.bbox.width if beside is not None and not over else 0) - 20
    cm = 10 if 10 / anatomy.unit_cm(sex) * px_per_unit <= room else 5
    length = cm / anatomy.unit_cm(sex) * px_per_unit / fig.bbox.width
    if over:  # a strip beside the axes: over the locator
        x0 = x + (w - length) / 2
        y0 = beside.get_position().y1 + 0.09
    else:
        x0, y0 = x + 0.01, y + 0.05
    tick = 0.012 * fw / fh
    bar = Line2D(
        [x0, x0, x0, x0 + length, x0 + length, x0 + length],
        [y0 + tick, y0, y0, y0, y0, y0 + tick],
        transform=fig.transFigure,
        color=INK,
        lw=_lw(0.8),
        solid_capstyle="butt",
    )
    fig.add_artist(bar)
    label = fig.text(
        x0 + length / 2,
        y0 + tick * 1.2,
        SCALE_BAR.format(cm=cm),
        ha="center",
        va="bottom",
        fontsize=_fs(SMALL_TEXT),
        color=INK,
    )
    label.set_gid("scale-bar")
    bar.set_gid("scale-bar-line")
    return [bar, label]


def keep_inside(texts: Sequence[Text], ax: Axes) -> None:
    """Move each text (and nothing else) just enough that its extent lies inside the axes."""
    renderer = ax.figure._get_renderer()  # the canvas's, or an Agg one (the same text metrics)
    box = ax.bbox
    inv = ax.transData.inverted()
    for t in texts:
        e = t.get_window_extent(renderer)
        dx = max(0.0, box.x0 + 2 - e.x0) - max(0.0, e.x1 - (box.x1 - 2))
        dy = max(0.0, box.y0 + 2 - e.y0) - max(0.0, e.y1 - (box.y1 - 2))
        if dx or dy:
            x, y = t.get_position()
            px, py = ax.transData.transform((x, y))
            t.set_position(tuple(inv.transform((px + dx, py + dy))))


# --- Lymph-node labels ----------------------------------------------------------------------------------------


_BESIDE = frozenset({Target.supraclavicular})
"""Nodes labelled beside them, outward (in the open over the shoulder), not over or under them."""
_LABEL_ROOM = 0.092
"""The height of a node's label (two lines) in units L, at the plates' scales."""


def _label_anchor(reg: Region, p: Point) -> tuple[float, bool]:
    """Where a node's label starts (its top when below the node, its bottom when above) and whether it lies
    below: on the side away from the zone's middle, clear of the zone's edge when that edge is near."""
    ys = [q.y for z in reg.zones for q in z]
    below = p.y >= (min(ys) + max(ys)) / 2
    if below:
        return (max(p.y + 0.035, max(ys) + 0.025) if max(ys) < p.y + 0.15 else p.y + 0.035), True
    return (min(p.y - 0.035, min(ys) - 0.025) if min(ys) > p.y - 0.12 else p.y - 0.035), False


def _node_label(t: Target) -> str:
    """A node group's name on the plate, and where it lies when not on the back."""
    return NODE_LABEL[t] + (f"\n{NODE_WHERE[t].replace(chr(10), ' ')}" if t in NODE_WHERE else "")


def _node_labels(ax: Axes, reg: Region, targets: Sequence[Target]) -> list[Artist]:
    """Each node's label over or under it (away from the zone), on a white ground, with a leader to the node."""
    out: list[Artist] = []
    for t in targets:
        for side in Side:
            p = anatomy.NODE_TARGETS[(t, side)]
            if t in _BESIDE:  # in the open beside the node, outward
                right = side is Side.right
                out.append(
                    ax.text(
                        p.x + (0.03 if right else -0.03),
                        p.y,
                        NODE_LABEL[t].replace(" ", "\n"),
                        fontsize=_fs(SMALL_TEXT),
                        ha="left" if right else "right",
                        va="center",
                        linespacing=1.05,
                        color=INK,
                        zorder=6,
                    )
                )
                continue
            y, below = _label_anchor(reg, p)
            out.append(ax.plot([p.x, p.x], [p.y, y], color=INK, lw=_lw(0.35), zorder=5.9, solid_capstyle="butt")[0])
            out.append(
                ax.text(
                    p.x,
                    y,
                    _node_label(t),
                    fontsize=_fs(SMALL_TEXT),
                    ha="center",
                    va="top" if below else "bottom",
                    multialignment="center",
                    linespacing=1.05,
                    color=INK,
                    zorder=6,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
                )
            )
    return out
