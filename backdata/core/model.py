"""The types of the back model: what a region, a stroke line, a step and a caution *are*.

The content (the classical method of the source text) lives in :mod:`backdata.method.classical`; this module holds no
facts, so that a second method could be loaded into the same types and checked by the same code.

Coordinate frame (stated once, used everywhere; see :mod:`backdata.method.anatomy` for the numbers):

* The patient lies prone and is seen **from behind**, as the therapist standing at the table sees the back.
* ``x`` is horizontal, ``x = 0`` on the line of the spinous processes. **Positive x is the patient's right**
  (the viewer's right, since viewer and patient face the same way). Negative x is the patient's left.
* ``y`` is vertical, ``y = 0`` at the spinous process of C7, ``y = 1`` at the line of the iliac crests,
  **y grows toward the feet** (C1 is at negative y, the sacrum below 1). Drawing code flips the axis so the
  head is at the top.
* The unit ``L`` is the C7-to-crest distance (adult mean about 45.6 cm in men, 40.0 cm in women, ANSUR II).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

__all__ = [
    "Caution",
    "Cite",
    "Duration",
    "Intensity",
    "Landmark",
    "Minutes",
    "Mode",
    "Muscle",
    "Point",
    "Position",
    "Region",
    "Rule",
    "Side",
    "Step",
    "StrokeKind",
    "StrokeLine",
    "Target",
    "Technique",
    "TechniqueInfo",
    "Tension",
]


class Mode(str, enum.Enum):
    """How the massage is given: the source's two forms."""

    hygienic = "hygienic"
    """Wellness / preventive ("hygienic") massage: the shorter durations."""
    therapeutic = "therapeutic"
    """Therapeutic massage: the longer durations the source gives "with the therapeutic method"."""

    def __str__(self) -> str:
        return self.value


class Technique(str, enum.Enum):
    """The seven techniques of the method, in the usual order of a session."""

    stroking = "stroking"
    squeezing = "squeezing"
    rubbing = "rubbing"
    kneading = "kneading"
    vibration = "vibration"
    percussion = "percussion"
    shaking = "shaking"

    def __str__(self) -> str:
        return self.value


class Intensity(str, enum.Enum):
    """Force of work along a line, from lightest to strongest (ordered: compare with :attr:`rank`)."""

    gentle = "gentle"
    dosed = "dosed"
    moderate = "moderate"
    intense = "intense"

    @property
    def rank(self) -> int:
        """0 for gentle … 3 for intense."""
        return list(Intensity).index(self)

    def __str__(self) -> str:
        return self.value


class Position(str, enum.Enum):
    """Patient position."""

    prone = "prone"
    """Lying on the stomach."""
    sitting = "sitting"

    def __str__(self) -> str:
        return self.value


class Side(str, enum.Enum):
    """The patient's side (not the viewer's): right is ``x > 0``."""

    right = "right"
    left = "left"

    @property
    def sign(self) -> int:
        return 1 if self is Side.right else -1

    def __str__(self) -> str:
        return self.value


class Target(str, enum.Enum):
    """Where a stroke line runs toward: the lymph node group of the massage convention."""

    axillary = "axillary"
    inguinal = "inguinal"
    supraclavicular = "supraclavicular"
    shoulder_girdle = "shoulder_girdle"
    local = "local"
    """Work in place (circles, rubbing at a point): no direction of drainage."""

    def __str__(self) -> str:
        return self.value


class StrokeKind(str, enum.Enum):
    longitudinal = "longitudinal"
    transverse = "transverse"
    circular = "circular"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Point:
    """A point in the back frame (units of L; see the module docstring)."""

    x: float
    y: float

    def mirrored(self) -> Point:
        """The same point on the patient's other side."""
        return Point(-self.x, self.y)

    def distance(self, other: Point) -> float:
        return math.hypot(self.x - other.x, self.y - other.y)


