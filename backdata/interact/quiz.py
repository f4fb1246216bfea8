"""Self-check questions built from the data, rendered as self-contained HTML that answers in the page.

No script and no kernel: each option is a native radio button; CSS (``:has(:checked)``) shows the feedback, so the
same questions work in JupyterLab, Voilà, an exported HTML page and a printed handout (where the answers can
be revealed for the instructor's edition). Keyboard operable: Tab to a question, arrows to choose.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from backdata.core.model import Mode, Region
from backdata.method.current import current
from backdata.method.regions import REGIONS, region
from backdata.views import theme
from backdata.views.describe import direction
from backdata.views.text import TARGET_SHORT

__all__ = ["Question", "questions", "quiz_css", "quiz_html"]


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str
    options: tuple[str, ...]
    answer: int
    """Index of the right option."""
    explanation: str
    """Shown with the feedback: why, and the source line."""


def _rotate(options: list[str], correct: str, key: str) -> tuple[tuple[str, ...], int]:
    """A fixed, reproducible order (no randomness): distinct options, rotated by the key's length."""
    opts = list(dict.fromkeys(options))
    k = len(key) % len(opts)
    opts = opts[k:] + opts[:k]
    return tuple(opts), opts.index(correct)


def questions(region_: str | Region) -> list[Question]:
    """3–5 questions on a region: order of techniques, direction of lines, duration, cautions."""
    reg = region(region_)
    out: list[Question] = []
    steps = reg.steps
    if len(steps) >= 2:
        i = min(1, len(steps) - 2)
        first, after = steps[i], steps[i + 1]
        correct = after.title
        others = [s.title for s in steps if s.title not in (first.title, correct)]
        others += [t for t in ("percussion", "kneading", "stroking", "vibration") if t != correct]
        opts, ans = _rotate([correct, *others[:3]], correct, f"{reg.name}-order")
        out.append(
            Question(
                f"{reg.name}-order",
                f"In the {reg.title.lower()}, what comes right after “{first.title}”?",
                opts,
                ans,
                f"The sequence is {', '.join(s.title for s in steps)} ({after.cite}).",
            )
        )
    ln = reg.lines[0]
    how = f"{direction(ln)}, {TARGET_SHORT[ln.target]}"
    wrong = [
        "along the spinous processes, pressing on them",
        "from the armpit inward to the spine",
        "upward toward the armpit",
        "outward and downward, toward the groin",
        "upward, toward the shoulder girdle",
    ]
    opts, ans = _rotate([how, *[w for w in wrong if w != how][:3]], how, f"{reg.name}-direction")
    out.append(
        Question(
            f"{reg.name}-direction",
            f"Which way does line {ln.number} run?",
            opts,
            ans,
            f"Line {ln.number} starts beside the spine and runs {how}; no technique presses on the "
            f"spinous processes (source line 32). {reg.purpose.split('. ')[0]}.",
        )
    )
    total = reg.total[Mode.hygienic]
    right = str(total.minutes)
    distract = sorted({str(r.total[Mode.hygienic].minutes) for r in REGIONS.values() if r.name != reg.name} - {right})
    opts, ans = _rotate([right, *distract[:3]], right, f"{reg.name}-minutes")
    origin = "an editorial default: the source gives no time" if total.cite.editorial else str(total.cite)
    out.append(
        Question(
            f"{reg.name}-minutes",
            f"How long does the whole {reg.title.lower()} take in hygienic (wellness) massage?",
            opts,
            ans,
            f"{right} ({origin}).",
        )
    )
    own = [c for c in reg.cautions if c.key != "spinous_processes"] or list(reg.cautions)
    c = own[0]
    elsewhere = [
        x.text for x in current().cautions.values() if x.key not in {y.key for y in reg.cautions} and x.cite.lines
    ]
    opts, ans = _rotate([c.text, *elsewhere[:3]], c.text, f"{reg.name}-caution")
    out.append(
        Question(
            f"{reg.name}-caution",
            f"Which caution belongs to the {reg.title.lower()}?",
            opts,
            ans,
            f"{c.text} ({c.cite}).",
        )
    )
    return out


def quiz_css() -> str:
    """The quiz's stylesheet (shared by every quiz on a page)."""
    return (
        ".bd-quiz{font:inherit;max-width:46em}"
        f".bd-quiz fieldset{{border:1px solid {theme.FIELD_FRAME};border-radius:6px;"
        "margin:0 0 1em;padding:.6em 1em}.bd-quiz legend{font-weight:bold;padding:0 .3em}"
        ".bd-quiz .bd-opt{display:flex;gap:.4em;align-items:baseline;padding:.15em 0}"
        ".bd-quiz label{cursor:pointer}"
        f".bd-quiz input:focus-visible+label{{outline:2px solid {theme.ACCENT};outline-offset:2px}}"
        ".bd-quiz .bd-fb{display:none;margin:.4em 0 0;padding:.4em .6em;border-radius:4px}"
        f".bd-quiz .bd-ok{{background:{theme.OK_BACKGROUND};color:{theme.INK};border-left:4px solid {theme.OK}}}"
        f".bd-quiz .bd-no{{background:{theme.WRONG_BACKGROUND};color:{theme.INK};border-left:4px solid {theme.WARN}}}"
        ".bd-quiz .bd-answer{margin:.4em 0 0;font-style:italic}"
        "@media print{.bd-quiz .bd-fb{display:none!important}}"
    )


def quiz_html(region_: str | Region, *, reveal: bool = False, prefix: str = "bd-q") -> str:
    """The region's self-check as an HTML fragment (with its ``<style>``).

    ``reveal`` shows each answer under its question (the instructor's edition). ``prefix`` keeps ids unique
    when several quizzes share a page.
    """
    reg = region(region_)
    parts = [
        f'<style>{quiz_css()}</style><div class="bd-quiz" role="group" '
        f'aria-label="Self-check: {escape(reg.title, quote=True)}">'
    ]
    rules = []
    for q in questions(reg):
        qid = f"{prefix}-{q.key}".replace("_", "-")
        parts.append(f"<fieldset><legend>{escape(q.text)}</legend>")
        for k, opt in enumerate(q.options):
            parts.append(
                f'<div class="bd-opt"><input type="radio" name="{qid}" id="{qid}-{k}" value="{k}">'
                f'<label for="{qid}-{k}">{escape(opt)}</label></div>'
            )
        for k in range(len(q.options)):
            good = k == q.answer
            cls = "bd-ok" if good else "bd-no"
            word = "Right." if good else "Not quite."
            parts.append(f'<p class="bd-fb {cls} {qid}-fb{k}" aria-live="polite">{word} {escape(q.explanation)}</p>')
            rules.append(f"fieldset:has(#{qid}-{k}:checked) .{qid}-fb{k}{{display:block}}")
        if reveal:
            parts.append(f'<p class="bd-answer">Answer: {escape(q.options[q.answer])}</p>')
        parts.append("</fieldset>")
    parts.append(f"<style>{''.join(rules)}</style></div>")
    return "".join(parts)
