"""Drawing the back with matplotlib: the plates and charts of the collection.

Every function has the shape ``draw_x(..., ax=None, **kw) -> artists``: it draws on ``ax`` (or ``plt.gca()``)
and returns what it made, so tests and widgets can inspect and update it. Nothing here holds a fact: points,
marks and texts come from :mod:`backdata` and :mod:`backdata.views.strokes`. Nothing here calls ``plt.show()``,
saves, or changes global ``rcParams``; styles are files applied with :func:`style`.

Colours are Okabe–Ito (colour-blind safe), from :mod:`backdata.views.theme`; every meaning also has a second
cue (hatch, dash, shape, label).

The modules: :mod:`~backdata.views.draw.base` (styles, checks, one line's marks), :mod:`~backdata.views.draw.back`
(the back with its landmarks), :mod:`~backdata.views.draw.plates` (a region's plate and its :class:`RegionView`),
:mod:`~backdata.views.draw.charts` (overview map, technique sheet, steps strip, timeline) and
:mod:`~backdata.views.draw.legend` (legend handlers).
"""

from backdata.views.draw.back import draw_back, muscles_figure
from backdata.views.draw.base import KEY_LEVELS, NODE_LABEL, XLIM, YLIM, style
from backdata.views.draw.charts import TIMELINE_COLUMNS, draw_overview, draw_steps, draw_technique_sheet, draw_timeline
from backdata.views.draw.muscles import draw_muscles
from backdata.views.draw.plates import RegionView, draw_region, region_figure, step_caption, view_box
from backdata.views.theme import (
    BADGE,
    CAUTION_COLOR,
    CAUTION_HATCHES,
    INK,
    MUTED,
    OKABE_ITO,
    REGION_COLOR,
    REGION_HATCH,
    SKIN,
    TECHNIQUE_COLOR,
    region_color,
    region_hatch,
)

__all__ = [
    "BADGE",
    "CAUTION_COLOR",
    "CAUTION_HATCHES",
    "INK",
    "KEY_LEVELS",
    "MUTED",
    "NODE_LABEL",
    "OKABE_ITO",
    "REGION_COLOR",
    "REGION_HATCH",
    "SKIN",
    "TECHNIQUE_COLOR",
    "TIMELINE_COLUMNS",
    "XLIM",
    "YLIM",
    "RegionView",
    "draw_back",
    "draw_muscles",
    "draw_overview",
    "draw_region",
    "draw_steps",
    "draw_technique_sheet",
    "region_color",
    "region_hatch",
    "draw_timeline",
    "muscles_figure",
    "region_figure",
    "step_caption",
    "style",
    "view_box",
]
