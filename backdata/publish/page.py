"""What a built page collects while it renders: styles hoisted to the head, one drawing per region shared by
every view of it on the page, and a counter for unique ids (used by the handouts and the slides); and the
handouts' stylesheet."""

from __future__ import annotations

from dataclasses import dataclass, field

from backdata.views import theme
from backdata.views.svg import Sprite, layered_figure, sprite

__all__ = ["PAGE_CSS", "Page"]


@dataclass
class Page:
    """What a page collects while its cells render: styles (hoisted to the head), one drawing per region
    (shared by every view of it on the page), and a counter for ids."""

    styles: list[str] = field(default_factory=list)
    sprites: dict[str, Sprite] = field(default_factory=dict)
    n: int = 0

    def uid(self, stem: str) -> str:
        """A new id on the page: ``stem`` and a number."""
        self.n += 1
        return f"{stem}{self.n}"

    def sprite(self, name: str) -> Sprite:
        """The region's drawing, made once per page."""
        if name not in self.sprites:
            self.sprites[name] = sprite(layered_figure(name, prefix=f"bd-{name.replace('_', '-')}"))
        return self.sprites[name]


PAGE_CSS = theme.css("""
:root{--ink:$ink;--muted:$text_muted;--accent:$accent;--warn:$warn}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:var(--ink);margin:0;line-height:1.45;background:$page}
main{max-width:1040px;margin:0 auto;padding:1em 1.2em 3em}
h1{font-size:1.8em;margin:.4em 0}h2{font-size:1.35em;margin:1.4em 0 .4em;border-bottom:2px solid $rule}
a{color:$link}code{background:$code_background;color:var(--ink);padding:0 .2em}
table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
th,td{border-bottom:1px solid $rule;padding:3px 8px;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.3em 0}
.bd-notice{border-left:4px solid var(--warn);background:$notice_background;color:var(--ink);padding:.5em 1em;margin:1em 0}
.bd-out{margin:.6em 0;overflow-x:auto}
.bd-view{border:1px solid $frame;border-radius:8px;padding:.6em .8em;margin:1em 0}
.bd-view fieldset{border:0;margin:0 0 .3em;padding:0;display:flex;flex-wrap:wrap;gap:.3em;align-items:center}
.bd-view legend{font-weight:bold;float:left;margin-right:.6em;padding:.25em 0}
.bd-view input[type=radio]{position:absolute;opacity:0;width:1px;height:1px}
.bd-view label{border:1px solid $control_border;border-radius:4px;padding:.2em .6em;cursor:pointer;background:$control_background;color:var(--ink)}
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
