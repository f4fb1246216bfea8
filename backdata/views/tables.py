"""Plans, durations and sessions as pandas tables, and the rules a session breaks."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from backdata.core.errors import as_bool
from backdata.core.model import Cite, Minutes, Mode, Region, Step
from backdata.method.current import current
from backdata.method.regions import REGIONS, as_mode, as_regions, region
from backdata.method.techniques import TECHNIQUES
from backdata.views.text import CLOSING_TITLE, WHOLE_BACK

__all__ = [
    "RuleBreak",
    "check_session",
    "fitted_minutes",
    "plan",
    "propose_first_session",
    "session",
    "session_steps",
    "step_minutes",
    "total_minutes",
]

EDITORIAL_SHARE = (
    "editorial: the region's stated total laid out over its steps: the source's step times where they fit, "
    "an even share of the rest for the steps it does not time (in half-minutes, at least 0.5 min); where the "
    "source's own steps overrun the total, half-minutes come off the longest step"
)
CLOSING_NAME = "closing"
"""The ``region`` of the session's closing step (line 133) in :func:`session` and :func:`session_steps`."""


def total_minutes(region_: str | Region, mode: str | Mode) -> Minutes:
    """``(min, max)`` minutes of a region's whole massage in ``mode``, as the source states it.

    ``total_minutes("lumbar", "hygienic") == (5, 6)`` (line 103). Where the source gives only an upper bound or
    nothing, the value is an editorial default: see ``region.total[mode].cite``.
    """
    return region(region_).total[as_mode(mode)].minutes


def _halves(value: float) -> int:
    return round(value * 2)


def _even(units: int, k: int) -> list[int]:
    """``units`` half-minutes shared by ``k`` steps as evenly as halves allow (the first ones get the odd
    halves), each at least one half-minute."""
    base, extra = divmod(max(0, units), k) if k else (0, 0)
    return [max(1, base + (i < extra)) for i in range(k)]


def _fit(start: list[int], target: int, floor: list[int], cap: list[float]) -> list[int]:
    """Half-minutes per step summing to ``target``: too many come off the longest step above its ``floor``,
    too few go to the shortest step below its ``cap`` (to the shortest of all when none has room)."""
    x = list(start)
    while sum(x) > target:
        i = max((k for k in range(len(x)) if x[k] > floor[k]), key=lambda k: x[k])
        x[i] -= 1
    while sum(x) < target:
        room = [k for k in range(len(x)) if x[k] < cap[k]] or list(range(len(x)))
        x[min(room, key=lambda k: x[k])] += 1
    return x


def fitted_minutes(region_: str | Region, mode: str | Mode) -> list[Minutes]:
    """Each step's minutes laid out so that the steps fill the region's stated total exactly: the mins add up to
    ``total_minutes(region, mode).min``, the maxes to its ``.max`` (:data:`EDITORIAL_SHARE`).

    The shortest massage takes each timed step at the source's minimum and shares the rest of the total's
    minimum evenly among the untimed steps; the longest takes the source's maximum and shares the rest of the
    total's maximum. Where that overruns the total (the collar's stated steps add to more than its 10–15 min),
    half-minutes come off the longest step (there: the kneading); where it falls short, they go to the shortest.
    No step is shorter in the longest massage than in the shortest. The session planner's timeline uses these.
    """
    reg, mode = region(region_), as_mode(mode)
    stated = [s.duration(mode) for s in reg.steps]
    total = reg.total[mode].minutes
    untimed = [i for i, d in enumerate(stated) if d is None]
    cap = [math.inf if d is None else _halves(d.minutes.max) for d in stated]

    def layout(bound: str, target: float, floor: list[int]) -> list[int]:
        timed = {i: _halves(getattr(d.minutes, bound)) for i, d in enumerate(stated) if d is not None}
        share = dict(zip(untimed, _even(_halves(target) - sum(timed.values()), len(untimed))))
        start = [max(timed[i] if i in timed else share[i], floor[i]) for i in range(len(stated))]
        return _fit(start, _halves(target), floor, cap)

    short = layout("min", total.min, [1] * len(stated))
    long = layout("max", total.max, short)
    return [Minutes(lo / 2, hi / 2) for lo, hi in zip(short, long)]


def step_minutes(region_: str | Region, mode: str | Mode, *, editorial: bool = False) -> list[tuple[Minutes, str]]:
    """Each step's minutes and their origin (``"source"``, ``"editorial"`` or ``"unknown"``), in order.

    Unknown step times are ``nan`` unless ``editorial``: then each gets its share of the region's total as the
    planner's timeline lays it out (:func:`fitted_minutes`, :data:`EDITORIAL_SHARE`). A time the source gives is
    shown as the source gives it.
    """
    reg, mode, editorial = region(region_), as_mode(mode), as_bool("editorial", editorial)
    fitted = fitted_minutes(reg, mode) if editorial else []
    out: list[tuple[Minutes, str]] = []
    for i, step in enumerate(reg.steps):
        d = step.duration(mode)
        if d is not None:
            out.append((d.minutes, "source" if not d.cite.editorial else "editorial"))
        elif editorial:
            out.append((fitted[i], "editorial"))
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
    return as_regions(current().session_order if regions is None else regions, where="the session")


