"""The interactive explorer (ipywidgets glue; the notebooks only call it). The session planner is in
:mod:`backdata.interact.planner`.

Speed: each region is drawn once, as one SVG holding every view as a layer (:mod:`backdata.views.svg`). A change
of mode or step re-encodes nothing: the explorer swaps a few hundred bytes of CSS that show the chosen
layers, and a small HTML table. Only a change of region sends a new SVG (cached after its first drawing).
Controls have text labels (no icon font is needed offline).
"""

from __future__ import annotations

import asyncio
import itertools
from html import escape

from backdata.core.errors import BackdataError, as_bool, as_number
from backdata.core.method_type import Method
from backdata.core.model import Mode, Region
from backdata.interact.state import VIEW_MIME, ViewState
from backdata.method.anatomy import SEXES, as_sex
from backdata.method.current import current
from backdata.method.regions import REGIONS, as_mode, as_regions, as_step, region
from backdata.method.regions import region as get_region  # the constructor's `region` argument shadows the name
from backdata.views import text, theme
from backdata.views.describe import alt_text
from backdata.views.svg import LayeredFigure, layered_figure
from backdata.views.tables import plan

__all__ = ["Explorer", "caution_items", "explorer", "plan_html", "region_stepper"]

_ids = itertools.count(1)


_figures: dict[tuple[int, str, str, bool], tuple[Method, LayeredFigure]] = {}


def _base_figure(name: str, sex: str = "male", muscles: bool = False) -> LayeredFigure:
    """A region's layered figure on one body, with or without the muscles: drawn once per kernel and method
    (keyed by the current method, which the entry holds, so that its ``id`` stays its own)."""
    method = current()
    key = (id(method), name, sex, muscles)
    hit = _figures.get(key)
    if hit is None or hit[0] is not method:
        hit = _figures[key] = (method, layered_figure(name, sex=sex, muscles=muscles))
    return hit[1]


def plan_html(region_: str | Region, mode: str | Mode, current: int = 0) -> str:
    """The plan as a compact HTML table, the current step marked (``aria-current``) and bold."""
    reg, mode = region(region_), as_mode(mode)
    current = as_step(reg, current)
    df = plan(reg, mode, editorial=True)
    rows = []
    for i, r in df.iterrows():
        mins = "—" if r.minutes_from == "unknown" else text.minutes_span(r.minutes_min, r.minutes_max)
        if r.editorial:
            mins = f"≈{mins} <small>({text.EDITORIAL})</small>"
        cur = ' class="bd-current" aria-current="step"' if i == current else ""
        note = escape(r.note) + (f" <strong>{text.BY_INDICATION}</strong>" if r.by_indication else "")
        rows.append(
            f"<tr{cur}><td>{i}</td><td>{escape(r.step)}</td><td>{escape(r.lines)}</td><td>{mins}</td>"
            f"<td>{note}</td><td><small>{escape(r.source)}</small></td></tr>"
        )
    total = reg.total[mode]
    return (
        '<table class="bd-plan-table" style="border-collapse:collapse;font-size:95%">'
        f"<caption style='text-align:left;font-weight:bold'>{escape(reg.title)} · {mode.value} · whole region "
        f"{total.minutes}{text.EDITORIAL_TAG if total.cite.editorial else ''}</caption>"
        "<thead><tr><th>#</th><th>step</th><th>lines</th><th>min</th><th>note</th><th>source</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<style>.bd-plan-table td,.bd-plan-table th{{padding:2px 8px;border-bottom:1px solid {theme.RULE};"
        f"text-align:left;vertical-align:top}}.bd-plan-table tr.bd-current{{background:{theme.HIGHLIGHT};"
        f"color:{theme.INK};font-weight:bold}}</style>"
    )


def caution_items(cautions) -> str:
    """Cautions as ``<li>`` items: the text and its source, escaped."""
    return "".join(f"<li>{escape(c.text)} <small>({escape(str(c.cite))})</small></li>" for c in cautions)


def _cautions_html(reg: Region, step: int) -> str:
    st = reg.steps[step - 1] if step else None
    items = [
        c for c in reg.cautions if not c.techniques or (st is not None and st.technique in c.techniques) or st is None
    ]
    return f'<div role="note"><strong>Cautions</strong><ul style="margin:.2em 0">{caution_items(items)}</ul></div>'


