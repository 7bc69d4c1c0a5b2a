#!/usr/bin/env bash
# The main sample: builds the samples jar and runs the parse tool on a real captured output
# (scontrol -o show job of a running job whose comment holds spaces and '=' signs).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven; }
jar=samples/target/slurm4j-samples.jar
if [ ! -f "$jar" ] || [ -n "$(find slurm-model slurm-parsers slurm-shell slurm-exec slurm-exec-ssh samples -name '*.java' -newer "$jar" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests -Djacoco.skip=true -pl samples -am package
fi
case="slurm-fixtures/src/main/resources/fixtures/slurm-22.05/scontrol-job-oneliner-running"
exec java -jar "$jar" parse --cmd "$(cat "$case/cmd")" --stdout "$case/stdout" --stderr "$case/stderr" --rc "$(cat "$case/rc")" --tz UTC "$@"
