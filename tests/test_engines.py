"""The same site from Zensical, Material's successor: `make build ENGINE=zensical`.

Built once (Zensical 0.0.73 from requirements-zensical.lock, set up by `make test`) and
compared with the MkDocs build: the same pages, every link inside the site and inside its
language, the quick exit and the CSP everywhere, no search index or palette of its own, and
no axe violation on the page types the browser tests cover.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import pytest

from atlas.build import ROOT, build
from atlas.engines import engine_binary
from atlas.linkcheck import broken_links, cross_language_links
from conftest import AXE_PATH, QuietHandler, QuietServer

pytestmark = pytest.mark.slow

PAGE_TYPES = ["/", "/countries/uganda/", "/countries/", "/regions/eastern-africa/", "/regions/", "/routes/",
              "/routes/canada-rainbow-railroad/", "/routes/questions/", "/browse-safely/", "/data/", "/methodology/",
              "/search/", "/table/", "/map/", "/changes/", "/report/", "/fr/", "/fr/countries/uganda/", "/fr/routes/"]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    if not engine_binary(ROOT, "zensical").exists():
        pytest.fail("Zensical is not set up: run `make engine-zensical` (make test does)")
    site = tmp_path_factory.mktemp("zensical") / "site"
    build(ROOT, site=site, engine="zensical")
    return site


def pages_of(site: Path) -> set[str]:
    return {str(p.relative_to(site)) for p in site.rglob("*.html")}


def test_zensical_builds_the_same_pages(zensical_site, real_site):
    assert pages_of(zensical_site) == pages_of(real_site)


def test_every_link_stays_in_the_site_and_in_its_language(zensical_site):
    assert broken_links(zensical_site) == []
    assert cross_language_links(zensical_site, "fr") == []


def test_quick_exit_and_csp_on_every_page(zensical_site):
    for page in zensical_site.rglob("*.html"):
        html = page.read_text("utf-8")
        if 'http-equiv="refresh"' in html:
            continue  # redirect pages
        assert 'http-equiv="Content-Security-Policy"' in html, page
        assert 'id="ra-exit"' in html and "quick-exit.js" in html, page


def test_no_search_index_or_palette_of_its_own(zensical_site):
    assert not (zensical_site / "search.json").exists()
    assert not list(zensical_site.rglob("search_index.json"))
    for page in zensical_site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert 'data-md-component="palette"' not in html and 'data-md-component="search"' not in html, page


@pytest.fixture(scope="module")
def zensical_url(zensical_site):
    server = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(zensical_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_axe_finds_no_violation_on_the_zensical_site(browser, zensical_url, path):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(zensical_url + path)
    page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate("axe.run(document, {runOnly: {type: 'tag', values: "
                           "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})")
    violations = [f"{v['id']}: {v['help']} e.g. {v['nodes'][0]['html'][:100]}" for v in result["violations"]]
    assert violations == []
    context.close()


