"""Voilà, for real: serve notebooks/08-explorer.ipynb, open it in headless Chromium, use the explorer.

The reader sees the widgets only (no code), and a choice changes the view. No skips: without Chromium or
playwright this test fails and says what is missing.
"""

from __future__ import annotations

from browser import (  # noqa: F401  (chromium_page, sandbox, voila_server are pytest fixtures)
    chromium_page,
    explorer_click,
    explorer_view,
    sandbox,
    save_screenshot,
    voila_server,
    wait_for_explorer,
    wait_for_view_change,
)

SOURCE = "from backdata.interact.explorer import"
VIEW_KEYS = ("svg_id", "view_css", "caption", "plan", "cautions")


def test_explorer_in_voila(voila_server, chromium_page):
    page = chromium_page
    page.goto(voila_server.url + "/", wait_until="domcontentloaded")
    wait_for_explorer(page)

    assert SOURCE not in page.locator("body").inner_text(), "Voilà shows code cell source"
    assert SOURCE not in page.content(), "Voilà sends code cell source to the page"

    first = explorer_view(page)
    assert first["svg_id"] and first["svg_id"].startswith("bd-"), first
    assert first["caption"], f"the explorer shows no caption: {first}"

    # Mode → therapeutic: the view (layers, caption, plan or cautions) changes.
    explorer_click(page, "therapeutic")
    second = wait_for_view_change(page, first, VIEW_KEYS)
    assert any(second[k] != first[k] for k in VIEW_KEYS), (first, second)

    # Step → Next: the caption follows the step.
    explorer_click(page, "Next ▶")
    third = wait_for_view_change(page, second, ("caption",))
    assert third["caption"] != second["caption"], (second, third)

    path = save_screenshot(page, "voila-explorer.png")
    assert path.stat().st_size > 10_000
