#!/usr/bin/env bash
# Interop checks against the peer libraries, in the venv that scripts/venv.sh creates.
# Each check is a Python script under scripts/interop/ that receives the path of the debug ipm binary.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
checks=(scripts/interop/*.py)
[ ${#checks[@]} -eq 0 ] && exit 0
python=$(scripts/venv.sh)
failed=0
for check in "${checks[@]}"; do
  if "$python" "$check" "$PWD/.build/debug/ipm"; then
    echo "interop: $(basename "$check" .py) passed"
  else
    echo "interop: $(basename "$check" .py) FAILED" >&2
    failed=1
  fi
done
exit $failed
