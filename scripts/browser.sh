#!/usr/bin/env bash
# Headless Chromium and its WebDriver (Debian packages) for the page tests in tests/serve; a no-op when present.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
install() { $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null; }
install 2>/dev/null || { $SUDO apt-get update -qq && install; }
