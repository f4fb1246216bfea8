"""The upper regions of the back: the collar (neck) region and the space under the shoulder blade."""

from __future__ import annotations

import math

from backdata.core.geometry import ellipse, mirror
from backdata.core.model import Cite, Intensity, Mode, Point, Position, Region, Step, StrokeKind, Target, Technique
from backdata.method.anatomy import LANDMARKS, LEVELS, SPINOUS_BAND_HALF_WIDTH, cm
from backdata.method.classical._helpers import EDITORIAL_INTENSITY, EDITORIAL_LAYOUT, band, both, mins, pts
from backdata.method.classical.cautions import CAUTIONS

__all__ = ["COLLAR", "SCAPULA"]

COLLAR = Region(
    name="collar",
    title="Neck and collar zone",
    extent=("C1", "T6"),
    extent_cite=Cite((77,), "a massage at the level of the cervical and 1-6 thoracic vertebrae"),
    positions=(Position.prone, Position.sitting),
    position_cite=Cite(
        (77,),
        "The patient can take a sitting or lying position. If there are no "
        "contraindications, it is better to perform it in a lying position",
    ),
    zones=(band(LEVELS["C1"] - 0.03, LEVELS["T6"] + 0.03),),
    lines=(
        *both(
            1,
            pts((0.045, -0.25), (0.06, -0.14), (0.10, -0.05), (0.17, 0.00), (0.24, 0.02)),
            StrokeKind.longitudinal,
            Intensity.gentle,
            Target.supraclavicular,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *both(
            2,
            pts((0.05, 0.02), (0.16, 0.05), (0.30, 0.10), (0.42, 0.16)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.shoulder_girdle,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *both(
            3,
            pts((0.05, 0.14), (0.18, 0.13), (0.32, 0.16), (0.44, 0.23)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.axillary,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *both(
            4,
            pts((0.05, 0.30), (0.20, 0.29), (0.34, 0.29), (0.44, 0.32)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.axillary,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
    ),
    steps=(
        Step(
            Technique.stroking,
            (1, 2, 3, 4),
            Cite((79,), "First, strokes are performed in the directions shown in the figure"),
            minutes=mins(1, 1, Cite((79,), "Stroking is performed within 1 minute")),
        ),
        Step(
            Technique.squeezing,
            (1, 2, 3, 4),
            Cite((80,), "This is followed by squeezing along the same lines"),
            minutes=mins(2, 3, Cite((80,), "Performed within 2-3 minutes")),
        ),
        Step(
            Technique.rubbing,
            (1, 2, 3, 4),
            Cite((81,), "Next is rubbing. It can be combined with kneading"),
            note="May be combined with the kneading that follows.",
        ),
        Step(
            Technique.kneading,
            (1, 2, 3, 4),
            Cite((81,), "It can be combined with kneading"),
            minutes=mins(7, 12, Cite((81,), "The duration of kneading is 7-12 minutes")),
            note="7–12 min by line 81, yet kneading is limited to 10 min by line 127: keep to 10.",
        ),
        Step(
            Technique.vibration,
            (1, 2, 3, 4),
            Cite((82,), "These are followed by vibration techniques"),
            upper_level="C6",
            note="With the fingers, no higher than C6.",
        ),
        Step(
            Technique.shaking,
            (1, 2, 3, 4),
            Cite((83,), "Finish the massage of the collar area by shaking with your fingertips"),
            note="With the fingertips.",
        ),
        Step(
            Technique.stroking,
            (1, 2, 3, 4),
            Cite((83,), "and lightly stroking"),
            intensity=Intensity.gentle,
            intensity_cite=Cite((83,), "lightly stroking"),
            label="light stroking",
            note="Closes the collar massage.",
        ),
    ),
    total={m: mins(10, 15, Cite((85,), "the entire massage of this area takes 10-15 minutes")) for m in Mode},
    cautions=(CAUTIONS["neck_pressure"], CAUTIONS["vibration_c6"], CAUTIONS["spinous_processes"]),
    purpose="The neck drains downward to the nodes above the collarbones, the upper back outward to the "
    "armpits: the lines start at the hairline or beside the upper thoracic spine (T1–T6) and run down "
    "and out over the trapezius toward the acromion and the armpit. Pressure stays lower than on the "
    "lower back.",
    purpose_cite=Cite(reference="anatomy.md: lymph drainage; line layouts"),
    summary="Cervical and T1–T6, 10–15 min: stroking, squeezing, rubbing and kneading, vibration, shaking, "
    "light stroking.",
)

# --- Under the shoulder blade: the zone and lines follow the scapula's landmarks (anatomy.py) -------------------
_MEDIAL = LANDMARKS["scapula_medial_border_right"].points  # root of the spine (T3) down to the inferior angle
_ANGLE = LANDMARKS["scapula_inferior_angle_right"].points[0]  # T7, toward T8
_TOP = LANDMARKS["scapula_superior_angle_right"].points[0]  # T2
_LATERAL = LANDMARKS["scapula_lateral_border_right"].points  # infraglenoid tubercle down to the inferior angle
UNDER_BORDER = cm(1.0)
"""How far medial to the medial border the circling fingertips are drawn: the lifted blade lets them in under it."""
AT_ANGLE = cm(1.4)
"""How far outside the bone the rubbing at the inferior angle is drawn (thumb and fingers spread over it, line 69)."""


def _medial_x(y: float) -> float:
    """x of the scapula's medial border (right side) at height ``y``, between the root of the spine and the angle."""
    for a, b in zip(_MEDIAL, _MEDIAL[1:]):
        if a.y <= y <= b.y:
            return a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y)
    raise ValueError(f"y={y} is off the medial border")


def _unit(to: Point) -> tuple[float, float]:
    """The unit vector from the inferior angle toward ``to``."""
    d = _ANGLE.distance(to)
    return (to.x - _ANGLE.x) / d, (to.y - _ANGLE.y) / d


# Line 1: circles under the lifted medial border, from T6 up to T3, a finger's breadth medial to the border.
_CIRCLES = pts(
    *(
        (round(_medial_x(y) - UNDER_BORDER, 4), y)
        for y in (LEVELS["T6"], LEVELS["T5"], LEVELS["T4"], LEVELS["T3"] + 0.01)
    )
)
# Line 2: rubbing around the inferior angle, AT_ANGLE outside the bone: up the medial border 2 cm, round under
# the angle, up the lateral border 1.5 cm (the offset of the angle's two borders, rounded at the angle).
_UM, _UL = _unit(_MEDIAL[-2]), _unit(_LATERAL[-2])
_NM, _NL = (_UM[1], -_UM[0]), (-_UL[1], _UL[0])  # outward normals: medial-down, lateral-down
_A0, _A1 = math.atan2(_NM[1], _NM[0]), math.atan2(_NL[1], _NL[0])  # the arc swings under the angle


def _at(dx: float, dy: float) -> tuple[float, float]:
    return round(_ANGLE.x + dx, 4), round(_ANGLE.y + dy, 4)


_AROUND_ANGLE = pts(
    _at(cm(2.0) * _UM[0] + AT_ANGLE * _NM[0], cm(2.0) * _UM[1] + AT_ANGLE * _NM[1]),
    *(
        _at(AT_ANGLE * math.cos(_A0 + (_A1 - _A0) * k / 8), AT_ANGLE * math.sin(_A0 + (_A1 - _A0) * k / 8))
        for k in range(9)
    ),
    _at(cm(1.5) * _UL[0] + AT_ANGLE * _NL[0], cm(1.5) * _UL[1] + AT_ANGLE * _NL[1]),
)
# The zone: the blade's working area, from above the superior angle to below the inferior angle, from the edge of
# the spinous band out to the lateral border.
_ZONE_TOP, _ZONE_BOTTOM = _TOP.y - 0.035, _ANGLE.y + cm(2.5)
_ZONE_LEFT, _ZONE_RIGHT = SPINOUS_BAND_HALF_WIDTH + 0.005, max(p.x for p in _LATERAL) + 0.01
_ZONE = ellipse(
    Point((_ZONE_LEFT + _ZONE_RIGHT) / 2, (_ZONE_TOP + _ZONE_BOTTOM) / 2),
    (_ZONE_RIGHT - _ZONE_LEFT) / 2,
    (_ZONE_BOTTOM - _ZONE_TOP) / 2,
    n=36,
)
_SCAPULA_LEVELS = Cite(
    reference="Netter, Atlas of Human Anatomy, plate 149; Moore, Clinically Oriented Anatomy, Upper limb: the "
    "scapula spans T2 (superior angle) to T7 (inferior angle; nearer T8 upright, Haneline 2007, a little higher "
    "prone with the arms at the sides)"
)

SCAPULA = Region(
    name="scapula",
    title="Under the shoulder blade",
    extent=("T2", "T7"),
    extent_cite=_SCAPULA_LEVELS,
    positions=(Position.prone,),
    position_cite=Cite((63,), "The patient lies on his stomach with his arms along his body"),
    zones=(_ZONE, mirror(_ZONE)),
    lines=(
        *both(
            1,
            _CIRCLES,
            StrokeKind.circular,
            Intensity.moderate,
            Target.local,
            Cite((63,), "performs circular massage movements under the shoulder blade"),
            EDITORIAL_INTENSITY,
        ),
        *both(
            2,
            _AROUND_ANGLE,
            StrokeKind.circular,
            Intensity.moderate,
            Target.local,
            Cite((69,), "rubbing is performed at the angle of the shoulder blade"),
            EDITORIAL_INTENSITY,
        ),
    ),
    steps=(
        Step(
            Technique.rubbing,
            (1,),
            Cite(
                (63,),
                "With the second hand, the massage therapist performs circular "
                "massage movements under the shoulder blade",
            ),
            label="circular movements under the lifted blade",
            note="One palm under the shoulder lifts it slowly a few cm; the other hand circles under the "
            "medial border; then the other side. (The source names no technique: we class the circles "
            "as circular rubbing, editorial.)",
        ),
        Step(
            Technique.rubbing,
            (2,),
            Cite((69,), "Then rubbing is performed at the angle of the shoulder blade"),
            label="rubbing at the angle of the blade",
            note="Thumb spread as far as possible from the index finger (line 69).",
        ),
    ),
    total={
        m: mins(
            2,
            4,
            Cite(
                reference="editorial: the source gives no time for this region; 2–4 min covers "
                "both sides' circles and the rubbing at the angle"
            ),
        )
        for m in Mode
    },
    cautions=(CAUTIONS["scapula_relaxed"], CAUTIONS["spinous_processes"]),
    purpose="In osteochondrosis and glenohumeral periarthritis, painful trigger points form under the "
    "scapula; massaging them speeds rehabilitation. The lifted blade opens the space under its medial "
    "border; the movements are local circles there and around the inferior angle, not strokes toward "
    "nodes.",
    purpose_cite=Cite((55,), "so-called trigger points are formed under the scapula"),
    summary="Circles under the lifted blade, each side; rubbing at its angle. Used in sports, hygienic and "
    "preventive massage (line 69).",
)
