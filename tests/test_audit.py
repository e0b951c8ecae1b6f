"""Source-quality figures: which addresses are weak, which files are anchored."""

from __future__ import annotations

import copy

import pytest

from atlas import audit
from atlas.build import ROOT
from atlas.models import Country, Source
from atlas.yamlsource import read_yaml


def source(**extra) -> Source:
    return Source.model_validate({"id": "s", "publisher": "P", "title": "T", "url": "https://example.org/x",
                                  "accessed": "2026-01-10", "kind": "news", **extra})


@pytest.mark.parametrize(("url", "weak"), [
    ("https://en.wikipedia.org/wiki/X", True),
    ("https://en.m.wikipedia.org./wiki/X", True),      # trailing dot, mobile subdomain
    ("https://docslib.org/doc/1/x", True),
    ("https://www.yumpu.com/en/document/view/1", True),
    ("https://issuu.com./org/docs/x", True),
    ("https://pridelegal.com/kenya-lgbt-laws/", True),
    ("https://www.humandignitytrust.org/country-profile/kenya/", False),
    ("https://notwikipedia.org/x", False),             # a different domain that merely ends alike
    ("https://ilga.org/news/x", False),
])
def test_weak_addresses(url, weak):
    assert audit.is_weak(url) is weak


@pytest.mark.parametrize(("extra", "anchor"), [
    ({"publisher": "Human Dignity Trust"}, True),
    ({"publisher": "ILGA World"}, True),
    ({"publisher": "ILGA"}, True),
    ({"kind": "legislation"}, True),
    ({"kind": "court"}, True),
    ({"kind": "government"}, False),                  # e.g. an asylum-information response about the law
    ({"publisher": "ILGA-Europe"}, False),
    ({"publisher": "Outrage Magazine (reporting ILGA World)"}, False),
    ({"publisher": "Reuters"}, False),
])
def test_anchor_sources(extra, anchor):
    assert audit.is_anchor(source(**extra)) is anchor


TEMPLATE = read_yaml(ROOT / "data" / "countries" / "_template.yaml").data


def country_citing_hdt(where: str) -> Country:
    """The template country, whose law source is made a news item, plus a Human Dignity Trust
    profile cited only at ``where``: a protection cell, or the first provision."""
    data = copy.deepcopy(TEMPLATE)
    data["sources"][0].update(kind="news", publisher="Example News")
    data["sources"].append({"id": "hdt", "publisher": "Human Dignity Trust", "title": "Exampleland",
                            "url": "https://www.humandignitytrust.org/country-profile/exampleland/",
                            "accessed": "2026-01-15", "kind": "ngo"})
    if where == "protection":
        data["protections"]["constitution"]["sources"].append("hdt")
    else:
        data["provisions"][0]["sources"].append("hdt")
    return Country.model_validate(data)


@pytest.mark.parametrize(("where", "anchor"), [
    ("protection", False),   # an anchor must back the criminal law, not a protection cell
    ("provision", True),
])
def test_anchor_must_be_cited_for_the_criminal_law(where, anchor):
    assert audit.anchored(country_citing_hdt(where)) is anchor
