"""The house rules of the tree: the layer contract (import-linter), module size, no ``parent.parent`` lookups,
lint (ruff), and what the wheel ships."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "backdata"
MAX_LINES = 500
LAYERS = ["publish", "interact", "views", "method", "core"]


def _tool(name: str) -> str:
    """A console script of the environment running the tests (the venv's, not one found elsewhere on PATH)."""
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -r requirements-dev.txt"
    return found


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def test_import_contract():
    """pyproject.toml [tool.importlinter]: publish > interact > views > method > core, no cycles between
    siblings, and neither the facts nor the method import a drawing or notebook library."""
    out = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_contract_names_every_layer_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")
    assert layers["layers"] == LAYERS
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py") if p.parent.name != "styles")
    assert packages == sorted(LAYERS), "a sub-package of backdata is not a layer of the contract"


def test_no_module_over_500_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for p in _modules(PACKAGE)
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines: split them"


@pytest.mark.parametrize("folder", ["backdata", "bench"])
def test_no_parent_parent_lookups(folder):
    """The package finds its files with importlib.resources; the bench finds the checkout once
    (bench.common.find_repo)."""
    pattern = re.compile(r"\.parent\.parent\b|\.parents\[\d+\]")
    found = [
        f"{p.relative_to(ROOT)}:{i}"
        for p in _modules(ROOT / folder)
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_ruff_check_passes():
    out = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_ruff_format_is_clean():
    out = subprocess.run(
        [_tool("ruff"), "format", "--check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_pre_commit_config_names_the_checks():
    text = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    for hook in ("ruff check", "ruff format", "nbstripout", "lint-imports"):
        assert hook in text, hook
    assert "*.ipynb filter=nbstripout" in (ROOT / ".gitattributes").read_text(encoding="utf-8")


def test_license_and_citation():
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    cff = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    for key in ("cff-version:", "message:", "title:", "authors:", "license: MIT"):
        assert key in cff, key
    note = (PACKAGE / "source" / "README.md").read_text(encoding="utf-8")
    assert "not** covered" in note and "back-massage.txt" in note


def test_every_third_party_import_is_declared():
    """Each library imported in backdata/ is a dependency or in an extra of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {
        re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-")
        for d in [*project["dependencies"], *sum(project["optional-dependencies"].values(), [])]
    }
    distribution = {"IPython": "ipython"}
    imported = set()
    for p in _modules(PACKAGE):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {a.name.partition(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.partition(".")[0])
    # bench: the checkout's harnesses, which `backdata bench` looks for in the current folder (not a dependency)
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m not in ("backdata", "bench")}
    missing = {m for m in third_party if distribution.get(m, m).lower().replace("_", "-") not in declared}
    assert missing == set(), f"imported but not declared in pyproject.toml: {sorted(missing)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # Build from a copy of the sources: setuptools reuses a build/ folder left in the checkout, which can hold
    # modules that no longer exist.
    src = tmp_path_factory.mktemp("src") / "backdata"
    skip = shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__", ".cache", "node_modules")
    shutil.copytree(ROOT, src, ignore=skip)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    (path,) = out.glob("backdata-*.whl")
    with zipfile.ZipFile(path) as whl:
        yield whl


def test_wheel_ships_the_package_its_data_and_nothing_else(wheel):
    names = wheel.namelist()
    assert "backdata/source/back-massage.txt" in names
    assert "backdata/source/README.md" in names
    assert "backdata/method/classical.toml" in names  # the classical method, as data
    styles = {n for n in names if n.startswith("backdata/styles/") and n.endswith(".mplstyle")}
    assert styles == {"backdata/styles/projector.mplstyle", "backdata/styles/print.mplstyle"}
    for layer in LAYERS:
        assert f"backdata/{layer}/__init__.py" in names, layer
    shipped = {n for n in names if n.endswith(".py")}
    in_tree = {str(p.relative_to(ROOT)) for p in _modules(PACKAGE)}
    assert shipped == in_tree, f"in the tree, not in the wheel: {sorted(in_tree - shipped)}"
    assert not [n for n in names if n.startswith(("bench/", "tests/", "tools/", "notebooks/", "deploy/"))]


def test_wheel_declares_the_command(wheel):
    entry = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    text = wheel.read(entry).decode()
    assert "[console_scripts]" in text and "backdata = backdata.publish.cli:main" in text
