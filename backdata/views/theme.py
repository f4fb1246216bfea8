"""The collection's one theme: every colour, fill pattern and badge style of the plates, the HTML and the slides.

Hex colours are written here and nowhere else. The plates use the Okabe–Ito palette (colour-blind safe) and a
few neutrals; every meaning also has a second cue (hatch, dash, shape, label). The HTML and CSS take their role
colours (``WARN``, ``ACCENT``, ``FOCUS``, ...) from the same palette; CSS blocks name them ``$role`` and are
filled in by :func:`css`. :func:`theme_problems` checks that every region and every spatial caution has its
colour and pattern (it is part of :func:`backdata.validate`).

No matplotlib here: importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from string import Template
from types import MappingProxyType

from backdata.core.model import REGION_PALETTE, Intensity, Region, Technique

__all__ = [
    "ACCENT",
    "ARM",
    "BADGE",
    "BONE",
    "CAUTION_COLOR",
    "CAUTION_HATCHES",
    "CAUTION_HATCH_COLOR",
    "CAUTION_LINESTYLE",
    "CAUTION_SIGN",
    "CSS_COLORS",
    "HALO",
    "INK",
    "LIGHT_COLORS",
    "MUSCLE_EDGE",
    "MUSCLE_TEXT",
    "MUSCLE_TINTS",
    "MUTED",
    "OKABE_ITO",
    "REGION_COLOR",
    "REGION_HATCH",
    "REGION_HATCHES",
    "SKIN",
    "SPINE_BAND",
    "TECHNIQUE_COLOR",
    "WARN",
    "caution_hatches",
    "muscle_tint",
    "region_color",
    "region_hatch",
    "region_looks",
    "css",
    "mark_edge",
    "theme_problems",
]

# --- The palette ------------------------------------------------------------------------------------------------

OKABE_ITO = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
    }
)
"""The Okabe–Ito palette. Orange, sky blue and yellow are below 3:1 on white: used only for filled areas."""

INK = "#1a1a1a"
"""Text and outlines, on the plates and the pages."""
MUTED = "#6b6b6b"
"""Landmarks and secondary text on the plates."""
SKIN = "#f6f1ec"
"""The back's fill."""
SPINE_BAND = "#e3ddd6"
"""The band of the spinous processes."""
BONE = "#ebe4dc"
"""The scapulae and the sacrum."""
ARM = "#efe7de"
"""The arms lying along the body: a shade darker than the back, so the trunk's edge reads."""
MUSCLE_TINTS = MappingProxyType(
    {
        "trapezius": "#efd6cf",
        "latissimus_dorsi": "#d9e1ea",
        "rhomboids": "#e7dcc4",
        "levator_scapulae": "#e7dcc4",
        "erector_spinae": "#e4d9ea",
        "gluteus_maximus": "#efd6cf",
        "thoracolumbar_fascia": "#e6e6e1",
    }
)
"""Pale fills of the superficial muscles (key, or a muscle key's prefix such as ``trapezius``): light enough to
stay under the marks; the names, not the tints, tell them apart (so no colour-vision need)."""
MUSCLE_EDGE = "#b59a90"
"""The muscles' borders (thin, dashed between the parts of one muscle)."""
MUSCLE_TEXT = "#6e4f45"
"""The muscles' names in the muscles view (7.3:1 on white, where the names stand; 6.5:1 on the skin)."""

# --- Roles on the pages (HTML, CSS, slides, notebook output) ---------------------------------------------------

PAGE = "#fff"
"""The page's background (and text on an accent background)."""
TEXT_MUTED = "#595959"
"""Footers and counters: muted text that still has 7:1 on white."""
EDITORIAL_OPACITY = ".8"
"""Editorial rows of a notebook's plan table (with italics): dimmed, not recoloured, so that they read on a
light and on a dark notebook theme alike (a fixed grey would vanish on JupyterLab's dark theme)."""
ACCENT = OKABE_ITO["blue"]
"""The chosen button, the speaker notes' rule, a quiz's focus ring."""
WARN = OKABE_ITO["vermillion"]
"""The notice, warnings and a wrong answer: a left border."""
OK = OKABE_ITO["bluish_green"]
"""A right answer: a left border."""
FOCUS = OKABE_ITO["orange"]
"""The keyboard focus ring of the view buttons."""
LINK = "#005a8c"
RULE = "#ddd"
"""Table and heading rules."""
FRAME = "#ccc"
"""Boxes round a view; the line between slides."""
FIELD_FRAME = "#bbb"
"""A quiz question's box."""
CONTROL_BORDER = "#888"
CONTROL_BACKGROUND = "#fafafa"
CODE_BACKGROUND = "#f3f3f3"
NOTICE_BACKGROUND = "#fdf3ec"
HIGHLIGHT = "#e8f1f8"
"""The current row of a plan table."""
OK_BACKGROUND = "#e6f4ee"
WRONG_BACKGROUND = "#fbeee6"

