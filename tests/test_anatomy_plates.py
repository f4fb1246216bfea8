"""Issue 11, anatomy right: kidneys, scapula, the body (male and female, arms along it, buttocks) and the
superficial muscles as cited data. On the data (no matplotlib) except the last few drawing checks."""

from __future__ import annotations

import math

import pytest

import backdata as bd
from backdata import LANDMARKS, LEVELS, MUSCLES, REGIONS
from backdata.core.errors import BackdataError
from backdata.core.geometry import contains, polygon_area
from backdata.method.anatomy import KIDNEY_TILT_DEG, SEXES, arms, cm, outline, unit_cm
from backdata.method.muscles import MUSCLE_ORDER
from backdata.views.theme import MUSCLE_TEXT

EDGE_TO_EDGE = {"spinous_band", "waist_watershed"}


def _pt(key):
    return LANDMARKS[key].points[0]


# --- Kidneys -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("side,sign", [("right", 1), ("left", -1)])
def test_kidney_upper_pole_nearer_the_midline_than_the_lower(side, sign):
    """The long axes converge superiorly (Moore, Clinically Oriented Anatomy; Gray's): upper pole medial."""
    pts = LANDMARKS[f"kidney_{side}"].points
    upper, lower = min(pts, key=lambda p: p.y), max(pts, key=lambda p: p.y)
    assert sign * upper.x < sign * lower.x
    assert sign * upper.x < cm(6.0) < sign * lower.x + 0.01
    assert 10 <= KIDNEY_TILT_DEG <= 20


def test_right_kidney_stays_lower_than_the_left():
    ys = {s: [p.y for p in LANDMARKS[f"kidney_{s}"].points] for s in ("right", "left")}
    assert min(ys["right"]) > min(ys["left"]) and max(ys["right"]) > max(ys["left"])


# --- Scapula -------------------------------------------------------------------------------------------------


def _between_levels(y, name):
    """The band of a vertebral level: from half-way to the level above to half-way to the one below."""
    names = list(LEVELS)
    i = names.index(name)
    return (LEVELS[names[i - 1]] + LEVELS[name]) / 2 <= y < (LEVELS[name] + LEVELS[names[i + 1]]) / 2


@pytest.mark.parametrize("side", ["right", "left"])
def test_scapula_angles_at_t2_and_t7_and_the_spine_root_at_t3(side):
    assert _between_levels(_pt(f"scapula_superior_angle_{side}").y, "T2")
    assert _between_levels(_pt(f"scapula_inferior_angle_{side}").y, "T7")
    root = LANDMARKS[f"scapula_spine_{side}"].points[0]
    assert root.y == pytest.approx(LEVELS["T3"], abs=0.5 * (LEVELS["T4"] - LEVELS["T3"]))
    assert root == LANDMARKS[f"scapula_medial_border_{side}"].points[0], "the root sits on the medial border"
    assert LANDMARKS[f"scapula_spine_{side}"].points[-1] == _pt(f"acromion_{side}")
    assert "T7" in LANDMARKS[f"scapula_inferior_angle_{side}"].name


@pytest.mark.parametrize("side", ["right", "left"])
def test_scapula_about_15_cm_tall(side):
    """Superior to inferior angle about 15 cm (adult scapula; ±1.5 cm), in the male frame's cm()."""
    top, bottom = _pt(f"scapula_superior_angle_{side}"), _pt(f"scapula_inferior_angle_{side}")
    blade = LANDMARKS[f"scapula_{side}"].points
    assert min(p.y for p in blade) == top.y and max(p.y for p in blade) == bottom.y
    assert top.distance(bottom) == pytest.approx(cm(15.0), abs=cm(1.5))


@pytest.mark.parametrize("side", ["right", "left"])
def test_scapula_lateral_border_is_steep(side):
    """From the inferior angle up and out to the glenoid: more than 55° from the horizontal."""
    border = LANDMARKS[f"scapula_lateral_border_{side}"].points
    top, angle = border[0], border[-1]
    assert angle == _pt(f"scapula_inferior_angle_{side}") and abs(top.x) > abs(angle.x) and top.y < angle.y
    assert math.degrees(math.atan2(angle.y - top.y, abs(top.x - angle.x))) > 55


# --- The body ------------------------------------------------------------------------------------------------


