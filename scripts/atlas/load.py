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
from .sitetree import inside
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
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, None, [Problem(name, 0, "", f"cannot be read ({exc.strerror or exc.__class__.__name__})")]
    if size > MAX_FILE_BYTES and not path.is_dir():
        return None, None, [Problem(name, 1, "", f"is {size} bytes; a data file must be under {MAX_FILE_BYTES} bytes")]
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


def pathways_problems(data_dir: Path, root: Path | None = None, today: dt.date | None = None) -> tuple[Pathways | None, list[Problem]]:
    """Load ``data/pathways.yaml`` if present; return it (if valid) and every problem found."""
    path = data_dir / "pathways.yaml"
    if not path.exists():
        return None, []
    pathways, doc, problems = read_model(path, Pathways, root)
    if pathways is not None:
        name = display_path(path, root)
        problems = [problem_at(name, doc, f[0], *f[1:]) for f in check_pathways(pathways, today or dt.date.today())]
    return (pathways if not problems else None), problems


def load_pathways(data_dir: Path, root: Path | None = None, today: dt.date | None = None) -> Pathways | None:
    """Load ``data/pathways.yaml`` if present; raise ``DataError`` on any problem."""
    pathways, problems = pathways_problems(data_dir, root, today)
    if problems:
        raise DataError(problems)
    return pathways


COUNTRY_SUFFIX = ".yaml"


def country_files(data_dir: Path, root: Path | None = None) -> tuple[list[Path], list[Problem]]:
    """The country files, and a problem for anything in the folder that is not one.

    Files starting with ``_`` (the template) or ``.`` (editor and system files) are skipped."""
    folder = data_dir / "countries"
    name = display_path(folder, root)
    if not folder.is_dir():
        return [], [Problem(name, 0, "", "is missing; it must hold one <iso2>.yaml file per country")]
    files, problems = [], []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        if path.is_symlink() and not inside(path, data_dir, *([root] if root else [])):
            problems.append(Problem(display_path(path, root), 0, "",
                                    "is a link to a file outside the project; a data file must be a real file"))
            continue
        if path.suffix != COUNTRY_SUFFIX:
            what = "a folder" if path.is_dir() else f"a file ending in '{path.suffix or '(no extension)'}'"
            problems.append(Problem(display_path(path, root), 0, "",
                                    f"is {what} in {name}; country files are named <iso2>.yaml, e.g. ug.yaml"))
            continue
        files.append(path)
    if not files and not problems:
        problems.append(Problem(name, 0, "", "holds no country files; add one <iso2>.yaml file per country (see _template.yaml)"))
    return files, problems


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
    paths, problems = country_files(data_dir, root)
    loaded = []
    for path in paths:
        item, found = load_file(path, root, today)
        problems += found
        if item is not None:
            loaded.append(item)
    problems += check_unique(loaded)
    if problems:
        raise DataError(problems)
    return sorted((item.country for item in loaded), key=lambda c: c.iso2)


def load_all(data_dir: Path, root: Path | None = None, today: dt.date | None = None) -> tuple[list[Country], Pathways | None]:
    """Every country file and ``pathways.yaml``; one ``DataError`` lists every problem in all of them."""
    problems: list[Problem] = []
    try:
        countries = load_countries(data_dir, root, today)
    except DataError as exc:
        countries, problems = [], list(exc.problems)
    pathways, found = pathways_problems(data_dir, root, today)
    problems += found
    if problems:
        raise DataError(problems)
    return countries, pathways
