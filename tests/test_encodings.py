"""The plates' encodings (issue 11): every technique its own colour and shape, colours that stay apart for readers
with a colour-vision deficiency, and cautions in a language of their own (never a technique's colour).

Colour-vision deficiencies are simulated with the matrices of Machado, Oliveira & Fernandes, "A Physiologically-based
Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 2009 (severity 1.0: dichromacy, the worst case),
applied in linear sRGB. Differences are CIEDE2000 (Sharma, Wu & Dalal, "The CIEDE2000 color-difference formula",
Color Res. Appl. 30(1), 2005) in CIELAB under D65.

Threshold: ΔE00 ≥ 10. A just-noticeable difference is about 1–2.3 for large patches side by side, but the marks are
thin lines and small dots seen apart, across a room: Stone, Szafir & Setlur, "An Engineering Model for Color
Difference as a Function of Size" (Color and Imaging Conference, 2014) find that the difference needed grows steeply
as marks shrink, to several times the patch JND for marks of a fraction of a degree; 10 keeps a margin of roughly
5× the large-patch JND. The Okabe–Ito colours the plates use (seven, without black) meet it in all four visions
(the closest pair, orange and reddish purple under tritanopia, is ≈ 10.9). Colour is the second cue: the mark's
shape is the first (``test_every_technique_has_its_own_shape``).
"""

from __future__ import annotations

import itertools
import math

import pytest

from backdata import REGIONS, TECHNIQUES, Technique
from backdata.views import theme
from backdata.views.strokes import STYLES

# --- Colour science (no dependency) -------------------------------------------------------------------------

MACHADO = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}
"""Machado et al. (2009), severity 1.0, in linear RGB."""

MIN_DELTA_E = 10.0
"""The smallest CIEDE2000 difference between two technique colours, or a technique and a caution colour, in any
simulated vision (see the module's docstring for the reasons)."""


def _linear(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)  # type: ignore[return-value]


def simulate(hex_colour: str, vision: str) -> tuple[float, float, float]:
    """The colour as seen with ``vision``, in linear RGB (clipped to the gamut)."""
    r = _linear(hex_colour)
    m = MACHADO[vision]
    return tuple(min(1.0, max(0.0, sum(m[i][j] * r[j] for j in range(3)))) for i in range(3))  # type: ignore[return-value]


