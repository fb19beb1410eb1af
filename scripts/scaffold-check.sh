#!/usr/bin/env bash
# Generates a package for each kind of design with `ipm scaffold` and builds and tests it against this
# checkout: the promise that a scaffold compiles and its tests pass as generated.
# All packages share one scratch folder, so IntegrationPatterns is compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ipm="$root/.build/debug/ipm"
work="$root/.build/scaffold-check"
scratch="$work/.scratch"
mkdir -p "$work"
designs=(
  "stripe-webhooks|--kind push --guarantee at-least-once --errors transient,permanent,partial --provider stripe"
  "standard-webhooks|--kind push --guarantee exactly-once --errors transient,permanent --provider standard-webhooks"
  "github-hooks|--kind push --guarantee at-most-once --errors permanent --provider github"
  "airbnb-calendar|--kind pull --guarantee at-least-once --errors transient,partial --provider airbnb"
  "api-poller|--kind pull --guarantee at-least-once --errors transient --provider generic-http"
  "two-way-sync|--kind bidirectional --guarantee at-least-once --errors transient,permanent,partial --provider generic-http"
)
failed=0
for entry in "${designs[@]}"; do
  name=${entry%%|*}
  flags=${entry#*|}
  out="$work/$name"
  rm -rf "$out"
  # shellcheck disable=SC2086
  "$ipm" scaffold $flags --name "$name" --out "$out" --package-path "$root" --no-input > /dev/null
  log="$work/$name.log"
  if (cd "$out" && swift build --build-tests --scratch-path "$scratch" > "$log" 2>&1 \
      && swift test --skip-build --scratch-path "$scratch" >> "$log" 2>&1); then
    summary=$(grep -E "Test run with [0-9]+ tests" "$log" | tail -1 | sed -E 's/.*(Test run with [0-9]+ tests in [0-9]+ suites).*/\1/')
    echo "scaffold: $name builds; ${summary:-tests ran} passed"
  else
    echo "scaffold: $name FAILED (log: $log)" >&2
    grep -E "error:|✘" "$log" | head -20 >&2 || true
    failed=1
  fi
done
exit $failed