class Explorer:
    """Region, mode, step (and position where the source gives two) on one screen.

    ``explorer.widget`` is the whole screen; the object displays as it. Set ``region_w``, ``mode_w``, ``body_w``
    (male / female), ``muscles_w`` or ``step_w`` values (or click the buttons) and the figure, caption, plan
    table and cautions follow.
    ``keep_view=True`` keeps a matplotlib :class:`~backdata.views.draw.RegionView` in step with the widgets (tests
    inspect its artists).
    """

    def __init__(
        self,
        region: str = "lumbar",
        mode: str = "hygienic",
        step: int = 1,
        *,
        regions: tuple[str, ...] | None = None,
        keep_view: bool = False,
        interval: float = 1.5,
        body: str = "male",
        muscles: bool = False,
    ):
        start = get_region(region)  # every argument is checked before a widget exists
        mode, step = as_mode(mode), as_step(start, step)
        keep_view = as_bool("keep_view", keep_view)
        body, muscles = as_sex(body), as_bool("muscles", muscles)
        as_number("interval", interval, positive=True)
        names = tuple(
            r.name for r in as_regions(() if regions is None else regions, where="the explorer", allow_empty=True)
        ) or tuple(REGIONS)
        if start.name not in names:
            raise BackdataError(f"region {start.name!r} is not among the explorer's regions; valid: {', '.join(names)}")
        import ipywidgets as w

        self._uid = f"e{next(_ids)}"
        self._keep_view = keep_view
        self.view = None
        self.interval = interval
        self._figure_region: str | None = None
        self._lf: LayeredFigure | None = None
        self.region_w = w.Dropdown(
            options=[(REGIONS[n].title, n) for n in names],
            value=start.name,
            description="Region",
            layout=w.Layout(width="24em"),
        )
        self.mode_w = w.ToggleButtons(
            options=[(m.value, m.value) for m in Mode],
            value=mode.value,
            description="Mode",
            tooltips=["wellness / preventive", "therapeutic"],
            style={"description_width": "initial", "button_width": "8em"},
        )
        self.step_w = w.IntSlider(
            value=step, min=0, max=len(start.steps), description="Step", continuous_update=True, readout=True
        )
        self.prev_b = w.Button(description="◀ Prev", layout=w.Layout(width="7em"))
        self.next_b = w.Button(description="Next ▶", layout=w.Layout(width="7em"))
        self.play_b = w.ToggleButton(description="▶ Play", value=False, layout=w.Layout(width="7em"))
        self.position_w = w.ToggleButtons(
            options=[p.value for p in start.positions],
            description="Position",
            style={"description_width": "initial", "button_width": "8em"},
        )
        self.body_w = w.ToggleButtons(
            options=list(SEXES),
            value=body,
            description="Body",
            tooltips=["male proportions (ANSUR II)", "female proportions (ANSUR II)"],
            style={"description_width": "initial", "button_width": "6em"},
        )
        self.muscles_w = w.Checkbox(value=muscles, description="muscles", indent=False)
        self.figure = w.HTML(layout=w.Layout(width="100%", max_width="1000px"))
        self.figure.add_class("bd-figure")
        self.view_css = w.HTML()
        self.view_css.add_class("bd-view-css")
        self.caption = w.HTML()
        self.caption.add_class("bd-caption")
        self.plan = w.HTML()
        self.plan.add_class("bd-plan")
        self.cautions = w.HTML()
        self.cautions.add_class("bd-cautions")
        controls = w.VBox(
            [
                w.HBox([self.region_w, self.mode_w]),
                w.HBox([self.body_w, self.muscles_w]),
                w.HBox([self.step_w, self.prev_b, self.next_b, self.play_b]),
                self.position_w,
            ]
        )
        self.widget = w.VBox([controls, self.caption, self.figure, self.view_css, self.plan, self.cautions])
        self.widget.add_class("bd-explorer")
        self._task: asyncio.Task | None = None
        for ctl in (self.region_w, self.body_w, self.muscles_w):
            ctl.observe(self._on_region, "value")
        for ctl in (self.mode_w, self.step_w, self.position_w):
            ctl.observe(self._update, "value")
        self.prev_b.on_click(lambda _: self._move(-1))
        self.next_b.on_click(lambda _: self._move(+1))
        self.play_b.observe(self._on_play, "value")
        self._on_region()

    # -- display ---------------------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle[VIEW_MIME] = ViewState(
            "explorer",
            region=self.region_w.value,
            mode=self.mode_w.value,
            step=self.step_w.value,
            regions=tuple(o[1] for o in self.region_w.options),
        ).to_json()
        return bundle

    # -- state -----------------------------------------------------------------------------------------------
    @property
    def region(self) -> Region:
        return REGIONS[self.region_w.value]

    @property
    def layered(self) -> LayeredFigure:
        assert self._lf is not None
        return self._lf

    def visible_layers(self) -> frozenset[str]:
        """The layers of the figure shown now."""
        return self.layered.visible[(as_mode(self.mode_w.value), self.step_w.value)]

    def _on_region(self, *_) -> None:
        reg = self.region
        sex, muscles = as_sex(self.body_w.value), bool(self.muscles_w.value)
        self._lf = _base_figure(reg.name, sex, muscles).with_prefix(f"bd-{reg.name.replace('_', '-')}-{self._uid}")
        self.figure.value = f'<div style="aspect-ratio:16/9;width:100%">{self._lf.svg}</div>'
        if self._keep_view:
            import matplotlib.pyplot as plt

            from backdata.views import draw

            if self.view is not None:
                plt.close(self.view.ax.figure)
            with draw.style("projector"):
                _, self.view = draw.region_figure(reg, sex=sex, muscles=muscles)
        positions = [p.value for p in reg.positions]
        with self.position_w.hold_trait_notifications():
            self.position_w.options = positions
            self.position_w.value = positions[0]
        self.position_w.layout.display = None if len(positions) > 1 else "none"
        self.step_w.max = len(reg.steps)
        self.step_w.value = min(self.step_w.value, len(reg.steps))
        self._update()

    def _update(self, *_) -> None:
        reg, mode, step = self.region, as_mode(self.mode_w.value), self.step_w.value
        lf = self.layered
        self.view_css.value = f"<style>{lf.css(mode, step)}</style>"
        if self.view is not None:
            self.view.set_mode(mode)
            self.view.set_step(step)
        from backdata.views.draw import step_caption

        pos = self.position_w.value
        where = f" · patient {pos}" + (" (the source prefers lying)" if pos != reg.positions[0].value else "")
        self.caption.value = (
            f'<div style="font-size:110%"><strong>{escape(reg.title)}</strong> · '
            f"{escape(step_caption(reg, mode, step))}{escape(where)}</div>"
            f'<span class="bd-alt" style="position:absolute;left:-9999px">'
            f"{escape(alt_text(reg, mode, step))}</span>"
        )
        self.plan.value = plan_html(reg, mode, step)
        self.cautions.value = _cautions_html(reg, step)

    def _move(self, delta: int) -> None:
        n = self.step_w.max
        self.step_w.value = (self.step_w.value + delta) % (n + 1)

    def _on_play(self, change) -> None:
        self.play_b.description = "❚❚ Pause" if change["new"] else "▶ Play"
        if change["new"]:
            try:
                loop = asyncio.get_event_loop()
            except RuntimeError:
                return
            self._task = loop.create_task(self._play())
        elif self._task is not None:
            self._task.cancel()

    async def _play(self) -> None:
        while self.play_b.value:
            await asyncio.sleep(self.interval)
            if not self.play_b.value:
                break
            nxt = self.step_w.value + 1
            if nxt > self.step_w.max:
                self.play_b.value = False
                break
            self.step_w.value = nxt


def explorer(region: str = "lumbar", mode: str = "hygienic", step: int = 1, **kwargs) -> Explorer:
    """The explorer with explicit defaults: the lumbar region, hygienic mode, step 1 (stroking)."""
    return Explorer(region, mode, step, **kwargs)


def region_stepper(name: str, mode: str = "hygienic", step: int = 1, **kwargs) -> Explorer:
    """The explorer for one region (no region choice): for the region notebooks."""
    ex = Explorer(name, mode, step, regions=(region(name).name,), **kwargs)
    ex.region_w.layout.display = "none"
    return ex
