"""What people take away: a feed per country, and a printed brief that stands on its own."""

from __future__ import annotations

import json
import re

import feedparser
import pytest

COUNTRY = "/countries/uganda/"


@pytest.fixture(scope="module")
def api(real_site):
    return json.loads((real_site / "api" / "v1" / "countries.json").read_text("utf-8"))["countries"]


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_every_country_feed_is_atom_holds_only_its_country_and_agrees_with_the_page(real_site, api, prefix):
    for rec in api:
        folder = real_site / prefix / rec["url"].strip("/")
        feed = feedparser.parse((folder / "feed.xml").read_bytes())
        assert not feed.bozo, (rec["iso2"], feed.get("bozo_exception"))
        assert feed.version == "atom10"
        page = (folder / "index.html").read_text("utf-8")
        timeline = re.findall(r'<li class="ra-timeline--[a-z_]+" id="(timeline-[^"]+)"', page)
        anchors = [entry.link.split("#", 1)[1] for entry in feed.entries]
        assert sorted(anchors) == sorted(timeline), rec["iso2"]
        assert all(entry.link.split("#")[0].endswith(rec["url"]) for entry in feed.entries)
        assert len({entry.id for entry in feed.entries}) == len(feed.entries)
        assert f'href="feed.xml"' in page, "the page links to its feed"


def test_the_subscribe_page_lists_every_country_feed(real_site, api):
    html = (real_site / "subscribe" / "index.html").read_text("utf-8")
    for rec in api:
        assert f'{rec["url"][1:]}feed.xml"' in html, rec["iso2"]
    data = (real_site / "data" / "index.html").read_text("utf-8")
    assert "subscribe/" in data


@pytest.mark.browser
def test_printed_country_page_is_a_clean_brief(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + COUNTRY)
    page.emulate_media(media="print")
    for hidden in (".ra-exit-bar", ".md-header", ".md-sidebar--primary", ".ra-lang", ".ra-print-control"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for shown in ("#provisions", "#penalties", "#enforcement", "#timeline", "#protections", "#sources", ".ra-print-only"):
        assert page.locator(shown).first.is_visible(), shown
    after = page.evaluate("getComputedStyle(document.querySelector('.ra-sources a[href^=\"http\"]'), '::after').content")
    assert "attr(href)" in after or "http" in after
    line = page.inner_text(".ra-print-only")
    assert "Printed from Refuge Atlas" in line and "Last reviewed" in line and COUNTRY in line
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 8, f"{pages} A4 pages"
    page.close()


@pytest.mark.browser
def test_print_control_prints_with_javascript_and_is_explained_without(browser, base_url):
    page = browser.new_page()
    page.goto(base_url + COUNTRY)
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    page.click(".ra-print-button")
    assert page.evaluate("window.__printed") == 1
    page.close()
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + COUNTRY)
    assert not page.locator(".ra-print-button").is_visible()
    assert "Print command" in page.inner_text(".ra-print-control")
    context.close()


# --- The offline edition -----------------------------------------------------------------

@pytest.mark.parametrize("code", ["en", "fr"])
def test_offline_editions_are_small_and_deterministic(real_site, code, tmp_path):
    import zipfile

    from atlas.build import ROOT, languages, load_dataset
    from atlas.offline import edition

    path = real_site / "downloads" / f"refuge-atlas-{code}.zip"
    assert path.stat().st_size <= 5_000_000
    langs = languages(ROOT)
    lang = next(lang for lang in langs if lang.code == code)
    again = edition(real_site, lang, langs, load_dataset(ROOT).data_as_of, ROOT)
    # The site's own copy was made before Pagefind ran; the pages are the same, so is the zip.
    assert again == path.read_bytes()
    names = zipfile.ZipFile(path).namelist()
    assert f"refuge-atlas-{code}/index.html" in names and f"refuge-atlas-{code}/countries/uganda/index.html" in names
    assert not [n for n in names if "/search/" in n or "/pagefind/" in n or n.endswith(".zip")]


@pytest.mark.browser
@pytest.mark.parametrize(("code", "query", "kenya"), [("en", "uganda", "Kenya"), ("fr", "ouganda", "Kenya")])
def test_offline_edition_works_from_file_with_no_request(browser, real_site, tmp_path, code, query, kenya):
    import zipfile

    zipfile.ZipFile(real_site / "downloads" / f"refuge-atlas-{code}.zip").extractall(tmp_path)
    home = (tmp_path / f"refuge-atlas-{code}" / "index.html").as_uri()
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(home)
    assert page.locator(".ra-offline-note").is_visible()
    page.goto(home.replace("index.html", "countries/index.html"))
    page.fill("#ra-find", query)
    visible = page.locator(".ra-country-list li:not([hidden]) a")
    assert visible.count() == 1
    visible.first.click()
    page.wait_for_url("**/countries/uganda/index.html")
    assert page.locator(".ra-offline-note").is_visible()
    page.locator(f".ra-neighbours a:text-is('{kenya}')").click()
    page.wait_for_url("**/countries/kenya/index.html")
    page.click("#ra-exit")
    page.wait_for_url("about:blank")
    outside = [u for u in requests if not u.startswith(("file://", "data:", "about:"))]
    assert outside == []
    context.close()
