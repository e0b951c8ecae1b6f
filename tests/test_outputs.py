"""Pages, CSV, JSON, map and feed come from one enriched dataset, so they agree."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def api(real_site):
    return json.loads((real_site / "api" / "v1" / "countries.json").read_text("utf-8"))["countries"]


def test_csv_json_and_pages_agree(real_site, api):
    rows = list(csv.DictReader(io.StringIO((real_site / "downloads" / "countries.csv").read_text("utf-8"))))
    assert [r["iso2"] for r in rows] == [c["iso2"] for c in api]
    for row, rec in zip(rows, api):
        assert row["status"] == rec["status"] and row["death_penalty"] == rec["death_penalty"]
        assert row["applies_to"] == ";".join(rec["applies_to"])
        assert row["max_penalty"] == (rec["max_penalty"] or "")
        page = (real_site / rec["url"].strip("/") / "index.html").read_text("utf-8")
        assert f'ra-status--{rec["status"]}' in page
        assert rec["last_reviewed"] in page
        full = json.loads((real_site / "api" / "v1" / "countries" / f'{rec["iso2"].lower()}.json').read_text("utf-8"))
        assert {k: v for k, v in full["country"].items() if k != "detail"} == rec


def test_home_figures_equal_counts_from_the_api(real_site, api):
    home = (real_site / "index.html").read_text("utf-8")
    un = [c for c in api if c["un_member"]]
    crim = [c for c in un if c["status"] != "not_criminalized"]
    text = re.sub(r"<[^>]+>", "", home)
    assert f"{len(crim)} of the {len(un)} UN member states" in text
    prescribed = sum(c["death_penalty"] == "prescribed" for c in crim)
    possible = sum(c["death_penalty"] == "possible" for c in crim)
    assert f"{prescribed} prescribe the death penalty in law; in {possible} more" in text
    women = sum("women" in c["applies_to"] for c in crim)
    assert f"{women} criminalize women as well as men" in text


def test_map_links_every_country_page(real_site, api):
    home = (real_site / "index.html").read_text("utf-8")
    svg = home[home.index('<svg class="ra-map'):]
    svg = svg[: svg.index("</svg>")]
    links = set(re.findall(r'<a href="([^"]+)" aria-label="[^"]+"><title>', svg))
    assert links == {c["url"][1:] for c in api}


def test_atom_feed_is_valid_and_lists_every_change_since_2018(real_site):
    root = ET.parse(real_site / "feeds" / "changes.xml").getroot()
    entries = root.findall(f"{ATOM}entry")
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(ids) == len(set(ids))
    changes = (real_site / "changes" / "index.html").read_text("utf-8")
    listed = len(re.findall(r"<li><time datetime=", changes))
    assert len(entries) == listed
    assert all(e.find(f"{ATOM}link").get("href").endswith("#timeline") for e in entries)
    recent = [e for e in entries if e.find(f"{ATOM}updated").text >= "2018"]
    assert recent or not entries


def test_country_page_meets_the_weight_budgets(real_site, api):
    from atlas.bench import first_view, gz

    for rec in api:
        page = real_site / rec["url"].strip("/") / "index.html"
        assert gz(page.read_bytes()) <= 20_000, f"{rec['url']} HTML over 20 KB gzip"
        assert first_view(real_site, page)[1] <= 50_000, f"{rec['url']} first view over 50 KB gzip"
