#!/usr/bin/env bash
# Runs the whole test suite (real anvil, real solc-js; node tools are installed on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
exec mvn -B verify "$@"
