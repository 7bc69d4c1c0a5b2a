#!/usr/bin/env bash
# The main sample: builds the samples jar and runs cluster-stats --demo --once: the dashboard
# statistics of a simulated cluster seeded from real captured node outputs, printed as the JSON
# object Redis would hold (no Slurm, no Redis needed). Extra arguments go to cluster-stats.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null 2>&1 || { [ "$(id -u)" = 0 ] && apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q openjdk-17-jdk-headless maven; }
jar=samples/target/slurm4j-samples.jar
if [ ! -f "$jar" ] || [ -n "$(find slurm-model slurm-parsers slurm-shell slurm-exec slurm-exec-ssh slurm-testkit slurm-redis samples -name '*.java' -newer "$jar" -print -quit)" ]; then
  mvn -B -q -ntp -DskipTests -Djacoco.skip=true -pl samples -am package
fi
exec java -jar "$jar" cluster-stats --demo --once "$@"
