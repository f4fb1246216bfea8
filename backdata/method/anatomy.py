"""Anatomy of the back in the model's frame: vertebral levels, the outline, landmarks, node targets.

Frame (see :mod:`backdata.core.model`): patient prone, seen from behind; ``x = 0`` on the spinous processes,
positive ``x`` the patient's right; ``y = 0`` at C7, ``y = 1`` at the iliac crests, ``y`` toward the feet; unit
``L`` = C7-to-crest distance (about 45.6 cm in men, 40.0 cm in women, ANSUR II 2012).

Every number here cites its reference (``shared/reference/anatomy.md`` collects them). Where this module draws
a smooth curve through the numbers, the curve's extra points are marked ``editorial``.
"""

from __future__ import annotations

import math
from types import MappingProxyType

from backdata.core.errors import choose
from backdata.core.geometry import catmull_rom, ellipse, mirror
from backdata.core.model import Cite, Landmark, Point, Side, Target

__all__ = [
    "CITED_LEVELS",
    "ARMS_CITE",
    "CM_PER_L",
    "KIDNEY_TILT_DEG",
    "LANDMARKS",
    "LEVELS",
    "NODE_TARGETS",
    "OUTLINE",
    "OUTLINE_CITE",
    "SEXES",
    "SPINOUS_BAND_HALF_WIDTH",
    "WAIST_WATERSHED_Y",
    "arms",
    "as_sex",
    "cm",
    "level_y",
    "outline",
    "unit_cm",
]

ANSUR = Cite(reference="ANSUR II, US Army anthropometric survey 2012 (public release)")
GRAY = Cite(reference="Gray's Anatomy (1918): segment lengths of the vertebral column")
NETTER = Cite(reference="Netter, Atlas of Human Anatomy, plate 149")
HANELINE = Cite(reference="Haneline et al., J Chiropr Med 2007, table 1")
SAPPEY = Cite(reference="Sappey's lymphatic watersheds, as in Gray's Anatomy (1918)")
MORRIS = Cite(reference="Gray's Anatomy; radiology atlases (Morris's parallelogram)")
EDITORIAL_SHAPE = Cite(reference="editorial: smooth shape between the cited proportions")

CM_PER_L = MappingProxyType({"men": 45.6, "women": 40.0})
"""Centimetres in one unit L (C7 to the iliac crests), ANSUR II means."""


def cm(value: float, sex: str = "men") -> float:
    """Convert centimetres to units of L."""
    return value / CM_PER_L[sex]


# --- Vertebral levels -------------------------------------------------------------------------------------
# y of each spinous process. Cited values from anatomy.md (Gray 1918 segment lengths); the levels between
# them are interpolated evenly (cervical: 0.27 L of neck over C1–C6; sacrum + coccyx: 12.5 cm of a 71 cm
# column, i.e. 0.28 L, from S1 to the coccyx).
CITED_LEVELS = MappingProxyType(
    {
        "T1": 0.04,
        "T2": 0.10,
        "T3": 0.16,
        "T6": 0.33,
        "T7": 0.38,
        "T8": 0.44,
        "T11": 0.61,
        "T12": 0.67,
        "L1": 0.74,
        "L2": 0.83,
        "L3": 0.91,
        "L4": 1.00,
        "L5": 1.09,
        "S2": 1.23,
    }
)
"""The levels anatomy.md gives (Gray 1918); :data:`LEVELS` fills the others in between."""
_COCCYX_Y = 1.41  # S1 to coccyx tip ≈ 12.5 cm of a 71 cm column (Gray 1918) ≈ 0.27 L below L5's 1.09 + S1


def _between(a: str, b: str, names: list[str], end: float | None = None) -> dict[str, float]:
    lo, hi = CITED_LEVELS[a], CITED_LEVELS[b] if end is None else end
    n = len(names) + 1
    return {name: round(lo + (hi - lo) * (k + 1) / n, 4) for k, name in enumerate(names)}


