"""Render the enriched dataset into Markdown pages for MkDocs.

Output is a mapping of paths (relative to the generated docs folder) to text; ``sitetree``
writes it. Data text only ever appears inside HTML blocks through autoescaped Jinja2
expressions, so neither HTML nor Markdown in a data file can become markup.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import fmt, vocab
from .enrich import STATUS_RANK, Dataset, penalty_rank
from .fieldsdoc import fields_markdown
from .mapsvg import EXPRESSION_LAYER, STATUS_LAYER, expression_category, legend, locator, status_category, world_map
from .models import Country, Pathways
from .routes import render_routes

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
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
    )
    env.filters.update(
        date=fmt.human_date, iso=fmt.iso, paras=fmt.paragraphs, oneline=fmt.oneline,
        tojson_str=lambda s: Markup(json.dumps(s, ensure_ascii=False)),  # YAML front matter
    )
    env.tests["in_category"] = lambda e, layer, key: (status_category if layer == "status" else expression_category)(e) == key
    env.globals.update(
        STATUS=vocab.STATUS_LABELS, DEATH=vocab.DEATH_PENALTY_LABELS, TARGET=vocab.TARGET_LABELS,
        LAW_STATE=vocab.LAW_STATE_LABELS, GENDER_LAW=vocab.GENDER_LAW_LABELS, EVENT=vocab.EVENT_LABELS,
        DECRIM_HOW=vocab.DECRIMINALIZED_HOW_LABELS, PROTECTION=vocab.PROTECTION_LABELS,
        PROTECTION_STATE=vocab.PROTECTION_STATE_LABELS, REGIONS=vocab.REGIONS,
        world_map=world_map, legend=legend, locator=locator, STATUS_LAYER=STATUS_LAYER,
        EXPRESSION_LAYER=EXPRESSION_LAYER, status_category=status_category,
        expression_category=expression_category, penalty_rank=penalty_rank,
        loop_status_rank=STATUS_RANK.get,
    )
    return env


def source_numbers(country: Country) -> dict[str, int]:
    return {s.id: i for i, s in enumerate(country.sources, start=1)}


def render_pages(data: Dataset, env: Environment | None = None, pathways: Pathways | None = None) -> dict[str, str]:
    env = env or environment()
    pages: dict[str, str] = {}
    country_tpl = env.get_template("country.md.j2")
    for e in data.countries:
        pages[f"countries/{e.country.slug}.md"] = country_tpl.render(
            e=e, c=e.country, refs=source_numbers(e.country), data=data, root="../../"
        )
    regions = {}
    for e in data.countries:
        regions.setdefault(e.country.region, []).append(e)
    region_tpl = env.get_template("region.md.j2")
    for key, members in regions.items():
        pages[f"regions/{key}.md"] = region_tpl.render(
            key=key, region=vocab.REGIONS[key], members=members, data=data, root="../../"
        )
    ordered = sorted(regions.items(), key=lambda kv: (vocab.REGIONS[kv[0]].continent, vocab.REGIONS[kv[0]].name))
    pages["countries/index.md"] = env.get_template("countries-index.md.j2").render(regions=ordered, data=data, root="../")
    pages["regions/index.md"] = env.get_template("regions-index.md.j2").render(regions=ordered, data=data, root="../")
    pages["index.md"] = env.get_template("home.md.j2").render(data=data, stats=data.stats, root="")
    pages["map.md"] = env.get_template("map.md.j2").render(data=data, root="../")
    pages["table.md"] = env.get_template("table.md.j2").render(data=data, root="../")
    pages["changes.md"] = env.get_template("changes.md.j2").render(data=data, changes=data.changes, root="../")
    pages["fields.md"] = fields_markdown()
    pages.update(render_routes(pathways, env))
    return pages
