"""The session planner (ipywidgets glue; the session-planner notebook only calls it): pick regions and a mode, see
the session as a table and a timeline, and the rules it breaks. Every session ends with the closing step
(vibration or light tapping, line 133), a row of the table and a bar of the timeline; the timeline's bars fill
each region's stated total and end at the table's total row."""

from __future__ import annotations

from html import escape

from backdata.core.errors import as_bool
from backdata.core.model import Mode
from backdata.interact.notebook import session_timeline
from backdata.interact.state import VIEW_MIME, ViewState
from backdata.method.current import current
from backdata.method.regions import REGIONS, as_mode, as_regions
from backdata.views import theme
from backdata.views.tables import check_session, session, session_steps
from backdata.views.text import minutes_span

__all__ = ["SessionPlanner", "session_planner"]


class SessionPlanner:
    """Pick regions and a mode; see the session as a table and a timeline, and the rules it breaks."""

    def __init__(self, regions=None, mode: str = "hygienic", first_session: bool = True):
        self.order = current().session_order  # the method current when the planner was made
        chosen = [
            r.name for r in as_regions(() if regions is None else regions, where="the planner", allow_empty=True)
        ] or list(self.order)
        mode, first_session = as_mode(mode), as_bool("first_session", first_session)
        import ipywidgets as w

        self.regions_w = [w.Checkbox(value=n in chosen, description=REGIONS[n].title, indent=False) for n in self.order]
        self.mode_w = w.ToggleButtons(options=[m.value for m in Mode], value=mode.value, description="Mode")
        self.first_w = w.Checkbox(value=first_session, description="first session", indent=False)
        self.table = w.HTML()
        self.table.add_class("bd-session")
        self.timeline = w.HTML(layout=w.Layout(width="100%", max_width="1000px"))
        self.warnings = w.HTML()
        self.warnings.add_class("bd-warnings")
        self.widget = w.VBox(
            [
                w.HBox(self.regions_w, layout=w.Layout(flex_flow="row wrap")),
                w.HBox([self.mode_w, self.first_w]),
                self.warnings,
                self.table,
                self.timeline,
            ]
        )
        for ctl in (*self.regions_w, self.mode_w, self.first_w):
            ctl.observe(self._update, "value")
        self._update()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle[VIEW_MIME] = ViewState(
            "planner", mode=self.mode_w.value, regions=tuple(self.selected()), first_session=self.first_w.value
        ).to_json()
        return bundle

    def selected(self) -> list[str]:
        return [n for n, cb in zip(self.order, self.regions_w) if cb.value]

    def _update(self, *_) -> None:
        names, mode, first = self.selected(), self.mode_w.value, self.first_w.value
        if not names:
            self.table.value = "<p>Choose at least one region.</p>"
            self.warnings.value = self.timeline.value = ""
            return
        df = session(names, mode, first)
        rows = "".join(
            f"<tr><td>{escape(r.title)}</td><td>{minutes_span(r.minutes_min, r.minutes_max)}</td>"
            f"<td><small>{escape(r.source)}</small></td></tr>"
            for r in df.itertuples()
        )
        self.table.value = (
            f'<table class="bd-plan-table"><thead><tr><th>region</th><th>min</th><th>source</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        breaks = check_session(names, mode, first)
        self.warnings.value = (
            "".join(
                f'<p role="alert" style="border-left:4px solid {theme.WARN};padding:.2em .6em">⚠ '
                f"<strong>{escape(b.severity)}</strong>: {escape(b.message)} <small>({escape(str(b.cite))})</small></p>"
                for b in breaks
            )
            or "<p>✓ This session breaks none of the method's rules.</p>"
        )
        self.timeline.value = session_timeline(names, mode).data
        self.steps = session_steps(names, mode)


def session_planner(regions=None, mode: str = "hygienic", first_session: bool = True) -> SessionPlanner:
    """The session planner, by default the whole bottom-up session as a first session (it breaks the 15-minute
    rule: a teaching point)."""
    return SessionPlanner(regions, mode, first_session)
