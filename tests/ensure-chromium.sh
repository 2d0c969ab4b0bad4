#!/bin/sh
# Make sure Debian's Chromium is present for the browser test. Installs it with apt-get
# when running as root; otherwise explains what to do (the browser test then skips,
# except under CI=true, where it fails).
for c in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -n "$c" ] && [ -x "$c" ] && exit 0
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser test..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
    echo "apt-get could not install chromium" >&2
    exit 1
fi
echo "Chromium not found: install Debian's 'chromium' package (or set CHROMIUM=/path/to/chromium) to run the browser test." >&2
exit 0
