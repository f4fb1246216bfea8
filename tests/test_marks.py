"""The marks of every view as plain geometry (``bd.marks``), and the invariants the plates must keep: no mark on the
spinous processes, no percussion over the kidneys or the sacrum, the force of a mark by line and technique. The
invariants run without matplotlib; a few checks at the end compare the drawing with the same geometry."""

from __future__ import annotations

import pytest

import backdata as bd
from backdata import LANDMARKS, REGIONS, Intensity, Mode, Side, Technique
from backdata.core.geometry import contains, distance_to_polyline
from backdata.core.source import quote_problem
from backdata.method.anatomy import SPINOUS_BAND_HALF_WIDTH
from backdata.method.techniques import TECHNIQUES

VIEWS = [(name, m, i) for name, reg in REGIONS.items() for m in Mode for i in range(len(reg.steps) + 1)]
VIEW_IDS = [f"{n}-{m.value}-{i}" for n, m, i in VIEWS]


# --- The API ------------------------------------------------------------------------------------------------------


def test_marks_is_public_and_plain_geometry():
    ms = bd.marks("lumbar", "hygienic", 4)
    assert isinstance(ms, tuple) and all(isinstance(m, bd.Mark) for m in ms)
    m = ms[0]
    assert (m.technique, m.number, m.side) == (Technique.kneading, 1, Side.right)
    assert isinstance(m.intensity, Intensity)
    assert m.points and all(isinstance(p, bd.Point) for p in m.points)
    assert {(m.number, m.side) for m in ms} == {(n, s) for n in range(1, 6) for s in Side}


def test_the_lines_view_is_every_line_without_a_technique():
    for name, reg in REGIONS.items():
        ms = bd.marks(name, "hygienic", 0)
        assert {m.line.label for m in ms} == {ln.label for ln in reg.lines}
        assert all(m.technique is None and m.intensity is m.line.intensity for m in ms)


@pytest.mark.parametrize("name", list(REGIONS))
def test_the_mode_changes_the_times_not_the_marks(name):
    for i in range(len(REGIONS[name].steps) + 1):
        assert bd.marks(name, "hygienic", i) == bd.marks(name, Mode.therapeutic, i)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lumbr", "hygienic", 1), "unknown region 'lumbr': did you mean 'lumbar'?"),
        (("lumbar", "hygenic", 1), "unknown mode 'hygenic': did you mean 'hygienic'?"),
        (("lumbar", "hygienic", 7), "valid 0–6 for region 'lumbar'"),
        (("lumbar", "hygienic", -1), "valid 0–6 for region 'lumbar'"),
        (("lumbar", "hygienic", True), "step must be a whole number"),
        (("lumbar", "hygienic", 1.0), "step must be a whole number"),
        (("lumbar", "hygienic", "1"), "step must be a whole number"),
        ((5, "hygienic", 1), "region"),
    ],
)
def test_marks_refuses_wrong_arguments(args, message):
    with pytest.raises(bd.BackdataError, match=message):
        bd.marks(*args)


def test_importing_marks_needs_no_matplotlib():
    import subprocess
    import sys

    code = "import sys, backdata as bd; bd.marks('collar', 'hygienic', 4); print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# --- Invariants over every region × mode × step × mark ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "mode", "step"), VIEWS, ids=VIEW_IDS)
def test_no_mark_enters_the_spinous_band(name, mode, step):
    """Source line 32: pressure on the spinous processes must be avoided, as in any other techniques. Every point
    of every mark (loops, spirals, zigzags, dots, arrowheads) lies outside the band."""
    for m in bd.marks(name, mode, step):
        worst = min(abs(p.x) for p in m.points)
        assert worst >= SPINOUS_BAND_HALF_WIDTH - 1e-9, (m.line.label, m.technique, worst)


@pytest.mark.parametrize(("name", "mode", "step"), VIEWS, ids=VIEW_IDS)
def test_left_marks_mirror_the_right(name, mode, step):
    ms = {(m.number, m.side): m for m in bd.marks(name, mode, step)}
    for (n, side), m in ms.items():
        if side is Side.right:
            other = ms[(n, Side.left)]
            assert [(-p.x, p.y) for p in m.points] == [(p.x, p.y) for p in other.points]


