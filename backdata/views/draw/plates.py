"""The region plates: one region drawn once on the back (:mod:`backdata.views.draw.back`) with every step in it,
its :class:`RegionView` (switching step and mode by visibility), the step captions, the caution zones and the
plate's legend.

Every function has the shape ``draw_x(..., ax=None, **kw) -> artists``: it draws on ``ax`` (or ``plt.gca()``)
and returns what it made, so tests and widgets can inspect and update it. Nothing here holds a fact: points,
marks and texts come from :mod:`backdata` and :mod:`backdata.views.strokes`, colours and patterns from
:mod:`backdata.views.theme`. Nothing here calls ``plt.show()``, saves, or changes global ``rcParams``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import matplotlib.pyplot as plt
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon
from matplotlib.text import Text

from backdata.core.errors import as_bool
from backdata.core.geometry import clip_polygon_y
from backdata.core.model import Intensity, Mode, Point, Region, Side, Target, Technique
from backdata.method import anatomy
from backdata.method.regions import as_mode, as_step, region
from backdata.method.techniques import TECHNIQUES
from backdata.views.describe import whole_back
from backdata.views.draw.back import draw_back
from backdata.views.draw.base import (
    KEY_LEVELS,
    NODE_LABEL,
    SMALL_TEXT,
    _as_ax,
    _closes_on_error,
    _draw_marks,
    _fs,
    _lw,
    _xy,
    _xy_pairs,
)
from backdata.views.draw.layout import (
    _BESIDE,
    _LABEL_ROOM,
    _label_anchor,
    _node_labels,
    draw_locator,
    draw_scale_bar,
    fit_axes,
    keep_inside,
)
from backdata.views.draw.legend import (
    BadgeHandle,
    BadgeHandler,
    CautionHandle,
    CautionHandler,
    MarksHandle,
    MarksHandler,
)
from backdata.views.layers import badge_layer, caution_layer, mode_layer, step_layer
from backdata.views.strokes import marks as view_marks
from backdata.views.tables import step_minutes
from backdata.views.text import CAPTION_HEAD, CAPTION_LINES_VIEW, CAPTION_STEP, ONLY_BY_INDICATION_SHORT, timed
from backdata.views.theme import (
    BADGE,
    CAUTION_COLOR,
    CAUTION_HATCH_COLOR,
    CAUTION_LINESTYLE,
    CAUTION_SIGN,
    INK,
    MUTED,
    TECHNIQUE_COLOR,
    caution_hatches,
    region_color,
)

__all__ = ["RegionView", "draw_region", "region_figure", "step_caption", "view_box"]


# --- A region ---------------------------------------------------------------------------------------------------


def view_box(reg: Region, crop: bool = False) -> tuple[float, float, float, float]:
    """The part of the back a region's plate shows, ``(x0, x1, y0, y1)``: the whole back (arms included) for a
    region that spans it; else the region's zones, lines and lymph-node targets with a margin, and room for the
    nodes' labels (on the side of each node away from the zone); with ``crop`` (small multiples, no labels) a
    plain box around the zones."""
    zs = [p for z in reg.zones for p in z]
    ys = [p.y for p in zs]
    if crop:
        half = max(abs(p.x) for p in zs) + 0.15
        return (-half, half, min(ys) - 0.08, max(ys) + 0.08)
    nodes = [anatomy.NODE_TARGETS[(t, s)] for t in _targets(reg) for s in Side]
    if whole_back(reg):
        return (-0.66, 0.66, -0.34, 1.58)
    pts = [*zs, *(p for ln in reg.lines for p in ln.points), *nodes]
    half = max(abs(p.x) for p in pts) + 0.06
    y0, y1 = min(p.y for p in pts) - 0.05, max(p.y for p in pts) + 0.05
    for p in (anatomy.NODE_TARGETS[(t, s)] for t in _targets(reg) if t not in _BESIDE for s in Side):
        anchor, below = _label_anchor(reg, p)
        y0, y1 = (y0, max(y1, anchor + _LABEL_ROOM)) if below else (min(y0, anchor - _LABEL_ROOM), y1)
    return (-half, half, y0, y1)


def _targets(reg: Region) -> list[Target]:
    return sorted({ln.target for ln in reg.lines if ln.target in NODE_LABEL}, key=list(Target).index)


def _guide(ax: Axes, points: Sequence[Point]) -> Line2D:
    xs, ys = _xy(points)
    return ax.plot(xs, ys, color=INK, lw=_lw(0.3), alpha=0.35, ls=(0, (2, 2)), zorder=3)[0]


def _badge(ax: Axes, number: int, at: Point, intensity: Intensity) -> Text:
    b = BADGE[intensity]
    return ax.text(
        at.x,
        at.y,
        str(number),
        ha="center",
        va="center",
        fontsize=_fs(SMALL_TEXT),
        fontweight="bold",
        color=b["text"],
        zorder=7,
        bbox={
            "boxstyle": "circle,pad=0.22",
            "facecolor": b["face"],
            "edgecolor": INK,
            "linewidth": _lw(0.35),
            "linestyle": b["ls"],
        },
    )


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
    locator: Axes | None = None
    """The small whole back with the region and the view box (a zoomed region's plate, :func:`region_figure`)."""
    scale_bar: list[Artist] = field(default_factory=list)
    """The centimetre bar and its label (:func:`region_figure`)."""
    _layers: dict[str, list[Artist]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        layers: dict[str, list[Artist]] = {}
        for n, arts in self.steps.items():
            extra = [x for x in (self.legends.get(n), self.highlights.get(n)) if x is not None]
            layers[step_layer(n)] = [*arts, *extra]
        for (mode, n), text in self.captions.items():
            layers[mode_layer(mode, n)] = [text]
        for key, arts in self.cautions.items():
            layers[caution_layer(key)] = arts
        for label, badge in self.badges.items():  # last: above the marks and hatches when views are composed
            layers.setdefault(badge_layer(int(label[:-1])), []).append(badge)
        self._layers = layers

    def layers(self) -> dict[str, list[Artist]]:
        """Layer name → artists: ``sNN`` (a step's marks, legend and highlight), ``t-MODE-NN`` (captions),
        ``c-KEY`` (a caution's zones), named by :mod:`backdata.views.layers`. Everything else is the base,
        always shown."""
        return self._layers

    def visible_layers(self, mode: str | Mode | None = None, step: int | None = None) -> set[str]:
        """The layers shown for ``mode`` and ``step`` (default: the current ones)."""
        mode = self.mode if mode is None else as_mode(mode)
        step = self.step if step is None else as_step(self.region, step)
        shown = {step_layer(step), mode_layer(mode, step)}
        shown |= {caution_layer(k) for k, steps in self.caution_steps.items() if step in steps}
        used = self.region.line_numbers() if step == 0 else self.region.steps[step - 1].lines
        shown |= {badge_layer(n) for n in used}  # a step shows the numbers of the lines it works along
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
    head = CAPTION_HEAD.format(mode=mode.value, total=total)
    if step == 0:
        return CAPTION_LINES_VIEW.format(head=head)
    st = reg.steps[step - 1]
    mins, origin = step_minutes(reg, mode, editorial=True)[step - 1]
    when = timed(mins, origin)
    extra = f" · {ONLY_BY_INDICATION_SHORT}" if st.by_indication else ""
    return CAPTION_STEP.format(step=step, steps=len(reg.steps), title=st.title, when=when, extra=extra, head=head)


@_closes_on_error
def draw_region(
    region_: str | Region,
    *,
    mode: str | Mode = Mode.hygienic,
    step: int = 0,
    ax: Axes | None = None,
    legend: bool = True,
    sequence: bool = True,
    title: bool = True,
    crop: bool = False,
    orientation: bool = True,
    sex: str = "male",
    muscles: bool = False,
) -> RegionView:
    """Draw a region on the back: zone shaded, lines numbered, every step's marks (one visible), cautions
    hatched, orientation marks, legend and the step sequence. Returns a :class:`RegionView`."""
    reg, mode = region(region_), as_mode(mode)
    step, ax = as_step(reg, step), _as_ax(ax)
    legend, sequence, title = as_bool("legend", legend), as_bool("sequence", sequence), as_bool("title", title)
    crop, orientation = as_bool("crop", crop), as_bool("orientation", orientation)
    sex, muscles = anatomy.as_sex(sex), as_bool("muscles", muscles)
    ax = ax or plt.gca()
    targets = _targets(reg)
    box = view_box(reg, crop=crop)
    # every level in view may be named, the region's own and the key ones first (draw_back thins them)
    levels = [] if crop else _levels_for(reg)
    if not crop and not whole_back(reg):  # a zoomed plate has room for every level in view
        levels = list(dict.fromkeys([*levels, *(n for n in anatomy.LEVELS if n != "Co")]))
    back = draw_back(ax, levels=levels, nodes=targets, box=box, orientation=orientation, sex=sex, muscles=muscles)
    color = region_color(reg)
    zone = [
        ax.add_patch(Polygon(_xy_pairs(z), closed=True, facecolor=color, alpha=0.28, edgecolor="none", zorder=1.6))
        for z in reg.zones
    ]
    zone += [
        ax.add_patch(
            Polygon(
                _xy_pairs(z), closed=True, facecolor="none", edgecolor=INK, lw=_lw(0.35), ls=(0, (5, 3)), zorder=1.65
            )
        )
        for z in reg.zones
    ]
    cautions: dict[str, list[Artist]] = {}
    caution_steps = _caution_steps(reg)
    hatches = caution_hatches(reg)
    for c in reg.cautions:
        if not c.zones:
            continue
        cautions[c.key] = [a for z in _caution_zones(reg, c) for a in _caution_patches(ax, z, hatches[c.key])]
    guides = {ln.label: _guide(ax, ln.points) for ln in reg.lines}
    badges = {ln.label: _badge(ax, ln.number, ln.start, ln.intensity) for ln in reg.lines}
    if orientation:
        back["nodes"] += _node_labels(ax, reg, targets)
        keep_inside([a for a in back["nodes"] if isinstance(a, Text)], ax)
    steps: dict[int, list[Artist]] = {0: []}
    line_artists: dict[tuple[int, str], list[Artist]] = {}
    for i in range(len(reg.steps) + 1):  # step 0: every line, plain direction arrows; then each step's marks
        steps[i] = []
        for m in view_marks(reg, mode, i):  # the geometry of bd.marks: one source
            color = INK if m.technique is None else TECHNIQUE_COLOR[m.technique]
            arts = _draw_marks(ax, m, color, zorder=4)
            line_artists[(i, m.line.label)] = arts
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
            highlights[i] = fig.text(
                0.565,
                y,
                f"▶ {i}. {st.title}",
                fontsize=_fs(0.85),
                color=INK,
                va="top",
                fontweight="bold",
                zorder=3,
                bbox={"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none"},
            )
    captions: dict[tuple[Mode, int], Text] = {}
    if title:
        fig.text(0.02, 0.975, reg.title, fontsize=_fs(1.35), fontweight="bold", va="top", color=INK)
        for m in Mode:
            for i in steps:
                captions[(m, i)] = fig.text(
                    0.02, 0.915, step_caption(reg, m, i), fontsize=_fs(0.88), va="top", color=INK
                )
    view = RegionView(
        reg,
        ax,
        back,
        zone,
        cautions,
        guides,
        badges,
        steps,
        line_artists,
        legends,
        highlights,
        captions,
        mode,
        step,
        caution_steps,
    )
    view._apply()
    return view


def _caution_patches(ax: Axes, zone: Sequence[Point], hatch: str) -> list[Artist]:
    """A caution's zone in the cautions' own language, under the marks: light grey hatching and a dark grey
    dash-dot outline (never a technique's colour, never a fill that hides the marks)."""
    pts = _xy_pairs(zone)
    fill = Polygon(pts, closed=True, facecolor="none", edgecolor=CAUTION_HATCH_COLOR, hatch=hatch, lw=0, zorder=1.7)
    outline = Polygon(
        pts, closed=True, facecolor="none", edgecolor=CAUTION_COLOR, lw=_lw(0.3), ls=CAUTION_LINESTYLE, zorder=1.75
    )
    return [ax.add_patch(fill), ax.add_patch(outline)]


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
        handles.append(MarksHandle(st.technique, TECHNIQUE_COLOR[st.technique]))
        alias = f" ({info.synonyms[0]})" if info.synonyms and info.synonyms[0] != st.technique.value else ""
        labels.append(f"{st.technique.value}{alias}")
    else:
        handles.append(MarksHandle(Technique.stroking, INK))
        labels.append("line and direction")
    for intensity in sorted({ln.intensity for ln in reg.lines}, key=lambda i: i.rank):
        handles.append(BadgeHandle(intensity))
        labels.append(f"{intensity.value} force")
    shown = {k for k, steps in caution_steps.items() if step in steps}
    hatches = caution_hatches(reg)
    for c in reg.cautions:
        if c.key in shown:
            handles.append(CautionHandle(hatches[c.key]))
            labels.append(f"{CAUTION_SIGN} {c.label}")
    handles.append(Patch(facecolor=region_color(reg), alpha=0.4, edgecolor=INK, ls="--"))
    labels.append("region")
    if any(ln.target in NODE_LABEL for ln in reg.lines):
        handles.append(Line2D([], [], marker="D", ls="none", mfc="white", mec=INK, ms=_fs(0.55)))
        labels.append("lymph nodes (targets)")
    fig = ax.figure
    leg = Legend(
        fig,
        handles,
        labels,
        loc="lower left",
        bbox_to_anchor=(0.555, 0.02),
        frameon=False,
        handler_map={MarksHandle: MarksHandler(), BadgeHandle: BadgeHandler(), CautionHandle: CautionHandler()},
        handlelength=3.2,
        handleheight=1.2,
        borderaxespad=0.2,
        labelspacing=0.55,
    )
    fig.legends.append(leg)
    return leg


def _caution_steps(reg: Region) -> dict[str, set[int]]:
    """Caution key → the steps that show its zone: every step for a general caution, the limited technique's
    steps for a technique's caution (step 0, the lines view, shows the general ones)."""
    return {
        c.key: ({0} if not c.techniques else set())
        | {i for i, s in enumerate(reg.steps, 1) if not c.techniques or s.technique in c.techniques}
        for c in reg.cautions
        if c.zones
    }


@_closes_on_error
def region_figure(
    region_: str | Region, *, mode: str | Mode = Mode.hygienic, step: int = 0, sex: str = "male", muscles: bool = False
) -> tuple[Figure, RegionView]:
    """A whole plate for one region: a figure in the current style with the back on the left and the
    sequence and legend on the right; the body is ``sex`` (``"male"`` or ``"female"``), with the superficial
    muscles drawn lightly under the lines when ``muscles``. Use inside :func:`style`."""
    reg, mode = region(region_), as_mode(mode)
    step, sex, muscles = as_step(reg, step), anatomy.as_sex(sex), as_bool("muscles", muscles)
    fig = plt.figure()
    rect, strip = fit_axes(fig, view_box(reg))
    ax = fig.add_axes(rect, label="back")
    view = draw_region(reg, mode=mode, step=step, ax=ax, sex=sex, muscles=muscles)
    view.locator = None if whole_back(reg) else draw_locator(fig, strip, reg, ax, sex)
    view.scale_bar = draw_scale_bar(fig, strip, ax, sex, view.locator)
    return fig, view
