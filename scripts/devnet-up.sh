#!/usr/bin/env bash
# Starts a local devnet (anvil + our contracts at the official chain-31337 addresses) until Ctrl-C.
# Usage: scripts/devnet-up.sh [port] [data-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl chain -am install -DskipTests
exec mvn -q -B -pl chain exec:java -Dexec.mainClass=ai.zerog.compute.chain.DevnetMain \
  -Dexec.args="${1:-8545} ${2:-devnet-data}"