def _percussion_zones():
    return [LANDMARKS[k].points for k in TECHNIQUES[Technique.percussion].keep_off]


def test_percussion_keeps_off_the_kidneys_and_the_sacrum():
    assert set(TECHNIQUES[Technique.percussion].keep_off) == {"kidney_right", "kidney_left", "sacrum"}
    seen = 0
    for name, mode, step in VIEWS:
        for m in bd.marks(name, mode, step):
            if m.technique is not Technique.percussion:
                continue
            seen += 1
            for p in m.points:
                assert not any(contains(z, p) for z in _percussion_zones()), (name, m.line.label, p)


def test_percussion_cuts_the_mark_not_the_line():
    """Lumbar line 5 starts over the sacrum: its guide stays whole, its dots begin beside the sacrum."""
    step = next(i for i, s in enumerate(REGIONS["lumbar"].steps, 1) if s.technique is Technique.percussion)
    sacrum = LANDMARKS["sacrum"].points
    (m,) = [m for m in bd.marks("lumbar", "hygienic", step) if m.line.label == "5R"]
    assert contains(sacrum, m.guide[0]), "the line itself starts over the sacrum"
    assert m.dots and not any(contains(sacrum, p) for p in m.dots)
    assert m.guide == m.line.points


def test_other_techniques_are_not_cut():
    """Only percussion keeps off the kidneys: kneading works over lumbar lines 1–2, with a dosed force."""
    for m in bd.marks("lumbar", "hygienic", 4):
        assert len(m.paths) == 1
        if m.number in (1, 2):
            assert m.intensity is Intensity.dosed


# --- The force of a mark -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "mode", "step"), [v for v in VIEWS if v[2]], ids=[i for v, i in zip(VIEWS, VIEW_IDS) if v[2]]
)
def test_force_is_the_rule_by_line_technique_and_step(name, mode, step):
    st = REGIONS[name].steps[step - 1]
    for m in bd.marks(name, mode, step):
        expected = bd.mark_intensity(m.line.intensity, st.technique, st.intensity)
        assert m.intensity is expected
        assert m.intensity.rank <= m.line.intensity.rank
        cap = TECHNIQUES[st.technique].max_intensity
        assert cap is None or m.intensity.rank <= cap.rank


def test_stroking_is_never_above_moderate():
    """Stroking is the lightest technique (rubbing is "a little more intensely", line 121)."""
    for name, mode, step in VIEWS:
        for m in bd.marks(name, mode, step):
            if m.technique is Technique.stroking:
                assert m.intensity.rank <= Intensity.moderate.rank, (name, step, m.line.label)


def test_lumbar_and_neck_stroking_is_gentle():
    """Source line 115: "In the lumbar and neck areas, more gentle and gentle movements should be performed"."""
    for name in ("lumbar", "collar"):
        for i, st in enumerate(REGIONS[name].steps, 1):
            if st.technique is Technique.stroking:
                assert {m.intensity for m in bd.marks(name, "hygienic", i)} == {Intensity.gentle}


def test_the_line_force_shows_in_the_deeper_techniques():
    """Source line 103: lines 4–5 more intense, lines 1–2 dosed: kept for kneading."""
    force = {m.number: m.intensity for m in bd.marks("lumbar", "hygienic", 4)}
    assert force[4] is force[5] is Intensity.intense and force[1] is force[2] is Intensity.dosed


def test_mark_intensity_rule():
    assert bd.mark_intensity(Intensity.intense, "stroking") is Intensity.moderate
    assert bd.mark_intensity(Intensity.intense, Technique.kneading) is Intensity.intense
    assert bd.mark_intensity(Intensity.intense, "kneading", Intensity.dosed) is Intensity.dosed
    assert bd.mark_intensity(Intensity.gentle, "kneading", Intensity.intense) is Intensity.gentle
    assert bd.mark_intensity(Intensity.moderate, "vibration") is Intensity.gentle  # "with minimal contact"


