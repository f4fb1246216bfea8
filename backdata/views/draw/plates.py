"""Drawing the back with matplotlib: the plates of the collection.

Every function has the shape ``draw_x(..., ax=None, **kw) -> artists``: it draws on ``ax`` (or ``plt.gca()``)
and returns what it made, so tests and widgets can inspect and update it. Nothing here holds a fact: points,
marks and texts come from :mod:`backdata` and :mod:`backdata.views.strokes`. Nothing here calls ``plt.show()``,
saves, or changes global ``rcParams``; styles are files applied with :func:`style`.

Colours are Okabe–Ito (colour-blind safe); every meaning also has a second cue (hatch, dash, shape, label).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import MappingProxyType

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, Polygon
from matplotlib.text import Text

from backdata.method import anatomy
from backdata.core.errors import BackdataError, as_bool, as_int, as_number, as_type, choose, shown
from backdata.core.geometry import catmull_rom, clip_polygon_y
from backdata.core.model import Intensity, Mode, Point, Region, Side, Target, Technique
from backdata.method.regions import REGIONS, as_mode, as_step, region
from backdata.views.strokes import INTENSITY_WIDTH, LineMarks, arrowhead, line_marks, step_marks
from backdata.views.tables import step_minutes
from backdata.method.techniques import TECHNIQUES

__all__ = [
    "OKABE_ITO",
    "REGION_COLOR",
    "TECHNIQUE_COLOR",
    "RegionView",
    "draw_back",
    "draw_overview",
    "draw_region",
    "draw_steps",
    "draw_technique_sheet",
    "draw_timeline",
    "region_figure",
    "style",
]

OKABE_ITO = MappingProxyType({
    "black": "#000000", "orange": "#E69F00", "sky_blue": "#56B4E9", "bluish_green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish_purple": "#CC79A7",
})
"""The Okabe–Ito palette. Orange, sky blue and yellow are below 3:1 on white: used only for filled areas."""

INK = "#1a1a1a"
MUTED = "#6b6b6b"
SKIN = "#f6f1ec"

TECHNIQUE_COLOR = MappingProxyType({
    Technique.stroking: OKABE_ITO["blue"], Technique.squeezing: OKABE_ITO["blue"],
    Technique.rubbing: OKABE_ITO["vermillion"], Technique.kneading: OKABE_ITO["vermillion"],
    Technique.vibration: OKABE_ITO["bluish_green"], Technique.percussion: OKABE_ITO["black"],
    Technique.shaking: OKABE_ITO["bluish_green"],
})
"""Ink per technique: dark Okabe–Ito colours (≥ 3:1 on white); the mark's shape is the first cue."""

REGION_COLOR = MappingProxyType({
    "preliminary": OKABE_ITO["sky_blue"], "collar": OKABE_ITO["orange"], "scapula": OKABE_ITO["reddish_purple"],
    "lower_thoracic": OKABE_ITO["bluish_green"], "lumbar": OKABE_ITO["yellow"],
})
REGION_HATCH = MappingProxyType({"preliminary": "", "collar": "..", "scapula": "oo", "lower_thoracic": "\\\\",
                                 "lumbar": "--"})
"""Fill pattern per region: the second cue of the overview map in black and white."""
CAUTION_COLOR = OKABE_ITO["vermillion"]

BADGE = MappingProxyType({
    Intensity.gentle: {"face": "white", "text": INK, "ls": ":"},
    Intensity.dosed: {"face": "white", "text": INK, "ls": "--"},
    Intensity.moderate: {"face": "white", "text": INK, "ls": "-"},
    Intensity.intense: {"face": INK, "text": "white", "ls": "-"},
})
"""Number badge per intensity: the cue beside line width (dotted, dashed, solid ring; filled for intense)."""

XLIM = (-0.98, 0.98)
YLIM = (1.52, -0.40)  # inverted: the head at the top
KEY_LEVELS = ("C1", "C7", "T3", "T7", "T12", "L2", "L4", "S2")
NODE_LABEL = MappingProxyType({Target.axillary: "axillary nodes", Target.inguinal: "inguinal nodes",
                               Target.supraclavicular: "supraclavicular nodes"})


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
        raise BackdataError(f"levels must be a list of vertebral level names, got {shown(levels)}; valid: "
                            f"{', '.join(anatomy.LEVELS)}")
    return [choose("vertebral level", n, anatomy.LEVELS) for n in levels]


def _as_nodes(nodes: object) -> list[Target]:
    """Node targets (members of :class:`Target` or their names) that have a place on the back."""
    valid = list(dict.fromkeys(t for t, _ in anatomy.NODE_TARGETS))
    if isinstance(nodes, (str, Target)):
        nodes = [nodes]
    elif not isinstance(nodes, Iterable):
        raise BackdataError(f"nodes must be a list of lymph node targets, got {shown(nodes)}; valid: "
                            f"{', '.join(t.value for t in valid)}")
    return [Target(choose("lymph node target", t.value if isinstance(t, Target) else t, [v.value for v in valid]))
            for t in nodes]


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


