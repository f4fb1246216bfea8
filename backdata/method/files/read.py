"""From the parsed TOML of a method file to a :class:`~backdata.core.method_type.Method`, every problem recorded
on the way (names, units, minutes against the stated totals, lines over the spine or off the back, cites)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from backdata.core.geometry import contains
from backdata.core.method_type import Method
from backdata.core.model import (
    HATCH_MARKS,
    REGION_PALETTE,
    Caution,
    Cite,
    Duration,
    Intensity,
    Mode,
    Point,
    Position,
    Region,
    Rule,
    Side,
    Step,
    StrokeKind,
    StrokeLine,
    Target,
    Technique,
    Tension,
)
from backdata.method.anatomy import LEVELS, OUTLINE, SPINOUS_BAND_HALF_WIDTH, unit_cm
from backdata.method.files.locate import KeyPath
from backdata.method.files.values import Reader

__all__ = ["read_method"]

TOP_KEYS = ("format", "title", "source", "source_title", "session_order", "text_order", "notice", "cites",
            "regions", "closing", "cautions", "rules", "tensions")  # fmt: skip
REGION_KEYS = ("title", "summary", "purpose", "purpose_cite", "section", "extent", "extent_cite", "positions",
               "position_cite", "cautions", "zones", "total", "lines", "steps", "color", "hatch")  # fmt: skip
LINE_KEYS = ("number", "sides", "kind", "target", "intensity", "cite", "intensity_cite", "course")
STEP_KEYS = ("technique", "label", "lines", "cite", "minutes", "minutes_by_mode", "by_indication", "upper_level",
             "intensity", "intensity_cite", "note")  # fmt: skip
ZONE_MARGIN = 0.03
"""A region without ``zones`` gets the band of the back from its extent's top to its bottom level, this much
(in L) wider at each end."""


def _modes(r: Reader, value: object, path: KeyPath) -> dict[Mode, Duration] | None:
    d = r.table(value, path, [m.value for m in Mode])
    if d is None:
        return None
    out = {Mode(k): dur for k, v in d.items() if k in Mode._value2member_map_ and (dur := r.duration(v, path + (k,)))}
    return out


def _step(r: Reader, value: object, path: KeyPath, closing: bool = False) -> Step | None:
    d = r.table(value, path, STEP_KEYS, ("technique", "cite") if closing else ("technique", "lines", "cite"))
    if d is None:
        return None
    technique = r.enum(d["technique"], path + ("technique",), Technique) if "technique" in d else None
    lines: tuple[int, ...] | None = ()
    if "lines" in d:
        lines = r.each(d["lines"], path + ("lines",), lambda v, p: r.integer(v, p, "a line number"))
        if lines == () and not closing:
            r.problem(path + ("lines",), "a step works along at least one line: list their numbers, [1, 2]")
    cite = r.cite(d["cite"], path + ("cite",)) if "cite" in d else None
    minutes = r.duration(d["minutes"], path + ("minutes",)) if "minutes" in d else None
    by_mode = _modes(r, d.get("minutes_by_mode", {}), path + ("minutes_by_mode",))
    by_indication = d.get("by_indication", False)
    if not isinstance(by_indication, bool):
        r.problem(path + ("by_indication",), f"must be true or false, got {by_indication!r}")
    upper = r.level(d["upper_level"], path + ("upper_level",)) if "upper_level" in d else None
    intensity = r.enum(d["intensity"], path + ("intensity",), Intensity) if "intensity" in d else None
    intensity_cite = r.cite(d["intensity_cite"], path + ("intensity_cite",)) if "intensity_cite" in d else None
    if intensity is not None and "intensity_cite" not in d:
        r.problem(path, "a step's intensity needs its intensity_cite (where the text says so, or editorial: why)")
    label, note = r.text(d, "label", path), r.text(d, "note", path)
    if None in (technique, lines, cite, by_mode, label, note) or ("minutes" in d and minutes is None):
        return None
    return Step(
        technique, lines, cite, minutes, by_mode or {}, note, by_indication is True, upper, intensity,
        intensity_cite, label,
    )  # fmt: skip


def _course_problems(r: Reader, pts: tuple[Point, ...], path: KeyPath, zones) -> None:
    half = SPINOUS_BAND_HALF_WIDTH
    crossed = False
    allowed = f"keep |x| >= {half:g} L ({half * unit_cm():.1f} cm) and each line on one side of the spine"
    for i, p in enumerate(pts, 1):
        at = path + (i,)
        if abs(p.x) < half:
            r.problem(
                at, f"point ({p.x:.4g}, {p.y:.4g}) lies on the spinous processes, where no technique presses: {allowed}"
            )
        elif i > 1 and (pts[i - 2].x > 0) != (p.x > 0) and not crossed:
            crossed = True
            r.problem(at, f"the line crosses the spine between points {i - 1} and {i}: {allowed}")
        if not contains(OUTLINE, p):
            r.problem(at, f"point ({p.x:g}, {p.y:g}) lies outside the back's outline")
        elif zones and not any(contains(z, p) for z in zones):
            r.problem(at, f"point ({p.x:g}, {p.y:g}) lies outside the region's zones: widen `zones` or move it")


def _lines(r: Reader, value: object, path: KeyPath, zones) -> tuple[StrokeLine, ...] | None:
    entries = r.list(value, path)
    if entries is None:
        return None
    out: list[StrokeLine] = []
    ok = True
    for i, v in enumerate(entries, 1):
        at = path + (i,)
        d = r.table(v, at, LINE_KEYS, ("number", "kind", "target", "intensity", "cite", "intensity_cite", "course"))
        if d is None:
            ok = False
            continue
        number = r.integer(d["number"], at + ("number",), "number") if "number" in d else None
        sides = r.enums(d.get("sides", ["right", "left"]), at + ("sides",), Side)
        if sides is not None and len(set(sides)) != len(sides):
            r.problem(at + ("sides",), 'names a side twice: write ["right", "left"], ["right"] or ["left"]')
        kind = r.enum(d["kind"], at + ("kind",), StrokeKind) if "kind" in d else None
        target = (
            r.name(d["target"], at + ("target",), "lymph-node target", [t.value for t in Target])
            if "target" in d
            else None
        )
        intensity = r.enum(d["intensity"], at + ("intensity",), Intensity) if "intensity" in d else None
        cite = r.cite(d["cite"], at + ("cite",)) if "cite" in d else None
        icite = r.cite(d["intensity_cite"], at + ("intensity_cite",)) if "intensity_cite" in d else None
        course = r.each(d["course"], at + ("course",), r.point) if "course" in d else None
        if course is not None and len(course) < 2:
            r.problem(at + ("course",), f"a line's course needs two points or more, got {len(course)}")
            course = None
        if course is not None:
            _course_problems(r, course, at + ("course",), zones)
        parts = (number, sides, kind, target, intensity, cite, icite, course)
        if None in parts:
            ok = False
            continue
        for k, side in enumerate(sides):
            pts = course if k == 0 or side is sides[0] else tuple(p.mirrored() for p in course)
            out.append(StrokeLine(number, side, pts, kind, intensity, Target(target), cite, icite))
    if ok:
        seen: dict[tuple[int, Side], int] = {}
        for i, ln in enumerate(out):
            if (ln.number, ln.side) in seen:
                r.problem(path, f"line {ln.number} is given twice on the {ln.side.value} side")
            seen[(ln.number, ln.side)] = i
        numbers = sorted({ln.number for ln in out})
        if numbers != list(range(1, len(numbers) + 1)):
            r.problem(path, f"line numbers {numbers} are not 1, 2, … without gaps")
    return tuple(out) if ok else None


def _region(
    r: Reader, name: str, value: object, path: KeyPath, cautions: Mapping[str, Caution], sections
) -> Region | None:
    required = ("title", "purpose", "purpose_cite", "extent", "extent_cite", "positions", "position_cite", "total",
                "lines", "steps")  # fmt: skip
    d = r.table(value, path, REGION_KEYS, required)
    if d is None:
        return None
    if not name.replace("_", "").isalnum() or not name[:1].isalpha() or name != name.lower():
        r.problem(path, f"region name {name!r}: use lower-case letters, digits and _ (e.g. shoulder_girdle)")
    title, summary, purpose = r.text(d, "title", path), r.text(d, "summary", path), r.text(d, "purpose", path)
    extent = r.each(d.get("extent", []), path + ("extent",), r.level)
    if extent is not None and len(extent) != 2:
        r.problem(path + ("extent",), f"an extent is [top, bottom]: two vertebral levels, got {len(extent)}")
        extent = None
    elif extent is not None and LEVELS[extent[0]] >= LEVELS[extent[1]]:
        r.problem(path + ("extent",), f"the extent's top {extent[0]} must lie above its bottom {extent[1]}")
        extent = None
    cites = {k: r.cite(d[k], path + (k,)) if k in d else None for k in ("purpose_cite", "extent_cite", "position_cite")}
    if "section" in d and (section := r.cite(d["section"], path + ("section",))) is not None:
        sections[name] = section
    positions = r.enums(d.get("positions", []), path + ("positions",), Position)
    region_cautions = []
    for i, key in enumerate(r.list(d.get("cautions", []), path + ("cautions",)) or [], 1):
        if (k := r.name(key, path + ("cautions", i), "caution", cautions)) is not None:
            region_cautions.append(cautions[k])
    if "zones" in d:
        zones = r.each(d["zones"], path + ("zones",), r.zone)
    elif extent is not None:
        from backdata.core.geometry import clip_polygon_y

        zones = (clip_polygon_y(OUTLINE, LEVELS[extent[0]] - ZONE_MARGIN, LEVELS[extent[1]] + ZONE_MARGIN),)
    else:
        zones = None
    total = _modes(r, d.get("total", {}), path + ("total",))
    if total is not None and "total" in d:
        for m in Mode:
            if m not in total and m.value not in d["total"]:
                r.problem(
                    path + ("total",), f"no total for mode {m.value!r}: give total.{m.value} = {{min, max, cite}}"
                )
    lines = _lines(r, d["lines"], path + ("lines",), zones) if "lines" in d else None
    steps = r.each(d["steps"], path + ("steps",), _step_reader(r)) if "steps" in d else None
    if steps == ():
        r.problem(path + ("steps",), "a region needs at least one step")
    if steps and lines is not None:
        valid = sorted({ln.number for ln in lines})
        for i, st in enumerate(steps, 1):
            for j, n in enumerate(st.lines, 1):
                if n not in valid:
                    r.problem(
                        path + ("steps", i, "lines", j),
                        f"line {n} does not exist in region {name!r}; valid: {', '.join(map(str, valid))}",
                    )
    if steps and total:
        _fit_problems(r, steps, total, path)
    color, hatch, looks = _looks(r, d, path)
    parts = (title, summary, purpose, extent, positions, zones, total, lines, steps, *cites.values())
    if None in parts or not looks:
        return None
    return Region(
        name, title, extent, cites["extent_cite"], positions, cites["position_cite"], zones, lines, steps, total,
        tuple(region_cautions), purpose, cites["purpose_cite"], summary, color, hatch,
    )  # fmt: skip


def _looks(r: Reader, d: Mapping, path: KeyPath) -> tuple[str | None, str | None, bool]:
    """The region's optional ``color`` (a palette name) and ``hatch``, and whether both read."""
    color = hatch = None
    ok = True
    if "color" in d:
        color = r.name(d["color"], path + ("color",), "colour", REGION_PALETTE)
        ok = color is not None
    if "hatch" in d:
        hatch = d["hatch"]
        if not isinstance(hatch, str) or any(c not in HATCH_MARKS for c in hatch) or len(hatch) > 4:
            r.problem(
                path + ("hatch",),
                f'a hatch is up to 4 of the marks {" ".join(HATCH_MARKS)} in quotes, e.g. "xx" or ".." '
                f'("" is plain), got {hatch!r}',
            )
            hatch, ok = None, False
    return color, hatch, ok


