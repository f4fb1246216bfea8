"""Hostile content never reaches a page: notebook markdown and cell output are sanitised (nh3, an allow-list),
and every datum that becomes HTML or SVG is escaped. A hostile string goes through each public path."""

from __future__ import annotations

import dataclasses
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import nbformat
import pytest

from backdata.method import regions as regions_module
from backdata.publish.handout import render_page
from backdata.publish.page import Page
from backdata.publish.sanitise import sanitize_markdown_html, sanitize_output_html
from backdata.publish.sheet import region_sheet

EVIL = "<img src=x onerror=alert(1)><script>alert(1)</script>\"'&"
ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
HOSTILE_MARKDOWN = f"""# A page

<meta http-equiv="refresh" content="0;url=https://example.org">

<script>alert(1)</script>

[click](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD4=) and <a href="JaVaScRiPt:alert(1)">x</a>

<img src=x onerror=alert(1)> <iframe src="https://example.org"></iframe> <object data="x"></object>
<style>body{{display:none}}</style> <svg onload=alert(1)></svg> <p onclick="alert(1)" style="color:red">p</p>

<form action="https://example.org"><input name=q></form>

`{EVIL}` and text \\<b\\> and [a friend](https://example.org) and [here](#A-page)
"""


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def assert_harmless(markup: str, *, page: bool = False) -> None:
    """No script, no element that loads or navigates, no event handler, no script or data URL."""
    doc = _Tags()
    doc.feed(markup)
    names = [t for t, _ in doc.tags]
    for bad in ("script", "iframe", "object", "embed", "frame", "base", "template"):
        assert bad not in names, f"<{bad}> reached the output"
    assert not [a for t, a in doc.tags if t == "form" and "action" in a], "a form that sends"
    metas = [a for t, a in doc.tags if t == "meta"]
    assert not page or len(metas) == 3, metas
    assert not [a for a in metas if a.get("http-equiv", "").lower() == "refresh"], "a meta refresh got through"
    for tag, attrs in doc.tags:
        assert not [k for k in attrs if k.lower().startswith("on")], (tag, attrs)
        for k in ("href", "src", "xlink:href", "action", "formaction", "data"):
            v = (attrs.get(k) or "").strip().lower()
            assert not v.startswith(("javascript:", "data:text", "vbscript:")), (tag, attrs)
            if tag != "img":
                assert not v.startswith("data:"), (tag, attrs)
    assert not re.search(r"<script", markup, re.I) and not re.search(r"<meta http-equiv=\"refresh", markup, re.I)
    assert not re.search(r"=\s*[\"']?\s*javascript:", markup, re.I), "a javascript: URL in an attribute"


def _nb(*cells) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def _out(data: dict) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("execute_result", data=data, execution_count=1)]
    return cell


# --- Sanitiser ------------------------------------------------------------------------------------------------


def test_markdown_cell_is_sanitised():
    html = render_page(_nb(nbformat.v4.new_markdown_cell(HOSTILE_MARKDOWN)), "evil")
    assert_harmless(html, page=True)
    assert 'href="https://example.org"' in html and 'href="#A-page"' in html and 'id="A-page"' in html
    assert ESCAPED in html, "the hostile text shows, escaped"
    assert "body{display:none}" not in html and 'example.org">' not in html.split("<body>")[0]


@pytest.mark.parametrize("mime", ["text/html", "text/markdown", "image/svg+xml"])
def test_cell_output_is_sanitised(mime):
    payload = {
        "text/html": '<div onclick="x()"><img src=x onerror=alert(1)><iframe src="https://example.org"></iframe>'
        '<object data="x"></object><form action="https://example.org"><input name=q></form></div>'
        '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">d</a>'
        '<meta http-equiv="refresh" content="0;url=https://example.org">'
        "<style>p{color:red}</style<script>alert(1)</script>",
        "text/markdown": HOSTILE_MARKDOWN,
        "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script>'
        '<a href="javascript:alert(1)"><text>t</text></a><use href="data:image/svg+xml,x"/>'
        '<foreignObject><iframe src="https://example.org"></iframe></foreignObject></svg>',
    }[mime]
    html = render_page(_nb(_out({mime: payload, "text/plain": "x"})), "evil")
    assert_harmless(html, page=True)


def test_sanitisers_keep_what_the_collection_uses():
    md = (
        '<h2 id="What-you-will-learn">W</h2><p><a href="01-preliminary.html">n</a> <a href="#W">w</a> '
        '<a href="mailto:a@b.c">m</a><strong>s</strong><em>e</em><code>c</code></p><ul><li>i</li></ul>'
        "<ol><li>i</li></ol><hr><details><summary>s</summary><p>d</p></details>"
        '<table><thead><tr><th style="text-align:left">h</th></tr></thead><tbody><tr><td>d</td></tr></tbody>'
        "</table><blockquote><p>q</p></blockquote><pre><code>x</code></pre>"
    )
    assert sanitize_markdown_html(md) == md
    out = (
        '<div class="bd-quiz" role="group" aria-label="Q"><fieldset><legend>q</legend><div class="bd-opt">'
        '<input type="radio" name="a" id="a-0" value="0"><label for="a-0">o</label></div>'
        '<p class="bd-fb bd-ok a-fb0" aria-live="polite">Right.</p></fieldset></div>'
        '<svg viewBox="0 0 1 1" role="img" aria-label="x"><defs><g id="g1"><path d="M0 0L1 1" '
        'style="fill:none"></path></g></defs><use href="#g1"></use></svg>'
    )
    assert sanitize_output_html(out) == out