def view_box(reg: Region, crop: bool = False) -> tuple[float, float, float, float] | None:
    """The part of the back a region's plate shows: ``None`` for the whole back, or ``(x0, x1, y0, y1)`` around
    a small region (the scapula), or around any region when ``crop``, so that its lines read well."""
    ys = [p.y for z in reg.zones for p in z]
    if max(ys) - min(ys) >= 0.45 and not crop:
        return None
    xs = [abs(p.x) for z in reg.zones for p in z]
    half = max(xs) + 0.15
    return (-half, half, min(ys) - 0.08, max(ys) + 0.08)


# --- The back -----------------------------------------------------------------------------------------------

@_closes_on_error
def draw_back(ax: Axes | None = None, *, levels: Sequence[str] = KEY_LEVELS, nodes: Sequence[Target] = (),
              orientation: bool = True, box: tuple[float, float, float, float] | None = None
              ) -> dict[str, list[Artist]]:
    """The back with its landmarks: outline, spine with level ticks and ``levels`` labelled, scapulae, ribs
    11–12, kidneys, iliac crests, PSIS, sacrum, the waist watershed and the ``nodes`` targets.

    Returns the artists by group (``"outline"``, ``"spine"``, ``"levels"``, ``"scapulae"``, ``"ribs"``,
    ``"kidneys"``, ``"pelvis"``, ``"watershed"``, ``"nodes"``, ``"orientation"``).
    """
    ax, levels, nodes = _as_ax(ax), _as_levels(levels), _as_nodes(nodes)
    orientation, box = as_bool("orientation", orientation), _as_box(box)
    ax = ax or plt.gca()
    _prepare(ax, box)
    lm = anatomy.LANDMARKS
    out: dict[str, list[Artist]] = {k: [] for k in ("outline", "spine", "levels", "scapulae", "ribs", "kidneys",
                                                    "pelvis", "watershed", "nodes", "orientation")}
    out["outline"].append(ax.add_patch(Polygon(_xy_pairs(anatomy.OUTLINE), closed=True, facecolor=SKIN,
                                               edgecolor=INK, lw=_lw(0.7), zorder=1)))
    band = lm["spinous_band"].points
    out["spine"].append(ax.add_patch(Polygon(_xy_pairs(band), closed=True, facecolor="#e3ddd6",
                                             edgecolor="none", zorder=1.2)))
    half = anatomy.SPINOUS_BAND_HALF_WIDTH
    ticks = [((-half * 0.8, y), (half * 0.8, y)) for y in anatomy.LEVELS.values()]
    out["spine"].append(ax.add_collection(LineCollection(ticks, colors=MUTED, linewidths=_lw(0.35), zorder=1.3)))
    for name in levels:
        y = anatomy.level_y(name)
        if box is None:
            out["levels"].append(ax.plot([-0.74, -half], [y, y], color=MUTED, lw=_lw(0.18), ls=(0, (1, 3)),
                                         zorder=1.25)[0])
            out["levels"].append(ax.text(-0.76, y, name, ha="right", va="center", fontsize=_fs(0.78),
                                         color=INK, fontweight="bold", zorder=5))
        else:  # zoomed: labels at the view's left edge, a faint leader to the spine (clear of the badges)
            left = ax.get_xlim()[0]
            out["levels"].append(ax.plot([left + 0.075, -half], [y, y], color=MUTED, lw=_lw(0.18),
                                         ls=(0, (1, 3)), zorder=1.25)[0])
            out["levels"].append(ax.text(left + 0.01, y, name, ha="left", va="center", fontsize=_fs(0.72),
                                         color=INK, fontweight="bold", zorder=5, clip_on=True))
    for side in ("right", "left"):
        out["scapulae"].append(ax.add_patch(Polygon(_xy_pairs(lm[f"scapula_{side}"].points), closed=True,
                                                    facecolor="#ebe4dc", edgecolor=MUTED, lw=_lw(0.4),
                                                    zorder=1.4)))
        xs, ys = _xy(lm[f"scapula_spine_{side}"].points)
        out["scapulae"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.5), zorder=1.45)[0])
        for rib in ("rib11", "rib12"):
            xs, ys = _xy(lm[f"{rib}_{side}"].points)
            out["ribs"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.45), zorder=1.45)[0])
        out["kidneys"].append(ax.add_patch(Polygon(_xy_pairs(lm[f"kidney_{side}"].points), closed=True,
                                                   facecolor="none", edgecolor=MUTED, lw=_lw(0.4),
                                                   ls=(0, (3, 2)), zorder=1.4)))
        xs, ys = _xy(lm[f"iliac_crest_{side}"].points)
        out["pelvis"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.5), zorder=1.45)[0])
        p = lm[f"psis_{side}"].points[0]
        out["pelvis"].append(ax.plot([p.x], [p.y], "o", ms=_fs(0.35), mfc="white", mec=MUTED, zorder=1.5)[0])
    out["pelvis"].append(ax.add_patch(Polygon(_xy_pairs(lm["sacrum"].points), closed=True, facecolor="#ebe4dc",
                                              edgecolor=MUTED, lw=_lw(0.4), zorder=1.35)))
    xs, ys = _xy(lm["waist_watershed"].points)
    out["watershed"].append(ax.plot(xs, ys, color=MUTED, lw=_lw(0.3), ls=(0, (6, 2, 1, 2)), zorder=1.3)[0])
    for target in nodes:
        for side in Side:
            p = anatomy.NODE_TARGETS[(target, side)]
            out["nodes"].append(ax.plot([p.x], [p.y], marker="D", ms=_fs(0.55), mfc="white", mec=INK,
                                        mew=_lw(0.4), ls="none", zorder=6)[0])
    if orientation and box is not None:
        x0, x1, y0, y1 = box
        out["orientation"] += [
            ax.text(0.5, 1.0, "HEAD ▲", transform=ax.transAxes, ha="center", va="top", fontsize=_fs(0.72),
                    color=MUTED),
            ax.text(0.12, 1.0, "patient's LEFT", transform=ax.transAxes, ha="left", va="top",
                    fontsize=_fs(0.75), color=MUTED),
            ax.text(0.98, 1.0, "patient's RIGHT", transform=ax.transAxes, ha="right", va="top",
                    fontsize=_fs(0.75), color=MUTED),
        ]
    elif orientation:
        out["orientation"] += [
            ax.text(0, -0.325, "HEAD ▲", ha="center", va="bottom", fontsize=_fs(0.72), color=MUTED),
            ax.text(0, 1.45, "FEET ▼", ha="center", va="top", fontsize=_fs(0.72), color=MUTED),
            ax.text(-0.42, -0.2, "patient's\nLEFT", ha="center", va="center", fontsize=_fs(0.75), color=MUTED),
            ax.text(0.42, -0.2, "patient's\nRIGHT", ha="center", va="center", fontsize=_fs(0.75), color=MUTED),
        ]
    return out


