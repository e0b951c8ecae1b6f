"""Shared fixtures: a temporary project root with fixture data, and the real built site."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from atlas.build import ROOT, build

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = dt.date(2026, 11, 28)


def make_root(tmp: Path, countries: dict[str, str] | None = None) -> Path:
    """A project root whose code and docs are the real ones and whose data is ours."""
    root = tmp / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "locales", *[p.name for p in ROOT.glob("mkdocs.*.yml")]):
        os.symlink(ROOT / name, root / name)
    (root / "data" / "countries").mkdir(parents=True)
    os.symlink(ROOT / "data" / "pathways.yaml", root / "data" / "pathways.yaml")  # the routes pages
    if countries is None:
        for path in sorted((FIXTURES / "countries").glob("*.yaml")):
            shutil.copy(path, root / "data" / "countries" / path.name)
    else:
        for name, text in countries.items():
            (root / "data" / "countries" / name).write_text(text, "utf-8")
    return root


@pytest.fixture
def fixture_root(tmp_path: Path) -> Path:
    return make_root(tmp_path)


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    root = make_root(tmp_path_factory.mktemp("fixture-site"))
    build(root)
    return root / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real data, built into a temporary folder (never touches ./site)."""
    site = tmp_path_factory.mktemp("real-site") / "site"
    build(ROOT, site=site)
    return site
