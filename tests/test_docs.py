"""The docs are checked, not trusted: the CLI reference is generated from --help and must be
current, and every stored query and command is documented."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.cli import cli
from kg.query import stored_queries

ROOT = Path(__file__).resolve().parents[1]


def test_docs_cli_reference_is_current():
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_docs.py"), "--check"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr


def test_docs_cli_reference_lists_every_command_and_query():
    text = (ROOT / "docs" / "cli.md").read_text()
    for name in cli.commands:
        assert f"## kg {name}" in text
    for name in stored_queries():
        assert f"| `{name}` |" in text


def test_docs_every_query_opens_with_a_question():
    for q in stored_queries().values():
        assert q.question.endswith("?") or "?" in q.question, f"{q.name}: {q.question!r}"


def test_docs_readme_quick_start_commands_exist():
    text = (ROOT / "README.md").read_text()
    for script in ("scripts/demo.sh", "scripts/test.sh"):
        assert script in text and (ROOT / script).exists()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "scripts/test.sh" in ci, ".ci/run must call the README's test command"
