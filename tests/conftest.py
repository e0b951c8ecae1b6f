"""Shared fixtures: a temporary project root with fixture data, and the real built site."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import threading
import shutil
from pathlib import Path

import pytest

from atlas.build import ROOT, build

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 28)


def make_root(tmp: Path, countries: dict[str, str] | None = None) -> Path:
    """A project root whose code and docs are the real ones and whose data is ours."""
    root = tmp / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "locales", *[p.name for p in ROOT.glob("mkdocs.*.yml")]):
        os.symlink(ROOT / name, root / name)
    (root / "data" / "countries").mkdir(parents=True)
    os.symlink(ROOT / "data" / "pathways.yaml", root / "data" / "pathways.yaml")  # the routes pages
    if countries is None:
        for path in sorted((FIXTURES / "countries").glob("*.yaml")):
            shutil.copy(path, root / "data" / "countries" / path.name)
    else:
        for name, text in countries.items():
            (root / "data" / "countries" / name).write_text(text, "utf-8")
    return root


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("fixture-site"))
    build(root)
    return root / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data, built into a temporary folder (never touches ./site)."""
    site = tmp_path_factory.mktemp("real-site") / "site"
    build(ROOT, site=site)
    return site


# --- Real Chromium against the built site (browser tests) --------------------------------

CHROMIUM = os.environ.get("ATLAS_CHROMIUM") or "/usr/bin/chromium"
AXE_PATH = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
EXIT_HOST = "https://www.bbc.com/"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser that closes a connection early is not an error of the site."""
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def base_url(real_site):
    handler = functools.partial(QuietHandler, directory=str(real_site))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def pw():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make browser-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(pw):
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def bfcache_browser(pw):
    """Chromium with its back-forward cache on (Playwright turns it off by default)."""
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS,
                                 ignore_default_args=["--disable-back-forward-cache"])
    yield browser
    browser.close()


def neutral_exit(context):
    """Stand in for the exit destination: the tests run offline."""
    context.route(f"{EXIT_HOST}**", lambda route: route.fulfill(
        status=200, content_type="text/html", body="<title>Weather</title><p>Weather</p>"))


@pytest.fixture
def page(browser):
    context = browser.new_context()
    neutral_exit(context)
    page = context.new_page()
    yield page
    context.close()