def _xy_pairs(points: Sequence[Point]) -> list[tuple[float, float]]:
    return [(p.x, p.y) for p in points]


# --- Marks of a technique -------------------------------------------------------------------------------------

def _draw_marks(ax: Axes, marks: LineMarks, color: str, zorder: float = 4) -> list[Artist]:
    """Artists for one line's marks: the paths, the dots, and one collection of arrowheads (last)."""
    width = _lw(INTENSITY_WIDTH[marks.intensity])
    lw = _mark_width(marks.style, marks.intensity)
    artists: list[Artist] = []
    for path in marks.paths:
        xs, ys = _xy(path)
        artists.append(ax.plot(xs, ys, color=color, lw=lw, zorder=zorder, solid_joinstyle="round")[0])
    if marks.dots:
        xs, ys = _xy(marks.dots)
        artists.append(ax.plot(xs, ys, "o", color=color, ms=width * 1.9, ls="none", zorder=zorder)[0])
    size = 0.026 + 0.012 * INTENSITY_WIDTH[marks.intensity]
    if marks.style == "squeeze":
        size *= 1.15
    tris = [_xy_pairs(arrowhead(a, size)) for a in marks.arrows]
    coll = PolyCollection(tris, facecolors=color, edgecolors=color, linewidths=0.8, zorder=zorder + 0.1)
    artists.append(ax.add_collection(coll))
    return artists


def _mark_width(style: str, intensity: Intensity) -> float:
    """Line width of a technique's marks: heavier for squeezing, finer for the looping and waving marks."""
    factor = {"squeeze": 1.7, "rub": 0.62, "knead": 0.62, "vibrate": 0.62, "shake": 0.62}.get(style, 1.0)
    return _lw(INTENSITY_WIDTH[intensity]) * factor


def _guide(ax: Axes, points: Sequence[Point]) -> Line2D:
    xs, ys = _xy(points)
    return ax.plot(xs, ys, color=INK, lw=_lw(0.3), alpha=0.35, ls=(0, (2, 2)), zorder=3)[0]


def _badge(ax: Axes, number: int, at: Point, intensity: Intensity) -> Text:
    b = BADGE[intensity]
    return ax.text(at.x, at.y, str(number), ha="center", va="center", fontsize=_fs(0.72), fontweight="bold",
                   color=b["text"], zorder=7,
                   bbox={"boxstyle": "circle,pad=0.22", "facecolor": b["face"], "edgecolor": INK,
                         "linewidth": _lw(0.35), "linestyle": b["ls"]})


class _MarksHandle:
    """A legend handle that draws a short sample of a technique's marks."""

    def __init__(self, technique: Technique, color: str, intensity: Intensity = Intensity.moderate):
        self.technique, self.color, self.intensity = technique, color, intensity


