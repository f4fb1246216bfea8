"""Durations, technique sequences, intensities and positions, each checked against the source line it cites."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from backdata import REGIONS, RULES, TECHNIQUES, Intensity, Minutes, Mode, Position, Technique, plan, total_minutes

T = Technique


def steps(name):
    return REGIONS[name].steps


def step(name, technique, label_part=""):
    found = [s for s in steps(name) if s.technique is technique and label_part in s.title]
    assert len(found) == 1, (name, technique, label_part)
    return found[0]


def minutes(name, technique, label_part="", mode=Mode.hygienic):
    d = step(name, technique, label_part).duration(mode)
    assert d is not None, (name, technique)
    return d


# --- Region totals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", list(Mode))
def test_preliminary_total_5_to_6_line_23(on_line, mode):
    """Line 23: a preliminary massage of the entire back, lasting 5-6 minutes."""
    on_line(23, "a preliminary massage of the entire back, lasting 5-6 minutes")
    assert total_minutes("preliminary", mode) == (5, 6)
    assert REGIONS["preliminary"].total[mode].cite.lines == (23,)


def test_lower_thoracic_total_4_to_5_therapeutic_up_to_15_line_51(on_line):
    """Line 51: 4-5 minutes on this area, and up to 15 minutes with the therapeutic method."""
    on_line(51, "it is recommended to spend 4-5 minutes on massage of this area")
    on_line(51, "up to 15 minutes with the therapeutic method")
    assert total_minutes("lower_thoracic", "hygienic") == (4, 5)
    therapeutic = total_minutes("lower_thoracic", "therapeutic")
    assert therapeutic.max == 15
    assert therapeutic.min <= therapeutic.max
    assert therapeutic.min >= total_minutes("lower_thoracic", "hygienic").min


def test_collar_total_10_to_15_line_85(on_line):
    """Line 85: the entire massage of this area takes 10-15 minutes."""
    on_line(85, "the entire massage of this area takes 10-15 minutes")
    for mode in Mode:
        assert total_minutes("collar", mode) == (10, 15)


def test_lumbar_total_5_to_6_therapeutic_20_line_103(on_line):
    """Line 103: a massage of this area takes 5-6 minutes, in a therapeutic form - 20 minutes."""
    on_line(103, "a massage of this area takes 5-6 minutes, in a therapeutic form - 20 minutes")
    assert total_minutes("lumbar", "hygienic") == (5, 6)
    therapeutic = total_minutes("lumbar", "therapeutic")
    assert therapeutic.max == 20
    assert therapeutic.min >= total_minutes("lumbar", "hygienic").min


def test_therapeutic_lower_bounds_are_marked_editorial():
    """The source gives only an upper bound for the therapeutic form (lines 51, 103): our lower bound is editorial."""
    for name in ("lower_thoracic", "lumbar"):
        cite = REGIONS[name].total[Mode.therapeutic].cite
        assert cite.editorial
        assert cite.lines  # and the upper bound still cites the text


def test_scapula_total_is_editorial():
    """The source gives no time for the scapula region (lines 55–69): its total is an editorial default."""
    cite = REGIONS["scapula"].total[Mode.hygienic].cite
    assert cite.editorial and not cite.lines
    assert all(s.duration(m) is None for s in steps("scapula") for m in Mode)


def test_total_minutes_is_a_min_max_pair():
    """total_minutes returns a tuple-like (min, max) with named fields."""
    result = total_minutes("lumbar", "hygienic")
    lo, hi = result
    assert isinstance(result, tuple) and len(result) == 2
    assert (result.min, result.max) == (lo, hi) == (5, 6)
    assert isinstance(result, Minutes)


def test_every_total_is_a_positive_range():
    for reg in REGIONS.values():
        for mode in Mode:
            lo, hi = total_minutes(reg, mode)
            assert 0 < lo <= hi


# --- Step times ------------------------------------------------------------------------------------------


def test_preliminary_longitudinal_stroking_one_minute_line_31(on_line):
    """Line 31: first, longitudinal strokes are performed for one minute."""
    on_line(31, "longitudinal strokes are performed for one minute")
    d = minutes("preliminary", T.stroking, "along")
    assert d.minutes == (1, 1)
    assert d.cite.lines == (31,)


def test_preliminary_squeezing_1_to_3_line_32(on_line):
    """Line 32: squeezing, their duration is 1-3 minutes."""
    on_line(32, "Their duration is 1-3 minutes")
    d = minutes("preliminary", T.squeezing)
    assert d.minutes == (1, 3)
    assert d.cite.lines == (32,)


def test_collar_stroking_1_line_79(on_line):
    """Line 79: stroking is performed within 1 minute."""
    on_line(79, "Stroking is performed within 1 minute")
    first = steps("collar")[0]
    assert first.technique is T.stroking
    assert first.duration(Mode.hygienic).minutes == (1, 1)


def test_collar_squeezing_2_to_3_line_80(on_line):
    """Line 80: squeezing along the same lines, within 2-3 minutes."""
    on_line(80, "Performed within 2-3 minutes")
    assert minutes("collar", T.squeezing).minutes == (2, 3)


def test_collar_kneading_7_to_12_line_81(on_line):
    """Line 81: the duration of kneading is 7-12 minutes."""
    on_line(81, "The duration of kneading is 7-12 minutes")
    d = minutes("collar", T.kneading)
    assert d.minutes == (7, 12)
    assert d.cite.lines == (81,)


@pytest.mark.parametrize(
    "technique, line, quote",
    [
        (T.rubbing, 121, "no more than 10 minutes"),
        (T.kneading, 127, "It is recommended to perform no more than 10 minutes"),
    ],
)
def test_rubbing_and_kneading_at_most_10_minutes_lines_121_127(on_line, technique, line, quote):
    """Lines 121 and 127: rubbing and kneading, no more than 10 minutes each."""
    on_line(line, quote)
    info = TECHNIQUES[technique]
    assert info.max_minutes == 10
    assert info.limit_cite.lines == (line,)


def test_only_rubbing_and_kneading_have_a_time_limit():
    """The technique section (lines 113–136) limits only rubbing and kneading."""
    limited = {t for t, info in TECHNIQUES.items() if info.max_minutes is not None}
    assert limited == {T.rubbing, T.kneading}


def test_first_session_at_most_15_minutes_line_110(on_line):
    """Line 110: the first session should take no more than 15 minutes."""
    on_line(110, "The first session should take no more than 15 minutes")
    rule = RULES["first_session"]
    assert rule.limit_minutes == 15
    assert rule.cite.lines == (110,)


def test_timed_steps_are_the_same_in_both_modes_where_the_source_names_no_mode():
    """Lines 31, 32, 79–81 give step times without a mode: both modes show them."""
    for name in ("preliminary", "collar"):
        for s in steps(name):
            assert s.duration(Mode.hygienic) == s.duration(Mode.therapeutic)


# --- Sequences -------------------------------------------------------------------------------------------


def test_preliminary_sequence_lines_31_to_33(on_line):
    """Lines 31–33: stroking along, stroking across, squeezing, rubbing."""
    on_line(31, "Then stroking across the back")
    on_line(32, "Next, squeezing techniques are performed")
    on_line(33, "After squeezing, you can perform several rubbing techniques")
    seq = steps("preliminary")
    assert [s.technique for s in seq] == [T.stroking, T.stroking, T.squeezing, T.rubbing]
    assert "along" in seq[0].title and "across" in seq[1].title


def test_collar_sequence_lines_79_to_83(on_line):
    """Lines 79–83: stroking, squeezing, rubbing, kneading, vibration, shaking, light stroking."""
    on_line(83, "Finish the massage of the collar area by shaking with your fingertips and lightly stroking")
    seq = steps("collar")
    assert [s.technique for s in seq] == [
        T.stroking,
        T.squeezing,
        T.rubbing,
        T.kneading,
        T.vibration,
        T.shaking,
        T.stroking,
    ]
    last = seq[-1]
    assert "light" in last.title
    assert last.intensity is Intensity.gentle


def test_collar_squeezing_along_the_same_lines_as_stroking_line_80(on_line):
    """Line 80: squeezing along the same lines."""
    on_line(80, "squeezing along the same lines")
    seq = steps("collar")
    assert seq[1].lines == seq[0].lines


def test_scapula_sequence_lines_63_and_69(on_line):
    """Lines 63, 69: circular movements under the lifted blade, then rubbing at the angle of the blade."""
    on_line(63, "performs circular massage movements under the shoulder blade")
    on_line(69, "Then rubbing is performed at the angle of the shoulder blade")
    first, second = steps("scapula")
    assert len(steps("scapula")) == 2
    assert first.technique is T.rubbing and "under" in first.title and "lifted" in first.title
    assert second.technique is T.rubbing and "angle" in second.title
    assert first.cite.lines == (63,) and second.cite.lines == (69,)


def test_lower_thoracic_sequence_lines_45_to_49(on_line):
    """Lines 45–49: stroking, squeezing, rubbing, kneading, percussion by indication (a doctor consulted)."""
    on_line(49, "Their implementation should be used according to indications")
    seq = steps("lower_thoracic")
    assert [s.technique for s in seq] == [T.stroking, T.squeezing, T.rubbing, T.kneading, T.percussion]
    assert [s.by_indication for s in seq] == [False, False, False, False, True]
    assert [s.cite.lines for s in seq] == [(45,), (46,), (47,), (48,), (49,)]


def test_lumbar_sequence_lines_97_to_101(on_line):
    """Lines 97–101: stroking, squeezing ("push-ups"), rubbing, kneading, vibration and percussion."""
    on_line(98, "push-ups")
    on_line(101, "vibration and shock techniques")
    seq = steps("lumbar")
    assert [s.technique for s in seq] == [T.stroking, T.squeezing, T.rubbing, T.kneading, T.vibration, T.percussion]
    assert "mistranslation" in seq[1].note


def test_by_indication_only_in_the_lower_thoracic_region():
    """Only the lower thoracic percussion is marked by indication (line 49 is in that section)."""
    marked = [(r.name, s.technique) for r in REGIONS.values() for s in r.steps if s.by_indication]
    assert marked == [("lower_thoracic", T.percussion)]


def test_line_49_is_named_striking_and_concussive_techniques(on_line):
    """Line 49: "striking and concussive techniques", only by indication: the step says so in its title and
    quotes the source in its note; it is drawn as the percussion family."""
    on_line(49, "Let's move on to striking and concussive techniques")
    st = steps("lower_thoracic")[-1]
    assert st.cite.lines == (49,) and "striking and concussive techniques" in st.cite.quote
    assert st.technique is T.percussion and st.by_indication
    assert st.title == "striking and concussive techniques"
    assert '"striking and concussive techniques" (line 49)' in st.note
    assert "striking and concussive" in REGIONS["lower_thoracic"].summary
    assert plan("lower_thoracic").iloc[-1]["step"] == "striking and concussive techniques"


def test_every_step_uses_existing_lines():
    for reg in REGIONS.values():
        for s in reg.steps:
            assert s.lines and set(s.lines) <= set(reg.line_numbers()), (reg.name, s.title)


# --- Intensity and pressure ------------------------------------------------------------------------------


def test_lumbar_lines_4_5_more_intense_than_1_2_line_103(on_line):
    """Line 103: along lines 4 and 5 a more intense form; along lines 1 and 2 dose the force."""
    on_line(103, "along lines 4 and 5 you can use a more intense form of movement")
    on_line(103, "along lines 1 and 2 you need to dose the force of influence")
    lumbar = REGIONS["lumbar"]
    low = [ln.intensity.rank for n in (1, 2) for ln in lumbar.lines_numbered(n)]
    high = [ln.intensity.rank for n in (4, 5) for ln in lumbar.lines_numbered(n)]
    assert min(high) > max(low)
    assert {ln.intensity for n in (1, 2) for ln in lumbar.lines_numbered(n)} == {Intensity.dosed}
    for n in (1, 2, 4, 5):
        assert all(ln.intensity_cite.lines == (103,) for ln in lumbar.lines_numbered(n))


def test_collar_gentler_than_lower_thoracic_and_lumbar_line_77(on_line):
    """Line 77: the pressure should be lower than when massaging the lower thoracic and lumbar regions."""
    on_line(77, "the pressure on the tissue should be lower than when massaging the lower thoracic and lumbar")

    def ranks(name):
        reg = REGIONS[name]
        return [ln.intensity.rank for ln in reg.lines] + [s.intensity.rank for s in reg.steps if s.intensity]

    collar = max(ranks("collar"))
    for other in ("lower_thoracic", "lumbar"):
        assert collar < max(ranks(other))
        assert collar <= min(ranks(other))


def test_lower_thoracic_lines_over_the_kidneys_are_dosed_line_51(on_line):
    """Line 51: ribs 11–12 lie close to the kidneys; too intense work there causes pain."""
    on_line(51, "Inadequate and too intense implementation of techniques can lead to pain")
    reg = REGIONS["lower_thoracic"]
    lowest = max(reg.line_numbers(), key=lambda n: reg.lines_numbered(n)[0].start.y)
    assert all(ln.intensity.rank <= Intensity.dosed.rank for ln in reg.lines_numbered(lowest))
    assert any(ln.intensity.rank > Intensity.dosed.rank for ln in reg.lines)


# --- Positions -------------------------------------------------------------------------------------------


def test_collar_sitting_or_lying_lying_preferred_line_77(on_line):
    """Line 77: sitting or lying; better lying if there are no contraindications."""
    on_line(77, "The patient can take a sitting or lying position")
    on_line(77, "it is better to perform it in a lying position")
    assert REGIONS["collar"].positions == (Position.prone, Position.sitting)


def test_scapula_prone_line_63(on_line):
    """Line 63: the patient lies on his stomach with his arms along his body."""
    on_line(63, "The patient lies on his stomach with his arms along his body")
    assert REGIONS["scapula"].positions == (Position.prone,)
    assert REGIONS["scapula"].position_cite.lines == (63,)


def test_preliminary_prone_line_29(on_line):
    """Line 29: for the preliminary massage the patient lies on his stomach."""
    on_line(29, "the patient should lie on his stomach")
    assert REGIONS["preliminary"].positions == (Position.prone,)


def test_extents_follow_the_source():
    """Lines 39, 77, 89: T7–T12, cervical and T1–T6, L1–L5 and the sacrum."""
    assert REGIONS["lower_thoracic"].extent == ("T7", "T12")
    assert REGIONS["collar"].extent[1] == "T6" and REGIONS["collar"].extent[0].startswith("C")
    top, bottom = REGIONS["lumbar"].extent
    assert top == "L1" and bottom.startswith("S")


# --- plan() ----------------------------------------------------------------------------------------------

PLAN_COLUMNS = {"technique", "minutes_min", "minutes_max", "lines", "note", "minutes_from", "editorial"}


@pytest.mark.parametrize("name", list(REGIONS))
@pytest.mark.parametrize("mode", list(Mode))
def test_plan_one_row_per_step_in_order(name, mode):
    """plan(): the region's steps in order, with the documented columns."""
    df = plan(name, mode)
    assert set(df.columns) >= PLAN_COLUMNS
    assert df["technique"].tolist() == [s.technique.value for s in steps(name)]
    assert df.index.tolist() == list(range(1, len(steps(name)) + 1))
    assert df.attrs["total"] == tuple(total_minutes(name, mode))


