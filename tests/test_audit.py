"""Source-quality figures: which addresses are weak, which files are anchored."""

from __future__ import annotations

import pytest

from atlas import audit
from atlas.models import Source


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
