"""Write a tree of generated files, touching only what changed.

Unchanged files keep their modification time, so ``mkdocs serve`` reloads only what an
edit affected; files that are no longer generated are removed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def sync_tree(target: Path, files: dict[str, str | bytes]) -> int:
    """Make ``target`` hold exactly ``files``; return how many files were written."""
    target.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, content in files.items():
        path = target / rel
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    wanted = {os.path.normpath(rel) for rel in files}
    for path in sorted(target.rglob("*"), reverse=True):
        rel = os.path.normpath(path.relative_to(target))
        if path.is_file() and rel not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written


def read_tree(source: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(source)): p.read_bytes()
        for p in sorted(source.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def write_files(target: Path, files: dict[str, str | bytes]) -> None:
    for rel, content in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)


def swap_in(new: Path, live: Path) -> None:
    """Replace ``live`` with ``new`` by two renames on one file system."""
    old = live.with_name(live.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if live.exists():
        live.rename(old)
    new.rename(live)
    shutil.rmtree(old, ignore_errors=True)
