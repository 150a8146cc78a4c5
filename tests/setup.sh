#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then nothing else:
# a virtual environment with signpost and its test tools, Debian's Chromium for the
# browser tests (never a downloaded browser), Java and the Nu Html Checker.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

missing=()
command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    npm install --no-save --no-audit --no-fund --silent vnu-jar@26.9.27
fi
