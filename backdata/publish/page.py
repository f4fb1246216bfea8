"""What a built page collects while it renders: styles hoisted to the head, one drawing per region shared by
every view of it on the page, and a counter for unique ids. Used by the handouts and the slides."""

from __future__ import annotations

from dataclasses import dataclass, field

from backdata.views.svg import Sprite, layered_figure, sprite

__all__ = ["Page"]


@dataclass
class Page:
    """What a page collects while its cells render: styles (hoisted to the head), one drawing per region
    (shared by every view of it on the page), and a counter for ids."""

    styles: list[str] = field(default_factory=list)
    sprites: dict[str, Sprite] = field(default_factory=dict)
    n: int = 0

    def uid(self, stem: str) -> str:
        """A new id on the page: ``stem`` and a number."""
        self.n += 1
        return f"{stem}{self.n}"

    def sprite(self, name: str) -> Sprite:
        """The region's drawing, made once per page."""
        if name not in self.sprites:
            self.sprites[name] = sprite(layered_figure(name, prefix=f"bd-{name.replace('_', '-')}"))
        return self.sprites[name]
