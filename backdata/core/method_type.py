"""The type of a whole method, as a method file (:mod:`backdata.method.files`) gives it, and of a problem found
in such a file.

The parts (:class:`~backdata.core.model.Region`, :class:`~backdata.core.model.Caution` …) are the types of
:mod:`backdata.core.model`; a :class:`Method` only gathers them with what the package reads beside the regions
today (the session and text orders, the rules, the closing step, the notice, the source text's lines).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from backdata.core.model import Caution, Cite, Region, Rule, Step, Tension

__all__ = ["Method", "Problem"]


@dataclass(frozen=True, slots=True)
class Method:
    """A whole massage method: its regions, cautions, rules and orders, and the text its citations quote."""

    title: str
    source_title: str
    source_path: str = field(compare=False)
    """The source text's path as the file names it (relative to the method file; not compared: one method written
    in two folders names the same text by two paths)."""
    source_lines: tuple[str, ...]
    """The source text's lines: ``source_lines[0]`` is line 1."""
    regions: tuple[Region, ...]
    """In the file's order (the package's ``REGION_LIST``)."""
    cautions: Mapping[str, Caution]
    rules: Mapping[str, Rule]
    session_order: tuple[str, ...]
    """The planner's default order of the regions."""
    text_order: tuple[str, ...]
    """The order of the text's sections: the notebooks, slides and printed sheets."""
    text_sections: Mapping[str, Cite]
    """Region name → the heading of its section in the source text."""
    closing: Step | None = None
    """The step that closes every session, after the last region (``None``: no closing step)."""
    notice: str = ""
    contraindications: tuple[str, ...] = ()
    contraindications_reference: str = ""
    source_claims_note: str = ""
    tensions: tuple[Tension, ...] = ()
    """The source text's own tensions and the stance taken on each."""
    path: str = field(default="", compare=False)
    """The method file it was loaded from ("" when built in memory)."""
    cites: Mapping[str, Cite] = field(default_factory=dict, compare=False)
    """The file's named cites (``[cites]``): a method written back refers to them by the same names."""
    _by_name: Mapping[str, Region] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("cautions", "rules", "text_sections", "cites"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
        object.__setattr__(self, "_by_name", MappingProxyType({r.name: r for r in self.regions}))

    @property
    def region_map(self) -> Mapping[str, Region]:
        """Region name → region, in the file's order (what ``backdata.REGIONS`` is for the current method)."""
        return self._by_name

    def __repr__(self) -> str:
        return f"<Method {self.title!r}: {len(self.regions)} regions ({', '.join(r.name for r in self.regions)})>"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One problem of a method file: where (file, line, key path) and what is wrong and what is allowed."""

    file: str
    line: int
    """1-based line of the file; 0 when the problem concerns the whole file."""
    key: str
    """The key path, e.g. ``regions.lumbar.lines[3].target`` (array entries counted from 1); "" for the file."""
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
