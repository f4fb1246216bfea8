"""Sessions: the planner's order, the total row, the rules a session breaks, and the running timeline."""

from __future__ import annotations

import pandas as pd
import pytest

from backdata import (
    LEVELS,
    REGIONS,
    RULES,
    SESSION_ORDER,
    Mode,
    check_session,
    plan,
    propose_first_session,
    session,
    session_steps,
    total_minutes,
)
from backdata.method.classical import CLOSING

LIMIT = RULES["first_session"].limit_minutes


def rules(breaks):
    return {b.rule: b for b in breaks}


def summed(names, mode=Mode.hygienic):
    """The regions' stated totals and the closing step (line 133), as the session counts them."""
    ms = [total_minutes(n, mode) for n in names] + [CLOSING.duration(mode).minutes]
    return sum(m.min for m in ms), sum(m.max for m in ms)


# --- Order and the table -----------------------------------------------------------------------------------


def test_session_order_covers_every_region_once():
    assert sorted(SESSION_ORDER) == sorted(REGIONS)
    assert len(SESSION_ORDER) == len(set(SESSION_ORDER))


def test_default_session_starts_with_preliminary_then_bottom_up(on_line):
    """Lines 23/35: preliminary first; line 107: start from the sacrum, moving upward."""
    on_line(35, "After the preliminary massage, you should proceed to the main massage")
    on_line(107, "The massage should start from the sacrum area, smoothly moving upward")
    df = session()
    assert df["region"].tolist() == [*SESSION_ORDER, "closing", "total"]
    assert SESSION_ORDER[0] == "preliminary"
    tops = [LEVELS[REGIONS[n].extent[0]] for n in SESSION_ORDER[1:]]
    assert tops == sorted(tops, reverse=True)  # each next region starts higher up the back
    assert SESSION_ORDER[1] == "lumbar" and SESSION_ORDER[-1] == "collar"


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("names", [None, ["preliminary"], ["preliminary", "collar"], ["collar", "lumbar", "scapula"]])
def test_total_row_is_the_sum(mode, names):
    """The last row is 'total' with the sum of the regions' stated minutes and the closing's."""
    df = session(names, mode)
    body, total = df.iloc[:-1], df.iloc[-1]
    assert total["region"] == "total"
    assert total["minutes_min"] == body["minutes_min"].sum()
    assert total["minutes_max"] == body["minutes_max"].sum()
    expected = list(SESSION_ORDER) if names is None else names
    assert body["region"].tolist() == [*expected, "closing"]
    assert (total["minutes_min"], total["minutes_max"]) == summed(expected, mode)


def test_session_rows_show_each_regions_total_and_origin():
    """Each row carries the region's stated total; editorial totals (the scapula) are marked."""
    df = session().set_index("region")
    for name in REGIONS:
        assert (df.loc[name, "minutes_min"], df.loc[name, "minutes_max"]) == tuple(total_minutes(name, "hygienic"))
        assert bool(df.loc[name, "editorial"]) == REGIONS[name].total[Mode.hygienic].cite.editorial
    assert bool(df.loc["scapula", "editorial"])
    assert bool(df.loc["total", "editorial"])
    # the closing's minute is editorial, so every session's total is (the source gives the closing no time)
    assert bool(session(["preliminary", "collar"]).iloc[-1]["editorial"])


def test_every_session_ends_with_the_closing(on_line):
    """Line 133: vibration or light tapping completes the procedure; its time is editorial (the source gives none)."""
    on_line(133, "vibration or light tapping should be used to complete the procedure")
    assert CLOSING.cite == RULES["close_with_vibration"].cite
    assert CLOSING.duration(Mode.hygienic).cite.editorial
    for names in (None, ["preliminary"], ["collar", "lumbar"]):
        for mode in Mode:
            df = session(names, mode).set_index("region")
            assert list(df.index[-2:]) == ["closing", "total"]
            row = df.loc["closing"]
            assert (row["minutes_min"], row["minutes_max"]) == tuple(CLOSING.duration(mode).minutes)
            assert bool(row["editorial"]) and "source line 133" in row["source"] and "editorial" in row["source"]
            steps = session_steps(names, mode)
            last = steps.iloc[-1]
            assert (last["region"], last["technique"], last["step"]) == ("closing", "vibration", CLOSING.title)
            assert "light tapping" in last["step"] and bool(last["editorial"])
            assert (steps["region"] == "closing").sum() == 1


