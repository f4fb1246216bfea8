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
from backdata.method.classical import NOTICE, TEXT_ORDER
from backdata.method.regions import REGIONS
from backdata.publish.page import PAGE_CSS, Page
from backdata.views import text
from backdata.views.describe import alt_text

__all__ = ["SHEET_CSS", "print_pdf", "region_sheet"]


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
