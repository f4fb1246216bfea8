"""Helpers and fixtures for the real-client tests (``tests/test_lab.py``, ``tests/test_voila.py``); not a test module.

The server / browser machinery lives in :mod:`bench.lab` (shared with ``measure_lab_update``); this
file only adapts it to pytest. The test modules import the fixtures they use from here::

    from browser import chromium_page, lab_server, sandbox  # noqa: F401  (pytest fixtures)

No skips: a missing Chromium, playwright or explorer notebook fails the test with a message that says what
is missing (CI installs Chromium, see ``.ci/run``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.lab import (
    CHROMIUM,
    EXPLORER_NOTEBOOK,
    NOTEBOOKS,
    REPO,
    BenchError,
    explorer_click,
    explorer_region_label,
    explorer_select_region,
    explorer_view,
    lab_open_notebook,
    lab_run_all,
    launch_chromium,
    make_sandbox,
    new_page,
    require_playwright,
    start_lab,
    start_voila,
    wait_for_explorer,
    wait_for_view_change,
)

ARTIFACTS = REPO / "test-artifacts"

__all__ = [
    "ARTIFACTS",
    "CHROMIUM",
    "EXPLORER_NOTEBOOK",
    "BenchError",
    "chromium_page",
    "explorer_click",
    "explorer_region_label",
    "explorer_select_region",
    "explorer_view",
    "lab_open_notebook",
    "lab_run_all",
    "lab_server",
    "sandbox",
    "save_screenshot",
    "voila_server",
    "wait_for_explorer",
    "wait_for_view_change",
]


@pytest.fixture
def sandbox():
    """A temporary server root holding a copy of ``notebooks/`` plus private Jupyter / IPython dirs."""
    if not (NOTEBOOKS / EXPLORER_NOTEBOOK).is_file():
        pytest.fail(f"the explorer notebook is missing: {NOTEBOOKS / EXPLORER_NOTEBOOK}")
    box = make_sandbox(NOTEBOOKS)
    yield box
    box.cleanup()


@pytest.fixture
def lab_server(sandbox):
    """JupyterLab on a free 127.0.0.1 port, serving the sandbox; stopped (terminate, then kill) afterwards."""
    server = start_lab(sandbox)
    yield server
    server.stop()


@pytest.fixture
def voila_server(sandbox):
    """Voilà on the explorer notebook of the sandbox; stopped (terminate, then kill) afterwards."""
    server = start_voila(sandbox, EXPLORER_NOTEBOOK)
    yield server
    server.stop()


@pytest.fixture
def chromium_page():
    """A fresh page of headless system Chromium, driven by playwright-python."""
    sync_playwright = require_playwright()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            yield new_page(browser)
        finally:
            browser.close()


def save_screenshot(page, name: str, element: str | None = ".bd-figure") -> Path:
    """Save the page (with ``element`` scrolled into view) to ``test-artifacts/<name>``; return the path."""
    ARTIFACTS.mkdir(exist_ok=True)
    if element is not None and page.locator(element).count():
        page.locator(element).first.scroll_into_view_if_needed()
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path
