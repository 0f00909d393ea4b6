#!/usr/bin/env bash
# The browser test: Debian's Chromium, driven by playwright-core from npm,
# walks chorus serve's real pages (crates/chorus-cli/tests/browser/story.mjs). Screenshots are
# left in target/browser/. Installs Chromium (and Node.js) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
  local run=()
  if [ "$(id -u)" != 0 ]; then run=(sudo); fi
  "${run[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${run[@]}" apt-get install -y -q "$@"
}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  install "${missing[@]}"
fi

cargo build
npm ci --prefix crates/chorus-cli/tests/browser --no-audit --no-fund
node crates/chorus-cli/tests/browser/story.mjs target/debug/chorus
