#!/usr/bin/env bash
# Installs the Debian packages the tests need, if they are missing: Chromium for the end-to-end
# tests (Playwright cannot download its own browser here) and a font to render pages with.
# A no-op when everything is there. Run by `npm test` and so by .ci/run.
set -euo pipefail

packages=(chromium fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
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
