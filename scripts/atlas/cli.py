"""Command line: ``python -m atlas <command>``. Run with ``--help`` for the commands."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import ROOT, BuildError, build, generate
from .export import country_schema_json
from .load import DataError, load_countries

SCHEMA_FILE = Path("data") / "schema" / "country.schema.json"


def cmd_validate(args) -> int:
    countries = load_countries(ROOT / "data", root=ROOT)
    print(f"{len(countries)} country files are valid.")
    return 0


def cmd_generate(args) -> int:
    data = generate(ROOT)
    print(f"Generated pages for {len(data.countries)} countries into build/docs.")
    return 0


def cmd_build(args) -> int:
    start = time.perf_counter()
    data = build(ROOT, search=not args.no_search, only=args.lang or None)
    print(f"Built {len(data.countries)} countries into site/ in {time.perf_counter() - start:.1f} s.")
    return 0


def cmd_schema(args) -> int:
    path = ROOT / SCHEMA_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(country_schema_json(), "utf-8")
    print(f"Wrote {SCHEMA_FILE}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="atlas", description="Refuge Atlas data and site tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check every data file and report all problems").set_defaults(func=cmd_validate)
    sub.add_parser("generate", help="validate, then write the Markdown pages into build/docs").set_defaults(func=cmd_generate)
    b = sub.add_parser("build", help="validate, generate and build the site into site/ (atomically)")
    b.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    b.add_argument("--lang", action="append", help="build only this language (repeatable), e.g. --lang en")
    b.set_defaults(func=cmd_build)
    sub.add_parser("schema", help="export the JSON Schema to data/schema/").set_defaults(func=cmd_schema)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed; site/ was not changed.\n{exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
