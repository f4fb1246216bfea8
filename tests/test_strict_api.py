"""A strict API (issue 9): every public function refuses a wrong value with one line of BackdataError that
names what is allowed, and a failed drawing call leaves no pyplot figure open."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import backdata
from backdata import (
    REGIONS,
    BackdataError,
    Mode,
    Technique,
    as_mode,
    as_technique,
    check_session,
    level_y,
    plan,
    propose_first_session,
    region,
    session,
    session_steps,
    technique_info,
    total_minutes,
)
from backdata.core.errors import as_bool, as_int
from backdata.interact import explorer, planner
from backdata.method.regions import as_regions, as_step
from backdata.views import describe, draw, strokes
from backdata.views.tables import step_minutes

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
REGION_NAMES = list(REGIONS)
N_STEPS = {name: len(reg.steps) for name, reg in REGIONS.items()}


def _fails(call, *match: str) -> str:
    """``call()`` raises BackdataError on one line, containing every ``match``; returns the message."""
    with pytest.raises(BackdataError) as err:
        call()
    msg = str(err.value)
    assert "\n" not in msg, msg
    for m in match:
        assert m in msg, (m, msg)
    return msg


def _fails_without_figures(call, *match: str) -> str:
    """As :func:`_fails`, and pyplot's open figures are the same after the call as before."""
    before = plt.get_fignums()
    msg = _fails(call, *match)
    assert plt.get_fignums() == before, "a failed drawing call left a figure open"
    return msg


# --- Strategies for wrong values ------------------------------------------------------------------------------


def _not_a_name_of(valid: list[str]):
    """Text that does not resolve to any of ``valid`` (or an alias): checked by the function itself."""
    return st.text(min_size=0, max_size=20)


NOT_TEXT = st.one_of(
    st.none(),
    st.integers(-5, 50),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.sampled_from(REGION_NAMES), max_size=2),
    st.just(b"lumbar"),
)
NOT_A_FLAG = st.one_of(
    st.text(max_size=5),
    st.integers(-2, 2),
    st.floats(),
    st.none(),
    st.lists(st.booleans(), max_size=2),
    st.just(np.int64(1)),
)


def bad_steps(name: str):
    """Every kind of wrong step for region ``name``: out of range (both sides), bool, float, text, None, a list,
    a numpy bool."""
    n = N_STEPS[name]
    return st.one_of(
        st.integers(max_value=-1),
        st.integers(min_value=n + 1),
        st.booleans(),
        st.floats(),
        st.text(max_size=4),
        st.none(),
        st.lists(st.integers(0, n), max_size=2),
        st.just(np.bool_(True)),
        st.just(np.float64(1.0)),
    )


region_and_bad_step = st.sampled_from(REGION_NAMES).flatmap(lambda n: st.tuples(st.just(n), bad_steps(n)))


# --- Steps --------------------------------------------------------------------------------------------------


def test_the_issue_examples_for_steps():
    msg = _fails_without_figures(lambda: draw.region_figure("lumbar", step=99), "step 99", "valid 0–6", "'lumbar'")
    assert msg == "step 99 is out of range; valid 0–6 for region 'lumbar' (0 = the lines view)"
    _fails_without_figures(
        lambda: draw.region_figure("lumbar", step=1.5), "whole number (int)", "float 1.5", "valid 0–6"
    )
    _fails_without_figures(lambda: draw.region_figure("collar", step=-1), "step -1", f"valid 0–{N_STEPS['collar']}")
    _fails_without_figures(lambda: draw.region_figure("lumbar", step="2"), "whole number", "str '2'")
    _fails_without_figures(lambda: draw.region_figure("lumbar", step=True), "whole number", "bool True")


STEP_CALLS = {
    "region_figure": lambda name, s: draw.region_figure(name, step=s),
    "draw_region": lambda name, s: draw.draw_region(name, step=s),
    "step_caption": lambda name, s: draw.step_caption(name, "hygienic", s),
    "alt_text": lambda name, s: describe.alt_text(name, "hygienic", s),
    "plan_html": lambda name, s: explorer.plan_html(name, "hygienic", s),
    "explorer": lambda name, s: explorer.explorer(name, "hygienic", s),
    "region_stepper": lambda name, s: explorer.region_stepper(name, step=s),
    "as_step": lambda name, s: as_step(name, s),
}


