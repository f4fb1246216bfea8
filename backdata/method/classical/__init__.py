"""The classical back-massage method of the source text, as data.

Every fact cites the line of ``backdata/source/back-massage.txt`` it comes from (``Cite(lines, quote)``; the
quote is checked against the text by :func:`backdata.method.validate`). What the source does not give is either left
empty or marked ``editorial`` with a reason. The source's figures are lost: the stroke lines are reconstructed
from its words and the drainage rule of ``anatomy.md`` (strokes run toward the nearest lymph nodes, never over
the spinous processes); the reconstruction is documented on each region.

Coordinates: the back frame of :mod:`backdata.core.model` (x to the patient's right, y toward the feet, unit L).
Lines are written for the patient's right side and mirrored to the left.
"""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.geometry import clip_polygon_y, ellipse, mirror
from backdata.core.model import (
    Caution,
    Cite,
    Duration,
    Intensity,
    Minutes,
    Mode,
    Point,
    Position,
    Region,
    Rule,
    Side,
    Step,
    StrokeKind,
    StrokeLine,
    Target,
    Technique,
    Tension,
)
from backdata.method.anatomy import LANDMARKS, LEVELS, OUTLINE

__all__ = [
    "CAUTIONS",
    "CONTRAINDICATIONS",
    "CONTRAINDICATIONS_REFERENCE",
    "NOTICE",
    "REGION_LIST",
    "RULES",
    "SESSION_ORDER",
    "SOURCE_CLAIMS_NOTE",
    "SOURCE_TENSIONS",
    "TEXT_ORDER",
    "TEXT_SECTIONS",
]

EDITORIAL_LAYOUT = Cite(
    reference="editorial: line layout reconstructed from the source's words and the "
    "drainage rule of anatomy.md (the source's figures are lost)"
)
EDITORIAL_INTENSITY = Cite(
    reference="editorial: the source gives no force for this line; the technique's own pressure applies"
)

# --- Helpers ----------------------------------------------------------------------------------------------


def _pts(*xy: tuple[float, float]) -> tuple[Point, ...]:
    return tuple(Point(x, y) for x, y in xy)


def _both(
    number: int,
    right: tuple[Point, ...],
    kind: StrokeKind,
    intensity: Intensity,
    target: Target,
    cite: Cite,
    intensity_cite: Cite,
) -> tuple[StrokeLine, StrokeLine]:
    """One numbered line on the patient's right side and its mirror on the left (the source: symmetrical)."""
    return (
        StrokeLine(number, Side.right, right, kind, intensity, target, cite, intensity_cite),
        StrokeLine(number, Side.left, mirror(right), kind, intensity, target, cite, intensity_cite),
    )


def _band(y_top: float, y_bottom: float) -> tuple[Point, ...]:
    """The outline between two heights: a region's zone."""
    return clip_polygon_y(OUTLINE, y_top, y_bottom)


def _mins(lo: float, hi: float, cite: Cite) -> Duration:
    return Duration(Minutes(float(lo), float(hi)), cite)


# --- Cautions ---------------------------------------------------------------------------------------------
_KIDNEYS = (LANDMARKS["kidney_right"].points, LANDMARKS["kidney_left"].points)
_SPINE = (LANDMARKS["spinous_band"].points,)

