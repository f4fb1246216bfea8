"""The back with its landmarks: outline, spine and level ticks, scapulae, ribs, kidneys, pelvis, the waist
watershed, lymph-node targets and the orientation marks; every region's plate and chart is drawn on it.

Every function has the shape ``draw_x(..., ax=None, **kw) -> artists``: it draws on ``ax`` (or ``plt.gca()``)
and returns what it made. Nothing here holds a fact: points come from :mod:`backdata.method.anatomy`, colours
from :mod:`backdata.views.theme`. Nothing here calls ``plt.show()``, saves, or changes global ``rcParams``.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.patches import Polygon
from matplotlib.transforms import blended_transform_factory

from backdata.core.errors import as_bool
from backdata.core.model import Side, Target
from backdata.method import anatomy
from backdata.views.draw.base import (
    KEY_LEVELS,
    SMALL_TEXT,
    _as_ax,
    _as_box,
    _as_levels,
    _as_nodes,
    _closes_on_error,
    _fs,
    _lw,
    _prepare,
    _xy,
    _xy_pairs,
)
from backdata.views.draw.muscles import draw_muscles
from backdata.views.theme import ARM, BONE, INK, MUTED, SKIN, SPINE_BAND

__all__ = ["draw_back", "muscles_figure"]


@_closes_on_error
def draw_back(
    ax: Axes | None = None,
    *,
    levels: Sequence[str] = KEY_LEVELS,
    nodes: Sequence[Target] = (),
    orientation: bool = True,
    box: tuple[float, float, float, float] | None = None,
    sex: str = "male",
    muscles: bool = False,
) -> dict[str, list[Artist]]:
    """The back with its landmarks: the body (``sex``: ``"male"`` or ``"female"``, the trunk and the arms lying
    along it), spine with level ticks and ``levels`` labelled, scapulae, ribs 11–12, kidneys, iliac crests,
    PSIS, sacrum, the cleft of the buttocks, the waist watershed and the ``nodes`` targets; with ``muscles``
    the superficial muscles, lightly, under everything else.

    Returns the artists by group (``"outline"``, ``"arms"``, ``"muscles"``, ``"spine"``, ``"levels"``,
    ``"scapulae"``, ``"ribs"``, ``"kidneys"``, ``"pelvis"``, ``"watershed"``, ``"nodes"``, ``"orientation"``).
    """
    ax, levels, nodes = _as_ax(ax), _as_levels(levels), _as_nodes(nodes)
    orientation, box = as_bool("orientation", orientation), _as_box(box)
    sex, muscles = anatomy.as_sex(sex), as_bool("muscles", muscles)
    ax = ax or plt.gca()
    _prepare(ax, box)
    lm = anatomy.LANDMARKS
    out: dict[str, list[Artist]] = {
        k: []
        for k in (
            "outline",
            "arms",
            "muscles",
            "spine",
            "levels",
            "scapulae",
            "ribs",
            "kidneys",
            "pelvis",
            "watershed",
            "nodes",
            "orientation",
        )
    }
    for arm in anatomy.arms(sex):  # over the trunk's edge: the deltoid caps the shoulder
        out["arms"].append(
            ax.add_patch(Polygon(_xy_pairs(arm), closed=True, facecolor=ARM, edgecolor=INK, lw=_lw(0.6), zorder=1.02))
        )
    out["outline"].append(
        ax.add_patch(
            Polygon(_xy_pairs(anatomy.outline(sex)), closed=True, facecolor=SKIN, edgecolor=INK, lw=_lw(0.7), zorder=1)
        )
    )
    if muscles:
        out["muscles"] = [a for group in draw_muscles(ax).values() for a in group]
    band = lm["spinous_band"].points
    out["spine"].append(
        ax.add_patch(Polygon(_xy_pairs(band), closed=True, facecolor=SPINE_BAND, edgecolor="none", zorder=1.2))
    )
    half = anatomy.SPINOUS_BAND_HALF_WIDTH
    ticks = [((-half * 0.8, y), (half * 0.8, y)) for y in anatomy.LEVELS.values()]
    out["spine"].append(ax.add_collection(LineCollection(ticks, colors=MUTED, linewidths=_lw(0.35), zorder=1.3)))
    if box is None:
        for name in levels:
            y = anatomy.level_y(name)
            edge = _body_left(y, sex)
            out["levels"].append(
                ax.plot([-0.74, edge], [y, y], color=MUTED, lw=_lw(0.18), ls=(0, (1, 3)), zorder=1.25)[0]
            )
            out["levels"].append(
                ax.text(
                    -0.76, y, name, ha="right", va="center", fontsize=_fs(0.78), color=INK, fontweight="bold", zorder=5
                )
            )
    else:  # zoomed: labels just left of the axes, a faint leader from the axes' edge to the body (not across it)
        out["levels"] += _edge_levels(ax, levels, sex)
    for side in ("right", "left"):
        out["scapulae"].append(
            ax.add_patch(
                Polygon(
                    _xy_pairs(lm[f"scapula_{side}"].points),
                    closed=True,
                    facecolor=BONE,
                    edgecolor=MUTED,
                    lw=_lw(0.4),
                    zorder=1.4,
                )
            )
        )
        xs, ys = _xy(lm[f"scapula_spine_{side}"].points)
        out["scapulae"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.5), zorder=1.45)[0])
        for rib in ("rib11", "rib12"):
            xs, ys = _xy(lm[f"{rib}_{side}"].points)
            out["ribs"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.45), zorder=1.45)[0])
        out["kidneys"].append(
            ax.add_patch(
                Polygon(
                    _xy_pairs(lm[f"kidney_{side}"].points),
                    closed=True,
                    facecolor="none",
                    edgecolor=MUTED,
                    lw=_lw(0.4),
                    ls=(0, (3, 2)),
                    zorder=1.4,
                )
            )
        )
        xs, ys = _xy(lm[f"iliac_crest_{side}"].points)
        out["pelvis"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.5), zorder=1.45)[0])
        p = lm[f"psis_{side}"].points[0]
        out["pelvis"].append(ax.plot([p.x], [p.y], "o", ms=_fs(0.35), mfc="white", mec=MUTED, zorder=1.5)[0])
    out["pelvis"].append(
        ax.add_patch(
            Polygon(
                _xy_pairs(lm["sacrum"].points), closed=True, facecolor=BONE, edgecolor=MUTED, lw=_lw(0.4), zorder=1.35
            )
        )
    )
    xs, ys = _xy(lm["gluteal_cleft"].points)
    out["pelvis"].append(ax.plot(xs, ys, color=INK, lw=_lw(0.5), zorder=1.45)[0])
    xs, ys = _xy(lm["waist_watershed"].points)
    out["watershed"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.3), ls=(0, (6, 2, 1, 2)), zorder=1.3)[0])
    for target in nodes:
        for side in Side:
            p = anatomy.NODE_TARGETS[(target, side)]
            out["nodes"].append(
                ax.plot(
                    [p.x], [p.y], marker="D", ms=_fs(0.55), mfc="white", mec=INK, mew=_lw(0.4), ls="none", zorder=6
                )[0]
            )
    if orientation and box is not None:
        over = {"transform": ax.transAxes, "va": "bottom", "color": MUTED, "clip_on": False}  # over the axes
        out["orientation"] += [
            ax.text(0.5, 1.004, "HEAD ▲", ha="center", fontsize=_fs(SMALL_TEXT), **over),
            ax.text(0.0, 1.004, "patient's LEFT", ha="left", fontsize=_fs(0.75), **over),
            ax.text(1.0, 1.004, "patient's RIGHT", ha="right", fontsize=_fs(0.75), **over),
        ]
    elif orientation:
        out["orientation"] += [
            ax.text(0, -0.325, "HEAD ▲", ha="center", va="bottom", fontsize=_fs(SMALL_TEXT), color=MUTED),
            ax.text(0, 1.515, "FEET ▼", ha="center", va="bottom", fontsize=_fs(SMALL_TEXT), color=MUTED),
            ax.text(-0.42, -0.2, "patient's\nLEFT", ha="center", va="center", fontsize=_fs(0.75), color=MUTED),
            ax.text(0.42, -0.2, "patient's\nRIGHT", ha="center", va="center", fontsize=_fs(0.75), color=MUTED),
        ]
    return out


def _body_left(y: float, sex: str) -> float:
    """The body's left edge (the arm's or the trunk's, whichever lies further out) at height ``y``; the spinous
    band's edge where the body does not reach (above the head)."""
    xs = []
    for poly in (anatomy.outline(sex), *anatomy.arms(sex)):
        for a, b in zip(poly, (*poly[1:], poly[0])):
            if (a.y - y) * (b.y - y) <= 0 and a.y != b.y:
                xs.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
    return min(xs) if xs else -anatomy.SPINOUS_BAND_HALF_WIDTH