def test_male_outline_is_the_default():
    assert bd.OUTLINE == outline() == outline("male") == outline("men")
    assert bd.outline is outline and set(bd.SEXES) == {"male", "female"}
    with pytest.raises(BackdataError, match="valid: male, female"):
        outline("child")


def _half_width(poly, y):
    xs = [
        a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y)
        for a, b in zip(poly, poly[1:] + poly[:1], strict=True)
        if (a.y > y) != (b.y > y)
    ]
    return max(xs)


def test_female_shoulders_narrower_relative_to_the_hips():
    """ANSUR II: bideltoid about 1.12 L in both; hips 0.76 L (men) and 0.89 L (women); waist 0.71 / 0.75."""
    ratio = {}
    for sex in SEXES:
        o = outline(sex)
        hips = 2 * max(_half_width(o, 1.0 + k / 100) for k in range(0, 30))
        waist = 2 * min(_half_width(o, 0.6 + k / 100) for k in range(0, 35))
        shoulders = 2 * max(p.x for p in arms(sex)[0] if p.y < 0.45)
        ratio[sex] = shoulders / hips
        assert shoulders == pytest.approx(1.12, abs=0.04)
        assert hips == pytest.approx({"male": 0.76, "female": 0.89}[sex], abs=0.04)
        assert waist == pytest.approx({"male": 0.71, "female": 0.75}[sex], abs=0.04)
    assert ratio["female"] < ratio["male"] - 0.1
    assert unit_cm("female") == 40.0 and unit_cm("male") == 45.6


@pytest.mark.parametrize("sex", SEXES)
def test_arms_lie_along_the_body_beside_the_trunk(sex):
    """Source line 63: arms along the body, from the shoulder to the cut below the buttocks; beside the trunk
    (from the armpit down, no arm point inside the trunk), mirror images."""
    right, left = arms(sex)
    assert left == tuple(bd.Point(-p.x, p.y) for p in right)
    assert min(p.y for p in right) < LEVELS["T3"] and max(p.y for p in right) > LEVELS["S5"]
    trunk = outline(sex)
    assert not any(contains(trunk, p) for p in right if p.y > 0.45)
    assert polygon_area(right) > 0.1


@pytest.mark.parametrize("sex", SEXES)
def test_every_line_landmark_and_muscle_inside_either_body(sex):
    """The trunk holds every stroke line, landmark and muscle, for the male and the female body."""
    o = outline(sex)
    outside = [
        (r.name, ln.label, p) for r in REGIONS.values() for ln in r.lines for p in ln.points if not contains(o, p)
    ]
    outside += [
        (m.key, p) for m in LANDMARKS.values() if m.key not in EDGE_TO_EDGE for p in m.points if not contains(o, p)
    ]
    outside += [(m.key, p) for m in MUSCLES.values() for poly in m.outlines for p in poly if not contains(o, p)]
    assert outside == []


def test_lumbar_lines_4_5_run_onto_the_buttocks():
    """The outline's lower edge is the buttocks (cleft at the midline, rounded below): lines 4–5 end on them,
    below the iliac crest, line 5 over the upper gluteus maximus (line 4 ends above its upper border, over the
    gluteus medius under the gluteal fascia)."""
    crest = LANDMARKS["iliac_crest_right"].points
    glut = MUSCLES["gluteus_maximus"].outlines
    for ln in REGIONS["lumbar"].lines:
        if ln.number in (4, 5):
            crest_y = min(crest, key=lambda p: abs(abs(p.x) - abs(ln.end.x))).y
            assert ln.end.y > crest_y + 0.1, ln.label
        if ln.number == 5:
            assert any(contains(g, ln.end) for g in glut), ln.label
    assert LANDMARKS["gluteal_cleft"].points[0].y == LEVELS["Co"]
    assert max(p.y for p in bd.OUTLINE) > LEVELS["Co"] + 0.05


# --- Muscles -------------------------------------------------------------------------------------------------


