"""``backdata build --method FILE`` (issue 13): a method file builds the whole collection for that method.

Each build executes the collection's nine notebooks (about a minute): the two variant methods of
``tests/methods`` and the round trip of the classical method; a broken file is refused before any work.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from backdata.method.current import current
from backdata.method.files import load_method
from backdata.publish.cli import main
from backdata.publish.method_notebooks import CLASSICAL_TAG, region_notebook, without_classical

ROOT = Path(__file__).resolve().parents[1]
METHODS = ROOT / "tests" / "methods"
NOTEBOOKS = ROOT / "notebooks"


def _build(method: Path, out: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["build", "--method", str(method), "--out", str(out)]) == 0
    assert current() == load_method(ROOT / "backdata" / "method" / "classical.toml"), "the method is restored"


def _text(page: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def durations(tmp_path_factory):
    out = tmp_path_factory.mktemp("durations")
    with pytest.MonkeyPatch.context() as mp:
        _build(METHODS / "durations.toml", out, mp)
    return out


@pytest.fixture(scope="module")
def new_region(tmp_path_factory):
    out = tmp_path_factory.mktemp("new-region")
    with pytest.MonkeyPatch.context() as mp:
        _build(METHODS / "new-region.toml", out, mp)
    return out


def test_durations_handouts_show_its_title_and_minutes(durations):
    handouts = durations / "handouts"
    index = _text(handouts / "index.html")
    assert "Lower back and sacrum" in index and "Lumbar and sacral region" not in index
    lumbar = _text(handouts / "05-lumbar.html")
    assert "Lower back and sacrum" in lumbar
    assert "6–8" in lumbar, "the lumbar region's own hygienic minutes (6–8)"
    assert "our school gives the lower back 6-8 min" in lumbar, "the plan cites the method's own reference"
    collar = _text(handouts / "04-collar.html")
    assert "5–8" in collar, "the collar's kneading minutes of the method (5–8)"
    for part in ("slides/index.html", "editions/student/05-lumbar.ipynb", "figures"):
        assert (durations / part).exists()


def test_durations_overview_leaves_out_classical_prose(durations):
    overview = _text(durations / "handouts" / "00-overview.html")
    assert "The method in the source's order" in overview, "a classical cell keeps its heading"
    assert "lasting 5-6 minutes, and then a detailed study" not in overview


def test_new_region_handouts(new_region):
    handouts = new_region / "handouts"
    names = sorted(p.name for p in handouts.glob("*.html"))
    assert "05-buttocks.html" in names and not any("scapula" in n for n in names)
    method = load_method(METHODS / "new-region.toml")
    buttocks = next(r for r in method.regions if r.name == "buttocks")
    assert buttocks.title in _text(handouts / "index.html")
    page = _text(handouts / "05-buttocks.html")
    assert buttocks.title in page
    for step in buttocks.steps:
        assert (step.label or step.technique.value) in page
    student = {p.name for p in (new_region / "editions" / "student").iterdir()}
    assert "05-buttocks.ipynb" in student and not any("scapula" in n for n in student)


def test_broken_method_is_refused_before_any_work(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    broken = sorted((METHODS / "broken").glob("*.toml"))
    assert broken
    out = tmp_path / "out"
    assert main(["build", "--method", str(broken[0]), "--out", str(out)]) == 1
    printed = capsys.readouterr()
    assert re.search(rf"{re.escape(str(broken[0]))}:\d+: ", printed.out), printed.out
    assert "nothing was built" in printed.err
    assert not out.exists()


def test_round_trip_gives_the_default_handouts(tmp_path, handouts_dir, monkeypatch):
    monkeypatch.chdir(ROOT)
    method = tmp_path / "mine.toml"
    assert main(["method", "init", str(method)]) == 0
    out = tmp_path / "out"
    _build(method, out, monkeypatch)
    built = sorted(p.name for p in (out / "handouts").glob("*.html"))
    assert built == sorted(p.name for p in handouts_dir.glob("*.html"))
    for name in built:
        assert (out / "handouts" / name).read_bytes() == (handouts_dir / name).read_bytes(), name


def test_notebooks_for_another_method(tmp_path):
    nb = nbformat.read(NOTEBOOKS / "00-overview.ipynb", as_version=4)
    tagged = [c for c in nb.cells if CLASSICAL_TAG in c.metadata.get("tags", [])]
    assert tagged
    kept = without_classical(nb)
    assert not any(c.get("id", "").startswith("nav") for c in kept.cells)
    for c in kept.cells:
        if CLASSICAL_TAG in c.metadata.get("tags", []):
            assert all(line.startswith("#") for line in c.source.split("\n\n"))
    method = load_method(METHODS / "new-region.toml")
    reg = next(r for r in method.regions if r.name == "buttocks")
    gen = region_notebook(reg, 5)
    code = "\n".join(c.source for c in gen.cells if c.cell_type == "code")
    for call in ("nb.show_region('buttocks')", "nb.plan_table('buttocks', 'therapeutic')", "region_stepper("):
        assert call in code
    shutil.rmtree(tmp_path, ignore_errors=True)
