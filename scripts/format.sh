#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format, then lints them with the same rules.
# Usage: scripts/format.sh [--check]   (--check only lints, for a pre-commit hook)
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Benchmarks/IPMBench Plugins)
if [ "${1:-}" != "--check" ]; then
  swift format format --in-place --recursive --configuration .swift-format "${paths[@]}"
fi
swift format lint --recursive --configuration .swift-format "${paths[@]}"