@pytest.mark.parametrize("name", list(REGIONS))
@pytest.mark.parametrize("mode", list(Mode))
def test_plan_unknown_times_are_nan(name, mode):
    """Without editorial defaults, a step the source does not time is NaN, its minutes_from 'unknown'."""
    df = plan(name, mode)
    for (_, row), s in zip(df.iterrows(), steps(name)):
        if s.duration(mode) is None:
            assert math.isnan(row["minutes_min"]) and math.isnan(row["minutes_max"])
            assert row["minutes_from"] == "unknown"
        else:
            assert (row["minutes_min"], row["minutes_max"]) == tuple(s.duration(mode).minutes)
            assert row["minutes_from"] == "source"
    assert not df["editorial"].any()


@pytest.mark.parametrize("name", list(REGIONS))
@pytest.mark.parametrize("mode", list(Mode))
def test_plan_editorial_fills_exactly_the_unknown_rows(name, mode):
    """editorial=True fills every unknown time, and marks exactly those rows (the `editorial` column)."""
    bare, filled = plan(name, mode), plan(name, mode, editorial=True)
    unknown = bare["minutes_min"].isna()
    assert not filled[["minutes_min", "minutes_max"]].isna().any().any()
    assert filled["editorial"].tolist() == unknown.tolist()
    assert (filled.loc[unknown, "minutes_from"] == "editorial").all()
    known = ~unknown
    pd.testing.assert_frame_equal(
        filled.loc[known, ["minutes_min", "minutes_max", "minutes_from"]],
        bare.loc[known, ["minutes_min", "minutes_max", "minutes_from"]],
    )
    assert (filled["minutes_min"] > 0).all()
    assert (filled["minutes_min"] <= filled["minutes_max"]).all()


def test_plan_editorial_shares_are_half_minutes():
    """Editorial shares are at least 0.5 min and rounded to 0.5 (tables.EDITORIAL_SHARE), never zero."""
    for name in REGIONS:
        for mode in Mode:
            filled = plan(name, mode, editorial=True)
            shares = filled.loc[filled["editorial"], ["minutes_min", "minutes_max"]].to_numpy().ravel()
            assert all(v >= 0.5 and (v * 2) == int(v * 2) for v in shares)


def test_plan_shows_lines_and_by_indication():
    """The lines column names the step's lines; the lower thoracic percussion is marked by indication."""
    df = plan("lower_thoracic")
    assert df["by_indication"].tolist() == [False] * 4 + [True]
    assert df.iloc[-1]["lines"] == "1, 2"
    assert plan("lumbar")["lines"].iloc[0] == "1–5"
    assert all(str(s.cite) == src for s, src in zip(steps("collar"), plan("collar")["source"]))
