"""Keep translations in step with their English.

When the English of a field or page changes, its translation is out of date until someone
reviews it. ``data/translations/<code>.lock`` records what each translation was made from:

- ``field <hash of the translation> <hash of the English>`` for each data text, so a field
  keeps its record when list items move;
- ``page <path of the translated page> <hash of the English page>`` for hand-written pages
  (``docs/<code>/…``) and route templates (``templates/<code>/routes/…``).

``atlas validate`` warns (without failing) about every translation whose English changed or
that has no record; the translated page shows a short notice on that field or page until it
is fixed. ``atlas translations --accept`` records the current pairs after a review.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

LOCKS = Path("data") / "translations"
ROUTE_TEMPLATES = Path("scripts") / "atlas" / "templates"


def short_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


@dataclass
class Lock:
    fields: set[tuple[str, str]]  # (translation hash, English hash) pairs
    pages: dict[str, str]         # translated page path -> English hash

    def field_is_current(self, value: dict[str, str], code: str) -> bool:
        return (short_hash(value[code]), short_hash(value["en"])) in self.fields


def lock_path(root: Path, code: str) -> Path:
    return root / LOCKS / f"{code}.lock"


def read_lock(root: Path, code: str) -> Lock:
    lock = Lock(set(), {})
    path = lock_path(root, code)
    if not path.exists():
        return lock
    for line in path.read_text("utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "field":
            lock.fields.add((parts[1], parts[2]))
        elif len(parts) == 3 and parts[0] == "page":
            lock.pages[parts[1]] = parts[2]
    return lock


def write_lock(root: Path, code: str, lock: Lock) -> None:
    path = lock_path(root, code)
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"# What each {code} translation was made from. Written by `make translations`; do not edit by hand.",
             "# field <hash of the translation> <hash of the English>",
             "# page <translated page> <hash of the English page>"]
    lines += [f"field {k} {v}" for k, v in sorted(lock.fields)]
    lines += [f"page {k} {v}" for k, v in sorted(lock.pages.items())]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def local_texts(node, path: tuple = ()) -> Iterator[tuple[tuple, dict[str, str]]]:
    """Every text given per language (``{en:, fr:}``) in a model, with its key path."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from local_texts(getattr(node, name), path + (name,))
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from local_texts(item, path + (i,))
    elif isinstance(node, dict) and "en" in node and all(isinstance(v, str) for v in node.values()):
        yield path, node


def translated_pages(root: Path, code: str) -> dict[str, str]:
    """Translated page path -> its English original's path, both relative to ``root``."""
    pairs = {}
    docs = root / "docs" / code
    for page in sorted(docs.rglob("*.md")) if docs.exists() else []:
        original = root / "docs" / page.relative_to(docs)
        if original.exists():
            pairs[str(page.relative_to(root))] = str(original.relative_to(root))
    routes = root / ROUTE_TEMPLATES / code / "routes"
    for page in sorted(routes.glob("*.md.j2")) if routes.exists() else []:
        original = root / ROUTE_TEMPLATES / "routes" / page.name
        if original.exists():
            pairs[str(page.relative_to(root))] = str(original.relative_to(root))
    return pairs


def stale_pages(root: Path, code: str, lock: Lock) -> list[tuple[str, str]]:
    """(translated page, English original) for every page whose original changed since."""
    out = []
    for page, original in translated_pages(root, code).items():
        if lock.pages.get(page) != short_hash((root / original).read_text("utf-8")):
            out.append((page, original))
    return out


@dataclass(frozen=True, order=True)
class StaleField:
    file: str
    line: int
    path: str


def stale_fields(root: Path, countries, code: str, lock: Lock) -> list[StaleField]:
    """Every field of every country file whose translation is out of date or unrecorded."""
    from .problems import format_path
    from .yamlsource import read_yaml

    out = []
    for country in countries:
        rel = f"data/countries/{country.iso2.lower()}.yaml"
        stale = [(p, v) for p, v in local_texts(country) if code in v and not lock.field_is_current(v, code)]
        if not stale:
            continue
        doc = read_yaml(root / rel)
        for path, _ in stale:
            out.append(StaleField(rel, doc.line_of(path + (code,)), format_path(path + (code,))))
    return sorted(out)


def accept(root: Path, countries, code: str, only: list[str] | None = None) -> Lock:
    """Record the current translations as made from the current English: all of them, or
    only those in the files named in ``only`` (country files or translated pages), keeping
    the other records."""
    lock = read_lock(root, code) if only else Lock(set(), {})
    wanted = {str(Path(p)) for p in only or []}
    for country in countries:
        if only and f"data/countries/{country.iso2.lower()}.yaml" not in wanted:
            continue
        for _, value in local_texts(country):
            if code in value:
                lock.fields.add((short_hash(value[code]), short_hash(value["en"])))
    for page, original in translated_pages(root, code).items():
        if not only or page in wanted:
            lock.pages[page] = short_hash((root / original).read_text("utf-8"))
    write_lock(root, code, lock)
    return lock