class _MarksHandler(HandlerBase):
    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        from backdata.core.model import Cite, StrokeKind, StrokeLine

        length = 0.30
        sample = StrokeLine(0, Side.right, (Point(0, 0), Point(length, 0)), StrokeKind.longitudinal,
                            orig_handle.intensity, Target.local, Cite(reference="editorial: legend sample"),
                            Cite(reference="editorial: legend sample"))
        marks = line_marks(sample, sample.points, orig_handle.technique)
        scale = width / length

        def tx(p: Point) -> tuple[float, float]:
            return (-xdescent + p.x * scale, -ydescent + height / 2 - p.y * scale)

        out: list[Artist] = []
        lw = _mark_width(marks.style, orig_handle.intensity)
        for path in marks.paths:
            pts = [tx(p) for p in path]
            out.append(Line2D([q[0] for q in pts], [q[1] for q in pts], color=orig_handle.color, lw=lw,
                              transform=trans))
        if marks.dots:
            pts = [tx(p) for p in marks.dots]
            out.append(Line2D([q[0] for q in pts], [q[1] for q in pts], marker="o", ls="none",
                              color=orig_handle.color, ms=lw * 1.6, transform=trans))
        for a in marks.arrows[-1:]:
            tri = [tx(p) for p in arrowhead(a, 0.045)]
            out.append(Polygon(tri, closed=True, facecolor=orig_handle.color, edgecolor=orig_handle.color,
                               transform=trans))
        return out


class _BadgeHandle:
    def __init__(self, intensity: Intensity):
        self.intensity = intensity


class _BadgeHandler(HandlerBase):
    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        b = BADGE[orig_handle.intensity]
        y = -ydescent + height / 2
        line = Line2D([-xdescent + height, -xdescent + width], [y, y], color=INK,
                      lw=_lw(INTENSITY_WIDTH[orig_handle.intensity]), transform=trans)
        r = height * 0.62
        ring = Circle((-xdescent + r, y), r, facecolor=b["face"], edgecolor=INK, lw=_lw(0.35), ls=b["ls"],
                      transform=trans)
        return [line, ring]


# --- A region ---------------------------------------------------------------------------------------------------

