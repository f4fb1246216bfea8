"""What every plate and chart shares: the shipped styles, the argument checks, sizes that follow the style,
the frame of the back, and the drawing of one line's marks.

Nothing here holds a fact or a colour: points and marks come from :mod:`backdata` and
:mod:`backdata.views.strokes`, colours from :mod:`backdata.views.theme`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import MappingProxyType

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib import patheffects
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure

from backdata.core.errors import BackdataError, as_number, as_type, choose, shown
from backdata.core.model import Intensity, Point, Target
from backdata.method import anatomy
from backdata.views.strokes import INTENSITY_WIDTH, LineMarks
from backdata.views.theme import HALO, mark_edge

__all__ = ["KEY_LEVELS", "NODE_LABEL", "SMALL_TEXT", "XLIM", "YLIM", "style"]

XLIM = (-0.98, 0.98)
YLIM = (1.52, -0.40)  # inverted: the head at the top
SMALL_TEXT = 0.75
"""The smallest text of a plate (level labels, the badges' numbers, HEAD and FEET, the lymph nodes' labels, the
locator's caption, the scale bar's), as a fraction of the style's font size: 11 pt on the projector (about 16 px
at 1280 x 720), 7 pt and more on the printed A4 sheet, where the plate's crop is scaled to the page's width
(tests/test_print.py measures it)."""
KEY_LEVELS = ("C1", "C7", "T3", "T7", "T12", "L2", "L4", "S2")
NODE_LABEL = MappingProxyType(
    {
        Target.axillary: "axillary nodes",
        Target.inguinal: "inguinal nodes",
        Target.supraclavicular: "supraclavicular nodes",
    }
)


@contextmanager
def style(name: str = "projector") -> Iterator[None]:
    """Apply a shipped style (``"projector"`` or ``"print"``) for the duration of a ``with`` block."""
    name = choose("style", name, ("projector", "print"))
    with plt.style.context(f"backdata.styles.{name}"):
        yield


def _closes_on_error(func: Callable) -> Callable:
    """Run a drawing function so that, if it raises, every pyplot figure it opened is closed again."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        before = set(plt.get_fignums())
        try:
            return func(*args, **kwargs)
        except BaseException:
            for num in set(plt.get_fignums()) - before:
                plt.close(num)
            raise

    return wrapper


def _as_ax(ax: object) -> Axes | None:
    return as_type("ax", ax, Axes, "a matplotlib Axes", optional=True)


def _as_fig(fig: object) -> Figure | None:
    return as_type("fig", fig, Figure, "a matplotlib Figure", optional=True)


def _as_levels(levels: object) -> list[str]:
    """Vertebral level names (one name or a list of them), each checked."""
    if isinstance(levels, str):
        levels = [levels]
    elif not isinstance(levels, Iterable):
        raise BackdataError(
            f"levels must be a list of vertebral level names, got {shown(levels)}; valid: {', '.join(anatomy.LEVELS)}"
        )
    return [choose("vertebral level", n, anatomy.LEVELS) for n in levels]


def _as_nodes(nodes: object) -> list[Target]:
    """Node targets (members of :class:`Target` or their names) that have a place on the back."""
    valid = list(dict.fromkeys(t for t, _ in anatomy.NODE_TARGETS))
    if isinstance(nodes, (str, Target)):
        nodes = [nodes]
    elif not isinstance(nodes, Iterable):
        raise BackdataError(
            f"nodes must be a list of lymph node targets, got {shown(nodes)}; valid: "
            f"{', '.join(t.value for t in valid)}"
        )
    return [
        Target(choose("lymph node target", t.value if isinstance(t, Target) else t, [v.value for v in valid]))
        for t in nodes
    ]


def _as_box(box: object) -> tuple[float, float, float, float] | None:
    if box is None:
        return None
    allowed = "None or (x0, x1, y0, y1), four numbers with x0 < x1 and y0 < y1"
    if not isinstance(box, Sequence) or isinstance(box, str) or len(box) != 4:
        raise BackdataError(f"box must be {allowed}, got {shown(box)}")
    x0, x1, y0, y1 = (as_number("box", v) for v in box)
    if not (x0 < x1 and y0 < y1):
        raise BackdataError(f"box must be {allowed}, got {shown(box)}")
    return (x0, x1, y0, y1)


