"""Strip what running a notebook leaves behind, so notebooks are committed clean.

    python tools/clean_notebooks.py            # clean every notebooks/*.ipynb in place
    python tools/clean_notebooks.py a.ipynb    # ... or the files given
    python tools/clean_notebooks.py --check    # exit 1 and list the notebooks that are not clean

Cleaning removes every code cell's outputs and execution count, the widget state (notebook metadata
``widgets``), the per-cell run records (cell metadata ``execution``, ``ExecuteTime``, ``scrolled``) and the
Python version in ``language_info`` (it changes with the machine that ran the notebook). Sources, cell ids and
the rest of the metadata are kept. A clean notebook is left untouched (idempotent: no rewrite, no diff).

:func:`problems` is what the tests use: the list of what is not clean in one notebook.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
CELL_METADATA_KEYS = ("execution", "ExecuteTime", "scrolled")
"""Cell metadata written by running or viewing a notebook, not by its author."""


def notebook_paths(directory: Path = NOTEBOOK_DIR) -> list[Path]:
    """The collection's notebooks, in file-name order."""
    return sorted(directory.glob("*.ipynb"))


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """What is not clean in ``nb``, one sentence each (``[]`` when it is clean)."""
    out = []
    if "widgets" in nb.metadata:
        out.append("notebook metadata holds widget state ('widgets')")
    if "version" in nb.metadata.get("language_info", {}):
        out.append("notebook metadata holds the Python version (language_info.version)")
    for i, cell in enumerate(nb.cells):
        where = f"cell {i} ({cell.get('id', '?')})"
        if cell.cell_type == "code":
            if cell.get("outputs"):
                out.append(f"{where} has outputs")
            if cell.get("execution_count") is not None:
                out.append(f"{where} has an execution count")
        for key in CELL_METADATA_KEYS:
            if key in cell.get("metadata", {}):
                out.append(f"{where} has run metadata {key!r}")
    return out


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` cleaned in place (and returned)."""
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        for key in CELL_METADATA_KEYS:
            cell.get("metadata", {}).pop(key, None)
    return nb


def clean_file(path: Path) -> bool:
    """Clean one notebook file in place; ``True`` if it was rewritten."""
    nb = nbformat.read(path, as_version=4)
    if not problems(nb):
        return False
    nbformat.write(clean(nb), path)
    return True


def check_files(paths: list[Path]) -> dict[Path, list[str]]:
    """Each notebook that is not clean, with its problems."""
    found = {}
    for path in paths:
        if issues := problems(nbformat.read(path, as_version=4)):
            found[path] = issues
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a notebook is not clean")
    args = parser.parse_args(argv)
    paths = args.paths or notebook_paths()
    if args.check:
        found = check_files(paths)
        for path, issues in found.items():
            print(f"{path}: not clean: {'; '.join(issues)}")
        if found:
            print(f"run: python {Path(__file__).resolve().relative_to(ROOT)}", file=sys.stderr)
        return 1 if found else 0
    for path in paths:
        if clean_file(path):
            print(f"cleaned {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
