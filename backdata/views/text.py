"""The words a reader sees that are not data: how minutes are written, the marks "editorial" and "Only by
indication", the words for where a line runs, and the pieces of captions and alt text.

One home for them is the route to a translation later: a second language is a second set of these constants
and functions, and the tables, figures, explorer, handouts and slides follow. (The facts themselves — titles,
notes, cautions, quotes — are data in :mod:`backdata.method.classical`; ``str(Minutes)`` ("5–6 min") is the
data's own form in :mod:`backdata.core.model`.)
"""

from __future__ import annotations

from backdata.core.model import Minutes, Target

__all__ = [
    "ALT_CAUTIONS",
    "ALT_HEAD",
    "ALT_LAYOUT",
    "ALT_LAYOUT_WHOLE",
    "ALT_LINES_VIEW",
    "ALT_NOT_ABOVE",
    "ALT_STEP",
    "ALT_TEXT",
    "BY_INDICATION",
    "BY_INDICATION_DOCTOR",
    "CAPTION_HEAD",
    "CAPTION_LINES_VIEW",
    "CAPTION_STEP",
    "CLOSING_TITLE",
    "DIRECTION_WORDS",
    "EDITORIAL",
    "EDITORIAL_SHARE_TAG",
    "EDITORIAL_TAG",
    "LINES_IN_PLACE",
    "LINES_RUN",
    "LINE_MANY",
    "LINE_ONE",
    "LOCATOR_NAME",
    "NODE_WORDS",
    "NOT_IN_SOURCE",
    "ONLY_BY_INDICATION_SHORT",
    "SCALE_BAR",
    "TARGET_SHORT",
    "TARGET_WORDS",
    "TIMELINE_AXIS",
    "TIMELINE_REGION_TOTAL",
    "TIMELINE_SOURCE_TIMES",
    "TIMELINE_TOTALS",
    "WHOLE_BACK",
    "editorial_minutes",
    "minutes_span",
    "timed",
]

EDITORIAL = "editorial"
"""The word that marks a number the source does not give (an even share, a default)."""
EDITORIAL_TAG = f" ({EDITORIAL})"
"""Appended to a value that is editorial: ``"5–6 min (editorial)"``."""
EDITORIAL_SHARE_TAG = f" ({EDITORIAL} share)"
"""Appended to a step's editorial share of the region's time (the speaker notes)."""
NOT_IN_SOURCE = "— (not in the source)"
"""A time the source does not give and the table does not estimate."""

BY_INDICATION = "Only by indication."
"""After the note of a step the source allows only when indicated (percussion, shaking)."""
BY_INDICATION_DOCTOR = "Only by indication, a doctor consulted."
"""The same in a figure's alt text (the source: "It is advisable to consult a doctor")."""
ONLY_BY_INDICATION_SHORT = "only by indication"
"""The same in a figure's caption line."""

TARGET_SHORT = {
    Target.axillary: "toward the armpit",
    Target.inguinal: "toward the groin",
    Target.supraclavicular: "toward the collarbone",
    Target.shoulder_girdle: "toward the shoulder girdle",
    Target.local: "in small circles in place",
}
"""Where a line runs, in a few words (the self-check's options use these)."""
NODE_WORDS = {
    Target.axillary: "axillary nodes",
    Target.inguinal: "inguinal nodes",
    Target.supraclavicular: "supraclavicular nodes",
}
"""The lymph nodes a line runs to."""
NODE_WHERE = {Target.inguinal: "(in front,\nat the groin)"}
"""Under a node group's name on a plate, where the group lies when it is not on the back: the inguinal nodes are
drawn beside the hip, where the lumbar lines point, but lie in front, in the groin."""
TARGET_WORDS = {t: f"{w} ({NODE_WORDS[t]})" if t in NODE_WORDS else w for t, w in TARGET_SHORT.items()}
TARGET_WORDS[Target.local] = "in place"
"""Where a line runs, with its nodes (the alt text and the lines' summary)."""


