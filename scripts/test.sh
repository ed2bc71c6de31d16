#!/usr/bin/env bash
# Set up and run the tests (pytest exits 5 when it collects nothing: that is a failure too).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/browser.sh   # Chromium + chromedriver for the page tests (apt-get)
scripts/virtuoso.sh  # Virtuoso 7 for the remote-store tests (apt-get)
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