def _step_reader(r: Reader):
    return lambda v, p: _step(r, v, p)


def _fit_problems(r: Reader, steps: tuple[Step, ...], total: Mapping[Mode, Duration], path: KeyPath) -> None:
    """The steps' stated minutes must fit the region's stated total, in each mode."""
    for mode, d in total.items():
        timed = [st.duration(mode) for st in steps]
        least = sum(t.minutes.min for t in timed if t is not None)
        if least > d.minutes.max:
            r.problem(
                path + ("total", mode.value),
                f"the steps' minutes add up to at least {least:g} min in {mode.value} mode, more than the "
                f"region's total of at most {d.minutes.max:g} min: shorten the steps or raise the total's max",
            )
        if all(t is not None for t in timed) and (most := sum(t.minutes.max for t in timed)) < d.minutes.min:
            r.problem(
                path + ("total", mode.value),
                f"every step is timed and they add up to at most {most:g} min in {mode.value} mode, less than the "
                f"region's total of at least {d.minutes.min:g} min: lengthen the steps or lower the total's min",
            )


def _keyed(r: Reader, value: object, path: KeyPath, build) -> dict:
    d = r.table(value, path, value.keys() if isinstance(value, dict) else ())
    out = {}
    for key, v in (d or {}).items():
        if (item := build(key, v, path + (key,))) is not None:
            out[key] = item
    return out