@pytest.mark.parametrize("call", STEP_CALLS.values(), ids=STEP_CALLS.keys())
@FAST
@given(case=region_and_bad_step)
def test_bad_steps_are_refused_with_the_range(call, case):
    name, step = case
    _fails_without_figures(lambda: call(name, step), f"valid 0–{N_STEPS[name]} for region {name!r}")


@pytest.fixture(scope="module")
def view():
    fig, v = draw.region_figure("scapula")
    yield v
    plt.close(fig)


@FAST
@given(step=bad_steps("scapula"))
def test_region_view_refuses_bad_steps_and_keeps_its_view(view, step):
    view.set_step(2)
    _fails(lambda: view.set_step(step), f"valid 0–{N_STEPS['scapula']}")
    if step is not None:  # None: the current step
        _fails(lambda: view.visible_layers(step=step), f"valid 0–{N_STEPS['scapula']}")
    assert view.step == 2


@FAST
@given(mode=_not_a_name_of([m.value for m in Mode]))
def test_region_view_refuses_bad_modes(view, mode):
    try:
        as_mode(mode)
    except BackdataError:
        _fails(lambda: view.set_mode(mode), "valid: hygienic, therapeutic")


@pytest.mark.parametrize("call", [strokes.step_marks, strokes.step_lines])
@FAST
@given(case=st.sampled_from(REGION_NAMES).flatmap(lambda n: st.tuples(st.just(n), st.one_of(st.just(0), bad_steps(n)))))
def test_stroke_steps_count_from_one(call, case):
    name, step = case
    _fails(lambda: call(name, step), f"valid 1–{N_STEPS[name]} for region {name!r}")


def test_numpy_integers_are_steps():
    assert draw.step_caption("lumbar", "hygienic", np.int64(3)) == draw.step_caption("lumbar", "hygienic", 3)
    assert describe.alt_text("collar", step=np.int32(2)) == describe.alt_text("collar", step=2)
    _, v = draw.region_figure("lumbar", step=np.int16(4))
    assert v.step == 4 and type(v.step) is int
    v.set_step(np.int64(0))
    assert v.step == 0


# --- Flags --------------------------------------------------------------------------------------------------

FLAG_CALLS = {
    "plan(editorial)": lambda v: plan("lumbar", editorial=v),
    "step_minutes(editorial)": lambda v: step_minutes("lumbar", "hygienic", editorial=v),
    "session(first_session)": lambda v: session(first_session=v),
    "check_session(first_session)": lambda v: check_session(first_session=v),
    "session_planner(first_session)": lambda v: planner.session_planner(first_session=v),
    "Explorer(keep_view)": lambda v: explorer.Explorer(keep_view=v),
    "draw_region(legend)": lambda v: draw.draw_region("lumbar", legend=v),
    "draw_region(crop)": lambda v: draw.draw_region("lumbar", crop=v),
    "draw_back(orientation)": lambda v: draw.draw_back(orientation=v),
}


@pytest.mark.parametrize("call", FLAG_CALLS.values(), ids=FLAG_CALLS.keys())
@FAST
@given(value=NOT_A_FLAG)
def test_flags_take_only_real_bools(call, value):
    _fails_without_figures(lambda: call(value), "must be True or False")


def test_no_does_not_count_as_true():
    assert _fails(lambda: session(first_session="no")) == "first_session must be True or False, got str 'no'"
    assert _fails(lambda: plan("collar", editorial="no")) == "editorial must be True or False, got str 'no'"


def test_numpy_bools_are_flags():
    assert plan("collar", editorial=np.bool_(True)).equals(plan("collar", editorial=True))
    assert session(first_session=np.bool_(True)).attrs["breaks"] == session(first_session=True).attrs["breaks"]
    assert as_bool("x", np.True_) is True and as_bool("x", np.False_) is False


# --- Regions and lists of regions -----------------------------------------------------------------------------


@pytest.mark.parametrize("call", [session, check_session, session_steps, propose_first_session])
@pytest.mark.parametrize("value", [5, 1.5, True, b"lumbar", object()])
def test_a_session_needs_regions_not_a_number(call, value):
    msg = _fails(lambda: call(value), "must be a region name, a Region or a list of them")
    assert "valid: preliminary, collar" in msg


