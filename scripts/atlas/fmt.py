"""Formatting helpers used as Jinja2 filters: dates, paragraphs, labels.

Every filter that outputs HTML escapes its input first; templates are autoescaped, so
data text can never become markup.
"""

from __future__ import annotations

import datetime as dt
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
