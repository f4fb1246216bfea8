"""Plans, durations and sessions as pandas tables, and the rules a session breaks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from backdata.core.errors import as_bool
from backdata.core.model import Cite, Minutes, Mode, Region, Step
from backdata.method.classical import RULES, SESSION_ORDER
from backdata.method.regions import REGIONS, as_mode, as_regions, region
from backdata.method.techniques import TECHNIQUES

__all__ = [
    "RuleBreak",
    "check_session",
    "plan",
    "propose_first_session",
    "session",
    "session_steps",
    "step_minutes",
    "total_minutes",
]

EDITORIAL_SHARE = (
    "editorial: an even share of the region's stated total left after the steps the source "
    "times (at least 0.5 min; rounded inward to 0.5 so the shares fit the stated range)"
)


def total_minutes(region_: str | Region, mode: str | Mode) -> Minutes:
    """``(min, max)`` minutes of a region's whole massage in ``mode``, as the source states it.

    ``total_minutes("lumbar", "hygienic") == (5, 6)`` (line 103). Where the source gives only an upper bound or
    nothing, the value is an editorial default: see ``region.total[mode].cite``.
    """
    return region(region_).total[as_mode(mode)].minutes


def _half_down(value: float) -> float:
    return math.floor(value * 2 + 1e-9) / 2


def _half_up(value: float) -> float:
    return math.ceil(value * 2 - 1e-9) / 2


def step_minutes(region_: str | Region, mode: str | Mode, *, editorial: bool = False) -> list[tuple[Minutes, str]]:
    """Each step's minutes and their origin (``"source"``, ``"editorial"`` or ``"unknown"``), in order.

    Unknown step times are ``nan`` unless ``editorial``: then each gets an even share of what the region's
    total leaves after the timed steps (:data:`EDITORIAL_SHARE`).
    """
    reg, mode, editorial = region(region_), as_mode(mode), as_bool("editorial", editorial)
    known = [s.duration(mode) for s in reg.steps]
    unknown = sum(d is None for d in known)
    share = Minutes(math.nan, math.nan)
    if unknown and editorial:
        total = reg.total[mode].minutes
        lo = max(0.0, total.min - sum(d.minutes.max for d in known if d))
        hi = max(0.0, total.max - sum(d.minutes.min for d in known if d))
        s_lo, s_hi = max(0.5, _half_up(lo / unknown)), max(0.5, _half_down(hi / unknown))
        share = Minutes(min(s_lo, s_hi), max(s_lo, s_hi))
    out: list[tuple[Minutes, str]] = []
    for d in known:
        if d is not None:
            out.append((d.minutes, "source" if not d.cite.editorial else "editorial"))
        elif editorial:
            out.append((share, "editorial"))
        else:
            out.append((Minutes(math.nan, math.nan), "unknown"))
    return out


def _lines_text(step: Step) -> str:
    nums = list(step.lines)
    if len(nums) > 2 and nums == list(range(nums[0], nums[-1] + 1)):
        return f"{nums[0]}–{nums[-1]}"
    return ", ".join(str(n) for n in nums)


def plan(region_: str | Region, mode: str | Mode = Mode.hygienic, *, editorial: bool = False) -> pd.DataFrame:
    """The region's technique sequence, one row per step in order.

    Columns: ``technique``, ``step`` (its name), ``lines`` (the line numbers, both sides), ``minutes_min``,
    ``minutes_max`` (``NaN`` where the source gives no time, unless ``editorial``), ``minutes_from``
    (``source`` / ``editorial`` / ``unknown``), ``editorial`` (True where a number is an editorial default),
    ``by_indication``, ``note`` and ``source`` (the line it comes from). The index is the step number from 1.
    """
    reg, mode, editorial = region(region_), as_mode(mode), as_bool("editorial", editorial)
    rows = []
    for step, (mins, origin) in zip(reg.steps, step_minutes(reg, mode, editorial=editorial)):
        rows.append(
            {
                "technique": step.technique.value,
                "step": step.title,
                "lines": _lines_text(step),
                "minutes_min": mins.min,
                "minutes_max": mins.max,
                "minutes_from": origin,
                "editorial": origin == "editorial",
                "by_indication": step.by_indication,
                "note": step.note,
                "source": str(step.cite),
            }
        )
    df = pd.DataFrame(rows, index=pd.RangeIndex(1, len(rows) + 1, name="#"))
    df.attrs.update(region=reg.name, mode=mode.value, total=tuple(reg.total[mode].minutes))
    return df


@dataclass(frozen=True, slots=True)
class RuleBreak:
    """A rule of the method that a session breaks (``severity="break"``) or may break (``"warning"``)."""

    rule: str
    message: str
    cite: Cite
    severity: str = "break"

    def __str__(self) -> str:
        return f"{self.severity}: {self.message} ({self.cite})"


def _resolve(regions: Iterable[str | Region] | str | Region | None) -> list[Region]:
    return as_regions(SESSION_ORDER if regions is None else regions, where="the session")


def _sum(regs: Sequence[Region], mode: Mode) -> Minutes:
    ms = [r.total[mode].minutes for r in regs]
    return Minutes(sum(m.min for m in ms), sum(m.max for m in ms))


def propose_first_session(regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic) -> list[str]:
    """Region names, in order, that fit a first session (line 110): the preliminary massage, then each
    further region of ``regions`` (default: the planner's bottom-up order) whose full time still fits."""
    mode = as_mode(mode)
    limit = RULES["first_session"].limit_minutes
    regs = _resolve(regions)
    chosen = [REGIONS["preliminary"]]
    for r in regs:
        if r.name != "preliminary" and _sum([*chosen, r], mode).max <= limit:
            chosen.append(r)
    return [r.name for r in chosen]


def check_session(
    regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic, first_session: bool = False
) -> list[RuleBreak]:
    """Every rule of the method the session breaks or may break, in the order of the text."""
    regs, mode = _resolve(regions), as_mode(mode)
    first_session = as_bool("first_session", first_session)
    names = [r.name for r in regs]
    out: list[RuleBreak] = []
    if "preliminary" not in names:
        rule = RULES["preliminary_first"]
        out.append(
            RuleBreak(
                rule.key, "the session has no preliminary massage of the whole back; add 'preliminary' first", rule.cite
            )
        )
    elif names[0] != "preliminary":
        rule = RULES["main_after_preliminary"]
        out.append(
            RuleBreak(
                rule.key, f"the preliminary massage comes after {names[0]!r}; it should open the session", rule.cite
            )
        )
    if first_session:
        rule = RULES["first_session"]
        limit = rule.limit_minutes
        total = _sum(regs, mode)
        if total.max > limit:
            proposal = propose_first_session(regs, mode)
            fit = _sum([REGIONS[n] for n in proposal], mode)
            severity = "break" if total.min > limit else "warning"
            verb = "takes" if severity == "break" else "may take"
            out.append(
                RuleBreak(
                    rule.key,
                    f"a first session of no more than {limit:g} min; this one {verb} {total}. "
                    f"Proposed first session: {' + '.join(proposal)} ({fit})",
                    rule.cite,
                    severity,
                )
            )
    steps = session_steps(regs, mode)
    for technique, info in TECHNIQUES.items():
        if info.max_minutes is None:
            continue
        rows = steps[steps["technique"] == technique.value]
        lo, hi = rows["minutes_min"].sum(), rows["minutes_max"].sum()
        if hi > info.max_minutes:
            severity = "break" if lo > info.max_minutes else "warning"
            where = ", ".join(f"{r.region} {Minutes(r.minutes_min, r.minutes_max)}" for r in rows.itertuples())
            out.append(
                RuleBreak(
                    f"{technique.value}_limit",
                    f"{technique.value} for no more than {info.max_minutes:g} min; this session gives it "
                    f"{Minutes(lo, hi)} ({where})",
                    info.limit_cite or info.cite,
                    severity,
                )
            )
    return out


def session_steps(regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic) -> pd.DataFrame:
    """Every step of the session, in order, with editorial shares where the source gives no time, and the
    running start and end (``start_min``/``end_min``, from the steps' lower bounds; ``start_max``/``end_max``
    from their upper bounds) for a timeline."""
    regs, mode = _resolve(regions), as_mode(mode)
    frames = []
    for r in regs:
        df = plan(r, mode, editorial=True).reset_index().rename(columns={"#": "step_no"})
        df.insert(0, "region", r.name)
        frames.append(df)
    steps = pd.concat(frames, ignore_index=True)
    steps["end_min"] = steps["minutes_min"].cumsum()
    steps["start_min"] = steps["end_min"] - steps["minutes_min"]
    steps["end_max"] = steps["minutes_max"].cumsum()
    steps["start_max"] = steps["end_max"] - steps["minutes_max"]
    return steps


def session(
    regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic, first_session: bool = False
) -> pd.DataFrame:
    """A session as a table: one row per region (default: the planner's bottom-up order, preliminary first),
    its stated minutes and their origin, and a last ``total`` row.

    The rules the session breaks are in ``df.attrs["breaks"]`` (a list of :class:`RuleBreak`), the same as
    :func:`check_session` returns.
    """
    regs, mode = _resolve(regions), as_mode(mode)
    first_session = as_bool("first_session", first_session)
    rows = []
    for r in regs:
        d = r.total[mode]
        rows.append(
            {
                "region": r.name,
                "title": r.title,
                "minutes_min": d.minutes.min,
                "minutes_max": d.minutes.max,
                "editorial": d.cite.editorial,
                "source": str(d.cite),
            }
        )
    total = _sum(regs, mode)
    rows.append(
        {
            "region": "total",
            "title": "Session",
            "minutes_min": total.min,
            "minutes_max": total.max,
            "editorial": any(r["editorial"] for r in rows),
            "source": "",
        }
    )
    df = pd.DataFrame(rows)
    df.attrs.update(mode=mode.value, first_session=first_session, breaks=check_session(regs, mode, first_session))
    return df