def _caution(r: Reader, key: str, v: object, path: KeyPath) -> Caution | None:
    d = r.table(v, path, ("label", "text", "cite", "zones", "techniques"), ("label", "text", "cite"))
    if d is None:
        return None
    label, text = r.text(d, "label", path), r.text(d, "text", path)
    c = r.cite(d["cite"], path + ("cite",)) if "cite" in d else None
    zones = r.each(d.get("zones", []), path + ("zones",), r.zone)
    techniques = r.enums(d.get("techniques", []), path + ("techniques",), Technique, empty=True)
    if None in (label, text, c, zones, techniques):
        return None
    return Caution(key, label, text, c, zones, techniques)


def _rule(r: Reader, key: str, v: object, path: KeyPath) -> Rule | None:
    d = r.table(v, path, ("text", "cite", "limit_minutes"), ("text", "cite"))
    if d is None:
        return None
    text = r.text(d, "text", path)
    c = r.cite(d["cite"], path + ("cite",)) if "cite" in d else None
    limit = (
        r.number(d["limit_minutes"], path + ("limit_minutes",), "limit_minutes", lo=0, unit="minutes")
        if "limit_minutes" in d
        else None
    )
    if text is None or c is None or ("limit_minutes" in d and limit is None):
        return None
    return Rule(key, text, c, limit)


