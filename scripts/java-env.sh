# Sourced by the scripts: picks a JDK 21+ (Temurin 25 where the machine has it).
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  elif java -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    echo "A JDK 21 or newer is required: install one (e.g. Temurin 25) and set JAVA_HOME." >&2
    exit 1
  fi
fi
export PATH="$JAVA_HOME/bin:$PATH"
for tool in mvn node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "'$tool' is required: install Maven and Node.js 20+ with npm (e.g. apt-get install maven nodejs npm)." >&2
    exit 1
  fi
done
