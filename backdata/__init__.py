"""backdata: the classical back-massage method as typed, cited, tested data.

The method is data: a TOML file (``backdata/method/classical.toml``, or an instructor's own, checked by
:func:`load_method`); :func:`use_method` makes another one current, and the API, the drawings and the explorer
read the current method (:func:`current_method`).

Frame: patient prone, seen from behind; ``x`` to the patient's right, ``y`` toward the feet, unit ``L`` (C7 to
the iliac crests); see :mod:`backdata.core.model`. Facts cite lines of the source text
(``backdata/source/back-massage.txt``). Importing this package loads the facts and the pandas tables only:
never matplotlib or ipywidgets (drawing lives in :mod:`backdata.views.draw`).
"""

import importlib

from backdata.core.errors import BackdataError
from backdata.core.model import (
    Caution,
    Cite,
    Intensity,
    Minutes,
    Mode,
    Muscle,
    Point,
    Position,
    Region,
    Rule,
    Side,
    Step,
    StrokeLine,
    Target,
    Technique,
    Tension,
)
from backdata.method.anatomy import LANDMARKS, LEVELS, NODE_TARGETS, OUTLINE, SEXES, arms, level_y, outline
from backdata.method.current import current as current_method
from backdata.method.current import use_method, using
from backdata.method.muscles import MUSCLES
from backdata.method.regions import REGIONS, as_mode, as_technique, region
from backdata.method.techniques import TECHNIQUES, mark_intensity, technique_info
from backdata.method.validate import source_tensions
from backdata.views.checks import validate
from backdata.views.strokes import Mark, marks
from backdata.views.tables import (
    RuleBreak,
    check_session,
    plan,
    propose_first_session,
    session,
    session_steps,
    total_minutes,
)

__version__ = "0.1.0"

__all__ = [
    "CAUTIONS",
    "CONTRAINDICATIONS",
    "CONTRAINDICATIONS_REFERENCE",
    "LANDMARKS",
    "LEVELS",
    "MUSCLES",
    "NODE_TARGETS",
    "NOTICE",
    "OUTLINE",
    "REGIONS",
    "RULES",
    "SESSION_ORDER",
    "SEXES",
    "TECHNIQUES",
    "BackdataError",
    "Caution",
    "Cite",
    "Intensity",
    "Mark",
    "Minutes",
    "Mode",
    "Muscle",
    "Point",
    "Position",
    "Region",
    "Rule",
    "RuleBreak",
    "Side",
    "Step",
    "StrokeLine",
    "Target",
    "Technique",
    "Tension",
    "arms",
    "as_mode",
    "as_technique",
    "check_session",
    "current_method",
    "level_y",
    "load_method",
    "mark_intensity",
    "marks",
    "outline",
    "plan",
    "propose_first_session",
    "region",
    "session",
    "session_steps",
    "source_tensions",
    "technique_info",
    "total_minutes",
    "use_method",
    "using",
    "validate",
]

_OF_THE_METHOD = {
    "CAUTIONS": "cautions",
    "CONTRAINDICATIONS": "contraindications",
    "CONTRAINDICATIONS_REFERENCE": "contraindications_reference",
    "NOTICE": "notice",
    "RULES": "rules",
    "SESSION_ORDER": "session_order",
}
"""``backdata.CAUTIONS`` … are the current method's (:func:`use_method`), read on each access."""


def __getattr__(name: str):
    """``backdata.draw``, imported on first use: ``import backdata`` alone never loads matplotlib; ``CAUTIONS``,
    ``RULES``, ``SESSION_ORDER``, ``NOTICE`` … from the current method; ``load_method`` on first use."""
    if name in _OF_THE_METHOD:
        return getattr(current_method(), _OF_THE_METHOD[name])
    if name == "load_method":  # the method files' reader, imported on first use (import time)
        from backdata.method.files import load_method

        return load_method
    if name == "draw":
        return importlib.import_module("backdata.views.draw")
    raise AttributeError(f"module 'backdata' has no attribute {name!r}")
