"""Render the enriched dataset into Markdown pages for MkDocs, one tree per language.

Output is a mapping of paths (relative to the language's generated docs folder) to text;
``build`` writes it. Data text only ever appears inside HTML blocks through autoescaped
Jinja2 expressions, so neither HTML nor Markdown in a data file can become markup.
Interface text goes through gettext (``_()``, ``{% trans %}``); names, numbers and dates
through CLDR (Babel).
"""

from __future__ import annotations

import json
import unicodedata
from functools import partial
from pathlib import Path

from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import fmt, vocab
from .enrich import STATUS_RANK, Dataset, penalty_rank
from .feeds import country_atom
from .fieldsdoc import fields_markdown
from .i18n import DEFAULT, Language, Localizer, english_fallback, finish_page, mark_language
from .mapsvg import EXPRESSION_LAYER, STATUS_LAYER, expression_category, legend, locator, status_category, world_map
from .models import Country, Pathways
from .vocab import N_
from .routes import render_routes

TEMPLATES = Path(__file__).parent / "templates"


def environment(lang: Language, translations, localizer: Localizer) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown uses {#id} for heading anchors, so Jinja comments are {## … ##}.
        comment_start_string="{##",
        comment_end_string="##}",
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations, newstyle=True)
    env.filters.update(
        date=partial(fmt.human_date, locale=lang.babel), iso=fmt.iso,
        since=partial(fmt.since_date, locale=lang.babel),
        paras=lambda text: mark_language(text, fmt.paragraphs(text)) if text else Markup(""),
        oneline=lambda text: mark_language(text, fmt.oneline(text)),
        t=localizer.text,
        sentence=lambda text: mark_language(text, fmt.sentence(text)),
        tojson_str=fmt.front_matter,  # YAML front matter: refuses < > " & and line breaks
    )
    env.tests["in_category"] = lambda e, layer, key: (status_category if layer == "status" else expression_category)(e) == key
    env.globals.update(
        STATUS=vocab.STATUS_LABELS, DEATH=vocab.DEATH_PENALTY_LABELS, DEATH_SHORT=vocab.DEATH_PENALTY_SHORT,
        TARGET=vocab.TARGET_LABELS, LAW_STATE=vocab.LAW_STATE_LABELS, GENDER_LAW=vocab.GENDER_LAW_LABELS,
        EVENT=vocab.EVENT_LABELS, DECRIM_HOW=vocab.DECRIMINALIZED_HOW_LABELS, PROTECTION=vocab.PROTECTION_LABELS,
        PROTECTION_STATE=vocab.PROTECTION_STATE_LABELS, REGIONS=vocab.REGIONS,
        world_map=partial(world_map, name=localizer.name, gettext=translations.gettext),
        legend=partial(legend, gettext=translations.gettext),
        locator=partial(locator, gettext=translations.gettext, name=localizer.name),
        STATUS_LAYER=STATUS_LAYER, EXPRESSION_LAYER=EXPRESSION_LAYER, status_category=status_category,
        expression_category=expression_category, penalty_rank=penalty_rank, loop_status_rank=STATUS_RANK.get,
        name=localizer.name, num=partial(format_decimal, locale=lang.babel),
        neighbour_name=lambda n: localizer.name(_Named(n.iso2, n.name)),
        by_name=lambda items: sorted(items, key=lambda e: _collate(localizer.name(e.country))),
        page_url=lambda url: site_url() + "/" + lang.prefix + url.lstrip("/"),
        site_url_known=bool(site_url()),
        lang=lang,
        protections_known_first=protections_known_first,
        enforcement_newest_first=lambda c: sorted(enumerate(c.enforcement), key=lambda pair: pair[1].date, reverse=True),
        decriminalized_sentence=partial(decriminalized_sentence, gettext=translations.gettext, locale=lang.babel),
    )
    return env


def site_url() -> str:
    """The deployed address (ATLAS_SITE_URL, set by `make deploy`), without a final slash; ''
    when unknown, and then citations give the path and say to add the address."""
    import os

    return (os.environ.get("ATLAS_SITE_URL") or "").rstrip("/")


def protections_known_first(country) -> tuple[list, list]:
    """(key, label, fact) for the protections that are known, then for those not known."""
    rows = [(key, label, getattr(country.protections, key)) for key, label in vocab.PROTECTION_LABELS.items()]
    return [r for r in rows if r[2].status != "not_known"], [r for r in rows if r[2].status == "not_known"]


