"""Drawing the back with matplotlib: the module draw.py, moved to draw/plates.py (the split follows)."""

from backdata.views.draw.plates import *  # noqa: F403
from backdata.views.draw.plates import KEY_LEVELS, REGION_HATCH, step_caption  # noqa: F401
from backdata.views.draw.plates import __all__  # noqa: F401