@dataclass(frozen=True, slots=True)
class Cite:
    """Where a fact comes from.

    ``lines`` are 1-based line numbers of the source text (``backdata/source/back-massage.txt``) and ``quote``
    is a verbatim fragment of those lines, checked by :func:`backdata.method.validate`. A fact that is not from the
    source text has no ``lines`` and names its ``reference`` (an anatomy text, or ``"editorial"``).
    """

    lines: tuple[int, ...] = ()
    quote: str = ""
    reference: str = ""

    @property
    def editorial(self) -> bool:
        return self.reference.startswith("editorial")

    def __str__(self) -> str:
        if self.lines:
            span = f"{self.lines[0]}" if len(self.lines) == 1 else f"{self.lines[0]}–{self.lines[-1]}"
            return f"source line {span}" + (f"; {self.reference}" if self.reference else "")
        return self.reference


class Minutes(NamedTuple):
    """A duration range in minutes, ``(min, max)``; ``nan`` where unknown."""

    min: float
    max: float

    @property
    def known(self) -> bool:
        return not (math.isnan(self.min) or math.isnan(self.max))

    def __str__(self) -> str:
        if not self.known:
            return "—"
        lo, hi = (f"{v:g}" for v in self)
        return f"{lo} min" if lo == hi else f"{lo}–{hi} min"


@dataclass(frozen=True, slots=True)
class Duration:
    """Minutes with their origin: from the source (``cite.lines``) or an editorial default (``cite.editorial``)."""

    minutes: Minutes
    cite: Cite


@dataclass(frozen=True, slots=True)
class TechniqueInfo:
    """What a technique is: names, depth, limits, and how it is drawn."""

    technique: Technique
    synonyms: tuple[str, ...]
    description: str
    depth: int
    """Relative depth of effect, 1 (surface) to 4 (deep)."""
    max_minutes: float | None
    """The source's time limit for the technique in a session, if it gives one."""
    style: str
    """Key of the drawing style (:mod:`backdata.views.strokes` computes its marks)."""
    cite: Cite
    limit_cite: Cite | None = None
    note: str = ""
    max_intensity: Intensity | None = None
    """The strongest force the technique is ever given, whatever the line allows (stroking: moderate)."""
    max_intensity_cite: Cite | None = None
    keep_off: tuple[str, ...] = ()
    """Keys of landmarks (:data:`backdata.LANDMARKS`) the technique's marks never cover (percussion: the kidneys and
    the sacrum). No technique covers the spinous processes (source line 32): that holds for all, not listed here."""
    keep_off_cite: Cite | None = None