DECRIMINALIZED = {
    # How it changed, in words: never a bare code such as "other".
    "court_ruling": N_("Decriminalized by a court ruling: %(date)s."),
    "repeal": N_("Decriminalized when the law was repealed: %(date)s."),
    "new_code": N_("Decriminalized by a new penal code, in force %(date)s."),
    "other": N_("Decriminalized: %(date)s. The timeline below explains how."),
    None: N_("Decriminalized: %(date)s."),
}


def decriminalized_sentence(status, gettext, locale: str) -> str:
    if status.decriminalized_how == "never_criminalized":
        return gettext("Never criminalized: no law of this state or of a state before it is known to have punished same-sex acts.")
    return gettext(DECRIMINALIZED[status.decriminalized_how]) % {"date": fmt.human_date(status.decriminalized, locale)}


class _Named:
    """Enough of a country for ``Localizer.name`` (neighbours without a data file)."""

    def __init__(self, iso2: str, name: str):
        self.iso2, self.name, self.names = iso2, name, {}


def _collate(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def source_numbers(country: Country) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(country.sources, start=1)}


def page_path(rel: str) -> str:
    """Every page is ``<name>/index.md`` ('map.md' -> 'map/index.md'), so that engines which
    resolve raw-HTML links from the source file (Zensical) and engines which resolve them from
    the output address (MkDocs) agree: both are the same folder."""
    if not rel.endswith(".md") or rel == "index.md" or rel.endswith("/index.md"):
        return rel
    return rel[: -len(".md")] + "/index.md"


def render_pages(data: Dataset, lang: Language, translations, pathways: Pathways | None = None,
                 lock=None, stale_templates: frozenset[str] = frozenset()) -> dict[str, str]:
    """``lock`` (staleness.Lock) marks translated fields whose English changed since;
    ``stale_templates`` names translated route templates whose English changed since."""
    localizer = Localizer(lang.code, lock, translations.gettext("Translation may be out of date"))
    env = environment(lang, translations, localizer)
    gettext = translations.gettext
    extra = "" if lang.code == DEFAULT else "../"  # from a language's root up to the site root

    def render(template: str, root: str, **context) -> str:
        localizer.fallbacks = 0
        text = env.get_template(template).render(root=root, site_root=root + extra, data=data, **context)
        return finish_page(text, localizer, gettext)

    pages: dict[str, str] = {}
    for e in data.countries:
        pages[f"countries/{e.country.slug}.md"] = render("country.md.j2", "../../", e=e, c=e.country, refs=source_numbers(e.country))
    regions: dict[str, list] = {}
    for e in data.countries:
        regions.setdefault(e.country.region, []).append(e)
    for key, members in regions.items():
        pages[f"regions/{key}.md"] = render("region.md.j2", "../../", key=key, region=vocab.REGIONS[key], members=members)
    ordered = sorted(regions.items(), key=lambda kv: (vocab.REGIONS[kv[0]].continent, vocab.REGIONS[kv[0]].name))
    pages["countries/index.md"] = render("countries-index.md.j2", "../", regions=ordered)
    pages["regions/index.md"] = render("regions-index.md.j2", "../", regions=ordered)
    pages["index.md"] = render("home.md.j2", "", stats=data.stats, changes=data.changes)
    pages["map.md"] = render("map.md.j2", "../")
    pages["table.md"] = render("table.md.j2", "../")
    pages["changes.md"] = render("changes.md.j2", "../", changes=data.changes)
    fields = fields_markdown("../" + extra)
    if lang.code != DEFAULT:  # the field reference is for maintainers, in English only
        fields = english_fallback(fields, gettext)
    pages["fields.md"] = fields
    pages.update(render_routes(pathways, env, localizer, lang, gettext, stale_templates))
    # One Atom feed per country, in this language, next to its page; and a page that lists them.
    base = site_url() + "/" + lang.prefix
    feed_localizer = Localizer(lang.code)  # feeds carry no "may be out of date" marks
    for e in data.countries:
        pages[f"countries/{e.country.slug}/feed.xml"] = country_atom(e, base, lang.code, feed_localizer, gettext)
    pages["subscribe.md"] = render("subscribe.md.j2", "../")
    return {page_path(rel): text for rel, text in pages.items()}
