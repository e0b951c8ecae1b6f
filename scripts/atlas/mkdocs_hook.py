"""Thin MkDocs hook: regenerate pages from data/ before each `mkdocs serve` rebuild.

`make build` generates the pages itself first and sets ATLAS_PREGENERATED=1, so the hook
does nothing there. The logic lives in the atlas package, not here.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from atlas.build import generate  # noqa: E402
from atlas.load import DataError  # noqa: E402


def on_pre_build(config, **kwargs):
    if os.environ.get("ATLAS_PREGENERATED") == "1":
        return
    from mkdocs.exceptions import PluginError

    # The project is the folder of the config being served (a copy in tests and benchmarks),
    # and only that config's language is needed for the preview.
    root = Path(config["config_file_path"]).parent
    try:
        generate(root, only=[config["theme"]["language"]])
    except DataError as exc:
        raise PluginError("The data has problems; the preview was not updated.\n" + exc.report()) from None