# --- Data that becomes HTML or SVG ----------------------------------------------------------------------------


@pytest.fixture
def evil_region(monkeypatch):
    """The lumbar region with a hostile title, summary, purpose, first step (label, note) and first caution,
    seen through every module that reads ``REGIONS``."""
    reg = regions_module.REGIONS["lumbar"]
    step = dataclasses.replace(reg.steps[0], label=EVIL, note=EVIL)
    caution = dataclasses.replace(reg.cautions[0], text=EVIL)
    bad = dataclasses.replace(
        reg, title=EVIL, summary=EVIL, purpose=EVIL, steps=(step, *reg.steps[1:]), cautions=(caution, *reg.cautions[1:])
    )
    original = regions_module.REGIONS
    patched = MappingProxyType({**original, "lumbar": bad})
    for mod in [m for n, m in sys.modules.items() if n == "backdata" or n.startswith("backdata.")]:
        if getattr(mod, "REGIONS", None) is original:
            monkeypatch.setattr(mod, "REGIONS", patched)
    return bad


def _check(markup: str) -> None:
    assert_harmless(markup)
    assert "&lt;script&gt;" in markup, "the hostile text shows, escaped"


def test_region_sheet(evil_region):
    page = Page()
    html = region_sheet("lumbar", page)
    _check(html)
    assert_harmless("".join(sp.defs for sp in page.sprites.values()))


def test_plan_html_and_cautions(evil_region):
    from backdata.interact.explorer import caution_items, plan_html

    for mode in ("hygienic", "therapeutic"):
        _check(plan_html(evil_region, mode, 1))
    _check(caution_items(evil_region.cautions))


def test_notebook_glue_tables(evil_region):
    from backdata.interact import notebook

    _check(notebook.plan_table(evil_region).to_html())
    _check(notebook.cautions_table(evil_region).to_html())
    _check(notebook.timings(evil_region).to_html())
    _check(notebook.self_check(evil_region).data)


def test_quiz(evil_region):
    from backdata.interact.quiz import quiz_html

    _check(quiz_html(evil_region, reveal=True))


def test_svg_alt_text(evil_region):
    from backdata.views.describe import alt_text
    from backdata.views.svg import clean_svg, sprite

    svg = clean_svg(
        '<svg xmlns="http://www.w3.org/2000/svg"><g id="a"></g></svg>', "p", label=alt_text(evil_region, "hygienic", 1)
    )
    _check(svg)
    page = Page()
    sp = page.sprite("lumbar")
    assert isinstance(sp, type(sprite(sp.figure)))
    _check(sp.view((), label=EVIL))


def test_slides(evil_region):
    from backdata.publish.slides import slide_deck, speaker_notes

    assert EVIL in speaker_notes("lumbar", 1), "notes are text; the deck escapes them"
    deck = slide_deck()
    body = deck.split("<body>", 1)[1].rsplit("<script>", 1)[0]
    _check(body)
    assert deck.count("<script") == 1, "the presenter's own script only"


def test_handout_views_with_hostile_data(evil_region):
    from backdata.interact.state import VIEW_MIME

    cells = [
        _out(
            {
                VIEW_MIME: {
                    "kind": "explorer",
                    "regions": ["lumbar"],
                    "region": "lumbar",
                    "mode": "hygienic",
                    "step": 1,
                },
                "text/plain": "x",
            }
        ),
        _out({VIEW_MIME: {"kind": "steps", "region": "lumbar", "mode": "hygienic"}, "text/plain": "x"}),
        _out({VIEW_MIME: {"kind": "plate", "region": "lumbar", "mode": "therapeutic", "step": 1}, "text/plain": "x"}),
    ]
    html = render_page(_nb(*cells), "evil", region_page=True)
    assert_harmless(html, page=True)
    assert "&lt;script&gt;" in html


# --- In the browser -------------------------------------------------------------------------------------------


def test_meta_refresh_in_markdown_does_not_navigate(tmp_path):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert Path(chromium).exists(), "Chromium is missing (Debian: apt-get install chromium; .ci/run does)"
    target = tmp_path / "away.html"
    target.write_text("<!DOCTYPE html><title>away</title><p>navigated away</p>")
    md = (
        f'# Stay\n\n<meta http-equiv="refresh" content="0;url={target.as_uri()}">\n\n'
        f'<script>location.href="{target.as_uri()}"</script>\n\n<img src=x onerror="location.href=\'{target.as_uri()}\'">\n'
    )
    page_file = tmp_path / "page.html"
    page_file.write_text(render_page(_nb(nbformat.v4.new_markdown_cell(md)), "page"))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.wait_for_timeout(1500)
            assert page.url == page_file.as_uri(), f"the page navigated to {page.url}"
            assert page.locator("h1").inner_text() == "Stay"
        finally:
            browser.close()
