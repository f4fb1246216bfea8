"""The superficial muscles under the lines: pale fills from :data:`backdata.method.muscles.MUSCLES`, and the
"muscles" view that names them.

Same shape as the rest of :mod:`backdata.views.draw`: ``draw_x(..., ax=None, **kw) -> artists``; no facts
(the outlines come from :mod:`backdata.method.muscles`), colours from :mod:`backdata.views.theme`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.patches import Polygon

from backdata.core.errors import as_bool
from backdata.core.model import Point
from backdata.method.muscles import DEEPER, MUSCLE_ORDER, MUSCLES
from backdata.views.draw.base import _as_ax, _closes_on_error, _fs, _lw, _xy_pairs
from backdata.views.theme import MUSCLE_EDGE, MUSCLE_TEXT, muscle_tint

__all__ = ["MUSCLE_LABEL_AT", "draw_muscles"]

MUSCLE_LABEL_AT = {
    "trapezius_upper": Point(0.27, 0.05),
    "levator_scapulae": Point(0.10, -0.10),
    "trapezius_middle": Point(0.33, 0.115),
    "rhomboids": Point(0.09, 0.20),
    "trapezius_lower": Point(0.10, 0.38),
    "latissimus_dorsi": Point(0.33, 0.62),
    "erector_spinae": Point(0.15, 0.80),
    "thoracolumbar_fascia": Point(0.12, 1.02),
    "gluteus_maximus": Point(0.27, 1.30),
}
"""Where a muscle's leader starts (on its right-side shape): a place of the drawing, not a fact."""
_LABEL_X = 0.64  # the column of names, right of the right arm


@_closes_on_error
def draw_muscles(ax: Axes | None = None, *, labels: bool = False) -> dict[str, list[Artist]]:
    """The superficial muscles, lightly, deepest first (the trapezius on top; the muscles under it drawn with
    dashed borders). With ``labels`` each is named in a column right of the body, a leader to its shape.

    Returns the artists by muscle key; the names under ``"labels"``."""
    ax, labels = _as_ax(ax), as_bool("labels", labels)
    ax = ax or plt.gca()
    out: dict[str, list[Artist]] = {k: [] for k in (*MUSCLE_ORDER, "labels")}
    for z, key in enumerate(MUSCLE_ORDER):
        m = MUSCLES[key]
        for poly in m.outlines:
            out[key].append(
                ax.add_patch(
                    Polygon(
                        _xy_pairs(poly),
                        closed=True,
                        facecolor=muscle_tint(key),
                        alpha=0.8,
                        edgecolor=MUSCLE_EDGE,
                        lw=_lw(0.3),
                        ls=(0, (3, 2)) if key in DEEPER else "-",
                        zorder=1.05 + z * 0.01,
                        label=m.name,
                        gid=f"muscle-{key}",
                    )
                )
            )
    if labels:
        order = sorted(MUSCLE_ORDER, key=lambda k: MUSCLE_LABEL_AT[k].y)
        y0, y1 = -0.28, 1.42
        for i, key in enumerate(order):
            at = MUSCLE_LABEL_AT[key]
            y = y0 + (y1 - y0) * i / (len(order) - 1)
            out["labels"].append(
                ax.plot([at.x, _LABEL_X - 0.01], [at.y, y], color=MUSCLE_TEXT, lw=_lw(0.3), zorder=5.5)[0]
            )
            out["labels"].append(ax.plot([at.x], [at.y], "o", ms=_fs(0.2), color=MUSCLE_TEXT, zorder=5.6)[0])
            name = MUSCLES[key].name.replace(", ", ",\n", 1).replace(" (", "\n(", 1)
            out["labels"].append(
                ax.text(
                    _LABEL_X,
                    y,
                    name,
                    ha="left",
                    va="center",
                    fontsize=_fs(0.72),
                    color=MUSCLE_TEXT,
                    zorder=6,
                    linespacing=1.0,
                )
            )
    return out