@dataclass
class RegionView:
    """A region drawn once, with every step's artists; :meth:`set_step` and :meth:`set_mode` switch views by
    visibility and text only (no redraw from scratch)."""

    region: Region
    ax: Axes
    back: dict[str, list[Artist]]
    zone: list[Artist]
    cautions: dict[str, list[Artist]]
    guides: dict[str, Line2D]
    badges: dict[str, Text]
    steps: dict[int, list[Artist]]
    """Step number → its artists; step 0 is the "lines" view (every line with its direction)."""
    line_artists: dict[tuple[int, str], list[Artist]]
    """(step, line label such as ``"4R"``) → that line's artists; the last is its arrowhead collection."""
    legends: dict[int, Legend]
    highlights: dict[int, Text]
    """Step number → the bold "▶ n. step" over the sequence list."""
    captions: dict[tuple[Mode, int], Text]
    """(mode, step) → the caption under the title: times differ by mode."""
    mode: Mode = Mode.hygienic
    step: int = 0
    caution_steps: dict[str, set[int]] = field(default_factory=dict)
    _layers: dict[str, list[Artist]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        layers: dict[str, list[Artist]] = {}
        for n, arts in self.steps.items():
            extra = [x for x in (self.legends.get(n), self.highlights.get(n)) if x is not None]
            layers[f"s{n:02d}"] = [*arts, *extra]
        for (mode, n), text in self.captions.items():
            layers[f"t-{mode.value}-{n:02d}"] = [text]
        for key, arts in self.cautions.items():
            layers[f"c-{key}"] = arts
        self._layers = layers

    def layers(self) -> dict[str, list[Artist]]:
        """Layer name → artists: ``sNN`` (a step's marks, legend and highlight), ``t-MODE-NN`` (captions),
        ``c-KEY`` (a caution's zones). Everything else is the base, always shown."""
        return self._layers

    def visible_layers(self, mode: str | Mode | None = None, step: int | None = None) -> set[str]:
        """The layers shown for ``mode`` and ``step`` (default: the current ones)."""
        mode = self.mode if mode is None else as_mode(mode)
        step = self.step if step is None else as_step(self.region, step)
        shown = {f"s{step:02d}", f"t-{mode.value}-{step:02d}"}
        shown |= {f"c-{k}" for k, steps in self.caution_steps.items() if step in steps}
        return shown & set(self._layers)

    def set_step(self, step: int) -> None:
        """Show step ``step`` (0 = the lines view, 1… the technique steps): visibility only."""
        self.step = as_step(self.region, step)
        self._apply()

    def set_mode(self, mode: str | Mode) -> None:
        """Switch the mode: only the caption (its times) changes."""
        self.mode = as_mode(mode)
        self._apply()

    def _apply(self) -> None:
        shown = self.visible_layers()
        for name, arts in self._layers.items():
            visible = name in shown
            for a in arts:
                a.set_visible(visible)

    def visible_steps(self) -> list[int]:
        return [n for n, arts in self.steps.items() if arts and all(a.get_visible() for a in arts)]

    @property
    def subtitle(self) -> Text | None:
        """The caption shown now."""
        return self.captions.get((self.mode, self.step))


def step_caption(region_: str | Region, mode: str | Mode, step: int) -> str:
    """One line under the title: the step, its minutes and where they come from, the region's total."""
    reg, mode = region(region_), as_mode(mode)
    step = as_step(reg, step)
    total = reg.total[mode].minutes
    head = f"{mode.value} · whole region {total}"
    if step == 0:
        return f"Lines and directions · {head}"
    st = reg.steps[step - 1]
    mins, origin = step_minutes(reg, mode, editorial=True)[step - 1]
    when = f"{mins}" if origin == "source" else f"≈{mins} (editorial)"
    extra = " · only by indication" if st.by_indication else ""
    return f"Step {step} of {len(reg.steps)}: {st.title} · {when}{extra} · {head}"


@_closes_on_error
def draw_region(region_: str | Region, *, mode: str | Mode = Mode.hygienic, step: int = 0, ax: Axes | None = None,
                legend: bool = True, sequence: bool = True, title: bool = True, crop: bool = False,
                orientation: bool = True) -> RegionView:
    """Draw a region on the back: zone shaded, lines numbered, every step's marks (one visible), cautions
    hatched, orientation marks, legend and the step sequence. Returns a :class:`RegionView`."""
    reg, mode = region(region_), as_mode(mode)
    step, ax = as_step(reg, step), _as_ax(ax)
    legend, sequence, title = as_bool("legend", legend), as_bool("sequence", sequence), as_bool("title", title)
    crop, orientation = as_bool("crop", crop), as_bool("orientation", orientation)
    ax = ax or plt.gca()
    targets = sorted({ln.target for ln in reg.lines if ln.target in NODE_LABEL}, key=list(Target).index)
    levels = _levels_for(reg)
    box = view_box(reg, crop=crop)
    if box is not None and not crop:  # the zoomed scapula plate: every level, it has the room
        levels = [n for n in anatomy.LEVELS if n != "Co"]
    elif crop:  # small multiples: no level labels (they would sit under the line numbers)
        levels = []
    back = draw_back(ax, levels=levels, nodes=targets, box=box, orientation=orientation)
    color = REGION_COLOR[reg.name]
    zone = [ax.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor=color, alpha=0.28, edgecolor="none",
                                 zorder=1.6)) for z in reg.zones]
    zone += [ax.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor="none", edgecolor=INK, lw=_lw(0.35),
                                  ls=(0, (5, 3)), zorder=1.65)) for z in reg.zones]
    cautions: dict[str, list[Artist]] = {}
    caution_steps = _caution_steps(reg)
    hatches = _caution_hatches(reg)
    for c in reg.cautions:
        if not c.zones:
            continue
        cautions[c.key] = [ax.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor="none",
                                                edgecolor=CAUTION_COLOR, hatch=hatches[c.key], lw=0, zorder=2))
                           for z in _caution_zones(reg, c)]
    guides = {ln.label: _guide(ax, ln.points) for ln in reg.lines}
    badges = {ln.label: _badge(ax, ln.number, ln.start, ln.intensity) for ln in reg.lines}
    for t in targets if orientation else ():
        for side in Side:
            p = anatomy.NODE_TARGETS[(t, side)]
            if box is None:  # beside the marker, outward
                dx = 0.05 if side is Side.right else -0.05
                back["nodes"].append(ax.text(p.x + dx, p.y, NODE_LABEL[t].replace(" ", "\n"),
                                             fontsize=_fs(0.72), ha="left" if side is Side.right else "right",
                                             va="center", color=INK, zorder=6))
            else:  # zoomed: under the marker, so it stays in view
                back["nodes"].append(ax.text(p.x, p.y + 0.03, NODE_LABEL[t].replace(" ", "\n"),
                                             fontsize=_fs(0.72), ha="center", va="top", color=INK, zorder=6,
                                             clip_on=True))
    steps: dict[int, list[Artist]] = {0: []}
    line_artists: dict[tuple[int, str], list[Artist]] = {}
    for ln in reg.lines:  # step 0: every line, plain direction arrows
        arts = _draw_marks(ax, line_marks(ln, ln.points, Technique.stroking), INK, zorder=4)
        line_artists[(0, ln.label)] = arts
        steps[0] += arts
    for i, st in enumerate(reg.steps, 1):
        steps[i] = []
        for marks in step_marks(reg, i):
            arts = _draw_marks(ax, marks, TECHNIQUE_COLOR[st.technique])
            line_artists[(i, marks.line.label)] = arts
            steps[i] += arts
    legends: dict[int, Legend] = {}
    if legend:
        for i in steps:
            legends[i] = _region_legend(ax, reg, i, caution_steps)
    fig = ax.figure
    highlights: dict[int, Text] = {}
    if sequence:
        fig.text(0.565, 0.86, "Sequence", fontsize=_fs(0.95), fontweight="bold", color=INK, va="top")
        for i, st in enumerate(reg.steps, 1):
            y = 0.86 - 0.052 * i
            fig.text(0.585, y, f"{i}. {st.title}", fontsize=_fs(0.85), color=MUTED, va="top")
            highlights[i] = fig.text(0.565, y, f"▶ {i}. {st.title}", fontsize=_fs(0.85), color=INK, va="top",
                                     fontweight="bold", zorder=3,
                                     bbox={"boxstyle": "square,pad=0.12", "facecolor": "white",
                                           "edgecolor": "none"})
    captions: dict[tuple[Mode, int], Text] = {}
    if title:
        fig.text(0.02, 0.975, reg.title, fontsize=_fs(1.35), fontweight="bold", va="top", color=INK)
        for m in Mode:
            for i in steps:
                captions[(m, i)] = fig.text(0.02, 0.915, step_caption(reg, m, i), fontsize=_fs(0.88), va="top",
                                            color=INK)
    view = RegionView(reg, ax, back, zone, cautions, guides, badges, steps, line_artists, legends, highlights,
                      captions, mode, step, caution_steps)
    view._apply()
    return view


