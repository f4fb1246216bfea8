"""What the notebooks call: each function returns something Jupyter displays (a table, an inline figure,
Markdown or HTML). The notebooks hold no logic; this glue holds little: it asks the facts, tables, drawings
and descriptions for what to show.
"""

from __future__ import annotations

import io
import itertools
import os
from html import escape

import pandas as pd
from IPython.display import HTML, Markdown

from backdata.core.model import Minutes, Mode, Region
from backdata.interact.quiz import quiz_html
from backdata.interact.state import VIEW_MIME, ViewState
from backdata.method.current import current, use_method
from backdata.method.regions import REGIONS, as_mode, region
from backdata.method.techniques import TECHNIQUES
from backdata.method.validate import source_tensions
from backdata.views import text, theme
from backdata.views.describe import alt_text, lines_summary
from backdata.views.svg import SVG_METADATA, clean_svg
from backdata.views.tables import check_session, plan, session, session_steps

__all__ = [
    "cautions_table",
    "glossary",
    "method_outline",
    "notice",
    "plan_table",
    "rules_table",
    "self_check",
    "session_table",
    "session_timeline",
    "session_warnings",
    "show_overview",
    "show_region",
    "show_steps",
    "show_technique_sheet",
    "technique_usage",
    "tensions_table",
    "timings",
    "why_lines",
]

_ids = itertools.count(1)

METHOD_ENV = "BACKDATA_METHOD"
"""The environment variable naming the method file the notebooks show (``backdata build --method FILE`` sets
it for the kernels that execute them); unset or empty: the current method (the classical one)."""

if os.environ.get(METHOD_ENV):
    use_method(os.environ[METHOD_ENV])


class Shown:
    """An HTML output that also says what it shows (``VIEW_MIME``), so a handout can compose the same view
    from the page's one copy of the drawing instead of embedding another picture."""

    def __init__(self, markup: str, view: ViewState):
        self.data, self.view = markup, view

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.data, VIEW_MIME: self.view.to_json()}


def _svg_of(fig, label: str, prefix: str | None = None) -> str:
    """A figure as inline SVG with a unique id prefix and its alt text; the figure is closed."""
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata=SVG_METADATA)
    plt.close(fig)
    svg = clean_svg(buf.getvalue(), prefix or f"bd-fig{next(_ids)}", label=label)
    return f'<figure class="bd-plate" style="margin:0;max-width:1000px">{svg}</figure>'


def notice():
    """The notice every notebook carries: not medical advice; contraindications, with a reference."""
    m = current()
    items = "".join(f"<li>{escape(c)}</li>" for c in m.contraindications)
    return HTML(
        f'<div class="bd-notice" role="note" style="border-left:4px solid {theme.WARN};padding:.5em 1em;'
        f'background:{theme.NOTICE_BACKGROUND};color:{theme.INK}"><strong>Notice.</strong> {escape(m.notice)}<br>'
        "Contraindications include: "
        f'<ul style="margin:.3em 0">{items}</ul><small>Reference: {escape(m.contraindications_reference)} '
        f"{escape(m.source_claims_note)}</small></div>"
    )


def method_outline():
    """The method in the source's order, with each region's summary and the lines it comes from."""
    rows = [
        f"{k}. **{REGIONS[n].title}** — {REGIONS[n].summary} ({REGIONS[n].extent_cite})"
        for k, n in enumerate(current().text_order, 1)
    ]
    rules = [f"- {r.text} ({r.cite})" for r in current().rules.values()]
    return Markdown(
        "\n".join(
            [
                "The source's scheme: a preliminary massage of the whole back, then the regions "
                "in detail (source line 23).",
                "",
                *rows,
                "",
                "**General rules**",
                "",
                *rules,
            ]
        )
    )


def show_overview():
    """All regions on one back."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    with draw.style("projector"):
        fig = plt.figure()
        draw.draw_overview(fig)
        return HTML(
            _svg_of(
                fig,
                "Map of the back seen from behind: the preliminary massage's lines on the "
                "left; the collar, scapula, lower thoracic and lumbar regions with their "
                "numbered lines on the right.",
            )
        )


def show_technique_sheet():
    """The seven techniques as drawn strokes."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    with draw.style("projector"):
        fig = plt.figure()
        draw.draw_technique_sheet(fig)
        return HTML(
            _svg_of(
                fig,
                "The seven techniques drawn as strokes: "
                + "; ".join(f"{t.value}: {TECHNIQUES[t].style}" for t in TECHNIQUES),
            )
        )


