"""Finish the built HTML: a Content-Security-Policy per page, and redirect pages.

The CSP is a meta tag, so it works on any static host. It allows only this site's own
resources; each inline script the theme needs is allowed by its SHA-256 hash rather than
by 'unsafe-inline'. Pagefind needs WebAssembly ('wasm-unsafe-eval').
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from html import escape
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
CHARSET = '<meta charset="utf-8">'


def csp_for(html: str) -> str:
    hashes = []
    for m in INLINE_SCRIPT.finditer(html):
        if 'type="application/json"' in m.group("attrs"):
            continue  # data, not executed
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(set(hashes))])
    return (
        "default-src 'self'; "
        f"script-src {script_src}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def add_csp(html: str) -> str:
    if CHARSET not in html:
        raise ValueError("page has no <meta charset> to anchor the Content-Security-Policy")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(html)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


def secure_site(site: Path) -> int:
    count = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        if "Content-Security-Policy" in html:
            continue
        page.write_text(add_csp(html), "utf-8")
        count += 1
    return count


REDIRECT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Redirecting to {title}</title>
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<link rel="canonical" href="{target}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<p>This page has moved to <a href="{target}">{title}</a>.</p>
</body>
</html>
"""


def redirect_page(target: str, title: str) -> str:
    return REDIRECT.format(target=escape(target), title=escape(title))


def merge_sitemaps(site: Path, langs) -> None:
    """One sitemap for every language: MkDocs writes one per build; fold them into the
    root sitemap.xml (and its .gz), deterministically."""
    urls = []
    for lang in langs:
        path = site / lang.prefix / "sitemap.xml"
        if not path.exists():
            continue
        urls += re.findall(r"<url>.*?</url>", path.read_text("utf-8"), re.S)
        if lang.prefix:
            path.unlink()
            (site / lang.prefix / "sitemap.xml.gz").unlink(missing_ok=True)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join("    " + u.strip() for u in urls) + "\n</urlset>\n"
    )
    (site / "sitemap.xml").write_text(xml, "utf-8")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), mtime=0))