def test_the_caps_are_cited():
    cites = [(t, i.max_intensity_cite) for t, i in TECHNIQUES.items() if i.max_intensity is not None]
    cites += [(t, i.keep_off_cite) for t, i in TECHNIQUES.items() if i.keep_off]
    cites += [(s, s.intensity_cite) for r in REGIONS.values() for s in r.steps if s.intensity is not None]
    assert cites
    for what, cite in cites:
        assert cite is not None, what
        assert quote_problem(cite) is None, (what, quote_problem(cite))
    assert all(k in LANDMARKS for i in TECHNIQUES.values() for k in i.keep_off)


# --- The notes the plates need -------------------------------------------------------------------------------------


def test_lumbar_line_1_explains_its_start_above_the_watershed():
    ln = REGIONS["lumbar"].lines_numbered(1)[0]
    assert ln.start.y < bd.LEVELS["L2"] < ln.end.y
    assert 89 in ln.cite.lines and "watershed" in ln.cite.reference
    assert "watershed" in REGIONS["lumbar"].purpose and "groin" in REGIONS["lumbar"].purpose


# --- The plates draw this geometry ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def draw():
    from backdata.views import draw as module

    return module


@pytest.mark.parametrize("name", list(REGIONS))
def test_the_plates_draw_the_same_geometry(draw, name):
    import matplotlib.pyplot as plt
    import numpy as np

    fig, view = draw.region_figure(name)
    for i in range(len(REGIONS[name].steps) + 1):
        for m in bd.marks(name, "hygienic", i):
            arts = view.line_artists[(i, m.line.label)]
            drawn = [np.column_stack(a.get_data()) for a in arts[: len(m.paths)]]
            for path, xy in zip(m.paths, drawn):
                assert np.allclose(xy, [(p.x, p.y) for p in path])
            tris = [p.vertices[:3] for p in arts[-1].get_paths()]
            assert len(tris) == len(m.heads)
            for tri, head in zip(tris, m.heads):
                assert np.allclose(tri, [(p.x, p.y) for p in head])
    plt.close(fig)


def test_a_step_shows_only_the_numbers_of_its_lines(draw):
    """Preliminary squeezing and rubbing work along lines 1–4: the badges of the transverse lines 5–8 are hidden."""
    import matplotlib.pyplot as plt

    fig, view = draw.region_figure("preliminary")
    reg = REGIONS["preliminary"]
    for i in range(len(reg.steps) + 1):
        view.set_step(i)
        used = set(reg.line_numbers() if i == 0 else reg.steps[i - 1].lines)
        shown = {int(label[:-1]) for label, b in view.badges.items() if b.get_visible()}
        assert shown == used, (i, shown)
    plt.close(fig)


def test_badge_layers_in_the_svg():
    from backdata.views.layers import badge_layer, parse_layer
    from backdata.views.svg import layered_figure

    lf = layered_figure("preliminary")
    assert {badge_layer(n) for n in range(1, 9)} <= set(lf.layers)
    assert parse_layer("b-3").kind == "badge" and parse_layer("b-3").line == 3
    squeeze = lf.visible[(Mode.hygienic, 3)]
    assert badge_layer(1) in squeeze and badge_layer(5) not in squeeze
    assert 'id="bd-preliminary-b-5-0"' in lf.svg
    assert 'g[id^="bd-preliminary-b-5-"]' in lf.css("hygienic", 3)


def test_the_inguinal_nodes_say_they_lie_in_front(draw):
    import matplotlib.pyplot as plt

    fig, view = draw.region_figure("lumbar")
    texts = [a.get_text() for a in view.back["nodes"] if hasattr(a, "get_text")]
    assert any("inguinal" in t and "groin" in t and "front" in t for t in texts)
    plt.close(fig)


def test_marks_stay_near_their_line():
    for name, mode, step in VIEWS:
        for m in bd.marks(name, mode, step):
            for p in m.points:
                assert distance_to_polyline(p, m.guide) < 0.07
