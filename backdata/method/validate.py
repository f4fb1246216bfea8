"""Checks of *our* data (every problem at once), apart from the source text's own tensions.

The public :func:`backdata.validate` (:mod:`backdata.views.checks`) adds the theme's checks to these: this layer
does not see the views."""

from __future__ import annotations

from collections.abc import Iterable

from backdata.core.geometry import contains, polygon_area
from backdata.core.model import Cite, Mode, Region, Side, Technique, Tension
from backdata.core.source import quote_problem
from backdata.method.anatomy import LANDMARKS, LEVELS, OUTLINE, SPINOUS_BAND_HALF_WIDTH
from backdata.method.current import current
from backdata.method.muscles import MUSCLE_ORDER, MUSCLES
from backdata.method.regions import as_regions
from backdata.method.techniques import TECHNIQUES

__all__ = ["source_tensions", "validate_data"]


def source_tensions() -> tuple[Tension, ...]:
    """The source text's own tensions and our stance on each: not problems of the data."""
    return current().tensions


def _cites(reg: Region) -> list[tuple[str, Cite]]:
    out = [
        (f"{reg.name}: extent", reg.extent_cite),
        (f"{reg.name}: position", reg.position_cite),
        (f"{reg.name}: purpose", reg.purpose_cite),
    ]
    out += [(f"{reg.name}: line {ln.label}", ln.cite) for ln in reg.lines]
    out += [(f"{reg.name}: line {ln.label} intensity", ln.intensity_cite) for ln in reg.lines]
    for i, st in enumerate(reg.steps, 1):
        out.append((f"{reg.name}: step {i}", st.cite))
        if st.minutes:
            out.append((f"{reg.name}: step {i} minutes", st.minutes.cite))
        if st.intensity_cite:
            out.append((f"{reg.name}: step {i} intensity", st.intensity_cite))
        out += [(f"{reg.name}: step {i} minutes ({m})", d.cite) for m, d in st.minutes_by_mode.items()]
    out += [(f"{reg.name}: total ({m})", d.cite) for m, d in reg.total.items()]
    return out


def _check_region(reg: Region) -> list[str]:
    p: list[str] = []
    method = current()
    for end in reg.extent:
        if end not in LEVELS:
            p.append(f"{reg.name}: extent level {end!r} is not a vertebral level")
    if all(e in LEVELS for e in reg.extent) and LEVELS[reg.extent[0]] >= LEVELS[reg.extent[1]]:
        p.append(f"{reg.name}: extent {reg.extent} does not run from head to feet")
    for zone in reg.zones:
        if len(zone) < 3 or polygon_area(zone) <= 0:
            p.append(f"{reg.name}: a zone is not a polygon")
    numbers = reg.line_numbers()
    if numbers != tuple(range(1, len(numbers) + 1)):
        p.append(f"{reg.name}: line numbers {numbers} are not 1…n")
    for n in numbers:
        pair = {ln.side: ln for ln in reg.lines_numbered(n)}
        if set(pair) != {Side.left, Side.right}:
            p.append(f"{reg.name}: line {n} is not on both sides")
            continue
        right, left = pair[Side.right], pair[Side.left]
        if [(-q.x, q.y) for q in right.points] != [(q.x, q.y) for q in left.points]:
            p.append(f"{reg.name}: line {n} is not mirror-symmetric")
        if (right.intensity, right.target, right.kind) != (left.intensity, left.target, left.kind):
            p.append(f"{reg.name}: line {n} differs between sides")
    for ln in reg.lines:
        if len(ln.points) < 2:
            p.append(f"{reg.name}: line {ln.label} has fewer than two points")
        for q in ln.points:
            if not contains(OUTLINE, q):
                p.append(f"{reg.name}: line {ln.label} point {q} is outside the back")
            if not any(contains(z, q) for z in reg.zones):
                p.append(f"{reg.name}: line {ln.label} point {q} is outside the region's zone")
            if abs(q.x) < SPINOUS_BAND_HALF_WIDTH:
                p.append(f"{reg.name}: line {ln.label} point {q} is on the spinous processes (line 32)")
    if not reg.steps:
        p.append(f"{reg.name}: no steps")
    for i, st in enumerate(reg.steps, 1):
        missing = set(st.lines) - set(numbers)
        if missing or not st.lines:
            p.append(f"{reg.name}: step {i} uses lines {sorted(missing) or 'none'} the region does not have")
        if st.upper_level is not None and st.upper_level not in LEVELS:
            p.append(f"{reg.name}: step {i} upper level {st.upper_level!r} is not a vertebral level")
        for m in Mode:
            d = st.duration(m)
            if d is not None and not d.minutes.min <= d.minutes.max:
                p.append(f"{reg.name}: step {i} minutes {d.minutes} have min above max")
    for m in Mode:
        d = reg.total.get(m)
        if d is None:
            p.append(f"{reg.name}: no total for mode {m.value}")
        elif not (d.minutes.known and 0 < d.minutes.min <= d.minutes.max):
            p.append(f"{reg.name}: total for {m.value} {d.minutes} is not a positive range")
    for c in reg.cautions:
        if method.cautions.get(c.key) is not c:
            p.append(f"{reg.name}: caution {c.key!r} is not one of the method's cautions")
    for where, cite in _cites(reg):
        if problem := quote_problem(cite, method.source_lines):
            p.append(f"{where} {problem}")
    return p


