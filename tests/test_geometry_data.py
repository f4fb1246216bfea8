"""Geometry of the back model: the outline, the vertebral levels, the landmarks and every stroke line.

Frame (backdata.core.model): x = 0 on the spinous processes, x > 0 the patient's right; y = 0 at C7, y = 1 at the
iliac crests, y grows toward the feet; unit L = C7 to the crests. Anatomical figures: shared/reference/anatomy.md.
"""

from __future__ import annotations

import math

import pytest

from backdata import CAUTIONS, LANDMARKS, LEVELS, NODE_TARGETS, OUTLINE, REGIONS, Point, Side, Target, Technique, arms
from backdata.core.geometry import clip_below, contains, point_at, polygon_area
from backdata.core.model import StrokeKind
from backdata.method.anatomy import CITED_LEVELS, SPINOUS_BAND_HALF_WIDTH, WAIST_WATERSHED_Y, cm

ALL_LINES = [(reg, ln) for reg in REGIONS.values() for ln in reg.lines]
LINE_IDS = [f"{reg.name}-{ln.label}" for reg, ln in ALL_LINES]


def dense(points, n=60):
    """Points along a path, every 1/n of its length, ends included: checks the segments, not only vertices."""
    return [point_at(points, k / n) for k in range(n + 1)]


def width_at(y: float) -> float:
    """Width of the outline at height y."""
    xs = []
    for i, a in enumerate(OUTLINE):
        b = OUTLINE[(i + 1) % len(OUTLINE)]
        if (a.y > y) != (b.y > y):
            xs.append(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y))
    return max(xs) - min(xs)


def turning_deg(a, b, c) -> float:
    u, v = (b.x - a.x, b.y - a.y), (c.x - b.x, c.y - b.y)
    return abs(math.degrees(math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1])))


def _segments_cross(p1, p2, p3, p4) -> bool:
    def orient(a, b, c):
        return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)

    d1, d2 = orient(p3, p4, p1), orient(p3, p4, p2)
    d3, d4 = orient(p1, p2, p3), orient(p1, p2, p4)
    return d1 * d2 < 0 and d3 * d4 < 0


def step(reg_name, technique, label_part=""):
    matches = [s for s in REGIONS[reg_name].steps if s.technique is technique and label_part in s.title]
    assert len(matches) == 1, (reg_name, technique, label_part)
    return matches[0]


def lines_of(reg_name, step_):
    reg = REGIONS[reg_name]
    return [ln for n in step_.lines for ln in reg.lines_numbered(n)]


# --- The outline -------------------------------------------------------------------------------------------


def test_outline_is_a_closed_simple_polygon_with_many_points():
    """More than 100 points, the first not repeated, no edge crossing another, a positive area."""
    assert len(OUTLINE) > 100
    assert OUTLINE[0] != OUTLINE[-1]
    assert len(set(OUTLINE)) == len(OUTLINE)
    n = len(OUTLINE)
    edges = [(OUTLINE[i], OUTLINE[(i + 1) % n]) for i in range(n)]
    crossings = [
        (i, j)
        for i in range(n)
        for j in range(i + 2, n)
        if not (i == 0 and j == n - 1) and _segments_cross(*edges[i], *edges[j])
    ]
    assert crossings == []
    assert polygon_area(OUTLINE) > 0.5


def test_outline_is_smooth_except_where_the_figure_is_cut():
    """No turn above 60° along the sides; the only sharp corners are the 2 of the cut at the neck (the bottom is
    the buttocks, rounded, meeting at the cleft: issue 11 replaced the straight cut below the hips)."""
    n = len(OUTLINE)
    top = min(p.y for p in OUTLINE)
    sharp = [OUTLINE[i] for i in range(n) if turning_deg(OUTLINE[i - 1], OUTLINE[i], OUTLINE[(i + 1) % n]) > 60]
    assert len(sharp) == 2
    assert [p.y for p in sharp] == [top, top]
    side = [p for p in OUTLINE if p.x > 0]
    side_turns = [turning_deg(side[i - 1], side[i], side[i + 1]) for i in range(1, len(side) - 1)]
    assert max(side_turns) < 30


