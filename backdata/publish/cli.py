"""Command line: ``python -m backdata [check | figures | build | bench | method]``.

``check`` (the default) validates the data and prints each region's plan in both modes; it exits 1 when
:func:`backdata.validate` finds a problem. ``figures [--out DIR]`` writes every figure to ``DIR/figures``
(default ``./figures``). ``build [--out DIR] [--pdf] [--method FILE]`` is the main job: check, figures (``DIR/figures``), the
notebooks executed and written as offline handouts (``DIR/handouts``; with ``--pdf`` also one PDF, a page per
region), the slides (``DIR/slides``) and the instructor and student editions (``DIR/editions``); with
``--method FILE`` all of them for that method (checked first: its problems are printed and nothing is built),
the notebooks generated for it (:mod:`backdata.publish.method_notebooks`) and run with ``BACKDATA_METHOD``.

``method init FILE [--force]`` writes the classical method as a commented TOML file to edit (and the source
text beside it); ``method check FILE`` prints every problem of a method file as ``FILE:LINE: key.path: message``
and exits 1 if there is any (:mod:`backdata.method.files`).

``--out DIR`` (default ``.``) is a folder in which backdata writes *its own* sub-folders; everything else in DIR
is left alone. Each sub-folder carries a ``.backdata-output`` marker listing the files backdata wrote; backdata
replaces a sub-folder only when it is missing, empty, or marked and holding nothing else, and otherwise refuses
before any work starts. One build at a time per DIR (``DIR/.backdata.lock``; a second one waits).
Errors are one or two lines on stderr, exit 1 (usage errors: 2); ``--debug`` or ``BACKDATA_DEBUG=1`` shows the
traceback.

Installed with ``pip install backdata``, ``check`` runs on the base dependencies; ``figures`` needs the ``draw``
extra and ``build`` the ``build`` extra: their modules are imported when the command runs, and a missing one
is named with the extra that brings it. ``bench`` runs from a checkout of the repository only (its ``bench/``
folder is not part of the package).
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import shutil
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pandas as pd

from backdata.core.errors import BackdataError
from backdata.core.model import Mode
from backdata.method.regions import REGIONS
from backdata.method.validate import source_tensions
from backdata.publish.files import no_notebooks, prepare_outputs
from backdata.views.checks import validate
from backdata.views.tables import plan, session, total_minutes

OUTPUTS = ("figures", "handouts", "slides", "editions")
"""The folders backdata writes in ``--out``; each carries a ``.backdata-output`` marker."""


@contextlib.contextmanager
def _needs(extra: str, command: str) -> Iterator[None]:
    """Turn a missing optional dependency into one line that names the extra to install."""
    try:
        yield
    except ModuleNotFoundError as e:
        if (e.name or "").partition(".")[0] in ("backdata", "bench"):
            raise
        raise BackdataError(
            f"`{command}` needs the {extra!r} extra (module {e.name!r} is missing): pip install 'backdata[{extra}]'"
        ) from None


def _check(_: argparse.Namespace) -> int:
    problems = validate()
    for p in problems:
        print(f"problem: {p}", file=sys.stderr)
    with pd.option_context("display.width", 160, "display.max_colwidth", 40, "display.max_columns", 20):
        for reg in REGIONS.values():
            for mode in Mode:
                total = total_minutes(reg, mode)
                print(f"\n== {reg.title} ({reg.name}), {mode.value}: {total}")
                df = plan(reg, mode, editorial=True)
                print(df[["technique", "step", "lines", "minutes_min", "minutes_max", "minutes_from"]].to_string())
        s = session(first_session=True)
        print("\n== First session, default order (hygienic)")
        print(s[["region", "minutes_min", "minutes_max", "source"]].to_string(index=False))
        for b in s.attrs["breaks"]:
            print(f"  {b}")
    print(f"\nvalidate(): {len(problems)} problem(s); {len(source_tensions())} source tensions noted")
    return 1 if problems else 0


def _figures(args: argparse.Namespace) -> int:
    with prepare_outputs(Path(args.out), ["figures"]) as root:
        _write_figures(root, args.style)
    return 0


def _write_figures(root: Path, style: str) -> None:
    with _needs("draw", "backdata figures"):
        from backdata.publish.figures import build_figures
    t0 = time.perf_counter()
    files = build_figures(root / "figures", style)
    size = sum(f.stat().st_size for f in files)
    print(
        f"wrote {len(files)} figures ({size / 1e6:.1f} MB) to {root / 'figures'}/ in {time.perf_counter() - t0:.1f} s"
    )


def _build(args: argparse.Namespace) -> int:
    with _needs("build", "backdata build"):
        from backdata.publish.editions import build_editions
        from backdata.publish.handout import build_handouts, notebook_paths
        from backdata.publish.slides import build_slides
    # Inputs first, before any long work: the method file, the notebooks, Chromium for --pdf, the output folders.
    method = _build_method(args.method) if args.method else None
    if args.method and method is None:
        return 1
    if not notebook_paths(args.notebooks):
        raise no_notebooks(args.notebooks)
    if args.pdf and not any(shutil.which(b) for b in ("chromium", "chromium-browser", "google-chrome")):
        raise BackdataError("--pdf needs Chromium (Debian: apt-get install chromium); none found on PATH")
    with prepare_outputs(Path(args.out), OUTPUTS) as root, _method_context(method, args) as notebooks:
        status = _check(args)
        if status:
            return status
        _write_figures(root, "projector")
        t0 = time.perf_counter()
        files = build_handouts(root, notebooks, pdf=args.pdf)
        size = sum(f.stat().st_size for f in files)
        print(
            f"wrote {len(files)} handout files ({size / 1e6:.1f} MB) to {root / 'handouts'}/ in "
            f"{time.perf_counter() - t0:.1f} s"
        )
        slides = build_slides(root)
        print(f"wrote the slides ({slides[0].stat().st_size / 1e6:.1f} MB) to {slides[0]}")
        editions = build_editions(root, notebooks)
        print(f"wrote {len(editions)} notebooks to {root / 'editions'}/ (student, instructor)")
    return 0


def _build_method(file: str):
    """The method of ``file`` for ``build --method``, or ``None`` after printing every problem it has."""
    from backdata.method.files import check_method, load_method

    problems = check_method(file)
    for p in problems:
        print(p)
    if problems:
        print(f"{file}: {len(problems)} problem(s); nothing was built", file=sys.stderr)
        return None
    return load_method(file)


@contextlib.contextmanager
def _method_context(method, args: argparse.Namespace) -> Iterator[Path]:
    """The notebooks folder to build, with ``method`` current and named to the kernels (``BACKDATA_METHOD``)
    inside the block; without a method, the ``--notebooks`` folder as it is."""
    if method is None:
        yield Path(args.notebooks)
        return
    import tempfile

    from backdata.interact.notebook import METHOD_ENV
    from backdata.method.current import using
    from backdata.publish.method_notebooks import method_notebooks

    saved = os.environ.get(METHOD_ENV)
    os.environ[METHOD_ENV] = str(Path(args.method).resolve())
    try:
        with using(method), tempfile.TemporaryDirectory(prefix="backdata-notebooks-") as tmp:
            print(f"building for the method {method.title!r} ({args.method})")
            yield method_notebooks(method, args.notebooks, tmp)
    finally:
        if saved is None:
            os.environ.pop(METHOD_ENV, None)
        else:
            os.environ[METHOD_ENV] = saved


def _method(args: argparse.Namespace) -> int:
    from backdata.method.files import check_method, load_method
    from backdata.method.files.classical import SOURCE_NAME, init_text
    from backdata.publish.files import write_atomic

    path = Path(args.file)
    if args.action == "check":
        problems = check_method(path)
        for p in problems:
            print(p)
        if problems:
            print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
            return 1
        m = load_method(path)
        lines = sum(len(r.line_numbers()) for r in m.regions)
        steps = sum(len(r.steps) for r in m.regions)
        print(f"{path}: no problems: {m.title!r}, {len(m.regions)} regions, {lines} lines, {steps} steps")
        return 0
    if path.is_dir():
        raise BackdataError(f"{path} is a folder: name the method file to write, e.g. {path / 'my-method.toml'}")
    if path.exists() and not args.force:
        raise BackdataError(f"refusing to overwrite {path}: it exists; choose another name or add --force")
    write_atomic(path, init_text(file=path.name))
    text = path.parent / SOURCE_NAME
    shipped = resources.files("backdata").joinpath("source", SOURCE_NAME).read_text(encoding="utf-8")
    if not text.exists():
        write_atomic(text, shipped)
        note = f" and the source text its cites quote to {text}"
    elif text.read_text(encoding="utf-8") != shipped:
        note = f"; kept your {text} (not the shipped text): `method check` lists the quotes it lacks"
    else:
        note = f"; {text} is the shipped source text"
    print(f"wrote the classical method to {path}{note}")
    print(f"edit it, then: backdata method check {path}")
    return 0


def _os_error(e: OSError) -> str:
    """One or two lines for an operating-system error: what went wrong, where, and what to do."""
    where = f" ({e.filename})" if e.filename else ""
    what = e.strerror or str(e)
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        todo = "free some space or choose another --out"
    elif e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        todo = "choose a writable --out"
    else:
        todo = "check the path, or run again with --debug for the traceback"
    return f"backdata: {what}{where}\n{todo}; a folder that was being replaced keeps its previous content"


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show the full traceback on an error (or set BACKDATA_DEBUG=1)",
    )
    parser = argparse.ArgumentParser(prog="backdata", description=__doc__.splitlines()[0], parents=[common])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("check", help="validate the data and print each region's plan (default)", parents=[common])
    out_help = (
        "folder in which backdata writes its own %s sub-folder%s (default: the current folder); it "
        "refuses to replace one that holds files it did not write"
    )
    fig = sub.add_parser("figures", help="write every figure (SVG and PNG) to OUT/figures", parents=[common])
    fig.add_argument("--out", default=".", metavar="DIR", help=out_help % ("figures/", ""))
    fig.add_argument("--style", default="projector", choices=("projector", "print"))
    build = sub.add_parser(
        "build",
        help="the main job: check the data, build the figures, run the notebooks "
        "and write the handouts, slides and editions",
        parents=[common],
    )
    build.add_argument(
        "--out", default=".", metavar="DIR", help=out_help % ("figures/, handouts/, slides/ and editions/", "s")
    )
    build.add_argument("--notebooks", default="notebooks", help="folder of the notebooks (default: notebooks)")
    build.add_argument("--pdf", action="store_true", help="also print the region pages to one PDF (Chromium)")
    build.add_argument(
        "--method",
        metavar="FILE",
        help="build for the method of this file (TOML; `backdata method init FILE` writes one); checked first",
    )
    bench = sub.add_parser("bench", help="speed and size figures as one JSON object", parents=[common])
    bench.add_argument("--no-lab", action="store_true", help="skip the in-browser JupyterLab measurement")
    bench.add_argument("--no-hub", action="store_true", help="skip the several-students JupyterHub measurement")
    meth = sub.add_parser("method", help="write or check a method file (TOML): method init FILE, method check FILE")
    meth_sub = meth.add_subparsers(dest="action", required=True)
    init = meth_sub.add_parser(
        "init", help="write the classical method as a commented TOML file to edit", parents=[common]
    )
    init.add_argument("file", metavar="FILE", help="the method file to write (e.g. my-method.toml)")
    init.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    chk = meth_sub.add_parser(
        "check", help="list every problem of a method file with its line; exit 1 on any", parents=[common]
    )
    chk.add_argument("file", metavar="FILE", help="the method file to check")
    args = parser.parse_args(argv)
    debug = getattr(args, "debug", False) or os.environ.get("BACKDATA_DEBUG", "") not in ("", "0")
    try:
        return _run(parser, args)
    except (BackdataError, OSError) as e:
        if debug:
            raise
        msg = _os_error(e) if isinstance(e, OSError) else f"backdata: {e}"
        print(msg, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        if debug:
            raise
        print("backdata: interrupted; a folder that was being replaced keeps its previous content", file=sys.stderr)
        return 130


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command in (None, "check"):
        return _check(args)
    if args.command == "figures":
        return _figures(args)
    if args.command == "build":
        return _build(args)
    if args.command == "method":
        return _method(args)
    if args.command == "bench":
        return _bench_main()(lab=not args.no_lab, hub=not args.no_hub)
    parser.error(f"unknown command {args.command!r}")
    return 2


def _bench_main():
    """``bench.run.main`` from the checkout in the current folder: the harnesses live in the repository's
    ``bench/`` folder, not in the installed package."""
    here = Path.cwd()
    if (here / "bench" / "run.py").is_file() and str(here) not in sys.path:
        sys.path.insert(0, str(here))  # the `backdata` command does not put the current folder on sys.path
    try:
        from bench.run import main
    except ModuleNotFoundError as e:
        if e.name in ("bench", "bench.run"):
            raise BackdataError(
                "the benchmarks run from a checkout of the repository (its bench/ folder): "
                "cd into the checkout and run `backdata bench` there"
            ) from None
        raise BackdataError(
            f"the benchmarks need the development requirements (module {e.name!r} is missing): "
            "pip install -r requirements-dev.txt"
        ) from None
    return main
