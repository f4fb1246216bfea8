"""The drawings: stroke geometry (no matplotlib), the artists of each plate, styles and colours."""

from __future__ import annotations

import math
import subprocess
import sys

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon
from matplotlib.testing.decorators import check_figures_equal
from matplotlib.text import Text

import backdata
from backdata import LEVELS, REGIONS, Intensity, Side, Technique
from backdata.core.geometry import distance_to_polyline, path_length
from backdata.views import strokes

ALL_STEPS = [(name, i) for name, reg in REGIONS.items() for i in range(1, len(reg.steps) + 1)]


@pytest.fixture(scope="module")
def draw():
    from backdata.views import draw as module

    return module


# --- Stroke geometry, computed without drawing ------------------------------------------------------------


def test_every_technique_has_its_own_style():
    styles = [backdata.TECHNIQUES[t].style for t in Technique]
    assert sorted(styles) == sorted(strokes.STYLES) and len(set(styles)) == 7


@pytest.mark.parametrize(("name", "step"), ALL_STEPS)
def test_step_marks_cover_the_step_lines_on_both_sides(name, step):
    reg = REGIONS[name]
    marks = strokes.step_marks(reg, step)
    labels = {m.line.label for m in marks}
    expected = {f"{n}{s}" for n in reg.steps[step - 1].lines for s in "RL"}
    assert labels == expected


@pytest.mark.parametrize(("name", "step"), ALL_STEPS)
def test_arrows_point_along_the_line(name, step):
    """Every arrowhead points in the direction of the stroke (start → end of the line)."""
    for m in strokes.step_marks(name, step):
        assert m.arrows, m.line.label
        start, end = m.guide[0], m.guide[-1]
        overall = (end.x - start.x, end.y - start.y)
        for a in m.arrows:
            assert a.dx * overall[0] + a.dy * overall[1] > 0, (name, step, m.line.label)
            assert math.isclose(math.hypot(a.dx, a.dy), 1.0, rel_tol=1e-3)
        last = m.arrows[-1].tip
        assert last.distance(end) < 1e-3, "the last arrowhead sits at the end of the line"


@pytest.mark.parametrize(("name", "step"), ALL_STEPS)
def test_marks_stay_near_their_line(name, step):
    """Loops, waves and zigzags stay within a few centimetres of the line they follow."""
    for m in strokes.step_marks(name, step):
        for path in m.paths:
            assert max(distance_to_polyline(p, m.guide) for p in path) < 0.06
        for p in m.dots:
            assert distance_to_polyline(p, m.guide) < 1e-3


def test_styles_suggest_the_movement():
    reg = REGIONS["lumbar"]
    line = reg.lines_numbered(3)[0]
    marks = {t: strokes.line_marks(line, line.points, t) for t in Technique}
    plain = path_length(line.points)
    assert len(marks[Technique.stroking].paths) == 1 and path_length(
        marks[Technique.stroking].paths[0]
    ) == pytest.approx(plain)
    assert len(marks[Technique.squeezing].arrows) > len(marks[Technique.stroking].arrows), "chevrons"
    assert path_length(marks[Technique.rubbing].paths[0]) > 2 * plain, "spirals travel back and forth"
    assert path_length(marks[Technique.kneading].paths[0]) > 2 * plain, "loops"
    assert (
        1.1 * plain < path_length(marks[Technique.vibration].paths[0]) < path_length(marks[Technique.rubbing].paths[0])
    ), "a fine wave: longer than the line, shorter than spirals"
    assert marks[Technique.percussion].dots and not marks[Technique.percussion].paths, "dots"
    assert len(marks[Technique.shaking].paths) >= 3, "zigzag bursts"


def test_collar_vibration_marks_stop_at_c6():
    """Source line 82: vibration no higher than the 6th cervical vertebra (y grows toward the feet)."""
    step = next(i for i, s in enumerate(REGIONS["collar"].steps, 1) if s.technique is Technique.vibration)
    lines = strokes.step_lines("collar", step)
    assert any(ln.start.y < LEVELS["C6"] for ln, _ in lines), "the unclipped neck line starts above C6"
    for m in strokes.step_marks("collar", step):
        assert min(p.y for p in m.guide) >= LEVELS["C6"] - 1e-9
        assert all(p.y >= LEVELS["C6"] - 0.015 for path in m.paths for p in path)


def test_unknown_step_is_a_clear_error():
    with pytest.raises(backdata.BackdataError, match=r"valid 1–6"):
        strokes.step_marks("lumbar", 9)


# --- Artists of the plates -------------------------------------------------------------------------------


def test_draw_back_returns_its_landmarks(draw):
    fig, ax = plt.subplots()
    arts = draw.draw_back(ax, nodes=[backdata.Target.inguinal])
    assert len(arts["scapulae"]) == 4 and len(arts["ribs"]) == 4 and len(arts["kidneys"]) == 2
    labels = [a.get_text() for a in arts["levels"] if hasattr(a, "get_text")]
    assert labels == list(draw.KEY_LEVELS)
    assert len(arts["nodes"]) == 2
    assert ax.yaxis_inverted(), "head at the top"


