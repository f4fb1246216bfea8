"""Write a method as a commented TOML file: :func:`dump_method` (``backdata method init FILE``)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterator, Mapping

from backdata.core.geometry import mirror
from backdata.core.method_type import Method
from backdata.core.model import Cite, Region, Step, StrokeLine
from backdata.method.files import emit

__all__ = ["FORMAT", "dump_method"]

FORMAT = 1
"""The method file's format version (``format = 1``)."""

HEADER = """\
# A back-massage method for backdata: every region, line, step, minute, caution and rule.
#
# Edit it, then check it:    backdata method check {file}
# Every problem is listed with its line; "did you mean" names the nearest valid name.
#
# Frame: the patient lies prone, seen from behind. x = 0 on the spinous processes, x > 0 the patient's RIGHT;
# y = 0 at C7, y = 1 at the iliac crests, y grows toward the feet. The unit L is the C7-to-crest distance
# (45.6 cm in men): 0.1 L is about 4.6 cm.
#
# Points (a line's course, a zone's corners) are written in one of these forms:
#   [0.06, 1.3]                               x and y in L
#   {{level = "T7", x_cm = 5.0}}                beside a vertebral level, 5 cm to the right (x_cm) or in L (x)
#   {{level = "T7", x = 0.1, dy = 0.02}}        dy (or dy_cm) moves it below the level (negative: above)
#   {{landmark = "scapula_inferior_angle_right", dx = -0.03}}   a one-point landmark; dx, dy move it (in L)
# A point lies on a level or a landmark where that gives it exactly, else it is written [x, y].
# Heights (a zone's band, an extent): a level "T7", a number (y in L), or {{level = "T7", dy = -0.03}}.
# Levels: C1-C7, T1-T12, L1-L5, S1-S5, Co.
# Landmarks (one point): {landmarks}.
# Zones: {{band = [top, bottom]}} (the back between two heights), {{ellipse = {{center = [x, y], rx = .., ry = ..}}}},
#   {{landmark = "kidney_right"}} (a landmark's outline), {{points = [[x, y], ...]}}; add mirrored = true for
#   the same shape on the patient's left.
# Cites: {{lines = [31], quote = "words of those lines"}} quote the source text (checked word for word), or
#   {{reference = "a book, or editorial: why"}}; a name in quotes ("sacrum_up") refers to [cites].
# Names allowed:
#   technique: {techniques}
#   intensity: {intensities}
#   target: {targets}
#   kind: {kinds}
#   position: {positions}
#   mode: {modes}
# Minutes are numbers (5, 2.5), min <= max.
# A region may choose its look on the overview map and the timeline: color = "blue" (orange, sky_blue,
#   bluish_green, yellow, blue, vermillion, reddish_purple) and hatch = "xx" (up to 4 of / \\ | - + x o O . *;
#   "" is plain). Without them a classical region keeps its own, a new one gets a colour and a hatch that no
#   other region of the method uses.
"""


def _enum_names(enum) -> str:
    return ", ".join(m.value for m in enum)


def _header(file: str) -> str:
    from backdata.core.model import Intensity, Mode, Position, StrokeKind, Target, Technique
    from backdata.method.anatomy import LANDMARKS

    return HEADER.format(
        file=file,
        landmarks=textwrap.fill(
            ", ".join(k for k, m in LANDMARKS.items() if len(m.points) == 1),
            width=110,
            subsequent_indent="#   ",
            break_on_hyphens=False,
        ),
        techniques=_enum_names(Technique),
        intensities=_enum_names(Intensity),
        targets=_enum_names(Target),
        kinds=_enum_names(StrokeKind),
        positions=_enum_names(Position),
        modes=_enum_names(Mode),
    )


def _all_cites(m: Method) -> Iterator[Cite]:
    for r in m.regions:
        yield from (r.extent_cite, r.position_cite, r.purpose_cite)
        for ln in r.lines:
            yield from (ln.cite, ln.intensity_cite)
        for st in r.steps:
            yield from _step_cites(st)
        yield from (d.cite for d in r.total.values())
    for st in [m.closing] if m.closing else []:
        yield from _step_cites(st)
    yield from (c.cite for c in m.cautions.values())
    yield from (r.cite for r in m.rules.values())
    yield from (t.cite for t in m.tensions)


def _step_cites(st: Step) -> Iterator[Cite]:
    yield st.cite
    if st.minutes:
        yield st.minutes.cite
    if st.intensity_cite:
        yield st.intensity_cite
    yield from (d.cite for d in st.minutes_by_mode.values())


class _Writer:
    def __init__(self, names: Mapping[Cite, str]) -> None:
        self.out: list[str] = []
        self.names = names
        self.explained: set[str] = set()

    def line(self, s: str = "") -> None:
        self.out.append(s)

    def key(self, key: str, value: str, why: str = "") -> None:
        """``key = value``, with the comment ``why`` before its first occurrence only."""
        if why and key not in self.explained:
            self.explained.add(key)
            self.line(f"# {why}")
        self.line(f"{key} = {value}")

    def cite(self, c: Cite) -> str:
        return emit.cite(c, self.names)


