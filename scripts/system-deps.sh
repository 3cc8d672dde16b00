#!/usr/bin/env bash
# System packages the test suite needs (Debian): Chromium for the end-to-end tests, a CJK font so
# Chinese renders in screenshots, poppler-utils to extract and render PDF text, zbar-tools to scan
# the printed QR codes. Installs what is missing when it can (root + apt-get); otherwise says exactly
# what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
# (grep without -q reads all of fc-list's output: with -q, pipefail would see fc-list's SIGPIPE)
fc-list 2>/dev/null | grep -i 'WenQuanYi Micro Hei' >/dev/null || missing+=(fonts-wqy-microhei)
[ ${#missing[@]} -eq 0 ] && exit 0
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages for the tests: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need these system packages: ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
