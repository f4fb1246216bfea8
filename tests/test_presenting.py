"""Presenting in class: the slides (offline, arrow keys), the two editions, the Binder files."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from backdata import REGIONS
from backdata.publish.editions import build_editions
from backdata.publish.handout import notebook_paths
from backdata.publish.slides import SLIDES_CSP, build_slides, speaker_notes

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
N_SLIDES = 1 + sum(len(r.steps) + 1 for r in REGIONS.values())


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    return build_slides(tmp_path_factory.mktemp("slides"))[0]


def test_one_slide_per_step_of_each_region(deck):
    text = deck.read_text()
    assert text.count('<section class="slide') == N_SLIDES
    assert f'content="{SLIDES_CSP}"' in text and "default-src 'none'" in SLIDES_CSP
    assert not re.search(r'(?:src|href)="(?:https?:)?//', text)
    for name in REGIONS:
        assert text.count(f'id="bd-{name.replace("_", "-")}-base"') == 1, "each region drawn once"


def test_speaker_notes_come_from_the_data():
    assert "source line 81" in speaker_notes("collar", 4) and "7–12 min" in speaker_notes("collar", 4)
    assert "Caution" in speaker_notes("collar", 5) and "6th cervical" in speaker_notes("collar", 5)


def test_slides_move_with_arrow_keys_offline(deck):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing (.ci/run installs it)"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        outside = []
        folder = deck.parent.resolve().as_uri()

        def guard(route):
            if not route.request.url.startswith(folder):
                outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        page.route("**/*", guard)
        page.goto(deck.resolve().as_uri())
        assert page.locator("#count").inner_text() == f"1 / {N_SLIDES}"
        assert page.locator(".slide:visible").count() == 1
        shots = []
        for _ in range(3):
            page.keyboard.press("ArrowRight")
            shots.append(hashlib.sha256(page.screenshot()).hexdigest())
        assert page.locator("#count").inner_text() == f"4 / {N_SLIDES}" and page.evaluate("location.hash") == "#4"
        assert len(set(shots)) == 3, "every slide looks different"
        page.keyboard.press("m")
        assert "therapeutic" in page.locator(".slide.current .v-therapeutic").inner_html()
        assert page.locator(".slide.current .v-therapeutic").is_visible()
        page.keyboard.press("ArrowLeft")
        assert page.locator("#count").inner_text() == f"3 / {N_SLIDES}"
        page.keyboard.press("End")
        assert page.locator("#count").inner_text() == f"{N_SLIDES} / {N_SLIDES}"
        assert not page.locator(".slide.current .notes").is_visible()
        page.keyboard.press("n")
        assert page.locator(".slide.current .notes").is_visible()
        assert not outside, outside
        browser.close()


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ed")
    build_editions(out, ROOT / "notebooks")
    return out / "editions"


def test_two_editions_of_every_notebook(editions):
    stems = [p.name for p in notebook_paths(ROOT / "notebooks")]
    for ed in ("student", "instructor"):
        assert sorted(p.name for p in (editions / ed).glob("*.ipynb")) == stems


def test_instructor_edition_reveals_answers_and_has_notes(editions):
    inst = nbformat.read(editions / "instructor" / "05-lumbar.ipynb", as_version=4)
    stud = nbformat.read(editions / "student" / "05-lumbar.ipynb", as_version=4)
    nbformat.validate(inst)
    src_i = "\n".join(c.source for c in inst.cells)
    src_s = "\n".join(c.source for c in stud.cells)
    assert "reveal=True" in src_i and "reveal=True" not in src_s
    assert "Speaker notes" in src_i and "Speaker notes" not in src_s
    assert "source line 97" in src_i and "source line 101" in src_i
    for nb in (inst, stud):
        assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_editions_are_reproducible(editions, tmp_path):
    build_editions(tmp_path, ROOT / "notebooks")
    for p in (editions / "instructor").glob("*.ipynb"):
        assert p.read_bytes() == (tmp_path / "editions" / "instructor" / p.name).read_bytes()


def test_binder_reads_the_root_files():
    """repo2docker installs requirements.txt, runs postBuild (the package), and picks runtime.txt."""
    assert (ROOT / "requirements.txt").exists()
    post = (ROOT / "postBuild").read_text()
    assert "pip install" in post and "-e ." in post and (ROOT / "postBuild").stat().st_mode & 0o111
    assert re.fullmatch(r"python-3\.\d+\n", (ROOT / "runtime.txt").read_text())
    readme = (ROOT / "README.md").read_text()
    assert "mybinder.org/badge_logo.svg" in readme


def test_notebook_json_is_plain(editions):
    raw = json.loads((editions / "student" / "08-explorer.ipynb").read_text())
    assert raw["nbformat"] == 4 and "widgets" not in raw["metadata"]
