"""Render the routes-to-safety pages from data/pathways.yaml and their templates.

Templates never type a figure: they call ``fig("id")`` or ``unpublished("id")``, which print
the value with a citation, and ``sources_section()``, which lists what the page cited.
"""

from __future__ import annotations

import re

from babel.numbers import format_decimal
from jinja2 import Environment
from markupsafe import Markup, escape

from . import fmt
from .models import Figure, Pathways

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def format_value(figure: Figure) -> str:
    value = figure.value
    if isinstance(value, int):
        text = format_decimal(value, locale=fmt.LOCALE)
    elif DATE.fullmatch(value):
        text = fmt.human_date(value)
    else:
        text = value
    parts = [figure.qualifier, text, figure.unit]
    return " ".join(p for p in parts if p)


class Citations:
    """Numbers the sources a page cites, in order of first citation."""

    def __init__(self, pathways: Pathways):
        self.pathways = pathways
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
            links.append(Markup('<a href="#source-{}" title="Source {}">[{}]</a>').format(sid, n, n))
        return Markup('<span class="ra-cite">{}</span>').format(Markup("").join(links)) if links else Markup("")

    def fig(self, fid: str) -> Markup:
        if fid not in self.figures:
            raise KeyError(f"templates/routes: fig('{fid}') is not a figure id in data/pathways.yaml")
        figure = self.figures[fid]
        return Markup('<strong class="ra-fig">{}</strong>{}').format(format_value(figure), self.cite(figure.sources))

    def unpublished(self, fid: str) -> Markup:
        if fid not in self.missing:
            raise KeyError(f"templates/routes: unpublished('{fid}') is not listed under unpublished in data/pathways.yaml")
        item = self.missing[fid]
        return Markup('<strong class="ra-unpublished">Not published: {}.</strong> {}{}').format(
            item.label[0].lower() + item.label[1:], escape(item.note), self.cite(item.sources)
        )

    def sources_section(self) -> Markup:
        items = []
        for sid in self.order:
            s = self.sources[sid]
            date = fmt.human_date(s.published) if s.published else "n.d."
            items.append(Markup('<li id="source-{}">{}, <a href="{}">{}</a>, {}. Accessed {}.</li>').format(
                sid, s.publisher, s.url, s.title, date, fmt.human_date(s.accessed)))
        body = Markup('<ol class="ra-sources">{}</ol>').format(Markup("").join(items))
        reviewed = fmt.human_date(self.pathways.last_reviewed)
        return Markup("## Sources {#sources}\n\n<div class=\"ra-section\">\n") + body + Markup(
            "\n<p>Facts on this page last reviewed <time datetime=\"{}\">{}</time>.</p>\n</div>\n"
        ).format(self.pathways.last_reviewed.isoformat(), reviewed)


def render_routes(pathways: Pathways | None, env: Environment) -> dict[str, str]:
    if pathways is None:
        return {}
    pages = {}
    for name in sorted(env.list_templates(filter_func=lambda n: n.startswith("routes/") and n.endswith(".md.j2"))):
        citations = Citations(pathways)
        text = env.get_template(name).render(
            fig=citations.fig, unpublished=citations.unpublished, sources_section=citations.sources_section,
            pathways=pathways,
        )
        pages[name.removesuffix(".j2")] = text
    return pages
