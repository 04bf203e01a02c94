#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for the PDF dossiers (never a browser download from
# npm). Runs before `npm start` and in scripts/install.sh; installs only as root with apt-get,
# otherwise says what to do. Without Chromium the platform still runs: PDFs answer 503.
set -uo pipefail

if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "chromium: Chromium installeren (apt-get install chromium) voor PDF-dossiers"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    chromium --version
    exit 0
  fi
  echo "chromium: installeren mislukt; PDF-dossiers zijn niet beschikbaar (HTML wel)" >&2
  exit 0
fi
echo "chromium: ontbreekt; installeer het pakket 'chromium' (of zet CHROMIUM_PATH) voor PDF-dossiers" >&2
exit 0
