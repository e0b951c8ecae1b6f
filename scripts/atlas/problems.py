"""Problems found in data files, and how they read.

A problem names the file, the line, the key path, the bad value and what was expected:
``data/countries/ug.yaml:14: last_reviewed: '2023-13-45' is not a valid date (YYYY-MM-DD)``.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from pydantic import BaseModel, ValidationError

from .yamlsource import Path_, YamlDocument

_MISSING = object()


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def show(value: object) -> str:
    """Show a bad value briefly, the way a YAML author wrote it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= 60 else text[:57] + "...'"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "  # line 0: a whole file or folder
        return where + (f"{self.path}: {self.message}" if self.path else self.message)


def problem_at(file: str, doc: YamlDocument | None, path: Path_, message: str, value: object = _MISSING) -> Problem:
    line = doc.line_of(path) if doc else 1
    text = message if value is _MISSING else f"{show(value)} {message}"
    return Problem(file, line, format_path(path), text)


_EXPECT = {
    "missing": "is required but missing",
    "bool_type": "is not true or false",
    "bool_parsing": "is not true or false",
    "int_type": "is not a whole number",
    "int_parsing": "is not a whole number",
    "int_from_float": "is not a whole number",
    "string_type": "is not text (put it in quotes if it is a number or a date)",
    "list_type": "is not a list (start each item with '- ')",
    "dict_type": "is not a mapping of keys to values",
    "model_type": "is not a mapping of keys to values",
    "model_attributes_type": "is not a mapping of keys to values",
    "date_type": "is not a valid date (YYYY-MM-DD)",
    "date_parsing": "is not a valid date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "is not a valid date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "is not a valid date (YYYY-MM-DD)",
    "string_too_short": "is empty; write the text or leave the key out",
}


def _expectation(err: dict) -> str:
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "literal_error":
        return f"is not one of the allowed values: {ctx.get('expected', '')}"
    if kind == "string_too_long":
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"is out of range ({'at least' if kind == 'greater_than_equal' else 'at most'} {bound})"
    if kind in _EXPECT:
        return _EXPECT[kind]
    return err["msg"][0].lower() + err["msg"][1:]


def from_validation_error(file: str, doc: YamlDocument, error: ValidationError) -> list[Problem]:
    """Turn pydantic's errors into problems, dropping the noise of union branches."""
    problems = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(str(loc[-1]), known_keys(), n=1, cutoff=0.75)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(problem_at(file, doc, loc, f"is not a known key; {hint}check the spelling against data/countries/_template.yaml"))
        elif err["type"] == "missing":
            problems.append(problem_at(file, doc, loc, _EXPECT["missing"]))
        else:
            problems.append(problem_at(file, doc, loc, _expectation(err), err.get("input")))
    return problems


@functools.cache
def known_keys() -> tuple[str, ...]:
    """Every key any data file may use, from the models (for "did you mean" hints)."""
    from . import models

    keys: set[str] = set()
    for obj in vars(models).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            keys |= set(obj.model_fields)
    return tuple(sorted(keys))