def test_draw_uses_current_axes_when_none_given(draw):
    fig, ax = plt.subplots()
    view = draw.draw_region("lumbar")
    assert view.ax is ax


@pytest.mark.parametrize("name", list(REGIONS))
def test_region_view_arrow_counts_and_directions(draw, name):
    """The drawn arrowheads are the computed ones: same count per line, pointing the same way."""
    fig, view = draw.region_figure(name)
    reg = REGIONS[name]
    for step in range(1, len(reg.steps) + 1):
        for m in strokes.step_marks(reg, step):
            coll = view.line_artists[(step, m.line.label)][-1]
            assert isinstance(coll, PolyCollection)
            tris = [p.vertices for p in coll.get_paths()]
            assert len(tris) == len(m.arrows)
            for tri, arrow in zip(tris, m.arrows):
                tip = tri[0]
                base = (tri[1] + tri[2]) / 2
                assert (tip[0] - base[0]) * arrow.dx + (tip[1] - base[1]) * arrow.dy > 0


@pytest.mark.parametrize("name", list(REGIONS))
def test_each_step_shows_only_its_artists(draw, name):
    fig, view = draw.region_figure(name)
    for step in range(len(REGIONS[name].steps) + 1):
        view.set_step(step)
        assert view.visible_steps() == [step]
        assert [n for n, leg in view.legends.items() if leg.get_visible()] == [step]
        assert view.step == step


def test_caution_zones_follow_the_technique(draw):
    """The C6 limit is hatched on the vibration step (and the lines view), not on stroking."""
    fig, view = draw.region_figure("collar")
    vib = next(i for i, s in enumerate(REGIONS["collar"].steps, 1) if s.technique is Technique.vibration)
    view.set_step(vib)
    assert all(a.get_visible() for a in view.cautions["vibration_c6"])
    view.set_step(1)
    assert not any(a.get_visible() for a in view.cautions["vibration_c6"])
    assert all(a.get_visible() for a in view.cautions["spinous_processes"]), "applies to every technique"


def test_lumbar_intensity_is_visible_by_width_and_badge(draw):
    """Source line 103: lines 4–5 take more force than lines 1–2: wider strokes and a filled badge (in kneading,
    step 4; the stroking of step 1 is gentle on every line, line 115)."""
    fig, view = draw.region_figure("lumbar", step=4)
    width = {n: view.line_artists[(4, f"{n}R")][0].get_linewidth() for n in (1, 2, 4, 5)}
    assert min(width[4], width[5]) > 1.5 * max(width[1], width[2])
    face = {n: view.badges[f"{n}R"].get_bbox_patch().get_facecolor() for n in (1, 4)}
    assert face[1] != face[4]
    style = {n: view.badges[f"{n}R"].get_bbox_patch().get_linestyle() for n in (1, 4)}
    assert style[1] != style[4]


def test_mode_changes_the_caption_not_the_drawing(draw):
    fig, view = draw.region_figure("lumbar", step=0)
    view.set_mode("therapeutic")
    assert "6–20 min" in view.subtitle.get_text()
    view.set_mode("hygienic")
    assert "5–6 min" in view.subtitle.get_text()
    with pytest.raises(backdata.BackdataError, match="did you mean 'therapeutic'"):
        view.set_mode("therapeutc")
    with pytest.raises(backdata.BackdataError, match="valid 0–6"):
        view.set_step(7)


def test_step_caption_marks_editorial_times(draw):
    assert "(editorial)" in draw.step_caption("lumbar", "hygienic", 4)
    assert "1 min" in draw.step_caption("collar", "hygienic", 1)
    assert "(editorial)" not in draw.step_caption("collar", "hygienic", 1)
    assert "only by indication" in draw.step_caption("lower_thoracic", "hygienic", 5)


@check_figures_equal(extensions=["png"])
def test_switching_steps_in_place_equals_drawing_the_step(fig_test, fig_ref):
    """The explorer's fast path (draw once, switch) gives the same picture as drawing that step directly."""
    from backdata.views import draw

    ax = fig_test.add_axes((0.0, 0.01, 0.55, 0.86))
    view = draw.draw_region("collar", step=1, ax=ax)
    view.set_step(5)
    view.set_mode("therapeutic")
    ax_ref = fig_ref.add_axes((0.0, 0.01, 0.55, 0.86))
    draw.draw_region("collar", step=5, mode="therapeutic", ax=ax_ref)


def _hex(colour) -> str:
    return to_hex(colour, keep_alpha=False)


