"""Routes-to-safety pages: every figure comes from data/pathways.yaml, with its source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atlas.build import ROOT
from atlas.load import load_pathways

TEMPLATES = sorted((ROOT / "scripts" / "atlas" / "templates").glob("**/routes/*.md.j2"))


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "scripts" / "atlas" / "templates")))
def test_templates_type_no_figure_or_date(template: Path):
    body = template.read_text("utf-8").split("\n---\n", 1)[1]
    body = re.sub(r"(?m)^\s*\d+\.\s", "", body)  # ordered-list markers are not figures
    body = re.sub(r"\{\{.*?\}\}|\{#[\w-]+\}|\([^)\s]*://[^)\s]*\)|<https?://[^>]+>|\]\([^)]*\)", "", body)
    assert re.findall(r"\d[\d,. ]*\d|\b\d\b", body) == [], "write numbers and dates with fig('id')"


def test_partnership_page_never_uses_the_defenders_stream_figures():
    for template in TEMPLATES:
        if template.name == "canada-rainbow-railroad.md.j2":
            assert "hrd-" not in template.read_text("utf-8")


def test_pathways_validate_and_every_figure_is_sourced():
    pathways = load_pathways(ROOT / "data", root=ROOT)
    assert pathways is not None
    assert all(f.sources for f in pathways.figures)
    ids = {f.id for f in pathways.figures} | {u.id for u in pathways.unpublished}
    used = set()
    for template in TEMPLATES:
        used |= set(re.findall(r'(?:fig|unpublished)\("([\w-]+)"\)', template.read_text("utf-8")))
    assert used <= ids


@pytest.mark.slow
def test_rendered_figures_carry_citations(real_site):
    for page in ("routes", "routes/canada-rainbow-railroad", "routes/questions", "fr/routes"):
        html = (real_site / page / "index.html").read_text("utf-8")
        figures = re.findall(r'<strong class="ra-fig">[^<]*</strong>(<span class="ra-cite">)?', html)
        assert figures and all(cite for cite in figures), page
        assert 'id="sources"' in html
