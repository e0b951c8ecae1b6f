"""The one seam between Refuge Atlas and the site generator.

``run_engine`` turns one language's generated Markdown (``build/docs/<code>``) into HTML in a
given folder. The default is MkDocs 1.6 with Material, run in-process. The alternatives, for
the day Material's support ends (5 May 2027), are run from their own virtual environments,
made by ``make build ENGINE=…`` from their own pinned lock files:

- ``properdocs``: the maintained continuation of MkDocs 1.x (same config, hooks and theme);
- ``zensical``: Material's successor. It reads mkdocs.yml but ignores hooks and ``strict``,
  turns its own search on unless told not to, and resolves INHERIT by appending lists, so it
  gets a config written out in full here, with search and the palette switched off.

Everything else (pages, CSP, search, redirects) is Refuge Atlas's own code and is the same
for every engine.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

ENGINES = ("mkdocs", "properdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"


class EngineError(Exception):
    pass


def source_date_epoch(as_of: dt.date) -> str:
    """Dates in the sitemap come from the data, not the clock: rebuilds are byte-identical."""
    return str(int(dt.datetime.combine(as_of, dt.time(), dt.timezone.utc).timestamp()))


def engine_binary(root: Path, engine: str) -> Path:
    return root / f".venv-{engine}" / "bin" / engine


def _env_tag(loader, node):
    """``!ENV [NAME, default]`` as MkDocs reads it."""
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return values[-1] if len(values) > 1 else None


class _ConfigLoader(yaml.SafeLoader):
    pass


_ConfigLoader.add_constructor("!ENV", _env_tag)


def full_config(root: Path, config_name: str) -> dict:
    """A language's config with INHERIT resolved the MkDocs way (mappings merged, lists
    replaced, never appended) and every !ENV value filled in."""
    config = yaml.load((root / config_name).read_text("utf-8"), Loader=_ConfigLoader) or {}
    parent = config.pop("INHERIT", None)
    if parent:
        base = full_config(root, parent)
        return _merge(base, config)
    return config


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def engine_config(root: Path, engine: str, lang, extra: dict, out: Path) -> Path:
    """Write the config an external engine reads: at the project root (Zensical wants docs and
    site inside it), with the build's extra values."""
    config = full_config(root, lang.config)
    config["site_dir"] = str(out.relative_to(root))
    config["extra"] = {**config.get("extra", {}), **extra}
    config.pop("watch", None)
    config.pop("hooks", None)  # the pages are generated before the engine runs; the hook is for `make serve`
    if engine == "zensical":
        config["plugins"] = {"search": {"enabled": False}}   # its own search, on unless switched off
        config.get("theme", {}).pop("palette", None)        # its palette form fails axe; colours are in atlas.css
    path = root / f".engine-{engine}-{lang.code}.yml"
    path.write_text("# Written by atlas.engines for one build; do not edit.\n"
                    + yaml.safe_dump(config, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def run_external(root: Path, engine: str, site_dir: Path, lang, extra: dict, as_of: dt.date) -> None:
    binary = engine_binary(root, engine)
    if not binary.exists():
        raise EngineError(f"{engine} is not installed: run `make build ENGINE={engine}` (it sets up .venv-{engine})")
    out = root / "build" / f"site-{engine}" / lang.code
    shutil.rmtree(out, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    config = engine_config(root, engine, lang, extra, out)
    env = {**os.environ, "ATLAS_PREGENERATED": "1", "SOURCE_DATE_EPOCH": source_date_epoch(as_of)}
    args = [str(binary), "build", "-f", str(config)] + (["--strict"] if engine != "zensical" else [])
    result = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True)
    config.unlink(missing_ok=True)
    if result.returncode != 0 or re.search(r"^(ERROR|Error)\b", result.stdout + result.stderr, re.M):
        raise EngineError(f"{engine} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(out), str(site_dir))
    for leftover in ("search.json",):  # an empty index Zensical writes even with search off
        (site_dir / leftover).unlink(missing_ok=True)