@dataclass(frozen=True, slots=True)
class StrokeLine:
    """One numbered stroke line on one side, its points in the direction of the stroke."""

    number: int
    side: Side
    points: tuple[Point, ...]
    kind: StrokeKind
    intensity: Intensity
    target: Target
    cite: Cite
    intensity_cite: Cite

    @property
    def start(self) -> Point:
        return self.points[0]

    @property
    def end(self) -> Point:
        return self.points[-1]

    @property
    def label(self) -> str:
        return f"{self.number}{'R' if self.side is Side.right else 'L'}"


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a region's technique sequence."""

    technique: Technique
    lines: tuple[int, ...]
    """Numbers of the stroke lines the step works along (both sides)."""
    cite: Cite
    minutes: Duration | None = None
    """Minutes from the source, the same in every mode unless ``minutes_by_mode`` says otherwise."""
    minutes_by_mode: Mapping[Mode, Duration] = field(default_factory=dict)
    note: str = ""
    by_indication: bool = False
    """Only when a doctor has indicated it (percussion in the lower thoracic region)."""
    upper_level: str | None = None
    """The highest vertebral level the step may reach (collar vibration: ``"C6"``)."""
    intensity: Intensity | None = None
    """A ceiling on the lines' force for this step (the collar's closing light stroking, the lumbar stroking);
    the force of a mark is the lowest of the line's, the technique's and this (:func:`backdata.mark_intensity`)."""
    intensity_cite: Cite | None = None
    label: str = ""
    """Short name for the step when the technique alone is ambiguous ("stroking across")."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "minutes_by_mode", MappingProxyType(dict(self.minutes_by_mode)))

    def duration(self, mode: Mode) -> Duration | None:
        return self.minutes_by_mode.get(mode, self.minutes)

    @property
    def title(self) -> str:
        return self.label or self.technique.value


@dataclass(frozen=True, slots=True)
class Caution:
    """A warning: its text, its source, and the zone of the back it concerns when it is spatial."""

    key: str
    label: str
    """A few words for a legend or a map label."""
    text: str
    cite: Cite
    zones: tuple[tuple[Point, ...], ...] = ()
    """Closed polygons (first point not repeated) in the back frame; empty when the caution is not spatial."""
    techniques: tuple[Technique, ...] = ()
    """The techniques it limits; empty for all."""


@dataclass(frozen=True, slots=True)
class Landmark:
    key: str
    name: str
    points: tuple[Point, ...]
    """One point, a polyline, or a closed polygon (``closed``)."""
    cite: Cite
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Muscle:
    """A superficial muscle (or a part of one, or a fascia) drawn under the stroke lines, built from its
    attachments on the landmarks."""

    key: str
    name: str
    points: tuple[Point, ...]
    """A closed polygon (first point not repeated): the patient's right side when ``paired``, else the whole."""
    attachments: str
    """Origin and insertion, in words, as the reference gives them."""
    cite: Cite
    paired: bool = True
    """Drawn on both sides (the left one mirrored); ``False`` for a shape across the midline."""

    @property
    def outlines(self) -> tuple[tuple[Point, ...], ...]:
        """Every polygon drawn: right and left when ``paired``, else the one."""
        if not self.paired:
            return (self.points,)
        return (self.points, tuple(Point(-p.x, p.y) for p in self.points))


REGION_PALETTE = ("orange", "sky_blue", "bluish_green", "yellow", "blue", "vermillion", "reddish_purple")
"""The colour names a region may take (the Okabe–Ito palette but black, in its order; the theme holds their hex)."""
HATCH_MARKS = "/\\|-+xoO.*"
"""The marks a region's fill pattern is written with (matplotlib's hatch characters)."""


@dataclass(frozen=True, slots=True)
class Region:
    """A massage region of the method."""

    name: str
    title: str
    extent: tuple[str, str]
    """Top and bottom vertebral level, e.g. ``("T7", "T12")``."""
    extent_cite: Cite
    positions: tuple[Position, ...]
    """Possible patient positions, the preferred one first."""
    position_cite: Cite
    zones: tuple[tuple[Point, ...], ...]
    """The region's area on the back: one or more closed polygons (the scapula region has one per side)."""
    lines: tuple[StrokeLine, ...]
    steps: tuple[Step, ...]
    total: Mapping[Mode, Duration]
    cautions: tuple[Caution, ...]
    purpose: str
    """Why the lines run where they do (lymph drainage, bones, organs)."""
    purpose_cite: Cite
    summary: str = ""
    color: str | None = None
    """The region's fill, a name of :data:`REGION_PALETTE` (``None``: the theme chooses, see
    :func:`backdata.views.theme.region_color`)."""
    hatch: str | None = None
    """The region's fill pattern, e.g. ``"xx"`` (``""``: plain; ``None``: the theme chooses)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "total", MappingProxyType(dict(self.total)))

    def line_numbers(self) -> tuple[int, ...]:
        return tuple(sorted({ln.number for ln in self.lines}))

    def lines_numbered(self, number: int) -> tuple[StrokeLine, ...]:
        return tuple(ln for ln in self.lines if ln.number == number)

    def __repr__(self) -> str:
        return f"<Region {self.name!r}: {self.title}, {len(self.steps)} steps, {len(self.lines)} lines>"


@dataclass(frozen=True, slots=True)
class Rule:
    """A general rule of the method; ``limit_minutes`` where the rule is a time limit."""

    key: str
    text: str
    cite: Cite
    limit_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class Tension:
    """A tension inside the source text itself, and how the collection treats it."""

    key: str
    text: str
    stance: str
    cite: Cite
