#!/usr/bin/env bash
# Installs what the tests need beyond Rust, pinned, into ignored folders under .cache/:
# the npm packages of tests/js (lockfile), the Python SDK (tests/python/requirements.txt,
# every package ==), the v1.0 Python SDK's URL templates (tests/python/v1-url-space.txt), the Java SDKs' classpaths (tests/java/*/pom.xml via Maven), the Go SDK
# (tests/go/go.mod + go.sum) with a warm build cache, OpenAPI Generator's Maven plugin
# (tests/openapi/pom.xml), and Debian's chromium (docs preview) and php-cli (PHP's parser). Safe to run again: each step does nothing when its inputs have not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required but not installed" >&2; exit 1; }; }
need bash; need node; need npm; need javac; need java; need mvn; need gofmt; need go; need python3
cache="$PWD/.cache"
mkdir -p "$cache"
# Runs "$@" unless the stamp says it already ran for these exact inputs.
stamp() {
  local name=$1; shift
  local inputs=$1; shift
  # The cache's own path is an input too: tools that key caches by absolute paths
  # must not trust a .cache/ copied from elsewhere.
  local sum; sum=$( (cat $inputs; echo "$cache") | sha256sum | cut -d' ' -f1)
  if [ "$(cat "$cache/$name.stamp" 2>/dev/null)" = "$sum" ]; then return 0; fi
  local t0=$SECONDS
  "$@"
  echo "$sum" > "$cache/$name.stamp"
  echo "setup: $name took $((SECONDS - t0)) s"
}

# npm packages: reinstalled only when the lockfile changes.
mkdir -p .cache/js
if ! cmp -s tests/js/package-lock.json .cache/js/package-lock.json || [ ! -d .cache/js/node_modules ]; then
  echo "setup: npm ci (tests/js/package-lock.json)"
  cp tests/js/package.json tests/js/package-lock.json .cache/js/
  (cd .cache/js && npm ci --ignore-scripts --no-audit --no-fund --cache ../npm-cache --loglevel=error)
fi

py_setup() {
  rm -rf "$cache/venv"
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install -q --disable-pip-version-check --no-input -r tests/python/requirements.txt
}
stamp python tests/python/requirements.txt py_setup

# Microsoft's v1.0 Python SDK's wheel, only read: its request builders' URL templates are
# what generator/tests/url_space.rs compares the imported URL space with.
v1_templates_setup() {
  local tmp; tmp=$(mktemp -d)
  "$cache/venv/bin/pip" download -q --disable-pip-version-check --no-input --no-deps --require-hashes \
    -r tests/python/v1-url-space.txt -d "$tmp"
  python3 tests/python/url_templates.py "$tmp"/msgraph_sdk-*.whl "$cache/msgraph-sdk-v1-templates.txt"
  rm -rf "$tmp"
}
stamp v1-templates "tests/python/v1-url-space.txt tests/python/url_templates.py" v1_templates_setup

java_setup() {
  mkdir -p "$cache/java"
  for kind in current legacy; do
    mvn -q -B -Dstyle.color=never -f "tests/java/$kind/pom.xml" -Dmaven.repo.local="$cache/m2" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.outputFile="$cache/java/$kind.classpath" >/dev/null
  done
}
stamp java "tests/java/current/pom.xml tests/java/legacy/pom.xml" java_setup

# OpenAPI Generator (tests/openapi/pom.xml), run once on a minimal document so that its
# Maven artifacts are in the cache and tests/openapi.rs can run it offline.
openapi_setup() {
  local tmp; tmp=$(mktemp -d)
  echo '{"openapi": "3.1.0", "info": {"title": "warm-up", "version": "1"}, "paths": {}}' > "$tmp/openapi.json"
  mvn -q -B -Dstyle.color=never -f tests/openapi/pom.xml -Dmaven.repo.local="$cache/m2" \
    org.openapitools:openapi-generator-maven-plugin:7.25.0:generate -Dspec="$tmp/openapi.json" -Dout="$tmp/out" >/dev/null
  rm -rf "$tmp"
}
stamp openapi tests/openapi/pom.xml openapi_setup

# The Go SDK's models package takes minutes and gigabytes to compile. The tests build
# their harness with the SDK's root client trimmed to the methods the snippets call
# (tests/sdk_matrix.rs, `trimmed_sdk`), so they need only the SDK packages the
# snippets import and what the root client needs besides the ~140 request-builder
# packages it would otherwise pull in; compiling exactly those once leaves them in the
# build cache for the tests. -trimpath keeps absolute paths out of the build cache's
# keys, so the tests' builds (in other folders) hit the entries this step leaves.
export GOMODCACHE="$cache/go-mod" GOCACHE="$cache/go-build" GOFLAGS="-mod=readonly -trimpath" GOTOOLCHAIN=local
sdk=github.com/microsoftgraph/msgraph-beta-sdk-go
# The SDK packages the checked-in Go snippets import (an input of the stamp below).
grep -rhoE "\"$sdk/[a-z0-9/]+\"" generated tests/cases --include=*.go | tr -d '"' | sort -u > "$cache/go-snippet-packages.txt"
go_setup() {
  rm -rf "$cache/go-warm" && mkdir -p "$cache/go-warm"
  cp tests/go/go.mod tests/go/go.sum "$cache/go-warm/"
  (
    cd "$cache/go-warm"
    go mod download
    # The root client's own dependencies outside the SDK's request builders.
    go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' "$sdk" | grep -v "^$sdk" > packages.txt
    cat "$cache/go-snippet-packages.txt" >> packages.txt
    # The flags of the harness build in tests/sdk_matrix.rs (GO_GCFLAGS), so it hits this cache.
    xargs go build "-gcflags=all=-N -l" < packages.txt
  )
}
# (Named for its flags: a cache warmed with others would miss.)
stamp go-noopt-trimmed "tests/go/go.mod tests/go/go.sum $cache/go-snippet-packages.txt" go_setup

# From Debian: chromium for the HTML preview test, and php-cli for PHP's own parser
# (`php -l`) and tokenizer in the PHP snippet checks. Debian serves only the current
# security release, so neither is pinned to a version (the preview test records chromium's).
debs=()
[ -x /usr/bin/chromium ] || debs+=(chromium fonts-dejavu-core)
command -v php >/dev/null 2>&1 || debs+=(php-cli)
if [ ${#debs[@]} -gt 0 ]; then
  echo "setup: installing Debian's ${debs[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "setup: ${debs[*]} missing and installing needs root" >&2; exit 1; fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${debs[@]}"
fi
