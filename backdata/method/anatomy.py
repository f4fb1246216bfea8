"""Anatomy of the back in the model's frame: vertebral levels, the outline, landmarks, node targets.

Frame (see :mod:`backdata.core.model`): patient prone, seen from behind; ``x = 0`` on the spinous processes,
positive ``x`` the patient's right; ``y = 0`` at C7, ``y = 1`` at the iliac crests, ``y`` toward the feet; unit
``L`` = C7-to-crest distance (about 45.6 cm in men, 40.0 cm in women, ANSUR II 2012).

Every number here cites its reference (``shared/reference/anatomy.md`` collects them). Where this module draws
a smooth curve through the numbers, the curve's extra points are marked ``editorial``.
"""

from __future__ import annotations

from types import MappingProxyType

from backdata.core.errors import choose
from backdata.core.geometry import catmull_rom, ellipse, mirror
from backdata.core.model import Cite, Landmark, Point, Side, Target

__all__ = [
    "CITED_LEVELS",
    "CM_PER_L",
    "LANDMARKS",
    "LEVELS",
    "NODE_TARGETS",
    "OUTLINE",
    "SPINOUS_BAND_HALF_WIDTH",
    "WAIST_WATERSHED_Y",
    "cm",
    "level_y",
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

# --- Outline ----------------------------------------------------------------------------------------------
# Half-widths (x, patient's right) at key heights, from ANSUR II means as multiples of L.
_OUTLINE_RIGHT = (
    Point(0.105, -0.30),  # neck below the hairline (editorial: neck breadth ≈ 0.21 L)
    Point(0.125, -0.08),  # neck base (editorial)
    Point(0.300, 0.055),  # trapezius slope (editorial)
    Point(0.455, 0.160),  # acromion: biacromial 0.91 L, 0.16 L below C7 (ANSUR II)
    Point(0.560, 0.260),  # deltoid: bideltoid 1.12 L (ANSUR II)
    Point(0.430, 0.420),  # axilla and latissimus (editorial: between chest 0.63 and shoulders)
    Point(0.375, 0.620),  # lower ribs (editorial)
    Point(0.355, 0.820),  # waist 0.71 L, men (ANSUR II)
    Point(0.375, 1.000),  # iliac crest (editorial)
    Point(0.380, 1.180),  # hips 0.76 L, men (ANSUR II)
    Point(0.360, 1.420),  # buttocks, where the figure is cut (editorial)
)
_side = catmull_rom(_OUTLINE_RIGHT, samples=10)
OUTLINE: tuple[Point, ...] = (*_side, *reversed(mirror(_side)))
"""The back's outline, a closed smooth polygon (first point not repeated): down the patient's right side,
across the cut below the buttocks, up the left side, across the neck."""
OUTLINE_CITE = Cite(
    reference="ANSUR II widths (bideltoid 1.12, biacromial 0.91, waist 0.71, hips 0.76 L); "
    "editorial smoothing between them"
)

# --- Landmarks --------------------------------------------------------------------------------------------
_SCAPULA_RIGHT = (
    Point(0.160, 0.100),  # superior angle at T2 (Netter)
    Point(0.300, 0.115),
    Point(0.430, 0.150),  # acromion
    Point(0.405, 0.210),  # glenoid, under the deltoid
    Point(0.300, 0.290),
    Point(0.180, 0.330),  # inferior angle at T6, lying prone (Haneline 2007)
    Point(0.115, 0.220),  # medial border, about 5 cm (0.11 L) from the midline (Hoppenfeld; Kendall)
    Point(0.110, 0.160),  # root of the spine at T3 (Netter)
)
_SCAPULA_SPINE_RIGHT = (Point(0.110, 0.160), Point(0.280, 0.135), _SCAPULA_RIGHT[2])  # root (T3) to acromion
_RIB11_RIGHT = catmull_rom((Point(0.05, 0.61), Point(0.20, 0.66), Point(0.33, 0.76)), samples=6)
_RIB12_RIGHT = catmull_rom((Point(0.05, 0.67), Point(0.15, 0.72), Point(0.24, 0.80)), samples=6)
# Kidneys: T11/T12 to L3, 2.5–9.5 cm from the midline; the right one about 1.25 cm lower.
_KIDNEY_X = (cm(2.5) + cm(9.5)) / 2
_KIDNEY_RX = (cm(9.5) - cm(2.5)) / 2
_KIDNEY_TOP, _KIDNEY_BOTTOM = (LEVELS["T11"] + LEVELS["T12"]) / 2, LEVELS["L3"]
_KIDNEY_RY = (_KIDNEY_BOTTOM - _KIDNEY_TOP) / 2
_KIDNEY_LEFT = ellipse(Point(-_KIDNEY_X, (_KIDNEY_TOP + _KIDNEY_BOTTOM) / 2), _KIDNEY_RX, _KIDNEY_RY, n=32, tilt_deg=-8)
_KIDNEY_RIGHT = ellipse(
    Point(_KIDNEY_X, (_KIDNEY_TOP + _KIDNEY_BOTTOM) / 2 + cm(1.25)), _KIDNEY_RX, _KIDNEY_RY, n=32, tilt_deg=8
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
    *_pair("scapula", "Scapula", _SCAPULA_RIGHT, Cite(reference="Netter plate 149; Haneline 2007"), closed=True),
    *_pair("scapula_spine", "Spine of the scapula", _SCAPULA_SPINE_RIGHT, NETTER),
    *_pair("scapula_superior_angle", "Superior angle of the scapula (T2)", (_SCAPULA_RIGHT[0],), NETTER),
    *_pair("scapula_inferior_angle", "Inferior angle of the scapula (T6 prone)", (_SCAPULA_RIGHT[5],), HANELINE),
    *_pair(
        "scapula_medial_border",
        "Medial border of the scapula",
        (_SCAPULA_RIGHT[7], _SCAPULA_RIGHT[6], _SCAPULA_RIGHT[5]),
        Cite(reference="Hoppenfeld; Kendall: about 5 cm from the spinous processes"),
    ),
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
