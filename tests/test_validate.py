"""validate() and the citations: every quote is on its lines, broken data is caught, the source's tensions hold."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pytest

import backdata
from backdata import (
    CAUTIONS,
    LANDMARKS,
    LEVELS,
    REGIONS,
    RULES,
    SESSION_ORDER,
    TECHNIQUES,
    Cite,
    Mode,
    Point,
    Technique,
    check_session,
    propose_first_session,
    source_tensions,
    total_minutes,
    validate,
)
from backdata.core.geometry import contains
from backdata.core.source import SOURCE_TITLE, quote_problem, source_line, source_lines
from backdata.method import anatomy, techniques
from backdata.method.validate import _check_region
from backdata.views import theme

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "backdata" / "source" / "back-massage.txt"
SEED = REPO / ".." / "shared" / "seed" / "back-massage.txt"


# --- Every citation in the data ----------------------------------------------------------------------------


def _cites(obj, where, out, seen):
    """Every Cite reachable from obj (dataclasses, mappings, tuples), with a path naming where it sits."""
    if isinstance(obj, Cite):
        out.append((where, obj))
        return
    if isinstance(obj, (str, int, float, Point)) or obj is None or id(obj) in seen:
        return
    seen.add(id(obj))
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _cites(getattr(obj, f.name), f"{where}.{f.name}", out, seen)
    elif isinstance(obj, Mapping):
        for k, v in obj.items():
            _cites(v, f"{where}[{k}]", out, seen)
    elif isinstance(obj, (tuple, list)):
        for i, v in enumerate(obj):
            _cites(v, f"{where}[{i}]", out, seen)


def all_cites():
    out: list[tuple[str, Cite]] = []
    roots = {
        "REGIONS": REGIONS,
        "TECHNIQUES": TECHNIQUES,
        "CAUTIONS": CAUTIONS,
        "RULES": RULES,
        "LANDMARKS": LANDMARKS,
        "TENSIONS": source_tensions(),
        "OUTLINE_CITE": anatomy.OUTLINE_CITE,
        "NODE_CITE": anatomy.NODE_CITE,
        "SCHOOL_NAMES_CITE": techniques.SCHOOL_NAMES_CITE,
    }
    for name, root in roots.items():
        _cites(root, name, out, set())
    return out


CITES = all_cites()
LINE_CITES = [(w, c) for w, c in CITES if c.lines]


def test_the_data_is_thoroughly_cited():
    """Many facts cite source lines, and every region cites the text somewhere."""
    assert len(LINE_CITES) > 60
    for name in REGIONS:
        assert any(w.startswith(f"REGIONS[{name}]") for w, _ in LINE_CITES), name


@pytest.mark.parametrize("where, cite", LINE_CITES, ids=[w for w, _ in LINE_CITES])
def test_every_line_cite_quotes_its_lines(where, cite):
    """A Cite naming source lines quotes text that really is on those lines."""
    assert quote_problem(cite) is None
    assert cite.quote.strip()


def test_every_cite_names_lines_or_a_reference():
    """No citation is empty: it names source lines or a reference (an anatomy text, or 'editorial')."""
    empty = [w for w, c in CITES if not c.lines and not c.reference.strip()]
    assert empty == []


def test_one_line_cites_quote_that_line(on_line):
    """For a one-line cite the quote is on that line itself."""
    for _where, cite in LINE_CITES:
        if len(cite.lines) == 1:
            on_line(cite.lines[0], cite.quote)


def test_quote_problem_catches_a_wrong_quote():
    problem = quote_problem(Cite((23,), "lasting 50-60 minutes"))
    assert problem is not None and "not on source line" in problem
    # the right quote on the wrong line is wrong too
    assert quote_problem(Cite((24,), "lasting 5-6 minutes")) is not None
    assert quote_problem(Cite((23,), "lasting 5-6 minutes")) is None


def test_quote_problem_catches_a_line_beyond_the_text():
    n = len(source_lines())
    problem = quote_problem(Cite((n + 1,), "anything"))
    assert problem is not None and "beyond" in problem
    assert quote_problem(Cite((0,), "How to do a back massage")) is not None


def test_quote_problem_catches_a_cite_without_quote_or_source():
    assert quote_problem(Cite((23,), "")) is not None
    assert quote_problem(Cite()) is not None
    assert quote_problem(Cite(reference="Gray's Anatomy")) is None


def test_quote_matching_ignores_case_space_and_curly_quotes():
    """Lines 47 and 63: case, spacing and curly apostrophes do not matter."""
    assert quote_problem(Cite((47,), "next,   RUBBING is performed")) is None
    assert "patient’s shoulder" in source_line(63)
    assert quote_problem(Cite((63,), "under the patient's shoulder")) is None


# --- The source text ---------------------------------------------------------------------------------------


def test_shipped_source_is_the_seed_text():
    """The package's copy equals shared/seed/back-massage.txt (when that exists); either way it is the text."""
    shipped = SHIPPED.read_text(encoding="utf-8")
    if SEED.exists():
        assert shipped == SEED.read_text(encoding="utf-8")
    lines = shipped.splitlines()
    assert len(lines) >= 139
    assert lines[0] == SOURCE_TITLE
    assert tuple(lines) == source_lines()


