#!/usr/bin/env bash
# The jobs façade benchmark: SlurmJobs.myJobs of one user against the raw squeue + sacct it runs.
# Needs the lab (scripts/lab.sh up), root, and the built jar:
#   mvn -B -q -pl benchmarks -am package -DskipTests -Djacoco.skip=true
# Makes the lab state once (MyJobsLab setup: held jobs and finished jobs of alice, reused while
# present), runs MyJobsInterleaved (per-round ratios) and JMH's MyJobsBenchmark, then cancels the
# held jobs (the finished ones stay in accounting for the next run). KEEP=1 keeps the held jobs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
JAVA=${JAVA:-java}
PKG=io.github.slurm4j.benchmarks.jobs
cleanup() { [[ "${KEEP:-0}" == 1 ]] || "$JAVA" -cp "$JAR" $PKG.MyJobsLab cleanup; }
trap cleanup EXIT
"$JAVA" -cp "$JAR" $PKG.MyJobsLab setup
"$JAVA" -cp "$JAR" $PKG.MyJobsInterleaved "${ROUNDS:-10}" 3
exec_args=(-wi "${WI:-5}" -i "${I:-5}")
"$JAVA" -jar "$JAR" "$PKG.MyJobsBenchmark" "${exec_args[@]}" "$@"
