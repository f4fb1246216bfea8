"""The charts: the overview map of the regions, the sheet of the seven techniques, a region's steps side by side
(small multiples) and a session's timeline."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

from backdata.core.errors import BackdataError, as_int, shown
from backdata.core.geometry import catmull_rom
from backdata.core.model import (
    Cite,
    Intensity,
    Minutes,
    Mode,
    Point,
    Region,
    Side,
    StrokeKind,
    StrokeLine,
    Target,
    Technique,
)
from backdata.method.regions import REGIONS, as_mode, region
from backdata.method.techniques import TECHNIQUES
from backdata.views.draw.back import draw_back
from backdata.views.draw.base import (
    KEY_LEVELS,
    NODE_LABEL,
    XLIM,
    _as_ax,
    _as_fig,
    _closes_on_error,
    _draw_marks,
    _fs,
    _lw,
    _xy_pairs,
)
from backdata.views.draw.plates import RegionView, draw_region
from backdata.views.strokes import line_marks, marks
from backdata.views.tables import CLOSING_NAME, step_minutes
from backdata.views.text import TIMELINE_AXIS, TIMELINE_REGION_TOTAL, TIMELINE_SOURCE_TIMES, TIMELINE_TOTALS
from backdata.views.theme import INK, MUTED, TECHNIQUE_COLOR, region_looks

__all__ = ["TIMELINE_COLUMNS", "draw_overview", "draw_steps", "draw_technique_sheet", "draw_timeline"]


# --- The overview map and the technique sheet -------------------------------------------------------------------


@_closes_on_error
def draw_overview(fig: Figure | None = None) -> dict[str, list[Artist]]:
    """All regions on one back: the preliminary massage's lines on the left plate, the four detailed regions
    with their lines on the right, each region shaded in its colour and pattern and labelled."""
    fig = _as_fig(fig) or plt.figure()
    out: dict[str, list[Artist]] = {}
    looks = region_looks(REGIONS.values())
    ax_a = fig.add_axes((0.0, 0.0, 0.40, 0.88))
    ax_b = fig.add_axes((0.40, 0.0, 0.60, 0.88))
    fig.text(
        0.5,
        0.975,
        "Back massage: the regions and their lines",
        ha="center",
        va="top",
        fontsize=_fs(1.3),
        fontweight="bold",
        color=INK,
    )
    for ax, names, caption in (
        (ax_a, ["preliminary"], "1 · Preliminary: the whole back"),
        (ax_b, [n for n in REGIONS if n != "preliminary"], "2 · The regions in detail"),
    ):
        nodes = sorted(
            {ln.target for n in names for ln in REGIONS[n].lines if ln.target in NODE_LABEL}, key=list(Target).index
        )
        draw_back(ax, levels=KEY_LEVELS, nodes=nodes, orientation=False)
        if ax is ax_b:
            ax.set_xlim(XLIM[0], 1.9)
        ax.set_title(caption, fontsize=_fs(1.0), y=0.985, color=INK, loc="left" if ax is ax_b else "center")
        for name in names:
            reg = REGIONS[name]
            arts: list[Artist] = []
            for z in reg.zones:
                arts.append(
                    ax.add_patch(
                        Polygon(
                            _xy_pairs(z),
                            closed=True,
                            facecolor=looks[name][0],
                            alpha=0.35,
                            edgecolor=INK,
                            lw=_lw(0.3),
                            hatch=looks[name][1],
                            zorder=1.6,
                        )
                    )
                )
            for m in marks(reg, step=0):  # the lines view's geometry, as on the plates (bd.marks)
                arts += _draw_marks(ax, m, INK, zorder=4)
            if name != "preliminary":
                x, y = _label_spot(reg)
                arts.append(
                    ax.text(
                        x,
                        y,
                        f"{reg.title}\n{reg.extent[0]}–{reg.extent[1]}",
                        fontsize=_fs(0.8),
                        ha="left",
                        va="center",
                        color=INK,
                        zorder=8,
                        bbox={
                            "boxstyle": "round,pad=0.35",
                            "facecolor": looks[name][0],
                            "alpha": 0.35,
                            "edgecolor": INK,
                            "lw": _lw(0.3),
                            "hatch": looks[name][1],
                        },
                    )
                )
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
    fig.text(
        0.5,
        0.975,
        "The seven techniques as drawn strokes",
        ha="center",
        va="top",
        fontsize=_fs(1.3),
        fontweight="bold",
        color=INK,
    )
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
        sample = StrokeLine(
            0,
            Side.right,
            pts,
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.local,
            Cite(reference="editorial: sample"),
            Cite(reference="editorial: sample"),
        )
        arts = _draw_marks(ax, line_marks(sample, pts, tech), TECHNIQUE_COLOR[tech])
        depth = "●" * info.depth + "○" * (4 - info.depth)
        limit = f"≤ {info.max_minutes:g} min" if info.max_minutes else ""
        syn = info.synonyms[0] if info.synonyms[0] != tech.value else ""
        x0 = k / n + 0.5 / n
        arts.append(
            fig.text(x0, 0.90, tech.value, ha="center", va="top", fontsize=_fs(0.95), fontweight="bold", color=INK)
        )
        arts.append(fig.text(x0, 0.845, syn, ha="center", va="top", fontsize=_fs(0.7), color=MUTED, style="italic"))
        arts.append(
            fig.text(x0, 0.04, f"depth {depth}\n{limit}", ha="center", va="bottom", fontsize=_fs(0.7), color=INK)
        )
        out[tech] = arts
    return out


@_closes_on_error
def draw_steps(
    region_: str | Region, *, mode: str | Mode = Mode.hygienic, fig: Figure | None = None, columns: int = 4
) -> list[RegionView]:
    """Every step of a region side by side (small multiples), each cropped to the region: the sequence at a
    glance, for notebooks and print."""
    reg, mode = region(region_), as_mode(mode)
    fig, columns = _as_fig(fig), as_int("columns", columns, 1)
    fig = fig or plt.figure()
    n = len(reg.steps)
    cols = min(columns, n)
    rows = -(-n // cols)
    views = []
    fig.text(
        0.01,
        0.99,
        f"{reg.title}: the sequence ({mode.value}, whole region {reg.total[mode].minutes})",
        va="top",
        fontsize=_fs(1.0),
        fontweight="bold",
        color=INK,
    )
    for i in range(1, n + 1):
        r, c = divmod(i - 1, cols)
        top, usable = 0.86, 0.84  # leave the figure's title its own band above the panels' titles
        ax = fig.add_axes((c / cols + 0.005, top - (r + 1) * usable / rows, 1 / cols - 0.01, usable / rows - 0.07))
        view = draw_region(
            reg, mode=mode, step=i, ax=ax, legend=False, sequence=False, title=False, crop=True, orientation=False
        )
        mins, origin = step_minutes(reg, mode, editorial=True)[i - 1]
        when = f"{mins}" if origin == "source" else f"≈{mins}"
        ax.set_title(f"{i}. {reg.steps[i - 1].title}\n{when}", fontsize=_fs(0.75), color=INK, pad=2)
        views.append(view)
    return views


TIMELINE_COLUMNS = ("region", "step", "minutes_min", "minutes_max", "start_min", "editorial", "start_max")
"""The columns :func:`draw_timeline` reads (all are in :func:`backdata.session_steps`)."""


def _timeline_colors() -> dict[str, str]:
    looks = region_looks(REGIONS.values())
    return {**{name: colour for name, (colour, _) in looks.items() if colour}, CLOSING_NAME: MUTED}


def _as_timeline_steps(steps: object) -> pd.DataFrame:
    if not isinstance(steps, pd.DataFrame) or steps.empty:
        raise BackdataError(f"steps must be a non-empty table from backdata.session_steps(), got {shown(steps)}")
    missing = [c for c in TIMELINE_COLUMNS if c not in steps.columns]
    if missing:
        raise BackdataError(
            f"steps lacks the column(s) {', '.join(missing)}: pass a table from backdata.session_steps()"
        )
    colours = _timeline_colors()
    for name in steps["region"]:
        if name not in colours:
            raise BackdataError(f"steps has an unknown region {shown(name)}; valid: {', '.join(REGIONS)}")
    return steps


def _timeline_label(row) -> str:
    label = f"{row.region} · {row.step}"
    stated = (getattr(row, "stated_min", row.minutes_min), getattr(row, "stated_max", row.minutes_max))
    if not row.editorial and stated != (row.minutes_min, row.minutes_max):
        label += TIMELINE_SOURCE_TIMES.format(minutes=Minutes(*stated))
    return label


@_closes_on_error
def draw_timeline(steps, ax: Axes | None = None) -> dict[str, list[Artist]]:
    """A session's steps as a timeline (``steps`` from :func:`backdata.session_steps`): one row per step, the
    upper bar (solid) the step in the shortest session, the lower bar (light) in the longest; editorial times
    hatched. A region's bars fill its stated total (written beside its last step) and the last bars end at the
    session's two totals (dotted lines), the table's total row. A step the source times differently from the
    time it gets in its region's total says so in its label. Regions are grouped by colour and labelled."""
    steps, ax = _as_timeline_steps(steps), _as_ax(ax)
    ax = ax or plt.gca()
    out: dict[str, list[Artist]] = {"bars": [], "ranges": [], "labels": [], "totals": []}
    n, h = len(steps), 0.36
    timeline_colors = _timeline_colors()
    rows = list(steps.itertuples())
    for k, row in enumerate(rows):
        y = n - 1 - k
        colour = timeline_colors[row.region]
        hatch = "///" if row.editorial else None
        out["bars"].append(
            ax.barh(
                y + h / 2,
                row.minutes_min,
                h,
                left=row.start_min,
                color=colour,
                edgecolor=INK,
                lw=_lw(0.25),
                hatch=hatch,
            )[0]
        )
        out["ranges"].append(
            ax.barh(
                y - h / 2,
                row.minutes_max,
                h,
                left=row.start_max,
                color=colour,
                alpha=0.4,
                edgecolor=INK,
                lw=_lw(0.15),
                hatch=hatch,
            )[0]
        )
        out["labels"].append(
            ax.text(-0.3, y, _timeline_label(row), ha="right", va="center", fontsize=_fs(0.62), color=INK)
        )
        last = k == n - 1 or rows[k + 1].region != row.region
        if last and row.region in REGIONS:
            part = steps[steps["region"] == row.region]
            mins = Minutes(float(part["minutes_min"].sum()), float(part["minutes_max"].sum()))
            out["totals"].append(
                ax.text(
                    row.start_max + row.minutes_max + 0.3,
                    y - h / 2,
                    TIMELINE_REGION_TOTAL.format(minutes=mins),
                    ha="left",
                    va="center",
                    fontsize=_fs(0.58),
                    color=MUTED,
                )
            )
    end_lo = float(steps["start_min"].iloc[-1] + steps["minutes_min"].iloc[-1])
    end_hi = float(steps["start_max"].iloc[-1] + steps["minutes_max"].iloc[-1])
    for x, words in zip((end_lo, end_hi), TIMELINE_TOTALS):
        out["totals"].append(ax.axvline(x, color=MUTED, ls=":", lw=_lw(0.5), zorder=0))
        out["totals"].append(
            ax.text(
                x - 0.15,
                n - 0.45,
                words.format(minutes=Minutes(x, x)),
                ha="right",
                va="bottom",
                fontsize=_fs(0.58),
                color=MUTED,
            )
        )
    ax.set_yticks([])
    ax.set_xlabel(TIMELINE_AXIS, fontsize=_fs(0.62))
    ax.set_xlim(0, max(1.0, end_hi) * 1.06)
    ax.set_ylim(-0.7, n + 0.1)
    for spine in ("top", "right", "left"):
        ax.spines[spine].set_visible(False)
    ax.tick_params(labelsize=_fs(0.62))
    return out