@pytest.mark.parametrize(
    "number, text",
    [
        (23, "lasting 5-6 minutes"),
        (39, "from the seventh to the twelfth thoracic vertebrae"),
        (82, "no higher than the 6th cervical vertebra"),
        (110, "no more than 15 minutes"),
    ],
)
def test_source_lines_are_numbered_as_the_notes_say(number, text):
    """source-notes.md numbers the facts by line: the package's line numbers agree with it."""
    assert text in source_line(number)


# --- validate() --------------------------------------------------------------------------------------------


def test_validate_finds_no_problem_in_the_shipped_data():
    assert validate() == []


@pytest.mark.parametrize("name", list(REGIONS))
def test_every_shipped_region_checks_clean(name):
    assert _check_region(REGIONS[name]) == []


def _replace_line(reg, number, side, **changes):
    lines = tuple(
        dataclasses.replace(ln, **changes) if (ln.number, ln.side.value) == (number, side) else ln for ln in reg.lines
    )
    return dataclasses.replace(reg, lines=lines)


def test_check_catches_a_line_point_outside_the_back():
    reg = REGIONS["lumbar"]
    ln = reg.lines_numbered(3)[0]
    broken = _replace_line(reg, 3, ln.side.value, points=(*ln.points[:-1], Point(ln.end.x * 4, ln.end.y)))
    problems = _check_region(broken)
    assert any("outside the back" in p and f"line {ln.label}" in p for p in problems), problems
    assert any("not mirror-symmetric" in p for p in problems)


def test_check_catches_a_line_on_the_spinous_processes():
    reg = REGIONS["lower_thoracic"]
    right, left = sorted(reg.lines_numbered(2), key=lambda ln: ln.side.value != "right")
    on_spine = (Point(0.0, right.start.y), *right.points[1:])
    broken = _replace_line(reg, 2, "right", points=on_spine)
    broken = _replace_line(broken, 2, "left", points=tuple(p.mirrored() for p in on_spine))
    problems = _check_region(broken)
    assert any("spinous processes" in p and "line 2R" in p for p in problems), problems
    assert any("line 2L" in p for p in problems)
    assert not any("mirror" in p for p in problems)


def test_check_catches_a_line_outside_its_region():
    """A collar line moved down to the lumbar region is on the back but not in the collar's zone."""
    reg = REGIONS["collar"]
    ln = reg.lines_numbered(1)[0]
    moved = tuple(Point(p.x, p.y + 0.8) for p in ln.points)
    problems = _check_region(_replace_line(reg, 1, ln.side.value, points=moved))
    assert any("outside the region's zone" in p for p in problems), problems
    assert not any("outside the back" in p for p in problems)


def test_check_catches_a_step_on_a_missing_line():
    reg = REGIONS["collar"]
    steps = (dataclasses.replace(reg.steps[0], lines=(1, 2, 9)), *reg.steps[1:])
    problems = _check_region(dataclasses.replace(reg, steps=steps))
    assert any("step 1" in p and "[9]" in p for p in problems), problems


