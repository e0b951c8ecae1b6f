"""`make bench`: print build time, page weight and search cost. Figures, not assertions.

Builds into a temporary folder (./site is never touched), several runs, and reports the
median and the spread.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .build import ROOT, build


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def first_view(site: Path, page: Path) -> tuple[int, int]:
    """Raw and gzip bytes of a page plus the CSS/JS it references (first view, cold cache)."""
    import re

    html = page.read_bytes()
    raw, packed = len(html), gz(html)
    for ref in re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html):
        path = (page.parent / ref.decode()).resolve()
        if path.is_file():
            data = path.read_bytes()
            raw, packed = raw + len(data), packed + gz(data)
    return raw, packed


def search_cost(site: Path) -> int:
    """Bytes (as served, already compressed) that a first search fetches: loader, wasm, entry,
    one index chunk and one fragment."""
    pf = site / "pagefind"
    files = [pf / "pagefind.js", pf / "pagefind-entry.json"]
    files += sorted(pf.glob("wasm.*.pagefind"))[:1]
    files += sorted((pf / "index").glob("*.pf_index"))[:1]
    files += sorted(pf.glob("pagefind.*.pf_meta"))[:1]
    files += sorted((pf / "fragment").glob("*.pf_fragment"))[:1]
    return sum(p.stat().st_size for p in files if p.is_file())


def project_copy(target: Path) -> Path:
    """A throw-away project to edit: code and pages linked, data copied. The benchmark never
    touches a real data file."""
    import os
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "locales", *[p.name for p in ROOT.glob("mkdocs.*.yml")]):
        if not (target / name).exists():
            os.symlink(ROOT / name, target / name)
    if not (target / "data").exists():
        shutil.copytree(ROOT / "data", target / "data")
    return target


SUMMARY = re.compile(rb"(\n  summary:(?: >-|\n    en: >-)\n +)")


def preview_update(root: Path, site: Path) -> float:
    """What `make serve` does after a data edit: regenerate (only changed files are rewritten),
    then a dirty MkDocs build of the English site, which rebuilds only the changed pages.
    ``root`` is a copy of the project (``project_copy``)."""
    from .build import generate, run_mkdocs

    files = sorted((root / "data" / "countries").glob("[a-z]*.yaml"))
    if not files:
        return 0.0
    path = files[0]
    original = path.read_bytes()
    data = generate(root, only=["en"])
    if not (site / "index.html").exists():
        run_mkdocs(root, site, data.data_as_of)  # the first, full build that `make serve` starts with
    try:
        # A real edit: change the text of the country's summary, so its pages change.
        edited = SUMMARY.sub(rb"\1Benchmark edit. ", original, count=1)
        assert edited != original, f"{path} has no status summary to edit"
        path.write_bytes(edited)
        start = time.perf_counter()
        data = generate(root, only=["en"])
        run_mkdocs(root, site, data.data_as_of, dirty=True)
        return time.perf_counter() - start
    finally:
        path.write_bytes(original)


def timed_builds(site: Path, runs: int, only: list[str] | None):
    times, data = [], None
    for _ in range(runs):
        start = time.perf_counter()
        data = build(ROOT, site=site, only=only)
        times.append(time.perf_counter() - start)
    return times, data


def spread(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s over {len(times)} runs (min {min(times):.2f}, max {max(times):.2f})"


def compare_engines(runs: int = 2) -> None:
    """Paired build times and first-view weights for each engine that is set up: the builds
    alternate (mkdocs, properdocs, zensical, mkdocs, …) so that machine load falls on all."""
    from .engines import ENGINES, engine_binary

    engines = [e for e in ENGINES if e == "mkdocs" or engine_binary(ROOT, e).exists()]
    times: dict[str, list[float]] = {e: [] for e in engines}
    weights: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for engine in engines:
                site = Path(tmp) / engine
                start = time.perf_counter()
                data = build(ROOT, site=site, engine=engine)
                times[engine].append(time.perf_counter() - start)
                sample = next((e for e in data.countries if e.iso2 == "UG"), data.countries[0])
                weights[engine] = first_view(site, site / sample.url.strip("/") / "index.html")[1]
    base = statistics.median(times["mkdocs"])
    for engine in engines:
        median = statistics.median(times[engine])
        print(f"engine {engine}: clean build {spread(times[engine])}, ratio to mkdocs {median / base:.2f}; "
              f"country page first view {weights[engine]:,} B gzip")


def main(runs: int = 3) -> int:
    import os
    import platform

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        english, _ = timed_builds(site, runs, ["en"])
        times, data = timed_builds(site, runs, None)
        pages = list(site.rglob("*.html"))
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        sample = next((e for e in data.countries if e.iso2 == "UG"), data.countries[0] if data.countries else None)
        country = site / sample.url.strip("/") / "index.html" if sample else None
        print(f"countries: {len(data.countries)}; HTML pages: {len(pages)}; site bytes: {total:,}")
        print(f"clean build, English only: {spread(english)}")
        print(f"clean build, all languages: {spread(times)}")
        if country:
            html = country.read_bytes()
            raw, packed = first_view(site, country)
            print(f"country page {sample.url}: HTML {len(html):,} B raw, {gz(html):,} B gzip")
            print(f"country page first view (HTML+CSS+JS): {raw:,} B raw, {packed:,} B gzip")
        print(f"first search transfer (Pagefind, approx.): {search_cost(site):,} B")
        copy = project_copy(Path(tmp) / "project")
        previews = [preview_update(copy, Path(tmp) / "preview") for _ in range(runs)]
        print(f"data edit to updated preview (English, as make serve): {spread(previews)}")
    return 0


if __name__ == "__main__":
    if "--engines" in sys.argv:
        compare_engines()
        sys.exit(0)
    sys.exit(main())
