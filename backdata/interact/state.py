"""The view protocol: what a notebook's view shows, in one typed record that the kernel writes and the handout
builder reads.

Beside its widget or picture, each view displays a small JSON of its state under :data:`VIEW_MIME`; the handout
builder (:mod:`backdata.publish.blocks`) parses it back with :meth:`ViewState.from_mapping` and renders the
same choices as native form controls (no kernel, no script). An unknown kind, a missing field or an unknown
region is a :class:`~backdata.core.errors.BackdataError`, never a silent fallback.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from backdata.core.errors import BackdataError
from backdata.core.model import Mode
from backdata.method.regions import REGIONS

__all__ = ["KINDS", "VIEW_MIME", "ViewState"]

VIEW_MIME = "application/vnd.backdata.view+json"
"""Beside the widget, each view displays this small JSON of its state: the handout builder renders the same
choices as native form controls (no kernel, no script)."""

_FIELDS: dict[str, tuple[str, ...]] = {
    "explorer": ("kind", "regions", "region", "mode", "step"),
    "plate": ("kind", "region", "mode", "step"),
    "steps": ("kind", "region", "mode"),
    "planner": ("kind", "regions", "mode", "first_session"),
}
"""The JSON keys of each kind, in the order they are written (the notebooks' outputs keep this order)."""

KINDS: tuple[str, ...] = tuple(_FIELDS)
"""The kinds of view: the explorer (or a region's stepper), one plate, a region's steps, the session planner."""

_REQUIRED: dict[str, tuple[str, ...]] = {
    "explorer": ("regions",),
    "plate": ("region", "mode", "step"),
    "steps": ("region", "mode"),
    "planner": ("regions", "mode", "first_session"),
}
"""What a reader needs of each kind (the explorer's region, mode and step default to its first region,
hygienic and step 1)."""


@dataclass(frozen=True)
class ViewState:
    """What a view shows: its ``kind`` (one of :data:`KINDS`), the ``region``, ``mode`` and ``step`` chosen, the
    patient ``position`` when chosen, the ``regions`` offered (explorer) or selected (planner), and whether the
    planned session is a ``first_session``."""

    kind: str
    region: str | None = None
    mode: str = Mode.hygienic.value
    step: int | None = None
    position: str | None = None
    regions: tuple[str, ...] = ()
    first_session: bool | None = None

    def __post_init__(self) -> None:
        if self.kind not in _FIELDS:
            raise BackdataError(f"unknown view kind {self.kind!r}; valid kinds: {', '.join(KINDS)}")
        if self.mode not in {m.value for m in Mode}:
            raise BackdataError(
                f"unknown mode {self.mode!r} in a {self.kind} view; valid: {', '.join(m.value for m in Mode)}"
            )
        for name in (self.region, *self.regions):
            if name is not None and name not in REGIONS:
                raise BackdataError(f"unknown region {name!r} in a {self.kind} view; valid: {', '.join(REGIONS)}")
        if self.step is not None and (isinstance(self.step, bool) or not isinstance(self.step, int) or self.step < 0):
            raise BackdataError(f"the step of a {self.kind} view must be a whole number from 0, not {self.step!r}")
        if self.first_session is not None and not isinstance(self.first_session, bool):
            raise BackdataError(
                f"first_session of a {self.kind} view must be true or false, not {self.first_session!r}"
            )

    def to_json(self) -> dict:
        """The JSON object a notebook displays under :data:`VIEW_MIME`: the kind's keys in their order
        (``position`` only when set)."""
        out: dict = {}
        for key in _FIELDS[self.kind]:
            value = getattr(self, key)
            out[key] = list(value) if key == "regions" else value
        if self.position is not None:
            out["position"] = self.position
        return out

    @classmethod
    def from_mapping(cls, data: Mapping) -> ViewState:
        """Parse and check a view's JSON (as a notebook displayed it)."""
        if not isinstance(data, Mapping):
            raise BackdataError(f"a view's state must be a JSON object, not {type(data).__name__}")
        kind = data.get("kind")
        if kind not in _FIELDS:
            raise BackdataError(f"unknown view kind {kind!r}; valid kinds: {', '.join(KINDS)}")
        missing = [k for k in _REQUIRED[kind] if k not in data]
        if missing:
            raise BackdataError(f"a {kind} view's state lacks {', '.join(missing)}")
        unknown = sorted(set(data) - {*_FIELDS[kind], "position"})
        if unknown:
            raise BackdataError(
                f"a {kind} view's state has unknown keys {', '.join(map(repr, unknown))}; "
                f"valid: {', '.join(_FIELDS[kind])}, position"
            )
        regions = data.get("regions", ())
        if regions is None:
            regions = ()
        if isinstance(regions, str) or not all(isinstance(n, str) for n in regions):
            raise BackdataError(f"the regions of a {kind} view must be a list of names, not {regions!r}")
        region = data.get("region")
        if kind == "explorer" and region is None:
            if not regions:
                raise BackdataError("an explorer view offers no region")
            region = regions[0]
        step = data.get("step", 1 if kind == "explorer" else None)
        return cls(
            kind=kind,
            region=region,
            mode=data.get("mode", Mode.hygienic.value),
            step=step,
            position=data.get("position"),
            regions=tuple(regions),
            first_session=data.get("first_session"),
        )