def test_outline_is_symmetric_about_the_spine():
    """Every point has its mirror image on the outline (x -> -x)."""
    pts = {(round(p.x, 9), round(p.y, 9)) for p in OUTLINE}
    assert {(round(-x, 9), y) for x, y in pts} == pts
    assert sum(p.x > 0 for p in OUTLINE) == sum(p.x < 0 for p in OUTLINE)


def test_outline_widths_follow_ansur_proportions():
    """Shoulders (bideltoid 1.12 L, across the deltoids of the arms lying along the body) wider than the waist
    (0.71 L, men), the waist narrower than the hips (0.76 L)."""
    ys = [k / 200 for k in range(-40, 281)]
    shoulders = 2 * max(p.x for p in arms("male")[0] if 0.0 < p.y < 0.45)  # bideltoid: over the arms (issue 11)
    waist = min(width_at(y) for y in ys if 0.6 < y < 1.0)
    hips = max(width_at(y) for y in ys if 1.0 < y < 1.35)
    assert shoulders > waist < hips
    assert shoulders == pytest.approx(1.12, abs=0.04)
    assert waist == pytest.approx(0.71, abs=0.04)
    assert hips == pytest.approx(0.76, abs=0.04)


def test_waist_is_narrowest_near_the_l2_watershed():
    """The narrowest part between the ribs and the hips lies near L2 (anatomy.md: waist watershed at L2)."""
    ys = [0.6 + k / 200 for k in range(0, 81)]
    narrowest = min(ys, key=width_at)
    assert abs(narrowest - LEVELS["L2"]) < 0.1


def test_outline_is_not_a_rectangle():
    """The outline fills clearly less than its bounding box and has many different widths."""
    xs, ys = [p.x for p in OUTLINE], [p.y for p in OUTLINE]
    box = (max(xs) - min(xs)) * (max(ys) - min(ys))
    assert polygon_area(OUTLINE) < 0.85 * box
    assert len({round(width_at(y), 2) for y in (-0.2, 0.1, 0.26, 0.5, 0.8, 1.2)}) >= 5


def test_contains_on_simple_shapes():
    """geometry.contains: inside, outside, and the back's centre is inside the outline."""
    square = (Point(0, 0), Point(1, 0), Point(1, 1), Point(0, 1))
    assert contains(square, Point(0.5, 0.5))
    assert not contains(square, Point(1.5, 0.5))
    assert contains(OUTLINE, Point(0.0, 0.5))
    assert not contains(OUTLINE, Point(0.9, 0.5))


# --- Vertebral levels --------------------------------------------------------------------------------------


def test_levels_run_from_c1_to_the_coccyx_in_order():
    """C1 < … < C7 < T1 < … < T12 < L1 < … < L5 < S1 < … < S5 < Co, y growing toward the feet."""
    names = (
        [f"C{i}" for i in range(1, 8)]
        + [f"T{i}" for i in range(1, 13)]
        + [f"L{i}" for i in range(1, 6)]
        + [f"S{i}" for i in range(1, 6)]
        + ["Co"]
    )
    assert list(LEVELS) == names
    ys = [LEVELS[n] for n in names]
    assert all(a < b for a, b in zip(ys, ys[1:]))


def test_levels_fix_the_frame():
    """y = 0 at C7, y = 1 at the crests (supracristal line at L4), cervical levels above 0."""
    assert LEVELS["C7"] == 0
    assert LEVELS["L4"] == pytest.approx(1.0)
    assert all(LEVELS[f"C{i}"] < 0 for i in range(1, 7))
    assert LEVELS["C1"] == pytest.approx(-0.27, abs=0.03)  # about 0.27 L of neck


@pytest.mark.parametrize(
    "name, y",
    [
        ("T1", 0.04),
        ("T2", 0.10),
        ("T3", 0.16),
        ("T6", 0.33),
        ("T7", 0.38),
        ("T8", 0.44),
        ("T11", 0.61),
        ("T12", 0.67),
        ("L1", 0.74),
        ("L2", 0.83),
        ("L3", 0.91),
        ("L5", 1.09),
        ("S2", 1.23),
    ],
)
def test_cited_levels_match_anatomy_reference(name, y):
    """The levels anatomy.md gives (Gray 1918 segment lengths)."""
    assert CITED_LEVELS[name] == pytest.approx(y)
    assert LEVELS[name] == pytest.approx(y)


# --- Landmarks (anatomy.md) --------------------------------------------------------------------------------


