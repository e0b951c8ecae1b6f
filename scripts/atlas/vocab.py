"""Controlled vocabularies shared by the schema, the pages and the exports.

Each vocabulary is a ``Literal`` so that pydantic checks it and the exported JSON Schema
lists the allowed values. Human labels live next to the codes so pages and docs agree.
Labels are English msgids: templates translate them with ``_()``, and
``locales/messages.pot`` lists them (see ``atlas.catalog``).
"""

from __future__ import annotations

from typing import Literal, NamedTuple


def N_(text: str) -> str:
    """Mark a label for translation; templates translate it with _()."""
    return text

Status = Literal["criminalized", "de_facto_criminalized", "not_criminalized"]
STATUS_LABELS: dict[str, str] = {
    "criminalized": N_("Criminalized"),
    "de_facto_criminalized": N_("Criminalized in practice (de facto)"),
    "not_criminalized": N_("Not criminalized"),
}

DeathPenalty = Literal["prescribed", "possible", "none"]
DEATH_PENALTY_LABELS: dict[str, str] = {
    "prescribed": N_("Death penalty prescribed in law"),
    "possible": N_("Death penalty possible (sharia interpretation, no legal certainty)"),
    "none": N_("No death penalty"),
}

DEATH_PENALTY_RANK: dict[str, int] = {"prescribed": 2, "possible": 1, "none": 0}
DEATH_PENALTY_SHORT: dict[str, str] = {"prescribed": N_("Prescribed"), "possible": N_("Possible"), "none": N_("None")}

Target = Literal["men", "women", "both"]
TARGET_LABELS: dict[str, str] = {"men": N_("Men"), "women": N_("Women"), "both": N_("Men and women")}

PenaltyClass = Literal["death", "life", "prison", "corporal", "fine", "other", "not_known"]
# Higher is more severe: used to pick the headline penalty.
PENALTY_SEVERITY: dict[str, int] = {
    "death": 6, "life": 5, "prison": 4, "corporal": 3, "fine": 2, "other": 1, "not_known": 0,
}

LawState = Literal["in_force", "pending", "struck_down", "repealed"]


def in_force(laws):
    """The one rule for "is law today": only laws whose state is in_force. Checks, enrich and
    through it every page, map, table and download use this, nothing else."""
    return [law for law in laws if law.state == "in_force"]

LAW_STATE_LABELS: dict[str, str] = {
    "in_force": N_("In force"),
    "pending": N_("Pending: not law"),
    "struck_down": N_("Struck down by a court"),
    "repealed": N_("Repealed"),
}

GenderLawKind = Literal[
    "cross_dressing", "impersonation", "gender_recognition_ban", "gender_care_ban", "other"
]
# Laws that punish how a person dresses or presents: shown as "laws against gender
# expression" on the map. Bans on gender-affirming care or on legal gender change restrict
# trans people's lives but do not criminalize expression: they are shown apart.
GENDER_EXPRESSION_KINDS = frozenset({"cross_dressing", "impersonation", "other"})
GENDER_RESTRICTION_KINDS = frozenset({"gender_recognition_ban", "gender_care_ban"})
GENDER_LAW_LABELS: dict[str, str] = {
    "cross_dressing": N_("Cross-dressing"),
    "impersonation": N_("Impersonation or 'imitating' the other sex"),
    "gender_recognition_ban": N_("Ban on legal gender change"),
    "gender_care_ban": N_("Ban on gender-affirming care"),
    "other": N_("Other"),
}

EventKind = Literal[
    "criminalization", "decriminalization", "harsher_law", "court_ruling", "bill", "amendment",
    "protection", "other",
]
EVENT_LABELS: dict[str, str] = {
    "criminalization": N_("Criminalization"),
    "decriminalization": N_("Decriminalization"),
    "harsher_law": N_("Harsher law"),
    "court_ruling": N_("Court ruling"),
    "bill": N_("Bill (not law)"),
    "amendment": N_("Amendment"),
    "protection": N_("New protection"),
    "other": N_("Other change"),
}

