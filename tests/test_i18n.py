"""Translations: complete catalogues, and a third language added from files alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from atlas.build import ROOT, build
from conftest import make_root

LOCALES = ROOT / "locales"


def fresh_template(tmp_path: Path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [str(Path(sys.executable).with_name("pybabel")), "extract", "-F", "babel.cfg", "-o", str(pot),
         "--no-location", "--sort-output", "--omit-header", "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    return pot


def test_committed_template_lists_every_translatable_string(tmp_path):
    fresh = fresh_template(tmp_path).read_text("utf-8")
    assert fresh == (LOCALES / "messages.pot").read_text("utf-8"), "run `make messages` and translate"


@pytest.mark.parametrize("po", sorted(LOCALES.glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_catalogue_has_no_missing_or_fuzzy_message(tmp_path, po):
    with fresh_template(tmp_path).open("rb") as f:
        template = read_po(f)
    with po.open("rb") as f:
        catalog = read_po(f)
    assert len(template) > 100, "extraction found almost nothing: check babel.cfg"
    problems = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id)
        strings = [] if found is None else ([found.string] if isinstance(found.string, str) else list(found.string))
        if found is None or not all(strings):
            problems.append(f"missing: {message.id!r}")
        elif found.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        else:
            for placeholder in re.findall(r"%\(\w+\)s|\{\w+\}", str(message.id)):
                if not all(placeholder in s for s in strings):
                    problems.append(f"placeholder {placeholder} lost in {message.id!r}")
    assert problems == []


THIRD = """msgid ""
msgstr ""
"Language: {code}\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Exit this page"
msgstr "{exit}"
"""


@pytest.mark.slow
@pytest.mark.parametrize(("code", "exit_label", "direction"), [("es", "Salir de esta página", "ltr"), ("ar", "اخرج من هذه الصفحة", "rtl")])
def test_a_third_language_needs_only_a_config_and_a_catalogue(tmp_path, code, exit_label, direction):
    root = make_root(tmp_path)
    os.unlink(root / "locales")
    (root / "locales" / code / "LC_MESSAGES").mkdir(parents=True)
    (root / "locales" / code / "LC_MESSAGES" / "messages.po").write_text(THIRD.format(code=code, exit=exit_label), "utf-8")
    (root / f"mkdocs.{code}.yml").write_text(
        f"INHERIT: mkdocs.yml\ndocs_dir: build/docs/{code}\nsite_dir: site/{code}\ntheme:\n  language: {code}\n", "utf-8")
    build(root)
    page = (root / "site" / code / "countries" / "uganda" / "index.html").read_text("utf-8")
    assert f'<html lang="{code}"' in page
    assert f'dir="{direction}"' in page
    assert exit_label in page
    assert "not yet translated" in page or "Some text on this page" in page  # untranslated strings fall back to English
    english = (root / "site" / "countries" / "uganda" / "index.html").read_text("utf-8")
    assert f'hreflang="{code}" href="../../{code}/countries/uganda/"' in english
