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
    assert all(re.search(r"#timeline-\d{4}", e.find(f"{ATOM}link").get("href")) for e in entries)
    recent = [e for e in entries if e.find(f"{ATOM}updated").text >= "2018"]
    assert recent or not entries


def test_country_page_meets_the_weight_budgets(real_site, api):
    from atlas.bench import first_view, gz

    for rec in api:
        page = real_site / rec["url"].strip("/") / "index.html"
        assert gz(page.read_bytes()) <= 20_000, f"{rec['url']} HTML over 20 KB gzip"
        assert first_view(real_site, page)[1] <= 50_000, f"{rec['url']} first view over 50 KB gzip"


def test_csv_columns_are_in_their_documented_order(real_site):
    header = (real_site / "downloads" / "countries.csv").read_text("utf-8").splitlines()[0]
    assert header == ("iso2,name,url,un_member,region,status,applies_to,death_penalty,max_penalty,decriminalized,"
                      "gender_expression_laws,expression_laws,last_reviewed,verified")


def test_region_counts_equal_counts_from_the_api(real_site, api):
    html = (real_site / "regions" / "index.html").read_text("utf-8")
    rows = re.findall(r'<a href="[^"]*regions/([a-z-]+)/">[^<]*</a></th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>', html)
    assert rows
    for key, total, crim, defacto, legal in rows:
        members = [c for c in api if c["region"] == key]
        assert int(total) == len(members), key
        assert int(crim) == sum(c["status"] == "criminalized" for c in members), key
        assert int(defacto) == sum(c["status"] == "de_facto_criminalized" for c in members), key
        assert int(legal) == sum(c["status"] == "not_criminalized" for c in members), key


def test_table_expression_column_agrees_with_the_csv(real_site):
    rows = {r["iso2"]: r for r in csv.DictReader(io.StringIO((real_site / "downloads" / "countries.csv").read_text("utf-8")))}
    html = (real_site / "table" / "index.html").read_text("utf-8")
    for slug, row_html in re.findall(r'<th scope="row"[^>]*><a href="[^"]*countries/([a-z0-9-]+)/">.*?</th>(.*?)</tr>', html, re.S):
        rec = next(r for r in rows.values() if r["url"] == f"/countries/{slug}/")
        assert ("“Propaganda”" in row_html) == (int(rec["expression_laws"]) > 0), slug
        if int(rec["gender_expression_laws"]) == 0:
            assert "Gender expression" not in row_html and "Restrictions on trans people" not in row_html, slug


def test_map_marks_every_death_penalty_country_as_such(real_site, api):
    html = (real_site / "map" / "index.html").read_text("utf-8")
    for rec in api:
        link = re.search(rf'<a href="[^"]*{rec["url"][1:]}"[^>]*>(?:<title>[^<]*</title>)?<(?:path|circle) class="ra-map-status-([a-z_]+)"', html)
        assert link, rec["iso2"]
        death = rec["status"] != "not_criminalized" and rec["death_penalty"] != "none"
        assert (link.group(1) == "death") == death, rec["iso2"]


def test_api_v1_keeps_each_law_name_as_english_text_and_adds_its_translations(real_site):
    """Version 1 first published ``instrument`` and ``section`` as text; fields are only ever added."""
    laws = []
    for path in sorted((real_site / "api" / "v1" / "countries").glob("*.json")):
        detail = json.loads(path.read_text("utf-8"))["country"]["detail"]
        for place in [detail, *detail["subnational"]]:
            for key in ("provisions", "gender_expression_laws", "expression_laws"):
                laws += place.get(key, [])
    assert len(laws) > 150
    for key in ("instrument", "section"):
        assert all(isinstance(law[key], str) for law in laws)
        assert all(law[f"{key}_text"]["en"] == law[key] for law in laws)
        assert sum("fr" in law[f"{key}_text"] for law in laws) > 150