def show_region(name: str | Region, step: int = 0, mode: str | Mode = Mode.hygienic):
    """A region's plate at one step (0: every line and its direction)."""
    from backdata.views import draw

    reg, mode = region(name), as_mode(mode)
    with draw.style("projector"):
        fig, _ = draw.region_figure(reg, mode=mode, step=step)
        return Shown(
            _svg_of(fig, alt_text(reg, mode, step)), ViewState("plate", region=reg.name, mode=mode.value, step=step)
        )


def show_steps(name: str | Region, mode: str | Mode = Mode.hygienic):
    """Each step of the region's sequence, drawn in turn (small multiples)."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    reg, mode = region(name), as_mode(mode)
    rows = -(-len(reg.steps) // 4)
    with draw.style("projector"):
        fig = plt.figure(figsize=(12.8, 4.2 * rows + 0.6))
        draw.draw_steps(reg, mode=mode, fig=fig)
        label = " ".join(alt_text(reg, mode, i) for i in range(1, len(reg.steps) + 1))
        return Shown(_svg_of(fig, label), ViewState("steps", region=reg.name, mode=mode.value))


def _fmt(m: Minutes, editorial: bool) -> str:
    if not m.known:
        return text.NOT_IN_SOURCE
    return text.editorial_minutes(m) if editorial else str(m)


def plan_table(name: str | Region, mode: str | Mode = Mode.hygienic):
    """The region's plan as a styled table: unknown times shown as such, editorial shares marked."""
    reg, mode = region(name), as_mode(mode)
    df = plan(reg, mode, editorial=True)
    shown = pd.DataFrame(
        {
            "step": df["step"],
            "technique": df["technique"],
            "lines": df["lines"],
            "minutes": [
                _fmt(Minutes(a, b), e) for a, b, e in zip(df["minutes_min"], df["minutes_max"], df["editorial"])
            ],
            "note": df["note"] + df["by_indication"].map({True: f" {text.BY_INDICATION}", False: ""}),
            "source": df["source"],
        },
        index=df.index,
    )
    caption = f"{reg.title} — {mode.value}: whole region {reg.total[mode].minutes} ({reg.total[mode].cite})"
    return (
        shown.style.set_caption(escape(caption, quote=False))
        .set_uuid(f"plan-{reg.name}-{mode.value}")
        .format(escape="html")
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .apply(
            lambda row: [
                f"font-style: italic; opacity: {theme.EDITORIAL_OPACITY}" if df.loc[row.name, "editorial"] else ""
                for _ in row
            ],
            axis=1,
        )
        .set_properties(**{"text-align": "left"})
        .set_table_styles([{"selector": "th", "props": "text-align: left"}])
    )


def timings(name: str | Region) -> pd.DataFrame:
    """Minutes per step and for the whole region, in both modes, with their origin."""
    reg = region(name)
    cols = {}
    for m in Mode:
        df = plan(reg, m, editorial=True)
        cols[m.value] = [
            _fmt(Minutes(a, b), e) for a, b, e in zip(df["minutes_min"], df["minutes_max"], df["editorial"])
        ]
        cols[m.value].append(f"{reg.total[m].minutes}" + (text.EDITORIAL_TAG if reg.total[m].cite.editorial else ""))
    index = [f"{i}. {s.title}" for i, s in enumerate(reg.steps, 1)] + ["whole region"]
    return pd.DataFrame(cols, index=pd.Index(index, name="step"))


def _table(df: pd.DataFrame, uid: str):
    """A table shown whole (no cell cut to 50 characters), left-aligned, without the row numbers."""
    return (
        df.style.set_uuid(uid)
        .hide(axis="index")
        .format(escape="html")
        .format_index(escape="html", axis=1)
        .set_properties(**{"text-align": "left", "vertical-align": "top"})
        .set_table_styles([{"selector": "th", "props": "text-align: left"}])
    )


