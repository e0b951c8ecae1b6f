"""A corpus of bad data folders under tests/bad_inputs/, each with the exact report expected.

Each case is a folder holding ``countries/*.yaml`` and ``expected.txt``: the full report,
problems then the summary line. Regenerate an expectation with UPDATE_GOLDEN=1 after
checking it by eye. No case may crash with a traceback.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from atlas.load import DataError, load_countries
from conftest import TODAY

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gives_its_expected_report(tmp_path, case):
    data = tmp_path / "data"
    shutil.copytree(CORPUS / case, data, ignore=shutil.ignore_patterns("expected.txt"))
    with pytest.raises(DataError) as info:
        load_countries(data, root=tmp_path, today=TODAY)
    report = info.value.report() + "\n"
    expected = CORPUS / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(report, "utf-8")
    assert report == expected.read_text("utf-8")


def test_huge_file_is_refused_without_parsing(tmp_path):
    (tmp_path / "data" / "countries").mkdir(parents=True)
    (tmp_path / "data" / "countries" / "ke.yaml").write_text("a: " + "x" * 2_000_000, "utf-8")
    with pytest.raises(DataError) as info:
        load_countries(tmp_path / "data", root=tmp_path, today=TODAY)
    assert str(info.value.problems[0]) == "data/countries/ke.yaml:1: is 2000003 bytes; a data file must be under 524288 bytes"


def test_cli_reports_without_a_traceback(tmp_path):
    import subprocess
    import sys

    case = CORPUS / "unknown-keys"
    shutil.copytree(case, tmp_path / "data", ignore=shutil.ignore_patterns("expected.txt"))
    for name in ("mkdocs.yml", "docs", "overrides", "scripts"):
        os.symlink(Path(__file__).parents[1] / name, tmp_path / name)
    result = subprocess.run([sys.executable, "-m", "atlas", "validate"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(tmp_path / "scripts")})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "capital: is not a known key" in result.stderr