def _sum(regs: Sequence[Region], mode: Mode) -> Minutes:
    """The session's total: its regions' stated totals and the closing step (line 133)."""
    closing = current().closing
    ms = [r.total[mode].minutes for r in regs] + ([closing.duration(mode).minutes] if closing else [])
    return Minutes(sum(m.min for m in ms), sum(m.max for m in ms))


def propose_first_session(regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic) -> list[str]:
    """Region names, in order, that fit a first session (line 110): the preliminary massage, then each
    further region of ``regions`` (default: the planner's bottom-up order) whose full time still fits, the
    closing step (line 133) counted."""
    mode = as_mode(mode)
    rule = current().rules.get("first_session")
    limit = math.inf if rule is None or rule.limit_minutes is None else rule.limit_minutes
    regs = _resolve(regions)
    chosen = [REGIONS["preliminary"]] if "preliminary" in REGIONS else []
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
    rules = current().rules
    out: list[RuleBreak] = []
    if "preliminary_first" not in rules or "main_after_preliminary" not in rules:
        pass  # a method without these rules (or without a preliminary massage) asks no order
    elif "preliminary" not in names:
        rule = rules["preliminary_first"]
        out.append(
            RuleBreak(
                rule.key, "the session has no preliminary massage of the whole back; add 'preliminary' first", rule.cite
            )
        )
    elif names[0] != "preliminary":
        rule = rules["main_after_preliminary"]
        out.append(
            RuleBreak(
                rule.key, f"the preliminary massage comes after {names[0]!r}; it should open the session", rule.cite
            )
        )
    if first_session and (rule := rules.get("first_session")) is not None and rule.limit_minutes is not None:
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
        lo, hi = rows["stated_min"].sum(), rows["stated_max"].sum()
        if hi > info.max_minutes:
            severity = "break" if lo > info.max_minutes else "warning"
            where = ", ".join(f"{r.region} {Minutes(r.stated_min, r.stated_max)}" for r in rows.itertuples())
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


def _closing_row(mode: Mode, closing: Step) -> dict:
    d = closing.duration(mode)
    return {
        "region": CLOSING_NAME,
        "step_no": 1,
        "technique": closing.technique.value,
        "step": closing.title,
        "lines": WHOLE_BACK,
        "minutes_min": d.minutes.min,
        "minutes_max": d.minutes.max,
        "stated_min": d.minutes.min,
        "stated_max": d.minutes.max,
        "minutes_from": "editorial" if d.cite.editorial else "source",
        "editorial": d.cite.editorial,
        "by_indication": closing.by_indication,
        "note": closing.note,
        "source": str(closing.cite),
    }


def session_steps(regions: Iterable[str | Region] | None = None, mode: str | Mode = Mode.hygienic) -> pd.DataFrame:
    """Every step of the session, in order, and last the closing step (``region == "closing"``, line 133).

    ``minutes_min``/``minutes_max`` are the steps' minutes laid out to fill each region's stated total
    (:func:`fitted_minutes`): a region's rows add up to its total, and all rows to the :func:`session` table's
    total. ``stated_min``/``stated_max`` are the step's own time as :func:`plan` (``editorial=True``) gives it:
    the source's where it times the step (the technique limits are checked on these). The running start and
    end (``start_min``/``end_min`` in the shortest session, ``start_max``/``end_max`` in the longest) place
    the steps on a timeline."""
    regs, mode = _resolve(regions), as_mode(mode)
    frames = []
    for r in regs:
        df = plan(r, mode, editorial=True).reset_index().rename(columns={"#": "step_no"})
        df.insert(0, "region", r.name)
        fitted = fitted_minutes(r, mode)
        df.insert(df.columns.get_loc("minutes_max") + 1, "stated_min", df["minutes_min"])
        df.insert(df.columns.get_loc("stated_min") + 1, "stated_max", df["minutes_max"])
        df["minutes_min"] = [m.min for m in fitted]
        df["minutes_max"] = [m.max for m in fitted]
        frames.append(df)
    if (closing := current().closing) is not None:
        frames.append(pd.DataFrame([_closing_row(mode, closing)]))
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
    its stated minutes and their origin, the ``closing`` step that completes every session (line 133; its time
    editorial), and a last ``total`` row.

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
    if (step := current().closing) is not None:
        closing = step.duration(mode)
        rows.append(
            {
                "region": CLOSING_NAME,
                "title": CLOSING_TITLE,
                "minutes_min": closing.minutes.min,
                "minutes_max": closing.minutes.max,
                "editorial": closing.cite.editorial,
                "source": f"{step.cite}; {closing.cite}",
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
