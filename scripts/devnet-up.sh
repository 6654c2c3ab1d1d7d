#!/usr/bin/env bash
# Starts a local devnet until Ctrl-C: anvil + our contracts at the official chain-31337 addresses,
# one provider broker serving the dev model, a funded dev wallet and a verified chat through it.
# Usage: scripts/devnet-up.sh [rpcPort=8545] [providerPort=8080] [dataDir=devnet-data]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl provider -am install -DskipTests
exec mvn -q -B -pl provider exec:java -Dexec.mainClass=ai.zerog.compute.provider.DevnetMain \
  -Dexec.args="${1:-8545} ${2:-8080} ${3:-devnet-data}"
