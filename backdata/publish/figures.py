"""``python -m backdata figures``: every figure of the collection, byte-identical on rerun.

Files (in ``figures/`` by default), each as SVG and PNG:

* ``overview``: all regions on one back;
* ``techniques``: the seven stroke styles side by side;
* ``muscles``: the superficial muscles of the back, named (the male body; ``muscles-female`` the female one);
* ``{region}-{mode}-{NN}-{step}``: one per region × mode × step, ``NN`` from ``00`` (the lines and their
  directions) to the last step.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import matplotlib

from backdata.core.model import Mode
from backdata.method.regions import REGIONS
from backdata.publish.files import replace_dir

__all__ = ["PNG_METADATA", "SVG_METADATA", "build_figures", "figure_name", "iter_figures"]

SVG_METADATA = {"Date": None}
"""No date in the SVG: reruns are byte-identical (the hash salt is fixed in the style files)."""
PNG_METADATA = {"Software": None}


def figure_name(region: str, mode: str, step: int, title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"{region}-{mode}-{step:02d}-{slug}"


def _encode(fig, fmt: str) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, metadata=SVG_METADATA if fmt == "svg" else PNG_METADATA)
    return buf.getvalue()


def iter_figures(
    style_name: str = "projector", formats: tuple[str, ...] = ("svg", "png")
) -> Iterator[tuple[str, bytes]]:
    """``(file name, bytes)`` of every figure, drawing each region once per mode and switching its steps."""
    import matplotlib.pyplot as plt

    from backdata.views import draw

    with draw.style(style_name):
        for name, maker in (("overview", draw.draw_overview), ("techniques", draw.draw_technique_sheet)):
            fig = plt.figure()
            maker(fig)
            for fmt in formats:
                yield f"{name}.{fmt}", _encode(fig, fmt)
            plt.close(fig)
        for name, sex in (("muscles", "male"), ("muscles-female", "female")):
            fig = draw.muscles_figure(sex=sex)
            for fmt in formats:
                yield f"{name}.{fmt}", _encode(fig, fmt)
            plt.close(fig)
        for reg in REGIONS.values():
            for mode in Mode:
                fig, view = draw.region_figure(reg, mode=mode)
                for step in range(len(reg.steps) + 1):
                    view.set_step(step)
                    title = "lines" if step == 0 else reg.steps[step - 1].title
                    base = figure_name(reg.name, mode.value, step, title)
                    for fmt in formats:
                        yield f"{base}.{fmt}", _encode(fig, fmt)
                plt.close(fig)


def build_figures(out: Path | str = "figures", style_name: str = "projector") -> list[Path]:
    """Write every figure into the folder ``out`` (``python -m backdata figures --out DIR`` passes
    ``DIR/figures``), replaced whole and atomically, with its ``.backdata-output`` marker; returns the figure
    files written. Refuses (:class:`~backdata.core.errors.BackdataError`), before drawing anything, when ``out``
    holds a file backdata did not write."""
    if matplotlib.get_backend().lower() not in ("agg", "svg", "pdf"):
        matplotlib.use("agg")
    out = Path(out)
    with replace_dir(out) as work:
        names = []
        for name, data in iter_figures(style_name):
            (work / name).write_bytes(data)
            names.append(name)
    return [out / n for n in names]
