"""The superficial muscles of the back, as cited data: each built from its attachments on the landmarks.

Frame as in :mod:`backdata.core.model` (x to the patient's right, y toward the feet, unit L = C7 to the crests).
Each :class:`~backdata.core.model.Muscle` is a closed polygon of the right side (mirrored on the left) or one
shape across the midline (the thoracolumbar fascia), drawn lightly under the stroke lines. The corners are the
attachments (spinous processes at their ``LEVELS``, the scapula's angles, spine and acromion, the iliac crest,
the sacrum); the points between them follow the muscle's free border (editorial, as in an atlas drawing).

References: Gray's Anatomy (1918), "The Muscles Connecting the Upper Extremity to the Vertebral Column" (Fig.
409) and "The Deep Muscles of the Back"; Moore, Dalley & Agur, Clinically Oriented Anatomy, chapters Back
(intrinsic back muscles, thoracolumbar fascia), Upper Limb (superficial posterior axio-appendicular muscles)
and Lower Limb (gluteal region); Netter, Atlas of Human Anatomy, "Muscles of Back: Superficial Layers".
"""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.model import Cite, Muscle, Point
from backdata.method.anatomy import LANDMARKS, LEVELS

__all__ = ["DEEPER", "MUSCLES", "MUSCLE_ORDER"]

_GRAY_UPPER = "Gray's Anatomy (1918), the muscles connecting the upper extremity to the vertebral column (Fig. 409)"
_MOORE_UL = "Moore, Clinically Oriented Anatomy, Upper Limb: superficial posterior axio-appendicular muscles"
_NETTER = "Netter, Atlas of Human Anatomy: Muscles of Back, Superficial Layers"


def _cite(*refs: str) -> Cite:
    return Cite(reference="; ".join(refs))


def _lm(key: str, i: int = 0) -> Point:
    return LANDMARKS[key].points[i]


def _mid(level: str, x: float = 0.0) -> Point:
    """A point on (or beside) the spinous process of a vertebral level."""
    return Point(x, LEVELS[level])


_OCCIPUT_Y = -0.30  # external occipital protuberance and superior nuchal line, where the outline is cut
_SUP = _lm("scapula_superior_angle_right")
_INF = _lm("scapula_inferior_angle_right")
_ROOT = _lm("scapula_spine_right", 0)
_ACROMION = _lm("acromion_right")
_SPINE = LANDMARKS["scapula_spine_right"].points
_MEDIAL = LANDMARKS["scapula_medial_border_right"].points
_CREST = LANDMARKS["iliac_crest_right"].points  # from the PSIS end (medial, low) to the lateral end
_PSIS = _lm("psis_right")

