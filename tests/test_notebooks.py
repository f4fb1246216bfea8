"""The notebooks: committed clean, navigation current, one template, quotes true to the source, and each runs.

Execution: every notebook runs in order on a fresh kernel (nbclient, 120 s per cell) in a temporary copy, with
``MPLBACKEND`` removed from the environment the kernel inherits (ipykernel picks its inline backend only when it
is unset). A notebook runs once per test session; the tests on its outputs share the result.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from backdata.core.source import source_line
from backdata.publish.editions import _clean

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
EXPECTED = [
    "00-overview.ipynb",
    "01-preliminary.ipynb",
    "02-lower-thoracic.ipynb",
    "03-scapula.ipynb",
    "04-collar.ipynb",
    "05-lumbar.ipynb",
    "06-techniques.ipynb",
    "07-session-planner.ipynb",
    "08-explorer.ipynb",
]
REGION_NOTEBOOKS = {
    "01-preliminary.ipynb": "preliminary",
    "02-lower-thoracic.ipynb": "lower_thoracic",
    "03-scapula.ipynb": "scapula",
    "04-collar.ipynb": "collar",
    "05-lumbar.ipynb": "lumbar",
}
TEMPLATE = ["What you will learn", "Prerequisites", "Summary", "Self-check", "What's next"]
CELL_TIMEOUT = 120


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(f"tools_{name}", ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


make_nav = _tool("make_nav")

PATHS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
per_notebook = pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
per_region = pytest.mark.parametrize("path", [NOTEBOOK_DIR / n for n in REGION_NOTEBOOKS], ids=list(REGION_NOTEBOOKS))


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _own_cells(nb):
    """The notebook's cells without the two that tools/make_nav.py writes."""
    return [c for c in nb.cells if make_nav.marker_of(c) is None]


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


# --- the collection -----------------------------------------------------------------------------------------
def test_collection_is_the_nine_notebooks_in_the_source_order():
    assert [p.name for p in PATHS] == EXPECTED
    assert not (NOTEBOOK_DIR / ".gitkeep").exists()


@per_notebook
def test_valid_nbformat_4_python3(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata.kernelspec.name == "python3"


NBSTRIPOUT = [sys.executable, "-m", "nbstripout", "--keep-id", "--extra-keys", "metadata.language_info.version"]
"""nbstripout as the git filter, the pre-commit hook and the editions run it (README, "Development"): cell ids
kept (``nav-contents`` and friends are names), and the Python version dropped with the run metadata."""


def _nbstripout(*args) -> subprocess.CompletedProcess:
    return subprocess.run([*NBSTRIPOUT, *map(str, args)], capture_output=True, text=True, timeout=120)


def test_committed_clean():
    out = _nbstripout("--verify", *PATHS)
    assert out.returncode == 0, f"not clean (run: nbstripout --keep-id notebooks/*.ipynb):\n{out.stdout}{out.stderr}"


def test_nbstripout_strips_what_a_run_leaves_and_is_idempotent(tmp_path):
    nb = _read(NOTEBOOK_DIR / EXPECTED[1])
    code = next(c for c in nb.cells if c.cell_type == "code")
    code.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    code.execution_count = 3
    code.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00Z"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    dirty = tmp_path / "dirty.ipynb"
    nbformat.write(nb, dirty)
    assert _nbstripout("--verify", dirty).returncode == 1
    assert _nbstripout(dirty).returncode == 0
    after = dirty.read_text()
    assert _nbstripout("--verify", dirty).returncode == 0
    assert _nbstripout(dirty).returncode == 0
    assert dirty.read_text() == after
    clean = _read(dirty)
    assert [c.id for c in clean.cells] == [c.id for c in nb.cells]
    assert clean.metadata.language_info == {"name": "python"} and "widgets" not in clean.metadata
    assert all(
        not c.get("outputs") and c.get("execution_count") is None and "execution" not in c.metadata for c in clean.cells
    )
    # the editions clean with the same keys
    assert nbformat.writes(_clean(nb)) == nbformat.writes(clean)


def test_navigation_is_current():
    assert make_nav.stale() == [], "run: python tools/make_nav.py"
    assert make_nav.main(["--check"]) == 0


def test_navigation_links_previous_and_next():
    for i, path in enumerate(PATHS):
        nb = _read(path)
        assert make_nav.marker_of(nb.cells[1]) == "contents", path.name
        assert make_nav.marker_of(nb.cells[-1]) == "nav", path.name
        nav = nb.cells[-1].source
        links = re.findall(r"\]\(([^)#]+\.ipynb)\)", nav)
        assert links and all((NOTEBOOK_DIR / link).exists() for link in links), path.name
        assert ("[← " in nav) == (i > 0) and ("[Next: " in nav) == (i < len(PATHS) - 1), path.name
        if i > 0:
            assert f"]({PATHS[i - 1].name})" in nav.split("|")[0]
        if i < len(PATHS) - 1:
            assert f"[Next: {PATHS[i + 1].name[:2]} " in nav and f"]({PATHS[i + 1].name})" in nav
    assert "[← 00 Overview](00-overview.ipynb)" in _read(NOTEBOOK_DIR / EXPECTED[1]).cells[-1].source
    assert "[Next: 02 Lower thoracic →](02-lower-thoracic.ipynb)" in _read(NOTEBOOK_DIR / EXPECTED[1]).cells[-1].source


def test_navigation_tool_repairs_and_is_idempotent(tmp_path):
    for name in EXPECTED[:3]:
        shutil.copy(NOTEBOOK_DIR / name, tmp_path / name)
    nb = _read(tmp_path / EXPECTED[1])
    nb.cells = _own_cells(nb)  # navigation removed: stale
    nbformat.write(nb, tmp_path / EXPECTED[1])
    assert make_nav.main(["--check", "--dir", str(tmp_path)]) == 1
    assert make_nav.main(["--dir", str(tmp_path)]) == 0
    assert make_nav.main(["--check", "--dir", str(tmp_path)]) == 0
    first = (tmp_path / EXPECTED[1]).read_text()
    assert make_nav.main(["--dir", str(tmp_path)]) == 0
    assert (tmp_path / EXPECTED[1]).read_text() == first
    # three notebooks only: the third is now the last, with no "Next"
    assert "[Next: " not in _read(tmp_path / EXPECTED[2]).cells[-1].source


# --- the template -----------------------------------------------------------------------------------------
@per_notebook
def test_template_order(path):
    cells = _own_cells(_read(path))
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# "), "title first"
    headings = [
        line[3:].strip()
        for c in cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith("## ")
    ]
    found = [h for h in headings if h in TEMPLATE]
    assert found == TEMPLATE, f"template headings, in order: {headings}"
    prereq = next(c.source for c in cells if c.source.startswith("## Prerequisites"))
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", prereq)
    numbered = [int(h.split(".")[0]) for h in headings if re.match(r"\d+\. ", h)]
    assert numbered and numbered == list(range(1, len(numbered) + 1)), "sections ## 1., ## 2., …"
    learn = next(c.source for c in cells if c.source.startswith("## What you will learn"))
    assert "\n- " in learn, "bullets"


@per_notebook
def test_first_code_cell_is_imports_then_the_notice(path):
    code = _code(_read(path))
    tree = ast.parse(code[0])
    assert tree.body and all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in tree.body), code[0]
    assert code[1] == "nb.notice()"


