"""The offline edition: one zip per language, to carry on a phone or a USB stick.

Unzipped, it opens from ``file://`` in any browser, with no server and no connection:

- every page of the language except search (Pagefind cannot load from ``file://``; the
  countries page has a finder that works offline), the 404 page and redirects;
- links point at files (``countries/uganda/index.html``), not folders;
- links to what the zip does not hold (search, API, downloads, feeds) become plain text, so
  nothing is fetched; the quick exit replaces the page with a blank one (no request);
- every page says "Offline copy, data as of …" at the top.

The zip is deterministic: sorted entries, fixed dates, fixed permissions.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from .i18n import Language, translations

ZIP_NAME = "refuge-atlas-{code}.zip"
EXCLUDED = ("search/", "404.html", "pagefind/", "api/", "downloads/", "feeds/", "sitemap.xml")
EXIT_OFFLINE = "about:blank"
HREF = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')


def zip_name(code: str) -> str:
    return ZIP_NAME.format(code=code)


def _pages(lang_root: Path, other_prefixes: list[str]) -> list[Path]:
    out = []
    for path in sorted(lang_root.rglob("*")):
        rel = path.relative_to(lang_root).as_posix()
        if not path.is_file() or rel.startswith(EXCLUDED) or rel.split("/", 1)[0] in other_prefixes:
            continue
        if path.suffix == ".html" and 'http-equiv="refresh"' in path.read_text("utf-8", errors="ignore")[:2000]:
            continue  # redirect pages: the real page is in the zip
        if path.suffix in (".xml", ".zip", ".gz"):
            continue
        out.append(path)
    return out


def _rewrite(html: str, page_rel: str, present: set[str]) -> str:
    """Folder links become file links; links to what the zip lacks become plain text."""
    base = page_rel.rsplit("/", 1)[0] if "/" in page_rel else ""

    def fix(m: re.Match) -> str:
        url = m.group("url")
        if re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith(("#", "//")):
            return m.group(0)
        path, _, fragment = url.partition("#")
        path = path.split("?", 1)[0]
        target = _join(base, path)
        if target is None:
            return f'data-offline-removed="{url}"'
        if target == "" or target.endswith("/"):
            target += "index.html"
            path = (path if path.endswith("/") or not path else path + "/") + "index.html"
        if target not in present:
            return f'data-offline-removed="{url}"' if m.group("attr") == "href" else m.group(0)
        return f'{m.group("attr")}="{path}{"#" + fragment if fragment else ""}"'

    return HREF.sub(fix, html)


def _join(base: str, path: str) -> str | None:
    if path.startswith("/"):
        return None
    parts = [p for p in base.split("/") if p]
    for seg in path.split("/"):
        if seg == "..":
            if not parts:
                return None
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    joined = "/".join(parts)
    return joined + ("/" if path.endswith("/") or path in ("", ".") else "")


def edition(site: Path, lang: Language, languages: list[Language], as_of: dt.date, root: Path) -> bytes:
    """The zip of one language's pages, as bytes."""
    import io

    gettext = translations(root, lang.code).gettext
    lang_root = site / lang.prefix if lang.prefix else site
    others = [other.prefix.strip("/") for other in languages if other.prefix and other.code != lang.code]
    files = _pages(lang_root, others)
    present = {f.relative_to(lang_root).as_posix() for f in files}
    from .fmt import human_date

    note = gettext("Offline copy of Refuge Atlas, data as of %(date)s. Check the website for later changes.") % {
        "date": human_date(as_of, lang.babel)}
    stamp = (as_of.year, as_of.month, as_of.day, 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            rel = path.relative_to(lang_root).as_posix()
            data = path.read_bytes()
            if path.suffix == ".html":
                html = _rewrite(data.decode("utf-8"), rel, present)
                html = re.sub(r'href="https://www\.bbc\.com/weather"', f'href="{EXIT_OFFLINE}"', html)
                html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + f'\n<p class="ra-offline-note" role="note">{note}</p>',
                              html, count=1)
                data = html.encode("utf-8")
            info = zipfile.ZipInfo(f"refuge-atlas-{lang.code}/{rel}", date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def write_editions(site: Path, languages: list[Language], as_of: dt.date, root: Path) -> dict[str, int]:
    """Write ``downloads/refuge-atlas-<code>.zip`` for each language; return their sizes."""
    sizes = {}
    for lang in languages:
        data = edition(site, lang, languages, as_of, root)
        target = site / "downloads" / zip_name(lang.code)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        sizes[lang.code] = len(data)
    return sizes