def _y(key):
    return LANDMARKS[key].points[0].y


def test_t12_midway_between_scapula_angle_and_crest():
    """Check from anatomy.md: T12 sits about midway between the inferior angle of the scapula and the crest."""
    angle = _y("scapula_inferior_angle_right")
    crest = LEVELS["L4"]
    assert abs(LEVELS["T12"] - (angle + crest) / 2) < 0.05


def test_scapula_landmarks_at_their_levels():
    """Superior angle at T2, root of the spine at T3 (Netter), inferior angle at T7, in the lower half of T7's
    interval toward T8 (issue 11: the level taught; Haneline 2007 finds it nearer T8 upright)."""
    for side in ("right", "left"):
        assert _y(f"scapula_superior_angle_{side}") == pytest.approx(LEVELS["T2"], abs=0.01)
        assert _y(f"scapula_spine_{side}") == pytest.approx(LEVELS["T3"], abs=0.01)
        assert LEVELS["T7"] <= _y(f"scapula_inferior_angle_{side}") < (LEVELS["T7"] + LEVELS["T8"]) / 2


def test_scapula_medial_border_about_5_cm_from_the_spine():
    """Medial border about 5 cm (0.11 L) from the spinous processes (Hoppenfeld; Kendall), range 3–5 cm."""
    border = LANDMARKS["scapula_medial_border_right"].points[:2]
    for p in border:
        assert cm(3.0) - 0.005 <= p.x <= cm(5.0) + 0.01


def test_kidneys_from_t11_t12_to_l3_the_right_lower():
    """Kidneys span T11/T12 to L3, 2.5–9.5 cm from the midline; the right one about 1.25 cm lower (Gray)."""
    tops, mids = {}, {}
    for side, sign in (("right", 1), ("left", -1)):
        pts = LANDMARKS[f"kidney_{side}"].points
        ys, xs = [p.y for p in pts], [sign * p.x for p in pts]
        assert LEVELS["T11"] - 0.02 <= min(ys) <= LEVELS["T12"] + 0.02
        assert max(ys) == pytest.approx(LEVELS["L3"], abs=0.04)
        assert min(xs) == pytest.approx(cm(2.5), abs=0.01)
        assert max(xs) == pytest.approx(cm(9.5), abs=0.01)
        tops[side], mids[side] = min(ys), sum(ys) / len(ys)
    assert tops["right"] > tops["left"]
    assert mids["right"] - mids["left"] == pytest.approx(cm(1.25), abs=0.01)


def test_ribs_11_and_12_meet_the_spine_at_their_levels():
    """The 11th and 12th ribs start beside T11 and T12 and slope downward laterally (Gray)."""
    for n in (11, 12):
        pts = LANDMARKS[f"rib{n}_right"].points
        assert pts[0].y == pytest.approx(LEVELS[f"T{n}"], abs=0.01)
        assert pts[-1].y > pts[0].y and pts[-1].x > pts[0].x


def test_psis_at_s2_about_5_cm_out():
    """Posterior superior iliac spines: the line through S2, about 5 cm from the midline (Netter; Moore)."""
    for side, sign in (("right", 1), ("left", -1)):
        p = LANDMARKS[f"psis_{side}"].points[0]
        assert p.y == pytest.approx(LEVELS["S2"])
        assert sign * p.x == pytest.approx(cm(5.0), abs=0.005)


def test_waist_watershed_at_l2():
    """Sappey: a horizontal watershed around the waist, at about L2 behind."""
    assert LEVELS["L2"] == WAIST_WATERSHED_Y
    assert {p.y for p in LANDMARKS["waist_watershed"].points} == {LEVELS["L2"]}


def test_every_landmark_point_lies_on_the_back():
    """Landmark points are inside the outline; the waist watershed spans the waist from edge to edge."""
    edge_to_edge = {"spinous_band", "waist_watershed"}
    outside = [
        (m.key, p)
        for m in LANDMARKS.values()
        for p in m.points
        if m.key not in edge_to_edge and not contains(OUTLINE, p)
    ]
    assert outside == []
    ends = LANDMARKS["waist_watershed"].points
    assert abs(ends[0].x - ends[-1].x) == pytest.approx(width_at(WAIST_WATERSHED_Y), abs=0.02)


