"""Generated pages and records: golden files, and escaping of arbitrary data text."""

from __future__ import annotations

import html.parser
import json
import os
import re
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.enrich import enrich
from atlas.export import full_record
from atlas.load import load_countries
from atlas.models import Country
from atlas.i18n import Language, translations
from atlas.pages import render_pages as _render_pages
from atlas.yamlsource import read_yaml
from conftest import FIXTURES, TODAY, make_root

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
MKDOCS = yaml.safe_load(
    re.sub(r"!ENV \[[^\]]*\]", "''", (Path(__file__).parents[1] / "mkdocs.yml").read_text("utf-8"))
)


ENGLISH = Language("en", "mkdocs.yml")


def render_pages(data, lang=ENGLISH):
    return _render_pages(data, lang, translations(Path(__file__).parents[1], lang.code))


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, "utf-8")
    assert actual == path.read_text("utf-8"), f"{name} changed; if intended, rerun with UPDATE_GOLDEN=1"


def fixture_dataset(tmp_path):
    root = make_root(tmp_path)
    return enrich(load_countries(root / "data", root=root, today=TODAY))


def test_country_page_matches_golden(tmp_path):
    pages = render_pages(fixture_dataset(tmp_path))
    check_golden("uganda.md", pages["countries/uganda/index.md"])


def test_country_record_matches_golden(tmp_path):
    data = fixture_dataset(tmp_path)
    record = full_record(data.by_iso2("UG"))
    check_golden("ug.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def to_html(md_text: str) -> str:
    body = md_text.split("---\n", 2)[2]
    exts = []
    configs = {}
    for ext in MKDOCS["markdown_extensions"]:
        if isinstance(ext, dict):
            (name, conf), = ext.items()
            exts.append(name)
            configs[name] = conf
        else:
            exts.append(ext)
    return markdown.markdown(body, extensions=exts, extension_configs=configs)


class TextAndTags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


# Every free-text field of a country file, as a path into the fixture.
TEXT_FIELDS = [
    ("status", "summary"), ("death_penalty", "note"),
    ("provisions", 0, "instrument"), ("provisions", 0, "section"), ("provisions", 0, "prohibits"),
    ("provisions", 0, "max_penalty"), ("provisions", 0, "note"), ("provisions", 1, "quote", "text"),
    ("expression_laws", 0, "prohibits"), ("enforcement", 0, "summary"), ("enforcement", 0, "place"),
    ("timeline", 0, "summary"), ("sources", 0, "publisher"), ("sources", 0, "title"),
    ("verification_note",),
]
BASE = read_yaml(FIXTURES / "countries" / "ug.yaml").data
TOKENS = list("ab <>&\"'*_`[]()#!\\{}|~=-+:/.\n") + ["<script>", "](javascript:x)", "&amp;", "--8<--", "[^1]", "{#x}"]
payload = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30).map(lambda parts: "Q" + "".join(parts) + "Z")


def set_path(data, path, value):
    import copy

    data = copy.deepcopy(data)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(TEXT_FIELDS), text=payload)
def test_arbitrary_text_in_any_field_is_escaped(field, text):
    country = Country.model_validate(set_path(BASE, field, text))
    page = render_pages(enrich([country]))[f"countries/{country.slug}/index.md"]
    out = to_html(page)
    assert "<script" not in out.lower()
    assert "javascript:" not in re.sub(r"&[a-z]+;|&#\d+;", "", " ".join(re.findall(r'href="([^"]*)"', out)))
    parser = TextAndTags()
    parser.feed(out)
    rendered = re.sub(r"\s+", "", "".join(parser.text))
    assert re.sub(r"\s+", "", text) in rendered, "the text must appear literally, not as markup"


def test_french_page_is_localized_and_flags_english_text(tmp_path):
    data = fixture_dataset(tmp_path)
    page = render_pages(data, Language("fr", "mkdocs.fr.yml"))["countries/uganda/index.md"]
    assert "## Dispositions {#provisions}" in page
    assert "Ouganda" in page and "15 janvier 2026" in page
    assert 'lang="en" class="ra-untranslated"' in page
    assert "pas encore traduite" in page


def test_localized_text_is_used_without_a_notice(tmp_path):
    base = dict(BASE)
    base["status"] = {**BASE["status"], "summary": {"en": "English summary.", "fr": "Résumé français."}}
    country = Country.model_validate(base)
    page = render_pages(enrich([country]), Language("fr", "mkdocs.fr.yml"))["countries/uganda/index.md"]
    assert "Résumé français." in page and "English summary." not in page


def test_plural_forms_follow_the_language(tmp_path):
    data = fixture_dataset(tmp_path)
    fr = render_pages(data, Language("fr", "mkdocs.fr.yml"))
    en = render_pages(data)
    assert "3 pays et territoires, classés par région" in fr["countries/index.md"]
    assert "3 countries and territories" in en["countries/index.md"]
    one = enrich([data.by_iso2("UG").country])
    assert "1 pays ou territoire, classé par région" in render_pages(one, Language("fr", "mkdocs.fr.yml"))["countries/index.md"]
    assert "1 country or territory" in render_pages(one)["countries/index.md"]
