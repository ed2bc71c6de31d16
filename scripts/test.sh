#!/usr/bin/env bash
# Set up and run the tests (pytest exits 5 when it collects nothing: that is a failure too).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
