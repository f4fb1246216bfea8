"""Self-check questions, layered SVG, alt text: built from the data, safe to inline."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from backdata import REGIONS, Mode
from backdata.interact.quiz import questions, quiz_html
from backdata.views.describe import alt_text, direction
from backdata.views.svg import clean_svg, layered_figure


@pytest.mark.parametrize("name", list(REGIONS))
def test_three_to_five_questions_with_one_right_answer(name):
    qs = questions(name)
    assert 3 <= len(qs) <= 5
    for q in qs:
        assert len(set(q.options)) == len(q.options) >= 3
        assert 0 <= q.answer < len(q.options)


def test_answers_come_from_the_data():
    by_key = {q.key: q for q in questions("lumbar")}
    order = by_key["lumbar-order"]
    assert order.options[order.answer] == "rubbing", "after squeezing comes rubbing (source line 99)"
    mins = by_key["lumbar-minutes"]
    assert mins.options[mins.answer] == "5–6 min", "source line 103"
    way = by_key["lumbar-direction"]
    assert "groin" in way.options[way.answer] and "downward" in way.options[way.answer], "source line 89"


def test_quiz_answers_in_the_page_without_script():
    html = quiz_html("collar", prefix="t")
    assert "<script" not in html
    radios = re.findall(r'<input type="radio" name="([^"]+)" id="([^"]+)"', html)
    assert len({n for n, _ in radios}) == len(questions("collar"))
    for _, rid in radios:
        assert f'for="{rid}"' in html, "every radio has a label"
        assert f"fieldset:has(#{rid}:checked)" in html, "every choice has feedback shown by CSS"
    assert "Answer:" not in html and "Answer:" in quiz_html("collar", reveal=True)


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.ids += [v for k, v in attrs if k == "id"]


@pytest.fixture(scope="module")
def lumbar_layers():
    return layered_figure("lumbar", prefix="lum")


def test_layered_svg_is_clean_for_html(lumbar_layers):
    svg = lumbar_layers.svg
    assert svg.startswith("<svg") and "<?xml" not in svg and "<!DOCTYPE" not in svg and "<metadata" not in svg
    p = _Ids()
    p.feed(svg)
    assert len(p.ids) == len(set(p.ids)), "ids unique"
    assert all(i == "lum" or i.startswith("lum-") for i in p.ids)
    for ref in re.findall(r"url\(#([^)]+)\)", svg):
        assert ref in p.ids, f"dangling reference {ref}"
    assert 'role="img"' in svg and "aria-label=" in svg


def test_every_layer_is_in_the_svg_and_views_differ(lumbar_layers):
    lf = lumbar_layers
    for layer in lf.layers:
        assert f'id="lum-{layer}-0"' in lf.svg, layer
    assert len(lf.visible) == 2 * (len(REGIONS["lumbar"].steps) + 1)
    css4, css5 = lf.css("hygienic", 4), lf.css("hygienic", 5)
    assert css4 != css5 and 'g[id^="lum-s04-"]' in css5 and 'g[id^="lum-s04-"]' not in css4
    with pytest.raises(Exception, match="valid 0–6"):
        lf.css("hygienic", 9)


def test_with_prefix_renames_every_id(lumbar_layers):
    other = lumbar_layers.with_prefix("zz")
    p = _Ids()
    p.feed(other.svg)
    assert p.ids and all(i == "zz" or i.startswith("zz-") for i in p.ids)


def test_clean_svg_escapes_label():
    out = clean_svg(
        '<?xml version="1.0"?><svg width="10pt" height="5pt" viewBox="0 0 10 5"><g id="a"/></svg>',
        "p",
        label='a "quoted" <label>',
    )
    assert 'width="10pt"' not in out and 'id="p-a"' in out and "&lt;label&gt;" in out and "&quot;" in out


def test_alt_text_is_written_from_the_data():
    t = alt_text("lumbar", Mode.therapeutic, 4)
    assert "kneading" in t and "groin" in t and "6–20 min" in t and "lines 4, 5" in t
    assert "Not above C6" in alt_text("collar", Mode.hygienic, 5)
    assert "by indication" in alt_text("lower_thoracic", Mode.hygienic, 5)
    assert direction(REGIONS["preliminary"].lines_numbered(1)[0]).startswith("upward") or "upward" in direction(
        REGIONS["preliminary"].lines_numbered(1)[0]
    )