def test_check_catches_a_bad_quote():
    reg = REGIONS["lumbar"]
    broken = dataclasses.replace(reg, extent_cite=Cite((89,), "from 1-7 lumbar vertebrae"))
    problems = _check_region(broken)
    assert any("extent" in p and "1-7 lumbar" in p for p in problems), problems


def test_check_catches_a_cite_beyond_the_text():
    reg = REGIONS["scapula"]
    bad = dataclasses.replace(reg.steps[1], cite=Cite((999,), "rubbing"))
    problems = _check_region(dataclasses.replace(reg, steps=(reg.steps[0], bad)))
    assert any("step 2" in p and "beyond" in p for p in problems), problems


def test_check_catches_a_missing_total():
    reg = REGIONS["lower_thoracic"]
    broken = dataclasses.replace(reg, total={Mode.hygienic: reg.total[Mode.hygienic]})
    problems = _check_region(broken)
    assert any("no total for mode therapeutic" in p for p in problems), problems


def test_check_catches_an_inverted_step_time():
    reg = REGIONS["preliminary"]
    squeeze = reg.steps[2]
    inverted = dataclasses.replace(squeeze.minutes, minutes=backdata.Minutes(3.0, 1.0))
    steps = (*reg.steps[:2], dataclasses.replace(squeeze, minutes=inverted), *reg.steps[3:])
    problems = _check_region(dataclasses.replace(reg, steps=steps))
    assert any("step 3" in p and "min above max" in p for p in problems), problems


def test_check_catches_a_bad_level_and_extent():
    reg = REGIONS["collar"]
    vib = next(i for i, s in enumerate(reg.steps) if s.technique is Technique.vibration)
    steps = tuple(dataclasses.replace(s, upper_level="C9") if i == vib else s for i, s in enumerate(reg.steps))
    problems = _check_region(dataclasses.replace(reg, steps=steps, extent=("T6", "C1")))
    assert any("'C9'" in p for p in problems), problems
    assert any("does not run from head to feet" in p for p in problems)


def test_validate_checks_a_given_region_list():
    """validate(regions=...) checks other regions with the same rules; the default is the shipped data."""
    broken = dataclasses.replace(REGIONS["lumbar"], extent_cite=Cite((89,), "not in the text"))
    problems = validate([REGIONS["preliminary"], broken])
    assert problems and all("lumbar" in p for p in problems)
    assert any("region names are not unique" in p for p in validate([REGIONS["collar"], REGIONS["collar"]]))
    assert validate(REGIONS.values()) == []
    assert validate() == []


# --- The theme: every region and caution has its colour and pattern ----------------------------------------------


def test_a_region_without_a_colour_of_its_own_takes_a_free_one(monkeypatch):
    """A region missing from REGION_COLOR / REGION_HATCH (a new region) gets the first palette colour and hatch
    that no other region of the method uses: no problem."""
    colours = {k: v for k, v in theme.REGION_COLOR.items() if k != "lumbar"}
    monkeypatch.setattr(theme, "REGION_COLOR", MappingProxyType(colours))
    assert validate() == []
    assert theme.region_color("lumbar") == theme.OKABE_ITO["yellow"], "the first colour the others leave free"
    hatches = dict(theme.REGION_HATCH)
    del hatches["collar"]
    monkeypatch.setattr(theme, "REGION_HATCH", MappingProxyType(hatches))
    assert validate() == []
    assert theme.region_hatch("collar") == ".."
    assert validate([REGIONS["collar"]]) == [], "only the regions checked"


