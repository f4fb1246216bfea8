"""JupyterLab, for real: open notebooks/08-explorer.ipynb in headless Chromium, run it, use the explorer.

Also the in-browser speed bench (``bench.lab.measure_lab_update``) on a few samples. No skips: without
Chromium or playwright these tests fail and say what is missing.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from bench.lab import measure_lab_update
from browser import (  # noqa: F401  (chromium_page, lab_server, sandbox are pytest fixtures)
    CHROMIUM,
    chromium_page,
    explorer_click,
    explorer_region_label,
    explorer_select_region,
    explorer_view,
    lab_open_notebook,
    lab_run_all,
    lab_server,
    sandbox,
    save_screenshot,
    wait_for_explorer,
    wait_for_view_change,
)


def test_chromium_is_installed():
    exe = Path(CHROMIUM)
    assert exe.is_file() and os.access(exe, os.X_OK), (
        f"Chromium not found at {exe}: the browser tests need it (Debian: apt-get install -y chromium)"
    )


def test_explorer_in_jupyterlab(lab_server, chromium_page):
    page = chromium_page
    lab_open_notebook(page, lab_server, "08-explorer.ipynb")
    lab_run_all(page)
    wait_for_explorer(page)

    first = explorer_view(page)
    assert first["svg_id"] and first["svg_id"].startswith("bd-"), first
    assert first["caption"], f"the explorer shows no caption: {first}"
    assert first["view_css"] is not None, f"no .bd-view-css layer style: {first}"
    figure = page.locator(".bd-figure").first
    first_png = figure.screenshot()

    # Region → the collar (neck) zone: a different figure, so a different SVG id, and different pixels.
    collar = explorer_region_label(page, r"collar|neck")
    explorer_select_region(page, collar)
    second = wait_for_view_change(page, first, ("svg_id",))
    assert second["svg_id"] != first["svg_id"], (first, second)
    assert second["svg_id"].startswith("bd-"), second
    page.wait_for_function("() => !!document.querySelector('.bd-figure svg')")
    assert figure.screenshot() != first_png, "the figure looks the same after the region change"

    # Step → Next: the caption follows the step.
    explorer_click(page, "Next ▶")
    third = wait_for_view_change(page, second, ("caption",))
    assert third["caption"] != second["caption"], (second, third)
    if second["step"] is not None and third["step"] is not None:
        assert float(third["step"]) == float(second["step"]) + 1, (second["step"], third["step"])

    path = save_screenshot(page, "lab-explorer.png")
    assert path.stat().st_size > 10_000


def test_measure_lab_update_small():
    result = measure_lab_update(n=5)
    assert result["lab_samples"] == 5, result
    for key in ("lab_update_ms_median", "lab_update_ms_p95"):
        value = result[key]
        assert isinstance(value, float) and math.isfinite(value) and value > 0, result
    assert result["lab_update_ms_p95"] >= result["lab_update_ms_median"], result
