"""Words written from the data: alt text for figures, directions of lines, caution lists.

Text only (no drawing): the same sentences serve the figures' alt text, the explorer and the handouts.
"""

from __future__ import annotations

from backdata.core.errors import as_type
from backdata.core.model import Mode, Region, StrokeLine, Target
from backdata.method.regions import as_lines, as_mode, as_step, region

__all__ = ["TARGET_SHORT", "alt_text", "direction", "lines_summary"]

TARGET_SHORT = {Target.axillary: "toward the armpit", Target.inguinal: "toward the groin",
                Target.supraclavicular: "toward the collarbone", Target.shoulder_girdle: "toward the shoulder girdle",
                Target.local: "in small circles in place"}
"""Where a line runs, in a few words (the self-check's options use these)."""
_NODES = {Target.axillary: "axillary nodes", Target.inguinal: "inguinal nodes",
          Target.supraclavicular: "supraclavicular nodes"}
_TARGET_WORDS = {t: f"{w} ({_NODES[t]})" if t in _NODES else w for t, w in TARGET_SHORT.items()}
_TARGET_WORDS[Target.local] = "in place"


def direction(line: StrokeLine) -> str:
    """How a line runs, in words from its own points: "outward and downward", "upward", …

    Outward means away from the spine; down means toward the feet (the frame's y grows toward the feet).
    """
    as_type("line", line, StrokeLine, "a StrokeLine (a line of a region)")
    dx = abs(line.end.x) - abs(line.start.x)
    dy = line.end.y - line.start.y
    parts = []
    if abs(dy) > 0.4 * abs(dx) + 0.01:
        parts.append("downward" if dy > 0 else "upward")
    if abs(dx) > 0.4 * abs(dy) + 0.01:
        parts.insert(0, "outward" if dx > 0 else "inward")
    return " and ".join(parts) or "in place"


def lines_summary(region_: str | Region, numbers: tuple[int, ...] | None = None) -> str:
    """One sentence per group of lines that run alike: numbers, direction, target, force."""
    reg = region(region_)
    wanted = set(as_lines(reg, numbers) or reg.line_numbers())
    groups: dict[tuple[str, str, str], list[int]] = {}
    for n in sorted(wanted):
        ln = reg.lines_numbered(n)[0]
        groups.setdefault((direction(ln), _TARGET_WORDS[ln.target], ln.intensity.value), []).append(n)
    out = []
    for (how, target, force), nums in groups.items():
        label = f"line {nums[0]}" if len(nums) == 1 else f"lines {', '.join(map(str, nums))}"
        out.append(f"{label}: from the spine side {how}, {target}, {force} force" if how != "in place"
                   else f"{label}: worked {target}, {force} force")
    return "; ".join(out)


def alt_text(region_: str | Region, mode: str | Mode = Mode.hygienic, step: int = 0) -> str:
    """Alt text for a region's figure at a step (0 = the lines view), written from the data."""
    reg, mode = region(region_), as_mode(mode)
    step = as_step(reg, step)
    total = reg.total[mode].minutes
    head = f"{reg.title} ({reg.extent[0]}–{reg.extent[1]}), patient {reg.positions[0].value}, seen from behind"
    if step == 0:
        what = f"All {len(reg.line_numbers())} numbered lines on both sides: {lines_summary(reg)}."
    else:
        st = reg.steps[step - 1]
        what = (f"Step {step} of {len(reg.steps)}: {st.title} ({st.technique.value}) along "
                f"{lines_summary(reg, st.lines)}.")
        if st.upper_level:
            what += f" Not above {st.upper_level}."
        if st.by_indication:
            what += " Only by indication, a doctor consulted."
    cautions = [c.label for c in reg.cautions]
    tail = f" Cautions: {'; '.join(cautions)}." if cautions else ""
    return f"{head}. {what} Whole region {total} ({mode.value}).{tail}"
