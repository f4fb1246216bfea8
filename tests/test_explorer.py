"""The explorer and planner widgets, driven headlessly: set values, check the figure, caption and table."""

from __future__ import annotations

import re

import pytest

from backdata import REGIONS, Mode, Technique
from backdata.interact.explorer import explorer, plan_html, region_stepper
from backdata.interact.planner import session_planner


@pytest.fixture(scope="module")
def ex():
    return explorer(keep_view=True)


def _hidden(css: str, prefix: str) -> set[str]:
    return set(re.findall(rf'g\[id\^="{re.escape(prefix)}-([^"]+)-"\]', css))


def test_defaults_are_meaningful(ex):
    assert (ex.region_w.value, ex.mode_w.value, ex.step_w.value) == ("lumbar", "hygienic", 1)
    assert "Step 1 of 6: stroking" in ex.caption.value
    assert 'aria-current="step"' in ex.plan.value
    assert "<svg" in ex.figure.value and ex.layered.prefix in ex.figure.value


def test_step_change_updates_figure_artists_css_and_table(ex):
    ex.step_w.value = 4
    assert ex.view.step == 4 and ex.view.visible_steps() == [4], "the figure's artists follow"
    shown = ex.visible_layers()
    assert "s04" in shown and "s01" not in shown
    hidden = _hidden(ex.view_css.value, ex.layered.prefix)
    assert "s01" in hidden and "s04" not in hidden and hidden.isdisjoint(shown)
    row = re.search(r'<tr class="bd-current"[^>]*><td>(\d+)</td><td>([^<]+)</td>', ex.plan.value)
    assert row and row.groups() == ("4", "kneading")
    assert "kneading" in ex.caption.value


def test_mode_change_changes_times_not_marks(ex):
    ex.step_w.value = 0
    ex.mode_w.value = "therapeutic"
    assert "6–20 min" in ex.caption.value and "therapeutic" in ex.plan.value
    assert "t-therapeutic-00" in ex.visible_layers()
    ex.mode_w.value = "hygienic"
    assert "5–6 min" in ex.caption.value


def test_region_change_swaps_figure_and_clamps_step(ex):
    ex.step_w.value = 6
    ex.region_w.value = "scapula"
    assert ex.step_w.max == 2 and ex.step_w.value == 2
    assert ex.layered.region == "scapula" and "bd-scapula" in ex.figure.value
    assert ex.view.region.name == "scapula" and ex.view.step == 2
    assert "rubbing at the angle" in ex.caption.value
    ex.region_w.value = "lumbar"


def test_buttons_step_and_wrap(ex):
    ex.step_w.value = 6
    ex.next_b.click()
    assert ex.step_w.value == 0
    ex.prev_b.click()
    assert ex.step_w.value == 6


def test_position_choice_only_where_the_source_gives_two(ex):
    ex.region_w.value = "collar"
    assert list(ex.position_w.options) == ["prone", "sitting"] and ex.position_w.layout.display is None
    ex.position_w.value = "sitting"
    assert "patient sitting" in ex.caption.value and "prefers lying" in ex.caption.value
    ex.region_w.value = "lumbar"
    assert ex.position_w.layout.display == "none" and ex.position_w.value == "prone"


def test_vibration_step_shows_c6_caution(ex):
    ex.region_w.value = "collar"
    vib = next(i for i, s in enumerate(REGIONS["collar"].steps, 1) if s.technique is Technique.vibration)
    ex.step_w.value = vib
    assert "c-vibration_c6" in ex.visible_layers()
    assert "6th cervical" in ex.cautions.value
    ex.step_w.value = 1
    assert "c-vibration_c6" not in ex.visible_layers()
    ex.region_w.value = "lumbar"


def test_two_explorers_do_not_share_ids():
    a, b = explorer("lumbar"), explorer("lumbar")
    assert a.layered.prefix != b.layered.prefix
    ids_a = set(re.findall(r'id="([^"]+)"', a.figure.value))
    ids_b = set(re.findall(r'id="([^"]+)"', b.figure.value))
    assert ids_a and ids_a.isdisjoint(ids_b)


def test_region_stepper_hides_region_choice():
    st = region_stepper("lower_thoracic")
    assert st.region_w.layout.display == "none" and list(st.region_w.options) == [
        (REGIONS["lower_thoracic"].title, "lower_thoracic")
    ]


def test_plan_html_escapes_and_marks_editorial():
    html = plan_html("lumbar", Mode.hygienic, 2)
    assert "(editorial)" in html and "<script" not in html
    assert html.count("<tr") == 1 + len(REGIONS["lumbar"].steps)


def test_session_planner_warns_and_updates():
    sp = session_planner()
    assert "first session" in sp.warnings.value and "break" in sp.warnings.value
    assert "<svg" in sp.timeline.value
    for cb in sp.regions_w:
        cb.value = cb.description == REGIONS["preliminary"].title or cb.description == REGIONS["lumbar"].title
    assert sp.selected() == ["preliminary", "lumbar"]
    assert "breaks none" in sp.warnings.value
    assert "11–13" in sp.table.value  # preliminary 5–6 + lumbar 5–6 + the closing 1 (line 133)
    for cb in sp.regions_w:
        cb.value = False
    assert "at least one region" in sp.table.value


def test_play_steps_through_the_sequence_and_stops():
    import asyncio

    async def run():
        ex = explorer("scapula", step=0, interval=0.01)
        ex.play_b.value = True
        assert ex.play_b.description == "❚❚ Pause"
        for _ in range(100):
            await asyncio.sleep(0.01)
            if not ex.play_b.value:
                break
        return ex

    ex = asyncio.run(run())
    assert ex.step_w.value == ex.step_w.max == 2, "played to the last step"
    assert ex.play_b.value is False and ex.play_b.description == "▶ Play"
