"""One SVG per region with every view as a layer, and the CSS that shows one view.

The region is drawn once (:func:`backdata.views.draw.region_figure`); each layer of its
:class:`~backdata.views.draw.RegionView` gets an id prefix, the figure is saved once with every layer in it, and a
view is then a few bytes of CSS hiding the other layers. The explorer swaps that CSS (no re-encoding in the
kernel); the handouts switch it with radio buttons (no script). The SVG is cleaned for inlining in HTML5: no
XML declaration, DOCTYPE or metadata, every id prefixed so that several figures can share a page.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from backdata.core.errors import BackdataError
from backdata.core.model import Mode, Region
from backdata.method.regions import as_mode, region
from backdata.views.describe import alt_text
from backdata.views.layers import TOP, css_hide, layer_class, layer_gid, parse_gid
from backdata.views.theme import INK, PAGE

if TYPE_CHECKING:
    from matplotlib.transforms import Bbox

__all__ = ["SVG_METADATA", "LayeredFigure", "Sprite", "clean_svg", "layered_figure", "sprite"]

SVG_METADATA = {"Date": None}
"""No date in the SVG: reruns are byte-identical (the hash salt is fixed in the style files)."""


@dataclass(frozen=True)
class LayeredFigure:
    """A region's figure with all its views as layers."""

    region: str
    prefix: str
    svg: str
    """Inline SVG markup (no XML declaration), ``<svg id="{prefix}" ...>``."""
    layers: tuple[str, ...]
    visible: dict[tuple[Mode, int], frozenset[str]]
    """(mode, step) → the layers that view shows."""
    steps: int
    region_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """The region's zone in the SVG's own coordinates, ``(x, y, width, height)``: a crop for small views, grown
    so that every label and mark it touches lies wholly inside (no "FEET" or node mark cut in half)."""
    content_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """Everything the lines view (hygienic, step 0) draws, with a small margin, in the SVG's coordinates: that
    plate without the figure's empty border (nor the longer captions of other steps), for print."""

    def css(self, mode: str | Mode, step: int) -> str:
        """CSS that shows the view (mode, step) and hides the other layers."""
        key = (as_mode(mode), step)
        if key not in self.visible:
            raise BackdataError(f"step {step!r} does not exist in region {self.region!r}: valid 0–{self.steps}")
        return css_hide(self.prefix, [n for n in self.layers if n not in self.visible[key]])

    def with_prefix(self, prefix: str) -> LayeredFigure:
        """The same figure under another id prefix (two copies on one page must not share ids)."""
        old = self.prefix
        svg = self.svg.replace(f"{old}-", f"{prefix}-").replace(f'id="{old}"', f'id="{prefix}"')
        return LayeredFigure(
            self.region, prefix, svg, self.layers, self.visible, self.steps, self.region_box, self.content_box
        )


_ID = re.compile(r'\bid="([^"]+)"')


_NUM = re.compile(r"-?\d+\.\d+")


def _round_path(d: str) -> str:
    """Path data to 0.1 px (a third of the file's size at no visible cost), whitespace squeezed."""
    d = _NUM.sub(lambda m: f"{float(m.group(0)):.1f}".rstrip("0").rstrip("."), d)
    return re.sub(r"\s+", " ", d).strip()


