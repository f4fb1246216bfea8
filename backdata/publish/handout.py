"""Handouts: the executed notebooks as offline HTML pages in the collection's own template.

Each page is one self-contained file: no script, no request beyond itself (a Content-Security-Policy forbids
any), styles inline. Code cells are hidden. Where a notebook shows a widget (the explorer, a region's stepper,
the session planner), the page shows the same choices as native radio buttons that switch the layers of one
inline SVG per region with CSS (``:checked`` and ``:has()``), so the views work with no kernel. The
self-check questions answer in the page the same way. A print stylesheet gives A4 pages without controls.
"""

from __future__ import annotations

import base64
import html
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat
import nh3
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from backdata.core.errors import BackdataError
from backdata.core.model import Mode
from backdata.interact.explorer import caution_items, plan_html
from backdata.interact.notebook import session_timeline, session_warnings, timings
from backdata.interact.state import VIEW_MIME, ViewState
from backdata.method.classical import NOTICE, TEXT_ORDER
from backdata.method.regions import REGIONS, as_mode
from backdata.publish.files import no_notebooks, replace_dir, write_atomic
from backdata.publish.page import Page
from backdata.views import layers, text, theme
from backdata.views.describe import alt_text
from backdata.views.svg import clean_svg
from backdata.views.tables import session, step_minutes

__all__ = [
    "CSP",
    "build_handouts",
    "execute_notebook",
    "notebook_paths",
    "notebook_region",
    "print_pdf",
    "region_sheet",
    "render_page",
]

CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'; script-src 'none'; "
    "connect-src 'none'; form-action 'none'; base-uri 'none'"
)
"""The pages load nothing: images are inline data, styles inline, and there is no script."""

# --- What a page lets through -------------------------------------------------------------------------------
# Notebook markdown and the HTML a cell outputs pass an allow-list sanitiser (nh3, the binding of the Rust
# ``ammonia``): only the tags and attributes below reach a page; ``<script>``, ``<meta>``, ``<iframe>``,
# ``<object>``, ``on*=`` attributes and ``javascript:``/``data:`` links never do. Links keep relative paths,
# ``#fragments`` and http(s)/mailto. The views a page composes itself (radio buttons, the region drawings)
# are built by our code from the data, with every datum escaped, and are not sanitised.

_URL_SCHEMES = frozenset({"http", "https", "mailto"})
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "object",
        "embed",
        "noscript",
        "textarea",
        "title",
        "xmp",
        "noembed",
        "noframes",
        "math",
    }
)

