"""Build the site: validate, generate, run MkDocs, add open data and search, swap in.

Everything is written to a temporary folder next to ``site/``; only a build that fully
succeeded replaces ``site/``, by renames. A failed build leaves ``site/`` byte for byte
as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .engines import DEFAULT_ENGINE, EngineError, run_external, source_date_epoch
from .enrich import Dataset, enrich
from .fmt import slugify
from .export import api_files, host_files
from .i18n import DEFAULT, Language, english_fallback, languages, stale_page_notice, translations
from .offline import write_editions
from .staleness import read_lock, stale_pages
from .load import load_all, load_countries
from .pages import render_pages
from .postprocess import UnknownInlineScript, localize_404, merge_sitemaps, prune_theme_assets, redirect_page, secure_site
from .sitetree import LinkOutside, read_tree, swap_in, sync_tree, write_files

ROOT = Path(__file__).absolute().parents[2]
GENERATED = Path("build") / "docs"  # one folder per language: build/docs/en, build/docs/fr


class BuildError(Exception):
    pass


def load_dataset(root: Path = ROOT, today: dt.date | None = None) -> Dataset:
    return enrich(load_countries(root / "data", root=root, today=today))


def selected_languages(root: Path, only: list[str] | None) -> list[Language]:
    """The languages to build: all of them, or just those named in ``only``."""
    return [lang for lang in languages(root) if not only or lang.code in only]


def hand_written(root: Path, lang: Language, codes: list[str], gettext,
                 stale: frozenset[str] = frozenset()) -> dict[str, str | bytes]:
    """docs/ for English; for another language, docs/<code>/ over the English pages, each
    missing page falling back to English with a visible notice, and each page in ``stale``
    (paths under docs/<code>/) marked as possibly out of date. Assets are shared."""
    try:
        tree = read_tree(root / "docs", root)
    except LinkOutside as exc:
        raise BuildError(str(exc)) from None
    english = {rel: data for rel, data in tree.items() if rel.split("/", 1)[0] not in codes}
    if lang.code == DEFAULT:
        return english
    own = {rel.split("/", 1)[1]: data for rel, data in tree.items() if rel.split("/", 1)[0] == lang.code}
    for rel in stale & set(own):
        own[rel] = stale_page_notice(own[rel].decode("utf-8"), gettext)
    files: dict[str, str | bytes] = {}
    for rel, data in english.items():
        if rel in own or not rel.endswith(".md"):
            files[rel] = own.get(rel, data)
            continue
        # Site-wide files (API, downloads, feeds) live only at the root: one level further up.
        text = re.sub(r'href="((?:\.\./)+)(api|downloads|feeds)/', r'href="../\1\2/', data.decode("utf-8"))
        files[rel] = english_fallback(text, gettext)
    for rel, data in own.items():
        files.setdefault(rel, data)
    return files


def generate(root: Path = ROOT, today: dt.date | None = None, only: list[str] | None = None) -> Dataset:
    """Validate the data and write one Markdown tree per language into ``build/docs/<code>``
    (``only``: just these languages, e.g. ``["en"]`` for a quick English-only build)."""
    countries, pathways = load_all(root / "data", root=root, today=today)
    data = enrich(countries)
    codes = [lang.code for lang in languages(root)]
    for lang in selected_languages(root, only):
        trans = translations(root, lang.code)
        lock = read_lock(root, lang.code) if lang.code != DEFAULT else None
        stale = [page for page, _ in stale_pages(root, lang.code, lock)] if lock else []
        stale_docs = frozenset(page.split("/", 2)[2] for page in stale if page.startswith("docs/"))
        stale_templates = frozenset(page.split("templates/", 1)[1] for page in stale if "/templates/" in page)
        files = hand_written(root, lang, codes, trans.gettext, stale_docs)
        generated = {**render_pages(data, lang, trans, pathways, lock, stale_templates), **redirects(data),
                     **name_redirects(data, lang)}
        if lang.code == DEFAULT:
            generated.update(api_files(data, os.environ.get("ATLAS_SITE_URL")))
        for rel, text in generated.items():
            if rel in files and rel.endswith(".md"):
                raise BuildError(f"docs/{rel} is hand-written but the generator also writes it; rename one")
            files[rel] = text
        sync_tree(root / GENERATED / lang.code, files)
    for stale in (root / GENERATED).iterdir() if (root / GENERATED).exists() else []:
        if stale.is_dir() and stale.name not in codes:
            shutil.rmtree(stale)
        elif stale.is_file():
            stale.unlink()
    return data


def redirects(data: Dataset) -> dict[str, str]:
    pages = {}
    for e in data.countries:
        for old in [e.iso2.lower(), *e.country.former_slugs]:
            pages[f"countries/{old}/index.html"] = redirect_page(f"../{e.country.slug}/", e.country.name)
    return pages


def name_redirects(data: Dataset, lang: Language) -> dict[str, str]:
    """``/<lang>/countries/<slug of the local name>/`` leads to the page (slugs are English
    and the same in every language, so a reader who types the name in French still
    arrives). A local slug that is another country's slug, or shared by two countries,
    gets no redirect."""
    if lang.code == DEFAULT:
        return {}
    from .i18n import Localizer

    localizer = Localizer(lang.code)
    taken = {e.country.slug for e in data.countries} | {s for e in data.countries for s in e.country.former_slugs}
    taken |= {e.iso2.lower() for e in data.countries}
    wanted: dict[str, list] = {}
    for e in data.countries:
        local = slugify(localizer.name(e.country))
        if local and local != e.country.slug:
            wanted.setdefault(local, []).append(e)
    return {
        f"countries/{local}/index.html": redirect_page(f"../{items[0].country.slug}/", localizer.name(items[0].country))
        for local, items in sorted(wanted.items()) if len(items) == 1 and local not in taken
    }


def engine_extra(root: Path, lang: Language) -> dict:
    """What the templates need besides mkdocs.yml: the languages and the quick exit's words."""
    gettext = translations(root, lang.code).gettext
    return {
        "atlas_lang": lang.code,
        "atlas_languages": [
            {"code": other.code, "name": other.native_name, "prefix": other.prefix, "dir": other.direction}
            for other in languages(root)
        ],
        "atlas_ui": {
            "exit": gettext("Exit this page"),
            "browse_safely": gettext("Browse safely"),
            "more_one": gettext("Shift pressed. Press Shift 1 more time to exit this page."),
            "more_other": gettext("Shift pressed. Press Shift {n} more times to exit this page."),
            "exiting": gettext("Exiting this page."),
            "not_found": gettext("Page not found"),
            "not_found_text": gettext("There is no page at this address. It may have been mistyped, or the page "
                                      "may have moved. These pages may help:"),
            "countries": gettext("Countries"),
            "routes": gettext("Routes to safety"),
            "search": gettext("Search"),
        },
    }


