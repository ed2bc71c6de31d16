#!/usr/bin/env bash
# Create .venv and install Parley with its pinned dependencies (PyPI only; idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
log=.venv/setup.log
if ! { .venv/bin/python -m pip install --quiet --upgrade pip &&
       .venv/bin/python -m pip install --quiet -e '.[test]'; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "setup failed: see the pip output above" >&2
  exit 1
fi
# Java runs owlready2's HermiT reasoner; it is on the project's machines, say so if not.
command -v java >/dev/null || echo "warning: java not found: the OWL reasoner check (kg validate --owl) needs a JRE" >&2