_levels: dict[str, float] = {f"C{i}": round(-0.045 * (7 - i), 4) + 0.0 for i in range(1, 8)}  # 0.27 L of neck
_levels.update(CITED_LEVELS)
_levels.update(_between("T3", "T6", ["T4", "T5"]))
_levels.update(_between("T8", "T11", ["T9", "T10"]))
_levels.update(_between("L5", "S2", ["S1"]))
_levels.update(_between("S2", "S2", ["S3", "S4", "S5"], end=_COCCYX_Y))
_levels["Co"] = _COCCYX_Y
_ORDER = (
    [f"C{i}" for i in range(1, 8)]
    + [f"T{i}" for i in range(1, 13)]
    + [f"L{i}" for i in range(1, 6)]
    + [f"S{i}" for i in range(1, 6)]
    + ["Co"]
)
_levels = {k: _levels[k] for k in _ORDER}
LEVELS = MappingProxyType(_levels)
"""Vertebral level name → y of its spinous process: C1–C7, T1–T12, L1–L5, S1–S5, ``Co`` (coccyx)."""


def level_y(name: str) -> float:
    """y of a vertebral level (``"C6"``, ``"T12"``, ``"S2"`` …); raises :class:`BackdataError` if unknown."""

    return LEVELS[choose("vertebral level", name, LEVELS)]


SPINOUS_BAND_HALF_WIDTH = round(cm(2.0), 4)
"""Half-width of the band of the spinous processes: no technique presses there (source line 32)."""

WAIST_WATERSHED_Y = LEVELS["L2"]
"""The horizontal lymph watershed around the waist, at about L2 behind (Sappey)."""

# --- The body: trunk outline, arms, buttocks (male and female) --------------------------------------------
SEXES = ("male", "female")
"""The two bodies drawn: proportions from the ANSUR II means of men and of women."""
_UNIT_OF = {"male": "men", "female": "women"}


def as_sex(sex: object) -> str:
    """``"male"`` or ``"female"`` (also ``"men"``/``"women"``, ``"m"``/``"f"``); raises :class:`BackdataError`."""
    return choose(
        "sex",
        sex,
        SEXES,
        aliases={"men": "male", "man": "male", "m": "male", "women": "female", "woman": "female", "f": "female"},
    )


def unit_cm(sex: object = "male") -> float:
    """Centimetres in one unit L for that body (ANSUR II: 45.6 cm men, 40.0 cm women)."""
    return CM_PER_L[_UNIT_OF[as_sex(sex)]]