CAUTION_HATCHES = ("////", "\\\\\\\\", "xx", "++")


def _caution_hatches(reg: Region) -> dict[str, str]:
    """A distinct hatch for each spatial caution of the region (in the order of its cautions)."""
    keys = [c.key for c in reg.cautions if c.zones]
    return {k: CAUTION_HATCHES[i % len(CAUTION_HATCHES)] for i, k in enumerate(keys)}


def _caution_zones(reg: Region, c) -> list[tuple[Point, ...]]:
    """A caution's zones as drawn on a region's plate: the spinous band only over the region's height."""
    band = anatomy.LANDMARKS["spinous_band"].points
    ys = [p.y for z in reg.zones for p in z]
    return [clip_polygon_y(z, min(ys), max(ys)) if z == band else z for z in c.zones]


def _levels_for(reg: Region) -> list[str]:
    names = list(dict.fromkeys([*reg.extent, *(s.upper_level for s in reg.steps if s.upper_level)]))
    for key in KEY_LEVELS:
        y = anatomy.LEVELS[key]
        if all(abs(y - anatomy.LEVELS[n]) > 0.06 for n in names):
            names.append(key)
    return names


def _region_legend(ax: Axes, reg: Region, step: int, caution_steps: dict[str, set[int]]) -> Legend:
    handles: list[object] = []
    labels: list[str] = []
    if step:
        st = reg.steps[step - 1]
        info = TECHNIQUES[st.technique]
        handles.append(_MarksHandle(st.technique, TECHNIQUE_COLOR[st.technique]))
        alias = f" ({info.synonyms[0]})" if info.synonyms and info.synonyms[0] != st.technique.value else ""
        labels.append(f"{st.technique.value}{alias}")
    else:
        handles.append(_MarksHandle(Technique.stroking, INK))
        labels.append("line and direction")
    for intensity in sorted({ln.intensity for ln in reg.lines}, key=lambda i: i.rank):
        handles.append(_BadgeHandle(intensity))
        labels.append(f"{intensity.value} force")
    shown = {k for k, steps in caution_steps.items() if step in steps}
    hatches = _caution_hatches(reg)
    for c in reg.cautions:
        if c.key in shown:
            handles.append(Patch(facecolor="none", edgecolor=CAUTION_COLOR, hatch=hatches[c.key], lw=0))
            labels.append(c.label)
    handles.append(Patch(facecolor=REGION_COLOR[reg.name], alpha=0.4, edgecolor=INK, ls="--"))
    labels.append("region")
    if any(ln.target in NODE_LABEL for ln in reg.lines):
        handles.append(Line2D([], [], marker="D", ls="none", mfc="white", mec=INK, ms=_fs(0.55)))
        labels.append("lymph nodes (targets)")
    fig = ax.figure
    leg = Legend(fig, handles, labels, loc="lower left", bbox_to_anchor=(0.555, 0.02), frameon=False,
                 handler_map={_MarksHandle: _MarksHandler(), _BadgeHandle: _BadgeHandler()},
                 handlelength=3.2, handleheight=1.2, borderaxespad=0.2, labelspacing=0.55)
    fig.legends.append(leg)
    return leg


def _caution_steps(reg: Region) -> dict[str, set[int]]:
    """Caution key → the steps that show its zone: every step for a general caution, the limited technique's
    steps for a technique's caution (step 0, the lines view, shows the general ones)."""
    return {c.key: ({0} if not c.techniques else set())
            | {i for i, s in enumerate(reg.steps, 1) if not c.techniques or s.technique in c.techniques}
            for c in reg.cautions if c.zones}


