#!/usr/bin/env bash
# Captures the outputs of one lab cluster into the fixtures: one folder per case with `cmd`
# (the command line, run with `bash -c` inside the cluster from /tmp with LANG=C.UTF-8), `stdout`,
# `stderr` and `rc`, plus an INDEX.md. The case names are those of the slurm-22.05 corpus where the
# scenario is the same. A new Slurm release is one run of this script away.
#
# Usage (as root, with the lab up: scripts/lab.sh up):
#   scripts/capture.sh <version>      24.11 or 26.05: writes slurm-fixtures/.../fixtures/slurm-<version>
# The script submits its own jobs (named cap-*), stops and starts the cluster's slurmctld once
# (the ctld-down-* cases) and cancels what it left running.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
LAB_DIR=${SLURM4J_LAB_DIR:-/var/lib/slurm4j-lab}
V=${1:-}
case $V in
  24.11 | 26.05) ;;
  *) echo "usage: $0 <24.11|26.05>" >&2; exit 2 ;;
esac
[ "$(id -u)" = 0 ] || { echo "$0 needs root (it runs commands inside the lab chroot)" >&2; exit 1; }
CHROOT=$LAB_DIR/chroots/$V
OUT=$ROOT/slurm-fixtures/src/main/resources/fixtures/slurm-$V
[ -x "$CHROOT/usr/bin/scontrol" ] || { echo "no lab chroot for $V at $CHROOT; run scripts/lab.sh up" >&2; exit 1; }

log() { printf '[capture %s] %s\n' "$V" "$*"; }
# run_in <command line>: runs it inside the cluster as root, from /tmp, in the environment of the fixtures
run_in() { env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root chroot "$CHROOT" bash -c "cd /tmp && $1"; }
INDEX=()
# cap <case> <description> <command line>
cap() {
  local name=$1 what=$2 cmd=$3 dir=$OUT/$1 rc=0
  mkdir -p "$dir"
  printf '%s\n' "$cmd" >"$dir/cmd"
  run_in "$cmd" >"$dir/stdout" 2>"$dir/stderr" || rc=$?
  echo "$rc" >"$dir/rc"
  INDEX+=("- \`$name\` — $what (rc $rc)")
  log "$name: rc $rc, $(wc -c <"$dir/stdout") bytes"
}
# submit <sbatch arguments...>: the job id (as root unless the arguments start with runuser)
submit() { run_in "sbatch --parsable --chdir=/tmp --output=/dev/null $*" | cut -d';' -f1; }
state_of() { run_in "squeue -h -j $1 -o %T 2>/dev/null || true"; }
sacct_state() { run_in "sacct -n -X -P -j $1 -o State 2>/dev/null | head -n1"; }
# wait_until <seconds> <command line>: polls until the command succeeds
wait_until() {
  local t0=$SECONDS
  until run_in "$2" >/dev/null 2>&1; do
    ((SECONDS - t0 < $1)) || { log "gave up waiting for: $2"; return 1; }
    sleep 0.5
  done
}

rm -rf "$OUT"
mkdir -p "$OUT"
T0=$SECONDS
TODAY=$(date +%F)

