"""Source quality figures for ``atlas report``: weak addresses and anchored files.

A *weak* address is a secondary compiler (an encyclopedia or a site that summarizes other
sources) or an upload mirror (a document-sharing site holding someone else's publication).
Such an address may appear as ``copy_url`` (where a copy was read), but a source's ``url``
should be the publication's own. A file is *anchored* when it cites at least one of the
Human Dignity Trust, ILGA World, or a primary legal source: the law itself or a judgment, and
cites it for the criminal law (its status, a provision, the death penalty or a part of the
country), not only for a protection or a news item.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from pydantic import BaseModel

from .models import Country, Pathways, Source

COMPILERS = (
    "wikipedia.org", "wikimili.com", "wikiwand.com", "wikisum.wiki", "shoutwiki.com", "leswiki.it",
    "equaldex.com", "pridelegal.com", "globalgayz.com", "alturi.org", "glapn.org",
)
MIRRORS = (
    "docslib.org", "yumpu.com", "scribd.com", "slideshare.net", "issuu.com", "fdocuments.us",
    "studylib.es", "studylib.net", "vdocuments.mx", "doczz.net", "readkong.com",
)


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").rstrip(".").lower()


def is_weak(url: str) -> bool:
    h = host(url)
    return any(h == d or h.endswith("." + d) for d in COMPILERS + MIRRORS)


def weak_sources(country: Country) -> list[Source]:
    return [s for s in country.sources if is_weak(s.url)]


# A primary *legal* source: the law or a judgment. A government's research note or statement
# (an asylum-information response, a foreign ministry's statement) is primary as a source but
# not the law itself, so it does not anchor a criminalizing file.
LEGAL_KINDS = frozenset({"legislation", "court"})


def is_anchor(source: Source) -> bool:
    publisher = source.publisher.lower()
    return (source.kind in LEGAL_KINDS or publisher.startswith("human dignity trust")
            or publisher in ("ilga", "ilga world"))


def cited(country: Country | Pathways) -> Iterator[tuple[tuple, str]]:
    """Every (path, source id) cited anywhere in the file."""
    def walk(obj, path):
        if isinstance(obj, list):
            for i, item in enumerate(obj):
                yield from walk(item, path + (i,))
        elif isinstance(obj, BaseModel):
            for name in type(obj).model_fields:
                value = getattr(obj, name)
                if name == "sources" and value and isinstance(value[0], str):
                    for i, sid in enumerate(value):
                        yield path + ("sources", i), sid
                elif name != "sources":
                    yield from walk(value, path + (name,))
    yield from walk(country, ())


# The parts of a file that state what the criminal law says: the claims an anchor must back.
CRIMINAL_LAW_PARTS = frozenset({"status", "death_penalty", "provisions", "subnational"})


def criminal_law_source_ids(country: Country) -> set[str]:
    """Ids of the sources cited for what the criminal law says."""
    return {sid for path, sid in cited(country) if path[0] in CRIMINAL_LAW_PARTS}


def anchored(country: Country) -> bool:
    ids = criminal_law_source_ids(country)
    return any(is_anchor(s) for s in country.sources if s.id in ids)
