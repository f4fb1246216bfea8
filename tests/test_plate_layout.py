"""The plates' layout (issue 11): every region fills its drawing area, every label lies inside the figure and
clear of the others, each zoomed plate has its locator, each plate its centimetre bar.

Each region is drawn once per style (module fixture); the steps are switched with RegionView.set_step."""

from __future__ import annotations

import itertools

import pytest

import backdata as bd

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.transforms import Bbox  # noqa: E402

from backdata.method import anatomy  # noqa: E402
from backdata.views import draw  # noqa: E402
from backdata.views.describe import whole_back  # noqa: E402

STYLES = ("projector", "print")
FILL = 0.5
"""A zoomed region's bounding box over its drawing axes, at least."""
FILL_WHOLE = 0.45
"""The whole back's (the preliminary massage's region is the whole back, arms and neck around it)."""


@pytest.fixture(scope="module")
def plates():
    out = {}
    for style in STYLES:
        with draw.style(style):
            for name in bd.REGIONS:
                fig, view = draw.region_figure(name)
                fig.draw_without_rendering()
                out[(style, name)] = (fig, view)
    yield out
    for fig, _ in out.values():
        plt.close(fig)


def _extent(t, renderer) -> Bbox:
    box = t.get_window_extent(renderer)
    patch = t.get_bbox_patch()
    return Bbox.union([box, patch.get_window_extent(renderer)]) if patch is not None else box


def _hit(k1: str, b1: Bbox, k2: str, b2: Bbox) -> bool:
    """Two labels overlap: badges are circles (their boxes' corners are empty), the rest rectangles."""
    if k1 == k2 == "badge":
        d = ((b1.x0 + b1.x1 - b2.x0 - b2.x1) ** 2 + (b1.y0 + b1.y1 - b2.y0 - b2.y1) ** 2) ** 0.5 / 2
        return d < (b1.width + b2.width) / 4
    return b1.overlaps(b2)


def _shown(fig, view) -> dict[str, list]:
    """The visible texts of the plate now, by kind."""
    is_text = lambda a: hasattr(a, "get_text") and a.get_visible() and a.get_text().strip()  # noqa: E731
    legends = [t for leg in fig.legends if leg.get_visible() for t in leg.get_texts()]
    kinds = {
        "badge": [b for b in view.badges.values() if b.get_visible()],
        "node": [a for a in view.back["nodes"] if is_text(a)],
        "level": [a for a in view.back["levels"] if is_text(a)],
        "orientation": [a for a in view.back["orientation"] if is_text(a)],
        "scale": [a for a in view.scale_bar if is_text(a)],
        "locator": [t for t in (view.locator.texts if view.locator else []) if is_text(t)],
        "figure": [t for t in fig.texts if is_text(t) and t not in view.scale_bar],
        "legend": legends,
    }
    return kinds


def _views():
    return itertools.product(STYLES, bd.REGIONS)


@pytest.mark.parametrize(("style", "name"), list(_views()))
def test_every_label_inside_and_clear(plates, style, name):
    fig, view = plates[(style, name)]
    renderer = fig._get_renderer()
    outside, overlaps = [], []
    reg = bd.REGIONS[name]
    for step in range(len(reg.steps) + 1):
        view.set_step(step)
        fig.draw_without_rendering()  # places the step's legend
        for mode in bd.Mode:
            view.set_mode(mode)
            kinds = _shown(fig, view)
            boxes = [(k, t, _extent(t, renderer)) for k, ts in kinds.items() for t in ts]
            for k, t, b in boxes:
                if not fig.bbox.padded(0.5).contains(b.x0, b.y0) or not fig.bbox.padded(0.5).contains(b.x1, b.y1):
                    outside.append((mode.value, step, k, t.get_text()))
            for (k1, t1, b1), (k2, t2, b2) in itertools.combinations(boxes, 2):
                if {k1, k2} <= {"figure", "legend"}:
                    continue  # the sequence column's highlight covers its own row by design
                if _hit(k1, b1, k2, b2):
                    overlaps.append((mode.value, step, k1, t1.get_text(), k2, t2.get_text()))
            if view.locator is not None:
                loc = view.locator.get_window_extent(renderer)
                hit = [(k, t.get_text()) for k, t, b in boxes if b.overlaps(loc) and t not in view.locator.texts]
                overlaps += [(mode.value, step, "locator", *h) for h in hit]
    view.set_mode("hygienic")
    view.set_step(0)
    assert not outside, outside[:8]
    assert not overlaps, overlaps[:8]


def _fill(fig, view) -> float:
    ax = view.ax
    pts = [(p.x, p.y) for z in view.region.zones for p in z]
    d = ax.transData.transform(pts)
    area = (d[:, 0].max() - d[:, 0].min()) * (d[:, 1].max() - d[:, 1].min())
    return area / (ax.bbox.width * ax.bbox.height)


@pytest.mark.parametrize(("style", "name"), list(_views()))
def test_the_region_fills_its_drawing_area(plates, style, name):
    fig, view = plates[(style, name)]
    floor = FILL_WHOLE if whole_back(name) else FILL
    assert _fill(fig, view) >= floor
    ax = view.ax
    (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
    assert abs((x1 - x0) / (y1 - y0) - ax.bbox.width / ax.bbox.height) < 1e-6, "1:1, the anatomy not stretched"
    lines = [p for ln in view.region.lines for p in ln.points]
    assert all(x0 <= p.x <= x1 and y0 <= p.y <= y1 for p in lines), "every line in view"
    nodes = [bd.NODE_TARGETS[k] for k in bd.NODE_TARGETS if k[0] in {ln.target for ln in view.region.lines}]
    assert all(x0 <= p.x <= x1 and y0 <= p.y <= y1 for p in nodes), "every node target in view"


@pytest.mark.parametrize(("style", "name"), list(_views()))
def test_locator_and_scale_bar(plates, style, name):
    fig, view = plates[(style, name)]
    assert (view.locator is None) == whole_back(name)
    bar, label = view.scale_bar
    cm = int(label.get_text().split()[0])
    xs = bar.get_xdata()
    width_px = (max(xs) - min(xs)) * fig.bbox.width
    px_per_unit = view.ax.bbox.width / (view.ax.get_xlim()[1] - view.ax.get_xlim()[0])
    assert width_px == pytest.approx(cm / anatomy.unit_cm("male") * px_per_unit, rel=1e-6)
    renderer = fig._get_renderer()
    ax_box = view.ax.get_window_extent(renderer)
    assert not ax_box.overlaps(bar.get_window_extent(renderer)), "the bar beside the drawing, not on it"
    if view.locator is not None:
        assert view.locator.get_label() == "locator"
        assert not ax_box.overlaps(view.locator.get_window_extent(renderer))