CAUTIONS = MappingProxyType(
    {
        c.key: c
        for c in [
            Caution(
                "spinous_processes",
                "spinous processes: no pressure",
                "Never press on the spinous processes of the spine, in any technique: work beside them.",
                Cite(
                    (32,), "pressure on the spinous processes of the spine must be avoided, as in any other techniques"
                ),
                zones=_SPINE,
            ),
            Caution(
                "kidneys",
                "kidneys: gentle below ribs 11–12",
                "Ribs 11–12 lie over the kidneys: too intense work there causes pain. Work gently below the "
                "11th–12th ribs.",
                Cite((51,), "the 11th and 12th ribs are located close to the kidneys"),
                zones=_KIDNEYS,
            ),
            Caution(
                "kidney_distance",
                "ribs 11–12 and the kidneys",
                'The source says the ribs are "approximately 5 cm" from the kidneys; anatomically ribs 11–12 '
                "cross the kidneys' upper poles, and about 5 cm is the kidney's distance from the midline.",
                Cite((51,), "approximately 5 cm", reference="anatomy.md: Gray; radiology atlases"),
            ),
            Caution(
                "percussion_indication",
                "percussion only by indication",
                "Striking and concussive techniques only by indication; consult a doctor.",
                Cite(
                    (49,),
                    "Their implementation should be used according to indications. It is advisable to consult a doctor",
                ),
                techniques=(Technique.percussion, Technique.shaking),
            ),
            Caution(
                "neck_pressure",
                "neck: lower pressure",
                "Lower pressure on the neck and collar zone than on the lower thoracic and lumbar regions.",
                Cite(
                    (77,),
                    "the pressure on the tissue should be lower than when massaging the lower thoracic "
                    "and lumbar regions",
                ),
            ),
            Caution(
                "vibration_c6",
                "no vibration above C6",
                "Vibration with the fingers, no higher than the 6th cervical vertebra.",
                Cite((82,), "Vibration is performed with the fingers, no higher than the 6th cervical vertebra"),
                zones=(_band(LEVELS["C1"] - 0.05, LEVELS["C6"]),),
                techniques=(Technique.vibration,),
            ),
            Caution(
                "lumbar_organs",
                "lines 1–2: dose the force",
                "Lines 1 and 2 of the lumbar region lie over internal organs: dose the force there.",
                Cite(
                    (103,),
                    "along lines 1 and 2 you need to dose the force of influence, since internal organs "
                    "are located in this area",
                ),
                zones=(
                    _pts((0.05, 0.715), (0.33, 0.715), (0.34, 0.99), (0.05, 0.93)),
                    mirror(_pts((0.05, 0.715), (0.33, 0.715), (0.34, 0.99), (0.05, 0.93))),
                ),
            ),
            Caution(
                "scapula_relaxed",
                "patient fully relaxed",
                "The patient must be completely relaxed, or the shoulder blade will not rise.",
                Cite(
                    (63,), "the patient must be completely relaxed at this point, otherwise the scapula will not rise"
                ),
            ),
            Caution(
                "no_heavy_percussion",
                "no heavy percussion here",
                "No heavy percussion over the kidneys, the spine or other bony prominences (beyond the source text).",
                Cite(reference="anatomy.md: massage-school and nursing course material"),
                zones=_KIDNEYS + _SPINE,
                techniques=(Technique.percussion,),
            ),
            Caution(
                "nodes",
                "nodes: not massaged",
                "Strokes run toward the lymph nodes; the nodes themselves are not massaged (beyond the source text).",
                Cite(reference="anatomy.md: lymph drainage (Sappey, as in Gray 1918)"),
            ),
        ]
    }
)
"""Caution key → :class:`Caution`, every caution of the source text and the two of anatomy.md beyond it."""

# --- Regions ----------------------------------------------------------------------------------------------
_SACRUM_UP = Cite((107,), "The massage should start from the sacrum area, smoothly moving upward")
_GENTLE_LUMBAR_NECK = Cite((115,), "In the lumbar and neck areas, more gentle and gentle movements should be performed")

