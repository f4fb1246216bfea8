"""The notebooks for a method other than the classical one (``backdata build --method FILE``).

For the classical method the shipped notebooks are used as they are. For another method:

* the region notebooks of the shipped collection (one per classical region) are replaced by notebooks generated
  from the method's data, one per region in the method's text order: title, summary and "what you will learn"
  from the data, then the same calls the shipped region notebooks make (:func:`region_notebook`);
* the other notebooks (overview, techniques, session planner, explorer) are copied without the prose of their
  cells tagged ``classical`` (prose that states the classical method's numbers): such a cell keeps only its
  headings (:func:`without_classical`); the generated navigation cells are left out too (their links name the
  classical regions' notebooks);
* the notebooks are numbered again: ``00`` the overview, then the regions, then the others in their order.

They are written into a folder the build executes (:func:`method_notebooks`), never into ``notebooks/``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from backdata.core.method_type import Method
from backdata.core.model import Mode, Region
from backdata.publish.files import write_atomic

__all__ = ["CLASSICAL_TAG", "method_notebooks", "region_notebook", "without_classical"]

CLASSICAL_TAG = "classical"
"""The cell tag that marks prose stating the classical method's numbers (left out for another method)."""

_NAV_IDS = ("nav-contents", "nav-footer")


def _is_region_notebook(stem: str, classical: Method) -> bool:
    return any(r.name.replace("_", "-") in stem for r in classical.regions)


def without_classical(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without the navigation cells, the code cells tagged ``classical`` (examples that name
    classical regions) and the prose of the markdown cells tagged ``classical`` (their headings stay, so the
    sections and their code cells keep their titles)."""
    nb = nbformat.from_dict(nb)
    cells = []
    for cell in nb.cells:
        if cell.get("id") in _NAV_IDS:
            continue
        if CLASSICAL_TAG in cell.get("metadata", {}).get("tags", []):
            if cell.cell_type == "code":  # an example on the classical regions (e.g. preliminary + lumbar)
                continue
            heads = [ln for ln in cell.source.splitlines() if re.match(r"#{1,6}\s", ln)]
            if not heads:
                continue
            cell.source = "\n\n".join(heads)
        cells.append(cell)
    nb.cells = cells
    return nb


def _minutes(reg: Region) -> str:
    parts = []
    for mode in Mode:
        d = reg.total.get(mode)
        if d is not None and d.minutes.known:
            parts.append(f"{mode.value} {d.minutes}")
    return "; ".join(parts)


def region_notebook(reg: Region, number: int) -> nbformat.NotebookNode:
    """The notebook of one region of a method, from its data, with the calls of the shipped region notebooks."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    name = repr(reg.name)
    steps = [f"{i}. {s.label or s.technique.value}" for i, s in enumerate(reg.steps, 1)]
    learn = [
        f"- where the region lies: {reg.extent[0]} to {reg.extent[1]}",
        f"- its {len(reg.steps)} steps: " + ", ".join(steps),
        f"- how long it takes: {_minutes(reg) or 'no time given'}",
        "- its cautions: " + "; ".join(c.label for c in reg.cautions)
        if reg.cautions
        else "- that it has no cautions of its own",
    ]
    intro = reg.summary or reg.purpose
    cells = [
        md(f"# {reg.title}\n\n{intro}"),
        md("## What you will learn\n\n" + "\n".join(learn)),
        code("from backdata.interact import notebook as nb\nfrom backdata.interact.explorer import region_stepper"),
        code("nb.notice()"),
        md(f"## 1. The region on the back\n\n{reg.purpose}"),
        code(f"nb.show_region({name})"),
        md("## 2. Step by step"),
        code(f"nb.show_steps({name})"),
        md(
            "## 3. The plan, hygienic and therapeutic\n\nOne row per step; the caption gives the region's time "
            "and its source. Minutes the method does not give are an even share of the region's total, marked "
            "editorial."
        ),
        *(code(f"nb.plan_table({name}, {m.value!r})") for m in Mode),
        md("## 4. How long it takes"),
        code(f"nb.timings({name})"),
        md("## 5. Cautions"),
        code(f"nb.cautions_table({name})"),
        md("## 6. Why the lines run where they do"),
        code(f"nb.why_lines({name})"),
        md("## 7. Step through it yourself"),
        code(f"region_stepper({name})"),
        md("## Self-check\n\nQuestions written from the region's data."),
        code(f"nb.self_check({name})"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"{number:02d}-{k:03d}"
    return nb


def method_notebooks(method: Method, notebooks: Path | str, work: Path | str) -> Path:
    """The notebooks folder to build for ``method``: ``notebooks`` itself for the classical method, else
    ``work`` filled with the generated region notebooks and the filtered others (see the module)."""
    from backdata.method.files.classical import classical_method
    from backdata.publish.handout import notebook_paths

    classical = classical_method()
    if method == classical:
        return Path(notebooks)
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    paths = notebook_paths(notebooks)
    regions = {r.name: r for r in method.regions}
    order = [n for n in method.text_order if n in regions] + [n for n in regions if n not in method.text_order]
    others = [p for p in paths if not _is_region_notebook(p.stem, classical)]
    first, rest = others[:1], others[1:]
    number = 0
    for path in first:
        nb = without_classical(nbformat.read(path, as_version=4))
        write_atomic(work / f"{number:02d}-{path.stem[3:]}.ipynb", nbformat.writes(nb) + "\n")
        number += 1
    for name in order:
        nb = region_notebook(regions[name], number)
        write_atomic(work / f"{number:02d}-{name.replace('_', '-')}.ipynb", nbformat.writes(nb) + "\n")
        number += 1
    for path in rest:
        nb = without_classical(nbformat.read(path, as_version=4))
        write_atomic(work / f"{number:02d}-{path.stem[3:]}.ipynb", nbformat.writes(nb) + "\n")
        number += 1
    return work