@_closes_on_error
def region_figure(region_: str | Region, *, mode: str | Mode = Mode.hygienic, step: int = 0) -> tuple[Figure, RegionView]:
    """A whole plate for one region: a figure in the current style with the back on the left and the
    sequence and legend on the right. Use inside :func:`style`."""
    reg, mode = region(region_), as_mode(mode)
    step = as_step(reg, step)
    fig = plt.figure()
    ax = fig.add_axes((0.0, 0.01, 0.55, 0.86))
    view = draw_region(reg, mode=mode, step=step, ax=ax)
    return fig, view


# --- The overview map and the technique sheet -------------------------------------------------------------------

@_closes_on_error
def draw_overview(fig: Figure | None = None) -> dict[str, list[Artist]]:
    """All regions on one back: the preliminary massage's lines on the left plate, the four detailed regions
    with their lines on the right, each region shaded in its colour and pattern and labelled."""
    fig = _as_fig(fig) or plt.figure()
    out: dict[str, list[Artist]] = {}
    ax_a = fig.add_axes((0.0, 0.0, 0.40, 0.88))
    ax_b = fig.add_axes((0.40, 0.0, 0.60, 0.88))
    fig.text(0.5, 0.975, "Back massage: the regions and their lines", ha="center", va="top",
             fontsize=_fs(1.3), fontweight="bold", color=INK)
    for ax, names, caption in ((ax_a, ["preliminary"], "1 · Preliminary: the whole back"),
                               (ax_b, ["collar", "scapula", "lower_thoracic", "lumbar"], "2 · The regions in detail")):
        nodes = sorted({ln.target for n in names for ln in REGIONS[n].lines if ln.target in NODE_LABEL},
                       key=list(Target).index)
        draw_back(ax, levels=KEY_LEVELS, nodes=nodes, orientation=False)
        if ax is ax_b:
            ax.set_xlim(XLIM[0], 1.9)
        ax.set_title(caption, fontsize=_fs(1.0), y=0.985, color=INK, loc="left" if ax is ax_b else "center")
        for name in names:
            reg = REGIONS[name]
            arts: list[Artist] = []
            for z in reg.zones:
                arts.append(ax.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor=REGION_COLOR[name],
                                                 alpha=0.35, edgecolor=INK, lw=_lw(0.3),
                                                 hatch=REGION_HATCH[name], zorder=1.6)))
            for ln in reg.lines:
                arts += _draw_marks(ax, line_marks(ln, ln.points, Technique.stroking), INK, zorder=4)
            if name != "preliminary":
                x, y = _label_spot(reg)
                arts.append(ax.text(x, y, f"{reg.title}\n{reg.extent[0]}–{reg.extent[1]}", fontsize=_fs(0.8),
                                    ha="left", va="center", color=INK, zorder=8,
                                    bbox={"boxstyle": "round,pad=0.35", "facecolor": REGION_COLOR[name],
                                          "alpha": 0.35, "edgecolor": INK, "lw": _lw(0.3),
                                          "hatch": REGION_HATCH[name]}))
            out[name] = arts
    return out


def _label_spot(reg: Region) -> tuple[float, float]:
    """Where a region's name goes on the overview map: beside the patient's right edge, at the zone's middle."""
    ys = [p.y for z in reg.zones for p in z]
    mid = (min(ys) + max(ys)) / 2
    return 0.66, mid


@_closes_on_error
def draw_technique_sheet(fig: Figure | None = None) -> dict[Technique, list[Artist]]:
    """The seven stroke styles side by side, each with its school name, depth and limit."""
    fig = _as_fig(fig) or plt.figure()
    fig.text(0.5, 0.975, "The seven techniques as drawn strokes", ha="center", va="top", fontsize=_fs(1.3),
             fontweight="bold", color=INK)
    from backdata.core.model import Cite, StrokeKind, StrokeLine

    out: dict[Technique, list[Artist]] = {}
    n = len(Technique)
    for k, tech in enumerate(Technique):
        info = TECHNIQUES[tech]
        ax = fig.add_axes((k / n + 0.005, 0.05, 1 / n - 0.01, 0.72))
        ax.set_xlim(-0.16, 0.16)
        ax.set_ylim(0.78, -0.06)
        ax.set_aspect("equal")
        ax.set_axis_off()
        pts = catmull_rom((Point(0.0, 0.72), Point(0.025, 0.45), Point(-0.025, 0.22), Point(0.0, 0.0)), 8)
        sample = StrokeLine(0, Side.right, pts, StrokeKind.longitudinal, Intensity.moderate, Target.local,
                            Cite(reference="editorial: sample"), Cite(reference="editorial: sample"))
        arts = _draw_marks(ax, line_marks(sample, pts, tech), TECHNIQUE_COLOR[tech])
        depth = "●" * info.depth + "○" * (4 - info.depth)
        limit = f"≤ {info.max_minutes:g} min" if info.max_minutes else ""
        syn = info.synonyms[0] if info.synonyms[0] != tech.value else ""
        x0 = k / n + 0.5 / n
        arts.append(fig.text(x0, 0.90, tech.value, ha="center", va="top", fontsize=_fs(0.95), fontweight="bold",
                             color=INK))
        arts.append(fig.text(x0, 0.845, syn, ha="center", va="top", fontsize=_fs(0.7), color=MUTED,
                             style="italic"))
        arts.append(fig.text(x0, 0.04, f"depth {depth}\n{limit}", ha="center", va="bottom", fontsize=_fs(0.7),
                             color=INK))
        out[tech] = arts
    return out



