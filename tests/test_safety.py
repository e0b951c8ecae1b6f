"""The promises a visitor at risk relies on, tried in real Chromium as a person would use them.

- The quick exit fires on Shift pressed three times on its own, and never while typing,
  moving back with Shift+Tab, or selecting text with Shift+arrows.
- The exit button runs the script (the page is blanked, the history entry replaced).
- The back-forward-cache guard hides an exited page that the browser restores.
- Search words never reach a server, the address bar or the history.
- A page framed by another origin does not show its content.
"""

from __future__ import annotations

import html
import http.server
import threading
import urllib.parse

import pytest

from conftest import EXIT_HOST, QuietServer, neutral_exit

pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.browser

COUNTRY = "/countries/uganda/"
LANGS = {"en": "", "fr": "/fr"}


def at_site(page, base_url) -> bool:
    return page.url.startswith(base_url)


def settle(page, ms: int = 400) -> None:
    """Give a navigation the exit may have started time to begin."""
    page.wait_for_timeout(ms)


# --- Shift ×3: what must not exit ---------------------------------------------------------

NOT_AN_EXIT = {
    "Shift+Tab three times": lambda page: [page.keyboard.press("Shift+Tab") for _ in range(3)],
    "Shift+ArrowRight three times": lambda page: [page.keyboard.press("Shift+ArrowRight") for _ in range(3)],
    "typing three capitals": lambda page: [page.keyboard.press(f"Shift+Key{c}") for c in "UKT"],
    "typing a search with capitals": lambda page: (
        page.keyboard.press("Tab"), page.keyboard.type("Uganda Kenya Tanzania")),
    "a capital, then Shift twice": lambda page: (
        page.keyboard.press("Shift+KeyU"), page.keyboard.press("Shift"), page.keyboard.press("Shift")),
    "Shift+Tab, then Shift twice": lambda page: (
        page.keyboard.press("Shift+Tab"), page.keyboard.press("Shift"), page.keyboard.press("Shift")),
    "Shift, Shift, then a letter, then Shift": lambda page: (
        page.keyboard.press("Shift"), page.keyboard.press("Shift"), page.keyboard.press("a"),
        page.keyboard.press("Shift")),
}


@pytest.mark.parametrize("name", NOT_AN_EXIT)
def test_shift_chords_and_typing_do_not_exit(page, base_url, name):
    page.goto(base_url + COUNTRY)
    NOT_AN_EXIT[name](page)
    settle(page)
    assert at_site(page, base_url), f"{name} sent the visitor to the exit page"
    assert not page.evaluate("document.documentElement.classList.contains('ra-exiting')")


def test_typing_capitals_in_the_search_box_does_not_exit(page, base_url):
    page.goto(base_url + "/search/")
    page.click("#ra-q")
    page.keyboard.type("Uganda Kenya Tanzania")
    settle(page)
    assert at_site(page, base_url)
    assert page.input_value("#ra-q") == "Uganda Kenya Tanzania"


def test_a_pause_of_more_than_five_seconds_starts_the_count_again(page, base_url):
    page.goto(base_url + COUNTRY)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(5300)
    page.keyboard.press("Shift")
    settle(page)
    assert at_site(page, base_url)


# --- Shift ×3: what must exit -------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_shift_alone_three_times_exits_and_back_does_not_return(page, base_url, lang):
    page.goto(base_url + LANGS[lang] + "/")  # an earlier page of the visit
    page.goto(base_url + LANGS[lang] + COUNTRY)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    status = page.inner_text("#ra-exit-status")
    assert ("1 more time" if lang == "en" else "encore 1 fois") in status
    page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_HOST}**")
    page.go_back()
    assert not page.url.endswith(COUNTRY), "Back returned to the page the visitor left"


def test_shift_counts_again_after_a_chord(page, base_url):
    page.goto(base_url + COUNTRY)
    page.keyboard.press("Shift+Tab")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{EXIT_HOST}**")


# --- The button ---------------------------------------------------------------------------

def test_exit_button_click_runs_the_script_path(page, base_url):
    """The page is blanked before it leaves, and Back skips it: only the script does both (a
    plain link leaves the page visible and in history). What the page saw is kept in
    sessionStorage, which the site's earlier page in the same tab can read back."""
    page.goto(base_url + "/")
    page.goto(base_url + COUNTRY)
    page.evaluate("""() => new MutationObserver(() => {
        if (document.documentElement.classList.contains('ra-exiting') && !document.body.children.length)
            sessionStorage.setItem('ra-test-blanked', document.title);
    }).observe(document.documentElement, {attributes: true, childList: true, subtree: true})""")
    page.click("#ra-exit")
    page.wait_for_url(f"{EXIT_HOST}**")
    page.go_back()
    assert not page.url.endswith(COUNTRY), "Back returned to the page the visitor left"
    assert page.url == base_url + "/"
    assert page.evaluate("sessionStorage.getItem('ra-test-blanked')") == "Loading", "the page was not blanked"


