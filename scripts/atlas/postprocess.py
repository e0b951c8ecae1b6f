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
INLINE_STYLE = re.compile(r"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S)
CSP_META = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy[\"']?", re.I)
CHARSET = '<meta charset="utf-8">'

# The only inline scripts a page may hold, pinned by the SHA-256 of their text with the
# site-relative base (which differs with page depth) replaced by "BASE". A script not in
# this list fails the build: nothing a bug or a hand-written page adds is trusted by
# accident. When Material changes one of its scripts, tests/test_csp.py names it; check the
# new text, then update its hash here.
KNOWN_SCRIPTS = {
    # overrides/main.html: the frame guard
    "frame guard": "MpF5HY4XCaxyxjOBsLpuOxMqIf8YtA6zwQK+/B72v1A=",
    # Material base.html: __md_scope, __md_get/__md_set (palette and state storage)
    "material scope": "nicDKD8N+Ac4e1sdTbP9Yt9soQHHjvjNS5ZFHpWH9VI=",
    # Material base.html: open the content tab named in the address
    "material tabs": "/8wPdzX9q0NNJXyA5lzsLojXFpkeaXVxhbfkUOQaWy8=",
    # Zensical 0.0.73 (ENGINE=zensical): its own __md_scope, and the palette restore
    "zensical scope": "9Ua2/jklLh4+MkVSC6SIxGGiMjEFg2cwR7rrrcpAWn8=",
    "zensical palette": "DrEMJJ29sL7vIloQzly+VUGMxKcBTMII+OfW7Y8AkG4=",
}
MKDOCS_SCRIPTS = {"frame guard", "material scope", "material tabs"}
_BASE = re.compile(r'new URL\("[^"]*",location\)')


class UnknownInlineScript(ValueError):
    pass


def digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def pinned_name(body: str) -> str | None:
    """The name under which ``body`` is pinned, or None when it is not a known script."""
    normal = digest(_BASE.sub('new URL("BASE",location)', body))
    return next((name for name, pin in KNOWN_SCRIPTS.items() if pin == normal), None)


def csp_for(html: str, page: str = "page") -> str:
    hashes = set()
    for m in INLINE_SCRIPT.finditer(html):
        if 'type="application/json"' in m.group("attrs"):
            continue  # data, not executed
        body = m.group("body")
        if pinned_name(body) is None:
            raise UnknownInlineScript(
                f"{page}: an inline script that is not on the allowlist ({body.strip()[:60]!r}); "
                "move it to a file under docs/assets/, or pin it in atlas.postprocess.KNOWN_SCRIPTS"
            )
        hashes.add(f"'sha256-{digest(body)}'")
    styles = {f"'sha256-{digest(m.group('body'))}'" for m in INLINE_STYLE.finditer(html)}
    script_src = " ".join(["'self'", "'wasm-unsafe-eval'", *sorted(hashes)])
    style_src = " ".join(["'self'", *sorted(styles)])
    return (
        "default-src 'self'; "
        f"script-src {script_src}; "
        f"style-src {style_src}; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
    )


def add_csp(html: str, page: str = "page") -> str:
    if CHARSET not in html:
        raise ValueError(f"{page} has no <meta charset> to anchor the Content-Security-Policy")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{csp_for(html, page)}">'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


def has_csp(html: str) -> bool:
    """A page already carries a policy only if it has the meta tag, not merely the words."""
    return CSP_META.search(html) is not None


def secure_site(site: Path) -> int:
    """Add a CSP to every HTML page; raise ``UnknownInlineScript`` listing every page with an
    inline script that is not pinned."""
    count, errors = 0, []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        if has_csp(html):
            continue
        try:
            page.write_text(add_csp(html, str(page.relative_to(site))), "utf-8")
        except UnknownInlineScript as exc:
            errors.append(str(exc))
        count += 1
    if errors:
        raise UnknownInlineScript("\n".join(errors))
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


_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ROOTED = re.compile(r'\b(href|src)="/(?!/)([^"]*)"')


def localize_404(site: Path, langs) -> None:
    """MkDocs writes a 404 page with links from the site root ("/countries/"), because it is
    served at any missing address. In another language's folder those links led readers to the
    English pages. Point each one at the same page in that language's folder, where it exists;
    the language switch and hreflang alternates (which name another language on purpose) are
    kept."""
    for lang in langs:
        prefix = lang.prefix.strip("/")
        page = site / prefix / "404.html"
        if not prefix or not page.exists():
            continue

        def in_language(match: re.Match) -> str:
            attr, path = match.group(1), match.group(2)
            target = site / prefix / path.split("#", 1)[0].split("?", 1)[0]
            if path.startswith(prefix + "/") or not (target.is_file() or (target / "index.html").is_file()):
                return match.group(0)
            return f'{attr}="/{prefix}/{path}"'

        def tag(match: re.Match) -> str:
            text = match.group(0)
            return text if "hreflang=" in text else _ROOTED.sub(in_language, text)

        page.write_text(_TAG.sub(tag, page.read_text("utf-8")), "utf-8")


THEME_ASSETS = ("assets/javascripts", "assets/stylesheets")


def prune_theme_assets(site: Path) -> int:
    """Delete the theme's scripts and styles that no page uses (Material's search index
    worker, lunr languages, its bundle, source maps): less to host, nothing a visitor loads.
    Returns the bytes removed. A file any HTML page or kept stylesheet names is kept."""
    used: set[Path] = set()
    for page in site.rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"#?]+)', page.read_text("utf-8")):
            if "://" not in ref and not ref.startswith(("mailto:", "data:")):
                used.add((page.parent / ref).resolve() if not ref.startswith("/") else (site / ref.lstrip("/")).resolve())
    for css in [p for p in used if p.suffix == ".css" and p.exists()]:
        for ref in re.findall(r"url\(['\"]?([^'\")#?]+)", css.read_text("utf-8")):
            if "://" not in ref and not ref.startswith("data:"):
                used.add((css.parent / ref).resolve())
    removed = 0
    for folder in [d for d in site.rglob("assets") if d.is_dir()]:
        for sub in THEME_ASSETS:
            root = folder.parent / sub
            for path in sorted(root.rglob("*")) if root.exists() else []:
                if path.is_file() and path.resolve() not in used:
                    removed += path.stat().st_size
                    path.unlink()
            for path in sorted(root.rglob("*"), reverse=True) if root.exists() else []:
                if path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    return removed
