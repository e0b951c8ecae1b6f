"""Compute derived values once, for pages, map, downloads and feeds alike.

Naming rule: authored values stay on ``country`` (the frozen model, unchanged); everything
computed lives on ``EnrichedCountry`` or ``Stats`` next to it. Nothing here reads the clock:
the same data always gives the same output, so two builds are byte-identical.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from . import vocab
from .fmt import slugify
from .models import Country, Provision, Source, TimelineEvent


@dataclass(frozen=True)
class Neighbour:
    iso2: str
    name: str
    status: str | None  # None when the neighbour has no data file yet
    url: str | None


@dataclass(frozen=True)
class EnrichedCountry:
    country: Country
    url: str
    applies_to: tuple[str, ...]
    headline: Provision | None
    region_name: str
    continent: str
    sources_by_id: dict[str, Source]
    neighbours: tuple[Neighbour, ...] = ()
    # Laws in force today (vocab.in_force), computed once for pages, map, table and CSV.
    provisions_in_force: tuple = ()
    propaganda_laws_in_force: tuple = ()
    gender_expression_laws_in_force: tuple = ()   # cross-dressing, impersonation
    gender_restrictions_in_force: tuple = ()      # care bans, bans on legal gender change
    primary_source_ids: frozenset = frozenset()
    # Stable anchors for each fact an advocate may link to: (list name, index) -> id.
    anchors: dict = field(default_factory=dict)

    def anchor(self, kind: str, index: int | str) -> str:
        return self.anchors[(kind, index)]

    @property
    def death_rank(self) -> int:
        return vocab.DEATH_PENALTY_RANK[self.country.death_penalty.status]

    @property
    def iso2(self) -> str:
        return self.country.iso2

    @property
    def status(self) -> str:
        return self.country.status.value

    @property
    def criminalizes(self) -> bool:
        return self.status != "not_criminalized"

    @property
    def max_penalty(self) -> str | None:
        return self.headline.max_penalty if self.headline else None

    @property
    def pending_bills(self):
        return [e for e in self.country.timeline if e.kind == "bill"]


@dataclass(frozen=True)
class Stats:
    total: int
    un_members: int
    by_status: dict[str, int]
    un_by_status: dict[str, int]
    un_criminalizing: int
    un_death_prescribed: int
    un_death_possible: int
    un_women_too: int
    unverified: int
    by_region: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """One timeline event, with its country: the rows of "What changed" and the feed."""

    country: EnrichedCountry
    event: TimelineEvent
    index: int

    @property
    def year(self) -> int:
        return int(self.event.date[:4])


@dataclass(frozen=True)
class Dataset:
    countries: tuple[EnrichedCountry, ...]
    stats: Stats
    data_as_of: dt.date

    @property
    def changes(self) -> list[Change]:
        """Every timeline event, newest first (ties: by country name)."""
        items = [Change(e, ev, i) for e in self.countries for i, ev in enumerate(e.country.timeline)]
        return sorted(items, key=lambda ch: (ch.event.date, ch.country.country.name), reverse=True)

    def by_iso2(self, code: str) -> EnrichedCountry | None:
        return next((c for c in self.countries if c.iso2 == code), None)


def headline_provision(country: Country) -> Provision | None:
    """The in-force provision with the most severe maximum penalty."""
    in_force = vocab.in_force(country.provisions)
    if not in_force:
        return None
    return max(in_force, key=lambda p: (vocab.PENALTY_SEVERITY[p.penalty_kind], p.max_years or 0))


def applies_to(country: Country) -> tuple[str, ...]:
    if country.status.value == "not_criminalized":
        return ()
    targets: set[str] = set()
    for p in vocab.in_force(country.provisions):
        targets |= {"men", "women"} if p.targets == "both" else {p.targets}
    return tuple(t for t in ("men", "women") if t in targets)


def _anchor_slug(text: str) -> str:
    return slugify(text) or "x"


def fact_anchors(country: Country) -> dict[tuple, str]:
    """An id for every provision, law, enforcement report, timeline entry and protection,
    built from what does not change when its text is edited: the section, the date and
    kind, the protection's key (``#provision-s-145``, ``#timeline-2023-05-bill``). Two facts
    with the same key get -2, -3… in file order."""
    anchors: dict[tuple, str] = {}
    used: set[str] = set()

    def add(key: tuple, base: str) -> None:
        name, n = base, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        anchors[key] = name

    for i, p in enumerate(country.provisions):
        add(("provisions", i), f"provision-{_anchor_slug(p.section['en'])}")
    for i, law in enumerate(country.gender_expression_laws):
        add(("gender_expression_laws", i), f"gender-law-{_anchor_slug(law.section['en'])}")
    for i, law in enumerate(country.expression_laws):
        add(("expression_laws", i), f"expression-law-{_anchor_slug(law.section['en'])}")
    for i, ev in enumerate(country.enforcement):
        add(("enforcement", i), f"enforcement-{ev.date}")
    for i, ev in enumerate(country.timeline):
        add(("timeline", i), f"timeline-{ev.date}-{ev.kind.replace('_', '-')}")
    for key in type(country.protections).model_fields:
        add(("protections", key), f"protection-{key.replace('_', '-')}")
    return anchors


def country_url(country: Country) -> str:
    return f"/countries/{country.slug}/"


def compute_stats(items: list[EnrichedCountry]) -> Stats:
    un = [c for c in items if c.country.un_member]
    un_crim = [c for c in un if c.criminalizes]
    by_region: dict[str, dict[str, int]] = {}
    for c in items:
        counts = by_region.setdefault(c.country.region, {s: 0 for s in vocab.STATUS_LABELS})
        counts[c.status] += 1
    return Stats(
        total=len(items),
        un_members=len(un),
        by_status={s: sum(c.status == s for c in items) for s in vocab.STATUS_LABELS},
        un_by_status={s: sum(c.status == s for c in un) for s in vocab.STATUS_LABELS},
        un_criminalizing=len(un_crim),
        un_death_prescribed=sum(c.country.death_penalty.status == "prescribed" for c in un_crim),
        un_death_possible=sum(c.country.death_penalty.status == "possible" for c in un_crim),
        un_women_too=sum("women" in c.applies_to for c in un_crim),
        unverified=sum(not c.country.verified for c in items),
        by_region=dict(sorted(by_region.items())),
    )


def enrich(countries: list[Country]) -> Dataset:
    first = []
    for c in countries:
        region = vocab.REGIONS[c.region]
        first.append(EnrichedCountry(
            country=c,
            url=country_url(c),
            applies_to=applies_to(c),
            headline=headline_provision(c),
            region_name=region.name,
            continent=region.continent,
            sources_by_id={s.id: s for s in c.sources},
            provisions_in_force=tuple(vocab.in_force(c.provisions)),
            propaganda_laws_in_force=tuple(vocab.in_force(c.expression_laws)),
            gender_expression_laws_in_force=tuple(
                law for law in vocab.in_force(c.gender_expression_laws) if law.kind in vocab.GENDER_EXPRESSION_KINDS),
            gender_restrictions_in_force=tuple(
                law for law in vocab.in_force(c.gender_expression_laws) if law.kind in vocab.GENDER_RESTRICTION_KINDS),
            primary_source_ids=frozenset(s.id for s in c.sources if vocab.is_primary(s)),
            anchors=fact_anchors(c),
        ))
    by_code = {e.iso2: e for e in first}
    items = []
    for e in first:
        neighbours = []
        for code in e.country.neighbours:
            other = by_code.get(code)
            neighbours.append(Neighbour(
                iso2=code,
                name=other.country.name if other else display_name(code),
                status=other.status if other else None,
                url=other.url if other else None,
            ))
        items.append(replace(e, neighbours=tuple(neighbours)))
    items.sort(key=lambda e: e.country.name)
    as_of = max(c.last_reviewed for c in countries)  # load refuses an empty data set: no default date
    return Dataset(countries=tuple(items), stats=compute_stats(items), data_as_of=as_of)


def display_name(code: str) -> str:
    """English short name for a code that has no data file yet (CLDR, via Babel)."""
    from babel import Locale

    return Locale("en").territories.get(code, code)


def penalty_rank(e: EnrichedCountry) -> int:
    """Sort key for the maximum penalty: death > life > years (more first) > other."""
    if e.headline is None:
        return 0
    return vocab.PENALTY_SEVERITY[e.headline.penalty_kind] * 1000 + (e.headline.max_years or 0)


STATUS_RANK = {"criminalized": 2, "de_facto_criminalized": 1, "not_criminalized": 0}
