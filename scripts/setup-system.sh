#!/usr/bin/env bash
# Installs the Debian packages the tests need, if they are missing: Chromium for the end-to-end
# tests (Playwright cannot download its own browser here) and a font to render pages with; where
# PostgreSQL 15 is installed (CI), the extensions the Supabase checks use (npm run test:supabase):
# plpgsql_check for `supabase db lint`, pgTAP and pg_prove for supabase/tests/database.
# A no-op when everything is there. Run by `npm test` and so by .ci/run.
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

packages=(chromium fonts-dejavu-core)
if installed postgresql-15; then
	packages+=(postgresql-15-plpgsql-check postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl)
fi
missing=()
for p in "${packages[@]}"; do
	installed "$p" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
	sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
