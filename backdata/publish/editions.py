"""Instructor and student editions of the notebooks, generated from the one set in ``notebooks/``.

* student: the notebooks as they are (clean, no outputs);
* instructor: the same, with the self-check answers revealed (``self_check(..., reveal=True)``) and a
  "Speaker notes" cell after the title, written from the data (sequence, times and their sources, cautions,
  the source's tensions). Nothing is typed twice: the notes come from :mod:`backdata.publish.slides`.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbstripout import strip_output

from backdata.method.regions import REGIONS
from backdata.publish.files import no_notebooks, replace_dir, write_atomic
from backdata.publish.handout import notebook_paths, notebook_region
from backdata.publish.slides import speaker_notes

__all__ = ["EDITIONS", "build_editions", "instructor_notebook"]

EDITIONS = ("student", "instructor")


STRIP_KEYS = (
    "metadata.signature",
    "metadata.widgets",
    "metadata.language_info.version",
    "cell.metadata.collapsed",
    "cell.metadata.ExecuteTime",
    "cell.metadata.execution",
    "cell.metadata.heading_collapsed",
    "cell.metadata.hidden",
    "cell.metadata.scrolled",
)
"""What running or viewing a notebook leaves in its metadata: nbstripout's own list, and the Python version
(the same keys as the git filter and ``nbstripout --verify`` in the tests; README, "Development")."""


def _clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` without outputs, execution counts and run metadata (nbstripout; the cell ids are kept)."""
    return strip_output(nb, keep_output=False, keep_count=False, keep_id=True, extra_keys=list(STRIP_KEYS))


def instructor_notebook(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """The instructor's copy of a notebook: answers revealed, speaker notes added (a new object)."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source = re.sub(
                r"self_check\(([^()]*)\)", lambda m: f"self_check({m.group(1)}, reveal=True)", cell.source
            )
    name = notebook_region(stem)
    if name is not None:
        reg = REGIONS[name]
        lines = [f"- **Step {i}** — {speaker_notes(name, i)}" for i in range(1, len(reg.steps) + 1)]
        text = "\n".join(
            [
                "## Speaker notes (instructor edition)",
                "",
                speaker_notes(name, 0),
                "",
                *lines,
                "",
                "Cautions to say aloud: " + " ".join(c.text for c in reg.cautions),
            ]
        )
    else:
        text = (
            "## Speaker notes (instructor edition)\n\nThe self-check answers are revealed in this edition; "
            "the students' edition hides them."
        )
    note = nbformat.v4.new_markdown_cell(text)
    note.metadata["tags"] = ["instructor"]
    nb.cells.insert(1, note)
    return nb


def build_editions(out: Path | str = ".", notebooks: Path | str = "notebooks") -> list[Path]:
    """Write ``out/editions/student/`` and ``out/editions/instructor/`` (replaced atomically, with the
    ``.backdata-output`` marker; refuses when ``out/editions`` holds a file backdata did not write)."""
    target = Path(out) / "editions"
    paths = notebook_paths(notebooks)
    if not paths:
        raise no_notebooks(notebooks)
    written = []
    with replace_dir(target) as work:
        for path in paths:
            nb = _clean(nbformat.read(path, as_version=4))
            for edition in EDITIONS:
                copy = instructor_notebook(nb, path.stem) if edition == "instructor" else nb
                dest = work / edition / path.name
                write_atomic(dest, nbformat.writes(_ids(copy, path.stem)) + "\n")
                written.append(Path(edition) / path.name)
    return [target / p for p in written]


def _ids(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Stable cell ids (nbformat 4.5 wants them; random ones would make every build differ)."""
    for k, cell in enumerate(nb.cells):
        cell["id"] = f"{stem[:2]}-{k:03d}"
    return nb