def clean_svg(svg: str, prefix: str, *, label: str = "") -> str:
    """matplotlib's standalone SVG made fit to inline in HTML5.

    Drops the XML declaration, DOCTYPE and ``<metadata>``; prefixes every id (and its ``url(#…)`` and
    ``href="#…"`` references) with ``prefix``; makes the picture scale to its container; adds ``role="img"``
    and an ``aria-label``.
    """
    svg = re.sub(r"<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"<!DOCTYPE[^>]*>\s*", "", svg)
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = re.sub(r'\sd="([^"]*)"', lambda m: f' d="{_round_path(m.group(1))}"', svg)
    ids = set(_ID.findall(svg))
    own = {i for i in ids if not i.startswith(f"{prefix}-")}

    def ref(m: re.Match) -> str:
        name = m.group(2)
        return f"{m.group(1)}{prefix}-{name}" if name in own else m.group(0)

    svg = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"' if m.group(1) in own else m.group(0), svg)
    svg = re.sub(r"(url\(#)([^)]+)", ref, svg)
    svg = re.sub(r'((?:xlink:)?href="#)([^"]+)', ref, svg)
    head = re.match(r"<svg\b[^>]*>", svg)
    if head:
        tag = head.group(0)
        tag = re.sub(r'\s(width|height)="[^"]*"', "", tag)
        extra = (
            f' id="{prefix}" role="img" preserveAspectRatio="xMidYMid meet"'
            f' style="width:100%;height:auto;display:block;background:{PAGE};color:{INK}"'
        )
        if label:
            extra += f' aria-label="{escape(label, quote=True)}"'
        svg = tag[:-1] + extra + ">" + svg[head.end() :]
    return svg


def layered_figure(
    region_: str | Region,
    *,
    prefix: str | None = None,
    style: str = "projector",
    sex: str = "male",
    muscles: bool = False,
) -> LayeredFigure:
    """Draw a region once and return it as one SVG with every (mode, step) view as a layer (on the ``sex`` body,
    with the superficial muscles when ``muscles``)."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    reg = region(region_)
    prefix = prefix or f"bd-{reg.name.replace('_', '-')}"
    with draw.style(style):
        fig, view = draw.region_figure(reg, sex=sex, muscles=muscles)
        layers = view.layers()
        for name, arts in layers.items():
            for k, a in enumerate(arts):
                a.set_gid(layer_gid(prefix, name, k))
                a.set_visible(True)
        for k, a in enumerate(view.back["nodes"]):  # the badges are layers of their own (b-N), after the others
            a.set_gid(layer_gid(prefix, TOP, k))  # drawn above every layer when views are composed (sprite)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata=SVG_METADATA)
        box = _region_box(fig, view)
        view.set_mode(Mode.hygienic)
        view.set_step(0)  # the lines view alone (hides the other layers; the SVG is already written)
        content = _content_box(fig)
        plt.close(fig)
    visible = {(m, n): frozenset(view.visible_layers(m, n)) for m in Mode for n in range(len(reg.steps) + 1)}
    svg = clean_svg(buf.getvalue(), prefix, label=alt_text(reg, Mode.hygienic, 0))
    return LayeredFigure(reg.name, prefix, svg, tuple(layers), visible, len(reg.steps), box, content)


def _svg_box(fig, box: Bbox) -> tuple[float, float, float, float]:
    """A box in display pixels (origin at the bottom left) in SVG coordinates (points from the top left)."""
    scale, height = 72 / fig.dpi, fig.get_figheight() * 72
    left, right = box.x0 * scale, box.x1 * scale
    top, bottom = height - box.y1 * scale, height - box.y0 * scale
    return (round(left, 1), round(top, 1), round(right - left, 1), round(bottom - top, 1))


def _marks(fig, renderer) -> list[Bbox]:
    """The extents of every label (with its badge box) and every marker-only line (the node marks)."""
    from matplotlib.lines import Line2D
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    out = []
    for a in _shown(fig):
        if not isinstance(a, (Text, Line2D)):
            continue
        if isinstance(a, Text):
            if not a.get_text().strip():
                continue
            ext = [a.get_window_extent(renderer)]
            patch = a.get_bbox_patch()
            if patch is not None:
                ext.append(patch.get_window_extent(renderer))
            # a browser's box of a text is its font's whole em box, taller than matplotlib's ink box, and its
            # glyphs may run a few per cent wider
            out.append(Bbox.union(ext).expanded(1.04, 1.0).padded(0.25 * a.get_fontsize() * fig.dpi / 72))
        elif a.get_linestyle() in ("None", "none", "", " ") and a.get_marker() not in (None, "None", "none", ""):
            out.append(a.get_window_extent(renderer))
    return out


def _shown(artist) -> list:
    """The artist and every artist under it that is drawn (an invisible legend hides its texts)."""
    if not artist.get_visible():
        return []
    return [artist, *(a for child in artist.get_children() for a in _shown(child))]


def _region_box(fig, view) -> tuple[float, float, float, float]:
    """The region's zone with a margin, within the axes, fitted so that every label or mark it touches lies
    wholly inside it (a mark reaching into the zone) or wholly outside (an edge moved in, never into the zone)."""
    from matplotlib.transforms import Bbox

    pts = [(p.x, p.y) for z in view.region.zones for p in z]
    xs, ys = zip(*pts)
    margin, pt = 0.06, fig.dpi / 72
    fig.canvas.draw()  # places the legends' texts
    axes = view.ax.get_window_extent().padded(2 * pt)

    def box_of(d: float) -> Bbox:
        (x0, y0), (x1, y1) = view.ax.transData.transform([(min(xs) - d, min(ys) - d), (max(xs) + d, max(ys) + d)])
        box = Bbox.from_extents(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        return Bbox.intersection(box, axes) or axes

    zone, box = box_of(0.0), box_of(margin).padded(2 * pt)
    marks = [m.padded(pt) for m in _marks(fig, fig.canvas.get_renderer())]  # and their strokes
    kept: list[Bbox] = []  # marks the box had to grow for: never cut later
    for _ in range(200):  # each round moves an edge out to a mark or in (never into the zone): it settles
        cut = [m for m in marks if _overlaps(m, box) and not _inside(m, box)]
        if not cut:
            break
        held = kept + [m for m in marks if _inside(m, box) and _overlaps(m, zone)]  # these stay whole
        fitted = _fit(box, zone, cut[0], held)
        if _inside(box, fitted):  # grown
            kept.append(cut[0])
        box = fitted
    else:  # never seen: hold every mark it touches
        while cut := [m for m in marks if _overlaps(m, box) and not _inside(m, box)]:
            box = Bbox.union([box, *cut])
    return _svg_box(fig, box)


def _overlaps(m: Bbox, box: Bbox) -> bool:
    """Sharing more than an edge."""
    return m.x0 < box.x1 and box.x0 < m.x1 and m.y0 < box.y1 and box.y0 < m.y1


def _inside(m: Bbox, box: Bbox) -> bool:
    return box.x0 <= m.x0 and m.x1 <= box.x1 and box.y0 <= m.y0 and m.y1 <= box.y1


def _fit(box: Bbox, zone: Bbox, m: Bbox, held: list[Bbox]) -> Bbox:
    """``box`` holding none of mark ``m`` (an edge moved in to it, never into the ``zone`` nor through a mark
    ``held`` whole) when ``m`` lies outside the zone, else grown to hold all of it."""
    from matplotlib.transforms import Bbox

    if not _overlaps(m, zone):
        x0, y0, x1, y1 = box.extents
        options = []
        if m.x0 < x0 and m.x1 <= zone.x0:
            options.append((m.x1 - x0, (m.x1, y0, x1, y1)))
        if m.x1 > x1 and m.x0 >= zone.x1:
            options.append((x1 - m.x0, (x0, y0, m.x0, y1)))
        if m.y0 < y0 and m.y1 <= zone.y0:
            options.append((m.y1 - y0, (x0, m.y1, x1, y1)))
        if m.y1 > y1 and m.y0 >= zone.y1:
            options.append((y1 - m.y0, (x0, y0, x1, m.y0)))
        for _, extents in sorted(options):
            smaller = Bbox.from_extents(*extents)
            if all(_inside(h, smaller) or not _overlaps(h, smaller) for h in held):
                return smaller
    return Bbox.union([box, m])


def _content_box(fig) -> tuple[float, float, float, float]:
    """Everything the figure shows (each label with its browser's em box), 4 pt around, within the figure."""
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    tight = Bbox(fig.get_tightbbox(renderer).get_points() * fig.dpi)  # inches to pixels
    box = Bbox.union([tight, *_marks(fig, renderer)]).padded(4 * fig.dpi / 72)
    return _svg_box(fig, Bbox.intersection(box, fig.bbox) or fig.bbox)


@dataclass(frozen=True)
class Sprite:
    """A region's drawing split for composing: one hidden copy of the base and of every layer, and views that
    reference them with ``<use>`` (a view costs a few hundred bytes, not a new picture)."""

    prefix: str
    defs: str
    """A hidden ``<svg>`` holding the base and every layer group once."""
    view_box: str
    groups: dict[str, tuple[str, ...]]
    """Layer name → ids of its groups (``top`` included)."""
    figure: LayeredFigure

    def view(self, layers, *, label: str, view_box: str | None = None, classes: bool = False) -> str:
        """An ``<svg>`` showing the base and ``layers`` (all layers when ``classes``: each ``<use>`` then
        carries the classes of :func:`~backdata.views.layers.layer_class` for CSS to switch)."""
        names = [n for n in self.figure.layers if classes or n in layers]
        uses = [f'<use href="#{self.prefix}-base"/>']
        for n in [*names, TOP]:
            cls = f' class="{layer_class(n)}"' if classes and n != TOP else ""
            uses += [f'<use{cls} href="#{gid}"/>' for gid in self.groups.get(n, ())]
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box or self.view_box}" role="img" '
            f'aria-label="{escape(label, quote=True)}" style="width:100%;height:auto;display:block;background:{PAGE};color:{INK}">'
            + "".join(uses)
            + "</svg>"
        )