def test_session_of_a_number_message():
    assert _fails(lambda: session(5)) == (
        "regions of the session must be a region name, a Region or a list of "
        "them, got int 5; valid: preliminary, collar, scapula, lower_thoracic, "
        "lumbar"
    )


@FAST
@given(name=st.text(max_size=12))
def test_unknown_region_names_everywhere(name):
    try:
        region(name)
    except BackdataError:
        pass
    else:
        return  # a real name or alias
    for call in (
        lambda: region(name),
        lambda: plan(name),
        lambda: total_minutes(name, "hygienic"),
        lambda: session(["preliminary", name]),
        lambda: describe.alt_text(name),
        lambda: explorer.plan_html(name, "hygienic"),
    ):
        _fails(call, "valid: preliminary, collar, scapula, lower_thoracic, lumbar")
    for call in (
        lambda: draw.region_figure(name),
        lambda: draw.draw_steps(name),
        lambda: draw.draw_region(name),
        lambda: explorer.Explorer(regions=("lumbar", name)),
    ):
        _fails_without_figures(call, "valid: preliminary")


@FAST
@given(value=NOT_TEXT)
def test_non_text_names(value):
    for call in (
        region,
        as_mode,
        as_technique,
        technique_info,
        level_y,
        lambda v: plan(v),
        lambda v: plan("lumbar", v),
        lambda v: draw.step_caption("lumbar", v, 0),
    ):
        _fails(lambda call=call: call(value), "must be a name (str)")


def test_explorer_regions():
    assert _fails(lambda: explorer.Explorer(regions=("lumbar", "nope"))) == (
        "unknown region 'nope': valid: preliminary, collar, scapula, lower_thoracic, lumbar"
    )
    _fails(lambda: explorer.Explorer(regions=5), "regions of the explorer must be")
    _fails(
        lambda: explorer.Explorer(region="collar", regions=("lumbar",)),
        "region 'collar' is not among the explorer's regions; valid: lumbar",
    )
    _fails(lambda: explorer.Explorer(regions=("lumbar", "lumbar")), "twice")
    _fails(lambda: explorer.Explorer(mode="sport"), "unknown mode 'sport'")
    _fails(lambda: explorer.Explorer(interval=0), "interval must be a number greater than 0")
    _fails(lambda: explorer.Explorer(interval="fast"), "interval must be a number greater than 0")
    _fails(lambda: planner.session_planner(regions=5), "regions of the planner must be")
    _fails(lambda: planner.session_planner(regions=["lumbar", "nope"]), "unknown region 'nope'")
    _fails(lambda: planner.session_planner(mode=3), "mode must be a name (str)")
    _fails(lambda: explorer.region_stepper("nope"), "unknown region 'nope'")
    ex = explorer.Explorer("collar", "therapeutic", np.int64(2), regions="collar")  # one name: one region
    assert [o[1] for o in ex.region_w.options] == ["collar"] and ex.step_w.value == 2


def test_as_regions_keeps_order_and_refuses_twice_and_empty():
    assert [r.name for r in as_regions(["lumbar", REGIONS["collar"]])] == ["lumbar", "collar"]
    assert [r.name for r in as_regions("neck")] == ["collar"]
    _fails(lambda: as_regions([]), "the session needs at least one region")
    assert as_regions([], allow_empty=True) == []
    _fails(lambda: as_regions(["lumbar", "lower_back"]), "region 'lumbar' appears twice")


# --- Drawing: checks first, and no figure left behind -----------------------------------------------------------

