"""Languages, message catalogues, and localized names, numbers and dates.

English is canonical and built at the site root; every other language is built under
``/<code>/`` from ``mkdocs.<code>.yml`` (one line: ``INHERIT: mkdocs.yml`` plus its
language) and its catalogue ``locales/<code>/LC_MESSAGES/messages.po``. Adding a language
is adding those two files: no code changes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from markupsafe import Markup, escape

DEFAULT = "en"
BABEL_LOCALE = {"en": "en_CA"}  # Canadian English for dates and numbers


@dataclass(frozen=True)
class Language:
    code: str
    config: str  # the MkDocs config file, relative to the project root

    @property
    def prefix(self) -> str:
        """URL prefix under the site root: '' for English, 'fr/' for French."""
        return "" if self.code == DEFAULT else f"{self.code}/"

    @property
    def babel(self) -> str:
        return BABEL_LOCALE.get(self.code, self.code)

    @property
    def native_name(self) -> str:
        name = Locale.parse(self.code).get_display_name(self.code) or self.code
        return name[:1].upper() + name[1:]

    @property
    def direction(self) -> str:
        return Locale.parse(self.code).text_direction


def languages(root: Path) -> list[Language]:
    """English first, then every ``mkdocs.<code>.yml`` at the root, by code."""
    others = sorted(p.name.split(".")[1] for p in root.glob("mkdocs.*.yml"))
    return [Language(DEFAULT, "mkdocs.yml")] + [Language(code, f"mkdocs.{code}.yml") for code in others]


def catalogue_path(root: Path, code: str) -> Path:
    return root / "locales" / code / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=16)
def _load(path: str, mtime: float, code: str) -> Translations:
    with open(path, "rb") as f:
        catalog = read_po(f, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer)


def translations(root: Path, code: str) -> NullTranslations:
    """The compiled catalogue for ``code`` (compiled in memory: no .mo files to commit)."""
    path = catalogue_path(root, code)
    if code == DEFAULT or not path.exists():
        return NullTranslations()
    return _load(str(path), path.stat().st_mtime, code)


class Localizer:
    """Picks the text for one language from authored values, and remembers any fallback
    so the page can say, visibly, that some of it is not yet translated."""

    def __init__(self, code: str, lock=None, stale_label: str = ""):
        self.code = code
        self.fallbacks = 0
        self.lock = lock  # staleness.Lock: what each translation was made from
        self.stale_label = stale_label

    def text(self, value: dict[str, str] | str | None) -> "Localized | None":
        if value is None:
            return None
        if isinstance(value, str):
            value = {DEFAULT: value}
        if self.code in value:
            out = Localized(value[self.code], self.code, False)
            if self.code != DEFAULT and self.lock is not None and not self.lock.field_is_current(value, self.code):
                out.stale_label = self.stale_label
            return out
        self.fallbacks += 1
        return Localized(value[DEFAULT], DEFAULT, self.code != DEFAULT)

    def name(self, country) -> str:
        """A country's name: authored override, else CLDR, else the English name."""
        if self.code == DEFAULT:
            return country.name
        if self.code in country.names:
            return country.names[self.code]
        return Locale.parse(self.code).territories.get(country.iso2) or country.name


class Localized(str):
    """A string that knows its language and whether it stands in for a missing translation."""

    def __new__(cls, text: str, lang: str, fallback: bool):
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.fallback = fallback
        obj.stale_label = ""  # set when the translation may be out of date
        return obj


def mark_language(text: str, html: Markup) -> Markup:
    """Wrap fallback text so readers (and screen readers) know it is English."""
    if getattr(text, "fallback", False):
        return Markup('<span lang="{}" class="ra-untranslated">{}</span>').format(text.lang, html)
    if getattr(text, "stale_label", ""):
        return html + Markup(' <span class="ra-badge ra-badge--stale">{}</span>').format(text.stale_label)
    return html


def en(value: dict[str, str] | None) -> str | None:
    """The English text of an authored value (the API and feed are in English)."""
    return None if value is None else value[DEFAULT]


UNTRANSLATED = "<!--ra-untranslated-notice-->"


def _notice(message: str) -> str:
    return f'<div class="admonition note ra-untranslated-notice" role="note"><p>{escape(message)}</p></div>'


def finish_page(text: str, localizer: Localizer, gettext) -> str:
    """Put the visible "not yet translated" notice where the page asked for it."""
    notice = ""
    if localizer.fallbacks and localizer.code != DEFAULT:
        notice = _notice(gettext("Some text on this page is not yet translated. It is shown in English."))
    localizer.fallbacks = 0
    return text.replace(UNTRANSLATED, notice)


def stale_page_notice(markdown: str, gettext) -> str:
    """A translated page whose English original changed since it was translated: a visible
    notice under the front matter."""
    head, sep, body = markdown.partition("\n---\n") if markdown.startswith("---\n") else ("", "", markdown)
    notice = _notice(gettext("The English version of this page has changed since it was translated. This translation may be out of date."))
    return f"{head}{sep}\n{notice}\n\n{body}"


def english_fallback(markdown: str, gettext) -> str:
    """A whole page shown in English on another language's site: a visible notice, then the
    page body marked ``lang="en"`` (front matter kept as it is)."""
    head, sep, body = markdown.partition("\n---\n") if markdown.startswith("---\n") else ("", "", markdown)
    notice = _notice(gettext("This page is not yet translated. It is shown in English."))
    return f'{head}{sep}\n{notice}\n\n<div lang="en" markdown>\n\n{body}\n</div>\n'


__all__ = [
    "DEFAULT", "Language", "Localized", "Localizer", "en", "english_fallback", "finish_page", "languages",
    "mark_language", "stale_page_notice", "translations",
]
