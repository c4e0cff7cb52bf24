#!/bin/sh
# `npm run setup:browser`: installs what the browser tests need on Debian or
# Ubuntu: Chromium (Playwright drives /usr/bin/chromium, see playwright.config.ts)
# and fonts-noto-cjk, without which Chinese renders as boxes and layout checks
# measure the wrong glyphs. Plain sh, so it runs before `npm ci` too.
set -eu

missing=""
[ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1 || missing="chromium"
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$missing fonts-noto-cjk"
missing=$(echo "$missing" | sed 's/^ *//')

if [ -z "$missing" ]; then
  echo "Chromium and fonts-noto-cjk are installed."
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: $missing. Run as root: sudo npm run setup:browser (or: sudo apt-get install $missing)" >&2
  exit 1
fi
echo "Installing $missing…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
echo "Installed $missing."
