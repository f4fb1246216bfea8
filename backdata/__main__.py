"""Command line: ``python -m backdata [check]``.

``check`` (the default) validates the data and prints each region's plan in both modes; it exits 1 when
:func:`backdata.validate` finds a problem.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backdata", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("check", help="validate the data and print each region's plan (default)")
    args = parser.parse_args(argv)
    if args.command in (None, "check"):
        return _check(args)
    parser.error(f"unknown command {args.command!r}")
    return 2


if __name__ == "__main__":
    sys.exit(main())
