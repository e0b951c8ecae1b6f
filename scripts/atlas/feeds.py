"""Atom feed of legal changes, built from the same timeline data as the "What changed" page.

Entry ids are UUIDs derived from the country, date, kind and text, so they stay stable
across builds; ``updated`` comes from the data, never the clock.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape

from .enrich import Dataset
from .i18n import en
from .vocab import EVENT_LABELS

NAMESPACE = uuid.UUID("8c1f6f2e-6a57-4a8e-9d0e-5d1f5f3c2a10")


def _timestamp(date: str) -> str:
    parts = date.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def changes_atom(data: Dataset, site_url: str | None) -> str:
    base = (site_url or "/").rstrip("/") + "/"
    entries = []
    for ch in data.changes:
        ev, c = ch.event, ch.country
        eid = uuid.uuid5(NAMESPACE, f"{c.iso2}|{ev.date}|{ev.kind}|{en(ev.summary)}")
        title = f"{c.country.name}: {EVENT_LABELS[ev.kind]} ({ev.date})"
        summary = en(ev.summary) + (f" Stage: {en(ev.stage)}. This is not law." if ev.stage else "")
        links = "".join(
            f'\n    <link rel="related" href="{escape(c.sources_by_id[sid].url, {chr(34): "&quot;"})}" title="{escape(c.sources_by_id[sid].publisher, {chr(34): "&quot;"})}"/>'
            for sid in ev.sources
        )
        entries.append(
            f"""  <entry>
    <id>urn:uuid:{eid}</id>
    <title>{escape(title)}</title>
    <updated>{_timestamp(ev.date)}</updated>
    <link rel="alternate" href="{escape(base + c.url[1:])}#timeline"/>{links}
    <summary>{escape(summary)}</summary>
  </entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:uuid:{uuid.uuid5(NAMESPACE, "refuge-atlas-changes")}</id>
  <title>Refuge Atlas: what changed</title>
  <subtitle>Legal changes on same-sex relations, from the Refuge Atlas data files.</subtitle>
  <updated>{data.data_as_of.isoformat()}T00:00:00Z</updated>
  <link rel="self" href="{escape(base)}feeds/changes.xml"/>
  <link rel="alternate" href="{escape(base)}changes/"/>
  <author><name>Refuge Atlas</name></author>
{chr(10).join(entries)}
</feed>
"""