def test_session_carries_the_same_breaks_as_check_session():
    for first in (False, True):
        for names in (None, ["collar"], ["preliminary", "lumbar"]):
            assert session(names, first_session=first).attrs["breaks"] == check_session(names, first_session=first)


# --- Rules: preliminary ------------------------------------------------------------------------------------


def test_missing_preliminary_is_flagged(on_line):
    """Line 23: the effective scheme first uses a preliminary massage of the entire back."""
    on_line(23, "first uses a preliminary massage of the entire back")
    brk = rules(check_session(["lumbar", "collar"]))
    assert "preliminary_first" in brk
    assert brk["preliminary_first"].severity == "break"
    assert "preliminary" in brk["preliminary_first"].message
    assert brk["preliminary_first"].cite.lines == (23,)


def test_preliminary_not_first_is_flagged(on_line):
    """Line 35: after the preliminary massage comes the main massage."""
    on_line(35, "After the preliminary massage")
    brk = rules(check_session(["lumbar", "preliminary", "collar"]))
    assert "main_after_preliminary" in brk
    assert "'lumbar'" in brk["main_after_preliminary"].message
    assert "preliminary_first" not in brk


def test_preliminary_first_breaks_no_order_rule():
    brk = rules(check_session(["preliminary", "collar", "lumbar"]))
    assert "preliminary_first" not in brk and "main_after_preliminary" not in brk


# --- Rules: the first session ------------------------------------------------------------------------------


def test_full_first_session_breaks_the_15_minute_rule(on_line):
    """Line 110: the first session no more than 15 minutes; the whole back (min 26) certainly breaks it."""
    on_line(110, "The first session should take no more than 15 minutes")
    lo, hi = summed(SESSION_ORDER)
    assert lo > LIMIT
    brk = rules(check_session(first_session=True))["first_session"]
    assert brk.severity == "break"
    assert brk.cite.lines == (110,)
    proposal = propose_first_session()
    assert " + ".join(proposal) in brk.message


def test_first_session_rule_only_applies_to_a_first_session():
    assert "first_session" not in rules(check_session())
    assert "first_session" not in rules(check_session(SESSION_ORDER, first_session=False))


def test_first_session_that_may_exceed_is_a_warning():
    """Preliminary 5–6 (line 23) + lumbar 5–6 (line 103) + lower thoracic 4–5 (line 51) + the closing 1 min:
    15–18 min, so it may, not must, pass 15."""
    names = ["preliminary", "lumbar", "lower_thoracic"]
    lo, hi = summed(names)
    assert lo <= LIMIT < hi
    brk = rules(check_session(names, first_session=True))["first_session"]
    assert brk.severity == "warning"


def test_preliminary_and_full_collar_break_the_first_session():
    """Preliminary 5–6 + collar 10–15 (line 85) + the closing: at least 16 min, more than 15 (the source's
    tension 'first_session_too_short')."""
    lo, _ = summed(["preliminary", "collar"])
    assert lo > LIMIT
    brk = rules(check_session(["preliminary", "collar"], first_session=True))["first_session"]
    assert brk.severity == "break"


def test_first_session_of_only_preliminary_fits():
    """A first session of only the preliminary massage (5–6 min) breaks nothing about its length."""
    assert summed(["preliminary"])[1] <= LIMIT
    assert check_session(["preliminary"], first_session=True) == []


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize(
    "names", [None, ["preliminary", "collar"], ["preliminary", "lower_thoracic", "lumbar"], ["collar", "scapula"]]
)
def test_proposed_first_session_fits_and_starts_with_preliminary(mode, names):
    """propose_first_session(): preliminary first, summed max within 15, and itself free of the length rule."""
    proposal = propose_first_session(names, mode)
    assert proposal[0] == "preliminary"
    assert len(proposal) == len(set(proposal))
    assert summed(proposal, mode)[1] <= LIMIT
    assert "first_session" not in rules(check_session(proposal, mode, first_session=True))
    pool = list(SESSION_ORDER) if names is None else names
    assert set(proposal) <= set(pool) | {"preliminary"}
    # nothing more from the pool would still fit
    for extra in set(pool) - set(proposal):
        assert summed([*proposal, extra], mode)[1] > LIMIT


