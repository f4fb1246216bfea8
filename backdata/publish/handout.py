"""Handouts: the executed notebooks as offline HTML pages in the collection's own template.

Each page is one self-contained file: no script, no request beyond itself (a Content-Security-Policy forbids
any), styles inline. Code cells are hidden; what the cells show is rendered by :mod:`backdata.publish.blocks`
(views as native controls with no kernel, sanitised outputs). A print stylesheet gives A4 pages without
controls; ``--pdf`` adds the region sheets of :mod:`backdata.publish.sheet`.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from backdata.core.errors import BackdataError
from backdata.method.current import current
from backdata.method.regions import REGIONS
from backdata.publish.blocks import cell_markdown, cell_output
from backdata.publish.files import no_notebooks, replace_dir, write_atomic
from backdata.publish.page import PAGE_CSS, Page
from backdata.publish.sheet import print_pdf

__all__ = ["CSP", "build_handouts", "execute_notebook", "notebook_paths", "notebook_region", "render_page"]

CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src 'none'; script-src 'none'; "
    "connect-src 'none'; form-action 'none'; base-uri 'none'"
)
"""The pages load nothing: images are inline data, styles inline, and there is no script."""


def notebook_paths(folder: Path | str = "notebooks") -> list[Path]:
    """The collection's notebooks in order (numbered names)."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def notebook_region(stem: str) -> str | None:
    """The region a notebook is about, from its file name (``02-lower-thoracic`` → ``lower_thoracic``)."""
    return next((n for n in REGIONS if n.replace("_", "-") in stem), None)


def execute_notebook(path: Path, timeout: int = 180) -> nbformat.NotebookNode:
    """Run a notebook on a fresh kernel in its folder (inline backend: ``MPLBACKEND`` is removed); raises
    :class:`~backdata.core.errors.BackdataError` naming the notebook and the cell (number, first line) on the first
    error."""
    nb = nbformat.read(path, as_version=4)
    at: dict = {}

    def started(cell, cell_index, **_):
        at.update(cell=cell, index=cell_index)

    saved = os.environ.pop("MPLBACKEND", None)
    try:
        NotebookClient(
            nb,
            timeout=timeout,
            kernel_name="python3",
            on_cell_start=started,
            resources={"metadata": {"path": str(Path(path).parent)}},
        ).execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
        # One line naming the notebook and the cell, without the traceback's ANSI colours (--debug shows it).
        def plain(text: str) -> str:
            lines = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text or "").strip().splitlines()
            return lines[0] if lines else ""

        if isinstance(e, CellExecutionError):
            what = plain(e.ename) + (f": {plain(e.evalue)}" if plain(e.evalue) else "")
        else:
            what = f"timed out after {timeout} s" if isinstance(e, CellTimeoutError) else "the kernel died"
        cell = at.get("cell")
        where = "a cell"
        if cell is not None:
            first = next((ln.strip() for ln in cell.source.splitlines() if ln.strip()), "")
            where = f"cell {at['index'] + 1} ({first[:60]!r})"
        raise BackdataError(f"notebook {path} failed in {where}: {what}; fix the cell and build again") from e
    finally:
        if saved is not None:
            os.environ["MPLBACKEND"] = saved
    return nb


# --- Pages ----------------------------------------------------------------------------------------------------


def _title(nb: nbformat.NotebookNode, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, flags=re.M)
            if m:
                return re.sub(r"[*_`]", "", m.group(1)).strip()
    return fallback


def render_page(nb: nbformat.NotebookNode, name: str, *, region_page: bool = False) -> str:
    """One handout page (an HTML5 document) from an executed notebook."""
    page = Page()
    body = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            body.append(cell_markdown(cell.source))
        elif cell.cell_type == "code":
            body += [cell_output(o, page) for o in cell.get("outputs", [])]
    title = _title(nb, name)
    styles = PAGE_CSS + "".join(dict.fromkeys(page.styles))
    cls = ' class="bd-region-page"' if region_page else ""
    body.insert(0, "".join(sp.defs for sp in page.sprites.values()))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · backdata</title><style>{styles}</style></head>"
        f"<body><main{cls}>{''.join(body)}"
        f'<footer><p>{html.escape(current().notice)}</p><p>backdata handout · <a href="index.html">all handouts</a>'
        "</p></footer></main></body></html>\n"
    )


def _index(pages: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{html.escape(f)}">{html.escape(t)}</a></li>' for f, t in pages)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>backdata handouts</title><style>{PAGE_CSS}</style></head><body><main>"
        "<h1>Back massage: handouts</h1>"
        f'<div class="bd-notice" role="note"><strong>Notice.</strong> {html.escape(current().notice)}</div>'
        f"<ol>{items}</ol><footer><p>Open any page from disk: no network, no Python needed.</p></footer>"
        "</main></body></html>\n"
    )


def build_handouts(
    out: Path | str = ".",
    notebooks: Path | str = "notebooks",
    *,
    pdf: bool = False,
    executed: dict[str, nbformat.NotebookNode] | None = None,
) -> list[Path]:
    """Execute the notebooks and write ``out/handouts/``: one page per notebook and ``index.html``
    (and ``backdata-handouts.pdf`` with ``pdf``). Built aside and swapped in: a failure leaves the previous
    handouts untouched."""
    out = Path(out)
    target = out / "handouts"
    paths = notebook_paths(notebooks)
    if not paths:
        raise no_notebooks(notebooks)
    written = []
    with replace_dir(target) as work:
        pages = []
        for path in paths:
            nb = (executed or {}).get(path.stem) or execute_notebook(path)
            region_page = notebook_region(path.stem) is not None
            page = render_page(nb, path.stem, region_page=region_page)
            write_atomic(work / f"{path.stem}.html", page)
            pages.append((f"{path.stem}.html", _title(nb, path.stem)))
        write_atomic(work / "index.html", _index(pages))
        if pdf:
            print_pdf(work / "backdata-handouts.pdf")
        written = sorted(p.name for p in work.iterdir())
    return [target / n for n in written]
