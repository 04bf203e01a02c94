#!/usr/bin/env bash
# Installs what Wijkkompas needs on a fresh machine: Debian's Chromium (PDF rendering of the
# dossiers; not an npm download) and the locked npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install: Chromium installeren (apt-get install chromium) voor PDF-dossiers"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "install: Chromium ontbreekt; installeer het pakket 'chromium' (of zet CHROMIUM_PATH) voor PDF-dossiers" >&2
  fi
fi
command -v chromium >/dev/null 2>&1 && chromium --version

npm ci --no-audit --no-fund
