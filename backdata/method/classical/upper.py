"""The upper regions of the back: the collar (neck) region and the space under the shoulder blade."""

from __future__ import annotations

from backdata.core.geometry import ellipse, mirror
from backdata.core.model import Cite, Intensity, Mode, Point, Position, Region, Step, StrokeKind, Target, Technique
from backdata.method.anatomy import LEVELS
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

SCAPULA = Region(
    name="scapula",
    title="Under the shoulder blade",
    extent=("T2", "T7"),
    extent_cite=Cite(
        reference="anatomy.md: the scapula spans T2 (superior angle) to T7 (inferior angle, standing; about T6 prone)"
    ),
    positions=(Position.prone,),
    position_cite=Cite((63,), "The patient lies on his stomach with his arms along his body"),
    zones=(ellipse(Point(0.17, 0.26), 0.125, 0.145, n=36), mirror(ellipse(Point(0.17, 0.26), 0.125, 0.145, n=36))),
    lines=(
        *both(
            1,
            pts((0.15, 0.33), (0.115, 0.25), (0.10, 0.17)),
            StrokeKind.circular,
            Intensity.moderate,
            Target.local,
            Cite((63,), "performs circular massage movements under the shoulder blade"),
            EDITORIAL_INTENSITY,
        ),
        *both(
            2,
            pts((0.10, 0.30), (0.13, 0.355), (0.19, 0.37), (0.25, 0.33)),
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
