"""``python -m backdata bench``: speed and size figures, printed as one JSON object (no thresholds here).

Explorer: the time from a widget value change to the view updated (the CSS that selects the figure's layers,
the caption, the plan table and the cautions), measured on one explorer over many changes of step and mode,
against a naive full redraw (a new figure drawn and encoded as PNG on every change, as ``interact`` does).
In JupyterLab: the time from the input event to the new view on screen (:mod:`bench.lab`).
"""

from __future__ import annotations

import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from nbconvert import HTMLExporter

from backdata.interact.explorer import explorer
from backdata.publish.handout import build_handouts, execute_notebook, notebook_paths
from bench.hub import measure_hub, measure_kernel_rss
from bench.lab import measure_lab_update


def _ms(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    p95 = s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]
    return round(statistics.median(s), 2), round(p95, 2)


def _time(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def bench_explorer(changes: int = 60, naive_changes: int = 12) -> dict:
    import matplotlib

    matplotlib.use("agg")
    import matplotlib.pyplot as plt

    from backdata.views import draw

    ex = explorer("lumbar", "hygienic", 1)
    n = ex.step_w.max
    plan = [(("hygienic", "therapeutic")[(k // (n + 1)) % 2], k % (n + 1)) for k in range(1, changes + 1)]
    samples = []
    for mode, step in plan:

        def change(mode=mode, step=step):
            ex.mode_w.value = mode
            ex.step_w.value = step

        samples.append(_time(change))
    med, p95 = _ms(samples)
    region_samples = [
        _time(lambda r=r: setattr(ex.region_w, "value", r))
        for r in ["collar", "lumbar", "scapula", "lumbar", "lower_thoracic", "lumbar"] * 2
    ]

    def naive(step: int) -> None:
        with draw.style("projector"):
            fig, _ = draw.region_figure("lumbar", step=step)
            buf = io.BytesIO()
            fig.savefig(buf, format="png")
            plt.close(fig)

    naive_samples = [_time(lambda s=s: naive(s % (n + 1))) for s in range(naive_changes)]
    n_med, n_p95 = _ms(naive_samples)
    return {
        "explorer_strategy": "region drawn once as a layered SVG; a change swaps CSS + table (no re-encoding)",
        "explorer_update_ms_median": med,
        "explorer_update_ms_p95": p95,
        "explorer_update_samples": len(samples),
        "explorer_region_change_ms_median": _ms(region_samples[2:])[0],
        "naive_update_ms_median": n_med,
        "naive_update_ms_p95": n_p95,
        "naive_update_samples": len(naive_samples),
        "naive_over_explorer": round(n_med / med, 1) if med else None,
        "explorer_svg_bytes": len(ex.figure.value.encode()),
    }


def bench_handouts(notebooks: str = "notebooks") -> dict:
    """Bytes of every handout page (one build), and of one plain nbconvert export of the same notebook."""
    paths = notebook_paths(notebooks)
    executed = {p.stem: execute_notebook(p) for p in paths}
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        files = build_handouts(tmp, notebooks, executed=executed)
        render_s = time.perf_counter() - t
        sizes = {f.name: f.stat().st_size for f in files}
    sample = next(p.stem for p in paths if "lumbar" in p.stem)
    plain, _ = HTMLExporter().from_notebook_node(executed[sample])
    region_pages = {
        k: v
        for k, v in sizes.items()
        if any(r in k for r in ("preliminary", "thoracic", "scapula", "collar", "lumbar"))
    }
    return {
        "handout_bytes": sizes,
        "handout_bytes_total": sum(sizes.values()),
        "handout_region_page_bytes_max": max(region_pages.values()),
        "handout_render_s": round(render_s, 1),
        "nbconvert_plain_bytes": {f"{sample}.html": len(plain.encode())},
        "nbconvert_plain_note": "stock HTMLExporter of the same executed notebook: loads require.js, MathJax and "
        "the widget manager from CDNs; its widgets stay blank offline",
    }


def bench_lab(samples: int = 20) -> dict:
    """In JupyterLab, driven by Chromium (playwright and Chromium needed: the error says when they are not)."""
    try:
        return measure_lab_update(samples)
    except Exception as exc:  # report, don't hide: the figure is missing and says why
        return {"lab_update_ms_median": None, "lab_error": f"{type(exc).__name__}: {exc}"}


def bench_memory(hub: bool = True) -> dict:
    """One student's kernel after running the explorer; with ``hub``, several students on a test hub."""
    out: dict = {}
    for name, fn in (("kernel", measure_kernel_rss), ("hub", measure_hub if hub else None)):
        if fn is None:
            continue
        try:
            out.update(fn())
        except Exception as exc:  # report, don't hide: the figure is missing and says why
            out[f"{name}_error"] = f"{type(exc).__name__}: {exc}"
    return out


def run(lab: bool = True, hub: bool = True) -> dict:
    out: dict = {"python": sys.version.split()[0]}
    out.update(bench_explorer())
    out.update(bench_handouts())
    if lab:
        out.update(bench_lab())
    out.update(bench_memory(hub))
    return out


def main(lab: bool = True, hub: bool = True) -> int:
    print(json.dumps(run(lab, hub), indent=2))
    return 0