# ------------------------------------------------------------------ scenery: jobs in known states
done_id=$(submit -J cap-completed --wrap "'sleep 1'")
fail_id=$(submit -J cap-fail-exit3 --wrap "'exit 3'")
arr_id=$(submit -J cap-array --array=1-4 --wrap "'exit \$((SLURM_ARRAY_TASK_ID % 2))'")
run_id=$(submit -J cap-running "--comment='key=value spaces = signs'" --wrap "'srun sleep 600'")
held_id=$(run_in "runuser -u alice -- sbatch --parsable -H -J held-by-alice --chdir=/tmp --output=/dev/null --wrap 'sleep 60'")
dep_id=$(submit -J cap-dependent --dependency=afterok:"$held_id" --wrap true)
begin_id=$(submit -J cap-cancelled-pending --begin=now+1hour --wrap true)
run_in "scancel $begin_id"
log "jobs: completed $done_id, exit3 $fail_id, array $arr_id, running $run_id, held $held_id, dependent $dep_id, cancelled $begin_id"
wait_until 60 "[ \"\$(sacct -n -X -P -j $done_id -o State | head -n1)\" = COMPLETED ]"
wait_until 60 "[ \"\$(sacct -n -X -P -j $fail_id -o State | head -n1)\" = FAILED ]"
wait_until 60 "[ \"\$(squeue -h -j $run_id -o %T)\" = RUNNING ] && sacct -n -P -j $run_id -o JobID | grep -qx $run_id.0"
wait_until 60 "[ -z \"\$(squeue -h -j $arr_id -o %T)\" ]"
wait_until 30 "[ \"\$(sacct -n -X -P -j $arr_id -o State | sort -u | tr '\n' ' ')\" = 'COMPLETED FAILED ' ]"
wait_until 30 "squeue -h -j $dep_id -o %r | grep -q Dependency"
# sstat needs a sample of the running steps (JobAcctGatherFrequency=5)
sleep 6

# ------------------------------------------------------------------ submissions and refusals
cap sbatch-parsable-success "sbatch --parsable: bare job id" "sbatch --parsable -J cap-parsable --chdir=/tmp --output=/dev/null --hold --wrap true"
run_in "scancel -n cap-parsable"
cap runuser-alice-sbatch-hold "alice sbatch -H: \"Submitted batch job N\"" "runuser -u alice -- sbatch -H -J held-by-alice-2 --chdir=/tmp --output=/dev/null --wrap 'sleep 60'"
run_in "scancel -n held-by-alice-2"
cap sbatch-error-invalid-partition "sbatch -p nosuchpart" "sbatch -p nosuchpart --wrap true"
cap sbatch-error-invalid-account "sbatch -A nosuchacct" "sbatch -A nosuchacct --wrap true"
cap sbatch-error-stdin-empty "sbatch < /dev/null: empty script" "sbatch < /dev/null"
cap runuser-alice-update-priority-held "alice sets Priority on her held job: refused (held state)" "runuser -u alice -- scontrol update JobId=$held_id Priority=99999"
cap runuser-alice-release-others-job "alice releases root's job: refused" "runuser -u alice -- scontrol release $dep_id"
cap scontrol-hold-error-invalid-id "scontrol hold 999999" "scontrol hold 999999"
cap scontrol-update-error-invalid-id "scontrol update JobId=999999" "scontrol update JobId=999999 Nice=1"
cap scancel-verbose-error-invalid-id "scancel -v 999999" "scancel -v 999999"
cap squeue-error-invalid-job "squeue -j 999999" "squeue -j 999999"
cap squeue-error-invalid-user "squeue -u nosuchuser" "squeue -u nosuchuser"
cap scontrol-node-error-unknown "scontrol show node nosuchnode" "scontrol show node nosuchnode"
cap scontrol-suspend-error-pending "scontrol suspend of a pending (held) job" "scontrol suspend $held_id"