@pytest.mark.parametrize("lang", LANGS)
def test_exit_button_works_on_a_360_px_phone(browser, base_url, lang):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    neutral_exit(context)
    page = context.new_page()
    page.goto(base_url + LANGS[lang] + COUNTRY)
    box = page.locator("#ra-exit").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 24
    page.tap("#ra-exit")
    page.wait_for_url(f"{EXIT_HOST}**")
    context.close()


# --- The back-forward cache ---------------------------------------------------------------

def test_exited_page_restored_from_the_back_forward_cache_is_replaced(bfcache_browser, base_url):
    """A page that was exiting when the browser cached it is replaced again when Back
    restores it (the pageshow guard)."""
    context = bfcache_browser.new_context()
    neutral_exit(context)
    page = context.new_page()
    page.goto(base_url + COUNTRY)
    page.evaluate("document.documentElement.classList.add('ra-exiting')")
    page.goto(base_url + "/countries/")
    page.go_back(wait_until="commit")
    page.wait_for_url(f"{EXIT_HOST}**", timeout=5000)
    context.close()


def test_back_forward_cache_is_really_used(bfcache_browser, base_url):
    """Guards the test above: without a real restore from the cache it would prove nothing."""
    context = bfcache_browser.new_context()
    page = context.new_page()
    page.goto(base_url + COUNTRY)
    page.evaluate("window.__marker = 42")
    page.goto(base_url + "/countries/")
    page.go_back(wait_until="commit")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__marker") == 42
    context.close()


# --- Search keeps its word ----------------------------------------------------------------

WORDS = "Zanzibarqueryword"


@pytest.mark.parametrize("lang", LANGS)
def test_search_words_reach_no_request_no_address_and_no_history(browser, base_url, lang):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url + " " + (r.post_data or "")))
    page.goto(base_url + LANGS[lang] + "/search/")
    before = page.evaluate("history.length")
    page.fill("#ra-q", WORDS + " uganda")
    page.press("#ra-q", "Enter")
    page.wait_for_function("document.getElementById('ra-search-status').textContent.length > 0")
    page.click("button[type=submit]")
    settle(page)
    assert WORDS.lower() not in page.url.lower()
    assert page.evaluate("history.length") == before
    assert [r for r in requests if WORDS.lower() in r.lower()] == []
    assert page.url == base_url + LANGS[lang] + "/search/"
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_search_has_no_form_and_points_to_the_index(browser, base_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + LANGS[lang] + "/search/")
    assert not page.locator("#ra-q").is_visible()
    assert page.locator("form:visible").count() == 0
    links = page.eval_on_selector_all("noscript a, .md-content a", "els => els.map(e => e.getAttribute('href'))")
    assert "../countries/" in links and "../table/" in links
    assert all("?" not in u for u in requests)
    context.close()


# --- Frames -------------------------------------------------------------------------------

class FramerHandler(http.server.BaseHTTPRequestHandler):
    """Another origin (another port on this machine) whose page frames the path it is given."""

    def do_GET(self):
        src = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)["src"][0]
        body = f'<!doctype html><title>Framer</title><iframe src="{html.escape(src)}" width="800" height="600"></iframe>'
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def framer_url():
    server = QuietServer(("127.0.0.1", 0), FramerHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path", ["/", COUNTRY, "/fr" + COUNTRY])
def test_page_framed_by_another_origin_does_not_show(page, base_url, framer_url, path):
    page.goto(framer_url + "?src=" + urllib.parse.quote(base_url + path, safe=""))
    page.wait_for_timeout(800)
    if at_site(page, base_url):
        return  # it broke out of the frame
    frame = next(f for f in page.frames if f.url.startswith(base_url))
    frame.wait_for_load_state()
    assert frame.evaluate("document.querySelector('h1') !== null"), "the framed page did not load"
    assert frame.evaluate("getComputedStyle(document.documentElement).display") == "none"
    assert not frame.locator("h1").is_visible()


def test_page_at_the_top_level_shows_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + COUNTRY)
    assert page.locator("h1").is_visible()
    context.close()
