"""Command line: ``python -m backdata [check | figures | build | bench]``.

``check`` (the default) validates the data and prints each region's plan in both modes; it exits 1 when
:func:`backdata.validate` finds a problem. ``figures [--out DIR]`` writes every figure (default ``figures/``).
``build [--out DIR] [--pdf]`` is the main job: check, figures (``DIR/figures``), the notebooks executed and
written as offline handouts (``DIR/handouts``; with ``--pdf`` also one PDF, a page per region), the slides
(``DIR/slides``) and the instructor and student editions (``DIR/editions``).
"""

from __future__ import annotations

import argparse
import sys

import pandas as pd


def _check(_: argparse.Namespace) -> int:
    import backdata

    problems = backdata.validate()
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    with pd.option_context("display.width", 160, "display.max_colwidth", 40, "display.max_columns", 20):
        for reg in backdata.REGIONS.values():
            for mode in backdata.Mode:
                total = backdata.total_minutes(reg, mode)
                print(f"\n== {reg.title} ({reg.name}), {mode.value}: {total}")
                df = backdata.plan(reg, mode, editorial=True)
                print(df[["technique", "step", "lines", "minutes_min", "minutes_max", "minutes_from"]]
                      .to_string())
        s = backdata.session(first_session=True)
        print("\n== First session, default order (hygienic)")
        print(s[["region", "minutes_min", "minutes_max", "source"]].to_string(index=False))
        for b in s.attrs["breaks"]:
            print(f"  {b}")
    print(f"\nvalidate(): {len(problems)} problem(s); {len(backdata.source_tensions())} source tensions noted")
    return 1 if problems else 0


def _figures(args: argparse.Namespace) -> int:
    import time

    from .figures import build_figures

    t0 = time.perf_counter()
    files = build_figures(args.out, args.style)
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} figures ({size / 1e6:.1f} MB) to {args.out}/ in {time.perf_counter() - t0:.1f} s")
    return 0


def _build(args: argparse.Namespace) -> int:
    import time
    from pathlib import Path

    from .handout import build_handouts

    status = _check(args)
    if status:
        return status
    root = Path(args.out)
    fig_args = argparse.Namespace(out=str(root / "figures"), style="projector")
    _figures(fig_args)
    t0 = time.perf_counter()
    files = build_handouts(root, args.notebooks, pdf=args.pdf)
    size = sum(f.stat().st_size for f in files)
    print(f"wrote {len(files)} handout files ({size / 1e6:.1f} MB) to {root / 'handouts'}/ in "
          f"{time.perf_counter() - t0:.1f} s")
    from .editions import build_editions
    from .slides import build_slides

    slides = build_slides(root)
    print(f"wrote the slides ({slides[0].stat().st_size / 1e6:.1f} MB) to {slides[0]}")
    editions = build_editions(root, args.notebooks)
    print(f"wrote {len(editions)} notebooks to {root / 'editions'}/ (student, instructor)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backdata", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("check", help="validate the data and print each region's plan (default)")
    fig = sub.add_parser("figures", help="write every figure (SVG and PNG)")
    fig.add_argument("--out", default="figures", help="output folder (default: figures)")
    fig.add_argument("--style", default="projector", choices=("projector", "print"))
    build = sub.add_parser("build", help="the main job: check the data, build the figures, run the notebooks "
                                         "and write the handouts")
    build.add_argument("--out", default=".", help="root folder of the outputs (default: the project)")
    build.add_argument("--notebooks", default="notebooks", help="folder of the notebooks (default: notebooks)")
    build.add_argument("--pdf", action="store_true", help="also print the region pages to one PDF (Chromium)")
    bench = sub.add_parser("bench", help="speed and size figures as one JSON object")
    bench.add_argument("--no-lab", action="store_true", help="skip the in-browser JupyterLab measurement")
    bench.add_argument("--no-hub", action="store_true", help="skip the several-students JupyterHub measurement")
    args = parser.parse_args(argv)
    if args.command in (None, "check"):
        return _check(args)
    if args.command == "figures":
        return _figures(args)
    if args.command == "build":
        return _build(args)
    if args.command == "bench":
        from .bench import main as bench_main

        return bench_main(lab=not args.no_lab, hub=not args.no_hub)
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
