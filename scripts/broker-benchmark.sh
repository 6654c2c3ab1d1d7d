#!/usr/bin/env bash
# Prints the broker benchmark tables: added latency and CPU per request vs direct, maximum
# requests/s, resident memory. Extra arguments go to Maven, e.g. -Dbenchmark.parts=throughput
# (instant, paced, memory, throughput) or -Dbroker.profile=/tmp/jfr (a JFR recording per measured row).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl provider -am install -DskipTests
exec mvn -q -B -pl provider exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=ai.zerog.compute.provider.BrokerBenchmark "$@"