# Half-widths (x, patient's right) of the trunk, from ANSUR II means as multiples of L. The trunk is the
# massaged surface (every line and landmark lies inside it); the arms lie beside it, separate shapes.
_TRUNK_RIGHT = {
    "male": (
        Point(0.118, -0.30),  # neck below the hairline (editorial: neck breadth about 0.24 L, 11 cm)
        Point(0.128, -0.16),  # neck (editorial)
        Point(0.160, -0.045),  # neck base: the trapezius begins its slope (editorial)
        Point(0.280, 0.040),  # trapezius slope (editorial)
        Point(0.410, 0.100),
        Point(0.458, 0.160),  # acromion: biacromial 0.91 L, 0.16 L below C7 (ANSUR II)
        Point(0.470, 0.235),  # back of the shoulder, under the deltoid (editorial)
        Point(0.450, 0.330),  # posterior axillary fold (editorial)
        Point(0.410, 0.480),  # latissimus (editorial: between chest 0.63 L and the shoulders)
        Point(0.375, 0.640),  # lower ribs (editorial)
        Point(0.355, 0.820),  # waist 0.71 L, men (ANSUR II)
        Point(0.372, 1.000),  # iliac crest (editorial)
        Point(0.380, 1.180),  # hips 0.76 L, men (ANSUR II)
        Point(0.360, 1.360),  # buttock, outer side (editorial)
        Point(0.290, 1.455),  # gluteal fold, where the figure is cut (editorial)
        Point(0.160, 1.490),
        Point(0.060, 1.470),
        Point(0.012, 1.430),  # the cleft between the buttocks (editorial)
    ),
    "female": (
        Point(0.108, -0.30),  # neck (editorial: narrower, about 0.22 L)
        Point(0.118, -0.16),
        Point(0.158, -0.045),
        Point(0.280, 0.040),
        Point(0.405, 0.105),
        Point(0.455, 0.160),  # acromion: biacromial 0.91 L in women too (ANSUR II)
        Point(0.465, 0.235),
        Point(0.440, 0.330),
        Point(0.405, 0.480),
        Point(0.385, 0.640),
        Point(0.375, 0.820),  # waist 0.75 L, women (ANSUR II)
        Point(0.410, 1.000),
        Point(0.445, 1.180),  # hips 0.89 L, women (ANSUR II)
        Point(0.425, 1.350),
        Point(0.340, 1.450),
        Point(0.190, 1.495),
        Point(0.070, 1.475),
        Point(0.012, 1.430),
    ),
}
# The arms lie along the body (source line 63): deltoid cap at the shoulder (bideltoid 1.12 L in both sexes,
# ANSUR II), upper arm about 0.75 L and forearm about 0.57 L long, so the elbow lies near the waist and the
# wrist beside the buttock, where the figure is cut. One closed outline per arm (editorial between those).
_ARM_RIGHT = {
    "male": (
        Point(0.415, 0.130),  # the deltoid caps the shoulder, over the acromion
        Point(0.490, 0.140),
        Point(0.548, 0.190),
        Point(0.565, 0.270),  # deltoid: bideltoid 1.12 L (ANSUR II)
        Point(0.555, 0.420),
        Point(0.548, 0.620),
        Point(0.545, 0.860),  # elbow near the waist (editorial)
        Point(0.555, 1.100),
        Point(0.548, 1.300),
        Point(0.540, 1.470),  # cut, beside the buttock
        Point(0.395, 1.470),
        Point(0.400, 1.250),
        Point(0.398, 1.000),
        Point(0.402, 0.800),
        Point(0.420, 0.560),
        Point(0.448, 0.380),  # the posterior axillary fold
        Point(0.452, 0.260),
        Point(0.432, 0.180),
    ),
    "female": (
        Point(0.415, 0.132),
        Point(0.488, 0.142),
        Point(0.546, 0.192),
        Point(0.562, 0.270),  # deltoid: bideltoid 1.12 L (ANSUR II)
        Point(0.550, 0.420),
        Point(0.540, 0.620),
        Point(0.545, 0.860),
        Point(0.575, 1.100),  # the forearm beside the wider hips (editorial)
        Point(0.598, 1.300),
        Point(0.600, 1.470),
        Point(0.462, 1.470),
        Point(0.458, 1.250),
        Point(0.425, 1.000),
        Point(0.398, 0.800),
        Point(0.412, 0.560),
        Point(0.440, 0.380),
        Point(0.448, 0.260),
        Point(0.430, 0.180),
    ),
}


def _trunk(sex: str) -> tuple[Point, ...]:
    side = catmull_rom(_TRUNK_RIGHT[sex], samples=10)
    return (*side, *reversed(mirror(side)))


_TRUNKS = {sex: _trunk(sex) for sex in SEXES}
_ARMS = {sex: (catmull_rom(_ARM_RIGHT[sex], samples=8, closed=True),) for sex in SEXES}
_ARMS = {sex: (arm[0], mirror(arm[0])) for sex, arm in _ARMS.items()}