@_closes_on_error
def draw_steps(region_: str | Region, *, mode: str | Mode = Mode.hygienic, fig: Figure | None = None,
               columns: int = 4) -> list[RegionView]:
    """Every step of a region side by side (small multiples), each cropped to the region: the sequence at a
    glance, for notebooks and print."""
    reg, mode = region(region_), as_mode(mode)
    fig, columns = _as_fig(fig), as_int("columns", columns, 1)
    fig = fig or plt.figure()
    n = len(reg.steps)
    cols = min(columns, n)
    rows = -(-n // cols)
    views = []
    fig.text(0.01, 0.99, f"{reg.title}: the sequence ({mode.value}, whole region {reg.total[mode].minutes})",
             va="top", fontsize=_fs(1.0), fontweight="bold", color=INK)
    for i in range(1, n + 1):
        r, c = divmod(i - 1, cols)
        top, usable = 0.86, 0.84  # leave the figure's title its own band above the panels' titles
        ax = fig.add_axes((c / cols + 0.005, top - (r + 1) * usable / rows, 1 / cols - 0.01, usable / rows - 0.07))
        view = draw_region(reg, mode=mode, step=i, ax=ax, legend=False, sequence=False, title=False, crop=True,
                           orientation=False)
        mins, origin = step_minutes(reg, mode, editorial=True)[i - 1]
        when = f"{mins}" if origin == "source" else f"≈{mins}"
        ax.set_title(f"{i}. {reg.steps[i - 1].title}\n{when}", fontsize=_fs(0.75), color=INK, pad=2)
        views.append(view)
    return views


TIMELINE_COLUMNS = ("region", "step", "minutes_min", "minutes_max", "start_min", "editorial")
"""The columns :func:`draw_timeline` reads (all are in :func:`backdata.session_steps`)."""


def _as_timeline_steps(steps: object):
    import pandas as pd

    if not isinstance(steps, pd.DataFrame) or steps.empty:
        raise BackdataError(f"steps must be a non-empty table from backdata.session_steps(), got {shown(steps)}")
    missing = [c for c in TIMELINE_COLUMNS if c not in steps.columns]
    if missing:
        raise BackdataError(f"steps lacks the column(s) {', '.join(missing)}: pass a table from "
                            "backdata.session_steps()")
    for name in steps["region"]:
        if name not in REGION_COLOR:
            raise BackdataError(f"steps has an unknown region {shown(name)}; valid: {', '.join(REGIONS)}")
    return steps


@_closes_on_error
def draw_timeline(steps, ax: Axes | None = None) -> dict[str, list[Artist]]:
    """A session's steps as a timeline (``steps`` from :func:`backdata.session_steps`): one bar per step, the
    lower bound solid, the range to the upper bound lighter; editorial times hatched. Regions are grouped
    by colour and labelled."""
    steps, ax = _as_timeline_steps(steps), _as_ax(ax)
    ax = ax or plt.gca()
    out: dict[str, list[Artist]] = {"bars": [], "ranges": [], "labels": []}
    n = len(steps)
    for k, row in enumerate(steps.itertuples()):
        y = n - 1 - k
        colour = REGION_COLOR[row.region]
        hatch = "///" if row.editorial else None
        out["bars"].append(ax.barh(y, row.minutes_min, left=row.start_min, color=colour, edgecolor=INK,
                                   lw=_lw(0.25), hatch=hatch)[0])
        if row.minutes_max > row.minutes_min:
            out["ranges"].append(ax.barh(y, row.minutes_max - row.minutes_min, left=row.start_min + row.minutes_min,
                                         color=colour, alpha=0.35, edgecolor=INK, lw=_lw(0.15), hatch=hatch)[0])
        out["labels"].append(ax.text(-0.3, y, f"{row.region} · {row.step}", ha="right", va="center",
                                     fontsize=_fs(0.62), color=INK))
    ax.set_yticks([])
    ax.set_xlabel("minutes from the start (solid: lower bound; light: up to the upper bound; hatched: editorial)",
                  fontsize=_fs(0.62))
    ax.set_xlim(0, max(1.0, float((steps["start_min"] + steps["minutes_max"]).max())) * 1.02)
    ax.set_ylim(-0.7, n - 0.3)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(labelsize=_fs(0.62))
    return out
