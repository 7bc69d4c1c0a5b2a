#!/usr/bin/env bash
# Runs the slurm4j benchmark suite against an already built jar and prints a Markdown table of
# ratios and sizes. Builds nothing: first run, from the repository root,
#   mvn -B -q -pl benchmarks -am package -DskipTests -Djacoco.skip=true
#
# Steps: generate the inputs (once; reused while present), stream all jobs in a -Xmx64m JVM and
# compare them with the generator, measure retained sizes (one JVM per mode, SerialGC), run the
# JMH suite, print the table. Speed targets are reported as ratios from this one run, never
# asserted.
#
# Environment: JAVA (java), JOBS (100000), OUT (benchmarks/target/bench-results),
# DATA (benchmarks/target/bench-data; no spaces), JMH_ARGS (extra JMH options, e.g. "-wi 1 -i 2"),
# PROFILE=1 also runs the parser benchmark once under JMH's stack profiler (adds ~40 s).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
OUT=${OUT:-$HERE/target/bench-results}
DATA=${DATA:-$HERE/target/bench-data}
JOBS=${JOBS:-100000}
JAVA=${JAVA:-java}
JMH_ARGS=${JMH_ARGS:-}
PKG=io.github.slurm4j.benchmarks

if [[ ! -f "$JAR" ]]; then
  echo "no $JAR: build it first with mvn -B -q -pl benchmarks -am package -DskipTests -Djacoco.skip=true" >&2
  exit 2
fi
mkdir -p "$OUT" "$DATA"
CHECKS=$OUT/checks.properties
: > "$CHECKS"
echo "jobs=$JOBS" >> "$CHECKS"
start=$(date +%s)

echo "== inputs" >&2
"$JAVA" -cp "$JAR" $PKG.Generator "$DATA" "$JOBS" > "$OUT/inputs.txt"
cat "$OUT/inputs.txt" >&2
TEXT=$(sed -n 1p "$OUT/inputs.txt" | cut -f1)
JSON=$(sed -n 2p "$OUT/inputs.txt" | cut -f1)
echo "input.scontrol.bytes=$(stat -c %s "$TEXT")" >> "$CHECKS"
echo "input.json.bytes=$(stat -c %s "$JSON")" >> "$CHECKS"

echo "== streaming with -Xmx64m" >&2
if ! "$JAVA" -Xmx64m -cp "$JAR" $PKG.StreamingCheck "$TEXT" "$JOBS" > "$OUT/streaming.properties" 2> "$OUT/streaming.err"; then
  echo "streaming check FAILED, see $OUT/streaming.err:" >&2
  head -20 "$OUT/streaming.err" >&2
fi
cat "$OUT/streaming.properties" >> "$CHECKS"

echo "== retained sizes" >&2
for mode in jobs maps lines; do
  if ! "$JAVA" -XX:+UseSerialGC -Xms3g -Xmx3g -cp "$JAR" $PKG.RetainedSize "$mode" "$TEXT" >> "$CHECKS" 2> "$OUT/retained-$mode.err"; then
    echo "retained size ($mode) FAILED, see $OUT/retained-$mode.err" >&2
  fi
done

echo "== JMH" >&2
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" "$PKG.ParseBenchmark" $JMH_ARGS -rf json -rff "$OUT/jmh.json" \
  -jvmArgsAppend "-Dslurm4j.bench.dir=$DATA -Dslurm4j.bench.jobs=$JOBS" > "$OUT/jmh.txt" 2>&1 \
  || { echo "JMH FAILED, see $OUT/jmh.txt" >&2; tail -30 "$OUT/jmh.txt" >&2; }
grep -E '^(Benchmark|ParseBenchmark)' "$OUT/jmh.txt" >&2 || true

if [[ "${PROFILE:-0}" == 1 ]]; then
  echo "== JMH stack profile of the parser" >&2
  "$JAVA" -jar "$JAR" "$PKG.ParseBenchmark.scontrolParser" -wi 2 -i 3 -prof "stack:lines=3;top=25;detailLine=true" \
    -jvmArgsAppend "-Dslurm4j.bench.dir=$DATA -Dslurm4j.bench.jobs=$JOBS" > "$OUT/jmh-stack.txt" 2>&1 \
    || echo "profiling FAILED, see $OUT/jmh-stack.txt" >&2
fi

echo "== report ($(( $(date +%s) - start )) s, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"$JAVA" -cp "$JAR" $PKG.Report "$OUT/jmh.json" "$CHECKS" | tee "$OUT/report.md"
