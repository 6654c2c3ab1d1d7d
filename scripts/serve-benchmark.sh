#!/usr/bin/env bash
# Prints the `inference serve` table: ours vs the official 0g-compute-cli 0.9.0 (npm, installed on
# first use outside the work tree) on one in-process devnet: requests/s, p50/p99 and proxy CPU per
# answer at concurrency 1 and 16, then --help and get-account start-up. About four minutes.
# Extra arguments go to the benchmark JVM as -Dbench.* settings, e.g. -Dbench.rounds=5
# -Dbench.concurrency=1,16,64 -Dbench.jfr=/tmp/jfr (see ServeBenchmark). For steady figures run it
# alone: flock /tmp/zg-mvn.lock scripts/serve-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
mvn -q -B -pl cli -am install -DskipTests
exec mvn -q -B -pl cli test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable="$JAVA_HOME/bin/java" \
  -Dexec.args="-Xmx1g $* -Dbench.cliJar=$PWD/cli/target/0g-compute-cli.jar -cp %classpath ai.zerog.compute.cli.bench.ServeBenchmark"