def _tension(r: Reader, v: object, path: KeyPath) -> Tension | None:
    d = r.table(v, path, ("key", "text", "stance", "cite"), ("key", "text", "stance", "cite"))
    if d is None or not {"key", "cite"} <= set(d):
        return None
    parts = [r.text(d, k, path) for k in ("key", "text", "stance")]
    c = r.cite(d["cite"], path + ("cite",))
    return None if None in parts or c is None else Tension(*parts, c)


def _order(r: Reader, d: Mapping, key: str, names: list[str]) -> tuple[str, ...]:
    if key not in d:
        return tuple(names)
    got = r.each(d[key], (key,), lambda v, p: r.name(v, p, "region", names)) or ()
    if got and (sorted(got) != sorted(names)):
        missing = [n for n in names if n not in got]
        twice = sorted({n for n in got if got.count(n) > 1})
        what = "; ".join(
            x for x in (missing and f"missing {', '.join(missing)}", twice and f"twice {', '.join(twice)}") if x
        )
        r.problem((key,), f"must name every region once ({what})")
    return got


def read_method(r: Reader, data: Mapping, folder: Path, path: str) -> Method | None:
    """The method the parsed file ``data`` describes, or ``None``; the problems are in ``r.problems``."""
    d = r.table(data, (), TOP_KEYS, ("title", "source", "regions"))
    if d is None:
        return None
    if "format" in d and d["format"] != 1:
        r.problem(("format",), f"format {d['format']!r} is not known: this backdata reads format = 1")
    source = r.text(d, "source", ())
    if source:
        text_path = folder / source
        try:
            r.source_lines = tuple(text_path.read_text(encoding="utf-8").splitlines())
        except (OSError, UnicodeDecodeError) as e:
            why = "not found" if isinstance(e, FileNotFoundError) else (getattr(e, "strerror", None) or str(e))
            r.problem(
                ("source",),
                f"the source text {source!r} cannot be read ({why}: {text_path}); the path is relative to this file",
            )
    cites: dict[str, Cite] = {}
    r.cites = cites
    for key, v in (
        r.table(d.get("cites", {}), ("cites",), d.get("cites", {}).keys() if isinstance(d.get("cites"), dict) else ())
        or {}
    ).items():
        if (c := r.cite(v, ("cites", key))) is not None:
            cites[key] = c
    cautions = _keyed(r, d.get("cautions", {}), ("cautions",), lambda k, v, p: _caution(r, k, v, p))
    rules = _keyed(r, d.get("rules", {}), ("rules",), lambda k, v, p: _rule(r, k, v, p))
    sections: dict[str, Cite] = {}
    raw_regions = d.get("regions", {})
    if isinstance(raw_regions, dict) and not raw_regions:
        r.problem(("regions",), "the method has no regions: add [regions.<name>] tables")
    regions = _keyed(r, raw_regions, ("regions",), lambda k, v, p: _region(r, k, v, p, cautions, sections))
    names = list(raw_regions) if isinstance(raw_regions, dict) else []
    session_order, text_order = _order(r, d, "session_order", names), _order(r, d, "text_order", names)
    closing = _step(r, d["closing"], ("closing",), closing=True) if "closing" in d else None
    notice = r.table(d.get("notice", {}), ("notice",), ("text", "contraindications", "reference", "claims_note")) or {}
    contra = r.each(
        notice.get("contraindications", []),
        ("notice", "contraindications"),
        lambda v, p: v if isinstance(v, str) else r.problem(p, "must be text"),
    )
    tensions = r.each(d.get("tensions", []), ("tensions",), lambda v, p: _tension(r, v, p))
    texts = [r.text(d, "title", ()), r.text(d, "source_title", ())]
    texts += [r.text(notice, k, ("notice",)) for k in ("text", "reference", "claims_note")]
    if r.problems or None in texts or len(regions) != len(names):
        return None
    title, source_title, notice_text, reference, claims = texts
    sections = {n: sections[n] for n in (*text_order, *sections) if n in sections}  # in the text's order
    return Method(
        title, source_title, source, r.source_lines or (), tuple(regions.values()), cautions, rules, session_order,
        text_order, sections, closing, notice_text, contra or (), reference, claims, tensions or (), path=path,
        cites=cites,
    )  # fmt: skip
