"""What a handout page shows for a notebook's cells: markdown, outputs, and the views without a kernel.

Where a notebook shows a widget (the explorer, a region's stepper, the session planner) or a plate, its output
carries a :class:`~backdata.interact.state.ViewState`; the page shows the same choices as native radio buttons
that switch the layers of one inline SVG per region with CSS (``:checked`` and ``:has()``), so the views work
with no kernel. Every other output and all markdown pass the sanitisers of :mod:`backdata.publish.sanitise`.
"""

from __future__ import annotations

import base64
import html
import re

from nbconvert.filters.markdown_mistune import markdown2html_mistune

from backdata.core.model import Mode
from backdata.interact.explorer import caution_items, plan_html
from backdata.interact.notebook import session_timeline, session_warnings
from backdata.interact.state import VIEW_MIME, ViewState
from backdata.method.regions import REGIONS, as_mode
from backdata.publish.page import Page
from backdata.publish.sanitise import sanitize_markdown_html, sanitize_output_html
from backdata.views import layers, text, theme
from backdata.views.describe import alt_text
from backdata.views.svg import clean_svg
from backdata.views.tables import session, step_minutes

__all__ = ["cell_markdown", "cell_output"]

# --- Views without a kernel ---------------------------------------------------------------------------------


def _hoist_styles(fragment: str, page: Page) -> str:
    """Move every ``<style>`` of an output into the page's head (HTML5 allows none in the body)."""

    def take(m: re.Match) -> str:
        css = m.group(1)
        if not re.search(r"</|<!--|-->", css):  # a style that could close its element is dropped
            page.styles.append(css)
        return ""

    return re.sub(r"<style\b[^>]*>(.*?)</style\s*>", take, fragment, flags=re.S | re.I)


def _radio(group: str, rid: str, label: str, checked: bool) -> str:
    c = " checked" if checked else ""
    return (
        f'<input type="radio" name="{group}" id="{rid}" value="{html.escape(label, quote=True)}"{c}>'
        f'<label for="{rid}">{html.escape(label)}</label>'
    )


def _plate_block(state: ViewState, page: Page) -> str:
    """A region's plate at one view, composed from the page's drawing of the region."""
    name, mode, step = state.region, as_mode(state.mode), state.step
    sp = page.sprite(name)
    label = alt_text(name, mode, step)
    return f'<figure class="bd-out bd-plate">{sp.view(sp.figure.visible[(mode, step)], label=label)}</figure>'


def _steps_block(state: ViewState, page: Page) -> str:
    """Every step of a region in turn: crops of the page's drawing of the region, one per step."""
    name, mode = state.region, as_mode(state.mode)
    reg, sp = REGIONS[name], page.sprite(name)
    x, y, w, h = sp.figure.region_box
    box = f"{x} {y} {w} {h}"
    cells = []
    for i, st in enumerate(reg.steps, 1):
        mins, origin = step_minutes(reg, mode, editorial=True)[i - 1]
        when = text.timed(mins, origin)
        svg = sp.view(sp.figure.visible[(mode, i)], label=alt_text(reg, mode, i), view_box=box)
        cells.append(
            f"<figure>{svg}<figcaption><strong>{i}. {html.escape(st.title)}</strong><br>"
            f"{html.escape(when)}</figcaption></figure>"
        )
    page.styles.append(
        ".bd-steps{display:grid;grid-template-columns:repeat(auto-fill,minmax(210px,1fr));gap:.6em}"
        ".bd-steps figure{margin:0}.bd-steps figcaption{font-size:.9em}"
    )
    return (
        f'<div class="bd-out bd-steps" role="group" aria-label="{html.escape(reg.title, quote=True)}: '
        f'the sequence, {mode.value}">{"".join(cells)}</div>'
    )


