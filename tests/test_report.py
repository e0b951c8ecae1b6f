"""`atlas report` prints the figures the data-truth work is judged by; each line is checked
against the same figure counted here straight from the data files."""

from __future__ import annotations

import contextlib
import io
import re

import pytest

from atlas import audit, cli
from atlas.build import ROOT
from atlas.load import load_countries
from atlas.vocab import PROTECTION_LABELS


@pytest.fixture(scope="module")
def report():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.cmd_report(None) == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def countries():
    return load_countries(ROOT / "data", root=ROOT)


def line(report: str, start: str) -> str:
    found = [l for l in report.splitlines() if l.strip().startswith(start)]
    assert len(found) == 1, f"no single line starting {start!r} in:\n{report}"
    return found[0]


def codes(text: str) -> set[str]:
    """The ISO codes a report line lists after its colon ("none" or nothing: no codes)."""
    listed = text.split(":", 1)[1].strip()
    return set() if listed in ("", "none") else {code.strip() for code in listed.split(",")}


def test_unverified_files(report, countries):
    expected = sum(not c.verified for c in countries)
    assert line(report, "Unverified files:") == f"Unverified files: {expected} of {len(countries)}."


def test_criminalizing_unverified_are_named(report, countries):
    expected = {c.iso2 for c in countries if not c.verified and c.status.value != "not_criminalized"}
    assert codes(line(report, "Criminalizing, unverified:")) == expected


def test_not_known_cells_per_field(report, countries):
    for key in PROTECTION_LABELS:
        expected = sum(getattr(c.protections, key).status == "not_known" for c in countries)
        assert re.fullmatch(rf"\s*{key}\s+{expected}\s+.+", line(report, key + " ")), key
    total = sum(getattr(c.protections, key).status == "not_known" for c in countries for key in PROTECTION_LABELS)
    assert line(report, "'Not known' protections:").startswith(
        f"'Not known' protections: {total} of {len(countries) * len(PROTECTION_LABELS)} cells")


def test_weak_sources_and_anchors(report, countries):
    weak = sum(len(audit.weak_sources(c)) for c in countries)
    assert line(report, "Sources whose url").startswith(f"Sources whose url is a compiler or mirror: {weak} ")
    loose = {c.iso2 for c in countries if c.status.value != "not_criminalized" and not audit.anchored(c)}
    assert codes(line(report, "Criminalizing files citing no")) == loose
