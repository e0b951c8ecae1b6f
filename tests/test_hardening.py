"""Defences against hostile or broken input: the CSP allowlist, links out of the project,
front matter, Markdown in data text, and the command line's errors."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from atlas import fmt
from atlas.build import BuildError, build
from atlas.export import one_year_after
from atlas.load import DataError, load_countries
from atlas.postprocess import MKDOCS_SCRIPTS, UnknownInlineScript, add_csp, has_csp, pinned_name, secure_site
from conftest import FIXTURES, ROOT, TODAY, make_root

CORPUS = Path(__file__).parent / "bad_inputs"


# --- Content-Security-Policy ---------------------------------------------------------------

def directives(html: str) -> dict[str, list[str]]:
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    out = {}
    for part in content.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def test_every_page_has_exactly_the_expected_policy(built_fixture_site):
    pages = sorted(built_fixture_site.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text("utf-8")
        d = directives(html)
        assert set(d) == {"default-src", "script-src", "style-src", "img-src", "font-src", "connect-src",
                          "object-src", "base-uri", "form-action"}, page
        assert d["default-src"] == ["'self'"] and d["connect-src"] == ["'self'"], page
        assert d["object-src"] == ["'none'"] and d["form-action"] == ["'none'"] and d["base-uri"] == ["'self'"], page
        assert d["img-src"] == ["'self'", "data:"] and d["font-src"] == ["'self'"], page
        assert d["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"], page
        assert all(v.startswith("'sha256-") for v in d["script-src"][2:]), page
        assert d["style-src"][0] == "'self'" and "'unsafe-inline'" not in d["style-src"], page
        assert all(v.startswith("'sha256-") for v in d["style-src"][1:]), page


def test_every_inline_script_in_the_built_site_is_pinned(built_fixture_site):
    """When Material changes one of its inline scripts, this names it."""
    seen = set()
    for page in built_fixture_site.rglob("*.html"):
        for m in re.finditer(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page.read_text("utf-8"), re.S):
            if "application/json" not in m.group(1):
                name = pinned_name(m.group(2))
                assert name, f"{page}: unpinned inline script {m.group(2)[:80]!r}"
                seen.add(name)
    assert seen == MKDOCS_SCRIPTS


def test_an_unknown_inline_script_is_refused_with_the_page_named():
    html = '<html><head><meta charset="utf-8"></head><body><script>alert(1)</script></body></html>'
    with pytest.raises(UnknownInlineScript) as info:
        add_csp(html, "report/index.html")
    assert str(info.value) == (
        "report/index.html: an inline script that is not on the allowlist ('alert(1)'); move it to a file "
        "under docs/assets/, or pin it in atlas.postprocess.KNOWN_SCRIPTS")


def test_a_hand_written_page_with_an_inline_script_fails_the_build(tmp_path):
    root = make_root(tmp_path)
    (root / "docs").unlink()
    shutil.copytree(ROOT / "docs", root / "docs")
    (root / "docs" / "report" / "index.md").write_text(
        (ROOT / "docs" / "report" / "index.md").read_text("utf-8") + "\n<script>window.x = 1</script>\n", "utf-8")
    with pytest.raises(BuildError) as info:
        build(root)
    assert "report/index.html: an inline script that is not on the allowlist ('window.x = 1')" in str(info.value)
    assert not (root / "site").exists()


def test_the_words_content_security_policy_in_a_page_do_not_count_as_a_policy(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><p>Content-Security-Policy</p></body></html>')
    assert not has_csp(page.read_text())
    secure_site(tmp_path)
    assert has_csp(page.read_text()) and "form-action 'none'" in page.read_text()


def test_an_inline_style_is_allowed_by_its_hash_only(tmp_path):
    html = add_csp('<html><head><meta charset="utf-8"></head><body><style>p{color:red}</style></body></html>')
    style = directives(html)["style-src"]
    assert len(style) == 2 and style[0] == "'self'" and style[1].startswith("'sha256-")


# --- Links out of the project --------------------------------------------------------------

def test_a_link_in_docs_to_a_file_outside_the_project_fails_the_build(tmp_path):
    root = make_root(tmp_path)
    (root / "docs").unlink()
    shutil.copytree(ROOT / "docs", root / "docs")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=abc")
    os.symlink(secret, root / "docs" / "leak.txt")
    with pytest.raises(BuildError) as info:
        build(root)
    assert str(info.value) == (f"{root / 'docs' / 'leak.txt'} is a link to {secret}, outside the project; "
                               "copy the file into the project instead")
    assert not (root / "site").exists()


def test_a_link_in_data_to_a_file_outside_the_project_is_a_problem(tmp_path):
    root = make_root(tmp_path)
    secret = tmp_path / "environ"
    secret.write_text("iso2: KE\n")
    os.symlink(secret, root / "data" / "countries" / "tz.yaml")
    with pytest.raises(DataError) as info:
        load_countries(root / "data", root=root, today=TODAY)
    assert [str(p) for p in info.value.problems] == [
        "data/countries/tz.yaml: is a link to a file outside the project; a data file must be a real file"]


# --- Text that reaches HTML ------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["<", ">", '"', "&", "\n"])
def test_front_matter_refuses_characters_mkdocs_would_print_raw(bad):
    with pytest.raises(ValueError) as info:
        fmt.front_matter(f"Name{bad}x")
    assert "MkDocs would print it into the HTML unescaped" in str(info.value)


def test_front_matter_accepts_real_place_names():
    assert fmt.front_matter("Côte d’Ivoire") == '"Côte d’Ivoire"'
    assert fmt.front_matter("São Tomé and Príncipe (the) - Ivory's") == '"São Tomé and Príncipe (the) - Ivory\'s"'


def test_inline_text_leaves_no_markdown_syntax():
    out = str(fmt.inline_text("[x](javascript:alert(1)) *b* _i_ `c` <i> & \\ ! | #"))
    assert not re.search(r"[\[\]*_`<>\\!|#]", out.replace("&#", ""))


# --- Dates and the command line ----------------------------------------------------------------

def test_security_txt_expiry_after_29_february():
    assert one_year_after(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)
    assert one_year_after(dt.date(2026, 12, 3)) == dt.date(2027, 12, 3)


CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_cli_reports_every_bad_input_without_a_traceback(tmp_path, case):
    shutil.copytree(CORPUS / case, tmp_path / "data", ignore=shutil.ignore_patterns("expected.txt"))
    for name in ("mkdocs.yml", "docs", "overrides", "scripts"):
        os.symlink(ROOT / name, tmp_path / name)
    result = subprocess.run([sys.executable, "-m", "atlas", "validate"], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(tmp_path / "scripts")}, timeout=60)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    expected = (CORPUS / case / "expected.txt").read_text("utf-8").splitlines()[0]
    expected = re.sub(r"\(today is [0-9-]+\)", "(today is", expected)  # the CLI's today is the clock's
    assert expected.split(": ", 1)[1] in result.stderr


# --- make check-sources, against a server on this machine --------------------------------

class SourceServer(__import__("http.server").server.BaseHTTPRequestHandler):
    def do_HEAD(self):
        routes = {"/ok": (200, None), "/gone": (404, None), "/moved": (301, "/ok"), "/temp": (302, "/ok"),
                  "/nohead": (405, None)}
        status, location = routes.get(self.path, (500, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/nohead" else 500)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_check_sources_reports_dead_and_moved_addresses():
    import threading

    from atlas.sourcecheck import check_urls
    from conftest import QuietServer

    server = QuietServer(("127.0.0.1", 0), SourceServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        results = {r.url[len(base):]: (r.verdict, r.detail) for r in check_urls(
            [base + p for p in ("/ok", "/gone", "/moved", "/temp", "/nohead", "/ok")], timeout=5)}
    finally:
        server.shutdown()
        server.server_close()
    closed = "http://127.0.0.1:9/"
    assert results == {
        "/ok": ("ok", "HTTP 200"), "/gone": ("dead", "HTTP 404"), "/moved": ("moved", f"301 to {base}/ok"),
        "/temp": ("ok", "302 (temporary redirect)"), "/nohead": ("ok", "HTTP 200"),
    }
    from atlas.sourcecheck import check_url
    assert check_url(closed, timeout=2).verdict == "dead"


def test_benchmark_edits_a_copy_never_a_real_data_file(tmp_path):
    from atlas.bench import preview_update, project_copy

    before = {p.name: p.read_bytes() for p in (ROOT / "data" / "countries").glob("*.yaml")}
    copy = project_copy(tmp_path / "project")
    assert preview_update(copy, tmp_path / "preview") > 0
    assert {p.name: p.read_bytes() for p in (ROOT / "data" / "countries").glob("*.yaml")} == before
    assert not (copy / "data").is_symlink()


def test_workflow_pins_actions_and_lets_only_deploy_write():
    import yaml

    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text("utf-8"))
    assert flow["permissions"] == {}
    assert flow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert flow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [s["uses"] for job in flow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    runs = " ".join(s.get("run", "") for job in flow["jobs"].values() for s in job["steps"])
    assert "apt-get" not in runs


# --- The field reference -------------------------------------------------------------------

def test_field_reference_prints_human_types_and_is_the_same_in_every_process():
    runs = [subprocess.run([sys.executable, "-c", "from atlas.fieldsdoc import fields_markdown; print(fields_markdown())"],
                           capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
                           timeout=60).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0]
    assert "Validator" not in runs[0] and "0x" not in runs[0] and "Annotated" not in runs[0]
    assert "| `sources` | list of source ids (at least one) | yes |" in runs[0]
    assert "| `date` | date: YYYY, YYYY-MM or YYYY-MM-DD | yes |" in runs[0]
    assert "/countries/&lt;slug&gt;/" in runs[0]


def test_link_checker_fails_a_link_above_the_site_root(tmp_path):
    from atlas.linkcheck import broken_links

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<a href="../../b/">x</a><link rel="alternate" href="../../feeds/x.xml">')
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text("<p>b</p>")
    assert broken_links(tmp_path) == ["a/index.html: link climbs above the site root ../../b/",
                                      "a/index.html: link climbs above the site root ../../feeds/x.xml"]
