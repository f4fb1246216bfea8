"""The printable region sheets: one A4 page per region (the lines plate, its steps with the times of both modes,
every caution), printed to one PDF through headless Chromium."""

from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from backdata.core.errors import BackdataError
from backdata.core.model import Mode
from backdata.interact.explorer import caution_items
from backdata.interact.notebook import timings
from backdata.method.current import current
from backdata.method.regions import REGIONS
from backdata.publish.page import PAGE_CSS, Page
from backdata.views import text, theme
from backdata.views.describe import alt_text

__all__ = ["SHEET_CSS", "print_book", "print_pdf", "region_sheet"]


def _box(box: tuple[float, float, float, float]) -> str:
    return " ".join(f"{float(v):g}" for v in box)


def region_sheet(name: str, page: Page) -> str:
    """One A4 sheet for a region: the lines plate across the page, its steps in a strip (crops of the same
    drawing, every label whole), the steps with the times of both modes and their sources, every caution."""
    reg, sp = REGIONS[name], page.sprite(name)
    fig = sp.figure
    plate = sp.view(
        fig.visible[(Mode.hygienic, 0)], label=alt_text(reg, Mode.hygienic, 0), view_box=_box(fig.content_box)
    )
    crop = _box(fig.region_box)
    strip = "".join(
        f"<figure>{sp.view(fig.visible[(Mode.hygienic, i)], label=alt_text(reg, Mode.hygienic, i), view_box=crop)}"
        f"<figcaption>{i}. {html.escape(st.title)}</figcaption></figure>"
        for i, st in enumerate(reg.steps, 1)
    )
    times = timings(reg)
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(st.title)}</td><td>{html.escape(', '.join(map(str, st.lines)))}</td>"
        f"<td>{html.escape(times.iloc[i - 1]['hygienic'])}</td><td>{html.escape(times.iloc[i - 1]['therapeutic'])}"
        f"</td><td>{html.escape(st.note)}{' ' + text.BY_INDICATION if st.by_indication else ''}"
        f' <span class="bd-sheet-src">({html.escape(str(st.cite))})</span></td></tr>'
        for i, st in enumerate(reg.steps, 1)
    )
    rows += (
        f"<tr><th></th><th>whole region</th><th></th><th>{html.escape(times.iloc[-1]['hygienic'])}</th>"
        f"<th>{html.escape(times.iloc[-1]['therapeutic'])}</th><th></th></tr>"
    )
    cautions = caution_items(reg.cautions)
    return (
        f'<section class="bd-sheet"><h1>{html.escape(reg.title)} <small>({html.escape(reg.extent[0])}–'
        f"{html.escape(reg.extent[1])}, patient {html.escape(reg.positions[0].value)})</small></h1>"
        f"<p>{html.escape(reg.summary)}</p>"
        f'<figure class="bd-sheet-plate">{plate}</figure>'
        f'<div class="bd-sheet-strip" role="group" aria-label="{html.escape(reg.title, quote=True)}: the steps, '
        f'hygienic" style="--n:{len(reg.steps)};--ar:{fig.region_box[2] / fig.region_box[3]:.3f}">{strip}</div>'
        "<table><thead><tr><th>#</th><th>step</th><th>lines</th><th>hygienic</th><th>therapeutic</th>"
        f"<th>note (source)</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<h2>Cautions</h2><ul>{cautions}</ul><p class="bd-sheet-notice">{html.escape(current().notice)}</p></section>'
    )


SHEET_CSS = theme.css("""
@page{size:A4 portrait;margin:9mm 8mm}
.bd-sheet{height:278mm;display:flex;flex-direction:column;break-after:page;break-inside:avoid;overflow:visible;
 font-size:9pt;line-height:1.25}
.bd-sheet:last-child{break-after:auto}
.bd-sheet>*{flex:none}
.bd-sheet h1{font-size:15pt;margin:0 0 .15em}.bd-sheet h1 small{font-size:10pt;font-weight:normal}
.bd-sheet p{margin:0 0 .3em}
.bd-sheet h2{font-size:11pt;margin:.4em 0 .15em;border-bottom:1px solid $control_border;break-after:avoid}
.bd-sheet-plate{flex:0 1 auto;min-height:60mm;margin:0;display:flex}
.bd-sheet-plate svg{width:100%!important;height:auto!important;max-height:100%}
.bd-sheet-strip{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:2mm;margin:.3em 0}
.bd-sheet-strip figure{margin:0;display:flex;flex-direction:column}
.bd-sheet-strip svg{max-width:calc(32mm * var(--ar));max-height:32mm;border:1px solid $frame}
.bd-sheet-strip figcaption{font-size:9pt;line-height:1.2;margin-top:.2em}
.bd-sheet table{font-size:9pt;margin:.2em 0;width:100%}
.bd-sheet th,.bd-sheet td{padding:1.5px 5px}
.bd-sheet td:nth-child(1),.bd-sheet td:nth-child(3),.bd-sheet td:nth-child(4),.bd-sheet td:nth-child(5){white-space:nowrap}
.bd-sheet-src,.bd-sheet li small{color:var(--muted);font-size:9pt}
.bd-sheet ul{margin:.1em 0;padding-left:1.2em}
.bd-sheet-notice{font-size:9pt;margin-top:.3em}
""")


def print_book(page: Page | None = None) -> str:
    """The whole printable book as one HTML document: a sheet per region, in the source's order."""
    page = page or Page()
    sheets = "".join(region_sheet(n, page) for n in current().text_order)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>backdata: the regions</title>'
        f"<style>{PAGE_CSS}{SHEET_CSS}{''.join(dict.fromkeys(page.styles))}</style></head><body>"
        + "".join(sp.defs for sp in page.sprites.values())
        + f"<main>{sheets}</main></body></html>"
    )


def print_pdf(pdf: Path) -> None:
    """One PDF, one A4 page per region (figure, plan, times, cautions), through headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        raise BackdataError("--pdf needs Chromium (Debian: apt-get install chromium); none found on PATH")
    book = print_book()
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
