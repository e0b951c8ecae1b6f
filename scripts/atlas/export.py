"""Open data: the JSON API, the CSV download and the JSON Schema.

The API is a public contract (documented on the Data page): fields are only ever added.
``generated`` is the data-as-of date, not the clock, so rebuilding the same data gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt

import csv
import io
import json

from .enrich import Dataset, EnrichedCountry
from .feeds import changes_atom
from .i18n import en
from .models import Country

API_VERSION = "1"
CSV_COLUMNS = [
    ("iso2", "ISO 3166-1 alpha-2 code (XK for Kosovo)"),
    ("name", "English short name"),
    ("url", "Site-relative URL of the country page"),
    ("un_member", "true for UN member states"),
    ("region", "UN M49 sub-region"),
    ("status", "criminalized, de_facto_criminalized or not_criminalized"),
    ("applies_to", "Who the law targets: men, women, or men;women; empty when not criminalized"),
    ("death_penalty", "prescribed, possible or none"),
    ("max_penalty", "Most severe maximum penalty in force, in plain words; empty when none or not known"),
    ("decriminalized", "Date or year of decriminalization; empty if none"),
    ("gender_expression_laws", "Number of laws in force that criminalize or restrict gender expression"),
    ("expression_laws", "Number of 'propaganda' or 'promotion' laws in force"),
    ("last_reviewed", "Date the entry was last checked (YYYY-MM-DD)"),
    ("verified", "true when provisions were checked against a primary or authoritative source"),
]


def summary_record(e: EnrichedCountry) -> dict:
    c = e.country
    return {
        "iso2": c.iso2,
        "name": c.name,
        "slug": c.slug,
        "url": e.url,
        "un_member": c.un_member,
        "region": c.region,
        "status": c.status.value,
        "applies_to": list(e.applies_to),
        "death_penalty": c.death_penalty.status,
        "max_penalty": en(e.max_penalty),
        "decriminalized": c.status.decriminalized,
        "last_reviewed": c.last_reviewed.isoformat(),
        "verified": c.verified,
        "sources": [
            {"title": s.title, "publisher": s.publisher, "url": s.url, "date": s.published}
            for s in c.sources
        ],
    }


V1_TEXT_FIELDS = ("instrument", "section", "name")  # published as English text in version 1


def _v1_law_names(detail):
    """Keep a law's ``instrument`` and ``section``, and a part of the country's ``name``, as English
    text, as version 1 published them.

    They became translatable after version 1 was published. Each keeps its field (English text)
    and gains ``<field>_text`` ({"en": ..., "fr": ...}), so that a field is only ever added, never
    changed in type. (The country's own ``name`` is English text, and stays so.)
    """
    if isinstance(detail, list):
        for item in detail:
            _v1_law_names(item)
    elif isinstance(detail, dict):
        for key in V1_TEXT_FIELDS:
            texts = detail.get(key)
            if isinstance(texts, dict):
                detail[key] = texts["en"]
                detail[f"{key}_text"] = texts
        for value in list(detail.values()):
            if isinstance(value, (dict, list)):
                _v1_law_names(value)
    return detail


def full_record(e: EnrichedCountry) -> dict:
    """The summary plus every authored field, under ``detail``."""
    return {**summary_record(e), "detail": _v1_law_names(e.country.model_dump(mode="json"))}


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def countries_json(data: Dataset) -> str:
    return dumps({
        "version": API_VERSION,
        "generated": data.data_as_of.isoformat(),
        "countries": [summary_record(e) for e in data.countries],
    })


def country_json(data: Dataset, e: EnrichedCountry) -> str:
    return dumps({"version": API_VERSION, "generated": data.data_as_of.isoformat(), "country": full_record(e)})


def countries_csv(data: Dataset) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for e in data.countries:
        rec = summary_record(e)
        writer.writerow([
            rec["iso2"], rec["name"], rec["url"], str(rec["un_member"]).lower(), rec["region"],
            rec["status"], ";".join(rec["applies_to"]), rec["death_penalty"], rec["max_penalty"] or "",
            rec["decriminalized"] or "",
            len(e.gender_expression_laws_in_force) + len(e.gender_restrictions_in_force),
            len(e.propaganda_laws_in_force), rec["last_reviewed"], str(rec["verified"]).lower(),
        ])
    return out.getvalue()


def country_schema_json() -> str:
    schema = Country.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "country.schema.json"
    return dumps(schema)


def api_files(data: Dataset, site_url: str | None = None) -> dict[str, str]:
    """Every open-data file, keyed by its path under the site root."""
    files = {
        "feeds/changes.xml": changes_atom(data, site_url),
        "api/v1/countries.json": countries_json(data),
        "api/v1/schema/country.schema.json": country_schema_json(),
        "downloads/countries.csv": countries_csv(data),
    }
    for e in data.countries:
        files[f"api/v1/countries/{e.iso2.lower()}.json"] = country_json(data, e)
    return files


SECURITY_HEADERS = """# Headers for hosts that read _headers (Netlify, Cloudflare Pages). Each page also carries
# a stricter meta CSP that allows its inline scripts by hash; browsers enforce both.
/*
  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'
  Referrer-Policy: no-referrer
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
  Cross-Origin-Opener-Policy: same-origin
  Strict-Transport-Security: max-age=31536000
"""


def one_year_after(day: dt.date) -> dt.date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def host_files(data: Dataset, site_url: str | None) -> dict[str, str]:
    """Files for static hosts: security headers (Netlify, Cloudflare Pages), no Jekyll on
    GitHub Pages, and security.txt (RFC 9116) once the site's address is known."""
    files = {"_headers": SECURITY_HEADERS, ".nojekyll": ""}
    if site_url:
        base = site_url.rstrip("/") + "/"
        expires = one_year_after(data.data_as_of)
        files[".well-known/security.txt"] = (
            f"Contact: {base}report/\n"
            f"Expires: {expires.isoformat()}T00:00:00Z\n"
            f"Canonical: {base}.well-known/security.txt\n"
            "Preferred-Languages: en, fr\n"
            "# Errors in the data: see the Report an error page.\n"
        )
    return files
