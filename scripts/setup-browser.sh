#!/usr/bin/env bash
# Installs what the browser tests need (idempotent): Debian's Chromium and fonts that
# draw Arabic, and the pinned npm packages of tests/browser (playwright-core, vis-timeline,
# vis-data, @knight-lab/timelinejs). No browser build is downloaded: playwright-core
# drives /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Noto Naskh/Kufi Arabic and Noto Sans Arabic for the Arabic text of the pages.
dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q "ok installed" || need+=(fonts-noto-core)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null

command -v npm >/dev/null 2>&1 || { echo "setup-browser: npm is missing (the machine's Node.js 20+ and npm are needed)" >&2; exit 1; }
node --version
cd tests/browser
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.zaman-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.zaman-lock
fi
echo "setup-browser: chromium, fonts and tests/browser/node_modules ready"
