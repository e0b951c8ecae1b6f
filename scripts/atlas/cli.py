"""Command line: ``python -m atlas <command>``. Run with ``--help`` for the commands."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import ROOT, BuildError, build, generate
from .engines import DEFAULT_ENGINE, ENGINES
from .export import country_schema_json
from .load import DataError, load_all

SCHEMA_FILE = Path("data") / "schema" / "country.schema.json"


def cmd_validate(args) -> int:
    countries, pathways = load_all(ROOT / "data", root=ROOT)
    print(f"{len(countries)} country files{' and pathways.yaml' if pathways else ''} are valid.")
    warn_stale_translations(countries)
    return 0


def warn_stale_translations(countries) -> int:
    """Warn (without failing) about every translation whose English changed since it was made."""
    from .i18n import DEFAULT, languages
    from .staleness import read_lock, stale_fields, stale_pages

    count = 0
    for lang in languages(ROOT):
        if lang.code == DEFAULT:
            continue
        lock = read_lock(ROOT, lang.code)
        for f in stale_fields(ROOT, countries, lang.code, lock):
            print(f"warning: {f.file}:{f.line}: {f.path}: translation may be out of date "
                  "(the English changed since it was translated, or it was never recorded)", file=sys.stderr)
            count += 1
        for page, original in stale_pages(ROOT, lang.code, lock):
            print(f"warning: {page}: translation may be out of date ({original} changed since it was translated)",
                  file=sys.stderr)
            count += 1
    if count:
        print(f"{count} translation(s) may be out of date; after updating them, run `make translations`.", file=sys.stderr)
    return count


def cmd_translations(args) -> int:
    """Record what each translation was made from (after a review)."""
    from .i18n import DEFAULT, languages
    from .staleness import accept

    countries, _ = load_all(ROOT / "data", root=ROOT)
    for lang in languages(ROOT):
        if lang.code != DEFAULT and (not args.lang or lang.code in args.lang):
            lock = accept(ROOT, countries, lang.code, args.files or None)
            print(f"{lang.code}: recorded {len(lock.fields)} translated fields and {len(lock.pages)} pages.")
    return 0


def cmd_generate(args) -> int:
    data = generate(ROOT, only=args.lang or None)
    print(f"Generated pages for {len(data.countries)} countries into build/docs.")
    return 0


def cmd_build(args) -> int:
    start = time.perf_counter()
    data = build(ROOT, search=not args.no_search, only=args.lang or None, engine=args.engine)
    print(f"Built {len(data.countries)} countries into site/ with {args.engine} in {time.perf_counter() - start:.1f} s.")
    return 0


def cmd_report(args) -> int:
    """Coverage of the data: counts, unverified entries, and 'not known' fields."""
    from .build import load_dataset
    from collections import Counter

    from . import audit
    from .vocab import PROTECTION_LABELS

    data = load_dataset(ROOT)
    s = data.stats
    print(f"Data as of {data.data_as_of}: {s.total} files, {s.un_members} UN member states.")
    print(f"UN members criminalizing: {s.un_criminalizing} ({s.un_by_status['criminalized']} by law, "
          f"{s.un_by_status['de_facto_criminalized']} de facto); death penalty prescribed {s.un_death_prescribed}, "
          f"possible {s.un_death_possible}; women too {s.un_women_too}.")
    crim = [e for e in data.countries if e.criminalizes]
    print(f"Criminalizing, verified: {sum(e.country.verified for e in crim)} of {len(crim)}.")
    print("Criminalizing, unverified: " + ", ".join(e.iso2 for e in crim if not e.country.verified))
    unverified = [e for e in data.countries if not e.country.verified]
    print(f"Unverified files: {len(unverified)} of {len(data.countries)}.")
    weak = {e.iso2: audit.weak_sources(e.country) for e in data.countries}
    weak_crim = sorted(e.iso2 for e in crim if weak[e.iso2])
    print(f"Sources whose url is a compiler or mirror: {sum(map(len, weak.values()))} (criminalizing files among them: "
          f"{', '.join(weak_crim) or 'none'}).")
    loose = [e.iso2 for e in crim if not audit.anchored(e.country)]
    print("Criminalizing files citing no Human Dignity Trust, ILGA World or legal source (law, judgment): " + (", ".join(loose) or "none"))
    unknown = Counter(key for e in data.countries for key in PROTECTION_LABELS
                      if getattr(e.country.protections, key).status == "not_known")
    cells = len(data.countries) * len(PROTECTION_LABELS)
    total = sum(unknown.values())
    print(f"'Not known' protections: {total} of {cells} cells ({100 * total / cells:.0f} %); per field:")
    for key, label in PROTECTION_LABELS.items():
        print(f"  {key:22} {unknown[key]:4}  {label}")
    return 0


def cmd_check_sources(args) -> int:
    """Check every source address (needs a network); list the dead and moved ones."""
    from .sourcecheck import check_urls, source_urls

    countries, pathways = load_all(ROOT / "data", root=ROOT)
    where = source_urls(countries, pathways)
    results = check_urls(list(where), timeout=args.timeout)
    bad = [r for r in results if r.verdict != "ok"]
    for r in bad:
        print(f"{r.verdict.upper():5} {r.url} ({r.detail}); cited in {', '.join(where[r.url])}")
    print(f"{len(results)} addresses checked: {sum(r.verdict == 'dead' for r in results)} dead, "
          f"{sum(r.verdict == 'moved' for r in results)} moved.")
    return 1 if bad else 0


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
    g = sub.add_parser("generate", help="validate, then write the Markdown pages into build/docs")
    g.add_argument("--lang", action="append", help="only this language (repeatable), e.g. --lang en")
    g.set_defaults(func=cmd_generate)
    b = sub.add_parser("build", help="validate, generate and build the site into site/ (atomically)")
    b.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    b.add_argument("--lang", action="append", help="build only this language (repeatable), e.g. --lang en")
    b.add_argument("--engine", default=DEFAULT_ENGINE, choices=ENGINES,
                   help="the site generator (default mkdocs; the others need `make build ENGINE=…` once)")
    b.set_defaults(func=cmd_build)
    sub.add_parser("schema", help="export the JSON Schema to data/schema/").set_defaults(func=cmd_schema)
    sub.add_parser("report", help="print data coverage: counts, unverified entries, 'not known' fields").set_defaults(func=cmd_report)
    tr = sub.add_parser("translations", help="record what each translation was made from, after a review")
    tr.add_argument("files", nargs="*", help="only these country files or translated pages (default: all)")
    tr.add_argument("--lang", action="append", help="only this language (repeatable)")
    tr.set_defaults(func=cmd_translations)
    cs = sub.add_parser("check-sources", help="check every source address (needs a network); list dead and moved ones")
    cs.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for each address")
    cs.set_defaults(func=cmd_check_sources)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"Build failed; site/ was not changed.\n{exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a disk, permission or missing-file problem: say so, no traceback
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"Failed: {exc.strerror or exc}{where}; site/ was not changed.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped; site/ was not changed.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
