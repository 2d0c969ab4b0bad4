#!/bin/sh
# Install axe-core (the accessibility engine the browser test injects into pages) from the
# npm registry into a test-only folder: tests/ensure-axe.sh DIR VERSION. Without npm it
# installs Debian's npm when running as root; otherwise it explains, and the accessibility
# test skips (except under CI=true, where it fails).
dir="$1"; version="$2"
if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing npm for the accessibility test..."
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null || {
            echo "apt-get could not install npm" >&2; exit 1; }
    else
        echo "npm not found: install Node.js's npm to run the accessibility test (it is skipped)." >&2
        exit 0
    fi
fi
mkdir -p "$dir"
npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "axe-core@$version"
