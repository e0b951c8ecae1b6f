"""Keep the message catalogues in step with the templates: ``make messages``.

Extracts every translatable string (templates and Python labels) into
``locales/messages.pot``, then updates each ``locales/<code>/LC_MESSAGES/messages.po``:
new strings arrive untranslated, changed ones fuzzy. The tests fail on either, so a
missing French string can never ship silently.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).absolute().parents[2]


def main() -> int:
    pybabel = str(Path(sys.executable).with_name("pybabel"))
    pot = ROOT / "locales" / "messages.pot"
    subprocess.run([pybabel, "extract", "-F", "babel.cfg", "-o", str(pot), "--no-location", "--sort-output",
                    "--omit-header", "."], cwd=ROOT, check=True, capture_output=True)
    for po in sorted((ROOT / "locales").glob("*/LC_MESSAGES/messages.po")):
        code = po.parts[-3]
        subprocess.run([pybabel, "update", "-i", str(pot), "-o", str(po), "-l", code,
                        "--ignore-obsolete", "--width", "100", "--no-fuzzy-matching"], cwd=ROOT, check=True, capture_output=True)
        print(f"Updated {po.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
