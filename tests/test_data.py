"""The committed data, schema and template are valid and in step with the code."""

from __future__ import annotations

from atlas.build import ROOT, load_dataset
from atlas.export import country_schema_json
from atlas.load import country_files, load_countries
from atlas.models import Country
from atlas.yamlsource import read_yaml

TEMPLATE = ROOT / "data" / "countries" / "_template.yaml"


def test_all_data_files_validate():
    countries = load_countries(ROOT / "data", root=ROOT)
    assert len(countries) == len(country_files(ROOT / "data")[0])


def test_committed_json_schema_matches_the_models():
    committed = (ROOT / "data" / "schema" / "country.schema.json").read_text("utf-8")
    assert committed == country_schema_json(), "run `make schema` and commit data/schema/"


def test_template_is_a_valid_country_file():
    Country.model_validate(read_yaml(TEMPLATE).data)


def _keys(model, prefix=""):
    from pydantic import BaseModel

    for name, field in model.model_fields.items():
        yield prefix + name
        ann = field.annotation
        for arg in (getattr(ann, "__args__", None) or (ann,)):
            inner = (getattr(arg, "__args__", None) or (arg,))[0] if getattr(arg, "__origin__", None) is list else arg
            if isinstance(inner, type) and issubclass(inner, BaseModel) and name != "protections":
                yield from _keys(inner, prefix + name + ".")


def test_template_shows_every_field_of_the_schema():
    text = TEMPLATE.read_text("utf-8")
    missing = [key for key in _keys(Country) if f"{key.rsplit('.', 1)[-1]}:" not in text]
    assert missing == []


def test_no_code_is_also_a_slug():
    """/countries/<iso2>/ redirects; it must never shadow a country page."""
    countries = load_countries(ROOT / "data", root=ROOT)
    slugs = {s for c in countries for s in (c.slug, *c.former_slugs)}
    assert not slugs & {c.iso2.lower() for c in countries}


def test_how_we_count_names_every_state_we_count_as_criminalizing_in_practice():
    """'How we count' says which states our data counts as criminalizing in practice; it must stay true."""
    de_facto = {e.iso2 for e in load_dataset(ROOT).countries
                if e.country.un_member and e.country.status.value == "de_facto_criminalized"}
    en = (ROOT / "docs" / "methodology" / "index.md").read_text("utf-8")
    fr = (ROOT / "docs" / "fr" / "methodology" / "index.md").read_text("utf-8")
    assert de_facto == {"EG"}, "update the {#ilga} section of docs/methodology (EN and FR)"
    assert "our data counts Egypt alone in practice" in en
    assert "nos données ne comptent\n  que l’Égypte dans ce cas" in fr
