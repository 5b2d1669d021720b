#!/usr/bin/env bash
# Installs what the tests need beyond Rust, pinned, into ignored folders under the repo:
# the npm packages of tests/js (exact versions, from its lockfile) and Debian's chromium
# for the docs preview test. Safe to run again: it does nothing when all is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed" >&2; exit 1; }; }
need node; need npm; need javac; need gofmt; need go

# npm packages: reinstalled only when the lockfile changes.
mkdir -p .cache/js
if ! cmp -s tests/js/package-lock.json .cache/js/package-lock.json || [ ! -d .cache/js/node_modules ]; then
  echo "setup: npm ci (tests/js/package-lock.json)"
  cp tests/js/package.json tests/js/package-lock.json .cache/js/
  (cd .cache/js && npm ci --ignore-scripts --no-audit --no-fund --cache ../npm-cache --loglevel=error)
fi

# Chromium, for the HTML preview test. Debian serves only the current security release,
# so the package is not pinned to a version; the test records the version it ran.
if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium"
  if [ "$(id -u)" -ne 0 ]; then echo "setup: chromium is missing and installing it needs root" >&2; exit 1; fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
fi