def run_engine(engine: str, root: Path, site_dir: Path, as_of: dt.date, lang: Language) -> None:
    """The one seam: build one language with ``engine`` (atlas.engines) into ``site_dir``."""
    if engine == DEFAULT_ENGINE:
        run_mkdocs(root, site_dir, as_of, lang)
        return
    try:
        run_external(root, engine, site_dir, lang, engine_extra(root, lang), as_of)
    except EngineError as exc:
        raise BuildError(str(exc)) from None


def run_mkdocs(root: Path, site_dir: Path, as_of: dt.date, lang: Language | None = None, dirty: bool = False) -> None:
    """Build one language with MkDocs into ``site_dir`` (which MkDocs empties first)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    logging.basicConfig(format="%(levelname)-7s - %(message)s", level=logging.WARNING)
    os.environ["ATLAS_PREGENERATED"] = "1"  # the hook must not generate a second time
    # Dates in the sitemap come from the data, not the clock: rebuilds are byte-identical.
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(as_of)
    try:
        lang = lang or languages(root)[0]
        # A dirty (preview) build rebuilds only changed pages; it cannot be strict.
        config = load_config(str(root / lang.config), site_dir=str(site_dir), strict=not dirty)
        config["extra"].update(engine_extra(root, lang))
        if config["site_url"]:
            config["site_url"] = config["site_url"].rstrip("/") + "/" + lang.prefix
        mkdocs_build(config, dirty=dirty)
    except Abort as exc:
        raise BuildError(f"MkDocs failed: {exc}") from None
    finally:
        os.environ.pop("ATLAS_PREGENERATED", None)
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def run_pagefind(site_dir: Path) -> None:
    result = subprocess.run(
        # Heading permalinks ("#") and "Link to this" controls are not words to search.
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
         "--exclude-selectors", ".headerlink", "--exclude-selectors", ".ra-permalink"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise BuildError(f"Pagefind failed:\n{result.stdout}{result.stderr}")
    # Pagefind lists languages in hash-map order; sort them so rebuilds are byte-identical.
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    if entry.exists():
        entry.write_text(json.dumps(json.loads(entry.read_text("utf-8")), sort_keys=True), "utf-8")


def build(root: Path = ROOT, site: Path | None = None, search: bool = True, only: list[str] | None = None,
          engine: str = DEFAULT_ENGINE) -> Dataset:
    site = site or root / "site"
    data = generate(root, only=only)
    tmp = Path(tempfile.mkdtemp(prefix=".site-building-", dir=site.parent))
    try:
        langs = selected_languages(root, only)
        for lang in langs:  # English first: MkDocs empties its site_dir
            run_engine(engine, root, tmp / lang.prefix, data.data_as_of, lang)
        merge_sitemaps(tmp, langs)
        localize_404(tmp, langs)
        prune_theme_assets(tmp)
        # Dotfiles are not copied by MkDocs, so host files are written after it.
        write_files(tmp, host_files(data, os.environ.get("ATLAS_SITE_URL")))
        try:
            secure_site(tmp)
        except UnknownInlineScript as exc:
            raise BuildError(f"Inline scripts not on the allowlist:\n{exc}") from None
        if not only:  # the offline editions hold every language's pages: full builds only
            write_editions(tmp, langs, data.data_as_of, root)
        if search:
            run_pagefind(tmp)
        swap_in(tmp, site)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return data
