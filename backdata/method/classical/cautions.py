"""The cautions of the source text and the two of anatomy.md beyond it (:data:`CAUTIONS`), with their zones."""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.geometry import mirror
from backdata.core.model import Caution, Cite, Technique
from backdata.method.anatomy import LANDMARKS, LEVELS
from backdata.method.classical._helpers import band, pts

__all__ = ["CAUTIONS"]

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
                zones=(band(LEVELS["C1"] - 0.05, LEVELS["C6"]),),
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
                    pts((0.05, 0.715), (0.33, 0.715), (0.34, 0.99), (0.05, 0.93)),
                    mirror(pts((0.05, 0.715), (0.33, 0.715), (0.34, 0.99), (0.05, 0.93))),
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
