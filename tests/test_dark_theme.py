"""JupyterLab's dark theme (issue 11): what the collection draws and prints into a notebook stays readable on a dark
page.

Two rules make it so, checked here: every picture brings its own white background (the figure patch of the SVG,
and the ``<svg>`` element's own style), and every HTML fragment that sets a background also sets the text colour
(else a dark theme's light text lands on a light box). A fragment that sets neither inherits the theme's colours,
which is what it should do. The browser test puts the explorer's and the notebooks' HTML outputs in a page with
JupyterLab's dark-theme variables (``@jupyterlab/theme-dark-extension``: layout colour ``#111``, content text
``rgba(255,255,255,.87)``) and runs axe (axe-core's ``color-contrast`` rule among all the others) on it.
"""

from __future__ import annotations

import re
from html import escape

import pytest

from backdata import REGIONS
from backdata.interact import notebook
from backdata.interact.explorer import Explorer, plan_html
from backdata.interact.quiz import quiz_css, quiz_html
from backdata.publish.page import PAGE_CSS
from backdata.views import theme
from backdata.views.svg import layered_figure
from browser import ARTIFACTS, chromium_page, sandbox  # noqa: F401  (pytest fixtures)

DARK_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>backdata in the dark</title>
<style>
:root{{--jp-layout-color0:#111111;--jp-layout-color1:#212121;--jp-content-font-color1:rgba(255,255,255,.87);
--jp-ui-font-color1:rgba(255,255,255,.87);--jp-border-color1:#616161}}
body{{background:var(--jp-layout-color0);color:var(--jp-content-font-color1);font-family:sans-serif;margin:1em}}
.jp-OutputArea-output{{background:var(--jp-layout-color1);color:var(--jp-content-font-color1);padding:.5em;
margin:0 0 1em}}
table{{color:inherit}}
</style></head><body><main><h1>Outputs on JupyterLab's dark theme</h1>{outputs}</main></body></html>"""


def _outputs() -> list[str]:
    """What the notebooks show: the explorer's outputs (figure, caption, plan table, cautions) at a step, the
    notice, the plan and cautions tables, a session's warnings, a quiz with its answers."""
    ex = Explorer("lumbar", "hygienic", 3)
    explorer = "".join(
        w.value for w in (ex.view_css, ex.caption, ex.figure, ex.plan, ex.cautions) if isinstance(w.value, str)
    )
    out = [
        explorer,
        notebook.notice().data,
        notebook.plan_table("collar", "hygienic").to_html(),
        notebook.cautions_table("lumbar").to_html(),
        quiz_html("collar", reveal=True, prefix="bd-qd"),
    ]
    warnings = notebook.session_warnings(["lumbar", "collar", "scapula", "lower_thoracic"], "therapeutic")
    out.append(warnings.data)
    return out


def _declarations(markup: str) -> list[str]:
    """Every CSS declaration block in ``markup``: ``style="…"`` attributes and the rules of ``<style>`` elements."""
    blocks = re.findall(r'style="([^"]*)"', markup) + re.findall(r"style='([^']*)'", markup)
    for sheet in re.findall(r"<style[^>]*>(.*?)</style>", markup, flags=re.S):
        blocks += re.findall(r"\{([^{}]*)\}", sheet)
    return blocks


def _sets(block: str, prop: str) -> bool:
    return any(re.fullmatch(rf"\s*{prop}\s*", d.split(":", 1)[0]) for d in block.split(";") if ":" in d)


def _fragments() -> dict[str, str]:
    """Every HTML fragment and stylesheet the collection writes with colours in it."""
    from backdata.interact.planner import SessionPlanner

    planner = SessionPlanner(["lumbar", "collar", "scapula", "lower_thoracic"], "therapeutic")
    return {
        **{f"output {i}": o for i, o in enumerate(_outputs())},
        "plan_html": "".join(plan_html(n, "hygienic", 1) for n in REGIONS),
        "quiz_css": f"<style>{quiz_css()}</style>",
        "page_css": f"<style>{PAGE_CSS}</style>",
        "planner": planner.table.value + planner.warnings.value,
    }


def test_every_fragment_that_sets_a_background_sets_a_colour():
    """On a dark theme the text is light: a light box without its own text colour is unreadable."""
    missing = []
    for name, markup in _fragments().items():
        for block in _declarations(markup):
            if (_sets(block, "background") or _sets(block, "background-color")) and not _sets(block, "color"):
                missing.append((name, block.strip()[:120]))
    assert not missing, missing


def test_no_fragment_sets_a_text_colour_without_a_background():
    """The reverse: a dark text colour on the theme's (possibly dark) background is just as unreadable; a fragment
    that sets ``color`` sets the background it was chosen for (the handouts' page CSS sets both on ``body``)."""
    bad = []
    for name, markup in _fragments().items():
        if name == "page_css":
            continue  # an offline page: its body sets the background and the colour
        for block in _declarations(markup):
            if _sets(block, "color") and not (_sets(block, "background") or _sets(block, "background-color")):
                bad.append((name, block.strip()[:120]))
    assert not bad, bad


@pytest.mark.parametrize("name", list(REGIONS))
def test_every_drawing_brings_its_white_background(name):
    """The region's SVG paints its whole canvas white (the figure patch) and says so on the ``<svg>`` element."""
    svg = layered_figure(name).svg
    head = re.match(r"<svg\b[^>]*>", svg).group(0)
    assert f"background:{theme.PAGE};color:{theme.INK}" in head.replace(" ", "")
    width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', head).groups())
    patch = re.search(r'<g id="[^"]*patch_1">\s*<path d="([^"]+)" style="fill: ?(#[0-9a-f]+)', svg)
    assert patch and patch.group(2) == "#ffffff"
    assert f"L {width:g} {height:g}".replace(".0 ", " ") in patch.group(1) or str(width) in patch.group(1)


@pytest.mark.parametrize("style", ["projector", "print"])
def test_styles_save_on_white(style):
    import matplotlib

    from backdata.views import draw

    with draw.style(style):
        rc = matplotlib.rcParams
        assert rc["figure.facecolor"] in ("white", "#ffffff", (1.0, 1.0, 1.0, 1.0))
        assert rc["savefig.facecolor"] in ("white", "#ffffff", (1.0, 1.0, 1.0, 1.0))
        assert rc["savefig.transparent"] is False


def test_outputs_read_on_jupyterlabs_dark_theme(chromium_page):  # noqa: F811
    """axe on the outputs in a dark page: no serious or critical violation (colour contrast among them)."""
    from axe_playwright_python.sync_playwright import Axe

    outputs = "".join(f'<div class="jp-OutputArea-output">{o}</div>' for o in _outputs())
    page = chromium_page
    page.set_content(DARK_PAGE.format(outputs=outputs))
    for label in page.locator(".bd-quiz fieldset .bd-opt label").all()[:1]:
        label.click()  # a feedback box shows (its own background)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dark-theme.png"), full_page=True)
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in bad]
    colour = [v for v in results.response["violations"] if v["id"] == "color-contrast"]
    assert not colour, [(n["target"], n.get("failureSummary", "")[:200]) for v in colour for n in v["nodes"]][:10]


def test_dark_page_is_dark():
    """The harness itself: the page's text and background are the dark theme's."""
    html = DARK_PAGE.format(outputs=escape("x"))
    assert "#111111" in html and "rgba(255,255,255,.87)" in html


# --- In JupyterLab itself, on its dark theme ------------------------------------------------------------------------


@pytest.fixture
def dark_lab(sandbox):  # noqa: F811
    """JupyterLab on the sandbox with the user setting ``theme: JupyterLab Dark``."""
    import json

    from bench.lab import start_lab

    themes = sandbox.path / "config" / "lab" / "user-settings" / "@jupyterlab" / "apputils-extension"
    themes.mkdir(parents=True, exist_ok=True)
    (themes / "themes.jupyterlab-settings").write_text(json.dumps({"theme": "JupyterLab Dark"}), encoding="utf-8")
    server = start_lab(sandbox)
    yield server
    server.stop()


def test_explorer_reads_in_jupyterlab_dark(dark_lab, chromium_page):  # noqa: F811
    """The explorer notebook run in JupyterLab with its dark theme: axe's colour-contrast rule passes on the outputs
    (the other rules judge ipywidgets' own controls: its slider handle has no accessible name, which no theme
    changes); a screenshot is kept in test-artifacts/ to look at."""
    from axe_playwright_python.sync_playwright import Axe

    from browser import lab_open_notebook, lab_run_all, save_screenshot, wait_for_explorer

    page = chromium_page
    lab_open_notebook(page, dark_lab, "08-explorer.ipynb")
    assert page.evaluate("() => document.body.dataset.jpThemeLight") == "false", "the dark theme is on"
    lab_run_all(page)
    wait_for_explorer(page)
    save_screenshot(page, "lab-explorer-dark.png")
    results = Axe().run(page, context={"include": [[".jp-OutputArea-output"]]}, options={"runOnly": ["color-contrast"]})
    bad = results.response["violations"]
    assert not bad, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in bad]
