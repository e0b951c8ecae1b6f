"""`make serve` starts, shows the site, and shows a data edit (in a copy of the project).

It runs the same two commands as the Makefile target, against a throw-away copy made by
atlas.bench.project_copy, on a free port of this machine. The time from the edit to the
updated page is printed (``-s`` shows it); `make bench` reports it as a figure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from atlas.bench import SUMMARY, project_copy
from conftest import ROOT

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float) -> str | None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = fetch(url)
        if page and needle in page:
            return page
        time.sleep(0.3)
    return None


def test_make_serve_starts_and_shows_a_data_edit(tmp_path):
    root = project_copy(tmp_path / "project")
    env = {**os.environ, "PYTHONPATH": str(root / "scripts"), "ATLAS_STRICT": "false"}
    subprocess.run([sys.executable, "-m", "atlas", "generate", "--lang", "en"], cwd=root, env=env, check=True,
                   capture_output=True, timeout=120)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        path = sorted((root / "data" / "countries").glob("[a-z]*.yaml"))[0]
        import yaml

        slug = yaml.safe_load(path.read_text("utf-8"))["slug"]
        url = f"http://127.0.0.1:{port}/countries/{slug}/"
        assert wait_for(url, "<h1", 120), "make serve did not start"
        path.write_bytes(SUMMARY.sub(rb"\1Serve test edit. ", path.read_bytes(), count=1))
        start = time.monotonic()
        assert wait_for(url, "Serve test edit.", 60), "the preview did not show the data edit"
        print(f"data edit to updated preview: {time.monotonic() - start:.2f} s")
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "Aborted" not in output, output[-2000:]
    assert not (ROOT / "data" / "countries" / path.name).read_bytes().count(b"Serve test edit.")
