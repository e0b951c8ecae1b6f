"""Find broken internal links and anchors in a built site.

Every ``href`` and ``src`` that stays on the site (in the body and in the head: feeds,
alternates, stylesheets, icons) must lead to a file that exists, every ``#fragment`` to an
element with that id on the target page, and no link may climb above the site root (a
browser would clamp it silently and land on the wrong page).
"""

from __future__ import annotations

import html.parser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def _parse(path: Path) -> _Collector:
    c = _Collector()
    c.feed(path.read_text("utf-8"))
    return c


class AboveRoot(Exception):
    pass


def _resolve(base: str, path: str) -> str:
    """Join like a browser, but refuse to climb above the root instead of clamping."""
    parts = [] if path.startswith("/") else [p for p in base.split("/") if p]
    for segment in path.split("/"):
        if segment == "..":
            if not parts:
                raise AboveRoot(path)
            parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    return "/" + "/".join(parts)


def _target(site: Path, page: Path, url: str) -> tuple[Path, str] | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:")):
        return None
    if not parts.path:
        return page, parts.fragment
    base = "/" + str(page.parent.relative_to(site)) + "/" if page.parent != site else "/"
    path = _resolve(base, unquote(parts.path))
    target = site / path.lstrip("/")
    if parts.path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    parsed: dict[Path, _Collector] = {}
    problems = []
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        parsed.setdefault(page, _parse(page))
    for page in pages:
        for url in parsed[page].links:
            try:
                found = _target(site, page, url)
            except AboveRoot:
                problems.append(f"{page.relative_to(site)}: link climbs above the site root {url}")
                continue
            if found is None:
                continue
            target, fragment = found
            where = page.relative_to(site)
            if not target.is_file():
                problems.append(f"{where}: link to missing {url}")
            elif fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if fragment not in ids:
                    problems.append(f"{where}: link to missing anchor {url}")
    return problems


class _Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        # A link that says which language it leads to (the language switch) may cross.
        if tag == "a" and a.get("href") and not a.get("hreflang"):
            self.links.append(a["href"])


SHARED = ("api/", "downloads/", "feeds/", "pagefind/", "assets/", "sitemap")


def cross_language_links(site: Path, prefix: str) -> list[str]:
    """Links on pages under ``/<prefix>/`` that land on a page of another language (not on a
    shared file such as the API, downloads or feeds, and not the language switch)."""
    problems = []
    for page in sorted((site / prefix).rglob("*.html")):
        parser = _Anchors()
        parser.feed(page.read_text("utf-8"))
        for url in parser.links:
            try:
                found = _target(site, page, url)
            except AboveRoot:
                continue  # reported by broken_links
            if found is None:
                continue
            rel = str(found[0].relative_to(site)) if found[0].is_relative_to(site) else ""
            if rel and rel.endswith(".html") and not rel.startswith(prefix + "/") and not rel.startswith(SHARED):
                problems.append(f"{page.relative_to(site)}: links to another language's page {url}")
    return problems