def test_validate_reports_a_region_colour_not_in_the_palette_and_regions_alike(monkeypatch):
    import dataclasses

    odd = dataclasses.replace(REGIONS["lumbar"], color="skyblue")
    problems = validate([*(r for n, r in REGIONS.items() if n != "lumbar"), odd])
    assert len(problems) == 1 and problems[0].startswith("lumbar: colour 'skyblue' is not a palette name:")
    assert "did you mean 'sky_blue'?" in problems[0]
    own = dataclasses.replace(REGIONS["lumbar"], color="blue", hatch="xx")
    assert theme.region_looks([*REGIONS.values(), own][1:])["lumbar"] == (theme.OKABE_ITO["blue"], "xx")
    same = dataclasses.replace(REGIONS["lumbar"], color="orange", hatch="..")
    assert validate([REGIONS["collar"], same]) == ["lumbar: same colour and pattern as collar"]
    monkeypatch.setattr(theme, "REGION_COLOR", MappingProxyType(dict.fromkeys(REGIONS, "#000000")))
    monkeypatch.setattr(theme, "REGION_HATCH", MappingProxyType(dict.fromkeys(REGIONS, "")))
    assert "scapula: same colour and pattern as preliminary" in validate()


def test_validate_reports_a_caution_without_a_hatch(monkeypatch):
    """Each spatial caution of a region needs a hatch of its own on the region's plate."""
    assert [c.key for c in REGIONS["collar"].cautions if c.zones] == ["vibration_c6", "spinous_processes"]
    monkeypatch.setattr(theme, "CAUTION_HATCHES", ("////",))
    problems = validate()
    assert (
        "collar: caution 'spinous_processes' has no hatch of its own (CAUTION_HATCHES has 1 for 2 spatial "
        "cautions)" in problems
    )
    assert not any(p.startswith(("preliminary", "scapula")) for p in problems), "one spatial caution: one hatch"
    monkeypatch.setattr(theme, "CAUTION_HATCHES", ("////", ""))
    assert any(p.startswith("collar: caution 'spinous_processes' has no hatch") for p in validate())


def test_validate_reports_a_region_with_more_cautions_than_hatches():
    """A region (given to validate) with more spatial cautions than there are hatches: the extra ones repeat."""
    spatial = [c for c in CAUTIONS.values() if c.zones]
    assert len(spatial) > len(theme.CAUTION_HATCHES)
    crowded = dataclasses.replace(REGIONS["lumbar"], cautions=tuple(spatial))
    problems = validate([crowded])
    assert any(f"caution {spatial[len(theme.CAUTION_HATCHES)].key!r} has no hatch of its own" in p for p in problems), (
        problems
    )


# --- The source's own tensions -----------------------------------------------------------------------------

TENSION_KEYS = {
    "collar_kneading_limit",
    "collar_steps_exceed_total",
    "first_session_too_short",
    "stroking_intense",
    "kneading_forearm",
    "ribs_kidneys_5cm",
    "order_top_down_vs_sacrum_up",
    "missing_step_times",
}


def tension(key):
    return {t.key: t for t in source_tensions()}[key]


def test_source_tensions_are_listed_with_a_stance():
    tensions = source_tensions()
    keys = [t.key for t in tensions]
    assert TENSION_KEYS.issubset(keys)
    assert len(keys) == len(set(keys))
    for t in tensions:
        assert t.text and t.stance
        assert quote_problem(t.cite) is None


def test_tensions_are_not_validation_problems():
    """validate() reports our data's problems only: the tensions hold, yet it finds nothing."""
    assert validate() == []
    assert source_tensions()


def test_tension_collar_kneading_above_the_kneading_limit(on_line):
    """Line 81: kneading 7–12 min in the collar; line 127: kneading no more than 10 min."""
    on_line(81, "The duration of kneading is 7-12 minutes")
    on_line(127, "It is recommended to perform no more than 10 minutes")
    kneading = next(s for s in REGIONS["collar"].steps if s.technique is Technique.kneading)
    assert kneading.duration(Mode.hygienic).minutes.max > TECHNIQUES[Technique.kneading].max_minutes
    assert tension("collar_kneading_limit").cite.lines == (81, 127)
    assert any(b.rule == "kneading_limit" for b in check_session(["preliminary", "collar"]))


def test_tension_collar_steps_exceed_the_collar_total():
    """Lines 79–85: the timed steps alone (1 + 2–3 + 7–12 min) reach the 10–15 min total, with steps untimed."""
    collar = REGIONS["collar"]
    timed = [s.duration(Mode.hygienic).minutes for s in collar.steps if s.duration(Mode.hygienic)]
    untimed = [s for s in collar.steps if s.duration(Mode.hygienic) is None]
    total = total_minutes(collar, Mode.hygienic)
    assert sum(m.min for m in timed) >= total.min
    assert sum(m.max for m in timed) > total.max
    assert untimed  # and rubbing, vibration, shaking, light stroking come on top


