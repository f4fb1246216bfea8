"""One current method (issue 13, phase 2a): ``bd.use_method`` / ``bd.using`` switch what the API, the tables, the
drawings and the explorer read; the classical method (the shipped file) is current by default and comes back
after ``using``."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from matplotlib.colors import to_rgb

import backdata as bd
from backdata.core.model import Mode
from backdata.method import classical
from backdata.method.regions import REGIONS

METHODS = Path(__file__).parent / "methods"
DURATIONS = METHODS / "durations.toml"
NEW_REGION = METHODS / "new-region.toml"


@pytest.fixture(autouse=True)
def _classical_after():
    yield
    bd.use_method(None)
    assert bd.current_method() is classical.METHOD


def test_the_classical_method_is_current_by_default():
    assert bd.current_method() is classical.METHOD
    assert tuple(bd.REGIONS.values()) == classical.REGION_LIST
    assert bd.REGIONS is REGIONS  # one live mapping, whatever module imported it


def test_durations_change_titles_plans_and_sessions():
    before = bd.session(["preliminary", "lumbar"])
    with bd.using(DURATIONS) as m:
        assert bd.current_method() is m and m.title == "Classical back massage, our school's timings"
        assert bd.region("lumbar").title == "Lower back and sacrum" == REGIONS["lumbar"].title
        assert bd.total_minutes("lumbar", Mode.hygienic) == bd.Minutes(6, 8)
        kneading = bd.plan("collar", "hygienic").set_index("technique").loc["kneading"]
        assert (kneading.minutes_min, kneading.minutes_max) == (5, 8)
        df = bd.session(["preliminary", "lumbar"]).set_index("region")
        assert (df.loc["preliminary", "minutes_min"], df.loc["preliminary", "minutes_max"]) == (4, 5)
        assert df.loc["lumbar", "title"] == "Lower back and sacrum"
        assert df.loc["total", "minutes_min"] == 4 + 6 + 1  # with the closing step
        assert bd.validate() == []
    assert bd.region("lumbar").title == "Lumbar and sacral region"
    assert bd.session(["preliminary", "lumbar"]).equals(before)
    assert bd.current_method() is classical.METHOD


def test_a_drawn_plate_takes_the_current_title():
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    from backdata.views import draw

    with bd.using(DURATIONS):
        fig, _ = draw.region_figure("lumbar", step=0)
        texts = [t.get_text() for t in fig.texts]
        plt.close(fig)
    assert "Lower back and sacrum" in texts and "Lumbar and sacral region" not in texts
    fig, _ = draw.region_figure("lumbar", step=0)
    assert "Lumbar and sacral region" in [t.get_text() for t in fig.texts]
    plt.close(fig)


def test_a_new_region_and_a_dropped_one():
    with bd.using(NEW_REGION):
        assert "buttocks" in bd.REGIONS and "scapula" not in bd.REGIONS
        assert list(bd.REGIONS) == ["preliminary", "collar", "lower_thoracic", "lumbar", "buttocks"]
        assert bd.SESSION_ORDER == ("preliminary", "buttocks", "lumbar", "lower_thoracic", "collar")
        assert bd.region("buttocks").title == "Buttocks"
        with pytest.raises(bd.BackdataError, match="unknown region 'scapula'") as e:
            bd.region("scapula")
        assert "valid: preliminary, collar, lower_thoracic, lumbar, buttocks" in str(e.value)
        with pytest.raises(bd.BackdataError, match="unknown region"):
            bd.region("shoulder_blade")  # an alias of a region the method does not have
        assert list(bd.session().region) == [*bd.SESSION_ORDER, "closing", "total"]
        from backdata.method.validate import validate_data

        assert validate_data() == []
        # a new region without its own colour takes the first palette colour and hatch the others leave free
        assert bd.validate() == []
        from backdata.views import draw, theme

        assert draw.region_color("buttocks") == theme.OKABE_ITO["blue"] and draw.region_hatch("buttocks") == "oo"
        fig, view = draw.region_figure("buttocks")
        try:
            zone = [p for p in fig.axes[0].patches if p.get_zorder() == 1.6 and p.get_alpha() == 0.28]
            assert zone and all(p.get_facecolor()[:3] == to_rgb(theme.OKABE_ITO["blue"]) for p in zone)
        finally:
            plt.close(fig)
    assert "scapula" in bd.REGIONS and "buttocks" not in bd.REGIONS


def test_use_method_switches_until_switched_back():
    m = bd.load_method(DURATIONS)
    assert bd.use_method(m) is m and bd.current_method() is m
    assert bd.region("lumbar").title == "Lower back and sacrum"
    assert bd.use_method(None) is classical.METHOD
    assert bd.region("lumbar").title == "Lumbar and sacral region"


def test_using_restores_after_an_error():
    with pytest.raises(RuntimeError), bd.using(NEW_REGION):
        raise RuntimeError("inside")
    assert bd.current_method() is classical.METHOD


def test_a_method_with_problems_is_refused(tmp_path):
    with pytest.raises(bd.BackdataError, match="problem"):
        bd.use_method(METHODS / "broken" / "technique.toml")
    with pytest.raises(bd.BackdataError, match="a method is a Method"):
        bd.use_method(5)
    assert bd.current_method() is classical.METHOD


def test_the_explorer_draws_each_method_apart():
    pytest.importorskip("ipywidgets")
    from backdata.interact.explorer import _base_figure

    first = _base_figure("lumbar")
    assert _base_figure("lumbar") is first  # drawn once per method
    with bd.using(DURATIONS):
        other = _base_figure("lumbar")
        assert other is not first and "Lower back and sacrum" in other.svg
    assert _base_figure("lumbar") is first and "Lower back and sacrum" not in first.svg


def test_a_method_with_its_own_text_checks_clean(monkeypatch):
    """The techniques' cites are the package's data: they quote the shipped text, whatever text the method's
    own cites quote (tests/methods/own-text.toml quotes a six-line text of its own)."""
    own = METHODS / "own-text.toml"
    from backdata.method.files import check_method

    assert check_method(own) == []
    m = bd.load_method(own)
    assert len(m.source_lines) == 6
    with bd.using(m):
        assert bd.validate() == []
        import dataclasses

        from backdata.core.model import Cite, Technique
        from backdata.method import techniques, validate

        info = techniques.TECHNIQUES[Technique.stroking]
        wrong = dataclasses.replace(info, cite=Cite(lines=(1,), quote="Our school's lower back massage"))
        monkeypatch.setattr(validate, "TECHNIQUES", {**techniques.TECHNIQUES, Technique.stroking: wrong})
        (problem,) = bd.validate()
        assert problem.startswith('technique stroking: quote "Our school\'s lower back massage" is not on')