CSS_COLORS = MappingProxyType(
    {
        "ink": INK,
        "page": PAGE,
        "text_muted": TEXT_MUTED,
        "accent": ACCENT,
        "warn": WARN,
        "ok": OK,
        "focus": FOCUS,
        "link": LINK,
        "rule": RULE,
        "frame": FRAME,
        "field_frame": FIELD_FRAME,
        "control_border": CONTROL_BORDER,
        "control_background": CONTROL_BACKGROUND,
        "code_background": CODE_BACKGROUND,
        "notice_background": NOTICE_BACKGROUND,
        "highlight": HIGHLIGHT,
        "ok_background": OK_BACKGROUND,
        "wrong_background": WRONG_BACKGROUND,
    }
)
"""Role name → colour, as CSS blocks name them (``$ink``, ``$warn``, ...)."""


def css(template: str) -> str:
    """A stylesheet with its ``$role`` names (see :data:`CSS_COLORS`) replaced by the theme's colours."""
    return Template(template).substitute(CSS_COLORS)


# --- Meanings on the plates ---------------------------------------------------------------------------------------

TECHNIQUE_COLOR = MappingProxyType(
    {
        Technique.stroking: OKABE_ITO["blue"],
        Technique.squeezing: OKABE_ITO["sky_blue"],
        Technique.rubbing: OKABE_ITO["vermillion"],
        Technique.kneading: OKABE_ITO["reddish_purple"],
        Technique.vibration: OKABE_ITO["bluish_green"],
        Technique.percussion: OKABE_ITO["yellow"],
        Technique.shaking: OKABE_ITO["orange"],
    }
)
"""Ink per technique: seven of the eight Okabe–Ito colours, one each (black stays the ink of the lines view and
of the outlines). The mark's shape is the first cue (see :mod:`backdata.views.strokes`), the colour the second;
``tests/test_encodings.py`` checks that the seven stay apart under simulated deuteranopia, protanopia and
tritanopia. The light ones are drawn with a dark edge: see :data:`LIGHT_COLORS`."""

LIGHT_COLORS = frozenset({OKABE_ITO["orange"], OKABE_ITO["sky_blue"], OKABE_ITO["yellow"]})
"""The Okabe–Ito colours below 3:1 on white. A mark in one of them is cased: drawn with a dark edge
(:func:`mark_edge`); the techniques that take them have thick marks (the heavy squeezing line, the percussion
dots, the shaking zigzags)."""
HALO = "white"
"""The halo round every mark, so that it reads over the zone, the caution hatching and the other lines."""

REGION_COLOR = MappingProxyType(
    {
        "preliminary": OKABE_ITO["sky_blue"],
        "collar": OKABE_ITO["orange"],
        "scapula": OKABE_ITO["reddish_purple"],
        "lower_thoracic": OKABE_ITO["bluish_green"],
        "lumbar": OKABE_ITO["yellow"],
    }
)
"""Fill per region (overview map, plates, timeline)."""
REGION_HATCH = MappingProxyType(
    {"preliminary": "", "collar": "..", "scapula": "oo", "lower_thoracic": "\\\\", "lumbar": "--"}
)
"""Fill pattern per region: the second cue of the overview map in black and white (the preliminary massage,
the whole back, is the plain one)."""
REGION_HATCHES = ("", "..", "oo", "\\\\", "--", "//", "||", "xx", "++", "**", "OO")
"""The fill patterns a region without its own takes, the first one no other region of its method uses."""


def region_looks(regions: Iterable[Region]) -> dict[str, tuple[str | None, str | None]]:
    """Region name → (fill colour, hatch) for a method's regions: the region's own choice (``color``: a name of
    :data:`~backdata.core.model.REGION_PALETTE`; ``hatch``), else :data:`REGION_COLOR` / :data:`REGION_HATCH`,
    else the first palette colour and the first of :data:`REGION_HATCHES` not used by the other regions (in the
    regions' order). A colour name outside the palette gives ``None`` (:func:`theme_problems` names it)."""
    regs = list(regions)
    colours = {r.name: r.color if r.color is not None else REGION_COLOR.get(r.name) for r in regs}
    hatches = {r.name: r.hatch if r.hatch is not None else REGION_HATCH.get(r.name) for r in regs}
    palette = [n for n in OKABE_ITO if n in REGION_PALETTE]
    for table, choices in ((colours, [OKABE_ITO[n] for n in palette]), (hatches, list(REGION_HATCHES))):
        for name, value in table.items():
            if value is None:
                used = {OKABE_ITO.get(v, v) for v in table.values() if v is not None}
                free = [c for c in choices if c not in used]
                table[name] = free[0] if free else choices[list(table).index(name) % len(choices)]
    return {r.name: (_hex(colours[r.name]), hatches[r.name]) for r in regs}


def _hex(colour: str | None) -> str | None:
    if colour is None or colour.startswith("#"):
        return colour
    return OKABE_ITO.get(colour) if colour in REGION_PALETTE else None