def validate_data(regions: Iterable[Region] | None = None) -> list[str]:
    """Every problem found in the collection's data, as sentences; empty when the data is sound.

    Checks: citations quote the source text on the lines they name; vertebral extents; zones; line numbering,
    symmetry, placement inside the back and the region and off the spinous processes; steps' lines and
    minutes; totals for every mode; cautions, rules, techniques and landmarks cited. The source's own
    tensions are not problems here: see :func:`source_tensions`.

    ``regions`` checks another list of regions in place of the current method's (the rest of the data is the same).
    """
    problems: list[str] = []
    method = current()
    regs = (
        method.regions
        if regions is None
        else tuple(as_regions(regions, where="validate()", allow_empty=True, unique=False))
    )
    names = [r.name for r in regs]
    if len(set(names)) != len(names):
        problems.append(f"region names are not unique: {names}")
    for reg in regs:
        problems += _check_region(reg)
    if set(TECHNIQUES) != set(Technique):
        problems.append(f"techniques without information: {sorted(set(Technique) - set(TECHNIQUES))}")
    for info in TECHNIQUES.values():
        for cite in (info.cite, info.limit_cite, info.max_intensity_cite, info.keep_off_cite):
            if cite is not None and (problem := quote_problem(cite)):
                problems.append(f"technique {info.technique.value}: {problem}")
    own = [  # the method's cites quote its own text
        *((f"caution {c.key}", c.cite) for c in method.cautions.values()),
        *((f"rule {r.key}", r.cite) for r in method.rules.values()),
        *((f"tension {t.key}", t.cite) for t in method.tensions),
    ]
    shipped = [  # the package's anatomy quotes the shipped text
        *((f"landmark {m.key}", m.cite) for m in LANDMARKS.values()),
        *((f"muscle {m.key}", m.cite) for m in MUSCLES.values()),
    ]
    for cited, lines in ((own, method.source_lines), (shipped, None)):
        for where, cite in cited:
            if problem := quote_problem(cite, lines):
                problems.append(f"{where}: {problem}")
    for c in method.cautions.values():
        for zone in c.zones:
            if len(zone) < 3 or polygon_area(zone) <= 0:
                problems.append(f"caution {c.key}: a zone is not a polygon")
    problems += _muscle_problems()
    return problems


def _muscle_problems() -> list[str]:
    """Every muscle a cited polygon inside the (male) trunk's outline, each drawn once."""
    p = [] if sorted(MUSCLE_ORDER) == sorted(MUSCLES) else ["muscles: the drawing order does not list each once"]
    for m in MUSCLES.values():
        if not (m.cite.reference or m.cite.lines) or m.cite.editorial:
            p.append(f"muscle {m.key}: no reference")
        for poly in m.outlines:
            if len(poly) < 3 or polygon_area(poly) <= 0:
                p.append(f"muscle {m.key}: not a polygon")
            p += [f"muscle {m.key}: point {q} is outside the back" for q in poly if not contains(OUTLINE, q)]
    return p