def _view_block(state: ViewState, page: Page) -> str:
    """An explorer or stepper as native controls switching the layers of the page's drawing."""
    vid = page.uid("v")
    names = list(state.regions)
    start, mode0, step0 = state.region, as_mode(state.mode), state.step
    parts = [f'<form class="bd-view" id="{vid}" aria-label="Choose what the figure shows">']
    css: list[str] = [layers.css_hide_classes(f"#{vid}")]
    if len(names) > 1:
        parts.append(
            "<fieldset><legend>Region</legend>"
            + "".join(_radio(f"{vid}-r", f"{vid}-r-{n}", REGIONS[n].title, n == start) for n in names)
            + "</fieldset>"
        )
    parts.append(
        "<fieldset><legend>Mode</legend>"
        + "".join(_radio(f"{vid}-m", f"{vid}-m-{m.value}", m.value, m is mode0) for m in Mode)
        + "</fieldset>"
    )
    for n in names:
        reg, sp = REGIONS[n], page.sprite(n)
        rsel = f"#{vid}:has(#{vid}-r-{n}:checked)" if len(names) > 1 else f"#{vid}"
        steps = "".join(
            _radio(
                f"{vid}-{n}-s",
                f"{vid}-{n}-s{i}",
                "lines" if i == 0 else f"{i} {s.title}",
                i == min(step0, len(reg.steps)),
            )
            for i, s in enumerate([None, *reg.steps])
        )
        svg = sp.view((), label=f"{reg.title}: the figure for the chosen mode and step (described below)", classes=True)
        parts.append(
            f'<div class="bd-r bd-r-{n}"><fieldset><legend>Step</legend>{steps}</fieldset>'
            f'<div class="bd-fig">{svg}</div>'
        )
        css.append(f"{rsel} .bd-r-{n}{{display:block}}")
        for (m, i), shown in sp.figure.visible.items():
            sel = f"#{vid}:has(#{vid}-m-{m.value}:checked):has(#{vid}-{n}-s{i}:checked) "
            css.append(layers.css_show(f"{sel}.bd-r-{n} ", shown))
            parts.append(
                f'<p class="bd-sr bd-alt-view bd-alt-{n}-{m.value}-{i}">{html.escape(alt_text(reg, m, i))}</p>'
            )
            css.append(f"{sel}.bd-alt-{n}-{m.value}-{i}{{display:block}}")
        for m in Mode:
            table = re.sub(r"<tr><td>(\d+)</td>", r'<tr data-step="\1"><td>\1</td>', plan_html(reg, m, 0))
            parts.append(f'<div class="bd-mode-table bd-t-{n}-{m.value}">{_hoist_styles(table, page)}</div>')
            css.append(f"#{vid}:has(#{vid}-m-{m.value}:checked) .bd-t-{n}-{m.value}{{display:block}}")
        for i in range(1, len(reg.steps) + 1):
            css.append(
                f'#{vid}:has(#{vid}-{n}-s{i}:checked) .bd-r-{n} tr[data-step="{i}"]'
                f"{{background:{theme.HIGHLIGHT};color:{theme.INK};font-weight:bold}}"
            )
        parts.append(
            f'<div class="bd-cautions"><strong>Cautions</strong><ul>{caution_items(reg.cautions)}</ul></div></div>'
        )
    parts.append("</form>")
    page.styles.append("".join(css))
    return "".join(parts)


def _planner_block(state: ViewState, page: Page) -> str:
    """The session planner as it stood when the notebook ran: table, warnings, timeline."""
    regions, mode, first = list(state.regions) or None, state.mode, state.first_session
    df = session(regions, mode, first)
    table = df[["title", "minutes_min", "minutes_max", "source"]].to_html(index=False, border=0, escape=True)
    body = (
        session_warnings(regions, mode, first).data
        + table
        + session_timeline(regions, mode, prefix=page.uid("bd-timeline")).data
    )
    return f'<div class="bd-out">{_hoist_styles(_clean_table(body), page)}</div>'


def _clean_table(markup: str) -> str:
    return re.sub(r'\sborder="\d+"', "", markup).replace(' style="text-align: right;"', "")


# --- Cells ----------------------------------------------------------------------------------------------------


def cell_output(out: dict, page: Page) -> str:
    """One output of a code cell as page HTML: a view by its :class:`~backdata.interact.state.ViewState`, other
    HTML and SVG sanitised, PNG inline; an error or anything on stderr raises (a handout never shows one)."""
    kind = out.get("output_type")
    if kind == "error":
        raise RuntimeError(f"notebook output has an error: {out.get('ename')}: {out.get('evalue')}")
    if kind == "stream":
        if out.get("name") == "stderr":
            raise RuntimeError(f"notebook printed to stderr: {out.get('text', '')[:200]}")
        return f"<pre>{html.escape(out.get('text', ''))}</pre>"
    data = out.get("data", {})
    if VIEW_MIME in data:
        state = ViewState.from_mapping(data[VIEW_MIME])
        return _BLOCKS[state.kind](state, page)
    if "text/html" in data:
        markup = sanitize_output_html(_hoist_styles(_clean_table(_text(data["text/html"])), page))
        return f'<div class="bd-out">{markup}</div>'
    if "image/svg+xml" in data:
        markup = sanitize_output_html(clean_svg(_text(data["image/svg+xml"]), page.uid("bd-img")))
        return f'<div class="bd-out">{markup}</div>'
    if "image/png" in data:
        alt = html.escape(_text(data.get("text/plain", "figure")), quote=True)
        b64 = _text(data["image/png"]).replace("\n", "")
        base64.b64decode(b64, validate=True)
        return f'<div class="bd-out"><img src="data:image/png;base64,{b64}" alt="{alt}"></div>'
    if "text/markdown" in data:
        return f'<div class="bd-out">{cell_markdown(_text(data["text/markdown"]))}</div>'
    if "text/plain" in data:
        return f"<pre>{html.escape(_text(data['text/plain']))}</pre>"
    return ""


_BLOCKS = {"explorer": _view_block, "plate": _plate_block, "steps": _steps_block, "planner": _planner_block}
"""How a page shows each kind of view (:data:`backdata.interact.state.KINDS`)."""


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def cell_markdown(source: str) -> str:
    """Markdown as HTML by nbconvert's own renderer (headings get the ids the notebooks' contents links use),
    without its pilcrow anchors, sanitised; links to a notebook of the collection point at its page."""
    out = markdown2html_mistune(source)
    out = re.sub(r'<a class="anchor-link" href="#[^"]*">&#182;</a>', "", out)
    out = sanitize_markdown_html(out)
    return re.sub(r'href="([0-9]{2}-[^"#]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', out)