def test_proposal_keeps_the_planner_order():
    proposal = propose_first_session()
    assert proposal == [n for n in SESSION_ORDER if n in proposal]
    assert len(proposal) >= 2  # more than the preliminary massage fits in 15 minutes


# --- Rules: technique limits -------------------------------------------------------------------------------


def test_kneading_over_10_warns_when_the_collar_is_included(on_line):
    """Line 81: collar kneading 7–12 min; line 127: kneading no more than 10 min: a warning, not a break."""
    on_line(81, "The duration of kneading is 7-12 minutes")
    on_line(127, "no more than 10 minutes")
    for names in (None, ["preliminary", "collar"], ["collar"]):
        brk = rules(check_session(names)).get("kneading_limit")
        assert brk is not None, names
        assert brk.severity == "warning"
        assert "collar" in brk.message
        assert brk.cite.lines == (127,)


def test_no_kneading_warning_without_the_collar():
    assert "kneading_limit" not in rules(check_session(["preliminary", "lumbar", "lower_thoracic", "scapula"]))


def test_kneading_warning_sums_the_sessions_kneading():
    """The warning counts all the session's kneading at the steps' stated times (the collar's 7–12 min, line 81):
    its range starts at 7 min or more."""
    steps = session_steps()
    kneading = steps[steps["technique"] == "kneading"]
    assert set(kneading["region"]) >= {"collar", "lumbar", "lower_thoracic"}
    lo, hi = kneading["stated_min"].sum(), kneading["stated_max"].sum()
    assert lo >= 7 and hi > 10
    assert lo <= 10  # so it may, not must, pass the limit


# --- The running timeline ----------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("names", [None, ["preliminary", "collar"], ["scapula"]])
def test_session_steps_running_start_and_end(mode, names):
    """session_steps(): every step in order, each starting where the previous one ended, the closing last."""
    df = session_steps(names, mode)
    order = list(SESSION_ORDER) if names is None else names
    assert list(dict.fromkeys(df["region"])) == [*order, "closing"]
    assert len(df) == sum(len(REGIONS[n].steps) for n in order) + 1
    assert not df[["minutes_min", "minutes_max"]].isna().any().any()
    for lo_hi in ("min", "max"):
        start, end, mins = df[f"start_{lo_hi}"], df[f"end_{lo_hi}"], df[f"minutes_{lo_hi}"]
        assert start.iloc[0] == 0
        assert (start.iloc[1:].to_numpy() == end.iloc[:-1].to_numpy()).all()
        assert ((end - start) == mins).all()
        assert end.iloc[-1] == pytest.approx(mins.sum())
    assert (df["end_min"] <= df["end_max"]).all()


def test_session_steps_match_the_editorial_plans():
    """Each region's rows are its plan(editorial=True), in order: its stated times in stated_min/stated_max; the
    laid-out minutes agree with the plan wherever the plan's time is editorial."""
    df = session_steps(["preliminary", "collar"])
    for name in ("preliminary", "collar"):
        part = df[df["region"] == name].reset_index(drop=True)
        p = plan(name, editorial=True).reset_index(drop=True)
        assert part["step_no"].tolist() == list(range(1, len(p) + 1))
        for col in ("min", "max"):
            pd.testing.assert_series_equal(part[f"stated_{col}"], p[f"minutes_{col}"], check_names=False)
            ed = p["editorial"]
            pd.testing.assert_series_equal(part.loc[ed, f"minutes_{col}"], p.loc[ed, f"minutes_{col}"])
        assert part["technique"].tolist() == p["technique"].tolist()