def _step(w: _Writer, st: Step, where: str) -> None:
    w.key("technique", emit.q(st.technique.value), "technique: one of the seven techniques (see the top)")
    if st.label:
        w.key("label", emit.text(st.label), "label: the step's name where the technique alone is ambiguous")
    if where != "closing":
        w.key("lines", f"[{', '.join(map(str, st.lines))}]", "lines: the numbers of the lines it works along")
    w.key("cite", w.cite(st.cite), "cite: where the text gives the step")
    if st.minutes:
        w.key("minutes", emit.duration(st.minutes, w.names), "minutes: {min, max, cite}, the same in every mode")
    if st.minutes_by_mode:
        modes = ", ".join(f"{m.value} = {emit.duration(d, w.names)}" for m, d in st.minutes_by_mode.items())
        w.key("minutes_by_mode", "{" + modes + "}", "minutes_by_mode: minutes for one mode only")
    if st.by_indication:
        w.key("by_indication", "true", "by_indication: only when a doctor has indicated it")
    if st.upper_level:
        w.key("upper_level", emit.q(st.upper_level), "upper_level: the highest vertebral level the step may reach")
    if st.intensity:
        w.key("intensity", emit.q(st.intensity.value), "intensity: a ceiling on the lines' force in this step")
    if st.intensity_cite:
        w.key("intensity_cite", w.cite(st.intensity_cite))
    if st.note:
        w.key("note", emit.text(st.note), "note: shown with the step")


def _pairs(lines: tuple[StrokeLine, ...]) -> Iterator[list[StrokeLine]]:
    """The lines grouped as the file writes them: a line and its mirror on the other side as one entry."""
    i = 0
    while i < len(lines):
        a = lines[i]
        b = lines[i + 1] if i + 1 < len(lines) else None
        same = (lambda ln: (ln.number, ln.kind, ln.intensity, ln.target, ln.cite, ln.intensity_cite))(a)
        if (
            b is not None
            and b.side is not a.side
            and mirror(a.points) == b.points
            and (b.number, b.kind, b.intensity, b.target, b.cite, b.intensity_cite) == same
        ):
            yield [a, b]
            i += 2
        else:
            yield [a]
            i += 1


def _region(w: _Writer, r: Region, m: Method) -> None:
    w.line(f"[regions.{r.name}]")
    w.key("title", emit.q(r.title), "title: shown on the plates, slides and handouts")
    if r.summary:
        w.key("summary", emit.text(r.summary), "summary: one or two lines for the overview")
    w.key("purpose", emit.text(r.purpose), "purpose: why the lines run where they do")
    w.key("purpose_cite", w.cite(r.purpose_cite))
    if r.name in m.text_sections:
        w.key("section", w.cite(m.text_sections[r.name]), "section: the heading of the region's section in the text")
    w.key("extent", f"[{emit.q(r.extent[0])}, {emit.q(r.extent[1])}]", "extent: top and bottom vertebral level")
    w.key("extent_cite", w.cite(r.extent_cite))
    positions = ", ".join(emit.q(p.value) for p in r.positions)
    w.key("positions", f"[{positions}]", "positions: the patient's positions, the preferred first")
    w.key("position_cite", w.cite(r.position_cite))
    cautions = ", ".join(emit.q(c.key) for c in r.cautions)
    w.key("cautions", f"[{cautions}]", "cautions: keys of [cautions.*] shown with the region")
    if r.color is not None:
        w.key("color", emit.q(r.color), "color: the region's fill, a palette name (sky_blue, orange, blue, ...)")
    if r.hatch is not None:
        w.key("hatch", emit.q(r.hatch), 'hatch: the region\'s fill pattern (e.g. "xx", ".."; "" is plain)')
    if "zones" not in w.explained:
        w.line("# zones: the region's area on the back (one or more zones; see the top for the forms)")
        w.explained.add("zones")
    w.line(emit.zones(r.zones))
    for mode, d in r.total.items():
        why = "total.<mode>: the region's stated minutes in that mode; the steps' minutes must fit in them"
        w.key(f"total.{mode.value}", emit.duration(d, w.names), why if mode.value == "hygienic" else "")
    for group in _pairs(r.lines):
        a = group[0]
        w.line()
        w.line(f"[[regions.{r.name}.lines]]")
        w.key("number", str(a.number), "number: the line's number on the plates (1, 2, ...)")
        sides = ", ".join(emit.q(ln.side.value) for ln in group)
        w.key("sides", f"[{sides}]", "sides: the course is given for the first side; the second is its mirror")
        w.key("kind", emit.q(a.kind.value), "kind: longitudinal, transverse or circular")
        w.key("target", emit.q(a.target.value), "target: the lymph-node group the stroke runs toward (local: in place)")
        w.key("intensity", emit.q(a.intensity.value), "intensity: the force along the line")
        w.key("cite", w.cite(a.cite), "cite: where the line comes from")
        w.key("intensity_cite", w.cite(a.intensity_cite))
        if "course" not in w.explained:
            w.explained.add("course")
            w.line("# course: the points in the direction of the stroke; never within 2 cm of the spine's midline")
        w.line("course = [\n" + "".join(f"  {emit.point(p)},\n" for p in a.points) + "]")
    for st in r.steps:
        w.line()
        w.line(f"[[regions.{r.name}.steps]]")
        _step(w, st, r.name)
    w.line()