# ------------------------------------------------------------------ jobs
cap scontrol-job-completed "scontrol show job of a completed job" "scontrol show job $done_id"
cap scontrol-job-failed-exit3 "a job exiting 3: ExitCode=3:0" "scontrol show job $fail_id"
cap scontrol-job-oneliner-running "-o for a running job with a Comment with spaces and '='" "scontrol -o show job $run_id"
cap scontrol-job-running-detail "-d for a running job with an srun step" "scontrol -d show job $run_id"
cap scontrol-job-pending-held-user "sbatch -H by alice: JobHeldUser" "scontrol show job $held_id"
cap scontrol-job-pending-dependency "--dependency=afterok on a held job: Reason=Dependency" "scontrol show job $dep_id"
cap scontrol-job-array-finished-mixed "finished array, odd tasks exit 1" "scontrol show job $arr_id"
cap scontrol-job-cancelled-before-start "job cancelled while pending (--begin)" "scontrol show job $begin_id"
cap scontrol-job-all-oneliner "scontrol -o show job, every job" "scontrol -o show job"
cap scontrol-json-show-job "scontrol --json show job of the running job" "scontrol --json show job $run_id"
cap scontrol-show-step-running "scontrol show step of the running srun step" "scontrol show step $run_id.0"
cap scontrol-listpids-running "scontrol listpids of a running job" "scontrol listpids $run_id"
cap squeue-custom-pipe-header "squeue -o with '|' and a header" "squeue -o \"%i|%j|%u|%T|%M|%l|%D|%C|%R\""
cap squeue-user-alice "squeue -u alice (default format)" "squeue -u alice"
cap squeue-json "squeue --json" "squeue --json"
cap sstat-parsable-running-allsteps "sstat -P -a of the running job" "sstat -P -a -j $run_id"
cap sacct-brief "sacct -a -b" "sacct -a -b -S $TODAY"
cap sacct-parsable2-many-fields-all "sacct -a -P with 43 fields" "sacct -a -P -S $TODAY -o JobID,JobIDRaw,JobName,User,Group,Account,Partition,QOS,State,ExitCode,DerivedExitCode,Reason,Elapsed,ElapsedRaw,Timelimit,TotalCPU,UserCPU,SystemCPU,CPUTime,CPUTimeRAW,AllocCPUS,NCPUS,ReqCPUS,NNodes,NTasks,ReqMem,MaxRSS,MaxRSSNode,AveRSS,MaxVMSize,ReqTRES,AllocTRES,NodeList,Submit,Eligible,Start,End,Suspended,Priority,WorkDir,Comment,Constraints,Flags"
cap sacct-array-job "sacct -P of the finished array" "sacct -P -j $arr_id -o JobID,JobIDRaw,JobName,State,ExitCode"
cap sacct-json "sacct --json of the capture's completed, failed, array and running jobs" "sacct --json -j $done_id,$fail_id,$arr_id,$run_id"

# ------------------------------------------------------------------ nodes, partitions, cluster
cap sinfo-default-rich "sinfo with idle/mix, drain*, down*, unk* rows" "sinfo"
cap sinfo-json "sinfo --json" "sinfo --json"
cap scontrol-node-all-multiline "scontrol show node, all 6 nodes" "scontrol show node"
cap scontrol-json-show-node "scontrol --json show node, all 6 nodes" "scontrol --json show node"
cap scontrol-node-drained-reason-spaces "scontrol show node cpu01: drained, Reason with spaces" "scontrol show node cpu01"
cap scontrol-node-down-reason "scontrol show node cpu03: DOWN, Reason with ',' and '='" "scontrol show node cpu03"
cap scontrol-partition-all "scontrol show partition, 6 partitions" "scontrol show partition"
cap sacctmgr-show-assoc-parsable "sacctmgr -P show assoc with limits" "sacctmgr -P show assoc format=Cluster,Account,User,Partition,Share,MaxJobs,MaxSubmit,QOS,DefaultQOS"
cap scontrol-ping "scontrol ping, controller up" "scontrol ping"