DRAW_CALLS = {
    "draw_steps columns=0": (lambda: draw.draw_steps("lumbar", columns=0), "columns 0 is out of range"),
    "draw_steps columns=2.0": (lambda: draw.draw_steps("lumbar", columns=2.0), "columns must be a whole number"),
    "draw_steps fig": (lambda: draw.draw_steps("lumbar", fig="fig"), "fig must be a matplotlib Figure or None"),
    "draw_overview fig": (lambda: draw.draw_overview(1), "fig must be a matplotlib Figure or None"),
    "draw_technique_sheet fig": (lambda: draw.draw_technique_sheet(1), "fig must be a matplotlib Figure"),
    "draw_region ax": (lambda: draw.draw_region("lumbar", ax="left"), "ax must be a matplotlib Axes or None"),
    "draw_back level": (lambda: draw.draw_back(levels=["C7", "T13"]), "unknown vertebral level 'T13'"),
    "draw_back levels": (lambda: draw.draw_back(levels=7), "levels must be a list of vertebral level names"),
    "draw_back node": (
        lambda: draw.draw_back(nodes=["belly"]),
        "unknown lymph node target 'belly': valid: axillary, inguinal, supraclavicular",
    ),
    "draw_back box": (lambda: draw.draw_back(box=(0, 1)), "box must be None or (x0, x1, y0, y1)"),
    "draw_back box order": (lambda: draw.draw_back(box=(1, 0, 0, 1)), "x0 < x1"),
    "draw_timeline number": (lambda: draw.draw_timeline(5), "steps must be a non-empty table"),
    "draw_timeline columns": (
        lambda: draw.draw_timeline(pd.DataFrame({"region": ["lumbar"]})),
        "steps lacks the column(s) step, minutes_min",
    ),
    "draw_timeline region": (
        lambda: draw.draw_timeline(session_steps().assign(region="sacrum")),
        "steps has an unknown region str 'sacrum'",
    ),
    "region_figure mode": (lambda: draw.region_figure("lumbar", mode="therapy-ish"), "unknown mode"),
    "style": (lambda: draw.style("poster").__enter__(), "unknown style 'poster'"),
}


@pytest.mark.parametrize(("call", "match"), DRAW_CALLS.values(), ids=DRAW_CALLS.keys())
def test_drawing_checks_before_drawing(call, match):
    _fails_without_figures(call, match)  # with no figure open: plt.gca() must not have made one
    fig = plt.figure()
    _fails_without_figures(call, match)  # a figure the caller had stays open
    assert plt.fignum_exists(fig.number)


@pytest.mark.parametrize(
    "call",
    [
        lambda: draw.region_figure("lumbar", step=2),
        lambda: draw.draw_steps("collar"),
        lambda: draw.draw_region("lumbar"),
        lambda: draw.draw_overview(),
        lambda: draw.draw_back(),
        lambda: draw.draw_technique_sheet(),
    ],
)
def test_a_failure_while_drawing_closes_the_figure_it_made(monkeypatch, call):
    """An error inside the drawing (after the figure exists) still closes that figure, and only that one."""

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    for module in (draw.base, draw.back, draw.plates, draw.charts):  # each module's own name for the helper
        monkeypatch.setattr(module, "_xy_pairs", boom)
    mine = plt.figure()
    before = plt.get_fignums()
    with pytest.raises(RuntimeError, match="boom"):
        call()
    assert plt.get_fignums() == before and plt.fignum_exists(mine.number)


# --- Words, techniques, lines -----------------------------------------------------------------------------------


def test_describe_and_strokes_refuse_wrong_lines_and_techniques():
    _fails(lambda: describe.lines_summary("lumbar", (99,)), "line 99 does not exist in region 'lumbar'", "valid")
    _fails(lambda: describe.lines_summary("lumbar", "12"), "line numbers must be a list of ints")
    _fails(lambda: describe.lines_summary("lumbar", (1.0,)), "a line number must be a whole number (int)")
    _fails(lambda: describe.direction("line 1"), "line must be a StrokeLine")
    ln = REGIONS["lumbar"].lines[0]
    _fails(lambda: strokes.line_marks(ln, ln.points, "tickling"), "unknown technique 'tickling'")
    _fails(
        lambda: strokes.line_marks(ln, ln.points, Technique.rubbing, intensity="hard"),
        "intensity must be an Intensity or None",
    )
    assert describe.lines_summary("lumbar", ()) == describe.lines_summary("lumbar")
    assert strokes.line_marks(ln, ln.points, "rubbing") == strokes.line_marks(ln, ln.points, Technique.rubbing)


@FAST
@given(value=st.one_of(st.integers(), st.floats(), st.text(max_size=3), st.none(), st.booleans()))
def test_as_int_says_the_range(value):
    try:
        n = as_int("columns", value, 1, 9)
    except BackdataError as err:
        assert "valid 1–9" in str(err) and "\n" not in str(err)
    else:
        assert type(n) is int and 1 <= n <= 9 and not isinstance(value, (bool, float, str))


def test_every_public_name_is_still_there():
    """The strict checks did not drop anything from the public API."""
    for name in backdata.__all__:
        assert hasattr(backdata, name), name
