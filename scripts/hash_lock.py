"""Add a --hash to every line of a pip lock file, from the files pip downloaded for it.

Usage: python scripts/hash_lock.py requirements.lock DOWNLOAD_DIR (run by `make lock`).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from packaging.utils import canonicalize_name, parse_sdist_filename, parse_wheel_filename


def main(lock: Path, folder: Path) -> None:
    digests = {}
    for f in folder.iterdir():
        name, version = (parse_wheel_filename(f.name)[:2] if f.suffix == ".whl" else parse_sdist_filename(f.name))
        digests[(canonicalize_name(name), str(version))] = hashlib.sha256(f.read_bytes()).hexdigest()
    out = ["# Pinned with hashes for CPython 3.11 on Linux x86-64 (`make lock` regenerates it).",
           "# pip installs it with --require-hashes: a changed file on the index fails the install."]
    for line in lock.read_text("utf-8").splitlines():
        line = line.split("\\")[0].strip()
        if not line or line.startswith(("#", "--hash")):
            continue
        name, version = line.split("==")
        out.append(f"{line} \\\n    --hash=sha256:{digests[(canonicalize_name(name), version)]}")
    lock.write_text("\n".join(out) + "\n", "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
