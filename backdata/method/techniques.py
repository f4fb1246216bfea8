"""The seven techniques: school names, what the source says of each, depth, limits, drawing style."""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.errors import choose
from backdata.core.model import Cite, Intensity, Technique, TechniqueInfo

__all__ = ["TECHNIQUES", "mark_intensity", "technique_info"]

_SCHOOLS = Cite(reference="anatomy.md, technique names (Russian and Swedish school terms)")

_info = [
    TechniqueInfo(
        Technique.stroking,
        ("effleurage",),
        "Opens the massage: with warm hands, rhythmic stroking of the whole back; more gently over the lumbar "
        "and neck areas.",
        depth=1,
        max_minutes=None,
        style="stroke",
        cite=Cite((115,), "Warm your hands and begin rhythmically stroking the entire surface of your back"),
        max_intensity=Intensity.moderate,
        max_intensity_cite=Cite(
            (121,),
            "performed in the same way as stroking, but a little more intensely",
            reference="editorial: stroking, the lightest technique, is never given more than a moderate force",
        ),
        note='The source also says stroking is performed "in an intense manner" (line 115): a translation '
        'slip beside its own "gentle"; we teach stroking as light and rhythmic.',
    ),
    TechniqueInfo(
        Technique.squeezing,
        ("deep stroking", "compression stroke", "vyzhimanie"),
        "Along the same lines as stroking, with more pressure but a slower tempo (less intensity).",
        depth=2,
        max_minutes=None,
        style="squeeze",
        cite=Cite((32,), "Squeezing is performed with more pressure, but less intensity than stroking"),
        note='The lumbar list calls it "push-ups" (line 98): a mistranslation of the Russian school\'s vyzhimanie.',
    ),
    TechniqueInfo(
        Technique.rubbing,
        ("friction",),
        "Like stroking but more intense, with the most pressure; as a rule it starts from the lower back. "
        "Done right, the patient feels warmth.",
        depth=2,
        max_minutes=10,
        style="rub",
        cite=Cite(
            (121,), "performed in the same way as stroking, but a little more intensely and with the greatest pressure"
        ),
        limit_cite=Cite((121,), "no more than 10 minutes"),
    ),
    TechniqueInfo(
        Technique.kneading,
        ("petrissage",),
        "Works deeper into the tissue; for more pressure, one hand is placed on the other (the reinforced hand).",
        depth=3,
        max_minutes=10,
        style="knead",
        cite=Cite((127,), "If you need to increase pressure on the massaged area, place one hand on the other"),
        limit_cite=Cite((127,), "It is recommended to perform no more than 10 minutes"),
        note='"These technical exercises should begin with the forearm area" (line 127) is unclear in '
        "translation; we quote it and do not teach it.",
    ),
    TechniqueInfo(
        Technique.vibration,
        ("vibration",),
        "Completes the procedure: with the fingertips, over the whole back, with minimal contact.",
        depth=2,
        max_minutes=None,
        style="vibrate",
        cite=Cite(
            (133,),
            "Vibration should be done with your fingertips over the entire surface of your back, with minimal contact",
        ),
        max_intensity=Intensity.gentle,
        max_intensity_cite=Cite((133,), "with minimal contact"),
    ),
    TechniqueInfo(
        Technique.percussion,
        ("tapotement", "striking", "tapping", "hacking", "cupping", "beating"),
        "Striking (shock) techniques; light tapping may close a session. Over the lower thoracic region only "
        "by indication, with a doctor consulted.",
        depth=3,
        max_minutes=None,
        style="tap",
        cite=Cite((133,), "vibration or light tapping should be used to complete the procedure"),
        keep_off=("kidney_right", "kidney_left", "sacrum"),
        keep_off_cite=Cite(
            reference="anatomy.md: no heavy percussion over the kidneys, the spine or other bony prominences "
            "(massage-school and nursing course material); the sacrum is the bony prominence under the lumbar lines"
        ),
    ),
    TechniqueInfo(
        Technique.shaking,
        ("shaking", "a vibration technique"),
        "Shaking with the fingertips; closes the collar massage with light stroking.",
        depth=1,
        max_minutes=None,
        style="shake",
        cite=Cite((83,), "shaking with your fingertips and lightly stroking"),
    ),
]

TECHNIQUES = MappingProxyType({i.technique: i for i in _info})
"""Technique → :class:`TechniqueInfo`, in the order of :class:`Technique`. School names: anatomy.md."""
SCHOOL_NAMES_CITE = _SCHOOLS


def technique_info(technique: Technique | str) -> TechniqueInfo:
    """The :class:`TechniqueInfo` of a technique given by name or member."""

    if isinstance(technique, Technique):
        return TECHNIQUES[technique]
    return TECHNIQUES[Technique(choose("technique", technique, [t.value for t in Technique]))]


def mark_intensity(line: Intensity, technique: Technique | str, ceiling: Intensity | None = None) -> Intensity:
    """The force of a technique's marks on a line: the line's force (source line 103: "along lines 4 and 5 … more
    intense", "along lines 1 and 2 … dose the force"), never above the technique's :attr:`~TechniqueInfo.max_intensity`
    (stroking: moderate; vibration: gentle, "with minimal contact", line 133) nor the step's ``ceiling``
    (:attr:`~backdata.core.model.Step.intensity`: the lumbar stroking, line 115). The one rule for every mark."""
    caps = [line, technique_info(technique).max_intensity, ceiling]
    return min((c for c in caps if c is not None), key=lambda i: i.rank)
