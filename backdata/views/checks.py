"""``backdata.validate()``: the data's problems and the theme's, in one list.

The data's checks live in the method layer (:func:`backdata.method.validate.validate_data`), which does not see
the views; the theme's (every region and spatial caution has its colour and pattern:
:func:`backdata.views.theme.theme_problems`) are added here.
"""

from __future__ import annotations

from collections.abc import Iterable

from backdata.core.model import Region
from backdata.method.current import current
from backdata.method.regions import as_regions
from backdata.method.validate import validate_data
from backdata.views.theme import theme_problems

__all__ = ["validate"]


def validate(regions: Iterable[Region] | None = None) -> list[str]:
    """Every problem found in the collection's data and theme, as sentences; empty when both are sound.

    Checks: citations quote the source text on the lines they name; vertebral extents; zones; line numbering,
    symmetry, placement inside the back and the region and off the spinous processes; steps' lines and
    minutes; totals for every mode; cautions, rules, techniques and landmarks cited; every region's colour and
    fill pattern, and a hatch of its own for each of its spatial cautions. The source's own tensions are not
    problems here: see :func:`backdata.source_tensions`.

    ``regions`` checks another list of regions in place of the current method's (the rest of the data is the same).
    """
    regs = (
        current().regions
        if regions is None
        else tuple(as_regions(regions, where="validate()", allow_empty=True, unique=False))
    )
    return validate_data(regs) + theme_problems(regs)