def _edge_levels(ax: Axes, levels: Sequence[str], sex: str) -> list[Artist]:
    """Level labels just left of a zoomed plate's axes, in order of ``levels`` (the first ones first): only those
    in view, none nearer another than a line and a quarter of text, none cut by the axes' top or bottom."""
    fs = _fs(SMALL_TEXT)
    gap = 1.3 * fs * ax.figure.dpi / 72  # pixels between two labels' centres
    (x0, _), (y_bottom, y_top) = ax.get_xlim(), ax.get_ylim()
    to_px = ax.transData.transform
    kept: dict[str, float] = {}
    for name in levels:
        py = to_px((0, anatomy.level_y(name)))[1]
        inside = to_px((0, y_top))[1] - gap / 2 >= py >= to_px((0, y_bottom))[1] + gap / 2
        if inside and all(abs(py - k) >= gap for k in kept.values()):
            kept[name] = py
    out: list[Artist] = []
    edge_of = blended_transform_factory(ax.transAxes, ax.transData)
    for name in sorted(kept, key=anatomy.level_y):
        y = anatomy.level_y(name)
        edge = _body_left(y, sex)
        if edge > x0:
            out.append(ax.plot([x0, edge], [y, y], color=MUTED, lw=_lw(0.18), ls=(0, (1, 3)), zorder=1.25)[0])
        label = ax.text(
            -0.006, y, name, transform=edge_of, ha="right", va="center", fontsize=fs, color=INK, fontweight="bold"
        )
        label.set_clip_on(False)
        out.append(label)
    return out


@_closes_on_error
def muscles_figure(*, sex: str = "male") -> Figure:
    """The "muscles" view: the back (``sex``: ``"male"`` or ``"female"``) with its superficial muscles, each named
    in a column at the right. Use inside :func:`~backdata.views.draw.style`."""
    sex = anatomy.as_sex(sex)
    fig = plt.figure()
    ax = fig.add_axes((0.0, 0.0, 1.0, 0.9))
    draw_back(ax, sex=sex, levels=KEY_LEVELS)
    draw_muscles(ax, labels=True)
    ax.set_xlim(-0.98, 1.6)
    fig.suptitle(f"Superficial muscles of the back ({sex} body)", x=0.02, ha="left", fontweight="bold")
    return fig
