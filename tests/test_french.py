"""The French site serves a French reader: data text in French, kept in step with the English,
dates written by French rules, and French names that reach the page."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from atlas import fmt
from atlas.build import ROOT, name_redirects
from atlas.fmt import slugify
from atlas.enrich import enrich
from atlas.i18n import Language
from atlas.load import load_countries
from atlas.staleness import accept, read_lock, short_hash, stale_fields, stale_pages
from conftest import FIXTURES, TODAY, make_root

FRENCH = Language("fr", "mkdocs.fr.yml")
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
MAX_UNTRANSLATED = 3  # entries explicitly allowed to show English on a French page


# --- Dates --------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("2013-08-01", "1er août 2013"), ("2023-05-26", "26 mai 2023"), ("2023-05", "mai 2023"), ("2023", "2023"),
])
def test_french_dates_follow_french_rules(value, expected):
    assert fmt.human_date(value, "fr") == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2013-08-01", "le 1er août 2013"), ("2023-05", "mai 2023"), ("2018", "2018"),
])
def test_a_date_after_depuis_takes_le_only_when_it_has_a_day(value, expected):
    assert fmt.since_date(value, "fr") == expected
    assert fmt.since_date(value, "en") == fmt.human_date(value, "en")


def test_no_french_page_writes_le_before_a_month_or_1_for_the_first(real_site):
    bad = []
    for page in sorted((real_site / "fr").rglob("*.html")):
        text = re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))
        for m in re.finditer(rf"\b(?:le|depuis le) (?:{MONTHS}) \d{{4}}|(?<![\d,.])\b1 (?:{MONTHS})\b", text):
            bad.append(f"{page.relative_to(real_site)}: {m.group()}")
    assert bad == []


# --- Data text in French -------------------------------------------------------------------

def test_no_french_country_page_shows_english_data_text(real_site):
    pages = sorted((real_site / "fr" / "countries").glob("*/index.html"))
    assert len(pages) > 150
    untranslated = [str(p.relative_to(real_site)) for p in pages
                    if 'class="ra-untranslated"' in p.read_text("utf-8")]
    assert len(untranslated) <= MAX_UNTRANSLATED, untranslated


def test_french_footer_and_description_are_french(real_site):
    home = (real_site / "fr" / "index.html").read_text("utf-8")
    assert "Données sous licence CC BY 4.0" in home and "Data under CC BY 4.0" not in home
    assert '<meta name="description" content="Où ' in home


# --- Translations kept in step ---------------------------------------------------------------

def fixture_with_french(tmp_path):
    text = (FIXTURES / "countries" / "ke.yaml").read_text("utf-8").replace(
        "  summary: Fixture summary for Kenya.",
        "  summary:\n    en: Fixture summary for Kenya.\n    fr: Résumé de test pour le Kenya.")
    return make_root(tmp_path, {"ke.yaml": text})


def test_a_changed_english_field_makes_its_french_stale(tmp_path):
    root = fixture_with_french(tmp_path)
    countries = load_countries(root / "data", root=root, today=TODAY)
    accept(root, countries, "fr")
    assert stale_fields(root, countries, "fr", read_lock(root, "fr")) == []
    path = root / "data" / "countries" / "ke.yaml"
    path.write_text(path.read_text("utf-8").replace("en: Fixture summary for Kenya.", "en: A new English summary."))
    countries = load_countries(root / "data", root=root, today=TODAY)
    stale = stale_fields(root, countries, "fr", read_lock(root, "fr"))
    assert [(s.file, s.line, s.path) for s in stale] == [("data/countries/ke.yaml", 11, "status.summary.fr")]


def test_moving_a_field_keeps_its_record(tmp_path):
    root = fixture_with_french(tmp_path)
    countries = load_countries(root / "data", root=root, today=TODAY)
    accept(root, countries, "fr")
    lock = read_lock(root, "fr")
    assert (short_hash("Résumé de test pour le Kenya."), short_hash("Fixture summary for Kenya.")) in lock.fields


def test_validate_warns_about_a_stale_translation_and_still_passes():
    """The real data, through the command a maintainer runs; a stale field is reported as a
    warning with file, line and field, and the exit code stays 0."""
    result = subprocess.run([sys.executable, "-m", "atlas", "validate"], cwd=ROOT, capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert all(line.startswith(("warning: ", "1 translation", "2 translation")) or re.match(r"\d+ translation", line)
               for line in result.stderr.splitlines())


def test_the_committed_translations_are_all_recorded():
    countries = load_countries(ROOT / "data", root=ROOT)
    lock = read_lock(ROOT, "fr")
    assert stale_fields(ROOT, countries, "fr", lock) == [], "run `make translations` after reviewing them"
    assert stale_pages(ROOT, "fr", lock) == [], "run `make translations` after reviewing them"


def test_a_changed_english_page_makes_its_french_page_stale(tmp_path):
    import os
    import shutil

    root = make_root(tmp_path)
    (root / "docs").unlink()
    shutil.copytree(ROOT / "docs", root / "docs")
    os.makedirs(root / "data" / "translations", exist_ok=True)
    countries = load_countries(root / "data", root=root, today=TODAY)
    accept(root, countries, "fr")
    assert stale_pages(root, "fr", read_lock(root, "fr")) == []
    page = root / "docs" / "browse-safely" / "index.md"
    page.write_text(page.read_text("utf-8") + "\nA new paragraph.\n", "utf-8")
    assert stale_pages(root, "fr", read_lock(root, "fr")) == [("docs/fr/browse-safely/index.md", "docs/browse-safely/index.md")]


def test_a_stale_french_field_shows_a_notice_on_the_french_page(tmp_path):
    from atlas.i18n import translations
    from atlas.pages import render_pages
    from atlas.staleness import Lock

    root = fixture_with_french(tmp_path)
    data = enrich(load_countries(root / "data", root=root, today=TODAY))
    page = render_pages(data, FRENCH, translations(ROOT, "fr"), lock=Lock(set(), {}))["countries/kenya/index.md"]
    assert "Résumé de test pour le Kenya." in page and "La traduction n’est peut-être plus à jour" in page
    current = Lock({(short_hash("Résumé de test pour le Kenya."), short_hash("Fixture summary for Kenya."))}, {})
    page = render_pages(data, FRENCH, translations(ROOT, "fr"), lock=current)["countries/kenya/index.md"]
    assert "La traduction n’est peut-être plus à jour" not in page


# --- French names reach the page ---------------------------------------------------------------

@pytest.mark.parametrize(("name", "slug"), [("Côte d’Ivoire", "cote-d-ivoire"), ("Tchad", "tchad"),
                                            ("São Tomé-et-Principe", "sao-tome-et-principe")])
def test_french_names_become_slugs(name, slug):
    assert slugify(name) == slug


def test_every_french_name_redirect_lands_on_a_page_that_exists(real_site):
    data = enrich(load_countries(ROOT / "data", root=ROOT))
    redirects = name_redirects(data, FRENCH)
    assert {"countries/ouganda/index.html", "countries/tchad/index.html", "countries/cote-d-ivoire/index.html"} <= set(redirects)
    for rel in redirects:
        html = (real_site / "fr" / rel).read_text("utf-8")
        target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
        landing = (real_site / "fr" / rel).parent / target / "index.html"
        assert landing.resolve().exists(), f"/fr/{rel} -> {target}"
        assert "/fr/countries/" in str(landing.resolve()).replace(str(real_site), "")


def test_french_country_pages_put_a_no_break_space_before_a_colon(real_site):
    """French typography: 'Aceh : criminalisé', 'Kenya : criminalisé', not 'Aceh: …'."""
    bad = []
    for page in sorted((real_site / "fr" / "countries").glob("*/index.html")):
        html = page.read_text("utf-8")
        for block in re.findall(r'<(?:h3 class="ra-provision-title"|p class="ra-meta"|li)>(.*?)</(?:h3|p|li)>', html, re.S):
            text = re.sub(r"<[^>]+>", "", block)
            if re.search(r"[^\s\u00a0\u202f]:\s", text):
                bad.append(f"{page.parent.name}: {text.strip()[:80]}")
    assert bad == []
