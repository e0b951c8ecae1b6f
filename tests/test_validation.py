"""Bad data gets a precise error naming file, line, field, value and expectation."""

from __future__ import annotations

from pathlib import Path

import pytest

from atlas.load import DataError, load_countries
from conftest import FIXTURES, TODAY, make_root

BASE = (FIXTURES / "countries" / "ke.yaml").read_text("utf-8")
F = "data/countries/ke.yaml"


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def problems(tmp_path: Path, files: dict[str, str | bytes]) -> list[str]:
    root = make_root(tmp_path, {})
    for name, content in files.items():
        path = root / "data" / "countries" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(DataError) as info:
        load_countries(root / "data", root=root, today=TODAY)
    return [str(p) for p in info.value.problems]


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


L_REVIEWED = line_of(BASE, "last_reviewed:")
L_NAME = line_of(BASE, "name: Kenya")
L_VALUE = line_of(BASE, "value: criminalized")
L_TIMELINE_DATE = line_of(BASE, "date: 2025-02")

CASES = [
    pytest.param(
        edit("last_reviewed: 2026-01-10", "last_reviewed: 2023-13-45"),
        [f"{F}:{L_REVIEWED}: last_reviewed: '2023-13-45' is not a valid date (YYYY-MM-DD)"],
        id="impossible-date",
    ),
    pytest.param(
        edit("name: Kenya", "name: Kenya\ncolour: red"),
        [f"{F}:{L_NAME + 1}: colour: is not a known key; check the spelling against data/countries/_template.yaml"],
        id="unknown-key",
    ),
    pytest.param(
        edit("last_reviewed: 2026-01-10", "last_reviewed: 2027-01-10"),
        [f"{F}:{L_REVIEWED}: last_reviewed: '2027-01-10' is in the future (today is 2026-11-28)"],
        id="future-date",
    ),
    pytest.param(
        edit("  sources: [law]\ndeath_penalty", "  sources: [nope]\ndeath_penalty"),
        [
            f"{F}:{L_VALUE + 2}: status.sources[0]: 'nope' is not a source id defined under 'sources' in this file",
        ],
        id="missing-source-id",
    ),
    pytest.param(
        edit("value: criminalized", "value: illegal"),
        [f"{F}:{L_VALUE}: status.value: 'illegal' is not one of the allowed values: 'criminalized', 'de_facto_criminalized' or 'not_criminalized'"],
        id="bad-vocabulary",
    ),
    pytest.param(
        edit("un_member: true", "un_member: maybe"),
        [f"{F}:{line_of(BASE, 'un_member')}: un_member: 'maybe' is not true or false"],
        id="wrong-type",
    ),
    pytest.param(
        edit("name: Kenya\n", ""),
        [f"{F}:{line_of(BASE, 'iso2:')}: name: is required but missing"],
        id="missing-field",
    ),
    pytest.param(
        "iso2: [unclosed\n",
        [f"{F}:2: malformed YAML: expected ',' or ']', but got '<stream end>'"],
        id="malformed-yaml",
    ),
    pytest.param("", [f"{F}:1: is empty; copy data/countries/_template.yaml to start a country file"], id="empty-file"),
    pytest.param(
        b"iso2: KE\nname: Ken\xffya\n",
        [f"{F}:2: is not UTF-8 text (bad byte 0xff); save the file as UTF-8"],
        id="not-utf8",
    ),
    pytest.param(
        edit("name: Kenya", "name: Kenya\nname: Kenia"),
        [f"{F}:{L_NAME + 1}: duplicate key 'name' (first on line {L_NAME})"],
        id="duplicate-key",
    ),
    pytest.param(
        edit("slug: kenya", "slug: Kenya Republic"),
        [f"{F}:{line_of(BASE, 'slug:')}: slug: 'Kenya Republic' is not a slug (lower-case words joined by hyphens)"],
        id="bad-slug",
    ),
    pytest.param(
        edit("name: Kenya", "name: <script>alert(1)</script>"),
        [f"{F}:{L_NAME}: name: '<script>alert(1)</script>' is not a place name (letters, spaces and . , ' ( ) - only)"],
        id="markup-in-name",
    ),
    pytest.param(
        edit("    stage: Fixture stage\n", ""),
        [f"{F}:{L_TIMELINE_DATE}: timeline[0].stage: is required for a bill: say how far it has gone (it is not law)"],
        id="bill-without-stage",
    ),
    pytest.param(
        "x" * 600_000,
        [f"{F}:1: is 600000 bytes; a data file must be under 524288 bytes"],
        id="huge-file",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_invalid_snippet_gives_exact_message(tmp_path, text, expected):
    assert problems(tmp_path, {"ke.yaml": text}) == expected


def test_file_name_must_match_code(tmp_path):
    assert problems(tmp_path, {"tz.yaml": BASE}) == [
        f"data/countries/tz.yaml:{line_of(BASE, 'iso2:')}: iso2: 'KE' does not match the file name 'tz.yaml'; expected 'TZ'"
    ]


def test_duplicate_slug_names_both_files(tmp_path):
    other = BASE.replace("iso2: KE", "iso2: TZ")
    found = problems(tmp_path, {"ke.yaml": BASE, "tz.yaml": other})
    assert found == [f"data/countries/tz.yaml:{line_of(BASE, 'slug:')}: slug: 'kenya' is already used as a slug by data/countries/ke.yaml"]


def test_timeline_out_of_order(tmp_path):
    text = edit("timeline:\n  - date: 2025-02", "timeline:\n  - date: 2025-03\n    kind: other\n    summary: A.\n    sources: [law]\n  - date: 2025-02")
    line = line_of(text, "date: 2025-02")
    assert problems(tmp_path, {"ke.yaml": text}) == [
        f"{F}:{line}: timeline[1].date: '2025-02' is earlier than the event before it (2025-03); keep the timeline oldest first"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = edit("name: Kenya", "name: Kenya\ncolour: red").replace("last_reviewed: 2026-01-10", "last_reviewed: 2023-13-45")
    found = problems(tmp_path, {"ke.yaml": text, "tz.yaml": ""})
    assert len(found) == 3
    assert any("colour" in p for p in found) and any("2023-13-45" in p for p in found)
    assert any(p.startswith("data/countries/tz.yaml:1:") for p in found)


def test_norway_code_stays_text(tmp_path):
    """YAML 1.1 would read NO as false; we keep YAML 1.2 core scalars."""
    text = BASE.replace("iso2: KE", "iso2: NO").replace("neighbours: [UG]", "neighbours: [SE]")
    root = make_root(tmp_path, {"no.yaml": text.replace("slug: kenya", "slug: norway")})
    [country] = load_countries(root / "data", root=root, today=TODAY)
    assert country.iso2 == "NO"


def test_unused_source_is_reported(tmp_path):
    text = BASE + "  - id: spare\n    publisher: P\n    title: T\n    url: https://example.org/x\n    accessed: 2026-01-10\n    kind: news\n"
    line = line_of(text, "id: spare")
    assert problems(tmp_path, {"ke.yaml": text}) == [f"{F}:{line}: sources[1].id: 'spare' is never cited; cite it from a claim or remove it"]
