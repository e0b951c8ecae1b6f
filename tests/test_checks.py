"""One case per rule in atlas.checks (and the hints in atlas.problems), each with its exact
message. A rule switched off makes its case fail; so does a reworded message.

Each case edits the fixture file for Kenya as data (not text), writes it back as YAML,
and loads it through the real pipeline.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from atlas.load import DataError, load_all, load_countries
from conftest import FIXTURES, TODAY, make_root

BASE = yaml.safe_load((FIXTURES / "countries" / "ke.yaml").read_text("utf-8"))
BASE["last_reviewed"] = "2026-01-10"
BASE["sources"][0]["accessed"] = "2026-01-10"
BASE["timeline"][0]["date"] = "2025-02"
F = "data/countries/ke.yaml"


class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def dump(data) -> str:
    return yaml.dump(data, Dumper=NoAliasDumper, sort_keys=False, allow_unicode=True)


def messages(tmp_path: Path, data: dict, stem: str = "ke") -> list[str]:
    """The problems for ``data`` as messages without their line numbers."""
    root = make_root(tmp_path, {f"{stem}.yaml": dump(data)})
    with pytest.raises(DataError) as info:
        load_countries(root / "data", root=root, today=TODAY)
    out = []
    for p in info.value.problems:
        assert p.file == f"data/countries/{stem}.yaml" and p.line >= 1
        out.append(f"{p.path}: {p.message}" if p.path else p.message)
    return out


def case(name, change, *expected):
    def apply():
        data = copy.deepcopy(BASE)
        change(data)
        return data
    return pytest.param(apply, list(expected), id=name)


def source(**extra):
    return {"id": "other", "publisher": "P", "title": "T", "url": "https://example.org/x",
            "accessed": "2026-01-10", "kind": "news", **extra}


def add_source(data, **extra):
    data["sources"].append(source(**extra))
    data["status"]["sources"].append(extra.get("id", "other"))


def decriminalize(data, **status):
    data["status"].update(value="not_criminalized", **status)
    data["provisions"][0]["state"] = "repealed"


RULES = [
    # check_sources
    case("duplicate-source-id", lambda d: d["sources"].append(dict(d["sources"][0])),
         "sources[1].id: 'law' is a duplicate source id (also sources[0])"),
    case("unknown-source-id", lambda d: d["status"].update(sources=["nope"]),
         "status.sources[0]: 'nope' is not a source id defined under 'sources' in this file"),
    case("source-never-cited", lambda d: d["sources"].append(source()),
         "sources[1].id: 'other' is never cited; cite it from a claim or remove it"),
    case("tracking-parameter-in-url", lambda d: add_source(d, url="https://example.org/x?id=3&utm_source=feed"),
         "sources[1].url: 'https://example.org/x?id=3&utm_source=feed' has the tracking parameter 'utm_source'; "
         "remove it (the address works without it)"),
    case("tracking-parameter-in-copy-url", lambda d: add_source(d, copy_url="https://mirror.example/x?fbclid=abc"),
         "sources[1].copy_url: 'https://mirror.example/x?fbclid=abc' has the tracking parameter 'fbclid'; "
         "remove it (the address works without it)"),
    # check_anchors
    case("compiler-in-a-criminalizing-file", lambda d: add_source(d, url="https://en.m.wikipedia.org./wiki/LGBT_rights_in_Kenya"),
         "sources[1].url: 'https://en.m.wikipedia.org./wiki/LGBT_rights_in_Kenya' is a compiler or mirror address, which a "
         "criminalizing file may not cite; give the publication's own address (and the copy you read as copy_url) or another source"),
    # check_dates
    case("future-date", lambda d: d.update(last_reviewed="2027-01-10"),
         "last_reviewed: '2027-01-10' is in the future (today is 2026-11-28)"),
    case("future-partial-date", lambda d: d["timeline"][0].update(date="2027"),
         "timeline[0].date: '2027' is in the future (today is 2026-11-28)"),
    case("timeline-out-of-order", lambda d: d["timeline"].append({**d["timeline"][0], "date": "2020"}),
         "timeline[1].date: '2020' is earlier than the event before it (2025-02); keep the timeline oldest first"),
    case("decriminalized-before-criminalization", lambda d: (
        decriminalize(d, decriminalized="1990", decriminalized_how="repeal"),
        d["timeline"].__setitem__(0, {"date": "1995", "kind": "criminalization", "summary": "S.", "sources": ["law"]})),
         "status.decriminalized: '1990' comes before the criminalization on 1995 (timeline[0]); it must come after"),
    case("decriminalization-dated-twice", lambda d: (
        decriminalize(d, decriminalized="1986-08-08", decriminalized_how="repeal"),
        d["timeline"].__setitem__(0, {"date": "1986-07-09", "kind": "decriminalization", "summary": "S.", "sources": ["law"]})),
         "status.decriminalized: '1986-08-08' differs from the decriminalization in timeline[0] (1986-07-09); date both by "
         "when the change took effect, not when it was passed"),
    # check_status
    case("criminalized-without-provision-in-force", lambda d: d["provisions"][0].update(state="pending"),
         "provisions: needs at least one provision in force when status.value is criminalized"),
    case("not-criminalized-with-provision-in-force", lambda d: d["status"].update(value="not_criminalized"),
         "status.value: 'not_criminalized' says not_criminalized, but a provision is in force; mark it struck_down or repealed"),
    case("decriminalized-while-criminalized", lambda d: d["status"].update(decriminalized="1990", decriminalized_how="repeal"),
         "status.decriminalized: '1990' is set, but status.value is criminalized; record earlier changes in the timeline"),
    case("decriminalized-without-how", lambda d: decriminalize(d, decriminalized="1990"),
         "status: needs decriminalized_how when decriminalized is set"),
    case("never-criminalized-with-a-date", lambda d: decriminalize(d, decriminalized="1990", decriminalized_how="never_criminalized"),
         "status.decriminalized: '1990' is set, but decriminalized_how is never_criminalized; if a law of this state "
         "or a predecessor once applied, say how it was repealed"),
    case("never-criminalized-with-a-criminalization", lambda d: (
        decriminalize(d, decriminalized_how="never_criminalized"),
        d["timeline"].__setitem__(0, {"date": "1930", "kind": "criminalization", "summary": "S.", "sources": ["law"]})),
         "status.decriminalized_how: 'never_criminalized' is never_criminalized, but timeline[0] records a criminalization"),
    case("death-penalty-when-not-criminalized", lambda d: (
        decriminalize(d), d["death_penalty"].update(status="possible", sources=["law"])),
         "death_penalty.status: 'possible' must be none when same-sex acts are not criminalized"),
    case("death-penalty-without-sources", lambda d: d["death_penalty"].update(status="prescribed"),
         "death_penalty.sources: needs at least one source when status is prescribed"),
    case("bill-without-stage", lambda d: d["timeline"][0].pop("stage"),
         "timeline[0].stage: is required for a bill: say how far it has gone (it is not law)"),
    case("protection-without-sources", lambda d: d.update(protections={"marriage": {"status": "no"}}),
         "protections.marriage.sources: needs at least one source when status is no"),
    # check_codes
    case("code-not-matching-file-name", lambda d: d.update(iso2="TZ"),
         "iso2: 'TZ' does not match the file name 'ke.yaml'; expected 'KE'"),
    case("neighbour-not-a-code", lambda d: d.update(neighbours=["QQ"]),
         "neighbours[0]: 'QQ' is not another country's ISO 3166-1 code"),
    case("neighbour-is-itself", lambda d: d.update(neighbours=["KE"]),
         "neighbours[0]: 'KE' is not another country's ISO 3166-1 code"),
    case("member-and-observer", lambda d: d.update(un_observer=True),
         "un_observer: true cannot be true for a UN member state"),
    # problems: hints
    case("misspelt-key-gets-a-suggestion", lambda d: d["status"].update(sumary="x"),
         "status.sumary: is not a known key; did you mean 'summary'? check the spelling against data/countries/_template.yaml"),
    case("unknown-key-without-a-close-match", lambda d: d.update(colour="red"),
         "colour: is not a known key; check the spelling against data/countries/_template.yaml"),
]


@pytest.mark.parametrize(("change", "expected"), RULES)
def test_each_rule_reports_its_exact_message(tmp_path, change, expected):
    assert messages(tmp_path, change()) == expected


@pytest.mark.parametrize(("code", "law"), [
    ("LV", "the criminal law of the Soviet Union (article 121 of the Russian code and its equivalents)"),
    ("SI", "the criminal code of Yugoslavia (1951)"),
])
def test_a_successor_state_is_never_never_criminalized(tmp_path, code, law):
    data = copy.deepcopy(BASE)
    decriminalize(data, decriminalized_how="never_criminalized")
    data.update(iso2=code, neighbours=[])
    data["timeline"][0].update(kind="other")
    data["timeline"][0].pop("stage")
    assert messages(tmp_path, data, stem=code.lower()) == [
        f"status.decriminalized_how: 'never_criminalized' is never_criminalized, but {law} applied here; "
        "date the repeal that took effect instead"]


def test_code_that_is_not_iso_is_reported(tmp_path):
    data = copy.deepcopy(BASE)
    data["iso2"] = "QQ"
    assert messages(tmp_path, data, stem="qq") == ["iso2: 'QQ' is not an ISO 3166-1 country code"]


def test_fixture_is_valid_as_the_cases_start_from_it(tmp_path):
    root = make_root(tmp_path, {"ke.yaml": dump(BASE)})
    assert [c.iso2 for c in load_countries(root / "data", root=root, today=TODAY)] == ["KE"]


PATHWAYS = {
    "last_reviewed": "2026-01-10",
    "figures": [{"id": "a", "label": "A", "value": 1, "sources": ["s"]}],
    "unpublished": [{"id": "b", "label": "B", "note": "N."}],
    "sources": [source(id="s")],
}


def test_pathways_and_country_problems_are_reported_together(tmp_path):
    """A pathways mistake is not hidden behind a country mistake (one run shows both)."""
    bad = copy.deepcopy(BASE)
    bad["un_observer"] = True
    pathways = copy.deepcopy(PATHWAYS)
    pathways["unpublished"][0]["id"] = "a"
    root = make_root(tmp_path, {"ke.yaml": dump(bad)})
    (root / "data" / "pathways.yaml").unlink()
    (root / "data" / "pathways.yaml").write_text(dump(pathways), "utf-8")
    with pytest.raises(DataError) as info:
        load_all(root / "data", root=root, today=TODAY)
    assert [f"{p.file}: {p.path}: {p.message}" for p in info.value.problems] == [
        "data/countries/ke.yaml: un_observer: true cannot be true for a UN member state",
        "data/pathways.yaml: unpublished[0].id: 'a' is used twice; figure ids must be unique",
    ]