def test_scapula_spine_runs_from_its_root_to_the_acromion():
    """The spine of the scapula runs from its root (T3, Netter) out to the acromion, the scapula's lateral tip."""
    spine = LANDMARKS["scapula_spine_right"].points
    blade = LANDMARKS["scapula_right"].points
    acromion = max(blade, key=lambda p: p.x)  # the most lateral point of the blade
    assert spine[0] in blade and spine[-1] == acromion


def test_spinous_band_is_about_2_cm_each_side():
    """The band of the spinous processes: strokes run beside them, about 2 cm out (anatomy.md; line 32)."""
    assert pytest.approx(cm(2.0), abs=1e-3) == SPINOUS_BAND_HALF_WIDTH
    band = LANDMARKS["spinous_band"].points
    assert {round(abs(p.x), 6) for p in band} == {round(SPINOUS_BAND_HALF_WIDTH, 6)}


# --- Every stroke line -------------------------------------------------------------------------------------


@pytest.mark.parametrize("reg, ln", ALL_LINES, ids=LINE_IDS)
def test_line_inside_the_back_and_its_region(reg, ln):
    """Every point of every line (vertices and along the segments) is on the back and in one of its region's zones."""
    assert len(ln.points) >= 2
    for p in dense(ln.points):
        assert contains(OUTLINE, p), p
        assert any(contains(z, p) for z in reg.zones), p


@pytest.mark.parametrize("reg, ln", ALL_LINES, ids=LINE_IDS)
def test_line_keeps_off_the_spinous_processes(reg, ln):
    """Source line 32: pressure on the spinous processes must be avoided, as in any other techniques."""
    assert all(abs(p.x) >= SPINOUS_BAND_HALF_WIDTH for p in dense(ln.points))


@pytest.mark.parametrize("reg", list(REGIONS.values()), ids=list(REGIONS))
def test_lines_are_mirror_symmetric(reg):
    """Each numbered line exists on both sides, the left the mirror of the right (line 31: symmetrical lines)."""
    for n in reg.line_numbers():
        pair = {ln.side: ln for ln in reg.lines_numbered(n)}
        assert set(pair) == {Side.right, Side.left}
        right, left = pair[Side.right], pair[Side.left]
        assert tuple(p.mirrored() for p in right.points) == left.points
        assert all(p.x > 0 for p in right.points)
        assert (right.kind, right.intensity, right.target) == (left.kind, left.intensity, left.target)


@pytest.mark.parametrize(
    "reg, ln",
    [(r, ln) for r, ln in ALL_LINES if (ln.target, ln.side) in NODE_TARGETS],
    ids=[i for (r, ln), i in zip(ALL_LINES, LINE_IDS) if (ln.target, ln.side) in NODE_TARGETS],
)
def test_lines_run_toward_their_nodes(reg, ln):
    """A stroke ends nearer its node group than it starts (anatomy.md: strokes run toward the nearest nodes)."""
    node = NODE_TARGETS[(ln.target, ln.side)]
    assert ln.end.distance(node) < ln.start.distance(node)


@pytest.mark.parametrize(
    "reg, ln",
    [(r, ln) for r, ln in ALL_LINES if ln.target in (Target.axillary, Target.inguinal)],
    ids=[i for (r, ln), i in zip(ALL_LINES, LINE_IDS) if ln.target in (Target.axillary, Target.inguinal)],
)
def test_lines_end_on_the_side_of_the_watershed_they_drain_to(reg, ln):
    """Sappey: above the L2 watershed the skin drains to the armpit, below it to the groin."""
    if ln.target is Target.axillary:
        assert ln.end.y < WAIST_WATERSHED_Y
    else:
        assert ln.end.y > WAIST_WATERSHED_Y


def test_node_targets_lie_outside_the_back():
    """The axillary and inguinal nodes are in front: their marks sit just outside the outline."""
    for (target, _side), p in NODE_TARGETS.items():
        if target in (Target.axillary, Target.inguinal):
            assert not contains(OUTLINE, p)


# --- Region by region --------------------------------------------------------------------------------------