# ------------------------------------------------------------------ slurmrestd
# slurmrestd as alice on a unix socket inside the chroot (rest_auth/local takes the peer's uid, so
# the client runs with alice's uid too); one GET per endpoint and data parser the version serves.
# stdout is the response body, stderr the status line; rc 0 for HTTP 200.
RESTD_SOCK=/tmp/slurm4j-capture-restd.sock
restd_get() {
  local name=$1 path=$2 dir=$OUT/$1 uid status rc
  uid=$(run_in "id -u alice")
  mkdir -p "$dir"
  printf 'GET %s  (slurmrestd -a rest_auth/local unix:%s, as alice)\n' "$path" "$RESTD_SOCK" >"$dir/cmd"
  setpriv --reuid="$uid" --regid="$uid" --clear-groups /usr/bin/python3 - "$CHROOT$RESTD_SOCK" "$path" >"$dir/stdout" 2>"$dir/stderr" <<'PY'
import socket, sys
sock, path = sys.argv[1:3]
s = socket.socket(socket.AF_UNIX)
s.settimeout(30)
s.connect(sock)
s.sendall(("GET %s HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n" % path).encode())
data = b""
while True:
    b = s.recv(65536)
    if not b:
        break
    data += b
head, _, body = data.partition(b"\r\n\r\n")
sys.stdout.buffer.write(body)
sys.stderr.buffer.write(head.split(b"\r\n")[0] + b"\n")
PY
  status=$(cut -d' ' -f2 "$dir/stderr")
  rc=1
  [ "$status" = 200 ] && rc=0
  echo "$rc" >"$dir/rc"
  INDEX+=("- \`$name\` — slurmrestd GET $path as alice: HTTP $status (rc $rc)")
  log "$name: HTTP $status, $(wc -c <"$dir/stdout") bytes"
}
if [ -x "$CHROOT/usr/sbin/slurmrestd" ] && [ -x /usr/bin/python3 ]; then
  rm -f "$CHROOT$RESTD_SOCK"
  setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 chroot "$CHROOT" \
    runuser -u alice -- slurmrestd -a rest_auth/local "unix:$RESTD_SOCK" >/tmp/slurm4j-capture-restd.log 2>&1 &
  RESTD_PID=$!
  for _ in $(seq 50); do [ -S "$CHROOT$RESTD_SOCK" ] && break; sleep 0.2; done
  for p in $(run_in "runuser -u alice -- slurmrestd -d list 2>&1" | grep -oE 'data_parser/v0\.0\.[0-9]+' | sort -u | cut -d/ -f2); do
    restd_get "slurmrestd-$p-job" "/slurm/$p/job/$run_id"
    restd_get "slurmrestd-$p-nodes" "/slurm/$p/nodes"
  done
  # runuser does not always pass TERM on: the whole process group, KILL after a second
  kill -- "-$RESTD_PID" 2>/dev/null || true
  sleep 1
  kill -KILL -- "-$RESTD_PID" 2>/dev/null || true
  wait "$RESTD_PID" 2>/dev/null || true
  rm -f "$CHROOT$RESTD_SOCK"
fi

# ------------------------------------------------------------------ slurmctld stopped
bash "$HERE/lab.sh" stop "slurmctld@$V" >/dev/null
cap ctld-down-scontrol-ping "scontrol ping with slurmctld stopped" "scontrol ping"
cap ctld-down-squeue "squeue with slurmctld stopped" "squeue"
cap ctld-down-sbatch-parsable "sbatch --parsable with slurmctld stopped" "sbatch --parsable --wrap true"
cap ctld-down-sacct-still-works "sacct while slurmctld is stopped: answers from slurmdbd" "sacct -X -P -j $done_id -o JobID,JobName,State"
bash "$HERE/lab.sh" start "slurmctld@$V" >/dev/null

run_in "scancel $run_id $held_id $dep_id" || true

{
  echo "# Slurm $(run_in 'sinfo --version' | awk '{print $2}') fixtures — real outputs, index"
  echo
  echo "Captured by \`scripts/capture.sh $V\` on the lab's Slurm $V cluster (a Debian chroot, see \`scripts/lab.sh\`):"
  echo "each folder holds \`cmd\` (run with bash -c inside the cluster, from /tmp, LANG=C.UTF-8), \`stdout\`, \`stderr\`, \`rc\`."
  echo "Job ids are those of the capture run; \`runuser -u alice --\` means the command ran as alice. Same case"
  echo "names as slurm-22.05 where the scenario is the same."
  echo
  printf '%s\n' "${INDEX[@]}"
} >"$OUT/INDEX.md"
log "${#INDEX[@]} cases in $OUT ($(du -sh "$OUT" | cut -f1)), $((SECONDS - T0)) s"
