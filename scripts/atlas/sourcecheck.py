"""Check that every source address still answers: ``make check-sources`` (needs a network).

Reports each address that is dead (an error status or no answer) or moved (a permanent
redirect to another address). It sends one HEAD request per address (GET when a server
refuses HEAD), a few at a time, each with a time limit, and follows no redirect itself.
It is never part of ``make test``; its tests use a server on this machine.
"""

from __future__ import annotations

import http.client
import urllib.parse
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

USER_AGENT = "RefugeAtlas-source-check/1 (+https://github.com/refuge-atlas)"


@dataclass(frozen=True, order=True)
class UrlResult:
    url: str
    verdict: str  # "ok", "moved", "dead"
    detail: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _request(url: str, method: str, timeout: float) -> tuple[int, str]:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, ""
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "") or ""


def check_url(url: str, timeout: float = 15.0) -> UrlResult:
    try:
        status, location = _request(url, "HEAD", timeout)
        if status in (403, 405, 501):  # some servers refuse HEAD but serve GET
            status, location = _request(url, "GET", timeout)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        return UrlResult(url, "dead", f"no answer ({getattr(exc, 'reason', exc)})")
    if status in (301, 308):
        target = urllib.parse.urljoin(url, location)
        return UrlResult(url, "moved", f"{status} to {target}")
    if status in (302, 303, 307):
        return UrlResult(url, "ok", f"{status} (temporary redirect)")
    if status >= 400:
        return UrlResult(url, "dead", f"HTTP {status}")
    return UrlResult(url, "ok", f"HTTP {status}")


def check_urls(urls: list[str], timeout: float = 15.0, workers: int = 8) -> list[UrlResult]:
    """Check each distinct address once, at most ``workers`` at a time."""
    unique = sorted(set(urls))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sorted(pool.map(lambda u: check_url(u, timeout), unique))


def source_urls(countries, pathways) -> dict[str, list[str]]:
    """Each address, with the files and source ids that cite it."""
    where: dict[str, list[str]] = {}
    for c in countries:
        for s in c.sources:
            for url in filter(None, (s.url, s.copy_url)):
                where.setdefault(url, []).append(f"{c.iso2.lower()}.yaml#{s.id}")
    for s in pathways.sources if pathways else []:
        for url in filter(None, (s.url, s.copy_url)):
            where.setdefault(url, []).append(f"pathways.yaml#{s.id}")
    return where
