"""Formatting helpers used as Jinja2 filters: dates, paragraphs, labels.

Every filter that outputs HTML escapes its input first; templates are autoescaped, so
data text can never become markup.
"""

from __future__ import annotations

import datetime as dt
import json
import re

from babel.dates import format_date, format_skeleton
from markupsafe import Markup, escape

LOCALE = "en_CA"


def _long_date(day: dt.date, locale: str) -> str:
    text = format_date(day, format="long", locale=locale)
    if day.day == 1 and str(locale).startswith("fr") and text.startswith("1 "):
        text = "1er " + text[2:]  # French writes the first of the month as an ordinal: 1er août
    return text


def human_date(value: dt.date | str | None, locale: str = LOCALE) -> str:
    """'2023-05-26' → 'May 26, 2023'; '2023-05' → 'May 2023'; '2023' → '2023'.
    French: '26 mai 2023', '1er août 2013', 'mai 2023'."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return _long_date(value, locale)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return _long_date(dt.date(*parts), locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=locale)
    return str(parts[0])


def since_date(value: dt.date | str | None, locale: str = LOCALE) -> str:
    """A date after "since" / "depuis": French puts "le" before a full date only
    ('depuis le 1er août 2013', 'depuis mai 2023', 'depuis 2023')."""
    text = human_date(value, locale)
    full = isinstance(value, dt.date) or (isinstance(value, str) and value.count("-") == 2)
    return f"le {text}" if full and str(locale).startswith("fr") else text


def slugify(text: str) -> str:
    """'Côte d’Ivoire' -> 'cote-d-ivoire'; 's. 145' -> 's-145': ASCII words joined by hyphens."""
    import unicodedata

    text = re.sub(r"[’'`]", "-", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def iso(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def paragraphs(text: str | None) -> Markup:
    """Plain text → escaped ``<p>`` elements on one line each (no blank lines, so
    Markdown leaves the HTML block alone)."""
    if not text:
        return Markup("")
    paras = [_flat(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in paras)


def _flat(text: str) -> str:
    """One line: runs of ordinary white space become one space. Non-breaking spaces (French
    typography: « », before : ; ? !, 10 000) are kept."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def sentence(text: str | None) -> Markup:
    """Escaped text on one line, ending with exactly one full stop (or its own ! ? …)."""
    flat = _flat(text or "").rstrip()
    while flat.endswith(".."):
        flat = flat[:-1]
    if flat and flat[-1] not in ".!?…":
        flat += "."
    return escape(flat)


def oneline(text: str | None) -> Markup:
    """Plain text → escaped text on a single line."""
    return escape(_flat(text or ""))


# Characters that Markdown (with this site's extensions) gives a meaning to inline.
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>&!|~^=#\"'"}


def inline_text(text: str | None) -> Markup:
    """Data text for a Markdown paragraph (not an HTML block): HTML-escaped, and every
    character Markdown could read as syntax written as a character reference, so that
    ``[x](javascript:…)`` in a data file stays visible text and never becomes a link."""
    flat = _flat(text or "")
    return Markup("".join(_MARKDOWN_SPECIAL.get(c, c) for c in flat))


_UNSAFE_FRONT_MATTER = re.compile(r'[<>"&\r\n]')


def front_matter(value: object) -> Markup:
    """A value for a page's YAML front matter. MkDocs prints titles and descriptions into
    the HTML without escaping them, so a value may not hold < > " & or a line break: place
    names cannot (models.PlaceName), and this refuses anything else that would."""
    text = value.unescape() if isinstance(value, Markup) else str(value)  # gettext output is escaped
    bad = _UNSAFE_FRONT_MATTER.search(text)
    if bad:
        raise ValueError(f"front matter value {text!r} holds {bad.group()!r}; MkDocs would print it into the HTML unescaped")
    return Markup(json.dumps(text, ensure_ascii=False))