def cautions_table(name: str | Region):
    """Every caution of the region: what, for which techniques, whether it has a zone on the figure, source."""
    reg = region(name)
    return _table(
        pd.DataFrame(
            [
                {
                    "caution": c.text,
                    "techniques": ", ".join(t.value for t in c.techniques) or "all",
                    "on the figure": "hatched zone" if c.zones else "—",
                    "source": str(c.cite),
                }
                for c in reg.cautions
            ]
        ),
        f"cautions-{reg.name}",
    )


def why_lines(name: str | Region):
    """Why the lines run where they do (lymph drainage, bones, organs), and each line in words."""
    reg = region(name)
    return Markdown(
        f"{reg.purpose} ({reg.purpose_cite})\n\n**The lines:** {lines_summary(reg)}.\n\n"
        "Strokes run toward the nearest lymph nodes, which are not massaged themselves; the "
        "drainage scheme (Sappey) is a massage convention, and people vary."
    )


def rules_table():
    """The general rules of the method with their source lines."""
    return _table(pd.DataFrame([{"rule": r.text, "source": str(r.cite)} for r in current().rules.values()]), "rules")


def glossary():
    """The seven techniques: school names, what the source says, depth, limit, notes."""
    return _table(
        pd.DataFrame(
            [
                {
                    "technique": i.technique.value,
                    "also called": ", ".join(i.synonyms),
                    "what it is": i.description,
                    "depth (1–4)": i.depth,
                    "limit": f"≤ {i.max_minutes:g} min" if i.max_minutes else "—",
                    "source": str(i.cite),
                    "note": i.note,
                }
                for i in TECHNIQUES.values()
            ]
        ),
        "glossary",
    )


def technique_usage() -> pd.DataFrame:
    """Where the source uses each technique: region → step numbers."""
    rows, order = [], current().text_order
    for t in TECHNIQUES:
        where = {n: [str(i) for i, s in enumerate(REGIONS[n].steps, 1) if s.technique is t] for n in order}
        rows.append({"technique": t.value, **{REGIONS[n].title: ", ".join(v) or "—" for n, v in where.items()}})
    return pd.DataFrame(rows).set_index("technique")


def tensions_table():
    """The source text's own tensions, and how the collection treats each."""
    return _table(
        pd.DataFrame([{"tension": t.text, "our stance": t.stance, "source": str(t.cite)} for t in source_tensions()]),
        "tensions",
    )


def self_check(name: str | Region, reveal: bool = False):
    """The region's self-check: questions from the data, answered in the page (no kernel needed)."""
    return HTML(quiz_html(name, reveal=reveal, prefix=f"bd-q{next(_ids)}"))


def session_table(regions=None, mode: str | Mode = Mode.hygienic, first_session: bool = False) -> pd.DataFrame:
    """The session per region with its total (see :func:`backdata.session`)."""
    return session(regions, mode, first_session)


def session_timeline(regions=None, mode: str | Mode = Mode.hygienic, prefix: str | None = None):
    """The session's steps on a timeline (minutes per step); ``prefix`` fixes the SVG's ids."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    steps = session_steps(regions, mode)
    with draw.style("projector"):
        fig = plt.figure(figsize=(12.8, 0.36 * len(steps) + 1.2))
        ax = fig.add_axes((0.3, 0.9 / (0.36 * len(steps) + 1.2), 0.68, 1 - 1.1 / (0.36 * len(steps) + 1.2)))
        draw.draw_timeline(steps, ax)
        return HTML(
            _svg_of(
                fig,
                f"Timeline of a {as_mode(mode).value} session: "
                + ", ".join(f"{r} {s}" for r, s in zip(steps["region"], steps["step"])),
                prefix,
            )
        )


def session_warnings(regions=None, mode: str | Mode = Mode.hygienic, first_session: bool = False):
    """The rules the session breaks, as warnings (or a line saying it breaks none)."""
    breaks = check_session(regions, mode, first_session)
    if not breaks:
        return HTML('<p class="bd-ok">This session breaks none of the method\'s rules.</p>')
    items = "".join(
        f"<li><strong>{escape(b.severity)}</strong>: {escape(b.message)} <small>({escape(str(b.cite))})</small></li>"
        for b in breaks
    )
    return HTML(
        f'<div class="bd-warnings" role="alert" style="border-left:4px solid {theme.WARN};padding:.3em 1em">'
        f"<ul>{items}</ul></div>"
    )
