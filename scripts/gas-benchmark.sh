#!/usr/bin/env bash
# Prints the gas table (ours vs the official contracts, one fresh anvil, one run).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl chain -am install -DskipTests
exec mvn -q -B -pl chain exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=ai.zerog.compute.chain.GasBenchmark
