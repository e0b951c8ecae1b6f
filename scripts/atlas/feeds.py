"""Atom feeds of legal changes, built from the same timeline data as the pages.

- ``feeds/changes.xml``: every change, in English (the site-wide feed);
- ``countries/<slug>/feed.xml`` in each language (``/fr/countries/<slug>/feed.xml``): one
  country's changes, for advocates who follow one country.

Entry ids are UUIDs derived from the country, date, kind, text (and language), so they stay
stable across builds; ``updated`` comes from the data, never the clock.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape

from .enrich import Dataset, EnrichedCountry
from .i18n import DEFAULT, en
from .vocab import EVENT_LABELS

NAMESPACE = uuid.UUID("8c1f6f2e-6a57-4a8e-9d0e-5d1f5f3c2a10")


def _timestamp(date: str) -> str:
    parts = date.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _entry(c: EnrichedCountry, index: int, page_url: str, title: str, summary: str, lang: str) -> str:
    ev = c.country.timeline[index]
    seed = f"{c.iso2}|{ev.date}|{ev.kind}|{en(ev.summary)}" + ("" if lang == DEFAULT else f"|{lang}")
    links = "".join(
        f'\n    <link rel="related" href="{_attr(c.sources_by_id[sid].url)}" title="{_attr(c.sources_by_id[sid].publisher)}"/>'
        for sid in ev.sources
    )
    return f"""  <entry>
    <id>urn:uuid:{uuid.uuid5(NAMESPACE, seed)}</id>
    <title>{escape(title)}</title>
    <updated>{_timestamp(ev.date)}</updated>
    <link rel="alternate" href="{_attr(page_url)}"/>{links}
    <summary>{escape(summary)}</summary>
  </entry>"""


def _feed(feed_id: str, title: str, subtitle: str, updated: str, self_url: str, page_url: str,
          entries: list[str], lang: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">
  <id>urn:uuid:{uuid.uuid5(NAMESPACE, feed_id)}</id>
  <title>{escape(title)}</title>
  <subtitle>{escape(subtitle)}</subtitle>
  <updated>{updated}T00:00:00Z</updated>
  <link rel="self" href="{_attr(self_url)}"/>
  <link rel="alternate" href="{_attr(page_url)}"/>
  <author><name>Refuge Atlas</name></author>
{chr(10).join(entries)}
</feed>
"""


def changes_atom(data: Dataset, site_url: str | None) -> str:
    base = (site_url or "/").rstrip("/") + "/"
    entries = []
    for ch in data.changes:
        ev, c = ch.event, ch.country
        title = f"{c.country.name}: {EVENT_LABELS[ev.kind]} ({ev.date})"
        summary = en(ev.summary) + (f" Stage: {en(ev.stage)} (a bill is not law)." if ev.stage else "")
        entries.append(_entry(c, ch.index, f"{base}{c.url[1:]}#{c.anchor('timeline', ch.index)}", title, summary, DEFAULT))
    return _feed("refuge-atlas-changes", "Refuge Atlas: what changed",
                 "Legal changes on same-sex relations, from the Refuge Atlas data files.",
                 data.data_as_of.isoformat(), f"{base}feeds/changes.xml", f"{base}changes/", entries, DEFAULT)


def country_atom(e: EnrichedCountry, base: str, lang: str, localizer, gettext) -> str:
    """One country's changes, newest first, in ``lang``. ``base`` is the address of the
    language's root (the site address when known, else '/' or '/fr/')."""
    page = f"{base}{e.url[1:]}"
    name = localizer.name(e.country)
    entries = []
    order = sorted(range(len(e.country.timeline)), key=lambda i: e.country.timeline[i].date, reverse=True)
    for i in order:
        ev = e.country.timeline[i]
        title = gettext("%(country)s: %(status)s") % {"country": name, "status": gettext(EVENT_LABELS[ev.kind])} + f" ({ev.date})"
        summary = str(localizer.text(ev.summary))
        if ev.stage:
            summary += " " + gettext("Stage:") + " " + str(localizer.text(ev.stage))
        entries.append(_entry(e, i, f"{page}#{e.anchor('timeline', i)}", title, summary, lang))
    title = gettext("Refuge Atlas: changes in %(country)s") % {"country": name}
    subtitle = gettext("Changes in the law on same-sex relations in %(country)s, from the Refuge Atlas data.") % {"country": name}
    return _feed(f"refuge-atlas-{e.iso2}-{lang}", title, subtitle, e.country.last_reviewed.isoformat(),
                 f"{page}feed.xml", page, entries, lang)
