#!/usr/bin/env bash
# Prints the SDK's JMH figures in ns/op: getRequestHeaders on the cached path and on a cold token,
# and processResponse verification (against a local broker on a fresh anvil). About two minutes.
# Extra arguments go to JMH: options (-prof gc) and/or a benchmark regex (SdkBenchmark.requestHeaders).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
args=("$@")
if [ ${#args[@]} -eq 0 ] || [ "${args[0]#-}" != "${args[0]}" ]; then
  args=(SdkBenchmark "${args[@]}")
fi
mvn -q -B -pl sdk -am install -DskipTests
exec mvn -q -B -pl sdk -Pbench test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-cp %classpath org.openjdk.jmh.Main -foe true ${args[*]}"
