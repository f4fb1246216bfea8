"""Read-only access to the regions, and the resolution of names to regions, modes and techniques."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from numbers import Integral

from backdata.core.errors import BackdataError, as_int, choose, shown
from backdata.core.model import Mode, Region, Technique
from backdata.method.current import current

__all__ = ["REGIONS", "as_lines", "as_mode", "as_regions", "as_step", "as_technique", "region"]


class _Regions(Mapping[str, Region]):
    """Region name → region of the *current* method (:func:`backdata.use_method`), read-only, looked up on
    each access: a module that imported ``REGIONS`` sees the method switch."""

    __slots__ = ()

    def __getitem__(self, name: str) -> Region:
        return current().region_map[name]

    def __iter__(self) -> Iterator[str]:
        return iter(current().region_map)

    def __len__(self) -> int:
        return len(current().regions)

    def __contains__(self, name: object) -> bool:
        return name in current().region_map

    def __repr__(self) -> str:
        return f"REGIONS({dict(current().region_map)!r})"


REGIONS: Mapping[str, Region] = _Regions()
"""Region name → :class:`~backdata.core.model.Region` of the current method, read-only, in the file's order:
``preliminary``, ``collar``, ``scapula``, ``lower_thoracic``, ``lumbar`` for the classical method."""

_MODE_ALIASES = {"wellness": "hygienic", "preventive": "hygienic", "therapy": "therapeutic", "medical": "therapeutic"}
_REGION_ALIASES = {
    "neck": "collar",
    "shoulder_blade": "scapula",
    "lumbar_sacral": "lumbar",
    "lower_back": "lumbar",
    "whole_back": "preliminary",
}


def region(name: str | Region) -> Region:
    """The region called ``name`` (or ``name`` itself if it is a region).

    Raises :class:`~backdata.core.errors.BackdataError` naming the closest valid name:
    ``region("lumbarr")`` → ``unknown region 'lumbarr': did you mean 'lumbar'? valid: preliminary, ...``.
    """
    if isinstance(name, Region):
        return name
    regions = current().region_map
    aliases = {k: v for k, v in _REGION_ALIASES.items() if v in regions}  # only to regions the method has
    return regions[choose("region", name, regions, aliases)]


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


def as_step(region_: str | Region, step: object, *, first: int = 0) -> int:
    """``step`` as an ``int`` that exists in the region: ``0..len(steps)`` (0 = the lines view), or
    ``1..len(steps)`` when ``first=1``. Bools, floats, text and numbers out of range raise
    :class:`~backdata.core.errors.BackdataError` naming the region's range: ``valid 0–6 for region 'lumbar'``."""
    reg = region(region_)
    note = " (0 = the lines view)" if first == 0 else ""
    return as_int("step", step, first, len(reg.steps), where=f" for region {reg.name!r}", note=note)


def as_regions(
    regions: object, *, where: str = "the session", allow_empty: bool = False, unique: bool = True
) -> list[Region]:
    """Regions from one name or :class:`Region`, or an iterable of them, in the order given.

    Raises :class:`~backdata.core.errors.BackdataError` for a non-iterable (``5``), an unknown name, an empty list
    (unless ``allow_empty``) and a region listed twice (when ``unique``). ``where`` names the caller's
    collection in the messages (``"the session"``, ``"the explorer"``).
    """
    if isinstance(regions, (str, Region)):  # one region, not an iterable of its characters
        regions = [regions]
    elif isinstance(regions, (bytes, bytearray)) or not isinstance(regions, Iterable):
        raise BackdataError(
            f"regions of {where} must be a region name, a Region or a list of them, "
            f"got {shown(regions)}; valid: {', '.join(REGIONS)}"
        )
    regs = [region(r) for r in regions]
    if not regs and not allow_empty:
        raise BackdataError(f"{where} needs at least one region; valid: {', '.join(REGIONS)}")
    if unique:
        seen: set[str] = set()
        for r in regs:
            if r.name in seen:
                raise BackdataError(f"region {r.name!r} appears twice in {where}; list each region once")
            seen.add(r.name)
    return regs


def as_lines(region_: str | Region, lines: object) -> tuple[int, ...]:
    """Line numbers of the region (``None``: all of them); an unknown number or a non-int raises
    :class:`~backdata.core.errors.BackdataError` listing the region's line numbers."""
    reg = region(region_)
    valid = reg.line_numbers()
    allowed = f"valid for region {reg.name!r}: {', '.join(map(str, valid))}"
    if lines is None:
        return valid
    if isinstance(lines, (str, bytes)) or not isinstance(lines, Iterable):
        raise BackdataError(f"line numbers must be a list of ints, got {shown(lines)}; {allowed}")
    out = []
    for n in lines:
        if isinstance(n, bool) or not isinstance(n, Integral):
            raise BackdataError(f"a line number must be a whole number (int), got {shown(n)}; {allowed}")
        if int(n) not in valid:
            raise BackdataError(
                f"line {int(n)} does not exist in region {reg.name!r}; valid: {', '.join(map(str, valid))}"
            )
        out.append(int(n))
    return tuple(out)