_muscles = (
    Muscle(
        "trapezius_upper",
        "Trapezius, upper (descending) part",
        (
            Point(0.0, _OCCIPUT_Y),
            Point(0.075, _OCCIPUT_Y),
            Point(0.105, -0.200),
            Point(0.118, -0.110),
            Point(0.160, -0.040),
            Point(0.275, 0.040),
            Point(0.370, 0.092),
            Point(_ACROMION.x - 0.01, _ACROMION.y - 0.012),  # lateral third of the clavicle, by the acromion
            Point(0.300, 0.090),
            Point(0.150, 0.035),
            _mid("C7"),
        ),
        "From the external occipital protuberance, the medial superior nuchal line and the nuchal ligament "
        "(C1–C6), to the lateral third of the clavicle",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "trapezius_middle",
        "Trapezius, middle (transverse) part",
        (
            _mid("C7"),
            Point(0.150, 0.035),
            Point(0.300, 0.090),
            Point(_ACROMION.x - 0.01, _ACROMION.y - 0.012),
            _ACROMION,
            *reversed(_SPINE[1:-1]),  # the superior lip of the spine of the scapula
            _ROOT,
            _mid("T3"),
        ),
        "From the spinous processes C7–T3 (and the supraspinous ligament) to the medial margin of the acromion "
        "and the superior lip of the spine of the scapula",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "trapezius_lower",
        "Trapezius, lower (ascending) part",
        (
            _mid("T3"),
            _ROOT,
            Point(_ROOT.x + 0.030, _ROOT.y + 0.030),  # the aponeurosis over the medial end of the spine
            Point(0.125, 0.330),
            Point(0.070, 0.520),
            _mid("T12"),
        ),
        "From the spinous processes T4–T12 to the tubercle at the medial end (root) of the spine of the scapula",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "latissimus_dorsi",
        "Latissimus dorsi",
        (
            _mid("T7", 0.02),
            Point(_INF.x - 0.01, _INF.y + 0.01),  # over the inferior angle (a slip from it)
            Point(0.300, 0.350),
            Point(0.430, 0.320),  # toward the axilla and the humerus (intertubercular groove)
            Point(0.415, 0.420),
            Point(0.395, 0.540),
            Point(0.365, 0.680),  # slips from the lower 3–4 ribs
            Point(0.345, 0.820),
            Point(_CREST[-1].x - 0.01, _CREST[-1].y - 0.01),  # the posterior iliac crest
            Point(0.300, 0.985),
            Point(0.220, 0.900),  # the aponeurosis begins: thoracolumbar fascia
            Point(0.120, 0.760),
            _mid("T12", 0.02),
        ),
        "From the spinous processes T7–T12, the thoracolumbar fascia, the iliac crest, the lower 3–4 ribs and "
        "the inferior angle of the scapula, to the intertubercular groove of the humerus",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "rhomboids",
        "Rhomboids (major and minor)",
        (_mid("C7"), Point(_ROOT.x, _ROOT.y - 0.02), *_MEDIAL, _mid("T5")),
        "From the nuchal ligament and the spinous processes C7–T5 (minor C7–T1, major T2–T5) to the medial "
        "border of the scapula, from the root of the spine to the inferior angle",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "levator_scapulae",
        "Levator scapulae",
        (
            Point(0.055, LEVELS["C1"]),
            Point(0.085, LEVELS["C1"]),  # posterior tubercles of the transverse processes C1–C4
            Point(0.100, LEVELS["C4"]),
            Point(0.135, 0.020),
            Point(_SUP.x + 0.012, _SUP.y),  # the superior angle
            Point(_ROOT.x, _ROOT.y - 0.015),  # the medial border down to the root of the spine
            Point(0.085, 0.030),
            Point(0.062, LEVELS["C4"]),
        ),
        "From the transverse processes C1–C4 to the medial border of the scapula, from the superior angle to "
        "the root of the spine",
        _cite(_GRAY_UPPER, _MOORE_UL, _NETTER),
    ),
    Muscle(
        "erector_spinae",
        "Erector spinae",
        (
            Point(0.045, 1.330),
            Point(0.085, 1.280),  # the dorsal sacrum
            Point(_PSIS.x + 0.015, _PSIS.y - 0.06),  # the posterior iliac crest, by the PSIS
            Point(0.160, 0.980),
            Point(0.165, 0.820),  # the lumbar ridge, widest
            Point(0.145, 0.560),
            Point(0.115, 0.300),  # in the thorax: to the ribs and transverse processes
            Point(0.090, 0.080),
            Point(0.068, -0.120),
            Point(0.058, -0.260),  # longissimus capitis up to the mastoid process
            Point(0.045, -0.260),
        ),
        "From the dorsal sacrum, the posterior iliac crest and the lumbar spinous processes (a common tendon), "
        "up beside the spinous processes to the ribs, the transverse processes and the mastoid process: the "
        "ridge that the longitudinal lines follow",
        _cite(
            "Moore, Clinically Oriented Anatomy, Back: intrinsic back muscles (erector spinae)",
            "Gray's Anatomy (1918), the deep muscles of the back (sacrospinalis)",
            _NETTER,
        ),
    ),
    Muscle(
        "gluteus_maximus",
        "Gluteus maximus (upper part)",
        (
            Point(_PSIS.x + 0.030, _PSIS.y - 0.110),  # the posterior ilium, behind the posterior gluteal line
            Point(0.220, 1.150),
            Point(0.320, 1.240),
            Point(0.350, 1.330),  # toward the iliotibial tract, over the greater trochanter
            Point(0.290, 1.420),
            Point(0.160, 1.460),  # where the figure is cut
            Point(0.060, 1.440),
            Point(0.030, 1.395),  # the side of the coccyx
            Point(0.075, 1.300),  # the dorsal sacrum
            Point(_PSIS.x + 0.005, _PSIS.y - 0.020),
        ),
        "From the posterior ilium (behind the posterior gluteal line), the dorsal sacrum and coccyx and the "
        "thoracolumbar fascia, to the iliotibial tract and the gluteal tuberosity of the femur",
        _cite("Moore, Clinically Oriented Anatomy, Lower Limb: gluteal region", _NETTER),
    ),
    Muscle(
        "thoracolumbar_fascia",
        "Thoracolumbar fascia (posterior layer)",
        (
            _mid("T12"),
            Point(0.120, 0.760),
            Point(0.220, 0.900),
            Point(0.300, 0.985),
            Point(_PSIS.x + 0.030, _PSIS.y - 0.110),
            Point(_PSIS.x + 0.005, _PSIS.y - 0.020),
            Point(0.030, 1.360),
            Point(0.0, LEVELS["S5"]),
            Point(-0.030, 1.360),
            Point(-_PSIS.x - 0.005, _PSIS.y - 0.020),
            Point(-_PSIS.x - 0.030, _PSIS.y - 0.110),
            Point(-0.300, 0.985),
            Point(-0.220, 0.900),
            Point(-0.120, 0.760),
        ),
        "A diamond of fascia over the lumbar region: from the spinous processes T12–S5 and the iliac crests; the "
        "aponeurosis of latissimus dorsi; encloses the erector spinae",
        _cite("Moore, Clinically Oriented Anatomy, Back: thoracolumbar fascia", _NETTER),
        paired=False,
    ),
)

MUSCLES = MappingProxyType({m.key: m for m in _muscles})
"""Muscle key → :class:`~backdata.core.model.Muscle` (outline in the back frame, attachments, reference)."""

MUSCLE_ORDER = (
    "erector_spinae",
    "thoracolumbar_fascia",
    "levator_scapulae",
    "rhomboids",
    "gluteus_maximus",
    "latissimus_dorsi",
    "trapezius_lower",
    "trapezius_middle",
    "trapezius_upper",
)
"""Drawing order, deepest first: what lies on top is drawn last."""
DEEPER = frozenset({"rhomboids", "levator_scapulae", "erector_spinae"})
"""Muscles that lie under another one drawn here (under the trapezius, the latissimus or the fascia): drawn with
a dashed border (Moore, Back: the superficial, intermediate and deep layers)."""
