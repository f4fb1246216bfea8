"""The classical back-massage method of the source text, loaded from the method file the package ships
(``backdata/method/classical.toml``) like any other method (:func:`backdata.load_method`).

Every fact cites the line of ``backdata/source/back-massage.txt`` it comes from (``Cite(lines, quote)``; the
quote is checked against the text when the file is read and by :func:`backdata.validate`). What the source does
not give is either left empty or marked ``editorial`` with a reason. The source's figures are lost: the stroke
lines are reconstructed from its words and the drainage rule of ``anatomy.md`` (strokes run toward the nearest
lymph nodes, never over the spinous processes); the reconstruction is documented on each region, in the file.

Coordinates: the back frame of :mod:`backdata.core.model` (x to the patient's right, y toward the feet, unit L).
Lines are written for the patient's right side and mirrored to the left.

The names here are the *classical* method's, whatever method is current: the API (``backdata.REGIONS``,
``backdata.plan`` …) reads the current method (:mod:`backdata.method.current`), which starts as this one.
"""

from __future__ import annotations

from backdata.core.method_type import Method
from backdata.core.model import Region, Step, Tension
from backdata.method.files.classical import classical_method

__all__ = [
    "CAUTIONS",
    "CLOSING",
    "CONTRAINDICATIONS",
    "CONTRAINDICATIONS_REFERENCE",
    "METHOD",
    "NOTICE",
    "REGION_LIST",
    "RULES",
    "SESSION_ORDER",
    "SOURCE_CLAIMS_NOTE",
    "SOURCE_TENSIONS",
    "TEXT_ORDER",
    "TEXT_SECTIONS",
]

METHOD: Method = classical_method()
"""The whole classical method, as :func:`backdata.load_method` reads the shipped file."""

REGION_LIST: tuple[Region, ...] = METHOD.regions
"""The regions in the order of the text's teaching: preliminary first, then the detailed regions."""

SESSION_ORDER: tuple[str, ...] = METHOD.session_order
"""The planner's default order: preliminary first (line 23, 35), then bottom-up (line 107: "start from the
sacrum area, smoothly moving upward"). The notebooks follow the text's order instead (:data:`TEXT_ORDER`)."""

TEXT_SECTIONS = METHOD.text_sections
"""Region name → the heading of its section in the source text (:class:`Cite`)."""

TEXT_ORDER: tuple[str, ...] = METHOD.text_order
"""The regions in the order of the source text's sections (the notebooks' numbering, the slides, the printed
sheets): ``("preliminary", "lower_thoracic", "scapula", "collar", "lumbar")``."""

RULES = METHOD.rules
"""Rule key → :class:`Rule`: the general rules (lines 107–110) and the rules of the technique section."""

CAUTIONS = METHOD.cautions
"""Caution key → :class:`Caution`, every caution of the source text and the two of anatomy.md beyond it."""

CLOSING: Step = METHOD.closing  # type: ignore[assignment]  # the classical method has its closing step
"""The step that closes every session (line 133), after the last region: vibration or light tapping over the whole
back. The source gives it no time; the 1 min is editorial. The planner's table and timeline show it as its own
row."""

NOTICE: str = METHOD.notice
CONTRAINDICATIONS: tuple[str, ...] = METHOD.contraindications
CONTRAINDICATIONS_REFERENCE: str = METHOD.contraindications_reference
SOURCE_CLAIMS_NOTE: str = METHOD.source_claims_note

SOURCE_TENSIONS: tuple[Tension, ...] = METHOD.tensions
"""The source text's internal tensions and the collection's stance on each (``shared/reference/source-notes.md``)."""
