#!/usr/bin/env bash
# Captures the outputs of one lab cluster into the fixtures: one folder per case with `cmd`
# (the command line, run with `bash -c` inside the cluster from /tmp with LANG=C.UTF-8), `stdout`,
# `stderr` and `rc`, plus an INDEX.md. The case names are those of the slurm-22.05 corpus where the
# scenario is the same. A new Slurm release is one run of this script away.
#
# Usage (as root, with the lab up: scripts/lab.sh up):
#   scripts/capture.sh <version>      24.11 or 26.05: writes slurm-fixtures/.../fixtures/slurm-<version>
# The script submits its own jobs (as root, alice and bob), creates two reservations (deleted at the
# end), drains cpu01 again with the lab's own reason, keeps one job in COMPLETING for 25 s (the lab's
# slow-epilog marker), stops and starts the cluster's slurmdbd and slurmctld once each (the dbd-down-*
# and ctld-down-* cases) and, on exit, cancels every job it submitted.
# seff (Slurm's contribs, not packaged by Debian): /usr/local/bin/seff of the chroot, or
#   SLURM4J_SEFF=<copy of contribs/seff/seff of that release> scripts/capture.sh <version>
# installs it there with Debian's Slurm perl bindings; without either the seff cases are left out.
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
run_in() { env -i PATH=/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root chroot "$CHROOT" bash -c "cd /tmp && $1"; }
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
# every job the capture submits (also alice's and bob's); all are cancelled on exit
JOBS=()
track() { if [ -n "$1" ]; then JOBS+=("$1"); fi; }
# cap_submit <case> <description> <sbatch command line>: like cap; LAST_ID is the job id it printed ("" if refused)
cap_submit() {
  cap "$@"
  LAST_ID=$(grep -oE '^(Submitted batch job )?[0-9]+' "$OUT/$1/stdout" | grep -oE '[0-9]+$' | head -n1 || true)
  track "$LAST_ID"
}
# the 22.05 cases this run does not make, and why (into INDEX.md)
NOT_CAPTURED=()
# cap_accepted <case if accepted> <case if refused> <description> <sbatch command line>: a submission
# 22.05 accepted; when this version refuses it, the case is kept under the second name
cap_accepted() {
  local ok=$1 ko=$2
  shift 2
  cap_submit "$ok" "$@"
  if [ "$(cat "$OUT/$ok/rc")" != 0 ]; then
    rm -rf "${OUT:?}/$ko"
    mv "$OUT/$ok" "$OUT/$ko"
    INDEX[-1]=${INDEX[-1]/\`$ok\`/\`$ko\`}
    NOT_CAPTURED+=("\`$ok\` — $V refuses the submission: see \`$ko\`")
    log "$ok: refused, kept as $ko"
  fi
}
# job_field <job> <Key>: Key's value in scontrol show job (first record)
job_field() { run_in "scontrol -o show job $1 2>/dev/null" | grep -oE "(^| )$2=[^ ]*" | head -n1 | cut -d= -f2-; }
# wait_job <seconds> <job> <JobState> [Reason]: polls scontrol show job until the job is in that state (and reason)
wait_job() {
  local t0=$SECONDS s r
  while :; do
    s=$(job_field "$2" JobState)
    r=$(job_field "$2" Reason)
    [ "$s" = "$3" ] && { [ -z "${4:-}" ] || [ "$r" = "$4" ]; } && return 0
    ((SECONDS - t0 < $1)) || { log "job $2: wanted $3 ${4:-}, is $s ($r) after $1 s"; return 1; }
    sleep 1
  done
}
# need <what>: a scenario could not be set up: stop (the trap cleans up), no half-true corpus
need() { log "FAILED: $*"; exit 1; }

# seff is a perl script of Slurm's contribs that Debian does not package: used when the chroot has it,
# or installed from SLURM4J_SEFF (a copy of contribs/seff/seff of the same Slurm release) together with
# Debian's Slurm perl bindings (apt-get inside the chroot)
SEFF=
if [ -x "$CHROOT/usr/local/bin/seff" ]; then
  SEFF=/usr/local/bin/seff
elif [ -n "${SLURM4J_SEFF:-}" ] && [ -r "$SLURM4J_SEFF" ]; then
  run_in "perl -MSlurm -MSlurmdb -MGetopt::Std -e 1" >/dev/null 2>&1 ||
    run_in "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends perl libslurm-perl libslurmdb-perl" >/dev/null
  install -m 755 "$SLURM4J_SEFF" "$CHROOT/usr/local/bin/seff"
  SEFF=/usr/local/bin/seff
fi
[ -n "$SEFF" ] || log "no seff in the chroot and no SLURM4J_SEFF: the seff-* cases are left out"

SPECIAL_NAME=$'a|b,c=d "q" \'s\''
LONG_NAME=very-long-job-name-$(printf 'abcdefghij%.0s' $(seq 14))-end
UNICODE_NAME='训练任务 中文名'
WORK=/tmp/slurm4j-capture
STOPPED=()
cleanup() {
  local s
  for s in "${STOPPED[@]}"; do bash "$HERE/lab.sh" start "$s@$V" >/dev/null 2>&1 || true; done
  rm -f "$CHROOT/etc/slurm/slow-epilog"
  run_in "scontrol delete reservation=cpu_future; scontrol delete reservation=gpu02_maint" >/dev/null 2>&1 || true
  if ((${#JOBS[@]})); then run_in "scancel ${JOBS[*]}" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
stop_svc() { bash "$HERE/lab.sh" stop "$1@$V" >/dev/null; STOPPED+=("$1"); }
start_svc() { bash "$HERE/lab.sh" start "$1@$V" >/dev/null; STOPPED=("${STOPPED[@]/$1/}"); }
# a controller stopped by someone else (other users of the lab restart it now and then): wait for it
wait_until 180 "scontrol ping | grep -q 'is UP'" || need "slurmctld of $V does not answer"
mkdir -p "$CHROOT$WORK"
printf '#!/bin/sh\n#SBATCH -J het-demo -p debug -n 1 --mem=200M\n#SBATCH hetjob\n#SBATCH -p gpu -n 1 --mem=100M --gres=gpu:1\nsrun sleep 60\n' >"$CHROOT$WORK/het.sh"
run_in "scontrol delete reservation=cpu_future; scontrol delete reservation=gpu02_maint" >/dev/null 2>&1 || true

# ------------------------------------------------------------------ scenery 1: jobs that end by themselves
done_id=$(submit -J cap-completed --wrap "'sleep 1'")
fail_id=$(submit -J cap-fail-exit3 --wrap "'exit 3'")
track "$done_id"; track "$fail_id"
cap_submit sbatch-array-mixed-exit "sbatch --array=1-4 whose odd tasks exit 1" "sbatch -J cap-array --array=1-4 --chdir=/tmp --output=/dev/null --wrap 'exit \$((SLURM_ARRAY_TASK_ID % 2))'"
arr_id=$LAST_ID
run_id=$(submit -J cap-running "--comment='key=value spaces = signs'" --wrap "'srun sleep 600'")
track "$run_id"
held_id=$(run_in "runuser -u alice -- sbatch --parsable -H -J held-by-alice --chdir=/tmp --output=/dev/null --wrap 'sleep 60'")
track "$held_id"
dep_id=$(submit -J cap-dependent --dependency=afterok:"$held_id" --wrap true)
begin_id=$(submit -J cap-cancelled-pending --begin=now+1hour --wrap true)
track "$dep_id"; track "$begin_id"
run_in "scancel $begin_id"
cap_submit sbatch-time-1min-timeout "sbatch --time=1 of a job that sleeps 300 s" "sbatch -J will-timeout --time=1 --chdir=/tmp --output=/dev/null --wrap 'sleep 300'"
timeout_id=$LAST_ID
cap_submit sbatch-mem-oom "sbatch --mem=100M of a job that holds ~400 MB (JobAcctGatherParams=OverMemoryKill, no cgroups)" "sbatch -J oom-victim --mem=100M --chdir=/tmp --output=/dev/null --wrap '(head -c 400M /dev/zero; sleep 60) | tail -n 1'"
oom_id=$LAST_ID
cap_submit sbatch-wrap-sigkill "sbatch --wrap that kill -9s its own shell" "sbatch -J self-kill9 --chdir=/tmp --output=/dev/null --wrap 'sleep 6; kill -9 \$\$'"
kill9_id=$LAST_ID
usr1_id=$(submit -J self-usr1 --wrap "'sleep 2; kill -USR1 \$\$'")
special_id=$(run_in "runuser -u alice -- sbatch --parsable --chdir=/tmp --output=/dev/null -J $(printf %q "$SPECIAL_NAME") --wrap 'sleep 1'")
comment_id=$(submit -J cap-comment "--comment='key=value spaces = signs; owner=ops team|x'" --wrap "'sleep 1'")
requeue_done_id=$(submit -J cap-requeue-me --wrap "'sleep 1'")
cancel_run_id=$(submit -J cap-cancel-running -c 2 --wrap "'sleep 600'")
track "$usr1_id"; track "$special_id"; track "$comment_id"; track "$requeue_done_id"; track "$cancel_run_id"
log "jobs: completed $done_id, exit3 $fail_id, array $arr_id, running $run_id, held $held_id, dependent $dep_id, cancelled $begin_id, timeout $timeout_id, oom $oom_id"
wait_job 60 "$done_id" COMPLETED || need "cap-completed"
wait_job 60 "$fail_id" FAILED || need "cap-fail-exit3"
wait_job 60 "$usr1_id" FAILED || need "self-usr1"
wait_job 60 "$special_id" COMPLETED || need "alice's special name"
wait_job 60 "$comment_id" COMPLETED || need "cap-comment"
wait_job 60 "$requeue_done_id" COMPLETED || need "cap-requeue-me"
wait_job 60 "$kill9_id" FAILED || need "self-kill9"
wait_until 60 "[ \"\$(squeue -h -j $run_id -o %T)\" = RUNNING ] && sacct -n -P -j $run_id -o JobID | grep -qx $run_id.0"
wait_until 60 "[ -z \"\$(squeue -h -j $arr_id -o %T)\" ]"
wait_until 30 "[ \"\$(sacct -n -X -P -j $arr_id -o State | sort -u | tr '\n' ' ')\" = 'COMPLETED FAILED ' ]"
wait_until 30 "squeue -h -j $dep_id -o %r | grep -q Dependency"
wait_job 60 "$cancel_run_id" RUNNING || need "cap-cancel-running running"
cap scancel-running-job-ok "scancel of a running job: silent" "scancel $cancel_run_id"
wait_job 60 "$cancel_run_id" CANCELLED || need "cap-cancel-running cancelled"
# while the node still has free CPUs (later the GPU jobs' queue keeps a new job pending)
# COMPLETING: the epilog sleeps 25 s while the marker exists
touch "$CHROOT/etc/slurm/slow-epilog"
compl_id=$(submit -J cap-completing --wrap true)
track "$compl_id"
wait_job 60 "$compl_id" COMPLETING || need "cap-completing in COMPLETING"
cap scontrol-job-completing "job in COMPLETING (epilog still running)" "scontrol show job $compl_id"
cap scontrol-job-oneliner-completing "-o for the COMPLETING job" "scontrol -o show job $compl_id"
cap sinfo-node-completing "sinfo -N while a job is COMPLETING" "sinfo -N -o '%N %P %T %C'"
rm -f "$CHROOT/etc/slurm/slow-epilog"

# ------------------------------------------------------------------ scenery 2: running, pending, held
# the GPUs (gpu:2 on localhost) and the licenses (matlab:2) make the pending reasons
unicode_id=$(submit -J "'$UNICODE_NAME'" --gres=gpu:1 --wrap "'sleep 600'")
hog_id=$(submit -J cap-gpu-hog --gres=gpu:1 -L matlab:2 --wrap "'sleep 600'")
bob_run_id=$(run_in "runuser -u bob -- sbatch --parsable --chdir=/tmp --output=/dev/null -J bob-cpus -c 2 --time=UNLIMITED --wrap 'sleep 600'")
track "$unicode_id"; track "$hog_id"; track "$bob_run_id"
wait_job 90 "$unicode_id" RUNNING || need "unicode gpu job running"
wait_job 90 "$hog_id" RUNNING || need "gpu hog running"
wait_job 90 "$bob_run_id" RUNNING || need "bob's job running"
# the hog holds both matlab licenses; asked for while the node has free CPUs and nothing else
# waits, the reason is Licenses (later, behind the GPU jobs, it turns into a node reason)
lic_id=$(submit -J cap-licenses -L matlab:1 --wrap true)
track "$lic_id"
wait_job 60 "$lic_id" PENDING Licenses || need "the licenses job pending on Licenses"
cap scontrol-job-pending-licenses "-L matlab:1 while both are in use: Reason=Licenses" "scontrol show job $lic_id"
aarr_id=$(run_in "runuser -u alice -- sbatch --parsable --chdir=/tmp --output=/dev/null -J alice-array --array=1-6%2 --wrap 'sleep 600'")
track "$aarr_id"
resources_id=$(run_in "runuser -u alice -- sbatch --parsable --chdir=/tmp --output=/dev/null -J alice-needs-gpu -n 3 --gres=gpu:1 --wrap 'sleep 60'")
track "$resources_id"
long_id=$(submit -J "$LONG_NAME" --gres=gpu:1 --wrap true)
multi_id=$(submit -J cap-multi-part -p debug,gpu -n 4 -c 2 --mem-per-cpu=100M --gres=gpu:1 --wrap true)
deadline_id=$(submit -J with-deadline --gres=gpu:1 --time=1 --deadline=now+90seconds --wrap true)
nice_id=$(submit -J cap-begin-later --begin=now+1hour --wrap true)
tohold_id=$(submit -J cap-admin-hold --begin=now+1hour --wrap true)
touhold_id=$(submit -J cap-user-hold --begin=now+1hour --wrap true)
never_id=$(submit -J never-runs --dependency=afterok:"$fail_id" --wrap true)
verbose_id=$(submit -J cap-scancel-verbose --begin=now+1hour --wrap true)
down_id=$(submit -J cap-cpu-nodes -p cpu -N 2 --wrap true)
bob_pend_id=$(run_in "runuser -u bob -- sbatch --parsable --chdir=/tmp --output=/dev/null -J bob-second --wrap 'sleep 60'")
bob_held_id=$(run_in "runuser -u bob -- sbatch --parsable -H --chdir=/tmp --output=/dev/null -J bob-third --wrap 'sleep 60'")
for j in "$long_id" "$multi_id" "$deadline_id" "$nice_id" "$tohold_id" "$touhold_id" "$never_id" "$verbose_id" "$down_id" "$bob_pend_id" "$bob_held_id"; do track "$j"; done
cap_accepted sbatch-N2-single-node-partition-accepted sbatch-error-N2-single-node-partition "sbatch -N 2 into a 1-node partition" "sbatch -N 2 -J cap-two-nodes --chdir=/tmp --output=/dev/null --wrap true"
n2_id=$LAST_ID
cap_accepted sbatch-cpus-per-task-32-accepted-partitionconfig sbatch-error-cpus-per-task-32 "sbatch -c 32 (> node CPUs)" "sbatch -c 32 -J cap-c32 --chdir=/tmp --output=/dev/null --wrap true"
cap_accepted sbatch-too-many-cpus-accepted-partitionconfig sbatch-error-too-many-cpus "sbatch -n 64 (> node CPUs)" "sbatch -n 64 -J cap-n64 --chdir=/tmp --output=/dev/null --wrap true"
cap_accepted sbatch-dependency-unknown-job-dropped sbatch-error-dependency-unknown-job "sbatch --dependency=afterok:999999" "sbatch --dependency=afterok:999999 -J cap-dep-unknown --chdir=/tmp --output=/dev/null --begin=now+1hour --wrap true"
cap_accepted sbatch-invalid-qos-accepted-empty-qos sbatch-error-invalid-qos "sbatch --qos=nosuchqos" "sbatch --qos=nosuchqos -J cap-bad-qos --chdir=/tmp --output=/dev/null --begin=now+1hour --wrap true"
cap_submit sbatch-hetjob "sbatch of a heterogeneous batch script (#SBATCH hetjob), the gpu component waits for a GPU" "sbatch --chdir=/tmp --output=/dev/null $WORK/het.sh"
het_id=$LAST_ID
wait_job 60 "${aarr_id}_1" RUNNING || need "alice's array element 1 running"
wait_job 60 "${aarr_id}_2" RUNNING || need "alice's array element 2 running"
wait_job 60 "$resources_id" PENDING Resources || need "alice's job pending on Resources"
wait_job 60 "$never_id" PENDING DependencyNeverSatisfied || need "never-runs pending on DependencyNeverSatisfied"
wait_job 60 "$bob_pend_id" PENDING AssocMaxJobsLimit || need "bob's second job pending on AssocMaxJobsLimit"
wait_job 60 "$down_id" PENDING || need "the cpu-partition job pending"
wait_until 60 "[ \"\$(scontrol -o show job $down_id | grep -oE ' Reason=[^ ]*' | cut -d= -f2)\" != None ]" || true
cap runuser-bob-sbatch-error-maxsubmit "bob's 4th submission over MaxSubmitJobs=3" "runuser -u bob -- sbatch -J bob-fourth --chdir=/tmp --output=/dev/null --wrap 'sleep 60'"
cap runuser-nobody-sbatch-error-no-association "a user without association submits" "runuser -u nobody -- sbatch --chdir=/tmp --output=/dev/null --wrap true"
cap runuser-alice-sbatch-hold "alice sbatch -H: \"Submitted batch job N\"" "runuser -u alice -- sbatch -H -J held-by-alice-2 --chdir=/tmp --output=/dev/null --wrap 'sleep 60'"
alice_held2=$(grep -oE '[0-9]+' "$OUT/runuser-alice-sbatch-hold/stdout" | head -n1)
track "$alice_held2"

# ------------------------------------------------------------------ submissions and refusals
cap sbatch-parsable-success "sbatch --parsable: bare job id" "sbatch --parsable -J cap-parsable --chdir=/tmp --output=/dev/null --hold --wrap true"
run_in "scancel -n cap-parsable"
cap sbatch-error-invalid-partition "sbatch -p nosuchpart" "sbatch -p nosuchpart --wrap true"
cap sbatch-error-invalid-account "sbatch -A nosuchacct" "sbatch -A nosuchacct --wrap true"
cap sbatch-error-stdin-empty "sbatch < /dev/null: empty script" "sbatch < /dev/null"
cap sbatch-error-array-too-big "sbatch --array=0-5000 (> MaxArraySize 1001)" "sbatch --array=0-5000 --wrap true"
cap sbatch-error-bad-time-format "sbatch --time=abc" "sbatch --time=abc --wrap true"
cap sbatch-error-gres-unavailable "sbatch --gres=gpu:4 (the node has 2)" "sbatch --gres=gpu:4 --wrap true"
cap sbatch-error-gres-unknown-type "sbatch --gres=gpu:h100:1 -p gpu" "sbatch --gres=gpu:h100:1 -p gpu --wrap true"
cap sbatch-error-inactive-license "sbatch -L nosuchlic:1" "sbatch -L nosuchlic:1 --wrap true"
cap sbatch-error-missing-script "sbatch of a file that does not exist" "sbatch /tmp/does-not-exist.sh"
cap sbatch-error-no-shebang "sbatch of a file without #!" "sbatch /etc/hostname"
cap sbatch-error-too-much-memory "sbatch --mem=100G" "sbatch --mem=100G --wrap true"
cap runuser-alice-update-priority-held "alice sets Priority on her held job: refused (held state)" "runuser -u alice -- scontrol update JobId=$held_id Priority=99999"
cap runuser-alice-update-priority-denied "alice sets Priority on her pending job: refused" "runuser -u alice -- scontrol update JobId=$resources_id Priority=99999"
cap runuser-alice-update-negative-nice "alice sets Nice=-100 on her pending job: refused" "runuser -u alice -- scontrol update JobId=$resources_id Nice=-100"
cap runuser-alice-release-others-job "alice releases root's job: refused" "runuser -u alice -- scontrol release $dep_id"
cap scontrol-job-array-element-running "one running element of alice's array" "scontrol show job ${aarr_id}_1"
cap runuser-alice-scontrol-suspend-permission "alice suspends her own running array element (22.05 and 24.11 refuse it)" "runuser -u alice -- scontrol suspend ${aarr_id}_1"
# where alice may suspend it, it runs again
run_in "scontrol resume ${aarr_id}_1" >/dev/null 2>&1 || true
cap scontrol-hold-error-invalid-id "scontrol hold 999999" "scontrol hold 999999"
cap scontrol-update-error-invalid-id "scontrol update JobId=999999" "scontrol update JobId=999999 Nice=1"
cap scontrol-suspend-error-invalid-id "scontrol suspend 999999" "scontrol suspend 999999"
cap scancel-verbose-error-invalid-id "scancel -v 999999" "scancel -v 999999"
cap scancel-verbose-error-already-finished "scancel -v of a failed job" "scancel -v $fail_id"
cap scancel-error-bad-option "scancel --bogus" "scancel --bogus 1"
cap scancel-error-no-args "scancel without arguments" "scancel"
cap squeue-error-invalid-job "squeue -j 999999" "squeue -j 999999"
cap squeue-error-invalid-user "squeue -u nosuchuser" "squeue -u nosuchuser"
cap squeue-error-bad-state "squeue -t FOO" "squeue -t FOO"
cap scontrol-node-error-unknown "scontrol show node nosuchnode" "scontrol show node nosuchnode"
cap scontrol-update-node-invalid-name "scontrol update of an unknown node" "scontrol update nodename=nosuchnode state=drain reason=test"
cap scontrol-suspend-error-pending "scontrol suspend of a pending (held) job" "scontrol suspend $held_id"
cap scontrol-requeue-error-pending "scontrol requeue of a pending job" "scontrol requeue $resources_id"
cap sstat-error-pending-job "sstat of a pending job" "sstat -P -j $resources_id"
cap sacct-no-match "sacct of an unknown job id: header only" "sacct -j 999999 -P -o JobID,State"
cap sinfo-partition-error-unknown "sinfo -p nosuch" "sinfo -p nosuch"
[ -n "$SEFF" ] && cap seff-error-invalid "seff 999999" "seff 999999"

# ------------------------------------------------------------------ reservations, node updates
cap scontrol-create-reservation "scontrol create reservation (future, Flags=MAINT)" "scontrol create reservation ReservationName=cpu_future StartTime=now+1day Duration=1-00:00:00 Nodes=cpu02 Users=alice,root Flags=MAINT"
cap scontrol-create-reservation-active-gpu02 "scontrol create reservation active now on gpu02" "scontrol create reservation ReservationName=gpu02_maint StartTime=now Duration=UNLIMITED Nodes=gpu02 Users=root Flags=MAINT,IGNORE_JOBS"
cap scontrol-update-node-drain-reason-spaces "drain cpu01 with a Reason with spaces (the lab's own drain, set again)" "scontrol update nodename=cpu01 state=drain reason=\"disk replaced: wait for fsck\""

# ------------------------------------------------------------------ jobs in every state
wait_job 150 "$timeout_id" TIMEOUT || need "will-timeout in TIMEOUT"
wait_until 90 "! squeue -h -j $oom_id -o %T | grep -q ." || need "oom-victim ended"
wait_job 120 "$deadline_id" DEADLINE || need "with-deadline in DEADLINE"
cap scontrol-job-completed "scontrol show job of a completed job" "scontrol show job $done_id"
cap scontrol-job-failed-exit3 "a job exiting 3: ExitCode=3:0" "scontrol show job $fail_id"
cap scontrol-job-failed-by-signal-exit138 "a job whose batch shell (sh) died of SIGUSR1 (22.05's bash script exited 138)" "scontrol show job $usr1_id"
cap scontrol-job-sigkill-failed "--wrap that kill -9s itself" "scontrol show job $kill9_id"
cap scontrol-job-timeout "--time=1 job: TIMEOUT" "scontrol show job $timeout_id"
cap scontrol-job-memkill-failed "job over --mem=100M killed by OverMemoryKill (no cgroups)" "scontrol show job $oom_id"
cap scontrol-job-deadline-state "--deadline job that could not start in time" "scontrol show job $deadline_id"
cap scontrol-job-special-chars-name-alice "alice's job named a|b,c=d \"q\" 's'" "scontrol show job $special_id"
cap scontrol-job-comment-with-pipe "Comment with '|', '=' and spaces" "scontrol show job $comment_id"
cap scontrol-job-cancelled-after-start "job cancelled while running" "scontrol show job $cancel_run_id"
cap scontrol-job-oneliner-running "-o for a running job with a Comment with spaces and '='" "scontrol -o show job $run_id"
cap scontrol-job-running-detail "-d for a running job with an srun step" "scontrol -d show job $run_id"
cap scontrol-job-running-unicode-name-gres "JobName with unicode and a space, --gres=gpu:1" "scontrol show job $unicode_id"
cap scontrol-job-running-unicode-name-gres-detail "-d of the unicode/GPU job" "scontrol -d show job $unicode_id"
cap scontrol-job-running-cpus-per-task-bob "bob's -c 2 job, --time=UNLIMITED" "scontrol show job $bob_run_id"
cap scontrol-job-pending-held-user "sbatch -H by alice: JobHeldUser" "scontrol show job $held_id"
cap scontrol-job-pending-dependency "--dependency=afterok on a held job: Reason=Dependency" "scontrol show job $dep_id"
cap scontrol-job-pending-dependency-never-satisfied "afterok on a FAILED job" "scontrol show job $never_id"
cap scontrol-job-pending-resources "alice -n 3 --gres=gpu:1 while both GPUs are taken: Resources" "scontrol show job $resources_id"
cap scontrol-job-oneliner-pending-priority-long-name "-o with a 160-char job name, pending behind the GPU jobs" "scontrol -o show job $long_id"
cap scontrol-job-pending-multi-partition-cpus-per-task "-p debug,gpu -n 4 -c 2 --mem-per-cpu=100M" "scontrol show job $multi_id"
cap scontrol-job-pending-assoc-max-jobs "bob over MaxJobs=1: AssocMaxJobsLimit" "scontrol show job $bob_pend_id"
cap scontrol-job-pending-nodes-down-reason-with-commas "-p cpu -N 2 (drained, down and unknown nodes)" "scontrol show job $down_id"
if [ -n "$n2_id" ]; then
  cap scontrol-job-pending-partition-node-limit "-N 2 in a 1-node partition" "scontrol show job $n2_id"
else
  NOT_CAPTURED+=("\`scontrol-job-pending-partition-node-limit\` — $V refuses \`sbatch -N 2\` into a 1-node partition, so no job pends on PartitionNodeLimit")
fi
cap scontrol-job-array-finished-mixed "finished array, odd tasks exit 1" "scontrol show job $arr_id"
cap scontrol-job-array-running-and-pending "alice's array 1-6%2: two running elements and the pending rest" "scontrol show job $aarr_id"
cap scontrol-job-hetjob-pending "the heterogeneous job, two records" "scontrol show job $het_id"
cap scontrol-job-oneliner-hetjob-pending "-o for the heterogeneous job (2 lines)" "scontrol -o show job $het_id"
cap scontrol-job-cancelled-before-start "job cancelled while pending (--begin)" "scontrol show job $begin_id"
cap scontrol-show-step-running "scontrol show step of the running srun step" "scontrol show step $run_id.0"
cap scontrol-listpids-running "scontrol listpids of a running job" "scontrol listpids $run_id"
cap scontrol-json-show-job "scontrol --json show job of the running job" "scontrol --json show job $run_id"
cap sstat-parsable-running-allsteps "sstat -P -a of the running job" "sstat -P -a -j $run_id"
cap sstat-parsable-step-format "sstat -P -o for two explicit steps" "sstat -P -j $run_id.0,$run_id.batch -o JobID,MaxRSS,AveRSS,MaxVMSize,AveCPU,MinCPU,NTasks,TRESUsageInTot"

# ------------------------------------------------------------------ job actions
cap scontrol-update-nice "scontrol update Nice=100 of a pending job" "scontrol update JobId=$nice_id Nice=100"
cap scontrol-update-timelimit-pending "scontrol update TimeLimit=1-02:03:04 of a pending job" "scontrol update JobId=$nice_id TimeLimit=1-02:03:04"
cap scontrol-update-priority-pending "scontrol update Priority=30000 of the licenses job" "scontrol update JobId=$lic_id Priority=30000"
cap scontrol-release-not-held-silent "scontrol release of a job that is not held" "scontrol release $nice_id"
cap scontrol-hold-pending-job "scontrol hold (admin) of a pending job" "scontrol hold $tohold_id"
cap scontrol-uhold-pending "scontrol uhold of a pending job" "scontrol uhold $touhold_id"
cap scontrol-job-pending-held-user-by-uhold "after scontrol uhold: JobHeldUser" "scontrol show job $touhold_id"
cap scontrol-release-admin-held "scontrol release of an admin-held job" "scontrol release $tohold_id"
cap runuser-alice-release-own-held "alice releases her own held job" "runuser -u alice -- scontrol release $alice_held2"
cap scontrol-update-hetjob-timelimit "scontrol update TimeLimit=20 on the hetjob leader" "scontrol update JobId=$het_id TimeLimit=20"
arr_pend_id=$(submit -J cap-array-later --array=1-5%2 --begin=now+1hour --wrap true)
track "$arr_pend_id"
cap scontrol-job-array-all-pending "whole array pending by --begin, throttled %2" "scontrol show job $arr_pend_id"
cap scontrol-hold-array-pending "scontrol hold of a fully pending array" "scontrol hold $arr_pend_id"
cap scontrol-job-array-held "the array after scontrol hold" "scontrol show job $arr_pend_id"
cap scancel-array-element-pending "scancel of one pending array element" "scancel ${aarr_id}_6"
arr_gone_id=$(submit -J cap-array-tasks-cancelled --hold --array=1-2 --wrap true)
track "$arr_gone_id"
run_in "scancel ${arr_gone_id}_1; scancel ${arr_gone_id}_2"
sleep 1
cap scontrol-job-array-tasks-all-cancelled "held array 1-2, each task cancelled one by one: ArrayTaskId=4294967294 (NO_VAL)" "scontrol -o -d show job $arr_gone_id"
cap scancel-verbose "scancel -v of a pending job" "scancel -v $verbose_id"
cap scancel-by-name-and-state "scancel -n never-runs -t PENDING" "scancel -n never-runs -t PENDING"
run_in "scontrol requeuehold ${aarr_id}_2"
wait_job 60 "${aarr_id}_2" PENDING || need "alice's element 2 requeued held"
cap scontrol-job-requeue-hold "after scontrol requeuehold of a running array element" "scontrol show job ${aarr_id}_2"
[ -n "$SEFF" ] && cap seff-running-array-element "seff on a running array element" "seff ${aarr_id}_1"
cap scontrol-requeue-running "scontrol requeue of bob's running job" "scontrol requeue $bob_run_id"
wait_job 60 "$bob_run_id" PENDING || need "bob's job requeued"
cap scontrol-job-requeued-pending "after scontrol requeue: PENDING again, Restarts=1" "scontrol show job $bob_run_id"
cap squeue-after-requeue "squeue -u bob right after the requeue" "squeue -u bob"
cap scontrol-requeue-completed-job-accepted "scontrol requeue of a COMPLETED job" "scontrol requeue $requeue_done_id"
sleep 1
cap scancel-requeued-completed-job-silent "scancel of the job just requeued" "scancel $requeue_done_id"
cap sacct-requeued-then-cancelled-duplicates "sacct -D of the requeued jobs" "sacct -D -P -j $requeue_done_id,$bob_run_id -o JobID,JobName,State,ExitCode,Submit,Start,End,Elapsed"
# preemption: the urgent partition (PriorityTier=10, PreemptMode=CANCEL) wants the GPU of the hog
urgent_id=$(submit -J cap-urgent -p urgent --gres=gpu:1 --wrap "'sleep 600'")
track "$urgent_id"
wait_until 90 "[ -n \"\$(sacct -n -X -P -s PR -S $TODAY -E now -o JobID -j $hog_id,$unicode_id)\" ]" || need "a preempted GPU job"
preempted_id=$(run_in "sacct -n -X -P -s PR -S $TODAY -E now -o JobID -j $hog_id,$unicode_id" | head -n1)
wait_job 60 "$preempted_id" PREEMPTED || need "job $preempted_id PREEMPTED"
cap scontrol-job-preempted "the GPU job preempted by the urgent partition (PreemptMode=CANCEL)" "scontrol show job $preempted_id"
cap sacct-state-filter-preempted "sacct -s PR -S -E: the preempted jobs" "sacct -a -X -P -s PR -S $TODAY -E now -o JobID,JobName,User,State,ExitCode,Elapsed"
# suspend (the running job, resumed after the statistics)
cap scontrol-suspend-running-job "scontrol suspend of the running job" "scontrol suspend $run_id"
wait_job 30 "$run_id" SUSPENDED || need "cap-running suspended"
cap sstat-suspended-job "sstat -P -a on a suspended job" "sstat -P -a -j $run_id -o JobID,MaxRSS,AveCPU"
[ -n "$SEFF" ] && cap seff-suspended "seff on a SUSPENDED job" "seff $run_id"
run_in "scontrol resume $run_id"
wait_job 30 "$run_id" RUNNING || need "cap-running resumed"

# ------------------------------------------------------------------ listings of the whole scenery
cap scontrol-job-all-oneliner "scontrol -o show job, every job" "scontrol -o show job"
cap scontrol-job-all-multiline "scontrol show job, every job" "scontrol show job"
cap scontrol-job-all-detail "scontrol -d show job, every job" "scontrol -d show job"
cap squeue-custom-pipe-header "squeue -o with '|' and a header" "squeue -o \"%i|%j|%u|%T|%M|%l|%D|%C|%R\""
cap squeue-custom-pipe-noheader "squeue --noheader -o with 30 '|'-delimited fields" "squeue --noheader -o \"%i|%A|%F|%K|%j|%u|%a|%P|%q|%t|%T|%r|%M|%l|%L|%D|%C|%m|%b|%N|%R|%V|%S|%e|%p|%Q|%y|%k|%Z|%o\""
cap squeue-user-alice "squeue -u alice (default format)" "squeue -u alice"
cap squeue-default-rich "squeue default format, the whole scenery" "squeue"
cap squeue-all-states-with-preempted "squeue -t all (PREEMPTED, DEADLINE, TIMEOUT, ...)" "squeue -t all -o \"%.10i %.16j %.8u %.12T %.10M %.9l %R\""
cap squeue-array-expanded "squeue -r" "squeue -r"
cap squeue-steps "squeue -s" "squeue -s"
cap squeue-long "squeue -l" "squeue -l"
cap squeue-partition-gpu "squeue -p gpu" "squeue -p gpu"
cap squeue-joblist "squeue -j with a job list incl. array and hetjob" "squeue -j $run_id,$unicode_id,$arr_pend_id,$het_id"
cap squeue-pending-reasons-after-transitions "squeue -t PD after hold/release/requeue" "squeue -t PD -o '%.8i %.14j %.10T %.8Q %r'"
cap squeue-start-times "squeue --start" "squeue --start"
cap squeue-Format-no-widths "squeue -O without widths" "squeue -O JobID,Name,State,Reason,Dependency"
cap squeue-Format-pipe-delimited "squeue -O \"Field:|,...\"" "squeue --noheader -O \"JobID:|,Name:|,UserName:|,StateCompact:|,Reason:|,TimeUsed:|,NumCPUs:|,tres-alloc:|,Comment:|,WorkDir\""
cap squeue-Format-widths "squeue -O \"Field:width,...\"" "squeue -O \"JobID:12,ArrayJobID:10,ArrayTaskID:10,Name:30,UserName:10,State:12,Reason:40,TimeUsed:12,TimeLimit:14,NumCPUs:6,MinMemory:8,tres-per-node:14,NodeList:20,SubmitTime:22,StartTime:22,WorkDir:40\""
cap squeue-all-fields-percent-all "squeue -o \"%all\"" "squeue -o \"%all\""
cap squeue-json "squeue --json" "squeue --json"
cap sacct-brief "sacct -a -b" "sacct -a -b -S $TODAY"
cap sacct-parsable2-many-fields-all "sacct -a -P with 43 fields" "sacct -a -P -S $TODAY -o JobID,JobIDRaw,JobName,User,Group,Account,Partition,QOS,State,ExitCode,DerivedExitCode,Reason,Elapsed,ElapsedRaw,Timelimit,TotalCPU,UserCPU,SystemCPU,CPUTime,CPUTimeRAW,AllocCPUS,NCPUS,ReqCPUS,NNodes,NTasks,ReqMem,MaxRSS,MaxRSSNode,AveRSS,MaxVMSize,ReqTRES,AllocTRES,NodeList,Submit,Eligible,Start,End,Suspended,Priority,WorkDir,Comment,Constraints,Flags"
cap sacct-array-job "sacct -P of the finished array and alice's running one" "sacct -P -j $arr_id,$aarr_id -o JobID,JobIDRaw,JobName,State,ExitCode,Start,End,Elapsed"
cap sacct-hetjob-pending "sacct -P of the pending heterogeneous job" "sacct -P -j $het_id -o JobID,JobIDRaw,JobName,Partition,State,AllocTRES,ReqTRES"
cap sacct-comment-fixed-width "sacct Comment%60 (Comment with '|' and '=')" "sacct -j $comment_id -o JobID,JobName,State,Comment%60"
cap sacct-comment-with-pipe-and-equals "sacct -P where Comment contains '|'" "sacct -P -j $comment_id -o JobID,JobName,State,Comment,AdminComment,SystemComment"
cap sacct-format-truncation-plus "sacct default widths: names and states cut with '+'" "sacct -X -j $timeout_id,$special_id,$done_id -o JobID,JobName,Comment,State"
cap sacct-long "sacct -l" "sacct -l -j $run_id,$done_id,$fail_id"
cap sacct-noheader-fixed-width "sacct -n with %widths" "sacct -a -n -X -S $TODAY -o JobID%-15,JobName%30,State%20,ExitCode,Elapsed,NodeList%25"
cap sacct-pending-states "sacct -s PD -S without -E" "sacct -a -P -s PD -S $TODAY -o JobID,JobName,State,Reason,Start,Priority"
cap sacct-running-with-steps "sacct -P of the running job and its steps" "sacct -P -j $run_id -o JobID,JobName,State,ExitCode,Elapsed,TotalCPU,MaxRSS,AveRSS,NTasks,AllocTRES,TRESUsageInMax"
cap sacct-user-alice-name-special "sacct -u alice with JobName%50 in -P mode" "sacct -P -u alice -S $TODAY -o JobID,JobName%50,State,Account"
cap sacct-json "sacct --json of the capture's completed, failed, array and running jobs" "sacct --json -j $done_id,$fail_id,$arr_id,$run_id"
cap sacctmgr-show-assoc-parsable "sacctmgr -P show assoc with limits" "sacctmgr -P show assoc format=Cluster,Account,User,Partition,Share,MaxJobs,MaxSubmit,QOS,DefaultQOS"
cap sacctmgr-list-users "sacctmgr list users" "sacctmgr list users"
cap sacctmgr-show-cluster "sacctmgr show cluster" "sacctmgr show cluster"
if [ -n "$SEFF" ]; then
  cap seff-completed "seff on a completed job" "seff $done_id"
  cap seff-timeout "seff on a TIMEOUT job" "seff $timeout_id"
  cap seff-sigkill-failed "seff on the kill -9 job" "seff $kill9_id"
  cap seff-failed-by-signal "seff on the SIGUSR1 job" "seff $usr1_id"
  cap seff-deadline "seff on a DEADLINE job" "seff $deadline_id"
  cap seff-preempted "seff on a PREEMPTED job" "seff $preempted_id"
  cap seff-cancelled-after-start "seff on a 2-CPU job cancelled while running" "seff $cancel_run_id"
  cap seff-alice-special-name "seff on alice's job with '|' '=' quotes in its name" "seff $special_id"
  cap seff-array-finished "seff on a finished array" "seff $arr_id"
  cap seff-array-element "seff of one element of the finished array" "seff ${arr_id}_2"
  cap seff-running "seff on a running job" "seff $run_id"
  cap seff-hetjob-pending "seff on the pending hetjob" "seff $het_id"
fi

# ------------------------------------------------------------------ nodes, partitions, cluster
cap sinfo-default-rich "sinfo with mix, drain*, down*, unk*, maint* rows" "sinfo"
cap sinfo-json "sinfo --json" "sinfo --json"
cap sinfo-Format-widths "sinfo -N -O with :widths" "sinfo -N -O \"NodeList:12,Partition:10,StateLong:15,CPUsState:14,CPUsLoad:8,Memory:8,FreeMem:10,Gres:20,GresUsed:30,Reason:40\""
cap sinfo-Nel "sinfo -Nel" "sinfo -Nel"
cap sinfo-all-fields-percent-all "sinfo -o \"%all\"" "sinfo -o \"%all\""
cap sinfo-custom-cpus-gres-mem "sinfo -N -o with '|'" "sinfo -N -o \"%N|%P|%T|%C|%c|%G|%m|%e|%O|%f|%E|%H|%u\""
cap sinfo-custom-noheader-nodes "sinfo --noheader -N -o (space-delimited, Reason with spaces)" "sinfo --noheader -N -o \"%N %T %C %e %m %G %E\""
cap sinfo-custom-partition "sinfo -o \"%P %a %l %D %T %C %G %N\"" "sinfo -o \"%P %a %l %D %T %C %G %N\""
cap sinfo-dead-responding "sinfo -d then sinfo -r" "sinfo -d; echo ===; sinfo -r"
cap sinfo-filter-node-partitions-na "sinfo -n localhost" "sinfo -n localhost"
cap sinfo-node-long "sinfo -N -l" "sinfo -N -l"
cap sinfo-reasons "sinfo -R: the drained and down nodes' reasons" "sinfo -R"
cap scontrol-node-all-multiline "scontrol show node, all 6 nodes" "scontrol show node"
cap scontrol-json-show-node "scontrol --json show node, all 6 nodes" "scontrol --json show node"
cap scontrol-node-drained-reason-spaces "scontrol show node cpu01: drained, Reason with spaces" "scontrol show node cpu01"
cap scontrol-node-down-reason "scontrol show node cpu03: DOWN, Reason with ',' and '='" "scontrol show node cpu03"
cap scontrol-node-localhost-mixed "scontrol show node localhost with running jobs" "scontrol show node localhost"
cap scontrol-node-localhost-mixed-detail "scontrol -d show node localhost" "scontrol -d show node localhost"
cap scontrol-node-unknown-not-responding "scontrol show node gpu01 (never registered)" "scontrol show node gpu01"
cap scontrol-node-oneliner-unknown-not-responding "scontrol -o show node gpu01" "scontrol -o show node gpu01"
cap scontrol-partition-all "scontrol show partition, 6 partitions" "scontrol show partition"
cap scontrol-partition-all-oneliner "scontrol -o show partition" "scontrol -o show partition"
cap scontrol-partition-gpu "scontrol show partition gpu" "scontrol show partition gpu"
cap scontrol-reservation-all "scontrol show reservation (2 reservations)" "scontrol show reservation"
cap scontrol-licenses "scontrol show licenses, matlab in use" "scontrol show licenses"
cap scontrol-show-config "scontrol show config" "scontrol show config"
cap scontrol-show-hostnames "scontrol show hostnames of a hostlist expression" "scontrol show hostnames localhost,gpu[01-02],cpu[01-03]"
cap scontrol-ping "scontrol ping, controller up" "scontrol ping"
cap sdiag "sdiag" "sdiag"
cap sprio-weights "sprio -w" "sprio -w"
cap sshare-default "sshare" "sshare"
cap sshare-parsable "sshare -a -P" "sshare -a -P"
cap sreport-cluster-utilization "sreport cluster utilization" "sreport cluster utilization"

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

# ------------------------------------------------------------------ slurmdbd stopped
# (sbatch's job is cancelled: slurmctld keeps it for slurmdbd until it is back)
stop_svc slurmdbd
cap dbd-down-squeue-still-works "squeue -t R while slurmdbd is stopped" "squeue -t R"
cap_submit dbd-down-sbatch-still-works "sbatch --parsable while slurmdbd is stopped: still accepted" "sbatch --parsable -J during-dbd-outage --chdir=/tmp --output=/dev/null --wrap 'sleep 2'"
cap dbd-down-sacct-json "sacct --json with slurmdbd stopped" "sacct --json"
cap dbd-down-sdiag "sdiag while slurmdbd is stopped (DBD agent queue)" "sdiag"
[ -n "$SEFF" ] && cap dbd-down-seff "seff with slurmdbd stopped" "seff $fail_id"
start_svc slurmdbd

# ------------------------------------------------------------------ slurmctld stopped
stop_svc slurmctld
cap ctld-down-scontrol-ping "scontrol ping with slurmctld stopped" "scontrol ping"
cap ctld-down-squeue "squeue with slurmctld stopped" "squeue"
cap ctld-down-sbatch-parsable "sbatch --parsable with slurmctld stopped" "sbatch --parsable --wrap true"
cap ctld-down-sbatch "sbatch with slurmctld stopped" "sbatch -J ctld-down --wrap true"
cap ctld-down-scancel "scancel with slurmctld stopped" "scancel $run_id"
cap ctld-down-scancel-verbose "scancel -v with slurmctld stopped" "scancel -v $run_id"
cap ctld-down-scontrol-hold "scontrol hold with slurmctld stopped" "scontrol hold $nice_id"
cap ctld-down-scontrol-show-job "scontrol show job with slurmctld stopped" "scontrol show job $run_id"
cap ctld-down-sdiag "sdiag with slurmctld stopped" "sdiag"
cap ctld-down-sprio "sprio with slurmctld stopped" "sprio"
cap ctld-down-sshare "sshare with slurmctld stopped" "sshare"
cap ctld-down-sstat "sstat with slurmctld stopped" "sstat -P -j $run_id -o JobID,MaxRSS"
[ -n "$SEFF" ] && cap ctld-down-seff "seff with slurmctld stopped" "seff $run_id"
cap ctld-down-sacct-still-works "sacct while slurmctld is stopped: answers from slurmdbd" "sacct -X -P -j $done_id -o JobID,JobName,State"
start_svc slurmctld

# the 22.05 cases no run of this script makes, and why
NOT_CAPTURED+=(
  "\`scontrol-job-node-fail\`, \`scontrol-job-requeued-after-node-fail\`, \`seff-node-fail\`, \`scontrol-job-oneliner-completed-while-slurmd-down\`, \`scontrol-node-localhost-down-not-responding\`, \`sinfo-all-nodes-down\`, \`sinfo-reasons-not-responding\` — they need the cluster's only real slurmd killed, which the lab's other users (ITs running at the same time) cannot take; \`sinfo-reasons\` shows \`sinfo -R\` of the drained and down nodes instead"
  "\`scontrol-job-out-of-memory-cgroup\`, \`seff-out-of-memory-cgroup\` — the chroot clusters run without cgroups (proctrack/linuxproc, task/none, CgroupPlugin=disabled): memory is enforced by JobAcctGatherParams=OverMemoryKill, see \`scontrol-job-memkill-failed\`"
  "\`sbatch-enforcepartlimits-error-time-limit\`, \`sbatch-enforcepartlimits-error-too-many-cpus\`, \`sbatch-enforcepartlimits-qos-wall-still-accepted\` — they need EnforcePartLimits=ALL in slurm.conf (the lab runs with NO) and a reconfigure of a cluster others use"
  "\`sinfo-default-fresh-unknown-nodes\` — sinfo right after the cluster's first start: the lab's cluster is already up"
  "\`squeue-default-mixed-running-array-pending-resources\` — an array filling the node next to the lab's other users; \`squeue-default-rich\` and \`squeue-array-expanded\` show the default format with arrays"
)
[ -n "$SEFF" ] || NOT_CAPTURED+=("the \`seff-*\`, \`ctld-down-seff\`, \`dbd-down-seff\` cases — no seff in the chroot (Debian does not package it) and no SLURM4J_SEFF given")

{
  echo "# Slurm $(run_in 'sinfo --version' | awk '{print $2}') fixtures — real outputs, index"
  echo
  echo "Captured by \`scripts/capture.sh $V\` on the lab's Slurm $V cluster (a Debian chroot, see \`scripts/lab.sh\`):"
  echo "each folder holds \`cmd\` (run with bash -c inside the cluster, from /tmp, LANG=C.UTF-8), \`stdout\`, \`stderr\`, \`rc\`."
  echo "Job ids are those of the capture run; \`runuser -u alice --\` (or bob, nobody) means the command ran as that user."
  echo "Same case names as slurm-22.05 where the scenario is the same; the jobs are made by the script with"
  echo "\`--wrap\` (22.05's lab used /srv/lab/jobs/burn.sh), so names, sizes and times differ."
  [ -n "$SEFF" ] && echo "seff is Slurm's contribs/seff/seff (not packaged by Debian) run with Debian's Slurm perl bindings of this version."
  echo
  printf '%s\n' "${INDEX[@]}"
  echo
  echo "## 22.05 cases not captured on $V"
  echo
  printf -- '- %s\n' "${NOT_CAPTURED[@]}"
} >"$OUT/INDEX.md"
log "${#INDEX[@]} cases in $OUT ($(du -sh "$OUT" | cut -f1)), $((SECONDS - T0)) s"