DecriminalizedHow = Literal["court_ruling", "repeal", "new_code", "never_criminalized", "other"]
DECRIMINALIZED_HOW_LABELS: dict[str, str] = {
    "court_ruling": N_("by a court ruling"),
    "repeal": N_("by repeal of the law"),
    "new_code": N_("by a new penal code"),
    "never_criminalized": N_("never criminalized"),
    "other": N_("other"),
}

ProtectionState = Literal["yes", "partial", "no", "not_known"]
PROTECTION_STATE_LABELS: dict[str, str] = {
    "yes": N_("Yes"), "partial": N_("Partly"), "no": N_("No"), "not_known": N_("Not known"),
}
PROTECTION_LABELS: dict[str, str] = {
    "constitution": N_("Constitutional protection"),
    "employment": N_("Anti-discrimination in employment"),
    "goods_services": N_("Anti-discrimination in goods and services"),
    "hate_crime": N_("Hate-crime law"),
    "marriage": N_("Same-sex marriage"),
    "civil_union": N_("Civil union or partnership"),
    "gender_recognition": N_("Legal gender recognition"),
    "conversion_ban": N_("Ban on conversion practices"),
    "equal_age_of_consent": N_("Equal age of consent"),
}

SourceKind = Literal["legislation", "court", "government", "un", "ngo", "news", "academic", "other"]
PRIMARY_SOURCE_KINDS = frozenset({"legislation", "court", "government"})


def is_primary(source) -> bool:
    return source.kind in PRIMARY_SOURCE_KINDS


class Region(NamedTuple):
    name: str
    m49: str
    continent: str


# UN M49 geographic sub-regions (intermediate regions for Africa and the Americas).
# Keys are the slugs used in data files and in region page URLs.
REGIONS: dict[str, Region] = {
    "northern-africa": Region(N_("Northern Africa"), "015", N_("Africa")),
    "eastern-africa": Region(N_("Eastern Africa"), "014", N_("Africa")),
    "middle-africa": Region(N_("Middle Africa"), "017", N_("Africa")),
    "southern-africa": Region(N_("Southern Africa"), "018", N_("Africa")),
    "western-africa": Region(N_("Western Africa"), "011", N_("Africa")),
    "caribbean": Region(N_("Caribbean"), "029", N_("Americas")),
    "central-america": Region(N_("Central America"), "013", N_("Americas")),
    "south-america": Region(N_("South America"), "005", N_("Americas")),
    "northern-america": Region(N_("Northern America"), "021", N_("Americas")),
    "central-asia": Region(N_("Central Asia"), "143", N_("Asia")),
    "eastern-asia": Region(N_("Eastern Asia"), "030", N_("Asia")),
    "south-eastern-asia": Region(N_("South-eastern Asia"), "035", N_("Asia")),
    "southern-asia": Region(N_("Southern Asia"), "034", N_("Asia")),
    "western-asia": Region(N_("Western Asia"), "145", N_("Asia")),
    "eastern-europe": Region(N_("Eastern Europe"), "151", N_("Europe")),
    "northern-europe": Region(N_("Northern Europe"), "154", N_("Europe")),
    "southern-europe": Region(N_("Southern Europe"), "039", N_("Europe")),
    "western-europe": Region(N_("Western Europe"), "155", N_("Europe")),
    "australia-new-zealand": Region(N_("Australia and New Zealand"), "053", N_("Oceania")),
    "melanesia": Region(N_("Melanesia"), "054", N_("Oceania")),
    "micronesia": Region(N_("Micronesia"), "057", N_("Oceania")),
    "polynesia": Region(N_("Polynesia"), "061", N_("Oceania")),
}
RegionKey = Literal[
    "northern-africa", "eastern-africa", "middle-africa", "southern-africa", "western-africa",
    "caribbean", "central-america", "south-america", "northern-america",
    "central-asia", "eastern-asia", "south-eastern-asia", "southern-asia", "western-asia",
    "eastern-europe", "northern-europe", "southern-europe", "western-europe",
    "australia-new-zealand", "melanesia", "micronesia", "polynesia",
]
