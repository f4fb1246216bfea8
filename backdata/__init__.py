"""backdata: the classical back-massage method as typed, cited, tested data.

Frame: patient prone, seen from behind; ``x`` to the patient's right, ``y`` toward the feet, unit ``L`` (C7 to
the iliac crests); see :mod:`backdata.model`. Facts cite lines of the source text
(``backdata/source/back-massage.txt``). Importing this package loads the facts and the pandas tables only:
never matplotlib or ipywidgets (drawing lives in :mod:`backdata.draw`).
"""

from .anatomy import LANDMARKS, LEVELS, NODE_TARGETS, OUTLINE, level_y
from .errors import BackdataError
from .method import CAUTIONS, CONTRAINDICATIONS, CONTRAINDICATIONS_REFERENCE, NOTICE, RULES, SESSION_ORDER
from .model import (
    Caution,
    Cite,
    Intensity,
    Minutes,
    Mode,
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
from .regions import REGIONS, as_mode, as_technique, region
from .tables import RuleBreak, check_session, plan, propose_first_session, session, session_steps, total_minutes
from .techniques import TECHNIQUES, technique_info
from .validate import source_tensions, validate

__version__ = "0.1.0"

__all__ = [
    "CAUTIONS",
    "CONTRAINDICATIONS",
    "CONTRAINDICATIONS_REFERENCE",
    "LANDMARKS",
    "LEVELS",
    "NODE_TARGETS",
    "NOTICE",
    "OUTLINE",
    "REGIONS",
    "RULES",
    "SESSION_ORDER",
    "TECHNIQUES",
    "BackdataError",
    "Caution",
    "Cite",
    "Intensity",
    "Minutes",
    "Mode",
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
    "as_mode",
    "as_technique",
    "check_session",
    "level_y",
    "plan",
    "propose_first_session",
    "region",
    "session",
    "session_steps",
    "source_tensions",
    "technique_info",
    "total_minutes",
    "validate",
]