_PRELIMINARY = Region(
    name="preliminary",
    title="Preliminary massage of the whole back",
    extent=("C7", "S5"),
    extent_cite=Cite((23,), "a preliminary massage of the entire back"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(_band(LEVELS["C7"] - 0.02, 1.42),),
    lines=(
        *_both(
            1,
            _pts((0.06, 1.30), (0.06, 0.80), (0.06, 0.30), (0.07, 0.08), (0.18, 0.04)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.shoulder_girdle,
            _SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            2,
            _pts((0.12, 1.24), (0.13, 0.80), (0.12, 0.45), (0.10, 0.25), (0.14, 0.10), (0.28, 0.07)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.shoulder_girdle,
            _SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            3,
            _pts((0.20, 1.15), (0.21, 0.85), (0.20, 0.55), (0.24, 0.40), (0.36, 0.32)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.axillary,
            _SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            4,
            _pts((0.30, 1.08), (0.31, 0.85), (0.32, 0.62), (0.36, 0.46), (0.40, 0.37)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.axillary,
            _SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            5,
            _pts((0.06, 0.20), (0.22, 0.21), (0.40, 0.26)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *_both(
            6,
            _pts((0.06, 0.44), (0.22, 0.43), (0.38, 0.40)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *_both(
            7,
            _pts((0.06, 0.70), (0.20, 0.69), (0.33, 0.66)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *_both(
            8,
            _pts((0.06, 1.04), (0.20, 1.07), (0.33, 1.12)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.inguinal,
            Cite((31,), "Then stroking across the back"),
            _GENTLE_LUMBAR_NECK,
        ),
    ),
    steps=(
        Step(
            Technique.stroking,
            (1, 2, 3, 4),
            Cite((31,), "First, longitudinal strokes are performed for one minute"),
            minutes=_mins(1, 1, Cite((31,), "longitudinal strokes are performed for one minute")),
            label="stroking along the back",
            note="Longitudinal, from the sacrum upward.",
        ),
        Step(
            Technique.stroking,
            (5, 6, 7, 8),
            Cite((31,), "Then stroking across the back"),
            label="stroking across the back",
            note="Transverse, from the spine outward, level by level.",
        ),
        Step(
            Technique.squeezing,
            (1, 2, 3, 4),
            Cite((32,), "Next, squeezing techniques are performed"),
            minutes=_mins(1, 3, Cite((32,), "Their duration is 1-3 minutes")),
            note="More pressure but a slower tempo than stroking; never on the spinous processes.",
        ),
        Step(
            Technique.rubbing,
            (1, 2, 3, 4),
            Cite((33,), "you can perform several rubbing techniques with moderate pressure on the tissue"),
            note="Moderate pressure; done right, the patient feels warmth (line 33).",
        ),
    ),
    total={m: _mins(5, 6, Cite((23,), "a preliminary massage of the entire back, lasting 5-6 minutes")) for m in Mode},
    cautions=(CAUTIONS["spinous_processes"],),
    purpose="Warms the whole back before the detailed work. The longitudinal lines start at the sacrum and run "
    "upward beside the spine (never on the spinous processes); above the waist they bend toward the "
    "armpits and the shoulder girdle, where the skin of the upper back drains. The transverse lines run "
    "from the spine outward, level by level: toward the armpits above the waist, toward the groin below "
    "it.",
    purpose_cite=_SACRUM_UP,
    summary="Whole back, 5–6 min: stroking along then across, squeezing, rubbing.",
)

_COLLAR = Region(
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
    zones=(_band(LEVELS["C1"] - 0.03, LEVELS["T6"] + 0.03),),
    lines=(
        *_both(
            1,
            _pts((0.045, -0.25), (0.06, -0.14), (0.10, -0.05), (0.17, 0.00), (0.24, 0.02)),
            StrokeKind.longitudinal,
            Intensity.gentle,
            Target.supraclavicular,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *_both(
            2,
            _pts((0.05, 0.02), (0.16, 0.05), (0.30, 0.10), (0.42, 0.16)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.shoulder_girdle,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *_both(
            3,
            _pts((0.05, 0.14), (0.18, 0.13), (0.32, 0.16), (0.44, 0.23)),
            StrokeKind.transverse,
            Intensity.gentle,
            Target.axillary,
            EDITORIAL_LAYOUT,
            Cite((77,), "the pressure on the tissue should be lower"),
        ),
        *_both(
            4,
            _pts((0.05, 0.30), (0.20, 0.29), (0.34, 0.29), (0.44, 0.32)),
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
            minutes=_mins(1, 1, Cite((79,), "Stroking is performed within 1 minute")),
        ),
        Step(
            Technique.squeezing,
            (1, 2, 3, 4),
            Cite((80,), "This is followed by squeezing along the same lines"),
            minutes=_mins(2, 3, Cite((80,), "Performed within 2-3 minutes")),
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
            minutes=_mins(7, 12, Cite((81,), "The duration of kneading is 7-12 minutes")),
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
            label="light stroking",
            note="Closes the collar massage.",
        ),
    ),
    total={m: _mins(10, 15, Cite((85,), "the entire massage of this area takes 10-15 minutes")) for m in Mode},
    cautions=(CAUTIONS["neck_pressure"], CAUTIONS["vibration_c6"], CAUTIONS["spinous_processes"]),
    purpose="The neck drains downward to the nodes above the collarbones, the upper back outward to the "
    "armpits: the lines start at the hairline or beside the upper thoracic spine (T1–T6) and run down "
    "and out over the trapezius toward the acromion and the armpit. Pressure stays lower than on the "
    "lower back.",
    purpose_cite=Cite(reference="anatomy.md: lymph drainage; line layouts"),
    summary="Cervical and T1–T6, 10–15 min: stroking, squeezing, rubbing and kneading, vibration, shaking, "
    "light stroking.",
)

_SCAPULA = Region(
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
        *_both(
            1,
            _pts((0.15, 0.33), (0.115, 0.25), (0.10, 0.17)),
            StrokeKind.circular,
            Intensity.moderate,
            Target.local,
            Cite((63,), "performs circular massage movements under the shoulder blade"),
            EDITORIAL_INTENSITY,
        ),
        *_both(
            2,
            _pts((0.10, 0.30), (0.13, 0.355), (0.19, 0.37), (0.25, 0.33)),
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
        m: _mins(
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

_AXILLA_RIBS = Cite(
    reference="anatomy.md: lower thoracic lines run from the spine outward and slightly upward "
    "along the ribs toward the armpit"
)
_LOWER_THORACIC = Region(
    name="lower_thoracic",
    title="Lower thoracic region",
    extent=("T7", "T12"),
    extent_cite=Cite((39,), "the area from the seventh to the twelfth thoracic vertebrae"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(_band(LEVELS["T7"] - 0.03, LEVELS["T12"] + 0.035),),
    lines=(
        *_both(
            1,
            _pts((0.06, 0.385), (0.22, 0.375), (0.38, 0.36)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            _AXILLA_RIBS,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            2,
            _pts((0.06, 0.50), (0.22, 0.475), (0.36, 0.435)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            _AXILLA_RIBS,
            EDITORIAL_INTENSITY,
        ),
        *_both(
            3,
            _pts((0.06, 0.61), (0.21, 0.58), (0.34, 0.54)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.axillary,
            _AXILLA_RIBS,
            Cite((51,), "Inadequate and too intense implementation of techniques can lead to pain"),
        ),
        *_both(
            4,
            _pts((0.06, 0.68), (0.20, 0.655), (0.33, 0.615)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.axillary,
            _AXILLA_RIBS,
            Cite((51,), "the 11th and 12th ribs are located close to the kidneys"),
        ),
    ),
    steps=(
        Step(Technique.stroking, (1, 2, 3, 4), Cite((45,), "First, strokes are performed along the indicated lines")),
        Step(Technique.squeezing, (1, 2, 3, 4), Cite((46,), "Stroking is followed by squeezing along the lines")),
        Step(Technique.rubbing, (1, 2, 3, 4), Cite((47,), "Next, rubbing is performed")),
        Step(Technique.kneading, (1, 2, 3, 4), Cite((48,), "After rubbing it is necessary to perform kneading")),
        Step(
            Technique.percussion,
            (1, 2),
            Cite((49,), "Let's move on to striking and concussive techniques"),
            by_indication=True,
            note="Only by indication, a doctor consulted; kept off lines 3–4 over the kidneys (editorial).",
        ),
    ),
    total={
        Mode.hygienic: _mins(4, 5, Cite((51,), "it is recommended to spend 4-5 minutes on massage of this area")),
        Mode.therapeutic: _mins(
            5,
            15,
            Cite(
                (51,),
                "up to 15 minutes with the therapeutic method",
                reference="editorial lower bound 5 min: the source gives only "
                "'up to 15'; a therapeutic massage is taken as no "
                "shorter than the hygienic one",
            ),
        ),
    },
    cautions=(
        CAUTIONS["kidneys"],
        CAUTIONS["kidney_distance"],
        CAUTIONS["percussion_indication"],
        CAUTIONS["no_heavy_percussion"],
        CAUTIONS["spinous_processes"],
    ),
    purpose="Above the waist watershed (about L2) the skin drains to the armpits: the lines start beside the "
    "spine, T7 to T12, and run outward and slightly upward along the ribs toward the axilla. The lowest "
    "lines pass over ribs 11–12 and the kidneys' upper poles: work there gently.",
    purpose_cite=_AXILLA_RIBS,
    summary="T7–T12, 4–5 min (therapeutic up to 15): stroking, squeezing, rubbing, kneading, percussion by indication.",
)

_TO_GROIN = Cite(
    (89,), "The lines shown in the figure are directed laterally from the spine towards the inguinal lymph nodes"
)
_LUMBAR = Region(
    name="lumbar",
    title="Lumbar and sacral region",
    extent=("L1", "S5"),
    extent_cite=Cite((89,), "located from 1-5 lumbar vertebrae, as well as on the sacral region"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(_band(LEVELS["L1"] - 0.035, 1.42),),
    lines=(
        *_both(
            1,
            _pts((0.06, 0.745), (0.19, 0.79), (0.31, 0.86)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 1 and 2 you need to dose the force"),
        ),
        *_both(
            2,
            _pts((0.06, 0.85), (0.19, 0.90), (0.31, 0.97)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 1 and 2 you need to dose the force"),
        ),
        *_both(
            3,
            _pts((0.06, 0.98), (0.19, 1.03), (0.31, 1.10)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.inguinal,
            _TO_GROIN,
            Cite(reference="editorial: between the dosed lines 1–2 and the intense lines 4–5 (line 103 names neither)"),
        ),
        *_both(
            4,
            _pts((0.06, 1.08), (0.19, 1.13), (0.32, 1.21)),
            StrokeKind.transverse,
            Intensity.intense,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 4 and 5 you can use a more intense form"),
        ),
        *_both(
            5,
            _pts((0.05, 1.22), (0.17, 1.29), (0.30, 1.37)),
            StrokeKind.transverse,
            Intensity.intense,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 4 and 5 you can use a more intense form"),
        ),
    ),
    steps=(
        Step(Technique.stroking, (1, 2, 3, 4, 5), Cite((97,), "First, strokes are performed")),
        Step(
            Technique.squeezing,
            (1, 2, 3, 4, 5),
            Cite((98,), "They are followed by push-ups"),
            note='"Push-ups" in the source is a mistranslation of squeezing.',
        ),
        Step(Technique.rubbing, (1, 2, 3, 4, 5), Cite((99,), "Next, rubbing is performed")),
        Step(Technique.kneading, (1, 2, 3, 4, 5), Cite((100,), "Then kneading")),
        Step(Technique.vibration, (1, 2, 3, 4, 5), Cite((101,), "vibration and shock techniques")),
        Step(
            Technique.percussion,
            (3, 4, 5),
            Cite((101,), "vibration and shock techniques"),
            note="Kept off lines 1–2 over the kidneys (editorial, anatomy.md).",
        ),
    ),
    total={
        Mode.hygienic: _mins(5, 6, Cite((103,), "a massage of this area takes 5-6 minutes")),
        Mode.therapeutic: _mins(
            6,
            20,
            Cite(
                (103,),
                "in a therapeutic form - 20 minutes",
                reference="editorial lower bound 6 min: the source gives one "
                "figure, read as the upper bound like the lower "
                "thoracic 'up to 15'",
            ),
        ),
    },
    cautions=(
        CAUTIONS["lumbar_organs"],
        CAUTIONS["kidneys"],
        CAUTIONS["no_heavy_percussion"],
        CAUTIONS["spinous_processes"],
    ),
    purpose="Below the waist watershed (about L2) the skin and the buttocks drain to the groin: the lines start "
    "beside the lumbar spine and the sacrum and run laterally and downward toward the inguinal nodes. "
    "Lines 1–2 lie over the kidneys and take a dosed force; lines 4–5, along the iliac crest and over "
    "the sacrum, take a more intense one.",
    purpose_cite=_TO_GROIN,
    summary="L1–L5 and sacrum, 5–6 min (therapeutic 20): stroking, squeezing, rubbing, kneading, vibration "
    "and percussion.",
)

REGION_LIST: tuple[Region, ...] = (_PRELIMINARY, _COLLAR, _SCAPULA, _LOWER_THORACIC, _LUMBAR)
"""The regions in the order of the text's teaching: preliminary first, then the detailed regions."""

SESSION_ORDER: tuple[str, ...] = ("preliminary", "lumbar", "lower_thoracic", "scapula", "collar")
"""The planner's default order: preliminary first (line 23, 35), then bottom-up (line 107: "start from the
sacrum area, smoothly moving upward"). The notebooks follow the text's order instead (:data:`TEXT_ORDER`)."""

TEXT_SECTIONS = MappingProxyType(
    {
        "preliminary": Cite((25,), "Preliminary back massage"),
        "lower_thoracic": Cite((37,), "Lower thoracic massage"),
        "scapula": Cite((53,), "Massage under the shoulder blade"),
        "collar": Cite((71,), "Neck massage"),
        "lumbar": Cite((87,), "Lumbar massage"),
    }
)
"""Region name → the heading of its section in the source text."""

TEXT_ORDER: tuple[str, ...] = tuple(sorted(TEXT_SECTIONS, key=lambda n: TEXT_SECTIONS[n].lines))
"""The regions in the order of the source text's sections (the notebooks' numbering, the slides, the printed
sheets): ``("preliminary", "lower_thoracic", "scapula", "collar", "lumbar")``."""

# --- General rules ----------------------------------------------------------------------------------------
RULES = MappingProxyType(
    {
        r.key: r
        for r in [
            Rule(
                "preliminary_first",
                "Begin with a preliminary massage of the whole back (5–6 min), then work the regions in detail.",
                Cite((23,), "first uses a preliminary massage of the entire back"),
            ),
            Rule(
                "main_after_preliminary",
                "After the preliminary massage comes the main massage.",
                Cite((35,), "After the preliminary massage, you should proceed to the main massage"),
            ),
            Rule("start_sacrum", "Start from the sacrum and move smoothly upward.", _SACRUM_UP),
            Rule(
                "warm_hands",
                "The therapist's hands are relaxed and warm.",
                Cite((108,), "The massage therapist's hands should be relaxed and warm during the procedure"),
            ),
            Rule(
                "alternate",
                "Alternate stroking and rubbing movements.",
                Cite((109,), "The technique is to alternate stroking and rubbing movements"),
            ),
            Rule(
                "first_session",
                "The first session takes no more than 15 minutes.",
                Cite((110,), "The first session should take no more than 15 minutes"),
                limit_minutes=15,
            ),
            Rule(
                "open_with_stroking",
                "Stroking opens the massage.",
                Cite((118,), "The massage procedure should begin with stroking"),
            ),
            Rule(
                "rubbing_lower_back",
                "Rubbing, as a rule, starts from the lower back.",
                Cite((121,), "As a rule, rubbing begins from the lower back"),
            ),
            Rule(
                "close_with_vibration",
                "Vibration or light tapping completes the procedure: fingertips, minimal contact.",
                Cite((133,), "vibration or light tapping should be used to complete the procedure"),
            ),
        ]
    }
)
"""Rule key → :class:`Rule`: the general rules (lines 107–110) and the rules of the technique section."""

NOTICE = (
    "Teaching material, not medical advice. Massage of a person with pain or a disease follows a doctor's "
    "indication (the source says so for percussion, line 49). Do not massage where a contraindication "
    "applies."
)
CONTRAINDICATIONS: tuple[str, ...] = (
    "fever or acute illness",
    "skin lesions, wounds, infections or rashes in the area",
    "acute inflammation",
    "thrombosis or suspected thrombosis",
    "tumours",
    "the first days after an injury",
)
CONTRAINDICATIONS_REFERENCE = (
    "Batavia M. Contraindications for therapeutic massage: do sources agree? J Bodyw Mov Ther 2004;8(1):48–57."
)
SOURCE_CLAIMS_NOTE = (
    "The source's broad health claims (lines 3, 15, 138, 140: massage \"heals all problems "
    "and diseases\") are the source's own and not taught here as fact."
)

# --- The source's own tensions ----------------------------------------------------------------------------
SOURCE_TENSIONS: tuple[Tension, ...] = (
    Tension(
        "collar_kneading_limit",
        "Collar kneading 7–12 min (line 81) against kneading for no more than 10 min (line 127).",
        "Both are shown; the planner warns when kneading may pass 10 min.",
        Cite((81, 127), "The duration of kneading is 7-12 minutes"),
    ),
    Tension(
        "collar_steps_exceed_total",
        "The collar's stated steps add up to more than its stated 10–15 min (lines 79–85).",
        "The stated total is shown and used; the steps are ranges that overlap it.",
        Cite((79, 85), "Stroking is performed within 1 minute"),
    ),
    Tension(
        "first_session_too_short",
        "A first session of at most 15 min (line 110) cannot hold the preliminary 5–6 min and a full collar 10–15 min.",
        "The planner says so and proposes a shorter first session: a teaching point, not a bug.",
        Cite((110,), "The first session should take no more than 15 minutes"),
    ),
    Tension(
        "stroking_intense",
        'Stroking "in an intense manner" (line 115) against "gentle" stroking (lines 115, 116).',
        "A translation slip: stroking is taught as light and rhythmic; the wording is noted.",
        Cite((115,), "Stroking is performed in an intense manner"),
    ),
    Tension(
        "kneading_forearm",
        'Kneading "should begin with the forearm area" (line 127) is unclear in translation.',
        "Quoted and flagged as unclear, not taught.",
        Cite((127,), "These technical exercises should begin with the forearm area"),
    ),
    Tension(
        "ribs_kidneys_5cm",
        'Ribs 11–12 "approximately 5 cm" from the kidneys (line 51).',
        "Anatomically ribs 11–12 lie over the kidneys' upper poles; about 5 cm is the kidney's distance from "
        "the midline. The anatomy is shown beside the quote.",
        Cite((51,), "approximately 5 cm"),
    ),
    Tension(
        "order_top_down_vs_sacrum_up",
        "The scheme lists collar, lower thoracic, lumbar (line 23), but the rules say start at the sacrum "
        "and move upward (line 107).",
        "The notebooks follow the text's order; the session planner's default runs bottom-up.",
        Cite((23, 107), "then a detailed study of individual parts"),
    ),
    Tension(
        "missing_step_times",
        "Per-step minutes are missing for the lower thoracic and lumbar regions and for the scapula "
        "entirely; where the source times a step (preliminary, collar) it names no mode.",
        "Unknown step times stay empty; where the planner needs a number it uses an editorial share of the "
        "region's total, marked as editorial wherever it is shown.",
        Cite((45, 51), "In total, it is recommended to spend 4-5 minutes"),
    ),
)
"""The source text's internal tensions and the collection's stance on each (``shared/reference/source-notes.md``)."""
