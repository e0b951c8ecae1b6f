"""The build: strict, atomic, reproducible, and its outputs keep the open-data contract."""

from __future__ import annotations

import filecmp
import hashlib
import json
from pathlib import Path

import pytest

from atlas.build import build
from atlas.load import DataError
from conftest import make_root

pytestmark = pytest.mark.slow


def tree_digest(path: Path) -> dict[str, str]:
    return {
        str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.rglob("*")) if p.is_file()
    }


def test_strict_build_publishes_pages_api_and_redirects(built_fixture_site):
    site = built_fixture_site
    assert (site / "countries" / "uganda" / "index.html").is_file()
    redirect = (site / "countries" / "ug" / "index.html").read_text("utf-8")
    assert 'http-equiv="refresh" content="0; url=../uganda/"' in redirect
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert (site / "downloads" / "countries.csv").is_file()


def test_api_follows_the_contract(built_fixture_site):
    api = json.loads((built_fixture_site / "api" / "v1" / "countries.json").read_text("utf-8"))
    assert api["version"] == "1" and api["generated"] == "2026-01-15"
    ug = next(c for c in api["countries"] if c["iso2"] == "UG")
    assert set(ug) >= {
        "iso2", "name", "slug", "url", "un_member", "status", "applies_to", "death_penalty",
        "max_penalty", "decriminalized", "last_reviewed", "verified", "sources",
    }
    assert ug["url"] == "/countries/uganda/" and ug["applies_to"] == ["men", "women"]
    assert ug["death_penalty"] == "prescribed" and ug["max_penalty"] == "Death"
    assert set(ug["sources"][0]) == {"title", "publisher", "url", "date"}
    ca = next(c for c in api["countries"] if c["iso2"] == "CA")
    assert ca["applies_to"] == [] and ca["decriminalized"] == "1969"
    full = json.loads((built_fixture_site / "api" / "v1" / "countries" / "ug.json").read_text("utf-8"))
    assert full["country"]["detail"]["provisions"][0]["section"] == "s. 1"


def test_every_page_has_a_csp_and_no_external_asset(built_fixture_site):
    for page in built_fixture_site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        for attr in ("src", "href"):
            for url in __import__("re").findall(rf'<(?:script|link|img)[^>]*\b{attr}="(https?:)?//', html):
                pytest.fail(f"{page} loads an external asset")


def test_failed_build_leaves_site_untouched(tmp_path):
    root = make_root(tmp_path)
    build(root)
    before = tree_digest(root / "site")
    bad = root / "data" / "countries" / "ke.yaml"
    bad.write_text(bad.read_text("utf-8").replace("name: Kenya", "name: Kenya\ncolour: red").replace(
        "last_reviewed: 2026-01-10", "last_reviewed: 2023-13-45"), "utf-8")
    with pytest.raises(DataError) as info:
        build(root)
    report = info.value.report()
    assert "data/countries/ke.yaml" in report and "colour" in report and "2023-13-45" in report
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".site-building-*"))


def test_two_builds_are_byte_identical(tmp_path):
    root = make_root(tmp_path)
    build(root, site=tmp_path / "one")
    build(root, site=tmp_path / "two")
    cmp = filecmp.dircmp(tmp_path / "one", tmp_path / "two")
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two"), cmp.report()


def test_no_broken_internal_links_or_anchors(real_site):
    from atlas.linkcheck import broken_links

    assert broken_links(real_site) == []


def test_french_pages_link_to_french_pages(real_site):
    """The French 404 page included: MkDocs writes it with root links ("/countries/"), which
    took French readers to English pages until the build pointed them at /fr/."""
    from atlas.linkcheck import cross_language_links

    assert cross_language_links(real_site, "fr") == []
    page = (real_site / "fr" / "404.html").read_text("utf-8")
    assert 'href="/fr/countries/"' in page and 'href="/countries/"' not in page
    assert "<h1>Page introuvable</h1>" in page


def test_the_404_page_says_what_happened_and_where_to_go(real_site):
    page = (real_site / "404.html").read_text("utf-8")
    assert "<h1>Page not found</h1>" in page and "404 - Not found" not in page
    for path in ("/countries/", "/routes/", "/search/"):
        assert f'href="{path}"' in page


def test_link_checker_finds_a_broken_anchor(tmp_path):
    from atlas.linkcheck import broken_links

    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/#nope">x</a><a href="b/">y</a><p id="ok"></p><a href="#ok">z</a>')
    (tmp_path / "a" / "index.html").write_text('<h2 id="yes"></h2>')
    assert broken_links(tmp_path) == ["index.html: link to missing anchor a/#nope", "index.html: link to missing b/"]


def test_host_files_and_security_txt_with_a_site_url(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_SITE_URL", "https://atlas.example/")
    root = make_root(tmp_path)
    build(root)
    site = root / "site"
    assert (site / ".nojekyll").exists()
    assert "Referrer-Policy: no-referrer" in (site / "_headers").read_text("utf-8")
    txt = (site / ".well-known" / "security.txt").read_text("utf-8")
    assert "Contact: https://atlas.example/report/" in txt and "Expires: 2027-01-15T00:00:00Z" in txt