def editorial_minutes(minutes: Minutes | str) -> str:
    """An editorial time: ``"≈1–1.5 min (editorial)"``."""
    return f"≈{minutes}{EDITORIAL_TAG}"


def timed(minutes: Minutes, origin: str) -> str:
    """A step's time as the reader sees it: the source's own, or marked editorial (any other origin)."""
    return f"{minutes}" if origin == "source" else editorial_minutes(minutes)


def minutes_span(lo: float, hi: float) -> str:
    """Minutes without the unit, for a column headed "min": ``"5–6"``, ``"2"``."""
    return f"{lo:g}–{hi:g}" if lo != hi else f"{lo:g}"


# --- Alt text and captions (templates: ``str.format`` fields named for what they hold) ------------------------

ALT_HEAD = "{title} ({top}–{bottom}), patient {position}, seen from behind"
"""The start of a region figure's alt text."""
ALT_LINES_VIEW = "All {count} numbered lines on both sides: {lines}."
"""What the lines view (step 0) shows."""
ALT_STEP = "Step {step} of {steps}: {title} ({technique}) along {lines}."
"""What a step's view shows."""
ALT_NOT_ABOVE = " Not above {level}."
"""A step's upper limit (a vertebra)."""
ALT_CAUTIONS = " Cautions: {cautions}."
"""The region's cautions, joined by "; "."""
ALT_TEXT = "{head}. {what} Whole region {total} ({mode}).{cautions}{layout}"
"""A region figure's whole alt text."""
ALT_LAYOUT = " A small map of the whole back shows where the region lies; a bar gives the scale in centimetres."
"""The plate's locator and scale bar, in the alt text of a zoomed region (the whole back has only the bar)."""
ALT_LAYOUT_WHOLE = " A bar gives the scale in centimetres."
"""The scale bar, in the alt text of the whole-back plate."""
LOCATOR_NAME = "where on the back"
"""Over the locator: the small whole back with the region and the plate's view marked."""
SCALE_BAR = "{cm} cm"
"""Over the plate's scale bar: its length."""

LINE_ONE = "line {number}"
LINE_MANY = "lines {numbers}"
"""A group of lines named by number ("lines 1, 2")."""
LINES_RUN = "{label}: from the spine side {how}, {target}, {force} force"
LINES_IN_PLACE = "{label}: worked {target}, {force} force"
"""How a group of lines runs (``how`` from :data:`DIRECTION_WORDS`)."""
DIRECTION_WORDS = {
    "down": "downward",
    "up": "upward",
    "out": "outward",
    "in": "inward",
    "place": "in place",
    "and": " and ",
}
"""The words of a line's direction, relative to the spine and the feet."""

CAPTION_LINES_VIEW = "Lines and directions · {head}"
CAPTION_STEP = "Step {step} of {steps}: {title} · {when}{extra} · {head}"
CAPTION_HEAD = "{mode} · whole region {total}"
"""The line under a region plate's title."""
TIMELINE_AXIS = (
    "minutes from the start (upper bar, solid: the shortest session; lower bar, light: the longest; "
    "hatched: editorial times)"
)
"""The x axis of a session's timeline."""
TIMELINE_TOTALS = ("shortest {minutes}", "longest {minutes}")
"""The marks at the session's two totals on the timeline (the table's total row)."""
TIMELINE_REGION_TOTAL = "{minutes}"
"""Beside a region's last step on the timeline: the region's stated total, which its steps fill."""
TIMELINE_SOURCE_TIMES = " (source: {minutes})"
"""After a timeline label whose step the source times differently from the region's total it is fitted to."""
CLOSING_TITLE = "Closing: vibration or light tapping"
"""The session table's row for the closing step (line 133)."""
WHOLE_BACK = "whole back"
"""The lines column of a step over the whole back (the closing)."""
