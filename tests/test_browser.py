"""Real Chromium (Debian's) against the built site, served over local HTTP.

Covers the quick exit, privacy (no request leaves the site, no cookies), accessibility
(axe-core, WCAG 2.x A/AA), reading without JavaScript, search, and the 360 px layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXIT_HOST, neutral_exit

playwright = pytest.importorskip("playwright.sync_api")

pytestmark = pytest.mark.browser
AXE = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
SAMPLE = "UG"  # the country page the tests open; any country with a data file works
PAGES = {
    "home": "/",
    "country": None,  # filled from the API by `pages`
    "countries index": "/countries/",
    "region": None,
    "regions index": "/regions/",
    "routes to safety": "/routes/",
    "browse safely": "/browse-safely/",
    "data": "/data/",
    "methodology": "/methodology/",
    "search": "/search/",
    "table": "/table/",
    "map": "/map/",
    "what changed": "/changes/",
    "partnership": "/routes/canada-rainbow-railroad/",
    "questions": "/routes/questions/",
    "report": "/report/",
    "french home": "/fr/",
    "french country": None,  # filled from the API by `sample_country`
    "french routes": "/fr/routes/",
}


@pytest.fixture(scope="module", autouse=True)
def sample_country(real_site):
    """Point PAGES at a real country and its region, read from the built API."""
    import json

    countries = json.loads((real_site / "api" / "v1" / "countries.json").read_text("utf-8"))["countries"]
    record = next((c for c in countries if c["iso2"] == SAMPLE), countries[0])
    PAGES["country"] = record["url"]
    PAGES["french country"] = "/fr" + record["url"]
    PAGES["region"] = f"/regions/{record['region']}/"
    return record


def test_exit_button_is_a_working_link_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    neutral_exit(context)
    page = context.new_page()
    page.goto(base_url + PAGES["country"])
    page.click("#ra-exit")
    page.wait_for_url(f"{EXIT_HOST}**")
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_quick_exit_and_browse_safely_link_on_every_page_type(page, base_url, name):
    page.goto(base_url + PAGES[name])
    assert page.is_visible("#ra-exit")
    assert page.get_attribute("#ra-exit", "href").startswith(EXIT_HOST)
    link = page.locator(".ra-exit-bar a.ra-exit-help")
    french = PAGES[name].startswith("/fr/")
    assert link.inner_text() == ("Naviguer en sécurité" if french else "Browse safely")
    link.click()
    page.wait_for_url(base_url + ("/fr" if french else "") + PAGES["browse safely"])


def test_keyboard_reaches_the_quick_exit_first(page, base_url):
    page.goto(base_url + PAGES["country"])
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-ra-exit')"):
            return
    pytest.fail("the quick exit is not among the first three tab stops")


@pytest.mark.parametrize("name", PAGES)
def test_no_request_leaves_the_site_and_no_cookies(browser, base_url, name):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    if name == "search":
        page.fill("#ra-q", "law")
        page.press("#ra-q", "Enter")
        page.wait_for_selector("#ra-search-results li")
    outside = [u for u in requests if not u.startswith(base_url) and not u.startswith("data:")]
    assert outside == []
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_wcag_a_or_aa_violations(browser, base_url, name):
    context = browser.new_context(bypass_csp=True)  # lets the test inject axe; the site's own CSP is tested elsewhere
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
    )
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}) e.g. {v['nodes'][0]['html'][:120]}" for v in result["violations"]]
    assert violations == []
    context.close()


def test_csp_blocks_an_injected_inline_script(page, base_url):
    page.goto(base_url + PAGES["country"])
    messages = []
    page.on("console", lambda m: messages.append(m.text))
    blocked = page.evaluate("""() => new Promise(resolve => {
        document.addEventListener('securitypolicyviolation', () => resolve(true));
        const s = document.createElement('script'); s.textContent = 'window.__x = 1'; document.body.append(s);
        setTimeout(() => resolve(false), 500);
    })""")
    assert blocked and page.evaluate("window.__x") is None


def test_country_page_reads_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGES["country"])
    for anchor in ("status", "provisions", "penalties", "death-penalty", "gender-expression",
                   "expression-laws", "enforcement", "timeline", "routes-to-safety", "sources"):
        assert page.locator(f"#{anchor}").is_visible(), anchor
    assert page.locator(".ra-sources li").count() >= 1
    context.close()


def search(page, url, words):
    """Search as a visitor does: type the words into the box and press Enter."""
    page.goto(url)
    page.fill("#ra-q", words)
    page.press("#ra-q", "Enter")


def test_search_finds_a_country_by_name(page, base_url, sample_country):
    search(page, base_url + "/search/", sample_country["name"])
    page.wait_for_selector("#ra-search-results li a")
    hrefs = page.eval_on_selector_all("#ra-search-results li a", "els => els.map(e => e.href)")
    assert any(h.endswith(sample_country["url"]) for h in hrefs)


@pytest.mark.parametrize("name", ["home", "country", "routes to safety"])
def test_pages_fit_a_360_px_phone(browser, base_url, name):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    context.close()


def test_table_sorts_filters_and_keeps_state_in_the_url(page, base_url, real_site):
    import json

    countries = json.loads((real_site / "api" / "v1" / "countries.json").read_text("utf-8"))["countries"]
    criminalizing = [c for c in countries if c["status"] == "criminalized"]
    page.goto(base_url + "/table/")
    page.select_option("#ra-filter-status", "criminalized")
    assert "status=criminalized" in page.url
    assert page.locator("#ra-countries tbody tr:not([hidden])").count() == len(criminalizing)
    page.click("th[data-key='name'] button")
    page.click("th[data-key='name'] button")
    assert "sort=name" in page.url and "dir=desc" in page.url
    first = page.locator("#ra-countries tbody tr:not([hidden]) th").first.inner_text()
    assert first == max(c["name"] for c in criminalizing)
    shared = page.url
    other = page.context.new_page()
    other.goto(shared)
    assert other.input_value("#ra-filter-status") == "criminalized"
    assert other.locator("#ra-countries tbody tr:not([hidden]) th").first.inner_text() == first


def test_table_is_complete_without_javascript(browser, base_url, real_site):
    import json

    countries = json.loads((real_site / "api" / "v1" / "countries.json").read_text("utf-8"))["countries"]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/table/")
    assert page.locator("#ra-countries tbody tr").count() == len(countries)
    assert page.locator("#ra-countries tbody tr:visible").count() == len(countries)
    context.close()


def test_map_country_is_a_link_without_javascript(browser, base_url, sample_country):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "/")
    link = page.locator(f"svg.ra-map a[href$='{sample_country['url'][1:]}']").first
    link.click()
    page.wait_for_url(base_url + sample_country["url"])
    context.close()


def _english_interface_strings():
    from babel.messages.pofile import read_po

    root = Path(__file__).parents[1] / "locales"
    with (root / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    out = []
    for m in catalog:
        if isinstance(m.id, str) and m.id and "%(" not in m.id and "{" not in m.id and len(m.id) > 5 and m.string != m.id:
            out.append(m.id)
    return out + ["Table of contents", "Skip to content", "Back to top", "Exit this page", "Browse safely"]


FRENCH_UI_PAGES = {"home": "/fr/", "country": None, "routes to safety": "/fr/routes/", "table": "/fr/table/", "map": "/fr/map/"}


@pytest.mark.parametrize("name", FRENCH_UI_PAGES)
def test_french_pages_show_no_english_interface_text(page, base_url, name):
    path = FRENCH_UI_PAGES[name] or "/fr" + PAGES["country"]
    page.goto(base_url + path)
    assert page.get_attribute("html", "lang") == "fr"
    visible = page.evaluate("""() => {
        const body = document.body.cloneNode(true);
        body.querySelectorAll('[lang]:not([lang="fr"]), .ra-sources, blockquote, .ra-provision-title, .ra-citation, code, script, style, svg title')
            .forEach(el => el.remove());
        return body.innerText;
    }""")
    english = [s for s in _english_interface_strings() if s in visible]
    assert english == []


def test_language_switcher_leads_to_the_same_page(page, base_url, sample_country):
    page.goto(base_url + sample_country["url"])
    page.click("a.ra-lang[hreflang='fr']")
    page.wait_for_url(base_url + "/fr" + sample_country["url"])
    assert page.get_attribute("html", "lang") == "fr"
    page.click("a.ra-lang[hreflang='en']")
    page.wait_for_url(base_url + sample_country["url"])


def test_hreflang_alternates_point_both_ways(page, base_url, sample_country):
    for prefix, other in (("", "fr"), ("/fr", "en")):
        page.goto(base_url + prefix + sample_country["url"])
        href = page.get_attribute(f"link[rel=alternate][hreflang={other}]", "href")
        target = page.evaluate("h => new URL(h, location.href).pathname", href)
        expected = ("/fr" if other == "fr" else "") + sample_country["url"]
        assert target == expected


def test_french_search_finds_the_french_page(page, base_url, sample_country):
    from babel import Locale

    french_name = Locale("fr").territories[sample_country["iso2"]]
    search(page, base_url + "/fr/search/", french_name)
    page.wait_for_selector("#ra-search-results li a")
    hrefs = page.eval_on_selector_all("#ra-search-results li a", "els => els.map(e => e.href)")
    assert any(h.endswith("/fr" + sample_country["url"]) for h in hrefs)
    assert not any("/fr/" not in h for h in hrefs), "French search must return French pages"


def test_keyboard_reaches_search_and_the_language_switcher(page, base_url):
    page.goto(base_url + PAGES["home"])
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('href') || '']")
        if "ra-lang" in info[0]:
            reached.add("language")
        if info[1].endswith("search/"):
            reached.add("search")
        if reached == {"language", "search"}:
            return
    pytest.fail(f"not reached by keyboard: {({'language', 'search'} - reached)}")


@pytest.mark.parametrize("name", ["routes to safety", "partnership", "questions", "french routes"])
def test_routes_pages_read_without_javascript(browser, base_url, name):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PAGES[name])
    assert page.locator("h1").is_visible()
    assert page.locator("#sources").is_visible()
    assert page.locator(".ra-fig").count() >= 1
    assert page.locator("#ra-exit").is_visible()
    context.close()


def test_report_page_says_where_to_send_a_correction(page, base_url):
    page.goto(base_url + PAGES["report"])
    assert page.locator(".ra-report-contact").is_visible()