def sprite(lf: LayeredFigure) -> Sprite:
    """Split a layered figure into its hidden base and layer groups (see :class:`Sprite`)."""
    ns = {"svg": "http://www.w3.org/2000/svg", "xlink": "http://www.w3.org/1999/xlink"}
    ET.register_namespace("", ns["svg"])
    ET.register_namespace("xlink", ns["xlink"])
    root = ET.fromstring(lf.svg)
    parents = {child: parent for parent in root.iter() for child in parent}
    wanted = {*lf.layers, TOP}
    groups: dict[str, list[str]] = {}
    moved = []
    for el in list(root.iter()):
        gid = el.get("id", "")
        parsed = parse_gid(lf.prefix, gid)
        if parsed is not None and parsed[0] in wanted:
            layer = parsed[0]
            parents[el].remove(el)
            groups.setdefault(layer, []).append(gid)
            moved.append(el)
    view_box = root.get("viewBox", "")
    base = ET.Element(f"{{{ns['svg']}}}g", {"id": f"{lf.prefix}-base"})
    base.extend(list(root))
    defs = ET.Element(f"{{{ns['svg']}}}defs")
    defs.append(base)
    defs.extend(moved)
    holder = ET.Element(
        f"{{{ns['svg']}}}svg",
        {"aria-hidden": "true", "focusable": "false", "style": "position:absolute;width:0;height:0;overflow:hidden"},
    )
    holder.append(defs)
    markup = ET.tostring(holder, encoding="unicode")
    return Sprite(lf.prefix, markup, view_box, {k: tuple(v) for k, v in groups.items()}, lf)
