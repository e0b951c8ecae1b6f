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


class LinkOutside(Exception):
    """A symbolic link in a source tree points outside the project."""


def inside(path: Path, *folders: Path) -> bool:
    real = path.resolve()
    return any(real == f.resolve() or f.resolve() in real.parents for f in folders)


def read_tree(source: Path, project: Path | None = None) -> dict[str, bytes]:
    """Every file below ``source`` (dotfiles skipped). A symbolic link is followed only when
    it stays inside ``source`` or ``project``: a link to a file elsewhere (say
    /proc/self/environ) would publish it, so it raises ``LinkOutside``."""
    allowed = [source] + ([project] if project else [])
    files = {}
    for dirpath, dirnames, filenames in os.walk(source, followlinks=False):
        base = Path(dirpath)
        for name in sorted(dirnames + filenames):
            path = base / name
            if name.startswith("."):
                continue
            if path.is_symlink() and not inside(path, *allowed):
                raise LinkOutside(f"{path} is a link to {os.readlink(path)}, outside the project; "
                                  "copy the file into the project instead")
            if path.is_dir() and path.is_symlink():
                files.update({f"{path.relative_to(source)}/{rel}": data for rel, data in read_tree(path, project).items()})
            elif path.is_file():
                files[str(path.relative_to(source))] = path.read_bytes()
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    return dict(sorted(files.items()))


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
