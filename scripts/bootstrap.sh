#!/usr/bin/env bash
# Installs everything this repository needs on a fresh machine: pnpm at the
# version package.json pins, Debian's Chromium for the browser test of the
# rendered reference, and the workspace's dependencies from the lockfile.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm_version=$(node -p 'require("./package.json").packageManager.split("@")[1]')
if [ "$(pnpm --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "bootstrap: installing pnpm@$pnpm_version"
  npm install --global --no-fund --no-audit "pnpm@$pnpm_version" >/dev/null
fi

# Test tools never download a browser of their own here; Debian's does.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing chromium from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "bootstrap: chromium is missing and cannot be installed as $(id -un);" \
      "install Debian's chromium package for the browser test" >&2
  fi
fi

pnpm install --frozen-lockfile
