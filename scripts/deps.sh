#!/usr/bin/env bash
# Installs what ipm needs to build, test and benchmark on Debian 12; quiet when all is there.
# Idempotent: checks each package with dpkg and runs apt-get update only when something is missing
# and the package lists do not know it.
set -euo pipefail

packages=(
  pkg-config
  libedit-dev
  libcmark-gfm-dev
  libcmark-gfm-extensions-dev
  cmark-gfm
  libsqlite3-dev
  libssl-dev
  openssl
  libical-dev
  libcurl4
  python3-venv
  hyperfine
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# python3-venv is only needed when the system python lacks the venv module (pyenv builds include it).
if [ ${#missing[@]} -gt 0 ]; then
  filtered=()
  for p in "${missing[@]}"; do
    if [ "$p" = python3-venv ] && python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then continue; fi
    filtered+=("$p")
  done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v swift >/dev/null 2>&1; then
  echo "deps: the Swift toolchain is not on PATH (expected /opt/swift/usr/bin)" >&2
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

echo "deps: installing ${missing[*]}" >&2
needs_update=0
for p in "${missing[@]}"; do
  if ! apt-cache show "$p" >/dev/null 2>&1; then needs_update=1; break; fi
done
if [ "$needs_update" -eq 1 ]; then
  $sudo apt-get update -qq >/dev/null
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done" >&2
