"""The classical back-massage method of the source text, as data.

Every fact cites the line of ``backdata/source/back-massage.txt`` it comes from (``Cite(lines, quote)``; the
quote is checked against the text by :func:`backdata.method.validate`). What the source does not give is either left
empty or marked ``editorial`` with a reason. The source's figures are lost: the stroke lines are reconstructed
from its words and the drainage rule of ``anatomy.md`` (strokes run toward the nearest lymph nodes, never over
the spinous processes); the reconstruction is documented on each region.

Coordinates: the back frame of :mod:`backdata.core.model` (x to the patient's right, y toward the feet, unit L).
Lines are written for the patient's right side and mirrored to the left.

This package module holds the regions' order, the text's sections, the general rules, the notice and
contraindications and the source's tensions; the parts live in :mod:`.cautions` (the cautions), :mod:`.trunk`
(preliminary, lower thoracic, lumbar), :mod:`.upper` (collar, scapula) and :mod:`._helpers` (shared cites and
constructors).
"""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.model import Cite, Region, Rule, Step, Technique, Tension
from backdata.method.classical._helpers import SACRUM_UP, mins
from backdata.method.classical.cautions import CAUTIONS
from backdata.method.classical.trunk import LOWER_THORACIC, LUMBAR, PRELIMINARY
from backdata.method.classical.upper import COLLAR, SCAPULA

__all__ = [
    "CAUTIONS",
    "CLOSING",
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

REGION_LIST: tuple[Region, ...] = (PRELIMINARY, COLLAR, SCAPULA, LOWER_THORACIC, LUMBAR)
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
            Rule("start_sacrum", "Start from the sacrum and move smoothly upward.", SACRUM_UP),
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

CLOSING = Step(
    Technique.vibration,
    (),
    RULES["close_with_vibration"].cite,
    minutes=mins(
        1, 1, Cite(reference="editorial: the source gives no time for the closing; a short closing of 1 min is taken")
    ),
    label="vibration or light tapping",
    note="Completes the procedure: with the fingertips over the whole back, minimal contact (line 133).",
)
"""The step that closes every session (line 133), after the last region: vibration or light tapping over the whole
back. The source gives it no time; the 1 min is editorial. The planner's table and timeline show it as its own
row."""

NOTICE = (
    "Teaching material, not medical advice. Massage of a person with pain or a disease follows a doctor's "
    "indication (the source says so for striking and concussive techniques, line 49). Do not massage where a "
    "contraindication applies."
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
        "The stated total is shown and used; the planner's timeline fits the steps into it (half-minutes come "
        "off the longest step, the kneading), and the table shows the source's step times beside it.",
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
