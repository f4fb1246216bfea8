"""Public API of backdata: the regions mapping, the enums, name-or-object arguments, frozen types, errors."""

from __future__ import annotations

import dataclasses
import math
import subprocess
import sys
from collections.abc import Mapping

import pandas as pd
import pytest

import backdata
from backdata import (
    REGIONS,
    BackdataError,
    Intensity,
    Minutes,
    Mode,
    Point,
    Region,
    Side,
    Technique,
    as_mode,
    as_technique,
    check_session,
    plan,
    region,
    session,
    session_steps,
    technique_info,
    total_minutes,
)
from backdata.core.source import source_line

REGION_NAMES = {"preliminary", "collar", "scapula", "lower_thoracic", "lumbar"}
TECHNIQUE_NAMES = ["stroking", "squeezing", "rubbing", "kneading", "vibration", "percussion", "shaking"]


# --- The regions mapping -----------------------------------------------------------------------------------


def test_regions_has_exactly_the_five_regions():
    """REGIONS maps exactly the five region names, each to a Region of that name."""
    assert isinstance(REGIONS, Mapping)
    assert set(REGIONS) == REGION_NAMES
    assert len(REGIONS) == 5
    for name, reg in REGIONS.items():
        assert isinstance(reg, Region)
        assert reg.name == name


