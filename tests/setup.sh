#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then nothing else:
# a virtual environment with signpost and its test tools, Debian's Chromium for the
# browser tests (never a downloaded browser), Java and the Nu Html Checker, PostgreSQL
# and nginx (for the static mirror's test).
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

missing=()
command -v chromium >/dev/null || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v npm >/dev/null || missing+=(npm)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v nginx >/dev/null || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    npm install --no-save --no-audit --no-fund --silent vnu-jar@26.9.27
fi

# PostgreSQL for the maintainers' tests, which also run against SQLite.
if command -v pg_ctlcluster >/dev/null; then
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1, $2}')
    [ -n "$cluster" ] && pg_ctlcluster $cluster start 2>/dev/null || true
    as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
    for _ in $(seq 30); do as_postgres "psql -qtAc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
    as_postgres "psql -qtAc \"select 1 from pg_roles where rolname='signpost'\"" | grep -q 1 ||
        as_postgres "psql -qc \"create role signpost login password 'signpost'\""
    as_postgres "psql -qtAc \"select 1 from pg_database where datname='signpost_test'\"" | grep -q 1 ||
        as_postgres "psql -qc 'create database signpost_test owner signpost'"
fi
