"""Render the routes-to-safety pages from data/pathways.yaml and their templates.

Templates never type a figure: they call ``fig("id")`` or ``unpublished("id")``, which print
the value with a citation, and ``sources_section()``, which lists what the page cited.
"""

from __future__ import annotations

import re

from babel.numbers import format_decimal
from jinja2 import Environment
from markupsafe import Markup

from . import fmt
from .i18n import DEFAULT, Language, Localizer, english_fallback, finish_page, mark_language, stale_page_notice
from .models import Figure, Pathways
from .vocab import N_

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


QUALIFIERS = {"over": N_("over"), "nearly": N_("nearly"), "about": N_("about"), "up to": N_("up to"), "at least": N_("at least")}


def format_value(figure: Figure, localizer: Localizer, locale: str, gettext) -> str:
    value = figure.value
    if isinstance(value, dict):
        value = localizer.text(value)
    if isinstance(value, int):
        text = format_decimal(value, locale=locale)
    elif not getattr(value, "fallback", False) and DATE.fullmatch(value):
        text = fmt.human_date(value, locale=locale)
    else:
        text = value
    qualifier = gettext(QUALIFIERS[figure.qualifier]) if figure.qualifier else None
    unit = localizer.text(figure.unit)
    if unit == "%":
        return " ".join(p for p in (qualifier, f"{text} %") if p)
    return " ".join(p for p in (qualifier, text, unit) if p)


class Citations:
    """Numbers the sources a page cites, in order of first citation."""

    def __init__(self, pathways: Pathways, localizer: Localizer, lang: Language, gettext):
        self.pathways = pathways
        self.localizer, self.lang, self.gettext = localizer, lang, gettext
        self.sources = {s.id: s for s in pathways.sources}
        self.order: list[str] = []
        self.figures = {f.id: f for f in pathways.figures}
        self.missing = {u.id: u for u in pathways.unpublished}

    def cite(self, ids: list[str]) -> Markup:
        links = []
        for sid in ids:
            if sid not in self.order:
                self.order.append(sid)
            n = self.order.index(sid) + 1
            title = self.gettext("Source %(n)s") % {"n": n}
            links.append(Markup('<a href="#source-{}" title="{}">[{}]</a>').format(sid, title, n))
        return Markup('<span class="ra-cite">{}</span>').format(Markup("").join(links)) if links else Markup("")

    def fig(self, fid: str) -> Markup:
        if fid not in self.figures:
            raise KeyError(f"templates/routes: fig('{fid}') is not a figure id in data/pathways.yaml")
        figure = self.figures[fid]
        text = format_value(figure, self.localizer, self.lang.babel, self.gettext)
        return Markup('<strong class="ra-fig">{}</strong>{}').format(fmt.inline_text(text), self.cite(figure.sources))

    def unpublished(self, fid: str) -> Markup:
        if fid not in self.missing:
            raise KeyError(f"templates/routes: unpublished('{fid}') is not listed under unpublished in data/pathways.yaml")
        item = self.missing[fid]
        label = self.localizer.text(item.label)
        note = self.localizer.text(item.note)
        return Markup('<strong class="ra-unpublished">{} {}.</strong> {}{}').format(
            self.gettext("Not published:"), fmt.inline_text(label[0].lower() + label[1:]),
            mark_language(note, fmt.inline_text(note)), self.cite(item.sources)
        )

    def sources_section(self) -> Markup:
        items = []
        for sid in self.order:
            s = self.sources[sid]
            loc = self.lang.babel
            date = fmt.human_date(s.published, locale=loc) + "." if s.published else self.gettext("n.d.")
            accessed = self.gettext("Accessed %(date)s.") % {"date": fmt.human_date(s.accessed, locale=loc)}
            items.append(Markup('<li id="source-{}">{}, <a href="{}">{}</a>, {} {}</li>').format(
                sid, fmt.inline_text(s.publisher), s.url, fmt.inline_text(s.title), date, accessed))
        body = Markup('<ol class="ra-sources">{}</ol>').format(Markup("").join(items))
        reviewed = fmt.human_date(self.pathways.last_reviewed, locale=self.lang.babel)
        heading = Markup("## {} {{#sources}}\n\n<div class=\"ra-section\">\n").format(self.gettext("Sources"))
        return heading + body + Markup("\n<p>{}</p>\n</div>\n").format(
            Markup(self.gettext("Facts on this page last reviewed %(date)s.")) % {
                "date": Markup('<time datetime="{}">{}</time>').format(self.pathways.last_reviewed.isoformat(), reviewed)
            }
        )


def render_routes(pathways: Pathways | None, env: Environment, localizer: Localizer, lang: Language, gettext,
                  stale_templates: frozenset[str] = frozenset()) -> dict[str, str]:
    """English templates live in templates/routes/; a translation of one lives in
    templates/<lang>/routes/ under the same name. A missing translation falls back to the
    English page with a visible notice."""
    if pathways is None:
        return {}
    pages = {}
    templates = set(env.list_templates(extensions=["j2"]))
    for name in sorted(n for n in templates if n.startswith("routes/") and n.endswith(".md.j2")):
        translated = f"{lang.code}/{name}"
        has_translation = lang.code == DEFAULT or translated in templates
        citations = Citations(pathways, localizer, lang, gettext)
        localizer.fallbacks = 0
        text = env.get_template(translated if lang.code != DEFAULT and has_translation else name).render(
            fig=citations.fig, unpublished=citations.unpublished, sources_section=citations.sources_section,
            pathways=pathways,
        )
        text = finish_page(text, localizer, gettext)
        if lang.code != DEFAULT and has_translation and translated in stale_templates:
            text = stale_page_notice(text, gettext)
        pages[name.removesuffix(".j2")] = text if has_translation else english_fallback(text, gettext)
    return pages
