#!/usr/bin/env bash
# Creates .build/venv with the peer Python libraries (never installed into the system or the runtime).
# Idempotent: reinstalls only when scripts/requirements.txt changed. Prints the venv's python path.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/venv
stamp=$venv/.requirements
if [ ! -x "$venv/bin/python" ] || ! cmp -s scripts/requirements.txt "$stamp"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/requirements.txt >&2
  cp scripts/requirements.txt "$stamp"
fi
echo "$PWD/$venv/bin/python"