@per_notebook
def test_code_cells_are_thin(path):
    for source in _code(_read(path)):
        assert len(source.splitlines()) <= 3, source
        for node in ast.walk(ast.parse(source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), source
            assert not isinstance(node, (ast.For, ast.While, ast.If, ast.Try, ast.With)), f"logic in: {source}"


@per_region
def test_region_notebook_shows_everything(path):
    name = REGION_NOTEBOOKS[path.name]
    code = "\n".join(_code(_read(path)))
    for call in (
        f'nb.show_region("{name}")',
        f'nb.show_steps("{name}")',
        f'nb.plan_table("{name}", "hygienic")',
        f'nb.plan_table("{name}", "therapeutic")',
        f'nb.timings("{name}")',
        f'nb.cautions_table("{name}")',
        f'nb.why_lines("{name}")',
        f'region_stepper("{name}")',
        f'nb.self_check("{name}")',
    ):
        assert call in code, call


def test_explorer_notebook_is_one_screen():
    code = _code(_read(NOTEBOOK_DIR / "08-explorer.ipynb"))
    assert "from backdata.interact.explorer import explorer" in code[0]
    assert code[1:] == ["nb.notice()", "explorer()"]


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


QUOTE = re.compile(r'"([^"]{3,})"\s*\((?:source )?line (\d+)\)')


@per_notebook
def test_quotes_are_on_the_lines_they_cite(path):
    text = "\n".join(c.source for c in _read(path).cells if c.cell_type == "markdown")
    for quote, line in QUOTE.findall(text):
        assert _norm(quote) in _norm(source_line(int(line))), f"{quote!r} is not on source line {line}"
    for line in re.findall(r"\((?:source )?lines? (\d+)", text):
        assert 1 <= int(line) <= 140


# --- execution --------------------------------------------------------------------------------------------
_RUNS: dict[str, tuple[nbformat.NotebookNode, float]] = {}


def _execute(path: Path, workdir: Path) -> tuple[nbformat.NotebookNode, float]:
    """The notebook executed on a fresh kernel in a temporary copy, and the seconds it took (cached)."""
    if path.name not in _RUNS:
        from nbclient import NotebookClient

        copy = workdir / path.name
        shutil.copy(path, copy)
        nb = _read(copy)
        client = NotebookClient(
            nb, timeout=CELL_TIMEOUT, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}
        )
        saved = os.environ.pop("MPLBACKEND", None)
        try:
            start = time.perf_counter()
            client.execute()
            _RUNS[path.name] = (nb, time.perf_counter() - start)
        finally:
            if saved is not None:
                os.environ["MPLBACKEND"] = saved
    return _RUNS[path.name]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("notebooks")


def _outputs(nb):
    return [(c, o) for c in nb.cells if c.cell_type == "code" for o in c.outputs]


@per_notebook
def test_runs_without_errors_or_warnings(path, workdir):
    nb, seconds = _execute(path, workdir)
    for cell, out in _outputs(nb):
        assert out.output_type != "error", f"{cell.source!r}: {out.get('ename')}: {out.get('evalue')}"
        assert not (out.output_type == "stream" and out.name == "stderr"), f"{cell.source!r}: {out.text}"
    assert all(
        c.outputs for c in nb.cells if c.cell_type == "code" and not c.source.startswith(("from ", "import "))
    ), "every call displays something"
    print(f"{path.name}: {seconds:.1f} s")


def _has_figure(out) -> bool:
    data = out.get("data", {})
    return "image/png" in data or "image/svg+xml" in data or "<svg" in data.get("text/html", "")


@per_region
def test_region_notebook_shows_a_figure_and_a_table(path, workdir):
    nb, _ = _execute(path, workdir)
    outs = [o for _, o in _outputs(nb)]
    assert any(_has_figure(o) for o in outs), "no figure displayed"
    assert any("<table" in o.get("data", {}).get("text/html", "") for o in outs), "no HTML table displayed"
