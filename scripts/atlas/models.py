"""The one schema for Refuge Atlas data files.

Every authored file is validated against these models; the JSON Schema in ``data/schema/``
and the field reference on the Data page are exported from them, never written by hand.
Invariants: models are frozen, reject unknown keys, and hold only what a researcher
asserts. Anything computed (status labels, counts, headline penalty) lives in ``enrich``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import vocab


def _pattern(regex: str, expectation: str):
    """A string type checked against ``regex``; the error says what was expected."""
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise PydanticCustomError("atlas_pattern", expectation)
        return value

    return AfterValidator(check)


def _partial_date(value: str) -> str:
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        raise PydanticCustomError(
            "atlas_date", "is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)"
        )
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise PydanticCustomError(
            "atlas_date", "is not a valid date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from None
    return value


Text = Annotated[str, Field(min_length=1, max_length=4000)]
ShortText = Annotated[str, Field(min_length=1, max_length=300)]


def _local_text(max_length: int):
    """Text in English, or a mapping of language codes to text (``en`` required).

    A plain string means English. Either way the model holds ``{"en": ..., "fr": ...}``.
    """

    def check(value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            value = {"en": value}
        if not isinstance(value, dict):
            raise PydanticCustomError("atlas_text", "is not text, nor a mapping of language codes to text")
        out = {}
        for lang, text in value.items():
            if not isinstance(lang, str) or not re.fullmatch(r"[a-z]{2,3}", lang):
                raise PydanticCustomError("atlas_text", "has a key that is not a language code such as 'en' or 'fr'")
            if isinstance(text, (int, float)) and not isinstance(text, bool):
                text = str(text)
            if not isinstance(text, str) or not text.strip():
                raise PydanticCustomError("atlas_text", "has an empty or non-text translation")
            if len(text) > max_length:
                raise PydanticCustomError("atlas_text", f"is too long (at most {max_length} characters)")
            out[lang] = text.strip()
        if "en" not in out:
            raise PydanticCustomError("atlas_text", "needs the English text under 'en'")
        return out

    schema = {"anyOf": [
        {"type": "string", "minLength": 1, "maxLength": max_length},
        {"type": "object", "required": ["en"], "propertyNames": {"pattern": "^[a-z]{2,3}$"},
         "additionalProperties": {"type": "string", "minLength": 1, "maxLength": max_length}},
    ]}
    return Annotated[dict[str, str], BeforeValidator(check), WithJsonSchema(schema)]


LocalText = _local_text(4000)
ShortLocalText = _local_text(300)
SourceId = Annotated[
    str, _pattern(r"[a-z0-9][a-z0-9-]{0,79}", "is not a source id (lower-case letters, digits and hyphens)")
]
SourceIds = Annotated[list[SourceId], Field(min_length=1)]
Iso2 = Annotated[str, _pattern(r"[A-Z]{2}", "is not a two-letter upper-case ISO 3166-1 code")]
Slug = Annotated[
    str, _pattern(r"[a-z0-9]+(-[a-z0-9]+)*", "is not a slug (lower-case words joined by hyphens)")
]
PlaceName = Annotated[
    str,
    _pattern(
        r"[^\W\d_][\w .,'’()-]{0,79}",
        "is not a place name (letters, spaces and . , ' ( ) - only)",
    ),
]
Url = Annotated[str, _pattern(r"https?://[^\s<>\"']+", "is not a web address (http:// or https://)")]
LanguageCode = Annotated[str, _pattern(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", "is not a language code such as 'en' or 'ar'")]
PartialDate = Annotated[
    str,
    AfterValidator(_partial_date),
    Field(description="A date: YYYY-MM-DD, or YYYY-MM or YYYY where only that much is known."),
]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, coerce_numbers_to_str=True)


class Source(Model):
    """A publication that supports one or more claims in the file."""

    id: SourceId = Field(description="Short id, unique in the file, cited by claims.")
    publisher: ShortText = Field(description="Who published it, e.g. 'Human Dignity Trust'.")
    title: ShortText = Field(description="The title as published.")
    url: Url = Field(description="The publication's own address: the gazette, court, NGO or outlet that published it.")
    copy_url: Url | None = Field(
        default=None,
        description="Where the copy you read is, when it is not the publication's own address (a mirror, an archive, an uploaded PDF).",
    )
    published: PartialDate | None = Field(
        default=None, description="Publication date; leave out when the page is undated (n.d.)."
    )
    accessed: dt.date = Field(description="The date a researcher last read it.")
    kind: vocab.SourceKind = Field(
        description="legislation, court and government are primary sources; the rest are secondary."
    )


class Quote(Model):
    """A short, verbatim quote of a provision, in its original language."""

    text: Text = Field(description="Verbatim text of the provision.")
    language: LanguageCode = Field(description="Language of the original text, e.g. 'en', 'fr', 'ar'.")
    translation: LocalText | None = Field(default=None, description="Translation, if the original is in another language.")


class Law(Model):
    """A provision of law: where it is, what it does, and who says so."""

    instrument: ShortLocalText = Field(
        description="The law, e.g. 'Penal Code (Cap. 63)'; in French, its French name (the official one where the law is French)."
    )
    section: ShortLocalText = Field(
        description="Section or article, e.g. 's. 162' or 'art. 234'; in French, e.g. 'art. 162'. The English text names the page anchor."
    )
    prohibits: LocalText = Field(description="What it prohibits, in plain words.")
    max_penalty: ShortLocalText | None = Field(
        default=None, description="Maximum penalty in plain words; leave out when not known."
    )
    state: vocab.LawState = Field(default="in_force", description="Whether it is law today.")
    enacted: PartialDate | None = Field(
        default=None, description="When it was enacted (passed or promulgated); the page says 'Enacted', not 'in force since'."
    )
    quote: Quote | None = Field(default=None, description="Optional verbatim quote.")
    note: LocalText | None = Field(default=None, description="Anything a reader should know, e.g. a disputed reading.")
    sources: SourceIds = Field(description="Ids of the sources that support this entry.")


class Provision(Law):
    """A provision that criminalizes consensual same-sex acts between adults."""

    targets: vocab.Target = Field(description="Whom it applies to: men, women, or both.")
    penalty_kind: vocab.PenaltyClass = Field(
        description="The kind of maximum penalty, used to rank provisions and to colour the map."
    )
    max_years: int | None = Field(
        default=None, ge=1, le=100, description="Maximum prison term in years, when it is a term of years."
    )


class GenderExpressionLaw(Law):
    """A law that criminalizes or restricts gender expression or gender recognition."""

    kind: vocab.GenderLawKind = Field(description="What kind of restriction it is.")


class ExpressionLaw(Law):
    """A law against 'propaganda' or 'promotion' of same-sex relations or LGBTQI+ identities."""


class StatusInfo(Model):
    """The legal status of consensual same-sex acts between adults."""

    value: vocab.Status = Field(description="criminalized, de_facto_criminalized or not_criminalized.")
    summary: LocalText = Field(description="One or two plain sentences a frightened reader can understand.")
    decriminalized: PartialDate | None = Field(
        default=None, description="When the acts stopped being a crime, if they ever were."
    )
    decriminalized_how: vocab.DecriminalizedHow | None = Field(
        default=None, description="How it changed: court_ruling, repeal, new_code, never_criminalized, other."
    )
    appeal_pending: bool = Field(default=False, description="True when a decriminalizing ruling is under appeal.")
    sources: SourceIds


class DeathPenaltyInfo(Model):
    """Whether same-sex intimacy can be punished by death, kept apart from other penalties."""

    status: vocab.DeathPenalty = Field(
        description="prescribed (in the text of the law), possible (sharia interpretation, no legal certainty) or none."
    )
    note: LocalText | None = Field(default=None, description="What the law or the sources say, in plain words.")
    sources: list[SourceId] = Field(default_factory=list, description="Required unless status is none.")


class EnforcementEvent(Model):
    """A dated, sourced report of arrests, prosecutions or raids."""

    date: PartialDate
    summary: LocalText
    place: ShortText | None = None
    sources: SourceIds


class SubnationalEntry(Model):
    """A part of the country where the law differs, e.g. Aceh, northern Nigeria, Gaza."""

    name: ShortLocalText = Field(description="The place, e.g. 'Aceh'; in French, e.g. 'Sumatra du Sud'.")
    status: vocab.Status
    death_penalty: vocab.DeathPenalty = "none"
    summary: LocalText
    provisions: list[Provision] = Field(default_factory=list)
    sources: SourceIds


class TimelineEvent(Model):
    """A change in the law, a court ruling, or a bill (which is not law)."""

    date: PartialDate
    kind: vocab.EventKind
    summary: LocalText
    stage: ShortLocalText | None = Field(default=None, description="For bills: how far it has gone. Required for bills.")
    sources: SourceIds


class ProtectionFact(Model):
    """One protection. Left out means 'not known', and the page says so."""

    status: vocab.ProtectionState = "not_known"
    since: PartialDate | None = None
    note: LocalText | None = None
    sources: list[SourceId] = Field(default_factory=list, description="Required unless status is not_known.")


class Protections(Model):
    constitution: ProtectionFact = ProtectionFact()
    employment: ProtectionFact = ProtectionFact()
    goods_services: ProtectionFact = ProtectionFact()
    hate_crime: ProtectionFact = ProtectionFact()
    marriage: ProtectionFact = ProtectionFact()
    civil_union: ProtectionFact = ProtectionFact()
    gender_recognition: ProtectionFact = ProtectionFact()
    conversion_ban: ProtectionFact = ProtectionFact()
    equal_age_of_consent: ProtectionFact = ProtectionFact()


class Country(Model):
    """One country or territory: ``data/countries/<iso2>.yaml``."""

    iso2: Iso2 = Field(description="ISO 3166-1 alpha-2 code, upper case ('XK' for Kosovo). Must match the file name.")
    slug: Slug = Field(description="English URL slug: /countries/<slug>/. Never change it; add the old one to former_slugs.")
    former_slugs: list[Slug] = Field(default_factory=list, description="Old slugs that keep redirecting here.")
    name: PlaceName = Field(description="Short English name, e.g. 'Uganda'.")
    names: dict[Annotated[str, _pattern(r"[a-z]{2,3}", "is not a language code such as 'fr'")], PlaceName] = Field(
        default_factory=dict,
        description="Names in other languages, only where the standard (CLDR) name is not right, e.g. {fr: Palestine}.",
    )
    un_member: bool = Field(description="True for the 193 UN member states.")
    un_observer: bool = Field(default=False, description="True for UN observer states (Holy See, Palestine).")
    region: vocab.RegionKey = Field(description="UN M49 geographic sub-region.")
    status: StatusInfo
    death_penalty: DeathPenaltyInfo
    provisions: list[Provision] = Field(default_factory=list, description="Criminalizing provisions; at least one when criminalized.")
    gender_expression_laws: list[GenderExpressionLaw] = Field(default_factory=list)
    expression_laws: list[ExpressionLaw] = Field(default_factory=list, description="'Propaganda' or 'promotion' laws.")
    enforcement: list[EnforcementEvent] = Field(default_factory=list)
    subnational: list[SubnationalEntry] = Field(default_factory=list)
    protections: Protections = Protections()
    timeline: list[TimelineEvent] = Field(default_factory=list, description="Oldest first.")
    neighbours: list[Iso2] = Field(default_factory=list, description="Countries sharing a land border or a short crossing.")
    verified: bool = Field(description="True only when every provision was checked against a primary or authoritative source.")
    verification_note: LocalText | None = Field(default=None, description="What was and was not checked.")
    last_reviewed: dt.date = Field(description="The date a researcher last checked this file.")
    sources: Annotated[list[Source], Field(min_length=1)]


class Figure(Model):
    """A number or date shown on the routes-to-safety pages, with its sources."""

    id: SourceId = Field(description="Id used by the page templates: fig('id').")
    label: ShortLocalText = Field(description="Short plain label.")
    value: int | str | dict[str, str] = Field(
        description="A whole number, a date (YYYY-MM-DD, YYYY-MM, YYYY), or short text (plain, or {en:, fr:})."
    )
    qualifier: Literal["over", "nearly", "about", "up to", "at least"] | None = None
    unit: ShortLocalText | None = Field(default=None, description="e.g. 'requests for help', 'spaces a year'.")
    period: ShortLocalText | None = Field(default=None, description="e.g. '2021'.")
    note: LocalText | None = None
    sources: SourceIds


class UnpublishedFigure(Model):
    """A figure that is not published. The page says so and never fills the gap."""

    id: SourceId
    label: ShortLocalText
    note: LocalText
    sources: list[SourceId] = Field(default_factory=list)


class Pathways(Model):
    """``data/pathways.yaml``: facts and figures for the routes-to-safety pages."""

    last_reviewed: dt.date
    figures: list[Figure] = Field(default_factory=list)
    unpublished: list[UnpublishedFigure] = Field(default_factory=list)
    sources: Annotated[list[Source], Field(min_length=1)]
