#!/usr/bin/env bash
# Installs what Wijkkompas needs on a fresh machine: Debian's Chromium (PDF rendering of the
# dossiers; not an npm download) and the locked npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/chromium.sh
npm ci --no-audit --no-fund
