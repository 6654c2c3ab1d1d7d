#!/usr/bin/env bash
# Prints the broker benchmark table: added latency vs direct, maximum requests/s, resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl provider -am install -DskipTests
exec mvn -q -B -pl provider exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=ai.zerog.compute.provider.BrokerBenchmark
