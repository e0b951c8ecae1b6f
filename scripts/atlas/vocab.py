"""Controlled vocabularies shared by the schema, the pages and the exports.

Each vocabulary is a ``Literal`` so that pydantic checks it and the exported JSON Schema
lists the allowed values. Human labels live next to the codes so pages and docs agree.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Status = Literal["criminalized", "de_facto_criminalized", "not_criminalized"]
STATUS_LABELS: dict[str, str] = {
    "criminalized": "Criminalized",
    "de_facto_criminalized": "Criminalized in practice (de facto)",
    "not_criminalized": "Not criminalized",
}

DeathPenalty = Literal["prescribed", "possible", "none"]
DEATH_PENALTY_LABELS: dict[str, str] = {
    "prescribed": "Death penalty prescribed in law",
    "possible": "Death penalty possible (sharia interpretation, no legal certainty)",
    "none": "No death penalty",
}

Target = Literal["men", "women", "both"]
TARGET_LABELS: dict[str, str] = {"men": "Men", "women": "Women", "both": "Men and women"}

PenaltyClass = Literal["death", "life", "prison", "corporal", "fine", "other", "not_known"]
# Higher is more severe: used to pick the headline penalty.
PENALTY_SEVERITY: dict[str, int] = {
    "death": 6, "life": 5, "prison": 4, "corporal": 3, "fine": 2, "other": 1, "not_known": 0,
}

LawState = Literal["in_force", "pending", "struck_down", "repealed"]
LAW_STATE_LABELS: dict[str, str] = {
    "in_force": "In force",
    "pending": "Pending: not law",
    "struck_down": "Struck down by a court",
    "repealed": "Repealed",
}

GenderLawKind = Literal[
    "cross_dressing", "impersonation", "gender_recognition_ban", "gender_care_ban", "other"
]
GENDER_LAW_LABELS: dict[str, str] = {
    "cross_dressing": "Cross-dressing",
    "impersonation": "Impersonation or 'imitating' the other sex",
    "gender_recognition_ban": "Ban on legal gender change",
    "gender_care_ban": "Ban on gender-affirming care",
    "other": "Other",
}

EventKind = Literal[
    "criminalization", "decriminalization", "harsher_law", "court_ruling", "bill", "amendment",
    "protection", "other",
]
EVENT_LABELS: dict[str, str] = {
    "criminalization": "Criminalization",
    "decriminalization": "Decriminalization",
    "harsher_law": "Harsher law",
    "court_ruling": "Court ruling",
    "bill": "Bill (not law)",
    "amendment": "Amendment",
    "protection": "New protection",
    "other": "Other change",
}

DecriminalizedHow = Literal["court_ruling", "repeal", "new_code", "never_criminalized", "other"]
DECRIMINALIZED_HOW_LABELS: dict[str, str] = {
    "court_ruling": "by a court ruling",
    "repeal": "by repeal of the law",
    "new_code": "by a new penal code",
    "never_criminalized": "never criminalized",
    "other": "other",
}

ProtectionState = Literal["yes", "partial", "no", "not_known"]
PROTECTION_STATE_LABELS: dict[str, str] = {
    "yes": "Yes", "partial": "Partly", "no": "No", "not_known": "Not known",
}
PROTECTION_LABELS: dict[str, str] = {
    "constitution": "Constitutional protection",
    "employment": "Anti-discrimination in employment",
    "goods_services": "Anti-discrimination in goods and services",
    "hate_crime": "Hate-crime law",
    "marriage": "Same-sex marriage",
    "civil_union": "Civil union or partnership",
    "gender_recognition": "Legal gender recognition",
    "conversion_ban": "Ban on conversion practices",
    "equal_age_of_consent": "Equal age of consent",
}

SourceKind = Literal["legislation", "court", "government", "un", "ngo", "news", "academic", "other"]
PRIMARY_SOURCE_KINDS = frozenset({"legislation", "court", "government"})


class Region(NamedTuple):
    name: str
    m49: str
    continent: str


# UN M49 geographic sub-regions (intermediate regions for Africa and the Americas).
# Keys are the slugs used in data files and in region page URLs.
REGIONS: dict[str, Region] = {
    "northern-africa": Region("Northern Africa", "015", "Africa"),
    "eastern-africa": Region("Eastern Africa", "014", "Africa"),
    "middle-africa": Region("Middle Africa", "017", "Africa"),
    "southern-africa": Region("Southern Africa", "018", "Africa"),
    "western-africa": Region("Western Africa", "011", "Africa"),
    "caribbean": Region("Caribbean", "029", "Americas"),
    "central-america": Region("Central America", "013", "Americas"),
    "south-america": Region("South America", "005", "Americas"),
    "northern-america": Region("Northern America", "021", "Americas"),
    "central-asia": Region("Central Asia", "143", "Asia"),
    "eastern-asia": Region("Eastern Asia", "030", "Asia"),
    "south-eastern-asia": Region("South-eastern Asia", "035", "Asia"),
    "southern-asia": Region("Southern Asia", "034", "Asia"),
    "western-asia": Region("Western Asia", "145", "Asia"),
    "eastern-europe": Region("Eastern Europe", "151", "Europe"),
    "northern-europe": Region("Northern Europe", "154", "Europe"),
    "southern-europe": Region("Southern Europe", "039", "Europe"),
    "western-europe": Region("Western Europe", "155", "Europe"),
    "australia-new-zealand": Region("Australia and New Zealand", "053", "Oceania"),
    "melanesia": Region("Melanesia", "054", "Oceania"),
    "micronesia": Region("Micronesia", "057", "Oceania"),
    "polynesia": Region("Polynesia", "061", "Oceania"),
}
RegionKey = Literal[
    "northern-africa", "eastern-africa", "middle-africa", "southern-africa", "western-africa",
    "caribbean", "central-america", "south-america", "northern-america",
    "central-asia", "eastern-asia", "south-eastern-asia", "southern-asia", "western-asia",
    "eastern-europe", "northern-europe", "southern-europe", "western-europe",
    "australia-new-zealand", "melanesia", "micronesia", "polynesia",
]
