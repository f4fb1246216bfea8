"""The printed sheets (``build --pdf``): one A4 portrait page per region with a plate across the page, its step
strip, the step table and the cautions; nothing overflows; no label cut by a crop (the sheets' and the handouts'
step strips, the sheet's plate). Printed through headless Chromium, measured in it with print media emulated."""

from __future__ import annotations

import re
import subprocess

import pytest

from backdata.method.classical import TEXT_ORDER
from backdata.method.regions import REGIONS
from backdata.publish.page import Page
from backdata.publish.sheet import print_book, print_pdf
from backdata.views.describe import whole_back
from browser import chromium_page  # noqa: F401  (pytest fixture)

CONTENT_MM = (210 - 2 * 8, 297 - 2 * 9)
"""A4 less the sheet's margins (8 mm at the sides, 9 mm above and below)."""
PX_PER_MM = 96 / 25.4


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("print") / "sheets.pdf"
    print_pdf(out)
    return out


@pytest.fixture(scope="module")
def page_sprites():
    page = Page()
    return page, print_book(page)


def _pdftext(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [p for p in text.split("\f") if p.strip()]


def test_a4_portrait_page_per_region(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(REGIONS), info
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(w - 595.3) < 2 and abs(h - 841.9) < 2, f"A4 portrait: {info}"


def test_each_page_holds_its_region_whole(pdf):
    pages = _pdftext(pdf)
    assert len(pages) == len(TEXT_ORDER)
    for name, text in zip(TEXT_ORDER, pages):
        reg = REGIONS[name]
        flat = re.sub(r"\s+", " ", text)
        assert reg.title in flat, name
        assert re.search(r"#\s+step\s+lines\s+hygienic\s+therapeutic", text), f"{name}: the step table"
        assert "Cautions" in text, f"{name}: the cautions heading"
        assert "whole region" in flat, f"{name}: the table ends on the page"
        for st in reg.steps:
            assert st.title.split()[0] in flat, f"{name}: step {st.title!r}"


def _print_page(chromium_page, book: str):  # noqa: F811
    """The book in Chromium, print media, a viewport as wide as the A4 page's content."""
    chromium_page.set_viewport_size({"width": round(CONTENT_MM[0] * PX_PER_MM), "height": 1200})
    chromium_page.emulate_media(media="print")
    chromium_page.set_content(book)
    return chromium_page


def test_plate_uses_the_page_and_nothing_overflows(chromium_page, page_sprites):  # noqa: F811
    _, book = page_sprites
    page = _print_page(chromium_page, book)
    sheets = page.evaluate(
        """() => [...document.querySelectorAll('.bd-sheet')].map(s => {
            const svg = s.querySelector('.bd-sheet-plate svg'), r = svg.getBoundingClientRect();
            const [, , vw, vh] = svg.getAttribute('viewBox').split(/\\s+/).map(Number);
            const sr = s.getBoundingClientRect();
            const boxes = [...s.querySelectorAll('*')].filter(e => !e.ownerSVGElement);  // the svg, not its parts
            const out = boxes.filter(e => {
                const b = e.getBoundingClientRect();
                return b.width && (b.right > sr.right + 0.5 || b.left < sr.left - 0.5 || b.bottom > sr.bottom + 0.5);
            }).map(e => e.tagName);
            return {drawn: Math.min(r.width, r.height * vw / vh), width: s.clientWidth, height: s.clientHeight,
                    scrollW: s.scrollWidth, scrollH: s.scrollHeight, out,
                    strip: s.querySelectorAll('.bd-sheet-strip svg').length,
                    fonts: [...s.querySelectorAll('p, li, li small, td, td span, th, figcaption')].map(
                        e => parseFloat(getComputedStyle(e).fontSize))};
        })"""
    )
    assert len(sheets) == len(TEXT_ORDER)
    for name, s in zip(TEXT_ORDER, sheets):
        assert s["drawn"] >= 0.8 * s["width"], f"{name}: plate {s['drawn']:.0f} px of {s['width']} px"
        assert s["scrollW"] <= s["width"] and s["scrollH"] <= s["height"], f"{name}: overflows its page: {s}"
        assert not s["out"], f"{name}: outside the page: {s['out'][:5]}"
        assert s["height"] <= CONTENT_MM[1] * PX_PER_MM, f"{name}: taller than the A4 content"
        assert s["strip"] == len(REGIONS[name].steps), name
        assert min(s["fonts"]) >= 12, f"{name}: body text under 9 pt"  # 9 pt = 12 CSS px


PLATE_TEXT_PT = 7
"""The smallest text of a sheet's plate at print size (the locator's caption, the scale bar's, the lymph nodes'
labels, the level labels, the badges' numbers)."""


def test_plate_texts_legible_at_print_size(chromium_page, page_sprites):  # noqa: F811
    """Every text the plate shows prints at 7 pt or more: its font size in the drawing's units times the plate's
    scale on the page (CSS px per unit of its viewBox; 1 CSS px = 0.75 pt in print). The step strip shows its
    crop and nothing beyond it (its box has the crop's shape: no letterbox showing the plate's other parts)."""
    _, book = page_sprites
    page = _print_page(chromium_page, book)
    sheets = page.evaluate(
        """() => [...document.querySelectorAll('.bd-sheet')].map(s => {
            const svg = s.querySelector('.bd-sheet-plate svg');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const texts = [...svg.querySelectorAll('use')].flatMap(u => {
                const g = document.getElementById(u.getAttribute('href').slice(1));
                return [...g.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
                    const m = t.transform.baseVal.consolidate();
                    const k = m ? Math.hypot(m.matrix.a, m.matrix.b) : 1;
                    return {text: t.textContent.trim(), pt: parseFloat(getComputedStyle(t).fontSize) * k * scale * 0.75};
                });
            });
            const strips = [...s.querySelectorAll('.bd-sheet-strip svg')].map(e => {
                const r = e.getBoundingClientRect(), v = e.viewBox.baseVal;
                return r.width / r.height / (v.width / v.height);
            });
            return {texts, strips};
        })"""
    )
    assert len(sheets) == len(TEXT_ORDER)
    for name, s in zip(TEXT_ORDER, sheets):
        texts = s["texts"]
        assert len(texts) >= 10, f"{name}: the plate's texts not found: {texts}"
        words = ("cm", "HEAD") if whole_back(name) else ("cm", "HEAD", "where on the back")  # the locator's
        assert all(any(w in t["text"] for t in texts) for w in words), f"{name}: {words} on the plate"
        small = sorted((round(t["pt"], 2), t["text"]) for t in texts if t["pt"] < PLATE_TEXT_PT)
        assert not small, f"{name}: plate texts under {PLATE_TEXT_PT} pt on the A4 sheet: {small[:6]}"
        assert all(abs(r - 1) < 0.02 for r in s["strips"]), f"{name}: a strip's box is not its crop's shape: {s}"


def _text_boxes(chromium_page, svg: str, css: str = ""):  # noqa: F811
    """Every ``<text>`` of a layered figure shown with ``css`` as Chromium lays it out, in the SVG's own
    coordinates."""
    vb = re.search(r'viewBox="([^"]+)"', svg).group(1).split()
    chromium_page.set_viewport_size({"width": 1400, "height": 900})
    chromium_page.set_content(
        f'<style>{css}</style><body style="margin:0"><div style="width:{vb[2]}px">{svg}</div></body>'
    )
    return chromium_page.evaluate(
        """() => { const svg = document.querySelector('svg'), o = svg.getBoundingClientRect();
            const k = svg.viewBox.baseVal.width / o.width;
            return [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getClientRects().length)
              .map(t => {
                const b = t.getBoundingClientRect();
                return {text: t.textContent.trim(), x0: (b.left - o.left) * k, y0: (b.top - o.top) * k,
                        x1: (b.right - o.left) * k, y1: (b.bottom - o.top) * k};
            }); }"""
    )


def test_no_label_cut_by_a_crop(chromium_page, page_sprites):  # noqa: F811
    """The strips' crop (handouts and sheets) and the sheet's plate crop hold every label they touch whole."""
    page, _ = page_sprites
    assert set(page.sprites) == set(TEXT_ORDER)
    for name, sp in page.sprites.items():
        fig = sp.figure
        assert fig.region_box[2] <= 0.7 * fig.content_box[2], f"{name}: the strip's crop is the region, not the plate"
        boxes = _text_boxes(chromium_page, fig.svg)
        assert boxes, name
        lines_view = _text_boxes(chromium_page, fig.svg, fig.css("hygienic", 0))  # what the sheet's plate shows
        assert len(lines_view) < len(boxes)
        for crop, what, texts in ((fig.region_box, "strip", boxes), (fig.content_box, "plate", lines_view)):
            x, y, w, h = map(float, crop)
            for b in texts:
                touches = b["x1"] > x and b["x0"] < x + w and b["y1"] > y and b["y0"] < y + h
                inside = b["x0"] >= x - 0.5 and b["x1"] <= x + w + 0.5 and b["y0"] >= y - 0.5 and b["y1"] <= y + h + 0.5
                assert inside or not touches, f"{name} {what}: {b['text']!r} cut by the crop {crop}: {b}"
                assert inside or what == "strip", f"{name}: the plate's crop leaves out {b['text']!r}"