def test_lumbar_lines_run_laterally_and_down_to_the_groin(on_line):
    """Source line 89: the lines are directed laterally from the spine towards the inguinal lymph nodes."""
    on_line(89, "directed laterally from the spine towards the inguinal lymph nodes")
    lumbar = REGIONS["lumbar"]
    assert len(lumbar.line_numbers()) >= 5  # line 103 names lines 4 and 5
    for ln in lumbar.lines:
        assert ln.target is Target.inguinal
        assert ln.cite.lines == (89,)
        pts = ln.points
        assert all(abs(b.x) > abs(a.x) for a, b in zip(pts, pts[1:])), ln.label
        assert all(b.y > a.y for a, b in zip(pts, pts[1:])), ln.label


def test_lumbar_lines_start_beside_the_spine():
    """They start beside the lumbar spine and the sacrum, L1 downward (line 89: L1–L5 and the sacrum)."""
    lumbar = REGIONS["lumbar"]
    for ln in lumbar.lines:
        assert abs(ln.start.x) < 0.1
        assert ln.start.y >= LEVELS["L1"] - 0.01
    assert min(ln.start.y for ln in lumbar.lines) < LEVELS["L2"]
    assert max(ln.start.y for ln in lumbar.lines) > LEVELS["S1"]


def test_collar_vibration_not_above_c6(on_line):
    """Source line 82: vibration no higher than the 6th cervical vertebra; clipping the lines at C6 keeps it so."""
    on_line(82, "no higher than the 6th cervical vertebra")
    vib = step("collar", Technique.vibration)
    assert vib.upper_level == "C6"
    c6 = LEVELS[vib.upper_level]
    lines = lines_of("collar", vib)
    assert lines
    assert any(p.y < c6 for ln in lines for p in ln.points)  # the clip is meaningful
    for ln in lines:
        clipped = clip_below(ln.points, c6)
        assert len(clipped) >= 2, ln.label
        assert all(p.y >= c6 - 1e-12 for p in clipped)


def test_clip_below_cuts_where_the_path_crosses():
    """geometry.clip_below keeps the part at or below a level and adds the crossing point."""
    path = (Point(0.1, -0.2), Point(0.1, 0.0), Point(0.3, 0.2))
    assert clip_below(path, -0.1) == (Point(0.1, -0.1), Point(0.1, 0.0), Point(0.3, 0.2))
    assert clip_below(path, 0.5) == ()


def test_preliminary_longitudinal_lines_start_at_the_sacrum_and_run_up(on_line):
    """Source line 107: start from the sacrum area, smoothly moving upward (line 31: 3–4 lines)."""
    on_line(107, "start from the sacrum area, smoothly moving upward")
    along = step("preliminary", Technique.stroking, "along")
    lines = lines_of("preliminary", along)
    per_side = {ln.number for ln in lines}
    assert 3 <= len(per_side) <= 4
    for ln in lines:
        assert ln.kind is StrokeKind.longitudinal
        assert ln.start.y > LEVELS["L4"]
        assert ln.end.y < WAIST_WATERSHED_Y  # anatomy.md: above the waist they bend toward armpit and shoulder
        if ln.target is Target.shoulder_girdle:
            assert ln.end.y < LEVELS["T3"]
        assert all(b.y < a.y for a, b in zip(ln.points, ln.points[1:])), ln.label


def test_preliminary_transverse_lines_run_outward(on_line):
    """Source line 31: then stroking across the back — from the spine outward, level by level."""
    on_line(31, "Then stroking across the back")
    across = step("preliminary", Technique.stroking, "across")
    lines = lines_of("preliminary", across)
    assert {ln.kind for ln in lines} == {StrokeKind.transverse}
    for ln in lines:
        assert all(abs(b.x) > abs(a.x) for a, b in zip(ln.points, ln.points[1:]))
    levels = sorted({ln.start.y for ln in lines})
    assert len(levels) >= 3 and levels[0] < LEVELS["T7"] and levels[-1] > LEVELS["L2"]