OUTLINE: tuple[Point, ...] = _TRUNKS["male"]
"""The male trunk's outline (the default body), a closed smooth polygon (first point not repeated): down the
patient's right side, across the buttocks to the cleft, up the left side, across the neck. Every stroke line
and landmark lies inside it; :func:`outline` gives either body."""
OUTLINE_CITE = Cite(
    reference="ANSUR II widths (bideltoid 1.12, biacromial 0.91, waist 0.71 men / 0.75 women, hips 0.76 men / "
    "0.89 women, in units of C7-to-crest); editorial smoothing between them"
)
ARMS_CITE = Cite((63,), "The patient lies on his stomach with his arms along his body")


def outline(sex: object = "male") -> tuple[Point, ...]:
    """The trunk's outline of the ``"male"`` (:data:`OUTLINE`) or ``"female"`` body."""
    return _TRUNKS[as_sex(sex)]


def arms(sex: object = "male") -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """The two arms lying along the body (source line 63), right then left: closed outlines beside the trunk."""
    return _ARMS[as_sex(sex)]


# --- Landmarks --------------------------------------------------------------------------------------------
# Scapula, control points (right side). Superior angle at T2 and root of the spine at T3 (Netter plate 149;
# Moore). The inferior angle: T7 is the level taught (Netter; Moore); upright studies find it nearer T8
# (Haneline 2007); the source's prone, arms-at-the-side position (line 63) lifts it a little from the
# upright level. We put it at T7, in the lower half of T7's interval toward T8 (y 0.40), so that the bone
# is about 14 cm tall in the male frame (adult scapula 14–16 cm superior to inferior angle: Gray's).
_SCAP = {
    "superior_angle": Point(0.115, 0.095),  # T2
    "superior_border": Point(0.195, 0.110),
    "notch": Point(0.258, 0.125),  # suprascapular notch, the coracoid in front of it
    "acromion_medial": Point(0.335, 0.112),  # the acromion's medial edge, by the clavicle (editorial)
    "acromion_top": Point(0.392, 0.108),  # its flat upper surface (editorial)
    "acromion": Point(0.410, 0.124),  # its tip at the shoulder, inside the biacromial width, under the deltoid's origin
    "acromial_angle": Point(0.400, 0.146),  # the posterolateral corner, where the spine's crest turns forward
    "spinoglenoid": Point(0.346, 0.163),  # under the spine's lateral end, above the neck of the glenoid
    "glenoid": Point(0.350, 0.192),  # lateral angle, the shoulder joint under the deltoid
    "infraglenoid": Point(0.292, 0.218),  # where the lateral border starts
    "lateral_border": Point(0.232, 0.315),
    "inferior_angle": Point(0.170, 0.400),  # T7, toward T8 (see above)
    "medial_lower": Point(0.128, 0.320),
    "medial_mid": Point(0.110, 0.230),  # about 5 cm (0.11 L) from the midline (Hoppenfeld; Kendall)
    "root": Point(0.108, 0.160),  # root of the spine at T3 (Netter)
}
_SCAPULA_RIGHT = tuple(_SCAP.values())  # a polygon through the cited corners (a spline would overshoot them)
# The spine of the scapula rises laterally from its root to the acromion (Netter plate 149): its crest runs
# through the middle of the bone's upper part and ends at the acromion's tip, at the shoulder.
_SCAPULA_SPINE_RIGHT = (_SCAP["root"], Point(0.200, 0.148), Point(0.300, 0.134), Point(0.362, 0.128), _SCAP["acromion"])
_RIB11_RIGHT = catmull_rom((Point(0.05, 0.61), Point(0.20, 0.66), Point(0.33, 0.76)), samples=6)
_RIB12_RIGHT = catmull_rom((Point(0.05, 0.67), Point(0.15, 0.72), Point(0.24, 0.80)), samples=6)
# Kidneys: T11/T12 to L3, 2.5–9.5 cm from the midline (Morris's parallelogram); the right one about 1.25 cm
# lower; the long axes converge superiorly, the upper poles nearer the midline than the lower (Moore,
# Clinically Oriented Anatomy, Abdomen: kidneys; Gray's Anatomy): a tilt of 15° from the vertical.
KIDNEY_TILT_DEG = 15.0
_KIDNEY_X = (cm(2.5) + cm(9.5)) / 2
_KIDNEY_TOP, _KIDNEY_BOTTOM = (LEVELS["T11"] + LEVELS["T12"]) / 2, LEVELS["L3"]
_t = math.radians(KIDNEY_TILT_DEG)
_KIDNEY_HALF_X, _KIDNEY_HALF_Y = (cm(9.5) - cm(2.5)) / 2, (_KIDNEY_BOTTOM - _KIDNEY_TOP) / 2
# The semi-axes whose tilted ellipse spans exactly those half-extents (x: rx²cos² + ry²sin², y: rx²sin² + ry²cos²)
_c2, _s2 = math.cos(_t) ** 2, math.sin(_t) ** 2
_KIDNEY_RY = math.sqrt((_KIDNEY_HALF_Y**2 * _c2 - _KIDNEY_HALF_X**2 * _s2) / (_c2 * _c2 - _s2 * _s2))
_KIDNEY_RX = math.sqrt((_KIDNEY_HALF_X**2 - _KIDNEY_RY**2 * _s2) / _c2)
_KIDNEY_CY = (_KIDNEY_TOP + _KIDNEY_BOTTOM) / 2
# ellipse(): a positive tilt swings the lower pole toward -x; the right kidney's lower pole goes out (+x).
_KIDNEY_LEFT = ellipse(Point(-_KIDNEY_X, _KIDNEY_CY), _KIDNEY_RX, _KIDNEY_RY, n=32, tilt_deg=KIDNEY_TILT_DEG)
_KIDNEY_RIGHT = ellipse(
    Point(_KIDNEY_X, _KIDNEY_CY + cm(1.25)), _KIDNEY_RX, _KIDNEY_RY, n=32, tilt_deg=-KIDNEY_TILT_DEG
)
_CREST_RIGHT = catmull_rom((Point(0.11, 1.20), Point(0.16, 1.06), Point(0.26, 0.995), Point(0.37, 1.02)), samples=6)
_PSIS_RIGHT = Point(round(cm(5.0), 4), LEVELS["S2"])
_SACRUM = (
    Point(-0.10, 1.15),
    Point(0.10, 1.15),
    Point(0.075, 1.30),
    Point(0.03, 1.39),
    Point(-0.03, 1.39),
    Point(-0.075, 1.30),
)
_CLEFT = (Point(0.0, LEVELS["Co"]), Point(0.0, 1.425))