def _method_regions(reg: Region | str) -> tuple[list[Region], str]:
    from backdata.method.current import current

    regs = list(current().regions)
    if isinstance(reg, str):
        return regs, reg
    return (
        [reg if r.name == reg.name else r for r in regs] if reg.name in {r.name for r in regs} else [*regs, reg]
    ), reg.name


def region_color(reg: Region | str) -> str:
    """The fill colour (hex) of a region (or a region's name) of the current method: see :func:`region_looks`."""
    regs, name = _method_regions(reg)
    colour = region_looks(regs).get(name, (None, None))[0]
    if colour is None:
        raise KeyError(f"no colour for the region {name!r}")
    return colour


def region_hatch(reg: Region | str) -> str:
    """The fill pattern of a region (or a region's name) of the current method: see :func:`region_looks`."""
    regs, name = _method_regions(reg)
    hatch = region_looks(regs).get(name, (None, None))[1]
    if hatch is None:
        raise KeyError(f"no fill pattern for the region {name!r}")
    return hatch


CAUTION_COLOR = "#404040"
"""The dash-dot outline of every caution's zone: a neutral dark grey, the colour of no technique (cautions have
their own visual language: outline, grey hatching, a warning sign in the legend, never a technique's colour)."""
CAUTION_HATCH_COLOR = "#b8b8b8"
"""The hatching inside a caution's zone: a light neutral grey, drawn under the marks."""
CAUTION_LINESTYLE = (0, (4, 1.5, 1, 1.5))
"""The caution outline's dash-dot (the region's outline is dashed, the guides are short dashes)."""
CAUTION_SIGN = "⚠"
"""The sign before a caution's label in the plate's legend."""
CAUTION_HATCHES = ("////", "\\\\\\\\", "xx", "++")
"""The hatches of a region's spatial cautions, in the order of its cautions: one each."""

BADGE = MappingProxyType(
    {
        Intensity.gentle: {"face": "white", "text": INK, "ls": ":"},
        Intensity.dosed: {"face": "white", "text": INK, "ls": "--"},
        Intensity.moderate: {"face": "white", "text": INK, "ls": "-"},
        Intensity.intense: {"face": INK, "text": "white", "ls": "-"},
    }
)
"""Number badge per intensity: the cue beside line width (dotted, dashed, solid ring; filled for intense)."""


def mark_edge(colour: str) -> str | None:
    """The edge a mark of ``colour`` is drawn with: :data:`INK` round a light colour, none round a dark one."""
    return INK if colour in LIGHT_COLORS else None


def caution_hatches(reg: Region) -> dict[str, str]:
    """A hatch for each spatial caution of the region (in the order of its cautions); past the last of
    :data:`CAUTION_HATCHES` they repeat, which :func:`theme_problems` reports."""
    keys = [c.key for c in reg.cautions if c.zones]
    return {k: CAUTION_HATCHES[i % len(CAUTION_HATCHES)] for i, k in enumerate(keys)}


def theme_problems(regions: Iterable[Region]) -> list[str]:
    """Every region without its colour or fill pattern, two regions that look alike, and every spatial caution
    without a hatch of its own on its region's plate; as sentences, empty when the theme covers the regions."""
    problems: list[str] = []
    looks: dict[tuple[str, str], str] = {}
    regions = list(regions)
    chosen = region_looks(regions)
    for reg in regions:
        colour, hatch = chosen[reg.name]
        if reg.color is not None and colour is None:
            import difflib

            close = difflib.get_close_matches(str(reg.color).lower(), REGION_PALETTE, n=1, cutoff=0.6)
            hint = f" did you mean {close[0]!r}?" if close else ""
            problems.append(
                f"{reg.name}: colour {reg.color!r} is not a palette name:{hint} valid: {', '.join(REGION_PALETTE)}"
            )
        elif colour is None:
            problems.append(f"{reg.name}: no colour in REGION_COLOR")
        if hatch is None:
            problems.append(f"{reg.name}: no fill pattern in REGION_HATCH")
        if colour is not None and hatch is not None:
            other = looks.setdefault((colour, hatch), reg.name)
            if other != reg.name:
                problems.append(f"{reg.name}: same colour and pattern as {other}")
        spatial = [c.key for c in reg.cautions if c.zones]
        for i, key in enumerate(spatial):
            hatch = CAUTION_HATCHES[i] if i < len(CAUTION_HATCHES) else ""
            if not hatch or hatch in CAUTION_HATCHES[:i]:
                problems.append(
                    f"{reg.name}: caution {key!r} has no hatch of its own (CAUTION_HATCHES has "
                    f"{len(CAUTION_HATCHES)} for {len(spatial)} spatial cautions)"
                )
    return problems


def muscle_tint(key: str) -> str:
    """The fill of a muscle: its own tint, or its family's (``trapezius_upper`` → ``trapezius``)."""
    for name in (key, key.split("_")[0]):
        if name in MUSCLE_TINTS:
            return MUSCLE_TINTS[name]
    raise KeyError(f"no tint for the muscle {key!r}")