def test_lower_thoracic_lines_between_t7_and_t12_outward_along_the_ribs(on_line):
    """Source line 39: T7 to T12; anatomy.md: outward along the ribs (intercostal spaces) toward the armpit. The
    ribs run down and out from the spine (Gray), so the lines do too over the rib part (all but the last segment,
    which turns up the side of the chest): each within 20° of the drawn rib at its level (rib 11 for the lines
    that start above T11, rib 12 below), ending nearer the armpit than they start."""
    on_line(39, "from the seventh to the twelfth thoracic vertebrae")
    for ln in REGIONS["lower_thoracic"].lines:
        assert ln.target is Target.axillary
        assert LEVELS["T7"] - 0.01 <= ln.start.y <= LEVELS["T12"] + 0.02
        assert abs(ln.end.x) > abs(ln.start.x)
        rib = LANDMARKS[f"rib{11 if ln.start.y < LEVELS['T11'] + 0.01 else 12}_{ln.side.value}"].points
        angle = {
            k: math.degrees(math.atan2(pts[-1].y - pts[0].y, abs(pts[-1].x - pts[0].x)))
            for k, pts in (("line", ln.points[:-1]), ("rib", rib))
        }
        assert angle["line"] > 0, "down and out, as the ribs run"
        assert abs(angle["line"] - angle["rib"]) <= 20, (ln.label, angle)
        node = NODE_TARGETS[(Target.axillary, ln.side)]
        assert ln.end.distance(node) < ln.start.distance(node)


def test_lower_thoracic_lines_turn_up_the_side_of_the_chest_to_the_axilla():
    """From the side of the chest the lymph rises to the axillary nodes (Gray's Anatomy, the lymphatics of the
    trunk's back: to the axillary glands): each line's last segment runs up and out, within 45° of the straight
    way from its start to the axillary node of its side, and its arrow points there."""
    for ln in REGIONS["lower_thoracic"].lines:
        a, b = ln.points[-2], ln.points[-1]
        node = NODE_TARGETS[(Target.axillary, ln.side)]
        assert b.y < a.y and abs(b.x) > abs(a.x), "up and out"
        seg = math.atan2(b.y - a.y, b.x - a.x)
        way = math.atan2(node.y - a.y, node.x - a.x)
        turn = abs(math.degrees((seg - way + math.pi) % (2 * math.pi) - math.pi))
        assert turn < 45, (ln.number, ln.side, turn)


def test_collar_lines_start_at_the_neck_or_upper_thoracic_spine(on_line):
    """Source line 77: cervical and T1–T6; lines start at the hairline or beside the T1–T6 spine."""
    on_line(77, "cervical and 1-6 thoracic vertebrae")
    for ln in REGIONS["collar"].lines:
        assert abs(ln.start.x) < 0.1
        assert LEVELS["C1"] <= ln.start.y <= LEVELS["T6"]
        assert abs(ln.end.x) > abs(ln.start.x)
        assert all(p.y <= LEVELS["T6"] + 0.03 for p in ln.points)


def test_scapula_lines_lie_under_the_blade():
    """Source lines 63, 69: circles under the lifted blade and rubbing at its angle — local work on the scapula."""
    scap = REGIONS["scapula"]
    angle = LANDMARKS["scapula_inferior_angle_right"].points[0]
    for ln in scap.lines:
        assert ln.target is Target.local
        assert ln.kind is StrokeKind.circular
    rub_at_angle = next(ln for ln in scap.lines_numbered(2) if ln.side is Side.right)
    assert min(p.distance(angle) for p in rub_at_angle.points) < 0.06


def test_lumbar_dosed_lines_lie_over_the_organs_zone(on_line):
    """Source line 103: lines 1 and 2 over the internal organs (dosed); lines 4 and 5 are not in that zone."""
    on_line(103, "along lines 1 and 2 you need to dose the force of influence, since internal organs")
    zones = CAUTIONS["lumbar_organs"].zones
    lumbar = REGIONS["lumbar"]
    for n in (1, 2):
        for ln in lumbar.lines_numbered(n):
            assert all(any(contains(z, p) for z in zones) for p in ln.points)
    for n in (4, 5):
        for ln in lumbar.lines_numbered(n):
            assert not any(any(contains(z, p) for z in zones) for p in dense(ln.points))


@pytest.mark.parametrize("reg_name", ["lower_thoracic", "lumbar"])
def test_percussion_keeps_off_the_kidneys(reg_name):
    """No heavy percussion over the kidneys (anatomy.md cautions): the percussion lines never cross them."""
    kidneys = [LANDMARKS["kidney_right"].points, LANDMARKS["kidney_left"].points]
    perc = step(reg_name, Technique.percussion)
    for ln in lines_of(reg_name, perc):
        assert not any(contains(k, p) for k in kidneys for p in dense(ln.points)), ln.label
