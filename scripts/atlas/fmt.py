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


def human_date(value: dt.date | str | None, locale: str = LOCALE) -> str:
    """'2023-05-26' → 'May 26, 2023'; '2023-05' → 'May 2023'; '2023' → '2023'."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date(value, format="long", locale=locale)
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return format_date(dt.date(*parts), format="long", locale=locale)
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=locale)
    return str(parts[0])


def iso(value: dt.date | str) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def paragraphs(text: str | None) -> Markup:
    """Plain text → escaped ``<p>`` elements on one line each (no blank lines, so
    Markdown leaves the HTML block alone)."""
    if not text:
        return Markup("")
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in paras)


def oneline(text: str | None) -> Markup:
    """Plain text → escaped text on a single line."""
    return escape(" ".join((text or "").split()))


# Characters that Markdown (with this site's extensions) gives a meaning to inline.
_MARKDOWN_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]<>&!|~^=#\"'"}


def inline_text(text: str | None) -> Markup:
    """Data text for a Markdown paragraph (not an HTML block): HTML-escaped, and every
    character Markdown could read as syntax written as a character reference, so that
    ``[x](javascript:…)`` in a data file stays visible text and never becomes a link."""
    flat = " ".join((text or "").split())
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
