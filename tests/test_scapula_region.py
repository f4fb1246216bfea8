"""Issue 11: the region "under the shoulder blade" follows the bone (method/anatomy.py, the scapula's landmarks):
the circles of line 63 run along, just medial to, the lifted medial border between T3 and T7, the rubbing of
line 69 sits at the inferior angle, and the zone covers the blade. On the data, without matplotlib."""

from __future__ import annotations

import pytest

from backdata import LANDMARKS, LEVELS, REGIONS, Side, Technique
from backdata.core.geometry import contains, point_at
from backdata.method.anatomy import SPINOUS_BAND_HALF_WIDTH, cm

SCAPULA = REGIONS["scapula"]
UNDER_BORDER = cm(1.0)
"""How far medial to the medial border the circles are drawn (the method file: a finger's breadth)."""
AT_ANGLE = cm(1.4)
"""How far outside the bone the rubbing at the inferior angle is drawn (the method file)."""
SIDES = [Side.right, Side.left]


def _line(number, side):
    return next(ln for ln in SCAPULA.lines_numbered(number) if ln.side is side)


def _dense(points, n=80):
    return [point_at(points, k / (n - 1)) for k in range(n)]


def _border_x(y, side):
    """|x| of the medial border at height y (linear between its landmark points)."""
    border = LANDMARKS[f"scapula_medial_border_{side.value}"].points
    for a, b in zip(border, border[1:]):
        if a.y <= y <= b.y:
            return abs(a.x) + (abs(b.x) - abs(a.x)) * (y - a.y) / (b.y - a.y)
    raise AssertionError(f"y={y} is off the medial border")


def _angle(side):
    return LANDMARKS[f"scapula_inferior_angle_{side.value}"].points[0]


def test_the_steps_are_the_circles_of_line_63_and_the_rubbing_of_line_69(on_line):
    on_line(63, "performs circular massage movements under the shoulder blade")
    on_line(69, "rubbing is performed at the angle of the shoulder blade")
    circles, rubbing = SCAPULA.steps
    assert circles.lines == (1,) and circles.cite.lines == (63,)
    assert rubbing.lines == (2,) and rubbing.cite.lines == (69,)
    assert circles.technique is rubbing.technique is Technique.rubbing


@pytest.mark.parametrize("side", SIDES, ids=lambda s: s.value)
def test_circles_lie_along_just_medial_to_the_medial_border_between_t3_and_t7(side):
    """Line 63: the fingers circle under the lifted blade's medial border: every point of line 1 (along its
    segments too) lies on the border or at most 2 cm medial to it, between T3 and T7, spanning T4 to T6."""
    ln = _line(1, side)
    for p in _dense(ln.points):
        assert LEVELS["T3"] <= p.y <= LEVELS["T7"], p
        medial = _border_x(p.y, side) - abs(p.x)
        assert 0.0 <= medial <= cm(2.0), (p, medial)
        assert abs(p.x) > SPINOUS_BAND_HALF_WIDTH + cm(1.0), "well off the spinous processes"
    ys = [p.y for p in ln.points]
    assert min(ys) <= LEVELS["T4"] and max(ys) >= LEVELS["T6"]


@pytest.mark.parametrize("side", SIDES, ids=lambda s: s.value)
def test_rubbing_line_is_at_the_inferior_angle(side):
    """Line 69: rubbing at the angle of the blade. The line runs round the inferior angle: its middle and its
    nearest point within 1.5 cm of the angle, it passes below the angle, and no point is more than 4 cm away."""
    ln, angle = _line(2, side), _angle(side)
    pts = _dense(ln.points)
    assert min(p.distance(angle) for p in pts) <= cm(1.5)
    assert point_at(ln.points, 0.5).distance(angle) <= cm(1.5)
    assert max(p.distance(angle) for p in pts) <= cm(4.0)
    assert max(p.y for p in ln.points) > angle.y, "round under the angle"
    assert min(p.x for p in ln.points) < angle.x < max(p.x for p in ln.points), "from the medial side to the lateral"


def test_the_lines_follow_the_landmarks():
    """The lines are built from the scapula's landmarks (not raw numbers): line 1 from the medial border,
    line 2 round the inferior angle (anatomy.py); the left side mirrors the right."""
    angle = _angle(Side.right)
    assert all(p.distance(angle) == pytest.approx(AT_ANGLE, abs=1e-3) for p in _line(2, Side.right).points[1:-1])
    for p in _line(1, Side.right).points:
        assert _border_x(p.y, Side.right) - p.x == pytest.approx(UNDER_BORDER, abs=1e-3)
    for n in (1, 2):
        right, left = _line(n, Side.right), _line(n, Side.left)
        assert [(-p.x, p.y) for p in right.points] == [(p.x, p.y) for p in left.points]


def test_zone_covers_the_blade_and_keeps_off_the_spinous_processes():
    """The zone is the blade's working area: it holds the superior angle, the medial border, the inferior angle
    and a margin below it (where line 2 passes), and never enters the spinous band."""
    right, left = SCAPULA.zones
    assert [(-p.x, p.y) for p in right] == [(p.x, p.y) for p in left]
    for key in ("scapula_superior_angle_right", "scapula_medial_border_right", "scapula_inferior_angle_right"):
        assert all(contains(right, p) for p in LANDMARKS[key].points), key
    for ln in SCAPULA.lines:
        zone = right if ln.side is Side.right else left
        assert all(contains(zone, p) for p in _dense(ln.points))
    assert min(abs(p.x) for p in right) > SPINOUS_BAND_HALF_WIDTH
    assert max(p.y for p in right) > _angle(Side.right).y + cm(1.5)


def test_extent_and_its_cite_state_the_bone_s_levels():
    """T2 to T7, cited to the anatomy references (no stale 'about T6 prone')."""
    assert SCAPULA.extent == ("T2", "T7")
    ref = SCAPULA.extent_cite.reference
    assert "T2" in ref and "T7" in ref and "T6" not in ref and "Netter" in ref
    top, angle = LANDMARKS["scapula_superior_angle_right"].points[0], _angle(Side.right)
    assert top.y == pytest.approx(LEVELS["T2"], abs=0.01)
    assert LEVELS["T7"] <= angle.y < LEVELS["T8"]