def _xy(points: Sequence[Point]) -> tuple[list[float], list[float]]:
    return [p.x for p in points], [p.y for p in points]


def _lw(scale: float = 1.0) -> float:
    return mpl.rcParams["lines.linewidth"] * scale


def _fs(scale: float = 1.0) -> float:
    return mpl.rcParams["font.size"] * scale


def _prepare(ax: Axes, box: tuple[float, float, float, float] | None = None) -> None:
    if box is None:
        ax.set_xlim(*XLIM)
        ax.set_ylim(*YLIM)
        ax.set_aspect("equal")
    else:  # a zoomed plate: the box's height fills the axes, the width follows the axes' shape
        x0, x1, y0, y1 = box
        w, h = ax.bbox.width, ax.bbox.height
        scale = max((x1 - x0) / w, (y1 - y0) / h)  # data units per pixel that fit the whole box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        ax.set_xlim(cx - scale * w / 2, cx + scale * w / 2)
        ax.set_ylim(cy + scale * h / 2, cy - scale * h / 2)
        ax.set_aspect("equal")
    ax.set_axis_off()


def _xy_pairs(points: Sequence[Point]) -> list[tuple[float, float]]:
    return [(p.x, p.y) for p in points]


# --- Marks of a technique -------------------------------------------------------------------------------------


def _draw_marks(ax: Axes, marks: LineMarks, color: str, zorder: float = 4) -> list[Artist]:
    """Artists for one line's marks: the paths, the dots, and one collection of arrowheads (last).

    Every mark has a white halo (it reads over the zone, the caution hatching and its neighbours); a mark in a
    light colour (:data:`~backdata.views.theme.LIGHT_COLORS`) is cased in a dark edge."""
    width = _lw(INTENSITY_WIDTH[marks.intensity])
    lw = _mark_width(marks.style, marks.intensity)
    edge = mark_edge(color)
    artists: list[Artist] = []
    for path in marks.paths:
        xs, ys = _xy(path)
        line = ax.plot(xs, ys, color=color, lw=lw, zorder=zorder, solid_joinstyle="round")[0]
        line.set_path_effects(_casing(lw, edge))
        artists.append(line)
    if marks.dots:
        xs, ys = _xy(marks.dots)
        dots = ax.plot(
            xs, ys, "o", color=color, ms=width * 1.9, ls="none", zorder=zorder, mec=edge or color, mew=_lw(0.22)
        )[0]
        dots.set_path_effects([patheffects.withStroke(linewidth=_lw(0.45), foreground=HALO)])
        artists.append(dots)
    tris = [_xy_pairs(h) for h in marks.heads]  # sized and placed by strokes (one source with bd.marks)
    coll = PolyCollection(tris, facecolors=color, edgecolors=edge or color, linewidths=0.8, zorder=zorder + 0.1)
    coll.set_path_effects([patheffects.withStroke(linewidth=_lw(0.45), foreground=HALO)])
    artists.append(ax.add_collection(coll))
    return artists


def _casing(lw: float, edge: str | None) -> list[patheffects.AbstractPathEffect]:
    """The path effects of a mark's line: a white halo, then a dark edge for a light colour, then the line."""
    effects: list[patheffects.AbstractPathEffect] = [patheffects.Stroke(linewidth=lw + _lw(0.7), foreground=HALO)]
    if edge is not None:
        effects.append(patheffects.Stroke(linewidth=lw + _lw(0.3), foreground=edge))
    return [*effects, patheffects.Normal()]


def _mark_width(style: str, intensity: Intensity) -> float:
    """Line width of a technique's marks: heavier for squeezing, finer for the looping and waving marks."""
    factor = {"squeeze": 1.7, "rub": 0.62, "knead": 0.62, "vibrate": 0.62, "shake": 0.62}.get(style, 1.0)
    return _lw(INTENSITY_WIDTH[intensity]) * factor