def test_tension_first_session_cannot_hold_preliminary_and_collar(on_line):
    """Line 110 (15 min) vs preliminary 5–6 (23) + collar 10–15 (85): no room left for the collar's steps."""
    on_line(110, "no more than 15 minutes")
    limit = RULES["first_session"].limit_minutes
    pre, col = total_minutes("preliminary", "hygienic"), total_minutes("collar", "hygienic")
    assert pre.max + col.max > limit
    assert pre.min + col.min >= limit  # even the shortest reading fills the whole first session
    collar_steps = [s.duration(Mode.hygienic) for s in REGIONS["collar"].steps]
    stated_min = sum(d.minutes.min for d in collar_steps if d)
    assert pre.min + stated_min >= limit and any(d is None for d in collar_steps)  # untimed steps on top
    assert "collar" not in propose_first_session(["preliminary", "collar"])


def test_tension_stroking_intense_vs_gentle(on_line):
    """Line 115 says both "in an intense manner" and "gentle": we teach stroking as the lightest technique."""
    on_line(115, "Stroking is performed in an intense manner")
    on_line(115, "more gentle and gentle movements should be performed")
    depths = {t: info.depth for t, info in TECHNIQUES.items()}
    assert depths[Technique.stroking] == min(depths.values())
    assert "intense manner" in TECHNIQUES[Technique.stroking].note


def test_tension_kneading_forearm_flagged_not_taught(on_line):
    """Line 127: "These technical exercises should begin with the forearm area" — quoted, not taught."""
    on_line(127, "should begin with the forearm area")
    info = TECHNIQUES[Technique.kneading]
    assert "forearm" in info.note
    assert "forearm" not in info.description


def test_tension_ribs_and_kidneys_5_cm(on_line):
    """Line 51: ribs 11–12 "approximately 5 cm" from the kidneys; anatomically the 12th rib crosses them,
    and 5 cm is about the kidney's distance from the midline (anatomy.md)."""
    on_line(51, "approximately 5 cm")
    five_cm = anatomy.cm(5.0)
    for side, sign in (("right", 1), ("left", -1)):
        kidney = LANDMARKS[f"kidney_{side}"].points
        assert any(contains(kidney, p) for p in LANDMARKS[f"rib12_{side}"].points)
        xs = [sign * p.x for p in kidney]
        assert min(xs) < five_cm < max(xs)
    assert CAUTIONS["kidney_distance"].cite.lines == (51,)


def test_tension_order_text_vs_planner(on_line):
    """Line 23 lists collar, lower thoracic, lumbar (top down); line 107 starts at the sacrum (bottom up)."""
    on_line(23, "massage of the collar area, lower thoracic region and lumbar region")
    on_line(107, "start from the sacrum area, smoothly moving upward")
    text_order = [n for n in REGIONS if n in ("collar", "lower_thoracic", "lumbar")]
    planner = [n for n in SESSION_ORDER if n in ("collar", "lower_thoracic", "lumbar")]
    assert text_order == ["collar", "lower_thoracic", "lumbar"]
    assert planner == list(reversed(text_order))
    tops = [LEVELS[REGIONS[n].extent[0]] for n in planner]
    assert tops == sorted(tops, reverse=True)


def test_tension_missing_step_times():
    """No per-step minutes for the lower thoracic and lumbar regions nor the scapula (lines 45–51, 55–69, 97–103)."""
    for name in ("lower_thoracic", "lumbar", "scapula"):
        assert all(s.duration(m) is None for s in REGIONS[name].steps for m in Mode), name
        assert backdata.plan(name)["minutes_from"].eq("unknown").all()
    # the regions the source does time keep their source minutes
    assert any(s.duration(Mode.hygienic) for s in REGIONS["collar"].steps)
    assert any(s.duration(Mode.hygienic) for s in REGIONS["preliminary"].steps)
