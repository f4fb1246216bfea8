"""``python -m backdata figures``: the files, their determinism, the committed hero figures, atomic writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from backdata import REGIONS, Mode
from backdata.publish import figures as figs
from backdata.publish.files import write_marker

ROOT = Path(__file__).resolve().parents[1]
HERO = ("overview.svg", "overview.png", "techniques.svg", "techniques.png")
MUSCLES = ("muscles.svg", "muscles.png", "muscles-female.svg", "muscles-female.png")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("figs")
    subprocess.run(
        [sys.executable, "-m", "backdata", "figures", "--out", str(out)], check=True, cwd=ROOT, capture_output=True
    )
    return out / "figures"


def test_one_svg_and_png_per_region_mode_step(built):
    names = {p.name for p in built.iterdir()}
    expected = {*HERO, *MUSCLES, ".backdata-output"}
    for reg in REGIONS.values():
        for mode in Mode:
            for step in range(len(reg.steps) + 1):
                title = "lines" if step == 0 else reg.steps[step - 1].title
                base = figs.figure_name(reg.name, mode.value, step, title)
                expected |= {f"{base}.svg", f"{base}.png"}
    assert names == expected
    assert "lumbar-therapeutic-04-kneading.png" in names


def test_files_are_real_images_without_dates(built):
    png = (built / "lumbar-hygienic-04-kneading.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (built / "lumbar-hygienic-04-kneading.svg").read_text()
    assert "<svg" in svg and "<dc:date>" not in svg
    assert "kneading" in svg, "text stays text (svg.fonttype none)"


def test_rebuild_is_byte_identical(built, tmp_path):
    """Two runs in different processes (different hash seeds) give the same bytes."""
    for name, data in figs.iter_figures():
        if name.startswith(("overview", "collar-hygienic-05", "lumbar-therapeutic-04")):
            assert data == (built / name).read_bytes(), name


@pytest.mark.parametrize("name", (*HERO, ".backdata-output"))
def test_committed_hero_figures_are_current(built, name):
    """figures/ holds the hero figures shown in the README and the marker (so a build in a fresh clone may
    replace figures/): they must match a fresh build."""
    committed = ROOT / "figures" / name
    assert committed.exists(), f"figures/{name} is not committed: run python -m backdata figures"
    assert committed.read_bytes() == (built / name).read_bytes(), f"figures/{name} is stale: rebuild figures"


def test_failed_build_leaves_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "figures"
    out.mkdir()
    (out / "old.png").write_bytes(b"previous")
    write_marker(out)

    def broken(*args, **kwargs):
        yield "first.svg", b"<svg/>"
        raise RuntimeError("drawing failed half way")

    monkeypatch.setattr(figs, "iter_figures", broken)
    with pytest.raises(RuntimeError):
        figs.build_figures(out)
    assert sorted(p.name for p in out.iterdir()) == [".backdata-output", "old.png"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".figures")], "no temporary folder left"
