"""The session planner's timeline agrees with its table: a region's steps fill exactly its stated total, the
session's steps (the closing included) add up to the table's total row, and the drawn bars end there."""

from __future__ import annotations

import math

import pytest

from backdata import REGIONS, SESSION_ORDER, Mode, plan, session, session_steps, total_minutes
from backdata.method.classical import CLOSING
from backdata.views.tables import fitted_minutes

COMBINATIONS = [
    None,  # the planner's default: the whole back, bottom-up
    ["preliminary", "lumbar"],  # the issue's example: bars ended at 9 min against 10–12
    ["preliminary", "collar"],
    ["preliminary", "lower_thoracic", "lumbar"],
    ["collar", "scapula"],
    ["lumbar"],
    ["preliminary", "scapula", "collar", "lumbar", "lower_thoracic"],
]


def _halves(v: float) -> bool:
    return v * 2 == int(v * 2)


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("name", list(REGIONS))
def test_fitted_steps_fill_the_regions_stated_total(name, mode):
    """Each region's laid-out step minutes add up to its stated min and max total, in half-minutes, never
    below 0.5 min, never shorter in the longest massage than in the shortest."""
    fitted = fitted_minutes(name, mode)
    total = total_minutes(name, mode)
    assert len(fitted) == len(REGIONS[name].steps)
    assert sum(m.min for m in fitted) == total.min
    assert sum(m.max for m in fitted) == total.max
    for m in fitted:
        assert 0.5 <= m.min <= m.max
        assert _halves(m.min) and _halves(m.max)


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("name", list(REGIONS))
def test_source_times_kept_where_they_fit(name, mode):
    """A step the source times keeps within its stated range unless the source's own steps overrun the region's
    total (only the collar's do: 1 + 2–3 + 7–12 against 10–15, lines 79–85); then the kneading gives way."""
    reg = REGIONS[name]
    stated = [s.duration(mode) for s in reg.steps]
    total = total_minutes(name, mode)
    floors = sum(d.minutes.min if d else 0.5 for d in stated)
    for step, d, m in zip(reg.steps, stated, fitted_minutes(name, mode)):
        if d is None:
            continue
        if floors <= total.min:
            assert d.minutes.min <= m.min and m.max <= d.minutes.max, (name, step.title)
        elif step.technique.value != "kneading":
            assert (m.min, m.max) == tuple(d.minutes), (name, step.title)


def test_collar_kneading_gives_way_to_the_collar_total():
    """The collar: 10–15 min in all (line 85); its stated steps take 10–16 min before the untimed ones, so the
    kneading (7–12, line 81) is what is cut: the other timed steps keep the source's times."""
    steps = REGIONS["collar"].steps
    fitted = dict(zip((s.title for s in steps), fitted_minutes("collar", "hygienic")))
    assert fitted["kneading"].min < 7 and fitted["kneading"].max < 12
    assert tuple(fitted["stroking"]) == (1, 1) and tuple(fitted["squeezing"]) == (2, 3)


@pytest.mark.parametrize("mode", list(Mode))
@pytest.mark.parametrize("names", COMBINATIONS)
def test_session_steps_sum_to_the_tables_total(names, mode):
    """The planner's rule: the steps (min and max) of each region sum to the region's row of the table, all of
    them, the closing included, to the total row; the last step ends at that total."""
    steps, table = session_steps(names, mode), session(names, mode).set_index("region")
    for region, part in steps.groupby("region", sort=False):
        assert part["minutes_min"].sum() == table.loc[region, "minutes_min"], region
        assert part["minutes_max"].sum() == table.loc[region, "minutes_max"], region
    total = table.loc["total"]
    assert steps["minutes_min"].sum() == total["minutes_min"]
    assert steps["minutes_max"].sum() == total["minutes_max"]
    assert steps["end_min"].iloc[-1] == total["minutes_min"]
    assert steps["end_max"].iloc[-1] == total["minutes_max"]
    assert steps.iloc[-1]["region"] == "closing"


def test_the_issues_example_now_agrees():
    """Preliminary + lumbar: the table says 10–12 min for the two regions (11–13 with the closing); the bars
    used to end at 9 min."""
    steps = session_steps(["preliminary", "lumbar"])
    regions = steps[steps["region"] != "closing"]
    assert (regions["minutes_min"].sum(), regions["minutes_max"].sum()) == (10, 12)
    assert (steps["end_min"].iloc[-1], steps["end_max"].iloc[-1]) == (11, 13)


def test_default_session_adds_up():
    """The default session: 26–36 min of regions (lines 23, 103, 51, the scapula's editorial 2–4, 85) and the
    closing's minute; the steps used to add to 28–43."""
    steps = session_steps()
    assert (steps["minutes_min"].sum(), steps["minutes_max"].sum()) == (27, 37)
    closing = CLOSING.duration(Mode.hygienic).minutes
    assert (closing.min, closing.max) == (1, 1)


@pytest.mark.parametrize("name", list(REGIONS))
def test_editorial_shares_are_the_same_in_plan_and_timeline(name):
    """A step the source does not time shows the same editorial minutes in the region's plan and on the timeline."""
    for mode in Mode:
        p = plan(name, mode, editorial=True)
        part = session_steps([name], mode)
        part = part[part["region"] == name].reset_index(drop=True)
        for i, row in enumerate(p.itertuples()):
            if row.editorial:
                assert (part.loc[i, "minutes_min"], part.loc[i, "minutes_max"]) == (row.minutes_min, row.minutes_max)
            assert (part.loc[i, "stated_min"], part.loc[i, "stated_max"]) == (row.minutes_min, row.minutes_max)
            assert not math.isnan(part.loc[i, "minutes_min"])


@pytest.mark.parametrize("names", [None, ["preliminary", "lumbar"], ["collar", "scapula"]])
def test_drawn_bars_end_at_the_tables_total(names):
    """The drawing: the last solid bar ends at the table's minimum total, the last light bar at its maximum;
    each region's bars span exactly its row of the table; the closing has its own bar."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    steps, table = session_steps(names), session(names).set_index("region")
    fig, ax = plt.subplots(figsize=(12.8, 10))
    try:
        out = draw.draw_timeline(steps, ax)
        assert len(out["bars"]) == len(out["ranges"]) == len(steps)
        right = [b.get_x() + b.get_width() for b in out["bars"]]
        right_long = [b.get_x() + b.get_width() for b in out["ranges"]]
        assert right[-1] == pytest.approx(table.loc["total", "minutes_min"])
        assert right_long[-1] == pytest.approx(table.loc["total", "minutes_max"])
        for region in table.index.drop("total"):
            idx = [i for i, r in enumerate(steps["region"]) if r == region]
            assert idx, region
            first, last = idx[0], idx[-1]
            span = right[last] - out["bars"][first].get_x()
            span_long = right_long[last] - out["ranges"][first].get_x()
            assert span == pytest.approx(table.loc[region, "minutes_min"]), region
            assert span_long == pytest.approx(table.loc[region, "minutes_max"]), region
        labels = [t.get_text() for t in out["labels"]]
        assert labels[-1].startswith("closing · vibration or light tapping")
        assert ax.get_xlim()[1] >= table.loc["total", "minutes_max"]
    finally:
        plt.close(fig)


def test_session_order_has_a_closing_only_once():
    steps = session_steps(list(SESSION_ORDER))
    assert (steps["region"] == "closing").tolist() == [False] * (len(steps) - 1) + [True]
