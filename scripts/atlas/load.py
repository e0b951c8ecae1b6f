"""Load and validate every data file, collecting all problems before failing.

``load_countries`` returns the validated ``Country`` models sorted by ISO code, or raises
``DataError`` carrying every problem found in every file. Files whose name starts with
``_`` (the annotated template) are not data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .checks import check_country, check_pathways
from .models import Country, Pathways
from .problems import Problem, from_validation_error, problem_at
from .yamlsource import YamlDocument, YamlError, read_yaml

MAX_FILE_BYTES = 512 * 1024


class DataError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        files = len({p.file for p in self.problems})
        lines.append(f"{n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}; nothing was built.")
        return "\n".join(lines)


@dataclass(frozen=True)
class Loaded:
    country: Country
    file: str
    doc: YamlDocument


def display_path(path: Path, root: Path | None) -> str:
    try:
        return str(path.relative_to(root)) if root else str(path)
    except ValueError:
        return str(path)


def read_model(path: Path, model: type[BaseModel], root: Path | None = None) -> tuple[BaseModel | None, YamlDocument | None, list[Problem]]:
    """Parse and validate one file against ``model``; never raises on bad content."""
    name = display_path(path, root)
    if path.stat().st_size > MAX_FILE_BYTES:
        return None, None, [Problem(name, 1, "", f"is {path.stat().st_size} bytes; a data file must be under {MAX_FILE_BYTES} bytes")]
    try:
        doc = read_yaml(path)
    except YamlError as exc:
        return None, None, [Problem(name, exc.line, "", exc.message)]
    if doc.data is None:
        return None, doc, [Problem(name, 1, "", "is empty; copy data/countries/_template.yaml to start a country file")]
    if not isinstance(doc.data, dict):
        return None, doc, [problem_at(name, doc, (), "is not a mapping of keys to values at the top level")]
    try:
        return model.model_validate(doc.data), doc, []
    except ValidationError as exc:
        return None, doc, from_validation_error(name, doc, exc)


def load_file(path: Path, root: Path | None = None, today: dt.date | None = None) -> tuple[Loaded | None, list[Problem]]:
    """Validate one country file; return the model (if valid) and every problem found."""
    today = today or dt.date.today()
    name = display_path(path, root)
    country, doc, problems = read_model(path, Country, root)
    if country is None:
        return None, problems
    problems = [problem_at(name, doc, f[0], *f[1:]) for f in check_country(country, path.stem, today)]
    return Loaded(country, name, doc), problems


def load_pathways(data_dir: Path, root: Path | None = None, today: dt.date | None = None) -> Pathways | None:
    """Load ``data/pathways.yaml`` if present; raise ``DataError`` on any problem."""
    path = data_dir / "pathways.yaml"
    if not path.exists():
        return None
    pathways, doc, problems = read_model(path, Pathways, root)
    if pathways is not None:
        name = display_path(path, root)
        problems = [problem_at(name, doc, f[0], *f[1:]) for f in check_pathways(pathways, today or dt.date.today())]
    if problems:
        raise DataError(problems)
    return pathways


def country_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in (data_dir / "countries").glob("*.yaml") if not p.name.startswith("_"))


def check_unique(loaded: list[Loaded]) -> list[Problem]:
    problems = []
    owners: dict[tuple[str, str], Loaded] = {}
    for item in loaded:
        c = item.country
        keys = [(("iso2",), "code", c.iso2), (("slug",), "slug", c.slug)]
        keys += [(("former_slugs", i), "slug", s) for i, s in enumerate(c.former_slugs)]
        for path, kind, value in keys:
            other = owners.get((kind, value))
            if other is not None:
                problems.append(problem_at(item.file, item.doc, path, f"is already used as a {kind} by {other.file}", value))
            else:
                owners[(kind, value)] = item
    return problems


def load_countries(data_dir: Path, root: Path | None = None, today: dt.date | None = None) -> list[Country]:
    """Load every country file; raise ``DataError`` listing every problem if any."""
    loaded, problems = [], []
    for path in country_files(data_dir):
        item, found = load_file(path, root, today)
        problems += found
        if item is not None:
            loaded.append(item)
    problems += check_unique(loaded)
    if problems:
        raise DataError(problems)
    return sorted((item.country for item in loaded), key=lambda c: c.iso2)