def dump_method(method: Method | None = None, *, source: str | None = None, file: str = "FILE") -> str:
    """The method (default: the package's classical method) as TOML text with comments that explain each field;
    its named cites (``[cites]``) keep their names. Points and zones are written in the forms :mod:`.emit` finds
    (``backdata method init`` copies the shipped file instead, with its own comments and landmark forms).

    ``source`` is the path of the source text written in the file (relative to the file; default: the method's
    own, ``back-massage.txt`` for the classical one); ``file`` is the name the header's instructions use.
    """
    if method is None:
        from backdata.method.files.classical import classical_method  # it loads a file with this package

        method = classical_method()
    m = method
    counts = Counter(_all_cites(m))
    names: dict[Cite, str] = {}
    for n, c in m.cites.items():  # the file's own names, for the cites it uses
        if counts[c]:
            names.setdefault(c, n)
    w = _Writer(names)
    w.out.append(_header(file))
    w.key("format", str(FORMAT), "format: the version of this file's format")
    w.key("title", emit.q(m.title), "title: the method's name")
    w.key("source", emit.q(source or m.source_path), "source: the text the cites quote, relative to this file")
    w.key("source_title", emit.q(m.source_title), "source_title: the text's title")
    order = ", ".join(emit.q(n) for n in m.session_order)
    w.key("session_order", f"[{order}]", "session_order: the planner's default order of the regions (each once)")
    order = ", ".join(emit.q(n) for n in m.text_order)
    w.key("text_order", f"[{order}]", "text_order: the order of the notebooks, slides and sheets (each once)")
    w.line()
    w.line("# The notice shown on every handout, and the contraindications.")
    w.line("[notice]")
    w.key("text", emit.text(m.notice))
    w.line("contraindications = [\n" + "".join(f"  {emit.q(c)},\n" for c in m.contraindications) + "]")
    w.key("reference", emit.text(m.contraindications_reference))
    w.key("claims_note", emit.text(m.source_claims_note))
    if names:
        w.line()
        w.line('# Cites used in several places, by name: cite = "sacrum_up".')
        w.line("[cites]")
        for c, n in sorted(names.items(), key=lambda cn: cn[1]):
            w.line(f"{n} = {emit.cite(c)}")
    w.line()
    w.line("# ---- Regions, in the order of the text's teaching " + "-" * 56)
    for r in m.regions:
        _region(w, r, m)
    if m.closing:
        w.line("# ---- The step that closes every session, after the last region " + "-" * 42)
        w.line("[closing]")
        _step(w, m.closing, "closing")
        w.line()
    w.line("# ---- Cautions: [cautions.<key>]; regions list them by key " + "-" * 47)
    for c in m.cautions.values():
        w.line(f"[cautions.{c.key}]")
        w.key("label", emit.q(c.label), "label: a few words for a legend or a map label")
        w.key("text", emit.text(c.text), "text: the caution in full")
        w.key("cite", w.cite(c.cite))
        if c.techniques:
            techs = ", ".join(emit.q(t.value) for t in c.techniques)
            w.key("techniques", f"[{techs}]", "techniques: the techniques it limits (none: all)")
        if c.zones:
            w.line(emit.zones(c.zones))
        w.line()
    w.line("# ---- General rules: [rules.<key>] " + "-" * 71)
    for r in m.rules.values():
        w.line(f"[rules.{r.key}]")
        w.key("text", emit.text(r.text))
        w.key("cite", w.cite(r.cite))
        if r.limit_minutes is not None:
            w.key("limit_minutes", emit.num(r.limit_minutes), "limit_minutes: where the rule is a time limit")
        w.line()
    if m.tensions:
        w.line("# ---- The source text's own tensions, and the stance taken on each " + "-" * 39)
        for t in m.tensions:
            w.line("[[tensions]]")
            w.key("key", emit.q(t.key))
            w.key("text", emit.text(t.text))
            w.key("stance", emit.text(t.stance))
            w.key("cite", w.cite(t.cite))
            w.line()
    return "\n".join(w.out).rstrip("\n") + "\n"
