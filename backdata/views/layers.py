"""The names of a region drawing's layers, the ids they get in the SVG, and the CSS that switches them.

A region is drawn once with every view in it (:class:`~backdata.views.draw.RegionView`); each view is a set of
layers, named here and only here:

* ``sNN`` — a step's marks, legend and highlight (``s00`` is the lines view): :func:`step_layer`;
* ``t-MODE-NN`` — the caption of a step in a mode (its times): :func:`mode_layer`;
* ``c-KEY`` — a caution's hatched zones: :func:`caution_layer`;
* ``b-N`` — the number badges of line ``N`` (both sides), shown in the views that work along it: :func:`badge_layer`;
* ``top`` — the always-shown marks that must stay above every layer (line numbers, node labels): :data:`TOP`.

In an SVG each layer's artists are groups with the ids ``{prefix}-{layer}-{k}`` (:func:`layer_gid`, read back by
:func:`parse_gid`); the explorer hides layers by id (:func:`css_hide`), the handouts compose views with ``<use>``
elements of the class ``bd-L-{layer}`` (:func:`layer_class`) and show them with :func:`css_show`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from backdata.core.errors import BackdataError
from backdata.core.model import Mode

__all__ = [
    "LAYER_CLASS",
    "TOP",
    "Layer",
    "badge_layer",
    "caution_layer",
    "css_hide",
    "css_hide_classes",
    "css_show",
    "layer_class",
    "layer_gid",
    "layer_selector",
    "mode_layer",
    "parse_gid",
    "parse_layer",
    "step_layer",
]

TOP = "top"
"""Pseudo-layer of the always-shown marks that must stay on top (line numbers, node labels)."""

LAYER_CLASS = "bd-L"
"""The class of every switchable ``<use>`` of a composed view (the handouts)."""


def step_layer(step: int) -> str:
    """The layer of a step's marks: ``s04``."""
    return f"s{step:02d}"


def mode_layer(mode: str | Mode, step: int) -> str:
    """The layer of a step's caption in a mode: ``t-hygienic-04``."""
    return f"t-{Mode(mode).value}-{step:02d}"


def caution_layer(key: str) -> str:
    """The layer of a caution's zones: ``c-vibration_c6``."""
    return f"c-{key}"


def badge_layer(number: int) -> str:
    """The layer of line ``number``'s badges: ``b-3``."""
    return f"b-{number}"


class Layer(NamedTuple):
    """A layer name read back: its ``kind`` (``"step"``, ``"caption"``, ``"caution"``, ``"badge"`` or ``"top"``),
    and the step, mode, caution key or line number it names."""

    kind: str
    step: int | None = None
    mode: Mode | None = None
    key: str | None = None
    line: int | None = None


def parse_layer(name: str) -> Layer:
    """The parts of a layer name (the inverse of :func:`step_layer`, :func:`mode_layer`, :func:`caution_layer`)."""
    if name == TOP:
        return Layer("top")
    head, _, rest = name.partition("-")
    if not rest and head[:1] == "s" and head[1:].isdigit():
        return Layer("step", step=int(head[1:]))
    if head == "c" and rest:
        return Layer("caution", key=rest)
    if head == "b" and rest.isdigit():
        return Layer("badge", line=int(rest))
    if head == "t":
        mode, _, step = rest.rpartition("-")
        if mode in {m.value for m in Mode} and step.isdigit():
            return Layer("caption", step=int(step), mode=Mode(mode))
    raise BackdataError(f"{name!r} is not a layer name; layers are sNN, t-MODE-NN, c-KEY, b-N or {TOP}")


def layer_gid(prefix: str, layer: str, k: int) -> str:
    """The id of a layer's ``k``-th group in an SVG whose ids start with ``prefix``."""
    return f"{prefix}-{layer}-{k}"


def parse_gid(prefix: str, gid: str) -> tuple[str, int] | None:
    """``(layer, k)`` of a group id written by :func:`layer_gid`, or ``None`` for any other id."""
    if not gid.startswith(f"{prefix}-"):
        return None
    layer, _, k = gid[len(prefix) + 1 :].rpartition("-")
    if not layer or not k.isdigit():
        return None
    return layer, int(k)


def layer_selector(prefix: str, layer: str) -> str:
    """The CSS selector of every group of a layer in an SVG whose ids start with ``prefix``."""
    return f'g[id^="{prefix}-{layer}-"]'


def css_hide(prefix: str, layers: Iterable[str]) -> str:
    """CSS hiding ``layers`` of the SVG whose ids start with ``prefix`` (empty when there are none)."""
    sel = ",".join(layer_selector(prefix, n) for n in layers)
    return f"{sel}{{display:none}}" if sel else ""


def layer_class(layer: str) -> str:
    """The classes of a composed view's ``<use>`` of ``layer``."""
    return f"{LAYER_CLASS} {LAYER_CLASS}-{layer}"


def css_hide_classes(scope: str) -> str:
    """CSS hiding every switchable layer inside ``scope`` (a selector)."""
    return f"{scope} .{LAYER_CLASS}{{display:none}}"


def css_show(scope: str, layers: Iterable[str]) -> str:
    """CSS showing ``layers`` (sorted) of the composed views inside ``scope`` (a selector ending in a space or
    a combinator)."""
    return ",".join(f"{scope}.{LAYER_CLASS}-{n}" for n in sorted(layers)) + "{display:inline}"
