"""The handouts: offline, interactive without a kernel, valid, small, printable, deterministic, safe."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from backdata import REGIONS
from backdata.publish.handout import CSP, build_handouts, notebook_paths

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PAGES = [p.stem for p in notebook_paths(NOTEBOOKS)]
REGION_PAGES = [p for p in PAGES if any(n.replace("_", "-") in p for n in REGIONS)]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


class _Doc(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.meta: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "meta":
            self.meta.append(a)


def test_one_page_per_notebook_and_an_index(handouts_dir):
    names = {p.name for p in handouts_dir.iterdir()}
    assert {f"{p}.html" for p in PAGES} | {"index.html", "backdata-handouts.pdf", ".backdata-output"} == names
    index = (handouts_dir / "index.html").read_text()
    for p in PAGES:
        assert f'href="{p}.html"' in index
    assert "03-scapula" in PAGES, "named after the notebook"


@pytest.mark.parametrize("page", PAGES + ["index"])
def test_page_is_offline_safe_and_carries_the_notice(handouts_dir, page):
    text = (handouts_dir / f"{page}.html").read_text()
    doc = _Doc()
    doc.feed(text)
    assert text.startswith("<!DOCTYPE html>")
    csp = [m for m in doc.meta if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == CSP and "default-src 'none'" in CSP
    assert "script" not in doc.tags, "no script at all"
    assert not re.search(r'(?:src|href)="(?:https?:)?//', text), "no remote reference"
    assert "@import" not in text and "url(http" not in text
    assert len(doc.ids) == len(set(doc.ids)), "ids unique per page"
    assert "not medical advice" in text
    assert "<?xml" not in text and "<!DOCTYPE svg" not in text and "<metadata" not in text


@pytest.mark.parametrize("page", REGION_PAGES)
def test_region_pages_are_small(handouts_dir, page):
    size = (handouts_dir / f"{page}.html").stat().st_size
    assert size < 400_000, f"{page}: {size} bytes"


@pytest.mark.parametrize("page", REGION_PAGES)
def test_region_page_has_every_view_as_a_control(handouts_dir, page):
    text = (handouts_dir / f"{page}.html").read_text()
    reg = next(r for n, r in REGIONS.items() if n.replace("_", "-") in page)
    steps = re.findall(r'<input type="radio" name="(v\d+)-' + reg.name + r'-s"', text)
    assert len(steps) == len(reg.steps) + 1
    assert len(re.findall(r'name="v\d+-m"', text)) == 2
    assert text.count(f'id="bd-{reg.name.replace("_", "-")}-base"') == 1, "the drawing once, views by <use>"
    for i in range(len(reg.steps) + 1):
        assert f"bd-alt-{reg.name}-hygienic-{i}" in text, "alt text for every view"


def test_text_from_the_data_is_escaped():
    from backdata.interact.explorer import plan_html

    evil = dataclasses.replace(REGIONS["lumbar"], title='<img src=x onerror="alert(1)">')
    html = plan_html(evil, "hygienic", 1)
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize("page", PAGES + ["index"])
def test_every_in_page_link_resolves(handouts_dir, page):
    """Every ``href="#..."`` (the notebooks' "In this notebook" contents, the drawings' ``<use>``) points at an
    element of the same page (a browser matches the fragment as written, then percent-decoded)."""
    from html import unescape
    from urllib.parse import unquote

    text = (handouts_dir / f"{page}.html").read_text()
    doc = _Doc()
    doc.feed(text)
    ids = set(doc.ids)
    links = [unescape(h) for h in re.findall(r'href="#([^"]*)"', text)]
    dead = sorted({h for h in links if h not in ids and unquote(h) not in ids})
    assert not dead, f"{page}: {len(dead)} dead in-page links: {dead[:5]}"
    if page != "index":
        assert re.search(r'<h2 id="[^"]+"', text) and any(not h.startswith("bd-") for h in links), (
            "the contents links are there and resolve"
        )


def test_builds_are_byte_identical(handouts_dir, tmp_path):
    build_handouts(tmp_path, NOTEBOOKS)
    for p in PAGES + ["index"]:
        a = (handouts_dir / f"{p}.html").read_bytes()
        b = (tmp_path / "handouts" / f"{p}.html").read_bytes()
        assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest(), p


def test_failed_build_leaves_previous_handouts(tmp_path, monkeypatch):
    from backdata.publish import handout
    from backdata.publish.files import write_marker

    old = tmp_path / "handouts"
    old.mkdir()
    (old / "index.html").write_text("previous build")
    write_marker(old)  # a previous build: backdata replaces only a folder it marked as its own
    calls = []

    def failing(path, timeout=180):
        calls.append(path)
        raise RuntimeError(f"kernel died in {path.name}")

    monkeypatch.setattr(handout, "execute_notebook", failing)
    with pytest.raises(RuntimeError, match="kernel died"):
        build_handouts(tmp_path, NOTEBOOKS)
    assert calls and sorted(p.name for p in old.iterdir()) == [".backdata-output", "index.html"]
    assert (old / "index.html").read_text() == "previous build"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".handouts")]


def test_html5_is_valid_by_the_nu_checker(handouts_dir):
    jar = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert jar.exists(), "the Nu checker is missing: npm install --prefix .cache/vnu vnu-jar (.ci/run does)"
    assert shutil.which("java"), "java is missing (Debian: default-jre-headless; .ci/run installs it)"
    files = sorted(str(p) for p in handouts_dir.glob("*.html"))
    run = subprocess.run(
        ["java", "-jar", str(jar), "--errors-only", *files], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr[:3000]


def test_pdf_has_a_page_per_region_and_every_title(handouts_dir):
    pdf = handouts_dir / "backdata-handouts.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages == len(REGIONS), f"one A4 page per region: {info}"
    assert "A4" in info or re.search(r"Page size:\s+59[45]", info), info
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for reg in REGIONS.values():
        assert reg.title in text, reg.title
    assert not re.search(r"lines\s+1 stroking", text) and not re.search(r"hygienic\s+therapeutic\s+Step", text), (
        "no controls in print"
    )


# --- In the browser, with the network cut off ----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing (Debian: apt-get install chromium; .ci/run does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH)
        yield b
        b.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    folder = path.parent.resolve().as_uri() + "/"

    def guard(route):
        url = route.request.url
        requests.append(url)
        if url.startswith(folder) or url.startswith("data:"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", guard)
    page.goto(path.resolve().as_uri())
    return page, requests, folder


@pytest.mark.parametrize("name", PAGES + ["index"])
def test_page_requests_nothing_outside_its_folder(handouts_dir, browser, name):
    page, requests, folder = _open(browser, handouts_dir / f"{name}.html")
    page.wait_for_load_state("load")
    outside = [u for u in requests if not (u.startswith(folder) or u.startswith("data:"))]
    assert not outside, outside
    page.close()


def _figure_shot(page, form) -> str:
    return hashlib.sha256(form.locator(".bd-r:visible .bd-fig").first.screenshot()).hexdigest()


@pytest.mark.parametrize("name", [p for p in PAGES if p in REGION_PAGES or "explorer" in p])
def test_every_control_changes_the_view(handouts_dir, browser, name):
    page, _, _ = _open(browser, handouts_dir / f"{name}.html")
    forms = page.locator("form.bd-view")
    assert forms.count() >= 1
    form = forms.first
    labels = form.locator("fieldset:visible label")
    seen = {_figure_shot(page, form)}
    clicked = 0
    for k in range(labels.count()):
        label = labels.nth(k)
        if not label.is_visible():
            continue
        radio = form.locator(f"#{label.get_attribute('for')}")
        if radio.is_checked():
            continue
        before = _figure_shot(page, form)
        label.click()
        assert radio.is_checked()
        after = _figure_shot(page, form)
        assert after != before, f"{name}: clicking {label.inner_text()!r} did not change the figure"
        seen.add(after)
        clicked += 1
    assert clicked >= 3 and len(seen) >= 3
    page.close()


def test_controls_work_from_the_keyboard(handouts_dir, browser):
    page, _, _ = _open(browser, handouts_dir / "05-lumbar.html")
    form = page.locator("form.bd-view").first
    step = form.locator("input[name$='-lumbar-s']:checked")
    first = step.get_attribute("id")
    step.focus()
    page.keyboard.press("ArrowRight")
    now = form.locator("input[name$='-lumbar-s']:checked").get_attribute("id")
    assert now != first
    page.close()


def test_self_check_answers_in_the_page(handouts_dir, browser):
    from backdata.interact.quiz import questions

    page, _, _ = _open(browser, handouts_dir / "05-lumbar.html")
    q = questions("lumbar")[0]
    fieldset = page.locator(".bd-quiz fieldset").first
    assert not fieldset.locator(".bd-fb:visible").count()
    fieldset.locator("label", has_text=q.options[q.answer]).click()
    assert fieldset.locator(".bd-ok:visible").count() == 1
    wrong = next(o for i, o in enumerate(q.options) if i != q.answer)
    fieldset.locator("label", has_text=wrong).first.click()
    assert fieldset.locator(".bd-no:visible").count() == 1 and not fieldset.locator(".bd-ok:visible").count()
    page.close()


@pytest.mark.parametrize("name", PAGES + ["index"])
def test_accessibility_no_serious_violations(handouts_dir, browser, name):
    from axe_playwright_python.sync_playwright import Axe

    page, _, _ = _open(browser, handouts_dir / f"{name}.html")
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not bad, [(v["id"], v["help"], len(v["nodes"])) for v in bad]
    page.close()