def test_overview_shades_and_labels_every_region(draw):
    """Each region's zones filled in its colour and pattern, its lines drawn, its name on the map."""
    fig = plt.figure()
    arts = draw.draw_overview(fig)
    assert list(arts) == list(REGIONS)
    plates = {name: {a.axes for a in arts[name]} for name in REGIONS}
    assert all(len(axes) == 1 for axes in plates.values()), "each region on one plate"
    (left,), (right,) = plates["preliminary"], plates["lumbar"]
    assert left is not right and all(plates[n] == {right} for n in REGIONS if n != "preliminary")
    for name, reg in REGIONS.items():
        zones = [a for a in arts[name] if isinstance(a, Polygon)]
        assert len(zones) == len(reg.zones)
        for patch, zone in zip(zones, reg.zones):
            assert _hex(patch.get_facecolor()) == draw.REGION_COLOR[name].lower()
            assert patch.get_facecolor()[3] == pytest.approx(0.35), "a light fill: the lines read over it"
            assert patch.get_hatch() == draw.REGION_HATCH[name]
            assert np.allclose(patch.get_xy()[: len(zone)], [(p.x, p.y) for p in zone])
        arrows = [a for a in arts[name] if isinstance(a, PolyCollection)]
        assert len(arrows) == len(reg.lines), "every line drawn with its direction"
        labels = [a for a in arts[name] if isinstance(a, Text)]
        if name == "preliminary":  # the whole back: its plate's title names it
            assert not labels and "Preliminary" in left.get_title()
        else:
            (label,) = labels
            assert label.get_text() == f"{reg.title}\n{reg.extent[0]}–{reg.extent[1]}"
            box = label.get_bbox_patch()
            assert _hex(box.get_facecolor()) == draw.REGION_COLOR[name].lower()
            assert box.get_hatch() == draw.REGION_HATCH[name]
    assert "The regions in detail" in right.get_title(loc="left")


def test_technique_sheet_draws_seven_panels_in_their_colours(draw):
    """One panel per technique: its marks in the technique's colour, its name, school name and depth."""
    fig = plt.figure()
    sheet = draw.draw_technique_sheet(fig)
    assert list(sheet) == list(Technique)
    panels = {t: {a.axes for a in arts if a.axes is not None} for t, arts in sheet.items()}
    assert all(len(axes) == 1 for axes in panels.values())
    assert len({next(iter(axes)) for axes in panels.values()}) == 7, "seven panels"
    for tech, arts in sheet.items():
        colour = draw.TECHNIQUE_COLOR[tech].lower()
        lines = [a for a in arts if isinstance(a, Line2D)]
        arrows = [a for a in arts if isinstance(a, PolyCollection)]
        assert lines and arrows, tech
        assert all(_hex(a.get_color()) == colour for a in lines), tech
        assert all(_hex(fc) == colour for a in arrows for fc in a.get_facecolor()), tech
        texts = [a.get_text() for a in arts if isinstance(a, Text)]
        info = backdata.TECHNIQUES[tech]
        assert texts[0] == tech.value and texts[2].startswith(f"depth {'●' * info.depth}")
    dots = [a for a in sheet[Technique.percussion] if isinstance(a, Line2D)]
    assert all(a.get_marker() == "o" for a in dots), "percussion: dots"


# --- Colours and styles -----------------------------------------------------------------------------------


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_stroke_colours_are_okabe_ito_with_contrast_on_white(draw):
    """Marks need 3:1 against white (WCAG non-text contrast): a pale Okabe–Ito hue is drawn cased in a dark edge
    that has it (issue 11: seven techniques, seven colours)."""
    from backdata.views.theme import mark_edge

    palette = set(draw.OKABE_ITO.values())
    assert len(set(draw.TECHNIQUE_COLOR.values())) == len(draw.TECHNIQUE_COLOR), "one colour per technique"
    for colour in draw.TECHNIQUE_COLOR.values():
        assert colour in palette
        edge = mark_edge(colour)
        seen = colour if edge is None else edge
        assert (1.05) / (_luminance(seen) + 0.05) >= 3.0, colour
    assert set(draw.REGION_COLOR.values()) <= palette
    assert len(set(draw.REGION_HATCH.values())) == len(REGIONS), "a second cue per region"


@pytest.mark.parametrize("name", ["projector", "print"])
def test_shipped_styles_load(draw, name):
    with draw.style(name):
        size = matplotlib.rcParams["font.size"]
        assert matplotlib.rcParams["svg.hashsalt"] == "backdata"
    if name == "projector":
        assert size >= 14
        with draw.style(name):
            assert tuple(matplotlib.rcParams["figure.figsize"]) == (12.8, 7.2)
    with pytest.raises(backdata.BackdataError, match="did you mean 'print'"), draw.style("prnt"):
        pass


def test_importing_draw_changes_no_rcparams():
    code = (
        "import matplotlib as m; before = dict(m.rcParams); import backdata.views.draw, backdata.publish.figures; "
        "after = dict(m.rcParams); print(sorted(k for k in before if before[k] != after[k]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_widths_order_intensities():
    w = strokes.INTENSITY_WIDTH
    assert w[Intensity.gentle] < w[Intensity.dosed] < w[Intensity.moderate] < w[Intensity.intense]
    assert {ln.side for ln in REGIONS["lumbar"].lines} == {Side.left, Side.right}
