"""Cross-checks that the schema alone cannot express.

Each check is a generator that yields ``(path, message)`` or ``(path, message, value)``;
``load`` turns them into problems with file and line. Checks never stop at the first
finding: the maintainer sees everything wrong with a file in one run.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import pycountry

from . import audit, vocab
from .models import Country, Pathways

Finding = tuple  # (path, message) or (path, message, value)
EXTRA_CODES = {"XK": "Kosovo"}

# States whose territory was under a predecessor state's law against sex between men: such a
# state is never "never_criminalized"; its file dates the repeal that took effect there.
_SOVIET = "the criminal law of the Soviet Union (article 121 of the Russian code and its equivalents)"
_YUGOSLAV = "the criminal code of Yugoslavia (1951)"
PREDECESSOR_LAWS = {
    **dict.fromkeys(("AM", "AZ", "BY", "EE", "GE", "KG", "KZ", "LT", "LV", "MD", "RU", "TJ", "TM", "UA", "UZ"), _SOVIET),
    **dict.fromkeys(("BA", "HR", "ME", "MK", "RS", "SI", "XK"), _YUGOSLAV),
}


def is_country_code(code: str) -> bool:
    return code in EXTRA_CODES or pycountry.countries.get(alpha_2=code) is not None


TRACKING_PARAMETERS = re.compile(r"^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|yclid)$", re.I)


def tracking_parameters(url: str) -> list[str]:
    return [k for k, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True) if TRACKING_PARAMETERS.match(k)]


def check_sources(country: Country | Pathways) -> Iterator[Finding]:
    ids: dict[str, int] = {}
    for i, source in enumerate(country.sources):
        for key in ("url", "copy_url"):
            found = tracking_parameters(getattr(source, key) or "")
            if found:
                yield ("sources", i, key), f"has the tracking parameter '{found[0]}'; remove it (the address works without it)", getattr(source, key)
        if source.id in ids:
            yield ("sources", i, "id"), f"is a duplicate source id (also sources[{ids[source.id]}])", source.id
        ids.setdefault(source.id, i)
    used = set()
    for path, sid in audit.cited(country):
        used.add(sid)
        if sid not in ids:
            yield path, "is not a source id defined under 'sources' in this file", sid
    for sid, i in ids.items():
        if sid not in used:
            yield ("sources", i, "id"), "is never cited; cite it from a claim or remove it", sid


def _dates(country: Country) -> Iterator[tuple[tuple, str]]:
    yield ("last_reviewed",), country.last_reviewed.isoformat()
    if country.status.decriminalized:
        yield ("status", "decriminalized"), country.status.decriminalized
    for i, s in enumerate(country.sources):
        yield ("sources", i, "accessed"), s.accessed.isoformat()
        if s.published:
            yield ("sources", i, "published"), s.published
    for name in ("provisions", "gender_expression_laws", "expression_laws"):
        for i, law in enumerate(getattr(country, name)):
            if law.enacted:
                yield (name, i, "enacted"), law.enacted
    for name in ("enforcement", "timeline"):
        for i, event in enumerate(getattr(country, name)):
            yield (name, i, "date"), event.date
    for name in type(country.protections).model_fields:
        fact = getattr(country.protections, name)
        if fact.since:
            yield ("protections", name, "since"), fact.since


def check_future(dates, today: dt.date) -> Iterator[Finding]:
    """Dates (full or partial) after today, compared as precisely as each is known."""
    for path, value in dates:
        if value > today.isoformat()[: len(value)]:
            yield path, f"is in the future (today is {today.isoformat()})", value


def _as_precise_as_both(a: str, b: str) -> tuple[str, str]:
    """Two partial dates cut to the precision both have: "2023" may fall after "2023-05"."""
    common = min(len(a), len(b))
    return a[:common], b[:common]


def check_dates(country: Country, today: dt.date) -> Iterator[Finding]:
    yield from check_future(_dates(country), today)
    previous = None
    for i, event in enumerate(country.timeline):
        if previous is not None:
            date, before = _as_precise_as_both(event.date, previous)
            if date < before:
                yield ("timeline", i, "date"), f"is earlier than the event before it ({previous}); keep the timeline oldest first", event.date
        previous = event.date
    decrim = country.status.decriminalized
    if decrim:
        for i, event in enumerate(country.timeline):
            if event.kind in ("criminalization", "harsher_law") and event.date[: len(decrim)] > decrim:
                yield ("status", "decriminalized"), f"comes before the criminalization on {event.date} (timeline[{i}]); it must come after", decrim
        changes = [(i, e.date) for i, e in enumerate(country.timeline) if e.kind == "decriminalization"]
        if changes:
            i, date = changes[-1]
            event_date, status_date = _as_precise_as_both(date, decrim)
            if event_date != status_date:
                yield ("status", "decriminalized"), (f"differs from the decriminalization in timeline[{i}] ({date}); date both by when "
                                                     "the change took effect, not when it was passed"), decrim


def check_status(country: Country) -> Iterator[Finding]:
    status = country.status
    in_force = vocab.in_force(country.provisions)
    if status.value == "criminalized" and not in_force:
        yield ("provisions",), "needs at least one provision in force when status.value is criminalized"
    if status.value == "not_criminalized" and in_force:
        yield ("status", "value"), "says not_criminalized, but a provision is in force; mark it struck_down or repealed", status.value
    if status.decriminalized and status.value != "not_criminalized":
        yield ("status", "decriminalized"), f"is set, but status.value is {status.value}; record earlier changes in the timeline", status.decriminalized
    if status.decriminalized and not status.decriminalized_how:
        yield ("status",), "needs decriminalized_how when decriminalized is set"
    if status.decriminalized_how == "never_criminalized":
        if status.decriminalized:
            yield ("status", "decriminalized"), ("is set, but decriminalized_how is never_criminalized; if a law of this state "
                                                 "or a predecessor once applied, say how it was repealed"), status.decriminalized
        for i, event in enumerate(country.timeline):
            if event.kind == "criminalization":
                yield ("status", "decriminalized_how"), f"is never_criminalized, but timeline[{i}] records a criminalization", status.decriminalized_how
        if country.iso2 in PREDECESSOR_LAWS:
            yield ("status", "decriminalized_how"), (f"is never_criminalized, but {PREDECESSOR_LAWS[country.iso2]} applied here; "
                                                     "date the repeal that took effect instead"), status.decriminalized_how
    if status.value == "not_criminalized" and country.death_penalty.status != "none":
        yield ("death_penalty", "status"), "must be none when same-sex acts are not criminalized", country.death_penalty.status
    if country.death_penalty.status != "none" and not country.death_penalty.sources:
        yield ("death_penalty", "sources"), f"needs at least one source when status is {country.death_penalty.status}"
    for i, event in enumerate(country.timeline):
        if event.kind == "bill" and not event.stage:
            yield ("timeline", i, "stage"), "is required for a bill: say how far it has gone (it is not law)"
    for name in type(country.protections).model_fields:
        fact = getattr(country.protections, name)
        if fact.status != "not_known" and not fact.sources:
            yield ("protections", name, "sources"), f"needs at least one source when status is {fact.status}"


def check_codes(country: Country, file_stem: str) -> Iterator[Finding]:
    if country.iso2.lower() != file_stem:
        yield ("iso2",), f"does not match the file name '{file_stem}.yaml'; expected '{file_stem.upper()}'", country.iso2
    if not is_country_code(country.iso2):
        yield ("iso2",), "is not an ISO 3166-1 country code", country.iso2
    for i, code in enumerate(country.neighbours):
        if not is_country_code(code) or code == country.iso2:
            yield ("neighbours", i), "is not another country's ISO 3166-1 code", code
    if country.un_member and country.un_observer:
        yield ("un_observer",), "cannot be true for a UN member state", True


def check_anchors(country: Country) -> Iterator[Finding]:
    """A file about a criminalizing state cites publications at their own addresses."""
    if country.status.value == "not_criminalized":
        return
    for i, source in enumerate(country.sources):
        if audit.is_weak(source.url):
            yield ("sources", i, "url"), ("is a compiler or mirror address, which a criminalizing file may not cite; give the "
                                          "publication's own address (and the copy you read as copy_url) or another source"), source.url


def check_country(country: Country, file_stem: str, today: dt.date) -> Iterator[Finding]:
    yield from check_codes(country, file_stem)
    yield from check_sources(country)
    yield from check_anchors(country)
    yield from check_dates(country, today)
    yield from check_status(country)


def check_pathways(pathways: Pathways, today: dt.date) -> Iterator[Finding]:
    yield from check_sources(pathways)
    ids: dict[str, int] = {}
    for name in ("figures", "unpublished"):
        for i, item in enumerate(getattr(pathways, name)):
            if item.id in ids:
                yield (name, i, "id"), "is used twice; figure ids must be unique", item.id
            ids[item.id] = i
    dates = [(("last_reviewed",), pathways.last_reviewed.isoformat())]
    dates += [(("sources", i, "accessed"), s.accessed.isoformat()) for i, s in enumerate(pathways.sources)]
    dates += [(("sources", i, "published"), s.published) for i, s in enumerate(pathways.sources) if s.published]
    yield from check_future(dates, today)