MARKDOWN_TAGS = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "br",
        "hr",
        "a",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "b",
        "i",
        "del",
        "s",
        "code",
        "pre",
        "kbd",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "details",
        "summary",
        "sup",
        "sub",
        "div",
        "span",
    }
)
"""Tags notebook markdown may use (what the collection's notebooks and nbconvert's renderer write)."""
MARKDOWN_ATTRIBUTES = {
    "h1": {"id"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "div": {"class"},
    "span": {"class"},
    "code": {"class"},
    "details": {"open"},
}
"""Attributes per tag: heading ids (the contents links point at them), link targets, table alignment, code
highlighting classes."""

_SVG_TAGS = frozenset(
    {
        "svg",
        "g",
        "path",
        "use",
        "text",
        "defs",
        "rect",
        "clipPath",
        "pattern",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "desc",
        "tspan",
    }
)
OUTPUT_TAGS = (
    MARKDOWN_TAGS
    | _SVG_TAGS
    | frozenset(
        {
            "caption",
            "colgroup",
            "col",
            "figure",
            "figcaption",
            "small",
            "fieldset",
            "legend",
            "input",
            "label",
            "dl",
            "dt",
            "dd",
            "img",
            "section",
            "aside",
            "abbr",
            "mark",
            "sub",
            "sup",
            "u",
            "q",
            "cite",
            "var",
        }
    )
)
"""Tags a cell's HTML output may use: markdown's, plus the tables, figures (inline SVG), notices and self-check
questions the collection's own glue writes."""
_ALL = {
    "id",
    "class",
    "style",
    "role",
    "aria-label",
    "aria-live",
    "aria-hidden",
    "aria-describedby",
    "title",
    "lang",
    "dir",
    "data-step",
}
_GEOMETRY = {"x", "y", "width", "height", "transform", "fill", "stroke", "clip-path", "opacity"}
OUTPUT_ATTRIBUTES = {
    "*": _ALL,
    "a": {"href"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "table": {"border"},
    "details": {"open"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "name", "value", "checked", "disabled"},
    "label": {"for"},
    "svg": {"viewBox", "xmlns", "xmlns:xlink", "version", "preserveAspectRatio", "focusable", "width", "height"},
    "g": _GEOMETRY,
    "path": _GEOMETRY | {"d"},
    "rect": _GEOMETRY,
    "text": _GEOMETRY,
    "tspan": _GEOMETRY,
    "use": _GEOMETRY | {"href", "xlink:href"},
    "clipPath": {"clipPathUnits"},
    "pattern": _GEOMETRY | {"patternUnits", "patternTransform"},
    "circle": _GEOMETRY | {"cx", "cy", "r"},
    "ellipse": _GEOMETRY | {"cx", "cy", "rx", "ry"},
    "line": _GEOMETRY | {"x1", "y1", "x2", "y2"},
    "polyline": _GEOMETRY | {"points"},
    "polygon": _GEOMETRY | {"points"},
}


def _urls_ok(tag: str, attr: str, value: str) -> str | None:
    """No ``data:`` image or link from a cell (the pages' own images are written by our code); SVG ``<use>``
    may only point inside the page."""
    if attr in ("href", "xlink:href", "src"):
        v = value.strip().lower()
        if v.startswith("data:") or (tag == "use" and not v.startswith("#")):
            return None
    return value


def sanitize_markdown_html(markup: str) -> str:
    """Rendered notebook markdown, cut to :data:`MARKDOWN_TAGS` and :data:`MARKDOWN_ATTRIBUTES`."""
    return nh3.clean(
        markup,
        tags=set(MARKDOWN_TAGS),
        attributes={k: set(v) for k, v in MARKDOWN_ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        clean_content_tags=set(_DROP_WITH_CONTENT),
        link_rel=None,
        strip_comments=True,
        attribute_filter=_urls_ok,
        filter_style_properties={"text-align"},
    )


def sanitize_output_html(markup: str) -> str:
    """A cell's HTML (or SVG) output, cut to :data:`OUTPUT_TAGS` and :data:`OUTPUT_ATTRIBUTES`."""
    return nh3.clean(
        markup,
        tags=set(OUTPUT_TAGS),
        attributes={k: set(v) for k, v in OUTPUT_ATTRIBUTES.items()},
        url_schemes=set(_URL_SCHEMES),
        clean_content_tags=set(_DROP_WITH_CONTENT) - {"style"},
        link_rel=None,
        strip_comments=True,
        attribute_filter=_urls_ok,
    )


PAGE_CSS = theme.css("""
:root{--ink:$ink;--muted:$text_muted;--accent:$accent;--warn:$warn}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45;background:$page}
main{max-width:1040px;margin:0 auto;padding:1em 1.2em 3em}
h1{font-size:1.8em;margin:.4em 0}h2{font-size:1.35em;margin:1.4em 0 .4em;border-bottom:2px solid $rule}
a{color:$link}code{background:$code_background;padding:0 .2em}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
th,td{border-bottom:1px solid $rule;padding:3px 8px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.3em 0}
.bd-notice{border-left:4px solid var(--warn);background:$notice_background;padding:.5em 1em;margin:1em 0}
.bd-out{margin:.6em 0;overflow-x:auto}
.bd-view{border:1px solid $frame;border-radius:8px;padding:.6em .8em;margin:1em 0}
.bd-view fieldset{border:0;margin:0 0 .3em;padding:0;display:flex;flex-wrap:wrap;gap:.3em;align-items:center}
.bd-view legend{font-weight:bold;float:left;margin-right:.6em;padding:.25em 0}
.bd-view input[type=radio]{position:absolute;opacity:0;width:1px;height:1px}
.bd-view label{border:1px solid $control_border;border-radius:4px;padding:.2em .6em;cursor:pointer;background:$control_background}
.bd-view input:checked+label{background:var(--accent);color:$page;border-color:var(--accent)}
.bd-view input:focus-visible+label{outline:3px solid $focus;outline-offset:1px}
.bd-r,.bd-mode-table,.bd-alt-view{display:none}
.bd-sr{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.bd-fig{aspect-ratio:16/9;width:100%}
nav.bd-nav{display:flex;justify-content:space-between;border-top:1px solid $rule;margin-top:2em;padding-top:.6em}
footer{color:var(--muted);font-size:.85em;margin-top:2em}
@media print{
 @page{size:A4;margin:14mm 12mm}
 body{font-size:10.5pt}main{max-width:none;padding:0}
 .bd-view fieldset,nav.bd-nav,.bd-noprint{display:none!important}
 .bd-view{border:0;padding:0}
 h2{break-after:avoid}figure,.bd-fig,table,.bd-out{break-inside:avoid}
 .bd-region-page{break-before:page}
 a{color:inherit;text-decoration:none}
}
""")


def notebook_paths(folder: Path | str = "notebooks") -> list[Path]:
    """The collection's notebooks in order (numbered names)."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def notebook_region(stem: str) -> str | None:
    """The region a notebook is about, from its file name (``02-lower-thoracic`` → ``lower_thoracic``)."""
    return next((n for n in REGIONS if n.replace("_", "-") in stem), None)


def execute_notebook(path: Path, timeout: int = 180) -> nbformat.NotebookNode:
    """Run a notebook on a fresh kernel in its folder (inline backend: ``MPLBACKEND`` is removed); raises
    :class:`~backdata.core.errors.BackdataError` naming the notebook and the cell (number, first line) on the first
    error."""
    nb = nbformat.read(path, as_version=4)
    at: dict = {}

    def started(cell, cell_index, **_):
        at.update(cell=cell, index=cell_index)

    saved = os.environ.pop("MPLBACKEND", None)
    try:
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            on_cell_start=started,
            resources={"metadata": {"path": str(Path(path).parent)}},
        ).execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        # One line naming the notebook and the cell, without the traceback's ANSI colours (--debug shows it).
        def plain(text: str) -> str:
            lines = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text or "").strip().splitlines()
            return lines[0] if lines else ""

        if isinstance(e, CellExecutionError):
            what = plain(e.ename) + (f": {plain(e.evalue)}" if plain(e.evalue) else "")
        else:
            what = f"timed out after {timeout} s" if isinstance(e, CellTimeoutError) else "the kernel died"
        cell = at.get("cell")
        where = "a cell"
        if cell is not None:
            first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
            where = f"cell {at['index'] + 1} ({first[:60]!r})"
        raise BackdataError(f"notebook {path} failed in {where}: {what}; fix the cell and build again") from e
    finally:
        if saved is not None:
            os.environ["MPLBACKEND"] = saved
    return nb


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
                f"{{background:{theme.HIGHLIGHT};font-weight:bold}}"
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


# --- Pages ----------------------------------------------------------------------------------------------------


def _output(out: dict, page: Page) -> str:
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
        return f'<div class="bd-out">{_markdown(_text(data["text/markdown"]))}</div>'
    if "text/plain" in data:
        return f"<pre>{html.escape(_text(data['text/plain']))}</pre>"
    return ""


_BLOCKS = {"explorer": _view_block, "plate": _plate_block, "steps": _steps_block, "planner": _planner_block}
"""How a page shows each kind of view (:data:`backdata.interact.state.KINDS`)."""


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _markdown(source: str) -> str:
    """Markdown as HTML by nbconvert's own renderer (headings get the ids the notebooks' contents links use),
    without its pilcrow anchors, sanitised; links to a notebook of the collection point at its page."""
    out = markdown2html_mistune(source)
    out = re.sub(r'<a class="anchor-link" href="#[^"]*">&#182;</a>', "", out)
    out = sanitize_markdown_html(out)
    return re.sub(r'href="([0-9]{2}-[^"#]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', out)


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return re.sub(r"[*_`]", "", m.group(1)).strip()
    return fallback


def render_page(nb: nbformat.NotebookNode, name: str, *, region_page: bool = False) -> str:
    """One handout page (an HTML5 document) from an executed notebook."""
    page = Page()
    body = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            body.append(_markdown(cell.source))
        elif cell.cell_type == "code":
            body += [_output(o, page) for o in cell.get("outputs", [])]
    title = _title(nb, name)
    styles = PAGE_CSS + "".join(dict.fromkeys(page.styles))
    cls = ' class="bd-region-page"' if region_page else ""
    body.insert(0, "".join(sp.defs for sp in page.sprites.values()))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · backdata</title><style>{styles}</style></head>"
        f"<body><main{cls}>{''.join(body)}"
        f'<footer><p>{html.escape(NOTICE)}</p><p>backdata handout · <a href="index.html">all handouts</a>'
        "</p></footer></main></body></html>\n"
    )


def _index(pages: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{html.escape(f)}">{html.escape(t)}</a></li>' for f, t in pages)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>backdata handouts</title><style>{PAGE_CSS}</style></head><body><main>"
        "<h1>Back massage: handouts</h1>"
        f'<div class="bd-notice" role="note"><strong>Notice.</strong> {html.escape(NOTICE)}</div>'
        f"<ol>{items}</ol><footer><p>Open any page from disk: no network, no Python needed.</p></footer>"
        "</main></body></html>\n"
    )


def build_handouts(
    out: Path | str = ".",
    notebooks: Path | str = "notebooks",
    *,
    pdf: bool = False,
    executed: dict[str, nbformat.NotebookNode] | None = None,
) -> list[Path]:
    """Execute the notebooks and write ``out/handouts/``: one page per notebook and ``index.html``
    (and ``backdata-handouts.pdf`` with ``pdf``). Built aside and swapped in: a failure leaves the previous
    handouts untouched."""
    out = Path(out)
    target = out / "handouts"
    paths = notebook_paths(notebooks)
    if not paths:
        raise no_notebooks(notebooks)
    written = []
    with replace_dir(target) as work:
        pages = []
        for path in paths:
            nb = (executed or {}).get(path.stem) or execute_notebook(path)
            region_page = notebook_region(path.stem) is not None
            page = render_page(nb, path.stem, region_page=region_page)
            write_atomic(work / f"{path.stem}.html", page)
            pages.append((f"{path.stem}.html", _title(nb, path.stem)))
        write_atomic(work / "index.html", _index(pages))
        if pdf:
            print_pdf(work / "backdata-handouts.pdf")
        written = sorted(p.name for p in work.iterdir())
    return [target / n for n in written]


def region_sheet(name: str, page: Page) -> str:
    """One A4 sheet for a region: the lines plate, its steps with the times of both modes, every caution."""
    reg, sp = REGIONS[name], page.sprite(name)
    plate = sp.view(sp.figure.visible[(Mode.hygienic, 0)], label=alt_text(reg, Mode.hygienic, 0))
    times = timings(reg)
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(st.title)}</td><td>{html.escape(', '.join(map(str, st.lines)))}</td>"
        f"<td>{html.escape(times.iloc[i - 1]['hygienic'])}</td><td>{html.escape(times.iloc[i - 1]['therapeutic'])}"
        f"</td><td>{html.escape(st.note)}{' ' + text.BY_INDICATION if st.by_indication else ''}</td>"
        f"<td>{html.escape(str(st.cite))}</td></tr>"
        for i, st in enumerate(reg.steps, 1)
    )
    rows += (
        f"<tr><th></th><th>whole region</th><th></th><th>{html.escape(times.iloc[-1]['hygienic'])}</th>"
        f"<th>{html.escape(times.iloc[-1]['therapeutic'])}</th><th></th><th></th></tr>"
    )
    cautions = caution_items(reg.cautions)
    return (
        f'<section class="bd-sheet"><h1>{html.escape(reg.title)} <small>({html.escape(reg.extent[0])}–'
        f"{html.escape(reg.extent[1])}, patient {html.escape(reg.positions[0].value)})</small></h1><p>{html.escape(reg.summary)}</p>"
        f'<figure class="bd-sheet-fig">{plate}</figure>'
        "<table><thead><tr><th>#</th><th>step</th><th>lines</th><th>hygienic</th><th>therapeutic</th>"
        f"<th>note</th><th>source</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<h2>Cautions</h2><ul>{cautions}</ul><p><small>{html.escape(NOTICE)}</small></p></section>"
    )


SHEET_CSS = """
.bd-sheet{break-after:page;font-size:9.5pt}.bd-sheet:last-child{break-after:auto}
.bd-sheet h1{font-size:16pt;margin:0 0 .2em}.bd-sheet h2{font-size:11pt;margin:.5em 0 .2em}
.bd-sheet-fig{margin:0 auto;width:80%}.bd-sheet table{font-size:8.5pt;margin:.3em 0}
.bd-sheet ul{margin:.2em 0;padding-left:1.2em}
@page{size:A4;margin:10mm 11mm}
"""


def print_pdf(pdf: Path) -> None:
    """One PDF, one A4 page per region (figure, plan, times, cautions), through headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        raise BackdataError("--pdf needs Chromium (Debian: apt-get install chromium); none found on PATH")
    page = Page()
    sheets = "".join(region_sheet(n, page) for n in TEXT_ORDER)
    book = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>backdata: the regions</title>'
        f"<style>{PAGE_CSS}{SHEET_CSS}{''.join(dict.fromkeys(page.styles))}</style></head><body>"
        + "".join(sp.defs for sp in page.sprites.values())
        + f"<main>{sheets}</main></body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "book.html"
        src.write_text(book, encoding="utf-8")
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-sync",
                "--disable-component-update",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise RuntimeError("Chromium wrote no PDF")