def test_regions_is_read_only():
    """Neither adding, replacing nor deleting a region is possible."""
    with pytest.raises(TypeError):
        REGIONS["extra"] = REGIONS["lumbar"]  # type: ignore[index]
    with pytest.raises(TypeError):
        REGIONS["lumbar"] = REGIONS["collar"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del REGIONS["lumbar"]  # type: ignore[attr-defined]
    assert set(REGIONS) == REGION_NAMES


@pytest.mark.parametrize("name", sorted(REGION_NAMES))
def test_region_by_name_and_by_object(name):
    """region() resolves a name, and returns a Region given to it unchanged."""
    reg = region(name)
    assert reg is REGIONS[name]
    assert region(reg) is reg


def test_region_name_matching_is_forgiving_about_case_and_separators():
    """Case, surrounding space, '-' and ' ' in place of '_' are accepted."""
    assert region(" Lower-Thoracic ") is REGIONS["lower_thoracic"]
    assert region("LOWER THORACIC") is REGIONS["lower_thoracic"]


# --- The enums ---------------------------------------------------------------------------------------------


def test_mode_is_a_str_enum_with_the_two_forms():
    """Mode: hygienic and therapeutic, usable as plain strings."""
    assert issubclass(Mode, str)
    assert [m.value for m in Mode] == ["hygienic", "therapeutic"]
    assert Mode.hygienic == "hygienic"
    assert str(Mode.therapeutic) == "therapeutic"
    assert Mode("therapeutic") is Mode.therapeutic


def test_technique_is_a_str_enum_with_exactly_the_seven_techniques():
    """Technique: exactly the seven techniques of the method."""
    assert issubclass(Technique, str)
    assert [t.value for t in Technique] == TECHNIQUE_NAMES
    assert Technique.kneading == "kneading"
    assert f"{Technique.percussion}" == "percussion"


def test_every_technique_has_its_info():
    """TECHNIQUES describes each technique once; technique_info accepts a member or a name."""
    assert list(backdata.TECHNIQUES) == list(Technique)
    for t in Technique:
        assert technique_info(t) is backdata.TECHNIQUES[t]
        assert technique_info(t.value) is backdata.TECHNIQUES[t]
        assert technique_info(t.value).technique is t


def test_as_mode_and_as_technique_accept_members_and_names():
    assert as_mode(Mode.therapeutic) is Mode.therapeutic
    assert as_mode("Therapeutic") is Mode.therapeutic
    assert as_technique(Technique.rubbing) is Technique.rubbing
    assert as_technique(" KNEADING ") is Technique.kneading


def test_intensity_rank_orders_gentle_to_intense():
    """Intensity.rank grows from gentle to intense."""
    ranks = [Intensity.gentle.rank, Intensity.dosed.rank, Intensity.moderate.rank, Intensity.intense.rank]
    assert ranks == sorted(ranks)
    assert len(set(ranks)) == 4


def test_side_sign_follows_the_frame():
    """Positive x is the patient's right (model docstring)."""
    assert Side.right.sign == 1
    assert Side.left.sign == -1
    assert Point(0.2, 0.5).mirrored() == Point(-0.2, 0.5)


def test_minutes_is_a_tuple_with_unknown_as_nan():
    m = Minutes(2.0, 3.0)
    assert tuple(m) == (2.0, 3.0)
    assert m.known
    unknown = Minutes(math.nan, math.nan)
    assert not unknown.known
    assert str(unknown) == "—"


# --- Every function: region by name or object, mode by name or member --------------------------------------


@pytest.mark.parametrize("name", sorted(REGION_NAMES))
@pytest.mark.parametrize("mode", list(Mode))
def test_plan_and_total_accept_names_and_objects(name, mode):
    """plan() and total_minutes() give the same answer for a region's name or object, a mode's name or member."""
    reg = REGIONS[name]
    expected = total_minutes(reg, mode)
    assert total_minutes(name, mode.value) == expected
    assert total_minutes(reg, mode.value) == expected
    assert total_minutes(name, mode) == expected
    df = plan(reg, mode)
    pd.testing.assert_frame_equal(plan(name, mode.value), df)
    pd.testing.assert_frame_equal(plan(name, mode), df)
    assert len(df) == len(reg.steps)


@pytest.mark.parametrize("mode", list(Mode))
def test_session_functions_accept_names_and_objects(mode):
    """session(), check_session() and session_steps() accept regions by name or object, mode by name or member."""
    names = ["preliminary", "lumbar", "collar"]
    objects = [REGIONS[n] for n in names]
    mixed = ["preliminary", REGIONS["lumbar"], "collar"]
    by_name = session(names, mode.value)
    for regs, m in ((objects, mode), (mixed, mode.value), (names, mode)):
        pd.testing.assert_frame_equal(session(regs, m), by_name)
        pd.testing.assert_frame_equal(session_steps(regs, m), session_steps(names, mode.value))
        assert check_session(regs, m, first_session=True) == check_session(names, mode.value, first_session=True)
    assert by_name["region"].tolist() == [*names, "closing", "total"]


def test_session_functions_accept_one_region_on_its_own():
    """A single region (a name or a Region, not in a list) is one region, not a string of characters."""
    for one in ("lumbar", REGIONS["lumbar"]):
        assert session(one)["region"].tolist() == ["lumbar", "closing", "total"]
        assert set(session_steps(one)["region"]) == {"lumbar", "closing"}
        assert [b.rule for b in check_session(one)] == ["preliminary_first"]


# --- Import hygiene ----------------------------------------------------------------------------------------


def test_import_does_not_load_drawing_libraries():
    """`import backdata` in a fresh interpreter loads neither matplotlib nor ipywidgets."""
    code = (
        "import sys, backdata\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'ipywidgets'))\n"
        "print('backdata' in sys.modules, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "True []", out.stdout + out.stderr


def test_public_names_exist():
    """Everything in backdata.__all__ is importable from the package."""
    missing = [n for n in backdata.__all__ if not hasattr(backdata, n)]
    assert missing == []


# --- Frozen types ------------------------------------------------------------------------------------------


def _frozen_examples():
    reg = REGIONS["collar"]
    return [
        (reg, "name", "neck"),
        (reg, "steps", ()),
        (reg.lines[0], "points", ()),
        (reg.lines[0].points[0], "x", 9.0),
        (reg.steps[0], "technique", Technique.kneading),
        (reg.steps[0].cite, "quote", "anything"),
        (reg.total[Mode.hygienic], "minutes", Minutes(0.0, 1.0)),
        (backdata.TECHNIQUES[Technique.kneading], "max_minutes", 99),
        (backdata.RULES["first_session"], "limit_minutes", 99),
        (backdata.source_tensions()[0], "text", ""),
        (next(iter(backdata.CAUTIONS.values())), "text", ""),
        (next(iter(backdata.LANDMARKS.values())), "points", ()),
    ]


@pytest.mark.parametrize(
    "obj, field, value", _frozen_examples(), ids=lambda v: type(v).__name__ if dataclasses.is_dataclass(v) else None
)
def test_dataclasses_are_frozen(obj, field, value):
    """Assigning to a field of a data object raises and leaves the value unchanged."""
    before = getattr(obj, field)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, value)
    assert getattr(obj, field) == before


def test_a_frozen_dataclass_can_be_changed_only_by_replace():
    """dataclasses.replace builds a new region; the shipped one is untouched."""
    reg = REGIONS["collar"]
    other = dataclasses.replace(reg, title="changed")
    assert other.title == "changed"
    assert reg.title != "changed"
    assert REGIONS["collar"] is reg


# --- Errors ------------------------------------------------------------------------------------------------


def test_one_error_type_a_value_error():
    assert issubclass(BackdataError, ValueError)


def test_unknown_region_suggests_and_lists_every_name():
    """region('lumbarr'): "did you mean 'lumbar'" and every valid name."""
    with pytest.raises(BackdataError) as err:
        region("lumbarr")
    msg = str(err.value)
    assert "did you mean 'lumbar'" in msg
    assert "'lumbarr'" in msg
    for name in REGION_NAMES:
        assert name in msg


@pytest.mark.parametrize(
    "call, wrong, right, valid",
    [
        (as_mode, "hygenic", "hygienic", [m.value for m in Mode]),
        (as_mode, "therapeutik", "therapeutic", [m.value for m in Mode]),
        (as_technique, "kneeding", "kneading", TECHNIQUE_NAMES),
        (as_technique, "stroke", "stroking", TECHNIQUE_NAMES),
        (technique_info, "vibrations", "vibration", TECHNIQUE_NAMES),
        (technique_info, "percusion", "percussion", TECHNIQUE_NAMES),
    ],
)
def test_unknown_mode_or_technique_suggests_and_lists(call, wrong, right, valid):
    """A misspelt mode or technique names the closest valid one and lists all of them."""
    with pytest.raises(BackdataError) as err:
        call(wrong)
    msg = str(err.value)
    assert f"did you mean {right!r}" in msg
    for name in valid:
        assert name in msg


def test_unknown_name_far_from_any_has_no_suggestion_but_lists():
    with pytest.raises(BackdataError) as err:
        region("xyzzy")
    msg = str(err.value)
    assert "did you mean" not in msg
    assert all(name in msg for name in REGION_NAMES)


@pytest.mark.parametrize("call", [region, as_mode, as_technique, technique_info, backdata.level_y])
@pytest.mark.parametrize("value", [3, None, 1.5, ["lumbar"]])
def test_non_string_input_gives_a_clear_error(call, value):
    """A number, None or a list where a name belongs: BackdataError saying a str is expected."""
    with pytest.raises(BackdataError) as err:
        call(value)
    msg = str(err.value)
    assert "must be a name (str)" in msg
    assert type(value).__name__ in msg


def test_errors_reach_the_caller_of_every_function():
    """Bad names given to plan(), total_minutes(), session() … raise BackdataError, not KeyError."""
    calls = [
        lambda: plan("lumbarr"),
        lambda: plan("lumbar", "hygenic"),
        lambda: total_minutes("colar", "hygienic"),
        lambda: total_minutes("collar", "wellnes"),
        lambda: session(["preliminary", "sacrum"]),
        lambda: check_session(["preliminary"], mode="therapy-ish"),
        lambda: session_steps(["colar"]),
    ]
    for call in calls:
        with pytest.raises(BackdataError):
            call()


def test_empty_session_raises():
    with pytest.raises(BackdataError, match="at least one region"):
        session([])
    with pytest.raises(BackdataError):
        check_session([])
    with pytest.raises(BackdataError):
        session_steps([])


@pytest.mark.parametrize("regions", [["preliminary", "lumbar", "lumbar"], ["preliminary", "collar", REGIONS["collar"]]])
def test_duplicate_region_raises(regions):
    """A region listed twice (by name, or by name and object) is refused."""
    with pytest.raises(BackdataError, match="twice"):
        session(regions)
    with pytest.raises(BackdataError, match="twice"):
        check_session(regions)


def test_unknown_vertebral_level_and_source_line():
    """level_y and source_line refuse what does not exist."""
    assert backdata.level_y("c6") == backdata.LEVELS["C6"]
    with pytest.raises(BackdataError, match="did you mean"):
        backdata.level_y("T13")
    with pytest.raises(BackdataError):
        source_line(0)
    with pytest.raises(BackdataError):
        source_line(10_000)