def test_muscles_are_the_seven_asked_for_and_cited():
    names = " ".join(m.name.lower() for m in MUSCLES.values())
    for word in ("trapezius, upper", "trapezius, middle", "trapezius, lower", "latissimus", "erector spinae"):
        assert word in names
    for word in ("rhomboid", "levator scapulae", "gluteus maximus", "thoracolumbar fascia"):
        assert word in names
    assert sorted(MUSCLE_ORDER) == sorted(MUSCLES)
    for m in MUSCLES.values():
        assert m.cite.reference and not m.cite.editorial and ("Moore" in m.cite.reference or "Gray" in m.cite.reference)
        assert m.attachments and polygon_area(m.points) > 0.005
    assert bd.validate() == []


def _midline_span(key):
    ys = [p.y for p in MUSCLES[key].points if abs(p.x) < 0.025]
    return min(ys), max(ys)


def test_trapezius_spans_the_occiput_and_c7_to_t12_at_the_midline():
    top, _ = _midline_span("trapezius_upper")
    assert top < LEVELS["C1"]
    assert _midline_span("trapezius_middle") == (LEVELS["C7"], LEVELS["T3"])
    assert _midline_span("trapezius_lower") == (LEVELS["T3"], LEVELS["T12"])
    acromion = LANDMARKS["acromion_right"].points[0]
    assert acromion in MUSCLES["trapezius_middle"].points
    assert LANDMARKS["scapula_spine_right"].points[0] in MUSCLES["trapezius_lower"].points


def test_latissimus_from_t7_down_to_the_crest():
    top, bottom = _midline_span("latissimus_dorsi")
    assert (top, bottom) == (LEVELS["T7"], LEVELS["T12"])
    lowest = max(p.y for p in MUSCLES["latissimus_dorsi"].points)
    assert lowest == pytest.approx(LEVELS["L4"], abs=0.03), "to the iliac crest"
    assert max(p.x for p in MUSCLES["latissimus_dorsi"].points) > 0.4, "to the axilla"


def test_rhomboids_and_levator_to_the_medial_border():
    medial = set(LANDMARKS["scapula_medial_border_right"].points)
    assert medial <= set(MUSCLES["rhomboids"].points)
    assert _midline_span("rhomboids") == (LEVELS["C7"], LEVELS["T5"])
    lev = MUSCLES["levator_scapulae"].points
    assert min(p.y for p in lev) == LEVELS["C1"]
    assert max(p.y for p in lev) < LANDMARKS["scapula_spine_right"].points[0].y


def test_erector_spinae_beside_the_spinous_band_and_fascia_across_it():
    from backdata.method.anatomy import SPINOUS_BAND_HALF_WIDTH

    assert min(p.x for p in MUSCLES["erector_spinae"].points) >= SPINOUS_BAND_HALF_WIDTH
    fascia = MUSCLES["thoracolumbar_fascia"]
    assert not fascia.paired and len(fascia.outlines) == 1
    assert min(p.x for p in fascia.points) < 0 < max(p.x for p in fascia.points)


# --- Drawing -------------------------------------------------------------------------------------------------


def test_region_figure_takes_sex_and_muscles():
    import matplotlib.pyplot as plt

    from backdata import draw

    with draw.style("print"):
        fig, view = draw.region_figure("lumbar", sex="female", muscles=True)
        assert len(view.back["arms"]) == 2
        n_muscles = sum(len(m.outlines) for m in MUSCLES.values())
        assert len(view.back["muscles"]) == n_muscles
        plt.close(fig)
        fig, view = draw.region_figure("lumbar")
        assert view.back["muscles"] == []
        plt.close(fig)
        with pytest.raises(BackdataError):
            draw.region_figure("lumbar", sex="x")
        with pytest.raises(BackdataError):
            draw.region_figure("lumbar", muscles="yes")


@pytest.mark.parametrize("style", ["projector", "print"])
def test_muscles_view_names_every_muscle_inside_the_figure(style):
    import matplotlib.pyplot as plt

    from backdata import draw

    with draw.style(style):
        for sex in SEXES:
            fig = draw.muscles_figure(sex=sex)
            fig.canvas.draw()
            texts = [t for t in fig.axes[0].texts if t.get_color() == MUSCLE_TEXT]
            assert len(texts) == len(MUSCLES)
            box = fig.bbox
            for t in texts:
                b = t.get_window_extent()
                assert box.x0 <= b.x0 and b.x1 <= box.x1 and box.y0 <= b.y0 and b.y1 <= box.y1, t.get_text()
            plt.close(fig)
