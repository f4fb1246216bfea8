"""The preliminary massage of the whole back and the lower regions: lower thoracic, lumbar and sacral."""

from __future__ import annotations

from backdata.core.model import Cite, Intensity, Mode, Position, Region, Step, StrokeKind, Target, Technique
from backdata.method.anatomy import LEVELS
from backdata.method.classical._helpers import EDITORIAL_INTENSITY, SACRUM_UP, band, both, mins, pts
from backdata.method.classical.cautions import CAUTIONS

__all__ = ["LOWER_THORACIC", "LUMBAR", "PRELIMINARY"]

_GENTLE_LUMBAR_NECK = Cite((115,), "In the lumbar and neck areas, more gentle and gentle movements should be performed")

PRELIMINARY = Region(
    name="preliminary",
    title="Preliminary massage of the whole back",
    extent=("C7", "S5"),
    extent_cite=Cite((23,), "a preliminary massage of the entire back"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(band(LEVELS["C7"] - 0.02, 1.42),),
    lines=(
        *both(
            1,
            pts((0.06, 1.30), (0.06, 0.80), (0.06, 0.30), (0.07, 0.08), (0.18, 0.04)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.shoulder_girdle,
            SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *both(
            2,
            pts((0.12, 1.24), (0.13, 0.80), (0.12, 0.45), (0.10, 0.25), (0.14, 0.10), (0.28, 0.07)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.shoulder_girdle,
            SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *both(
            3,
            pts((0.20, 1.15), (0.21, 0.85), (0.20, 0.55), (0.24, 0.40), (0.36, 0.32)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.axillary,
            SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *both(
            4,
            pts((0.30, 1.08), (0.31, 0.85), (0.32, 0.62), (0.36, 0.46), (0.40, 0.37)),
            StrokeKind.longitudinal,
            Intensity.moderate,
            Target.axillary,
            SACRUM_UP,
            EDITORIAL_INTENSITY,
        ),
        *both(
            5,
            pts((0.06, 0.20), (0.22, 0.21), (0.40, 0.26)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *both(
            6,
            pts((0.06, 0.44), (0.22, 0.43), (0.38, 0.40)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *both(
            7,
            pts((0.06, 0.70), (0.20, 0.69), (0.33, 0.66)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            Cite((31,), "Then stroking across the back"),
            EDITORIAL_INTENSITY,
        ),
        *both(
            8,
            pts((0.06, 1.04), (0.20, 1.07), (0.33, 1.12)),
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
            minutes=mins(1, 1, Cite((31,), "longitudinal strokes are performed for one minute")),
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
            minutes=mins(1, 3, Cite((32,), "Their duration is 1-3 minutes")),
            note="More pressure but a slower tempo than stroking; never on the spinous processes.",
        ),
        Step(
            Technique.rubbing,
            (1, 2, 3, 4),
            Cite((33,), "you can perform several rubbing techniques with moderate pressure on the tissue"),
            note="Moderate pressure; done right, the patient feels warmth (line 33).",
        ),
    ),
    total={m: mins(5, 6, Cite((23,), "a preliminary massage of the entire back, lasting 5-6 minutes")) for m in Mode},
    cautions=(CAUTIONS["spinous_processes"],),
    purpose="Warms the whole back before the detailed work. The longitudinal lines start at the sacrum and run "
    "upward beside the spine (never on the spinous processes); above the waist they bend toward the "
    "armpits and the shoulder girdle, where the skin of the upper back drains. The transverse lines run "
    "from the spine outward, level by level: toward the armpits above the waist, toward the groin below "
    "it.",
    purpose_cite=SACRUM_UP,
    summary="Whole back, 5–6 min: stroking along then across, squeezing, rubbing.",
)
_AXILLA_RIBS = Cite(
    reference="anatomy.md: lower thoracic lines run from the spine outward along the ribs (intercostal spaces) "
    "toward the armpit; Gray's Anatomy (1918), the ribs: from the spine a rib runs outward and downward, so the "
    "lines follow the drawn ribs 11–12 and the spaces above them down and out to the side of the chest, then "
    "turn up along it toward the armpit: from the side of the chest the lymph rises to the axillary nodes (Gray's "
    "Anatomy, the lymphatics of the trunk's back)"
)
LOWER_THORACIC = Region(
    name="lower_thoracic",
    title="Lower thoracic region",
    extent=("T7", "T12"),
    extent_cite=Cite((39,), "the area from the seventh to the twelfth thoracic vertebrae"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(band(LEVELS["T7"] - 0.03, LEVELS["T12"] + 0.035),),
    lines=(
        *both(
            1,
            pts((0.06, 0.40), (0.20, 0.455), (0.34, 0.485), (0.395, 0.42)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            _AXILLA_RIBS,
            EDITORIAL_INTENSITY,
        ),
        *both(
            2,
            pts((0.06, 0.49), (0.20, 0.545), (0.33, 0.575), (0.38, 0.51)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.axillary,
            _AXILLA_RIBS,
            EDITORIAL_INTENSITY,
        ),
        *both(
            3,
            pts((0.06, 0.565), (0.20, 0.62), (0.31, 0.65), (0.36, 0.59)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.axillary,
            _AXILLA_RIBS,
            Cite((51,), "Inadequate and too intense implementation of techniques can lead to pain"),
        ),
        *both(
            4,
            pts((0.06, 0.63), (0.18, 0.675), (0.27, 0.70), (0.325, 0.645)),
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
            label="striking and concussive techniques",
            note='The source: "striking and concussive techniques" (line 49), the percussion family '
            "(tapotement: tapping, hacking, cupping, beating; the school's names, anatomy.md, not the source's). "
            "Only by indication, a doctor consulted; kept off lines 3–4 over the kidneys (editorial).",
        ),
    ),
    total={
        Mode.hygienic: mins(4, 5, Cite((51,), "it is recommended to spend 4-5 minutes on massage of this area")),
        Mode.therapeutic: mins(
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
    "spine, T7 to T12, and run outward along the ribs (the intercostal spaces), which slope down and out from "
    "the spine, to the side of the chest, then turn up along it toward the armpit, as the lymph rises there to the "
    "axillary nodes. The lowest lines pass over "
    "ribs 11–12 and the kidneys' upper poles: work there gently.",
    purpose_cite=_AXILLA_RIBS,
    summary="T7–T12, 4–5 min (therapeutic up to 15): stroking, squeezing, rubbing, kneading, striking and "
    "concussive techniques by indication.",
)

_TO_GROIN = Cite(
    (89,), "The lines shown in the figure are directed laterally from the spine towards the inguinal lymph nodes"
)
LUMBAR = Region(
    name="lumbar",
    title="Lumbar and sacral region",
    extent=("L1", "S5"),
    extent_cite=Cite((89,), "located from 1-5 lumbar vertebrae, as well as on the sacral region"),
    positions=(Position.prone,),
    position_cite=Cite((29,), "the patient should lie on his stomach"),
    zones=(band(LEVELS["L1"] - 0.035, 1.42),),
    lines=(
        *both(
            1,
            pts((0.06, 0.745), (0.19, 0.79), (0.31, 0.86)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.inguinal,
            Cite(
                (89,),
                "located from 1-5 lumbar vertebrae",
                reference="editorial: line 1 starts beside L1, above the waist watershed (about L2, Sappey) that is "
                "drawn beside it, because the source's lumbar region starts at L1 and all its lines run to the "
                "groin (line 89); the watershed is a band, not a sharp line, and the stroke crosses it on its way "
                "down and out",
            ),
            Cite((103,), "along lines 1 and 2 you need to dose the force"),
        ),
        *both(
            2,
            pts((0.06, 0.85), (0.19, 0.90), (0.31, 0.97)),
            StrokeKind.transverse,
            Intensity.dosed,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 1 and 2 you need to dose the force"),
        ),
        *both(
            3,
            pts((0.06, 0.98), (0.19, 1.03), (0.31, 1.10)),
            StrokeKind.transverse,
            Intensity.moderate,
            Target.inguinal,
            _TO_GROIN,
            Cite(reference="editorial: between the dosed lines 1–2 and the intense lines 4–5 (line 103 names neither)"),
        ),
        *both(
            4,
            pts((0.06, 1.08), (0.19, 1.13), (0.32, 1.21)),
            StrokeKind.transverse,
            Intensity.intense,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 4 and 5 you can use a more intense form"),
        ),
        *both(
            5,
            pts((0.05, 1.22), (0.17, 1.29), (0.30, 1.37)),
            StrokeKind.transverse,
            Intensity.intense,
            Target.inguinal,
            _TO_GROIN,
            Cite((103,), "along lines 4 and 5 you can use a more intense form"),
        ),
    ),
    steps=(
        Step(
            Technique.stroking,
            (1, 2, 3, 4, 5),
            Cite((97,), "First, strokes are performed"),
            intensity=Intensity.gentle,
            intensity_cite=_GENTLE_LUMBAR_NECK,
            note="Gently on every line: stroking in the lumbar area is gentler (line 115); the line's force "
            "(lines 4–5 intense, line 103) is for the techniques that follow.",
        ),
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
        Mode.hygienic: mins(5, 6, Cite((103,), "a massage of this area takes 5-6 minutes")),
        Mode.therapeutic: mins(
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
    "beside the lumbar spine and the sacrum and run laterally and downward toward the inguinal nodes (they lie in "
    "front, in the groin; the plate marks them beside the hip, where the lines point). Line 1 starts at L1, "
    "just above the watershed, because the source's region starts there (line 89); it crosses the watershed "
    "on its way to the groin. "
    "Lines 1–2 lie over the kidneys and take a dosed force; lines 4–5, along the iliac crest and over "
    "the sacrum, take a more intense one.",
    purpose_cite=_TO_GROIN,
    summary="L1–L5 and sacrum, 5–6 min (therapeutic 20): stroking, squeezing, rubbing, kneading, vibration "
    "and percussion.",
)
