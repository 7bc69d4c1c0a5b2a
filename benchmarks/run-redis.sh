#!/usr/bin/env bash
# The Redis snapshot benchmark: compute + atomic write of a 10,000-node / 100,000-job snapshot vs
# the same run's floors (the same bytes sent as pipelined RPUSH+HSET: one RPUSH per row, the
# issue's floor, and in batches of 1,000, a stricter one) and one command per row.
# Needs the test Redis (scripts/redis.sh up) and the built jar:
#   mvn -B -q -pl benchmarks -am package -DskipTests -Djacoco.skip=true
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
"$HERE/../scripts/redis.sh" status >/dev/null || "$HERE/../scripts/redis.sh" up
# per-round ratios first (steadier on a shared machine), then JMH
${JAVA:-java} -Xmx2g -cp "$JAR" io.github.slurm4j.benchmarks.redis.SnapshotInterleaved "${ROUNDS:-10}" 3
exec ${JAVA:-java} -jar "$JAR" 'io.github.slurm4j.benchmarks.redis.RedisSnapshotBenchmark' -wi ${WI:-1} -i ${I:-3} "$@"
