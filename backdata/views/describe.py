"""Words written from the data: alt text for figures, directions of lines, caution lists.

Text only (no drawing): the same sentences serve the figures' alt text, the explorer and the handouts. The
words and templates themselves are in :mod:`backdata.views.text`.
"""

from __future__ import annotations

from backdata.core.errors import as_type
from backdata.core.model import Mode, Region, StrokeLine
from backdata.method.regions import as_lines, as_mode, as_step, region
from backdata.views import text

__all__ = ["alt_text", "direction", "lines_summary", "whole_back"]


def direction(line: StrokeLine) -> str:
    """How a line runs, in words from its own points: "outward and downward", "upward", …

    Outward means away from the spine; down means toward the feet (the frame's y grows toward the feet).
    """
    as_type("line", line, StrokeLine, "a StrokeLine (a line of a region)")
    dx = abs(line.end.x) - abs(line.start.x)
    dy = line.end.y - line.start.y
    words = text.DIRECTION_WORDS
    parts = []
    if abs(dy) > 0.4 * abs(dx) + 0.01:
        parts.append(words["down"] if dy > 0 else words["up"])
    if abs(dx) > 0.4 * abs(dy) + 0.01:
        parts.insert(0, words["out"] if dx > 0 else words["in"])
    return words["and"].join(parts) or words["place"]


def whole_back(region_: str | Region) -> bool:
    """Whether a region spans the whole back (its plate shows the whole back, without a locator)."""
    ys = [p.y for z in region(region_).zones for p in z]
    return max(ys) - min(ys) >= 1.0


def lines_summary(region_: str | Region, numbers: tuple[int, ...] | None = None) -> str:
    """One sentence per group of lines that run alike: numbers, direction, target, force."""
    reg = region(region_)
    wanted = set(as_lines(reg, numbers) or reg.line_numbers())
    groups: dict[tuple[str, str, str], list[int]] = {}
    for n in sorted(wanted):
        ln = reg.lines_numbered(n)[0]
        groups.setdefault((direction(ln), text.TARGET_WORDS[ln.target], ln.intensity.value), []).append(n)
    out = []
    for (how, target, force), nums in groups.items():
        label = (
            text.LINE_ONE.format(number=nums[0])
            if len(nums) == 1
            else text.LINE_MANY.format(numbers=", ".join(map(str, nums)))
        )
        template = text.LINES_RUN if how != text.DIRECTION_WORDS["place"] else text.LINES_IN_PLACE
        out.append(template.format(label=label, how=how, target=target, force=force))
    return "; ".join(out)


def alt_text(region_: str | Region, mode: str | Mode = Mode.hygienic, step: int = 0) -> str:
    """Alt text for a region's figure at a step (0 = the lines view), written from the data."""
    reg, mode = region(region_), as_mode(mode)
    step = as_step(reg, step)
    total = reg.total[mode].minutes
    head = text.ALT_HEAD.format(
        title=reg.title, top=reg.extent[0], bottom=reg.extent[1], position=reg.positions[0].value
    )
    if step == 0:
        what = text.ALT_LINES_VIEW.format(count=len(reg.line_numbers()), lines=lines_summary(reg))
    else:
        st = reg.steps[step - 1]
        what = text.ALT_STEP.format(
            step=step,
            steps=len(reg.steps),
            title=st.title,
            technique=st.technique.value,
            lines=lines_summary(reg, st.lines),
        )
        if st.upper_level:
            what += text.ALT_NOT_ABOVE.format(level=st.upper_level)
        if st.by_indication:
            what += f" {text.BY_INDICATION_DOCTOR}"
    cautions = [c.label for c in reg.cautions]
    tail = text.ALT_CAUTIONS.format(cautions="; ".join(cautions)) if cautions else ""
    layout = text.ALT_LAYOUT_WHOLE if whole_back(reg) else text.ALT_LAYOUT
    return text.ALT_TEXT.format(head=head, what=what, total=total, mode=mode.value, cautions=tail, layout=layout)
