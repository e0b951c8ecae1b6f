"""Build the site: validate, generate, run MkDocs, add open data and search, swap in.

Everything is written to a temporary folder next to ``site/``; only a build that fully
succeeded replaces ``site/``, by renames. A failed build leaves ``site/`` byte for byte
as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .enrich import Dataset, enrich
from .export import api_files, host_files
from .load import load_countries, load_pathways
from .pages import render_pages
from .postprocess import redirect_page, secure_site
from .sitetree import read_tree, swap_in, sync_tree, write_files

ROOT = Path(__file__).absolute().parents[2]
GENERATED = Path("build") / "docs"


class BuildError(Exception):
    pass


def load_dataset(root: Path = ROOT, today: dt.date | None = None) -> Dataset:
    return enrich(load_countries(root / "data", root=root, today=today))


def generate(root: Path = ROOT, today: dt.date | None = None) -> Dataset:
    """Validate the data and write the Markdown tree MkDocs reads (``build/docs``)."""
    data = load_dataset(root, today)
    pathways = load_pathways(root / "data", root=root, today=today)
    files: dict[str, str | bytes] = dict(read_tree(root / "docs"))
    for rel, text in {**render_pages(data, pathways=pathways), **api_files(data, os.environ.get("ATLAS_SITE_URL")), **redirects(data)}.items():
        if rel in files:
            raise BuildError(f"docs/{rel} is hand-written but the generator also writes it; rename one")
        files[rel] = text
    sync_tree(root / GENERATED, files)
    return data


def redirects(data: Dataset) -> dict[str, str]:
    pages = {}
    for e in data.countries:
        for old in [e.iso2.lower(), *e.country.former_slugs]:
            pages[f"countries/{old}/index.html"] = redirect_page(f"../{e.country.slug}/", e.country.name)
    return pages


def run_mkdocs(root: Path, site_dir: Path, as_of: dt.date) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logging.basicConfig(format="%(levelname)-7s - %(message)s", level=logging.WARNING)
    os.environ["ATLAS_PREGENERATED"] = "1"  # the hook must not generate a second time
    # Dates in the sitemap come from the data, not the clock: rebuilds are byte-identical.
    os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime.combine(as_of, dt.time(), dt.timezone.utc).timestamp()))
    try:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        mkdocs_build(config)
    except Abort as exc:
        raise BuildError(f"MkDocs failed: {exc}") from None
    finally:
        os.environ.pop("ATLAS_PREGENERATED", None)
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def run_pagefind(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"Pagefind failed:\n{result.stdout}{result.stderr}")


def build(root: Path = ROOT, site: Path | None = None, search: bool = True) -> Dataset:
    site = site or root / "site"
    data = generate(root)
    tmp = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site.parent))
    try:
        run_mkdocs(root, tmp, data.data_as_of)
        # Dotfiles are not copied by MkDocs, so host files are written after it.
        write_files(tmp, host_files(data, os.environ.get("ATLAS_SITE_URL")))
        secure_site(tmp)
        if search:
            run_pagefind(tmp)
        swap_in(tmp, site)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return data
