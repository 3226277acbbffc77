#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a CJK font, so screenshots show Chinese) is installed for the
# end-to-end tests and the benchmark. Never downloads a browser build of its own.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
need=()
[ -x "$CHROMIUM" ] || need+=(chromium)
# Not `grep -q`: it would exit at the first match, fc-list would die of SIGPIPE, and pipefail
# would report the font missing (and reinstall it on every run).
fc-list 2>/dev/null | grep -i "noto.*cjk" >/dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the browser tests: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
elif [ ! -x "$CHROMIUM" ]; then
  echo "The end-to-end tests need Debian's Chromium at $CHROMIUM." >&2
  echo "Install it with: sudo apt-get install -y chromium fonts-noto-cjk   (or set CHROMIUM_PATH)" >&2
  exit 1
fi
