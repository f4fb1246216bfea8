"""Read-only access to the regions, and the resolution of names to regions, modes and techniques."""

from __future__ import annotations

from types import MappingProxyType

from .errors import choose
from .method import REGION_LIST
from .model import Mode, Region, Technique

__all__ = ["REGIONS", "as_mode", "as_technique", "region"]

REGIONS = MappingProxyType({r.name: r for r in REGION_LIST})
"""Region name → :class:`~backdata.model.Region`, read-only: ``preliminary``, ``collar``, ``scapula``,
``lower_thoracic``, ``lumbar``, in the text's order."""

_MODE_ALIASES = {"wellness": "hygienic", "preventive": "hygienic", "therapy": "therapeutic",
                 "medical": "therapeutic"}
_REGION_ALIASES = {"neck": "collar", "shoulder_blade": "scapula", "lumbar_sacral": "lumbar",
                   "lower_back": "lumbar", "whole_back": "preliminary"}


def region(name: str | Region) -> Region:
    """The region called ``name`` (or ``name`` itself if it is a region).

    Raises :class:`~backdata.errors.BackdataError` naming the closest valid name:
    ``region("lumbarr")`` → ``unknown region 'lumbarr': did you mean 'lumbar'? valid: preliminary, ...``.
    """
    if isinstance(name, Region):
        return name
    return REGIONS[choose("region", name, REGIONS, _REGION_ALIASES)]


def as_mode(mode: str | Mode) -> Mode:
    """A :class:`Mode` from a member or a name (``"wellness"`` and ``"preventive"`` mean hygienic)."""
    if isinstance(mode, Mode):
        return mode
    return Mode(choose("mode", mode, [m.value for m in Mode], _MODE_ALIASES))


def as_technique(technique: str | Technique) -> Technique:
    """A :class:`Technique` from a member or a name."""
    if isinstance(technique, Technique):
        return technique
    return Technique(choose("technique", technique, [t.value for t in Technique]))