def _pair(key: str, name: str, right: tuple[Point, ...], cite: Cite, closed: bool = False) -> list[Landmark]:
    return [
        Landmark(f"{key}_right", f"{name} (right)", right, cite, closed),
        Landmark(f"{key}_left", f"{name} (left)", mirror(right), cite, closed),
    ]


_marks: list[Landmark] = [
    Landmark(
        "spinous_band",
        "Spinous processes (no pressure)",
        (
            Point(-SPINOUS_BAND_HALF_WIDTH, LEVELS["C1"]),
            Point(SPINOUS_BAND_HALF_WIDTH, LEVELS["C1"]),
            Point(SPINOUS_BAND_HALF_WIDTH, LEVELS["S5"]),
            Point(-SPINOUS_BAND_HALF_WIDTH, LEVELS["S5"]),
        ),
        Cite((32,), "pressure on the spinous processes of the spine must be avoided"),
        closed=True,
    ),
    *_pair(
        "scapula",
        "Scapula",
        _SCAPULA_RIGHT,
        Cite(
            reference="Netter, Atlas of Human Anatomy, plate 149 (shoulder, posterior); Moore, Clinically Oriented "
            "Anatomy, Upper limb: scapula; Haneline 2007"
        ),
        closed=True,
    ),
    *_pair("scapula_spine", "Spine of the scapula (root at T3 to the acromion)", _SCAPULA_SPINE_RIGHT, NETTER),
    *_pair("scapula_superior_angle", "Superior angle of the scapula (T2)", (_SCAP["superior_angle"],), NETTER),
    *_pair(
        "scapula_inferior_angle",
        "Inferior angle of the scapula (T7: the level taught; toward T8 as upright studies find, lifted a little "
        "lying prone with the arms at the sides)",
        (_SCAP["inferior_angle"],),
        Cite(
            reference="Netter plate 149; Moore, Clinically Oriented Anatomy (inferior angle at T7); "
            "Haneline et al., J Chiropr Med 2007 (nearer T8 upright)"
        ),
    ),
    *_pair(
        "scapula_medial_border",
        "Medial border of the scapula",
        (_SCAP["root"], _SCAP["medial_mid"], _SCAP["medial_lower"], _SCAP["inferior_angle"]),
        Cite(reference="Hoppenfeld; Kendall: about 5 cm from the spinous processes"),
    ),
    *_pair(
        "scapula_lateral_border",
        "Lateral border of the scapula (infraglenoid tubercle to the inferior angle)",
        (_SCAP["infraglenoid"], _SCAP["lateral_border"], _SCAP["inferior_angle"]),
        Cite(reference="Moore, Clinically Oriented Anatomy, Upper limb: scapula (thick lateral border, steep)"),
    ),
    *_pair("acromion", "Acromion", (_SCAP["acromion"],), NETTER),
    *_pair("rib11", "11th rib", _RIB11_RIGHT, Cite(reference="Gray: floating ribs, lowest at L1–L2 laterally")),
    *_pair("rib12", "12th rib", _RIB12_RIGHT, Cite(reference="Gray: the 12th rib meets the spine at T12")),
    Landmark("kidney_right", "Kidney (right)", _KIDNEY_RIGHT, MORRIS, closed=True),
    Landmark("kidney_left", "Kidney (left)", _KIDNEY_LEFT, MORRIS, closed=True),
    *_pair(
        "iliac_crest",
        "Iliac crest",
        _CREST_RIGHT,
        Cite(reference="Netter; Radiopaedia 'intercristal line': supracristal line at L4"),
    ),
    *_pair("psis", "Posterior superior iliac spine (S2)", (_PSIS_RIGHT,), Cite(reference="Netter; Moore")),
    Landmark("sacrum", "Sacrum", _SACRUM, GRAY, closed=True),
    Landmark("coccyx", "Coccyx", (Point(0.0, LEVELS["Co"]),), GRAY),
    Landmark("gluteal_cleft", "Cleft between the buttocks", _CLEFT, EDITORIAL_SHAPE),
    Landmark(
        "waist_watershed",
        "Waist lymph watershed (about L2)",
        (Point(-0.35, WAIST_WATERSHED_Y), Point(0.35, WAIST_WATERSHED_Y)),
        SAPPEY,
    ),
]
LANDMARKS = MappingProxyType({m.key: m for m in _marks})
"""Landmark key → :class:`Landmark` (points in the back frame, with their reference)."""

NODE_TARGETS = MappingProxyType(
    {
        (Target.axillary, Side.right): Point(0.50, 0.34),
        (Target.axillary, Side.left): Point(-0.50, 0.34),
        (Target.inguinal, Side.right): Point(0.46, 1.30),
        (Target.inguinal, Side.left): Point(-0.46, 1.30),
        (Target.supraclavicular, Side.right): Point(0.24, -0.02),
        (Target.supraclavicular, Side.left): Point(-0.24, -0.02),
    }
)
"""Where the node groups lie, projected on the back frame. The axillary and inguinal nodes are in front of the
body (in the armpit, in the groin): their marks sit just outside the outline, where a stroke points to them.
Nodes are targets of the strokes, never massaged themselves (anatomy.md, lymph drainage)."""
NODE_CITE = SAPPEY
