#!/usr/bin/env bash
# Runs slurm4j's shell benchmarks (LocalShell and RemoteShell latency, concurrency and cold start;
# see benchmarks/SHELLS.md) against already built jars and prints a
# Markdown table of ratios and absolute medians. Builds nothing: first run, from the repository root,
#   mvn -B -q -pl benchmarks,samples -am package -DskipTests -Djacoco.skip=true
# Needs the lab (scripts/lab.sh up): sshd on 127.0.0.1:2222 for alice with the lab's key and
# known_hosts, and a local Slurm for `jobs --all`.
#
# One run = one JMH invocation (LatencyBenchmark + ConcurrencyBenchmark, SampleTime, medians) and
# one ColdStart run (fresh JVMs, interleaved). RUNS=N repeats the whole run N times (each in its
# own folder) and the report shows every run and the spread: the machine may be shared with
# other builds, so one run is one sample.
#
# Environment: JAVA (java), RUNS (1), OUT (benchmarks/target/shell-results), JMH_ARGS (extra JMH
# options, e.g. "-wi 1 -i 2"), REPS (30 timed cold-start rounds), WARMUP (3), SAMPLES_JAR
# (samples/target/slurm4j-samples.jar), SSH_KEY, SSH_KNOWN_HOSTS (the lab's), JMH_IGNORE_LOCK=1
# (run although another JMH holds /tmp/jmh.lock: both measurements are then disturbed; say so).
# The lab is shared: a fault test that stops sshd while this runs fails the SSH benchmarks
# (JMH prints the ShellException and the report shows n/a); run again.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/target/benchmarks.jar}
SAMPLES_JAR=${SAMPLES_JAR:-$HERE/../samples/target/slurm4j-samples.jar}
OUT=${OUT:-$HERE/target/shell-results}
JAVA=${JAVA:-java}
RUNS=${RUNS:-1}
REPS=${REPS:-30}
WARMUP=${WARMUP:-3}
JMH_ARGS=${JMH_ARGS:-}
SSH_KEY=${SSH_KEY:-/var/lib/slurm4j-lab/ssh/id_ed25519}
SSH_KNOWN_HOSTS=${SSH_KNOWN_HOSTS:-/var/lib/slurm4j-lab/ssh/known_hosts}
PKG=io.github.slurm4j.benchmarks.shell
JMH_JVM_ARGS=()
if [[ "${JMH_IGNORE_LOCK:-0}" == 1 ]]; then
  JMH_JVM_ARGS+=(-Djmh.ignoreLock=true)
fi

for f in "$JAR" "$SAMPLES_JAR"; do
  if [[ ! -f "$f" ]]; then
    echo "no $f: build first with mvn -B -q -pl benchmarks,samples -am package -DskipTests -Djacoco.skip=true" >&2
    exit 2
  fi
done
for f in "$SSH_KEY" "$SSH_KNOWN_HOSTS"; do
  if [[ ! -r "$f" ]]; then
    echo "cannot read $f: is the lab up (scripts/lab.sh up, as root)?" >&2
    exit 2
  fi
done

dirs=()
for run in $(seq 1 "$RUNS"); do
  dir=$OUT/run-$run
  rm -rf "$dir"
  mkdir -p "$dir"
  start=$(date +%s)
  echo "== run $run/$RUNS: JMH ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # shellcheck disable=SC2086
  if ! "$JAVA" "${JMH_JVM_ARGS[@]}" -jar "$JAR" "$PKG\.(LatencyBenchmark|ConcurrencyBenchmark)\." $JMH_ARGS -rf json -rff "$dir/jmh.json" \
      -jvmArgsAppend "-Dslurm4j.bench.ssh.key=$SSH_KEY -Dslurm4j.bench.ssh.knownHosts=$SSH_KNOWN_HOSTS" \
      > "$dir/jmh.txt" 2>&1; then
    echo "JMH FAILED, see $dir/jmh.txt" >&2
    tail -30 "$dir/jmh.txt" >&2
  fi
  if grep -q -E '<failure>|Exception' "$dir/jmh.txt"; then
    echo "JMH reported errors (the report shows n/a for those benchmarks), see $dir/jmh.txt:" >&2
    grep -E -m 5 'Exception' "$dir/jmh.txt" >&2 || true
  fi
  echo "== run $run/$RUNS: cold start ($REPS rounds after $WARMUP warm-up; load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  if ! "$JAVA" -cp "$JAR" $PKG.ColdStart --samples-jar "$SAMPLES_JAR" --reps "$REPS" --warmup "$WARMUP" \
      --java "$(command -v "$JAVA")" > "$dir/coldstart.properties" 2> "$dir/coldstart.err"; then
    echo "cold start FAILED, see $dir/coldstart.err:" >&2
    tail -20 "$dir/coldstart.err" >&2
  fi
  echo "== run $run/$RUNS took $(( $(date +%s) - start )) s; load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  dirs+=("$dir")
done

"$JAVA" -cp "$JAR" $PKG.ShellReport "${dirs[@]}" | tee "$OUT/report.md"
