"""Slides for class: one per step of each region, the figure as large as the screen, arrow keys to move.

A small presenter of our own, in one file that needs nothing but a browser: each region is drawn once and
every slide composes its view from that drawing (``<use>``), so the deck stays small; a dozen lines of inline
script move between slides (→, ←, Space, Page Up/Down, Home, End; ``M`` switches hygienic/therapeutic;
``N`` shows the speaker notes). The page's Content-Security-Policy forbids every request: nothing is fetched
at show time. Without script the slides simply stack and scroll.
"""

from __future__ import annotations

import html
from pathlib import Path

from backdata.core.model import Mode
from backdata.method.current import current
from backdata.method.regions import REGIONS
from backdata.publish.files import replace_dir, write_atomic
from backdata.publish.page import Page
from backdata.views import text, theme
from backdata.views.describe import alt_text, lines_summary
from backdata.views.tables import step_minutes

__all__ = ["SLIDES_CSP", "build_slides", "slide_deck", "speaker_notes"]

SLIDES_CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
)

_CSS = theme.css("""
html,body{margin:0;height:100%;background:$page;color:$ink;font-family:"DejaVu Sans",Verdana,sans-serif}
.slide{min-height:100vh;box-sizing:border-box;padding:1vh 2vw;display:flex;flex-direction:column;
 justify-content:center;border-bottom:1px solid $frame}
.js .slide{display:none;border:0}.js .slide.current{display:flex}
.slide svg{max-height:92vh;width:auto!important;max-width:100%;margin:0 auto}
.title h1{font-size:6vh;margin:0 0 2vh}.title p{font-size:2.6vh;max-width:70em}
.mode-therapeutic .v-hygienic,.v-therapeutic{display:none}.mode-therapeutic .v-therapeutic{display:block}
.notes{display:none;font-size:2.2vh;border-top:2px solid $accent;padding:.5em 1em}.show-notes .notes{display:block}
.count{position:fixed;right:1.2vw;bottom:1vh;font-size:1.8vh;color:$text_muted}
""")

_JS = """
(function(){var d=document.documentElement,s=[].slice.call(document.querySelectorAll('.slide')),i=0;
d.classList.add('js');function go(k){i=Math.max(0,Math.min(s.length-1,k));s.forEach(function(e,j){
e.classList.toggle('current',j===i)});document.getElementById('count').textContent=(i+1)+' / '+s.length;
if(location.hash!=='#'+(i+1))history.replaceState(null,'','#'+(i+1));}
document.addEventListener('keydown',function(e){var k=e.key;
if(k==='ArrowRight'||k==='PageDown'||k===' '){go(i+1);e.preventDefault()}
else if(k==='ArrowLeft'||k==='PageUp'){go(i-1);e.preventDefault()}
else if(k==='Home'){go(0)}else if(k==='End'){go(s.length-1)}
else if(k==='m'||k==='M'){document.body.classList.toggle('mode-therapeutic')}
else if(k==='n'||k==='N'){document.body.classList.toggle('show-notes')}});
go((parseInt(location.hash.slice(1),10)||1)-1);})();
"""


def speaker_notes(name: str, step: int) -> str:
    """What to say on a slide, written from the data: the step's times and source, the lines, the cautions."""
    reg = REGIONS[name]
    if step == 0:
        return (
            f"{reg.purpose} Lines: {lines_summary(reg)}. Whole region: hygienic "
            f"{reg.total[Mode.hygienic].minutes}, therapeutic {reg.total[Mode.therapeutic].minutes}."
        )
    st = reg.steps[step - 1]
    parts = [f"{st.title} ({st.cite})."]
    for m in Mode:
        mins, origin = step_minutes(reg, m, editorial=True)[step - 1]
        parts.append(f"{m.value}: {mins}{text.EDITORIAL_SHARE_TAG if origin == 'editorial' else ''}.")
    if st.note:
        parts.append(st.note)
    limits = [c.text for c in reg.cautions if st.technique in c.techniques]
    if limits:
        parts.append("Caution: " + " ".join(limits))
    return " ".join(parts)


def slide_deck(*, notes: bool = True) -> str:
    """The whole deck as one HTML document."""
    page = Page()
    slides = [
        f'<section class="slide title" aria-label="Title"><h1>Back massage: the method, step by step</h1>'
        f"<p>Patient prone, seen from behind: the patient's right is on your right. Keys: → next, ← back, "
        f"M hygienic/therapeutic, N speaker notes.</p><p><small>{html.escape(current().notice)}</small></p></section>"
    ]
    for name in current().text_order:
        reg, sp = REGIONS[name], page.sprite(name)
        for step in range(len(reg.steps) + 1):
            views = "".join(
                f'<div class="v-{m.value}">{sp.view(sp.figure.visible[(m, step)], label=alt_text(reg, m, step))}</div>'
                for m in Mode
            )
            label = f"{reg.title}: {'lines' if step == 0 else reg.steps[step - 1].title}"
            note = f'<aside class="notes">{html.escape(speaker_notes(name, step))}</aside>' if notes else ""
            slides.append(
                f'<section class="slide" aria-label="{html.escape(label, quote=True)}">{views}{note}</section>'
            )
    defs = "".join(sp.defs for sp in page.sprites.values())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{SLIDES_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>backdata slides</title><style>{_CSS}</style></head><body>{defs}<main>{''.join(slides)}</main>"
        f'<div class="count" id="count" aria-live="polite"></div><script>{_JS}</script></body></html>\n'
    )


def build_slides(out: Path | str = ".") -> list[Path]:
    """Write ``out/slides/index.html`` (with speaker notes, ``N`` shows them), replaced atomically, with the
    ``.backdata-output`` marker; refuses when ``out/slides`` holds a file backdata did not write."""
    target = Path(out) / "slides"
    with replace_dir(target) as work:
        write_atomic(work / "index.html", slide_deck())
    return [target / "index.html"]
