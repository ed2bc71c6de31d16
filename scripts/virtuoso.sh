#!/usr/bin/env bash
# Virtuoso 7 (Debian package, binaries only: virtuoso-t, isql-vt) for the remote-store tests in tests/remote;
# a no-op when present. No service is started: the tests start their own server on loopback.
set -euo pipefail
if command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null; then
  exit 0
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
install() { $SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null; }
install 2>/dev/null || { $SUDO apt-get update -qq && install; }
