"""Every data text that reaches a page is escaped: field by field, deterministically.

A country with every field of the schema filled (the annotated template, plus the lists it
leaves empty) gets a different hostile payload in each free-text field at once. Every page
that shows country data (country, home, changes, table, region, index) and the routes pages
(with payloads in data/pathways.yaml) must show each payload as literal text: no tag, no
Markdown link, no ``javascript:`` address. A ``|safe`` on any one field fails here, naming it.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from atlas.enrich import enrich
from atlas.i18n import Language, Localizer, translations
from atlas.models import Country, Pathways
from atlas.pages import environment, render_pages
from atlas.routes import render_routes
from atlas.yamlsource import read_yaml
from conftest import ROOT
from test_pages import TextAndTags, to_html

TEMPLATE = read_yaml(ROOT / "data" / "countries" / "_template.yaml").data
PATHWAYS = read_yaml(ROOT / "data" / "pathways.yaml").data
# Keys whose values are codes, ids, dates, vocabularies or addresses: checked by the schema,
# not free text.
NOT_TEXT = {"iso2", "slug", "former_slugs", "region", "value", "status", "kind", "targets", "penalty_kind",
            "state", "date", "since", "enacted", "decriminalized", "decriminalized_how", "published", "accessed",
            "url", "copy_url", "id", "sources", "neighbours", "language", "last_reviewed", "qualifier", "death_penalty"}
# Of these, a mapping or a list of mappings under the key is still walked (status:, sources:).


def payload(n: int) -> str:
    return f"Q{n}Q<script>x{n}</script>[l{n}](javascript:x) *e* `c` &amp; <b>Z{n}"


def maximal_country() -> dict:
    data = copy.deepcopy(TEMPLATE)
    law = copy.deepcopy(data["provisions"][0])
    law.pop("quote", None)  # sub-national provisions are listed without their quotes
    data["death_penalty"]["note"] = "Note."
    data.setdefault("subnational", []).append({
        "name": "Example Province", "status": "criminalized", "death_penalty": "none",
        "summary": "Sub.", "provisions": [law], "sources": law["sources"]})
    for key in ("gender_expression_laws", "expression_laws", "enforcement", "timeline"):
        assert data.get(key), f"the template should show {key}"
    return data


def text_paths(node, path=()):
    """Every free-text leaf below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            structured = isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict))
            if key in NOT_TEXT and not structured:
                continue
            yield from text_paths(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from text_paths(item, path + (i,))
    elif isinstance(node, str):
        yield path


def put(data, path, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def poisoned(data: dict, model) -> tuple[dict, dict[str, tuple]]:
    """Put a payload in every text field the schema accepts it in; return the data and the
    payload marker of each field."""
    markers = {}
    for n, path in enumerate(text_paths(data)):
        trial = copy.deepcopy(data)
        put(trial, path, payload(n))
        try:
            model.model_validate(trial)
        except Exception:
            continue  # the schema refuses markup here (place names, slugs): guarded there
        put(data, path, payload(n))
        markers[f"Q{n}Q"] = path
    return data, markers


def assert_escaped(html: str, markers: dict[str, tuple], where: str) -> None:
    assert "<script" not in html.lower(), f"{where}: a payload became a <script> tag"
    assert "<b>" not in html, f"{where}: a payload became a <b> tag"
    links = re.findall(r'href="([^"]*)"', html)
    assert not [u for u in links if "javascript:" in u.lower().replace("&#58;", ":")], f"{where}: a payload became a link"
    parser = TextAndTags()
    parser.feed(html)
    text = "".join(parser.text)
    for marker, path in markers.items():
        if marker in text:
            n = marker[1:-1]
            assert f"<script>x{n}</script>[l{n}](javascript:x)" in text, f"{where}: field {path} is not shown literally"


@pytest.fixture(scope="module")
def country_pages():
    data, markers = poisoned(maximal_country(), Country)
    dataset = enrich([Country.model_validate(data)])
    pages = {}
    for lang in (Language("en", "mkdocs.yml"), Language("fr", "mkdocs.fr.yml")):
        rendered = render_pages(dataset, lang, translations(ROOT, lang.code))
        pages.update({f"{lang.code}:{k}": v for k, v in rendered.items() if k.endswith(".md") and k != "fields/index.md"})
    return pages, markers


def test_every_text_field_is_poisoned(country_pages):
    _, markers = country_pages
    fields = {p[0] for p in markers.values()}
    assert {"status", "provisions", "gender_expression_laws", "expression_laws", "enforcement",
            "subnational", "timeline", "verification_note", "sources", "death_penalty"} <= fields
    assert len(markers) >= 25


def test_every_page_with_country_data_escapes_every_field(country_pages):
    pages, markers = country_pages
    shown = set()
    for name, md in pages.items():
        html = to_html(md)
        assert_escaped(html, markers, name)
        shown |= {m for m in markers if m in html}
    assert shown, "no payload reached any page"
    country = {lang: to_html(pages[f"{lang}:countries/exampleland/index.md"]) for lang in ("en", "fr")}
    missing = [path for m, path in markers.items() if path[0] not in ("sources",)
               and m not in country["fr" if path[-1] == "fr" else "en"]]
    assert missing == [], f"fields never shown on the country page in their language: {missing}"


def test_routes_pages_escape_every_pathways_field():
    data, markers = poisoned(copy.deepcopy(PATHWAYS), Pathways)
    pathways = Pathways.model_validate(data)
    for code, config in (("en", "mkdocs.yml"), ("fr", "mkdocs.fr.yml")):
        lang = Language(code, config)
        trans = translations(ROOT, code)
        localizer = Localizer(code)
        pages = render_routes(pathways, environment(lang, trans, localizer), localizer, lang, trans.gettext)
        assert pages
        for name, md in pages.items():
            assert_escaped(to_html(md), markers, f"{code}:{name}")