def lab(lin: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = lin
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e2000(c1: tuple[float, float, float], c2: tuple[float, float, float]) -> float:
    """CIEDE2000 between two CIELAB colours (Sharma et al. 2005, kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = c1, c2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1 = math.degrees(math.atan2(b1, a1p)) % 360
    h2 = math.degrees(math.atan2(b2, a2p)) % 360
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    else:
        dh = h2 - h1
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1 + h2
    elif abs(h1 - h2) <= 180:
        hbar = (h1 + h2) / 2
    else:
        hbar = (h1 + h2 + 360) / 2 if h1 + h2 < 360 else (h1 + h2 - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hbar - 30))
        + 0.24 * math.cos(math.radians(2 * hbar))
        + 0.32 * math.cos(math.radians(3 * hbar + 6))
        - 0.20 * math.cos(math.radians(4 * hbar - 63))
    )
    dtheta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dhh / sh) ** 2 + rt * (dc / sc) * (dhh / sh))


def seen_difference(c1: str, c2: str, vision: str) -> float:
    return delta_e2000(lab(simulate(c1, vision)), lab(simulate(c2, vision)))


def contrast(c1: str, c2: str = "#ffffff") -> float:
    """WCAG 2 contrast ratio."""

    def lum(c: str) -> float:
        r, g, b = _linear(c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((lum(c1), lum(c2)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_colour_science_matches_published_values():
    """The CIEDE2000 code against Sharma et al.'s test data (pairs 1 and 17), and the simulation's fixed points."""
    assert delta_e2000((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert delta_e2000((50.0, 2.5, 0.0), (73.0, 25.0, -18.0)) == pytest.approx(27.1492, abs=1e-4)
    for vision in MACHADO:  # white, black and greys are seen unchanged (each matrix's rows sum to 1)
        assert seen_difference("#ffffff", "#ffffff", vision) == 0
        assert delta_e2000(lab(simulate("#808080", vision)), lab(_linear("#808080"))) < 0.5


# --- Techniques --------------------------------------------------------------------------------------------------


def test_every_technique_has_its_own_colour_from_okabe_ito():
    colours = [theme.TECHNIQUE_COLOR[t] for t in Technique]
    assert len(set(colours)) == len(Technique) == 7
    assert set(colours) <= set(theme.OKABE_ITO.values())


def test_every_technique_has_its_own_shape():
    """The first cue: each technique has its own mark style (line, heavy line, spirals, loops, wave, dots,
    zigzags), and no two techniques share colour or style."""
    styles = [TECHNIQUES[t].style for t in Technique]
    assert sorted(styles) == sorted(STYLES) and len(set(styles)) == 7


@pytest.mark.parametrize("vision", list(MACHADO))
def test_technique_colours_stay_apart_in_every_vision(vision):
    pairs = itertools.combinations(Technique, 2)
    worst = min(
        (seen_difference(theme.TECHNIQUE_COLOR[a], theme.TECHNIQUE_COLOR[b], vision), a.value, b.value)
        for a, b in pairs
    )
    assert worst[0] >= MIN_DELTA_E, f"{vision}: {worst[1]} and {worst[2]} differ by ΔE00 {worst[0]:.1f} only"


def test_light_colours_are_the_okabe_ito_colours_below_three_to_one_and_are_cased():
    """A mark needs 3:1 against white (WCAG 2.1, 1.4.11 non-text contrast): the light colours are drawn with a dark
    edge that has it."""
    light = {c for c in theme.OKABE_ITO.values() if contrast(c) < 3.0}
    assert light == set(theme.LIGHT_COLORS)
    for tech, colour in theme.TECHNIQUE_COLOR.items():
        edge = theme.mark_edge(colour)
        assert contrast(colour if edge is None else edge) >= 3.0, tech
        if colour in light:  # only on thick marks: the heavy line, the dots, the zigzags
            assert TECHNIQUES[tech].style in ("squeeze", "tap", "shake"), tech


# --- Cautions ------------------------------------------------------------------------------------------------------


def test_cautions_are_neutral_and_apart_from_every_technique():
    """A caution's outline and hatching are greys (no hue: they cannot be read as a technique), differ from every
    technique colour in every vision, and the hatching stays light (under the marks) while the outline is dark."""
    caution_colours = (theme.CAUTION_COLOR, theme.CAUTION_HATCH_COLOR)
    for c in caution_colours:
        h = c.lstrip("#")
        assert h[0:2] == h[2:4] == h[4:6], f"{c} is not a neutral grey"
        assert c not in theme.TECHNIQUE_COLOR.values() and c not in theme.REGION_COLOR.values()
        for vision in MACHADO:
            for tech, colour in theme.TECHNIQUE_COLOR.items():
                d = seen_difference(c, colour, vision)
                assert d >= MIN_DELTA_E, f"{vision}: caution {c} and {tech.value} differ by {d:.1f}"
    assert contrast(theme.CAUTION_COLOR) >= 7.0, "the outline reads"
    assert 1.5 <= contrast(theme.CAUTION_HATCH_COLOR, theme.SKIN) <= 3.0, "the hatching shows, and stays under"


def test_caution_hatches_are_distinct_and_cover_every_region():
    assert len(set(theme.CAUTION_HATCHES)) == len(theme.CAUTION_HATCHES)
    assert all(theme.CAUTION_HATCHES)
    assert max(sum(1 for c in reg.cautions if c.zones) for reg in REGIONS.values()) <= len(theme.CAUTION_HATCHES)


# --- On the plates ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def plates():
    """Every region's plate in both styles: (style, region) → its RegionView."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    out = {}
    for style in ("projector", "print"):
        with draw.style(style):
            for name in REGIONS:
                fig, view = draw.region_figure(name)
                out[(style, name)] = view
    yield out
    plt.close("all")


def _hex(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour, keep_alpha=False).lower()


def test_caution_zones_use_the_caution_language_under_the_marks(plates):
    """Every caution zone: no fill, grey hatching and a dark grey dash-dot outline, drawn under every mark."""
    for (style, name), view in plates.items():
        mark_z = min(a.get_zorder() for n, arts in view.steps.items() if n for a in arts)
        for key, arts in view.cautions.items():
            assert arts, (style, name, key)
            for a in arts:
                assert a.get_facecolor()[3] == 0, (name, key)
                assert _hex(a.get_edgecolor()) in {theme.CAUTION_COLOR, theme.CAUTION_HATCH_COLOR}, (name, key)
                assert a.get_zorder() < mark_z, (name, key)
            hatched = [a for a in arts if a.get_hatch()]
            outlined = [a for a in arts if a.get_linewidth() > 0]
            assert hatched and all(_hex(a.get_edgecolor()) == theme.CAUTION_HATCH_COLOR for a in hatched)
            assert outlined and all(_hex(a.get_edgecolor()) == theme.CAUTION_COLOR for a in outlined)


def test_every_mark_has_a_halo_and_light_marks_a_dark_edge(plates):
    from matplotlib import patheffects
    from matplotlib.lines import Line2D

    for (_style, name), view in plates.items():
        reg = REGIONS[name]
        for n, st in enumerate(reg.steps, 1):
            colour = theme.TECHNIQUE_COLOR[st.technique]
            for a in view.steps[n]:
                effects = a.get_path_effects()
                assert effects, (name, n, a)
                assert any(
                    isinstance(e, (patheffects.Stroke, patheffects.withStroke))
                    and _hex(e._gc.get("foreground", "none")) == "#ffffff"
                    for e in effects
                ), (name, n, "no white halo")
                if isinstance(a, Line2D) and a.get_linestyle() != "None":
                    assert _hex(a.get_color()) == colour.lower()
                    edges = [e for e in effects if isinstance(e, patheffects.Stroke)]
                    has_edge = any(_hex(e._gc["foreground"]) == theme.INK for e in edges)
                    assert has_edge == (colour in theme.LIGHT_COLORS), (name, n, st.technique)
                elif isinstance(a, Line2D):  # dots
                    assert _hex(a.get_markeredgecolor()) == (theme.mark_edge(colour) or colour).lower()


def test_legend_shows_the_technique_and_each_caution_in_their_encodings(plates):
    """The legend's first row is the step's technique in its colour; then each caution the step shows, with the
    warning sign, drawn as on the plate (grey hatching of its own)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    for (style, name), view in plates.items():
        reg = REGIONS[name]
        for n in range(len(reg.steps) + 1):
            leg = view.legends[n]
            rows = list(zip(leg.legend_handles, [t.get_text() for t in leg.get_texts()], strict=True))
            first, label = rows[0]
            assert isinstance(first, Line2D)
            if n:
                tech = reg.steps[n - 1].technique
                assert label.startswith(tech.value)
                assert _hex(first.get_color()) == theme.TECHNIQUE_COLOR[tech].lower()
            else:
                assert _hex(first.get_color()) == theme.INK
            shown = {k for k, steps in view.caution_steps.items() if n in steps}
            cautions = [(h, lab) for h, lab in rows if lab.startswith(theme.CAUTION_SIGN)]
            assert len(cautions) == len(shown), (style, name, n)
            assert all(
                isinstance(h, Rectangle) and _hex(h.get_edgecolor()) == theme.CAUTION_HATCH_COLOR for h, _ in cautions
            )
            hatches = [h.get_hatch() for h, _ in cautions]
            assert all(hatches) and len(set(hatches)) == len(hatches), (style, name, n)
