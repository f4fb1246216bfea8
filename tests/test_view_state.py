"""The view protocol (ViewState), the layer names and the list of regions in the text's order: one home each."""

from __future__ import annotations

import json

import nbformat
import pytest

from backdata import REGIONS, Mode
from backdata.core.errors import BackdataError
from backdata.core.source import quote_problem
from backdata.interact import notebook
from backdata.interact.explorer import region_stepper
from backdata.interact.planner import session_planner
from backdata.interact.state import KINDS, VIEW_MIME, ViewState
from backdata.method.classical import SESSION_ORDER, TEXT_ORDER, TEXT_SECTIONS
from backdata.publish.handout import render_page
from backdata.views import layers
from backdata.views.svg import layered_figure

# The JSON each writer displayed before the protocol had a type: keys and their order must not change.
WRITTEN = [
    {"kind": "explorer", "regions": ["preliminary", "lumbar"], "region": "lumbar", "mode": "hygienic", "step": 1},
    {"kind": "plate", "region": "collar", "mode": "therapeutic", "step": 0},
    {"kind": "steps", "region": "scapula", "mode": "hygienic"},
    {"kind": "planner", "regions": ["preliminary", "lumbar"], "mode": "hygienic", "first_session": True},
    {"kind": "planner", "regions": [], "mode": "therapeutic", "first_session": False},
]


@pytest.mark.parametrize("data", WRITTEN, ids=lambda d: d["kind"])
def test_view_state_round_trip_keeps_the_json(data):
    state = ViewState.from_mapping(data)
    assert json.dumps(state.to_json()) == json.dumps(data), "same keys, same order, same values"
    assert ViewState.from_mapping(json.loads(json.dumps(state.to_json()))) == state


def test_view_state_position_is_written_only_when_set():
    state = ViewState("plate", region="lumbar", mode="hygienic", step=2, position="sitting")
    assert state.to_json()["position"] == "sitting"
    assert ViewState.from_mapping(state.to_json()) == state


def test_explorer_defaults_when_only_regions_are_given():
    state = ViewState.from_mapping({"kind": "explorer", "regions": ["collar", "lumbar"]})
    assert (state.region, state.mode, state.step) == ("collar", "hygienic", 1)


@pytest.mark.parametrize("kind", [None, "", "explorer2", "Plate", 3])
def test_unknown_kind_is_an_error_naming_the_kinds(kind):
    with pytest.raises(BackdataError) as e:
        ViewState.from_mapping({"kind": kind, "region": "lumbar", "mode": "hygienic", "step": 1})
    assert all(k in str(e.value) for k in KINDS)
    with pytest.raises(BackdataError):
        ViewState(kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data, words",
    [
        ({"kind": "plate", "region": "lumbar", "mode": "hygienic"}, "lacks step"),
        ({"kind": "plate", "region": "nope", "mode": "hygienic", "step": 1}, "unknown region 'nope'"),
        ({"kind": "steps", "region": "lumbar", "mode": "gentle"}, "unknown mode 'gentle'"),
        ({"kind": "plate", "region": "lumbar", "mode": "hygienic", "step": "1"}, "whole number"),
        ({"kind": "plate", "region": "lumbar", "mode": "hygienic", "step": -1}, "whole number"),
        ({"kind": "explorer", "regions": "lumbar"}, "list of names"),
        ({"kind": "explorer", "regions": ["lumbar", "nope"]}, "unknown region 'nope'"),
        ({"kind": "planner", "regions": [], "mode": "hygienic", "first_session": "yes"}, "true or false"),
        ({"kind": "steps", "region": "lumbar", "mode": "hygienic", "colour": "red"}, "unknown keys 'colour'"),
    ],
)
def test_bad_states_are_errors(data, words):
    with pytest.raises(BackdataError, match=words):
        ViewState.from_mapping(data)


def test_a_page_with_an_unknown_view_kind_fails():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data={VIEW_MIME: {"kind": "carousel"}, "text/plain": "x"})]
    nb.cells.append(cell)
    with pytest.raises(BackdataError, match="unknown view kind 'carousel'"):
        render_page(nb, "bad")


def test_widgets_and_glue_write_view_states():
    shown = [
        region_stepper("collar", "therapeutic", 2)._repr_mimebundle_(),
        session_planner()._repr_mimebundle_(),
        notebook.show_region("lumbar", 3)._repr_mimebundle_(),
        notebook.show_steps("scapula")._repr_mimebundle_(),
    ]
    states = [ViewState.from_mapping(b[VIEW_MIME]) for b in shown]
    assert [s.kind for s in states] == ["explorer", "planner", "plate", "steps"]
    assert states[0] == ViewState("explorer", region="collar", mode="therapeutic", step=2, regions=("collar",))
    assert states[1].regions == SESSION_ORDER and states[1].first_session is True
    assert states[2] == ViewState("plate", region="lumbar", mode="hygienic", step=3)


# --- Layer names ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, parsed",
    [
        (layers.step_layer(0), layers.Layer("step", step=0)),
        (layers.step_layer(12), layers.Layer("step", step=12)),
        (layers.mode_layer("therapeutic", 4), layers.Layer("caption", step=4, mode=Mode.therapeutic)),
        (layers.mode_layer(Mode.hygienic, 0), layers.Layer("caption", step=0, mode=Mode.hygienic)),
        (layers.caution_layer("vibration_c6"), layers.Layer("caution", key="vibration_c6")),
        (layers.TOP, layers.Layer("top")),
    ],
)
def test_layer_names_round_trip(name, parsed):
    assert layers.parse_layer(name) == parsed
    gid = layers.layer_gid("bd-lumbar-e1", name, 7)
    assert layers.parse_gid("bd-lumbar-e1", gid) == (name, 7)


def test_layer_names_are_what_the_figures_use():
    assert (layers.step_layer(4), layers.mode_layer("hygienic", 4)) == ("s04", "t-hygienic-04")
    assert layers.parse_gid("bd-lumbar", "bd-lumbar-base") is None
    assert layers.parse_gid("bd-lumbar", "bd-collar-s01-0") is None
    with pytest.raises(BackdataError, match="not a layer name"):
        layers.parse_layer("x-01")
    assert layers.css_hide("p", []) == ""
    assert layers.css_hide("p", ["s01", "c-k"]) == 'g[id^="p-s01-"],g[id^="p-c-k-"]{display:none}'
    assert layers.css_show("#v ", ["s02", "s01"]) == "#v .bd-L-s01,#v .bd-L-s02{display:inline}"


def test_every_layer_of_every_region_parses():
    for name in REGIONS:
        lf = layered_figure(name)
        kinds = {layers.parse_layer(n).kind for n in lf.layers}
        assert {"step", "caption"} <= kinds


# --- The regions' orders --------------------------------------------------------------------------------------


def test_text_order_is_the_source_sections():
    assert sorted(TEXT_ORDER) == sorted(REGIONS) == sorted(SESSION_ORDER)
    assert TEXT_ORDER == ("preliminary", "lower_thoracic", "scapula", "collar", "lumbar")
    assert all(quote_problem(c) is None for c in TEXT_SECTIONS.values())
