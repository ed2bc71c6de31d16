"""The wheel: built from the repository, installed into a fresh venv outside the source tree, it builds,
answers, validates and serves, with queries/, ontology/ and data/ read from inside the installed package.

The fresh venv gets the project's dependencies by a .pth line pointing at this venv's site-packages (a
path line only: this venv's own .pth files, among them the editable install of kg, are not run), so the
test needs no download beyond the build backend; Parley itself comes from the wheel alone.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import urllib.request
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*cmd, cwd: Path, ok=(0,)) -> subprocess.CompletedProcess:
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert proc.returncode in ok, f"{cmd}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(bin folder of a fresh venv with the wheel installed, a working folder outside the source tree)."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", dist, ROOT, cwd=work)
    (wheel,) = dist.glob("parley_kg-*.whl")
    env = work / "venv"
    venv.create(env, with_pip=False)  # this venv's pip installs into it (--python)
    purelib = Path(subprocess.check_output([env / "bin" / "python", "-c",
                                            "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True).strip())
    (purelib / "parley_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", env / "bin" / "python", "install", "--quiet", "--no-deps",
        "--no-index", wheel, cwd=work)
    return env / "bin", work


def test_wheel_ships_queries_ontology_and_data_inside_the_package(installed):
    bin_dir, work = installed
    out = run(bin_dir / "python", "-c", "import kg, kg.resources as r; print(kg.__file__); "
              "print(*(r.resource(n) for n in r.SHIPPED), sep='\\n')", cwd=work).stdout.split()
    package = Path(out[0]).parent
    assert str(bin_dir.parent) in str(package), "kg comes from the fresh venv, not the source tree"
    assert all(Path(p).is_relative_to(package / "assets") for p in out[1:])
    assert (package / "assets" / "queries" / "attendees-at-place.rq").is_file()
    assert (package / "assets" / "ontology" / "shapes.ttl").is_file()
    scripts = package / "serve" / "static" / "js"
    assert all((scripts / f"{m}.js").is_file() for m in ("main", "util", "table", "detail", "timeline", "network"))


def test_wheel_builds_queries_validates_and_serves(installed):
    bin_dir, work = installed
    kg = bin_dir / "kg"
    store = work / "store"
    articles = work / "articles"  # two of the sample articles: enough to answer, quick to build
    articles.mkdir()
    for stem in ("kremlin-witkoff-kushner-2025-12-02", "geneva-talks-2025-11-23"):
        for source in (ROOT / "data" / "articles").glob(stem + ".*"):
            shutil.copy(source, articles / source.name)
    run(kg, "--store", store, "build", articles, "--no-progress", cwd=work)
    answer = run(kg, "--store", store, "query", "attendees-at-place", "--param", "place=Moscow", "--format", "csv",
                 cwd=work).stdout
    assert "Vladimir Putin" in answer
    assert "kg:Meeting" in run(kg, "--store", store, "sparql", "SELECT DISTINCT ?t WHERE { ?m a ?t } ",
                               cwd=work).stdout
    validated = run(kg, "--store", store, "validate", "--format", "json", cwd=work, ok=(0, 1))
    assert '"graphs"' in validated.stdout  # the shapes were found and ran
    server = subprocess.Popen([kg, "--store", store, "serve", "--port", "0", "--quiet"], cwd=work,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), server.stderr.read()
        with urllib.request.urlopen(url + "sparql?query=ASK%7B%7D", timeout=30) as resp:
            assert resp.read() == b'{"head":{},"boolean":true}'
        with urllib.request.urlopen(url, timeout=30) as resp:
            assert b"/static/js/main.js" in resp.read()
        with urllib.request.urlopen(url + "static/js/main.js", timeout=30) as resp:
            assert resp.status == 200
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert server.returncode == 0
