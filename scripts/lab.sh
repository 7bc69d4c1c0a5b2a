#!/usr/bin/env bash
# The slurm4j test lab on this machine (Debian 12, as root, no systemd needed):
#   - an OpenSSH server on 127.0.0.1:2222 with its own config and host keys, user alice
#     (key, key with passphrase, password), files in $SLURM4J_LAB_DIR/ssh (default /var/lib/slurm4j-lab);
#   - a single-node Slurm 22.05 with accounting: munge, MariaDB, slurmdbd, slurmctld, slurmd
#     (the facts behind it are in LAB.md of the project's shared notes; config templates in scripts/lab/).
#   - Slurm 24.11 and 26.05, each a single-node cluster in a Debian chroot under $SLURM4J_LAB_DIR/chroots
#     with its own munge, slurmdbd (own database on the MariaDB above), slurmctld, slurmd and an sshd
#     for alice: 127.0.0.1:2411 (24.11) and 127.0.0.1:2605 (26.05).
#
# Usage: scripts/lab.sh up                 install what is missing, start what does not answer (idempotent)
#        scripts/lab.sh up-sshd            only the sshd part of `up`
#        scripts/lab.sh down               stop every lab daemon
#        scripts/lab.sh stop  <service>    stop one daemon and wait until it is gone
#        scripts/lab.sh start <service>    start one daemon and wait until it answers
#        scripts/lab.sh restart <service>
#        scripts/lab.sh status             one line per service; exit 0 only if all answer
# services: sshd munge mariadb slurmdbd slurmctld slurmd, and <service>@<version> for the chroot
#           clusters (sshd munge slurmdbd slurmctld slurmd @24.11 or @26.05; see the chroot section)
# Environment: SLURM4J_LAB_DIR (state folder), SMOKE=1 (force the smoke job on `up`),
#              LAB_SKIP_APT=1 (never call apt-get), SLURM4J_LAB_VERSIONS (chroot versions; default
#              "24.11 26.05", "" for only 22.05), SLURM4J_LAB_CACHE (chroot tarballs, /var/cache/slurm4j-lab).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TPL=$HERE/lab
LAB_DIR=${SLURM4J_LAB_DIR:-/var/lib/slurm4j-lab}
SSH_DIR=$LAB_DIR/ssh
SSH_PORT=2222
SSH_CONFIG=$SSH_DIR/sshd_config
SSH_PID=$SSH_DIR/sshd.pid
SSH_LOG=$SSH_DIR/sshd.log
ALICE_PASSWORD=alice-lab-pass
KEY_PASSPHRASE=slurm4j-lab-passphrase
CLUSTER=localcluster
SLURM_ETC=/etc/slurm
MYSQL_PID=/run/mysqld/mysqld.pid
MUNGE_PID=/run/munge/munged.pid
SERVICES=(sshd munge mariadb slurmdbd slurmctld slurmd)

# ---------------------------------------------------------------- helpers
log() { printf '[lab] %s\n' "$*"; }
warn() { printf '[lab] WARNING: %s\n' "$*" >&2; }
# die <reason> [log file]: the reason and the tail of the relevant log, exit 1
die() {
  printf '[lab] FAILED: %s\n' "$1" >&2
  if [ -n "${2:-}" ] && [ -f "$2" ]; then
    printf '[lab] --- last lines of %s:\n' "$2" >&2
    tail -n 30 "$2" >&2
  fi
  exit 1
}
since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }
# step <description> <command...>: runs it, prints what and how long
step() {
  local what=$1 t0=$EPOCHREALTIME
  shift
  "$@"
  log "$what: ok ($(since "$t0"))"
}
# wait_for <seconds> <command...>: polls every 0.2 s until the command succeeds
wait_for() {
  local limit=$1 t0=$SECONDS
  shift
  while ! "$@" >/dev/null 2>&1; do
    ((SECONDS - t0 < limit)) || return 1
    sleep 0.2
  done
}
# pid_of <pidfile>: the pid in it, only if that process is still the daemon the file belongs to
# (a stale pid file after a reboot must never make us signal an unrelated process)
pid_of() {
  local pid comm expected
  [ -r "$1" ] && [ -s "$1" ] || return 1
  pid=$(tr -dc '0-9' <"$1")
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  case ${1##*/} in
    mysqld.pid) expected='mariadbd|mysqld' ;;
    *) expected=${1##*/}; expected=${expected%.pid} ;;
  esac
  [[ $comm =~ ^($expected)$ ]] || return 1
  echo "$pid"
}
# gone <pid>: the process has exited (a zombie not yet reaped by init counts as gone)
gone() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
  stat=${stat##*) }
  [ "${stat:0:1}" = Z ]
}
pid_alive() {
  local pid
  # /proc (in pid_of), not kill -0: status also works for a user who may not signal root's daemons
  pid_of "$1" >/dev/null
}
# stop_pidfile <name> <pidfile> <seconds> [log]: TERM, wait until the process is gone (KILL after the limit)
stop_pidfile() {
  local name=$1 file=$2 limit=$3 pid
  pid=$(pid_of "$file") || return 0
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_for "$limit" gone "$pid"; then
    warn "$name (pid $pid) still alive after ${limit} s; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    wait_for 10 gone "$pid" || die "$name (pid $pid) does not die" "${4:-}"
  fi
}
require_root() { [ "$(id -u)" = 0 ] || die "'$*' needs root (it installs packages and starts daemons)"; }
# the packages among the arguments that are not installed
missing_pkgs() {
  local p out=()
  for p; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -qx 'install ok installed' || out+=("$p")
  done
  echo "${out[*]}"
}
# install_pkgs <pkg...>: apt-get only what is missing; the packages' init scripts are kept from
# starting anything (we start our own daemons with our own configs)
install_pkgs() {
  local missing
  missing=$(missing_pkgs "$@")
  [ -n "$missing" ] || return 0
  [ "${LAB_SKIP_APT:-0}" != 1 ] || die "missing packages ($missing) and LAB_SKIP_APT=1"
  local t0=$EPOCHREALTIME policy=/usr/sbin/policy-rc.d added=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# slurm4j lab: temporary, while apt-get installs the lab packages\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    added=1
  fi
  log "apt-get install $missing"
  local rc=0
  { apt-get update -q >/tmp/slurm4j-lab-apt.log 2>&1 &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing >>/tmp/slurm4j-lab-apt.log 2>&1; } || rc=$?
  ((added)) && rm -f "$policy"
  ((rc == 0)) || die "apt-get install $missing (rc $rc)" /tmp/slurm4j-lab-apt.log
  log "packages: ok ($(since "$t0"))"
}
# install_file <rendered temp file> <target> <mode>: replaces target if different; returns 0 if it changed
install_file() {
  if [ -f "$2" ] && cmp -s "$1" "$2"; then
    rm -f "$1"
    return 1
  fi
  install -m "$3" -o root -g root "$1" "$2"
  rm -f "$1"
  return 0
}

# ---------------------------------------------------------------- users, names, devices
ensure_user() {
  local user=$1
  if ! getent passwd "$user" >/dev/null; then
    useradd -m -s /bin/bash "$user"
    log "created user $user"
  fi
}

ensure_alice() {
  ensure_user alice
  # set every time (cheap): it also unlocks the account, and with UsePAM no sshd refuses even keys
  # for a locked account
  echo "alice:$ALICE_PASSWORD" | chpasswd
  # sshd runs every command through the login shell; bash started by sshd reads its rc files
  # even for `bash -c` (~2.5 ms per command here; a site profile running slow tools adds ~95 ms),
  # so the test sshd's user gets a plain POSIX sh with no rc files: what is measured is slurm4j
  if [ "$(getent passwd alice | cut -d: -f7)" != /bin/sh ]; then
    usermod -s /bin/sh alice
    log "alice's login shell: /bin/sh"
  fi
}

ensure_hosts() {
  local line name added=()
  for line in "127.0.1.11 gpu01" "127.0.1.12 gpu02" "127.0.1.21 cpu01" "127.0.1.22 cpu02" "127.0.1.23 cpu03"; do
    name=${line#* }
    if ! grep -qE "^[^#]*[[:space:]]$name([[:space:]]|\$)" /etc/hosts; then
      echo "$line" >>/etc/hosts # appended, not rewritten: /etc/hosts may be a bind mount
      added+=("$name")
    fi
  done
  ((${#added[@]} == 0)) || log "/etc/hosts: added ${added[*]}"
}

# sets GPU_FILES: two dummy char devices if mknod is allowed, else /dev/null,/dev/zero
ensure_gpu_devices() {
  local i ok=1
  for i in 0 1; do
    if [ ! -c /dev/nvidia$i ]; then
      rm -f /dev/nvidia$i
      mknod /dev/nvidia$i c 195 $i 2>/dev/null || ok=0
    fi
  done
  if ((ok)); then
    GPU_FILES='/dev/nvidia[0-1]'
  else
    warn "mknod refused: the fake GPUs use /dev/null,/dev/zero"
    GPU_FILES='/dev/null,/dev/zero'
  fi
}

# ---------------------------------------------------------------- sshd
sshd_answers() {
  timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$SSH_PORT && IFS= read -r -t 2 line <&3 && [[ \$line == SSH-* ]]" 2>/dev/null
}

ensure_ssh_keys() {
  mkdir -p "$SSH_DIR"
  chmod 755 "$LAB_DIR"
  chmod 755 "$SSH_DIR" # private keys are 600; known_hosts and .pub readable by all
  local t bits
  for t in ed25519 ecdsa rsa; do
    bits=()
    [ "$t" = rsa ] && bits=(-b 3072)
    [ -f "$SSH_DIR/ssh_host_${t}_key" ] ||
      ssh-keygen -q -t "$t" "${bits[@]}" -N '' -C "slurm4j-lab-host-$t" -f "$SSH_DIR/ssh_host_${t}_key"
  done
  [ -f "$SSH_DIR/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C 'alice@slurm4j-lab' -f "$SSH_DIR/id_ed25519"
  [ -f "$SSH_DIR/id_ed25519_pass" ] ||
    ssh-keygen -q -t ed25519 -N "$KEY_PASSPHRASE" -C 'alice@slurm4j-lab (passphrase)' -f "$SSH_DIR/id_ed25519_pass"
  # known_hosts: every host key of the lab sshd, and one with the rsa key only
  local tmp
  tmp=$(mktemp)
  for t in ed25519 ecdsa rsa; do
    printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" "$(cut -d' ' -f1,2 "$SSH_DIR/ssh_host_${t}_key.pub")"
  done >"$tmp"
  install_file "$tmp" "$SSH_DIR/known_hosts" 644 || true
  tmp=$(mktemp)
  printf '[127.0.0.1]:%s %s\n' "$SSH_PORT" "$(cut -d' ' -f1,2 "$SSH_DIR/ssh_host_rsa_key.pub")" >"$tmp"
  install_file "$tmp" "$SSH_DIR/known_hosts.rsa-only" 644 || true
  # alice's authorized_keys: the public halves of both user keys
  local home
  home=$(getent passwd alice | cut -d: -f6)
  install -d -m 700 -o alice -g alice "$home/.ssh"
  tmp=$(mktemp)
  cat "$SSH_DIR/id_ed25519.pub" "$SSH_DIR/id_ed25519_pass.pub" >"$tmp"
  if ! cmp -s "$tmp" "$home/.ssh/authorized_keys"; then
    install -m 600 -o alice -g alice "$tmp" "$home/.ssh/authorized_keys"
  fi
  rm -f "$tmp"
  # a login runs nothing slow: no ~/.ssh/rc (PermitUserRC no), and no system-wide sshrc
  [ ! -e /etc/ssh/sshrc ] || warn "/etc/ssh/sshrc exists and runs at every lab login"
}

# renders sshd_config; returns 0 if it changed
render_sshd_config() {
  local tmp
  # the privilege separation directory (also needed by sshd -t)
  mkdir -p /run/sshd
  chmod 755 /run/sshd
  tmp=$(mktemp)
  sed "s|@SSH_DIR@|$SSH_DIR|g" "$TPL/sshd_config" >"$tmp"
  /usr/sbin/sshd -t -f "$tmp" 2>/tmp/slurm4j-lab-sshd-t.log || die "the lab sshd_config is invalid" /tmp/slurm4j-lab-sshd-t.log
  install_file "$tmp" "$SSH_CONFIG" 644
}

start_sshd() {
  mkdir -p /run/sshd
  chmod 755 /run/sshd
  [ -f "$SSH_CONFIG" ] || die "no $SSH_CONFIG; run '$0 up' first"
  if pid_alive "$SSH_PID" && sshd_answers; then
    return 0
  fi
  stop_pidfile sshd "$SSH_PID" 10
  /usr/sbin/sshd -f "$SSH_CONFIG" -E "$SSH_LOG" 9>&- || die "sshd did not start" "$SSH_LOG"
  wait_for 15 sshd_answers || die "sshd does not answer on 127.0.0.1:$SSH_PORT" "$SSH_LOG"
}
stop_sshd() { stop_pidfile sshd "$SSH_PID" 15 "$SSH_LOG"; }

# logs in as alice with the key and with the password, host key checked strictly
verify_ssh() {
  local opts=(-p "$SSH_PORT" -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$SSH_DIR/known_hosts"
    -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=10 -F /dev/null)
  local out
  out=$(ssh "${opts[@]}" -o BatchMode=yes -o IdentitiesOnly=yes -i "$SSH_DIR/id_ed25519" alice@127.0.0.1 id -un 2>&1) ||
    die "key login as alice failed: $out" "$SSH_LOG"
  [ "$out" = alice ] || die "key login as alice printed '$out'" "$SSH_LOG"
  local askpass
  askpass=$(mktemp)
  printf '#!/bin/sh\necho %s\n' "$ALICE_PASSWORD" >"$askpass"
  chmod 700 "$askpass"
  out=$(SSH_ASKPASS=$askpass SSH_ASKPASS_REQUIRE=force ssh "${opts[@]}" \
    -o PreferredAuthentications=password -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 \
    alice@127.0.0.1 id -un </dev/null 2>&1) || { rm -f "$askpass"; die "password login as alice failed: $out" "$SSH_LOG"; }
  rm -f "$askpass"
  [ "$out" = alice ] || die "password login as alice printed '$out'" "$SSH_LOG"
}

up_sshd() {
  [ -x /usr/sbin/sshd ] || install_pkgs openssh-server
  command -v ssh >/dev/null || install_pkgs openssh-client
  ensure_alice
  ensure_ssh_keys
  local changed=0
  render_sshd_config && changed=1
  if ((changed)) && pid_alive "$SSH_PID"; then
    log "sshd_config changed: reloading the lab sshd"
    kill -HUP "$(pid_of "$SSH_PID")"
    sleep 0.3
  fi
  if pid_alive "$SSH_PID" && sshd_answers; then
    log "sshd: already answering on 127.0.0.1:$SSH_PORT"
  else
    step "sshd: start on 127.0.0.1:$SSH_PORT" start_sshd
  fi
  step "sshd: key and password login as alice" verify_ssh
}

# ---------------------------------------------------------------- munge
munge_answers() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }
start_munge() {
  munge_answers && return 0
  if [ ! -s /etc/munge/munge.key ]; then
    mungekey --create --keyfile=/etc/munge/munge.key
  fi
  stop_munge
  # a munged that once ran as root leaves root-owned files that stop it
  mkdir -p /run/munge /var/log/munge /var/lib/munge
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
  chmod 600 /etc/munge/munge.key
  runuser -u munge -- /usr/sbin/munged 9>&- || die "munged did not start" /var/log/munge/munged.log
  wait_for 15 munge_answers || die "munge -n | unmunge fails" /var/log/munge/munged.log
}
stop_munge() { stop_pidfile munged "$MUNGE_PID" 10 /var/log/munge/munged.log; }

# ---------------------------------------------------------------- MariaDB
mariadb_answers() { mariadb-admin ping >/dev/null 2>&1; }
MARIADB_LOG=/tmp/slurm4j-lab-mariadb.log
start_mariadb() {
  mariadb_answers && return 0
  if [ ! -d /var/lib/mysql/mysql ]; then
    mariadb-install-db --user=mysql >"$MARIADB_LOG" 2>&1 || die "mariadb-install-db failed" "$MARIADB_LOG"
  fi
  install -d -m 755 -o mysql -g mysql /run/mysqld
  start-stop-daemon --start --background --exec /usr/bin/mysqld_safe 9>&- || die "mysqld_safe did not start"
  wait_for 60 mariadb_answers || die "MariaDB does not answer mariadb-admin ping" "$(mariadb_error_log)"
}
mariadb_error_log() {
  local f
  for f in /var/log/mysql/error.log /var/lib/mysql/"$(hostname)".err; do
    [ -f "$f" ] && { echo "$f"; return; }
  done
  echo "$MARIADB_LOG"
}
stop_mariadb() {
  local pid
  pid=$(pid_of "$MYSQL_PID" || true)
  if mariadb_answers; then
    mariadb-admin shutdown >/dev/null 2>&1 || true
  fi
  if [ -n "$pid" ]; then
    # mysqld_safe exits by itself after a clean shutdown
    wait_for 60 gone "$pid" || stop_pidfile mariadb "$MYSQL_PID" 10 "$(mariadb_error_log)"
  fi
}
ensure_slurm_db() {
  mariadb -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
    CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'slurmdbpass';
    GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';" || die "cannot create the slurm database and user"
}

# ---------------------------------------------------------------- Slurm daemons
slurmdbd_answers() { timeout 15 sacctmgr -n -P list cluster format=Cluster >/dev/null 2>&1; }
slurmctld_answers() { timeout 15 scontrol ping 2>/dev/null | grep -q 'is UP'; }
# slurmd is alive and its node is registered and responding
slurmd_answers() {
  pid_alive /run/slurmd.pid || return 1
  local state
  state=$(timeout 15 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1) || return 1
  [ -n "$state" ] && [[ $state != *'*' ]] && [[ $state != down* ]] && [[ $state != unknown* ]]
}
# slurmd (re)registered with slurmctld at or after <epoch second>: a stale "idle" from before a stop
# does not count
slurmd_registered_since() {
  local since=$1 line t
  pid_alive /run/slurmd.pid || return 1
  line=$(timeout 15 scontrol -o show node localhost 2>/dev/null) || return 1
  t=$(grep -o 'SlurmdStartTime=[^ ]*' <<<"$line" | cut -d= -f2)
  [ -n "$t" ] && [ "$t" != None ] && [ "$(date -d "$t" +%s)" -ge "$since" ]
}

start_slurmdbd() {
  slurmdbd_answers && return 0
  stop_pidfile slurmdbd /run/slurmdbd.pid 30 /var/log/slurmdbd.log
  /usr/sbin/slurmdbd 9>&- || die "slurmdbd did not start" /var/log/slurmdbd.log
  # the first start creates the tables
  wait_for 90 slurmdbd_answers || die "slurmdbd does not answer (sacctmgr list cluster)" /var/log/slurmdbd.log
}
stop_slurmdbd() { stop_pidfile slurmdbd /run/slurmdbd.pid 30 /var/log/slurmdbd.log; }

start_slurmctld() {
  slurmctld_answers && return 0
  stop_pidfile slurmctld /run/slurmctld.pid 30 /var/log/slurmctld.log
  mkdir -p /var/spool/slurmctld
  /usr/sbin/slurmctld 9>&- || die "slurmctld did not start" /var/log/slurmctld.log
  wait_for 60 slurmctld_answers || die "slurmctld does not answer (scontrol ping)" /var/log/slurmctld.log
  # a restarted slurmctld shows the node not responding ("idle*") until slurmd answers it again: a test
  # that runs next (FakeSlurmFidelityIT seeds a FakeSlurm from the node) must find it usable
  if pid_alive /run/slurmd.pid; then
    # not fatal: a node left DOWN is resumed by start_slurmd, which 'up' runs next
    wait_for 60 slurmd_answers ||
      log "node localhost does not respond 60 s after the slurmctld start ($(sinfo -h -N -n localhost -o '%T %E' 2>&1 | head -n1))"
  fi
}
# slurmctld saves its state on the way out (up to ~8 s)
stop_slurmctld() { stop_pidfile slurmctld /run/slurmctld.pid 60 /var/log/slurmctld.log; }

start_slurmd() {
  pid_alive /run/slurmd.pid && slurmd_answers && return 0
  stop_pidfile slurmd /run/slurmd.pid 30 /var/log/slurmd.log
  mkdir -p /var/spool/slurmd
  local t0
  t0=$(date +%s)
  /usr/sbin/slurmd 9>&- || die "slurmd did not start" /var/log/slurmd.log
  wait_for 60 slurmd_registered_since "$t0" ||
    die "slurmd did not register with slurmctld within 60 s (slurmctld: $(slurmctld_answers && echo answers || echo 'does not answer'))" /var/log/slurmd.log
  # a node left DOWN/INVAL by the stop or an older config is resumed; a DRAIN set by a test is kept
  resume_node_if_needed down inval fail
  wait_for 30 slurmd_answers ||
    die "node localhost is not usable after the slurmd start ($(sinfo -h -N -n localhost -o '%T %E' 2>&1 | head -n1))" /var/log/slurmd.log
  # an RPC that slurmctld had in flight to the old slurmd can fail just after the new one registered and
  # mark the node NOT_RESPONDING (seen once: "mixed*" for ~8 s); look again a second later
  sleep 1
  wait_for 30 slurmd_answers ||
    die "node localhost went NOT_RESPONDING after the slurmd start ($(sinfo -h -N -n localhost -o '%T %E' 2>&1 | head -n1))" /var/log/slurmd.log
}
stop_slurmd() { stop_pidfile slurmd /run/slurmd.pid 30 /var/log/slurmd.log; }

# resume_node_if_needed <state prefix...>: resumes node localhost if its state starts with one of them
resume_node_if_needed() {
  local state p
  state=$(timeout 15 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1) || return 0
  for p; do
    if [[ $state == "$p"* ]]; then
      log "node localhost is $state: resuming it"
      scontrol update nodename=localhost state=resume || true
      return 0
    fi
  done
}

# ---------------------------------------------------------------- Slurm config
# renders the Slurm config files; sets CHANGED_SLURM (slurm.conf/gres/cgroup) and CHANGED_DBD
render_slurm_config() {
  CHANGED_SLURM=0
  CHANGED_DBD=0
  mkdir -p "$SLURM_ETC"
  local tmp proctrack task params cgroup_v1=0
  if [ -d /sys/fs/cgroup/memory ] && [ -d /sys/fs/cgroup/freezer ] && [ -w /sys/fs/cgroup/memory ]; then
    cgroup_v1=1
  fi
  if ((cgroup_v1)); then
    proctrack=proctrack/cgroup task=task/cgroup params='# JobAcctGatherParams: cgroup v1 enforces memory'
    tmp=$(mktemp)
    cp "$TPL/cgroup.conf" "$tmp"
    install_file "$tmp" "$SLURM_ETC/cgroup.conf" 644 && CHANGED_SLURM=1
  else
    proctrack=proctrack/linuxproc task=task/none params='JobAcctGatherParams=OverMemoryKill'
    if [ -e "$SLURM_ETC/cgroup.conf" ]; then rm -f "$SLURM_ETC/cgroup.conf"; CHANGED_SLURM=1; fi
  fi
  tmp=$(mktemp)
  sed -e "s|@PROCTRACK@|$proctrack|" -e "s|@TASK@|$task|" -e "s|@JOBACCT_PARAMS@|$params|" "$TPL/slurm.conf" >"$tmp"
  install_file "$tmp" "$SLURM_ETC/slurm.conf" 644 && CHANGED_SLURM=1
  tmp=$(mktemp)
  sed "s|@GPU_FILES@|$GPU_FILES|g" "$TPL/gres.conf" >"$tmp"
  install_file "$tmp" "$SLURM_ETC/gres.conf" 644 && CHANGED_SLURM=1
  tmp=$(mktemp)
  cp "$TPL/epilog.sh" "$tmp"
  install_file "$tmp" "$SLURM_ETC/epilog.sh" 755 || true
  tmp=$(mktemp)
  cp "$TPL/slurmdbd.conf" "$tmp"
  install_file "$tmp" "$SLURM_ETC/slurmdbd.conf" 600 && CHANGED_DBD=1
  tmp=$(mktemp)
  cp "$TPL/60-slurm.cnf" "$tmp"
  mkdir -p /etc/mysql/mariadb.conf.d
  CHANGED_MARIADB=0
  install_file "$tmp" /etc/mysql/mariadb.conf.d/60-slurm.cnf 644 && CHANGED_MARIADB=1
  # the slow-epilog marker of the COMPLETING tests is absent by default
  rm -f "$SLURM_ETC/slow-epilog"
  ((cgroup_v1)) && log "config: cgroup v1 (proctrack/cgroup, task/cgroup)" ||
    log "config: no cgroup v1: proctrack/linuxproc, task/none, OverMemoryKill"
  return 0
}

# ---------------------------------------------------------------- accounting, scenery, smoke
accounting_complete() {
  local accts assocs qos
  accts=$(slc sacctmgr -n -P list account format=Account 2>/dev/null) || return 1
  assocs=$(slc sacctmgr -n -P list assoc cluster=$CLUSTER format=Account,User 2>/dev/null) || return 1
  qos=$(slc sacctmgr -n -P list qos format=Name 2>/dev/null) || return 1
  local a
  for a in research physics chemistry; do grep -qx "$a" <<<"$accts" || return 1; done
  grep -qx high <<<"$qos" || return 1
  for a in 'research|root' 'physics|alice' 'chemistry|alice' 'chemistry|bob'; do grep -qx "$a" <<<"$assocs" || return 1; done
}

# sacctmgr -i; "Nothing new added" is rc 1 on re-runs and is ignored
sacct_add() { slc sacctmgr -i "$@" >/dev/null 2>&1 || true; }
ensure_accounting() {
  sacct_add add account research parent=root description=research organization=lab
  sacct_add add account physics parent=research fairshare=60 description=physics organization=lab
  sacct_add add account chemistry parent=research fairshare=40 description=chemistry organization=lab
  sacct_add add qos high priority=100 maxwall=02:00:00
  sacct_add add user root account=research
  sacct_add add user alice account=physics,chemistry defaultaccount=physics
  sacct_add modify user alice set qos+=high
  sacct_add add user bob account=chemistry defaultaccount=chemistry
  sacct_add modify user bob where account=chemistry set maxjobs=1 maxsubmitjobs=3
  accounting_complete || die "accounting objects are incomplete: $(slc sacctmgr -n -P list assoc format=Account,User 2>&1 | tr '\n' ' ')"
}

ensure_cluster() {
  sacctmgr -n -P list cluster format=Cluster 2>/dev/null | grep -qx "$CLUSTER" && return 0
  sacctmgr -i add cluster "$CLUSTER" >/dev/null || die "cannot add cluster $CLUSTER" /var/log/slurmdbd.log
}

ensure_scenery() {
  local reason
  reason=$(slc sinfo -h -N -n cpu01 -o %E 2>/dev/null | head -n1)
  [ "$reason" = "disk replaced: wait for fsck" ] ||
    slc scontrol update nodename=cpu01 state=drain reason="disk replaced: wait for fsck"
  reason=$(slc sinfo -h -N -n cpu03 -o %E 2>/dev/null | head -n1)
  [ "$reason" = "PSU failure, ticket=INC-4711" ] ||
    slc scontrol update nodename=cpu03 state=down reason="PSU failure, ticket=INC-4711"
}

smoke_job() {
  local id state
  id=$(slc sbatch --parsable --chdir=/tmp --output=/dev/null --job-name=lab-smoke --wrap 'sleep 2' 2>&1) ||
    die "sbatch of the smoke job failed: $id" /var/log/slurmctld.log
  id=${id%%;*}
  smoke_done() {
    state=$(slc sacct -n -X -P -j "$1" -o State 2>/dev/null | head -n1)
    [ "$state" = COMPLETED ]
  }
  wait_for 60 smoke_done "$id" ||
    die "smoke job $id is not COMPLETED in sacct after 60 s (state: $(slc sacct -n -X -P -j "$id" -o State 2>&1 | head -n1))" /var/log/slurmctld.log
  log "smoke job $id COMPLETED"
}

# ---------------------------------------------------------------- newer Slurm versions in chroots
# Slurm 24.11 (Debian trixie) and 26.05 (Debian forky) run beside the host's 22.05, each in its own
# debootstrap chroot under $CHROOT_BASE/<version>: its own munged (key and socket inside the chroot),
# slurmdbd (own database on the host's MariaDB, over TCP), slurmctld, slurmd, sshd (alice, with the
# lab's user keys and the chroot's own host keys), on its own ports. /proc and /dev are mounted into
# the chroot; cgroups are not used there (proctrack/linuxproc, task/none, CgroupPlugin=disabled).
# A built chroot is kept; a missing one is rebuilt, from a tarball in $CHROOT_CACHE when a previous
# build left one, else with debootstrap (minutes: see the README).
CHROOT_VERSIONS=(24.11 26.05)
CHROOT_BASE=$LAB_DIR/chroots
CHROOT_CACHE=${SLURM4J_LAB_CACHE:-/var/cache/slurm4j-lab}
CHROOT_PKGS=munge,slurmctld,slurmd,slurm-client,slurmdbd,slurmrestd,openssh-server
CHROOT_MIRROR=${SLURM4J_LAB_MIRROR:-http://deb.debian.org/debian}
CHROOT_SERVICES=(sshd munge slurmdbd slurmctld slurmd)
declare -A V_SUITE=([24.11]=trixie [26.05]=forky)
declare -A V_SCRIPT=([24.11]=trixie [26.05]=sid) # bookworm's debootstrap has no forky script; sid's fits
declare -A V_SSH=([24.11]=2411 [26.05]=2605)
declare -A V_CTLD=([24.11]=24117 [26.05]=26057)
declare -A V_SLURMD=([24.11]=24118 [26.05]=26058)
declare -A V_DBD=([24.11]=24119 [26.05]=26059)
CHROOT_DB_PASS=slurmdbpass

croot() { echo "$CHROOT_BASE/$1"; }
# the database of a version: never the 22.05 one (a newer slurmdbd upgrades the schema it is given)
cdb() { echo "slurm_acct_db_${1//./_}"; }
cdbuser() { echo "slurm_${1//./_}"; }
# in_chroot <version> <command...>: runs it inside the chroot with a clean environment
in_chroot() {
  local v=$1
  shift
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root TERM=dumb chroot "$(croot "$v")" "$@"
}
# the commands of the Slurm helpers below (accounting, scenery, smoke): the host's, or a chroot's
# when IN_VERSION is set
slc() {
  if [ -n "${IN_VERSION:-}" ]; then in_chroot "$IN_VERSION" "$@"; else "$@"; fi
}
# mounted <dir>: something is mounted at or below it
mounted_below() { awk -v d="$1" '$2 == d || index($2, d "/") == 1 { f = 1 } END { exit !f }' /proc/mounts; }

mount_chroot() {
  local r
  r=$(croot "$1")
  mountpoint -q "$r/proc" || mount -t proc proc "$r/proc"
  if ! mountpoint -q "$r/dev"; then
    mount --rbind /dev "$r/dev"
    mount --make-rslave "$r/dev"
  fi
}
umount_chroot() {
  local r=$1
  mountpoint -q "$r/dev" && umount -R "$r/dev"
  mountpoint -q "$r/proc" && umount "$r/proc"
  ! mounted_below "$r" || die "$r still has mounts; not touching it"
}

chroot_built() { [ -f "$(croot "$1")/.slurm4j-lab-built" ]; }

# build_chroot <version>: from the tarball cache if there is one, else debootstrap (then cache it)
build_chroot() {
  local v=$1 r tmp tarball
  r=$(croot "$v")
  tmp=$r.tmp
  tarball=$CHROOT_CACHE/chroot-$v.tar
  mkdir -p "$CHROOT_BASE" "$CHROOT_CACHE"
  if [ -e "$tmp" ]; then
    umount_chroot "$tmp"
    rm -rf --one-file-system "$tmp"
  fi
  if [ -e "$r" ]; then # half there (no marker): start again
    umount_chroot "$r"
    rm -rf --one-file-system "$r"
  fi
  if [ -s "$tarball" ] && [ "$(cat "$tarball.pkgs" 2>/dev/null)" = "$CHROOT_PKGS" ]; then
    log "$v: chroot from the cache $tarball"
    mkdir -p "$tmp"
    tar -C "$tmp" -xpf "$tarball" || die "cannot extract $tarball"
  else
    [ "${LAB_SKIP_APT:-0}" != 1 ] || die "$v: no chroot and LAB_SKIP_APT=1"
    command -v debootstrap >/dev/null || install_pkgs debootstrap
    log "$v: debootstrap ${V_SUITE[$v]} with $CHROOT_PKGS (minutes)"
    mkdir -p "$CHROOT_CACHE/debs"
    nice -n 5 debootstrap --variant=minbase --include="$CHROOT_PKGS" \
      "${V_SUITE[$v]}" "$tmp" "$CHROOT_MIRROR" "/usr/share/debootstrap/scripts/${V_SCRIPT[$v]}" \
      >"/tmp/slurm4j-lab-debootstrap-$v.log" 2>&1 ||
      die "$v: debootstrap failed" "/tmp/slurm4j-lab-debootstrap-$v.log"
    in_chroot_dir "$tmp" apt-get clean >/dev/null 2>&1 || true
    if [ "${SLURM4J_LAB_TARBALL:-1}" = 1 ]; then
      tar -C "$tmp" -cf "$tarball.part" . && mv "$tarball.part" "$tarball" && echo "$CHROOT_PKGS" >"$tarball.pkgs"
      log "$v: cached as $tarball ($(du -sh "$tarball" | cut -f1))"
    fi
  fi
  echo "$CHROOT_PKGS" >"$tmp/.slurm4j-lab-built"
  mv "$tmp" "$r"
}
in_chroot_dir() {
  local d=$1
  shift
  env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root chroot "$d" "$@"
}

# c_install <version> <rendered temp file> <path inside the chroot> <mode>: returns 0 if it changed
c_install() { install_file "$2" "$(croot "$1")$3" "$4"; }

# renders a version's config files; sets C_CHANGED_SLURM, C_CHANGED_DBD, C_CHANGED_SSHD
render_chroot_config() {
  local v=$1 r tmp ip host
  r=$(croot "$v")
  C_CHANGED_SLURM=0 C_CHANGED_DBD=0 C_CHANGED_SSHD=0
  mkdir -p "$r/etc/slurm" "$r/var/spool/slurmctld" "$r/var/spool/slurmd" "$r/run/sshd" "$r/etc/ssh/slurm4j"
  # slurmd finds its node through this machine's hostname: the chroot must resolve it
  host=$(hostname)
  ip=$(getent hosts "$host" | awk 'NR == 1 { print $1 }')
  [ -n "$ip" ] || ip=127.0.1.1
  tmp=$(mktemp)
  {
    echo "# slurm4j lab chroot (Slurm $v), rendered by scripts/lab.sh"
    echo "127.0.0.1 localhost"
    [ "$ip" = 127.0.0.1 ] && echo "127.0.0.1 $host" || echo "$ip $host"
    printf '%s\n' "127.0.1.11 gpu01" "127.0.1.12 gpu02" "127.0.1.21 cpu01" "127.0.1.22 cpu02" "127.0.1.23 cpu03"
  } >"$tmp"
  c_install "$v" "$tmp" /etc/hosts 644 || true
  # the 22.05 template, without cgroups, on the version's ports
  tmp=$(mktemp)
  sed -e "s|@PROCTRACK@|proctrack/linuxproc|" -e "s|@TASK@|task/none|" \
    -e "s|@JOBACCT_PARAMS@|JobAcctGatherParams=OverMemoryKill|" \
    -e "s|^# slurm4j lab: single-node Slurm 22.05,|# slurm4j lab: single-node Slurm $v in a chroot,|" \
    "$TPL/slurm.conf" >"$tmp"
  {
    echo "# the chroot's own ports (22.05 on the host uses 6817-6819)"
    echo "SlurmctldPort=${V_CTLD[$v]}"
    echo "SlurmdPort=${V_SLURMD[$v]}"
    echo "AccountingStoragePort=${V_DBD[$v]}"
  } >>"$tmp"
  c_install "$v" "$tmp" /etc/slurm/slurm.conf 644 && C_CHANGED_SLURM=1
  tmp=$(mktemp)
  printf '# slurm4j lab chroot: no cgroups (proctrack/linuxproc, task/none)\nCgroupPlugin=disabled\n' >"$tmp"
  c_install "$v" "$tmp" /etc/slurm/cgroup.conf 644 && C_CHANGED_SLURM=1
  tmp=$(mktemp)
  sed "s|@GPU_FILES@|$GPU_FILES|g" "$TPL/gres.conf" >"$tmp"
  c_install "$v" "$tmp" /etc/slurm/gres.conf 644 && C_CHANGED_SLURM=1
  tmp=$(mktemp)
  cp "$TPL/epilog.sh" "$tmp"
  c_install "$v" "$tmp" /etc/slurm/epilog.sh 755 || true
  rm -f "$r/etc/slurm/slow-epilog"
  tmp=$(mktemp)
  sed -e "s|^DbdPort=.*|DbdPort=${V_DBD[$v]}|" -e "s|^StorageHost=.*|StorageHost=127.0.0.1\nStoragePort=3306|" \
    -e "s|^StorageUser=.*|StorageUser=$(cdbuser "$v")|" -e "s|^StorageLoc=.*|StorageLoc=$(cdb "$v")|" \
    "$TPL/slurmdbd.conf" >"$tmp"
  c_install "$v" "$tmp" /etc/slurm/slurmdbd.conf 600 && C_CHANGED_DBD=1
  # sshd: the lab's template on the version's port, host keys of its own
  local t bits
  for t in ed25519 ecdsa rsa; do
    bits=()
    [ "$t" = rsa ] && bits=(-b 3072)
    [ -f "$r/etc/ssh/slurm4j/ssh_host_${t}_key" ] ||
      ssh-keygen -q -t "$t" "${bits[@]}" -N '' -C "slurm4j-lab-$v-host-$t" -f "$r/etc/ssh/slurm4j/ssh_host_${t}_key"
  done
  tmp=$(mktemp)
  sed -e "s|@SSH_DIR@|/etc/ssh/slurm4j|g" -e "s|^Port 2222$|Port ${V_SSH[$v]}|" \
    -e "s|^# slurm4j lab sshd: .*|# slurm4j lab sshd of the Slurm $v chroot on 127.0.0.1:${V_SSH[$v]}|" "$TPL/sshd_config" >"$tmp"
  c_install "$v" "$tmp" /etc/ssh/slurm4j/sshd_config 644 && C_CHANGED_SSHD=1
  tmp=$(mktemp)
  for t in ed25519 ecdsa rsa; do
    printf '[127.0.0.1]:%s %s\n' "${V_SSH[$v]}" "$(cut -d' ' -f1,2 "$r/etc/ssh/slurm4j/ssh_host_${t}_key.pub")"
  done >"$tmp"
  install_file "$tmp" "$SSH_DIR/known_hosts-$v" 644 || true
}

ensure_chroot_users() {
  local v=$1 r u home tmp
  r=$(croot "$v")
  for u in alice bob; do
    in_chroot "$v" getent passwd "$u" >/dev/null || in_chroot "$v" useradd -m -s /bin/sh "$u"
  done
  echo "alice:$ALICE_PASSWORD" | in_chroot "$v" chpasswd
  home=$r/home/alice
  tmp=$(mktemp)
  cat "$SSH_DIR/id_ed25519.pub" "$SSH_DIR/id_ed25519_pass.pub" >"$tmp"
  in_chroot "$v" install -d -m 700 -o alice -g alice /home/alice/.ssh
  if ! cmp -s "$tmp" "$home/.ssh/authorized_keys"; then
    install -m 600 "$tmp" "$home/.ssh/authorized_keys"
    in_chroot "$v" chown alice:alice /home/alice/.ssh/authorized_keys
  fi
  rm -f "$tmp"
}

ensure_chroot_db() {
  local v=$1 db user
  db=$(cdb "$v")
  user=$(cdbuser "$v")
  # the database belongs to the chroot: a new chroot (fresh slurmctld state, job ids from 1) starts
  # with an empty one, or sacct would mix the jobs of both
  if [ ! -f "$(croot "$v")/.slurm4j-lab-db" ]; then
    mariadb -e "DROP DATABASE IF EXISTS $db" || die "$v: cannot drop the old database $db"
  fi
  mariadb -e "CREATE DATABASE IF NOT EXISTS $db;
    CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$CHROOT_DB_PASS';
    CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY '$CHROOT_DB_PASS';
    GRANT ALL ON $db.* TO '$user'@'127.0.0.1';
    GRANT ALL ON $db.* TO '$user'@'localhost';" || die "$v: cannot create the database $db and user $user"
  touch "$(croot "$v")/.slurm4j-lab-db"
}

# the daemons of a chroot: pid files and logs are the chroot's, seen from the host
cpid() {
  local r
  r=$(croot "$1")
  case $2 in
    munge) echo "$r/run/munge/munged.pid" ;;
    sshd) echo "$r/etc/ssh/slurm4j/sshd.pid" ;; # the name tells pid_of which program it is
    *) echo "$r/run/$2.pid" ;;
  esac
}
clog() {
  local r
  r=$(croot "$1")
  case $2 in
    munge) echo "$r/var/log/munge/munged.log" ;;
    sshd) echo "$r/var/log/sshd-slurm4j.log" ;;
    *) echo "$r/var/log/$2.log" ;;
  esac
}
c_answers() {
  local v=$1 s=$2
  [ -d "$(croot "$v")/proc/self" ] || return 1
  case $s in
    sshd) pid_alive "$(cpid "$v" sshd)" && timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/${V_SSH[$v]} && IFS= read -r -t 2 line <&3 && [[ \$line == SSH-* ]]" 2>/dev/null ;;
    munge) in_chroot "$v" sh -c 'munge -n | unmunge' >/dev/null 2>&1 ;;
    slurmdbd) pid_alive "$(cpid "$v" slurmdbd)" && in_chroot "$v" timeout 15 sacctmgr -n -P list cluster format=Cluster >/dev/null 2>&1 ;;
    slurmctld) in_chroot "$v" timeout 15 scontrol ping 2>/dev/null | grep -q 'is UP' ;;
    slurmd)
      pid_alive "$(cpid "$v" slurmd)" || return 1
      local state
      state=$(in_chroot "$v" timeout 15 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1) || return 1
      [ -n "$state" ] && [[ $state != *'*' ]] && [[ $state != down* ]] && [[ $state != unknown* ]]
      ;;
  esac
}
c_start() {
  local v=$1 s=$2 r
  r=$(croot "$v")
  c_answers "$v" "$s" && return 0
  mount_chroot "$v"
  case $s in
    munge)
      c_stop "$v" munge
      [ -s "$r/etc/munge/munge.key" ] || in_chroot "$v" mungekey --create --keyfile=/etc/munge/munge.key
      in_chroot "$v" sh -c 'mkdir -p /run/munge /var/log/munge /var/lib/munge &&
        chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge && chmod 600 /etc/munge/munge.key'
      in_chroot "$v" runuser -u munge -- /usr/sbin/munged 9>&- || die "$v: munged did not start" "$(clog "$v" munge)"
      ;;
    sshd)
      c_stop "$v" sshd
      in_chroot "$v" /usr/sbin/sshd -f /etc/ssh/slurm4j/sshd_config \
        -E /var/log/sshd-slurm4j.log 9>&- || die "$v: sshd did not start" "$(clog "$v" sshd)"
      ;;
    slurmd)
      c_stop "$v" slurmd
      in_chroot "$v" /usr/sbin/slurmd 9>&- || die "$v: slurmd did not start" "$(clog "$v" slurmd)"
      ;;
    *)
      c_stop "$v" "$s"
      in_chroot "$v" "/usr/sbin/$s" 9>&- || die "$v: $s did not start" "$(clog "$v" "$s")"
      ;;
  esac
  local limit=60
  [ "$s" = slurmdbd ] && limit=120 # the first start creates (or upgrades) the tables
  if [ "$s" = slurmd ]; then
    # a node left DOWN by a stop is resumed once slurmd registered
    wait_for "$limit" c_slurmd_registered "$v" || die "$v: slurmd did not register with slurmctld" "$(clog "$v" slurmd)"
    c_resume_if "$v" down inval fail
  fi
  wait_for "$limit" c_answers "$v" "$s" || die "$v: $s does not answer" "$(clog "$v" "$s")"
  # as on the host: after a slurmctld start, the node responds again before the next user comes
  if [ "$s" = slurmctld ] && pid_alive "$(cpid "$v" slurmd)"; then
    wait_for 60 c_answers "$v" slurmd || log "$v: node localhost does not respond 60 s after the slurmctld start"
  fi
}
c_slurmd_registered() {
  local state
  pid_alive "$(cpid "$1" slurmd)" || return 1
  state=$(in_chroot "$1" timeout 15 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1) || return 1
  [ -n "$state" ] && [[ $state != *'*' ]]
}
c_resume_if() {
  local v=$1 state p
  shift
  state=$(in_chroot "$v" timeout 15 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1) || return 0
  for p; do
    if [[ $state == "$p"* ]]; then
      log "$v: node localhost is $state: resuming it"
      in_chroot "$v" scontrol update nodename=localhost state=resume || true
      return 0
    fi
  done
}
c_stop() {
  local v=$1 s=$2 limit=30
  [ "$s" = slurmctld ] && limit=60
  stop_pidfile "$v $s" "$(cpid "$v" "$s")" "$limit" "$(clog "$v" "$s")"
}
c_start_if_down() {
  if c_answers "$1" "$2"; then
    log "$1 $2: already answering"
    return 0
  fi
  step "$1 $2: start" c_start "$1" "$2"
  return 1
}

verify_chroot_ssh() {
  local v=$1 out
  out=$(ssh -p "${V_SSH[$v]}" -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$SSH_DIR/known_hosts-$v" \
    -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=10 -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes \
    -i "$SSH_DIR/id_ed25519" alice@127.0.0.1 sinfo --version 2>&1) || die "$v: key login as alice failed: $out" "$(clog "$v" sshd)"
  [[ $out == *" $v."* ]] || die "$v: sinfo --version over ssh printed '$out'"
}

up_chroot() {
  local v=$1 started=0 t0=$EPOCHREALTIME
  if ! chroot_built "$v"; then
    step "$v: chroot $(croot "$v")" build_chroot "$v"
  fi
  mount_chroot "$v"
  ensure_chroot_users "$v"
  render_chroot_config "$v"
  ensure_chroot_db "$v"
  if ((C_CHANGED_SSHD)) && pid_alive "$(cpid "$v" sshd)"; then
    kill -HUP "$(pid_of "$(cpid "$v" sshd)")"
    sleep 0.3
  fi
  c_start_if_down "$v" sshd || true
  c_start_if_down "$v" munge || started=1
  if ((C_CHANGED_DBD)) && pid_alive "$(cpid "$v" slurmdbd)"; then
    step "$v slurmdbd: restart (config changed)" eval "c_stop $v slurmdbd; c_start $v slurmdbd"
    started=1
  fi
  c_start_if_down "$v" slurmdbd || started=1
  if ((C_CHANGED_SLURM)) && { pid_alive "$(cpid "$v" slurmctld)" || pid_alive "$(cpid "$v" slurmd)"; }; then
    step "$v slurmd: stop (config changed)" c_stop "$v" slurmd
    step "$v slurmctld: restart (config changed)" eval "c_stop $v slurmctld; c_start $v slurmctld"
    started=1
  fi
  c_start_if_down "$v" slurmctld || started=1
  c_start_if_down "$v" slurmd || started=1
  c_resume_if "$v" drain down inval fail
  IN_VERSION=$v
  if ! accounting_complete; then
    step "$v accounting: accounts, qos, users" ensure_accounting
    started=1
  fi
  ensure_scenery
  if ((started)) || [ "${SMOKE:-0}" = 1 ]; then
    step "$v smoke job" smoke_job
  fi
  IN_VERSION=
  step "$v sshd: key login as alice" verify_chroot_ssh "$v"
  log "$v: up ($(since "$t0"))"
}

down_chroot() {
  local v=$1 s
  chroot_built "$v" || return 0
  for s in sshd slurmd slurmctld slurmdbd munge; do
    step "$v $s: stop" c_stop "$v" "$s"
  done
  umount_chroot "$(croot "$v")"
}

chroot_status() {
  local v=$1 s all=0 detail
  for s in "${CHROOT_SERVICES[@]}"; do
    detail="pid $(pid_of "$(cpid "$v" "$s")" 2>/dev/null || echo -)"
    case $s in
      sshd) detail="127.0.0.1:${V_SSH[$v]}, $detail" ;;
      slurmctld) detail="port ${V_CTLD[$v]}, $detail" ;;
      slurmdbd) detail="port ${V_DBD[$v]}, db $(cdb "$v"), $detail" ;;
      slurmd) detail="port ${V_SLURMD[$v]}, $detail, node localhost $(in_chroot "$v" timeout 5 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1)" ;;
    esac
    if chroot_built "$v" && c_answers "$v" "$s"; then
      printf '%-6s %-10s up    %s\n' "$v" "$s" "$detail"
    else
      printf '%-6s %-10s down  %s\n' "$v" "$s" "$detail"
      all=1
    fi
  done
  return $all
}

# ---------------------------------------------------------------- actions
SLURM_PKGS=(munge slurm-client slurmctld slurmd slurm-wlm-basic-plugins slurmdbd mariadb-server)

up_slurm() {
  local started=0
  install_pkgs "${SLURM_PKGS[@]}"
  ensure_user alice
  ensure_user bob
  ensure_hosts
  ensure_gpu_devices
  render_slurm_config
  start_if_down munge || started=1
  if ((CHANGED_MARIADB)) && mariadb_answers; then
    step "mariadb: restart (config changed)" eval "stop_mariadb; start_mariadb"
    started=1
  fi
  start_if_down mariadb || started=1
  ensure_slurm_db
  if ((CHANGED_DBD)) && pid_alive /run/slurmdbd.pid; then
    step "slurmdbd: restart (config changed)" eval "stop_slurmdbd; start_slurmdbd"
    started=1
  fi
  start_if_down slurmdbd || started=1
  ensure_cluster
  if ((CHANGED_SLURM)) && { pid_alive /run/slurmctld.pid || pid_alive /run/slurmd.pid; }; then
    step "slurmd: stop (config changed)" stop_slurmd
    step "slurmctld: restart (config changed)" eval "stop_slurmctld; start_slurmctld"
    started=1
  fi
  start_if_down slurmctld || started=1
  start_if_down slurmd || started=1
  # `up` restores a usable node, also from a DRAIN an older config or a test left behind
  resume_node_if_needed drain down inval fail
  if ! accounting_complete; then
    step "accounting: accounts research/physics/chemistry, qos high, users root/alice/bob" ensure_accounting
    started=1
  fi
  ensure_scenery
  if ((started)) || [ "${SMOKE:-0}" = 1 ]; then
    step "smoke job" smoke_job
  fi
}

# start_if_down <service>: returns 1 if it had to start it
start_if_down() {
  if "${1}_answers"; then
    log "$1: already answering"
    return 0
  fi
  step "$1: start" "start_$1"
  return 1
}

status() {
  local s all=0 detail
  for s in "${SERVICES[@]}"; do
    detail=
    case $s in
      sshd) detail="127.0.0.1:$SSH_PORT, pid $(pid_of "$SSH_PID" 2>/dev/null || echo -)" ;;
      munge) detail="pid $(pid_of "$MUNGE_PID" 2>/dev/null || echo -)" ;;
      mariadb) detail="pid $(pid_of "$MYSQL_PID" 2>/dev/null || echo -)" ;;
      slurmd) detail="pid $(pid_of /run/slurmd.pid 2>/dev/null || echo -), node localhost $(timeout 5 sinfo -h -N -n localhost -o %T 2>/dev/null | head -n1)" ;;
      *) detail="pid $(pid_of /run/$s.pid 2>/dev/null || echo -)" ;;
    esac
    if command -v "${s}_answers" >/dev/null && "${s}_answers"; then
      printf '%-10s up    %s\n' "$s" "$detail"
    else
      printf '%-10s down  %s\n' "$s" "$detail"
      all=1
    fi
  done
  local v
  for v in $(lab_versions); do
    chroot_status "$v" || all=1
  done
  return $all
}

# the chroot versions `up`, `down` and `status` handle: SLURM4J_LAB_VERSIONS (default: all; "" for none)
lab_versions() {
  local v
  for v in ${SLURM4J_LAB_VERSIONS-${CHROOT_VERSIONS[*]}}; do
    [ -n "${V_SUITE[$v]:-}" ] || die "unknown lab version '$v' (one of: ${CHROOT_VERSIONS[*]})"
    echo "$v"
  done
}

valid_service() {
  local s
  if [[ $1 == *@* ]]; then
    [ -n "${V_SUITE[${1#*@}]:-}" ] || die "unknown lab version in '$1' (one of: ${CHROOT_VERSIONS[*]})"
    for s in "${CHROOT_SERVICES[@]}"; do [ "$s" = "${1%@*}" ] && return 0; done
    die "unknown service '$1' (one of: ${CHROOT_SERVICES[*]}, @version)"
  fi
  for s in "${SERVICES[@]}"; do [ "$s" = "$1" ] && return 0; done
  die "unknown service '$1' (one of: ${SERVICES[*]}; or <service>@<version>)"
}

# chroot_lock <version>: fd 9 holds the lock of one chroot cluster (and no longer the 22.05 one)
chroot_lock() {
  mkdir -p "$CHROOT_BASE"
  exec 9>"$CHROOT_BASE/.lock-$1"
  flock -w 1200 9 || die "another lab.sh holds $CHROOT_BASE/.lock-$1"
}

lock() {
  mkdir -p "$LAB_DIR"
  # fd 9 holds the lock; every daemon is started with 9>&- so none inherits it
  exec 9>"$LAB_DIR/.lock"
  flock -w 300 9 || die "another lab.sh holds $LAB_DIR/.lock"
}

main() {
  local action=${1:-} t0=$EPOCHREALTIME
  case $action in
    up)
      require_root up
      # missing chroots are built in the background, both at once, while the 22.05 lab comes up
      # (a first build is minutes of downloads and dpkg); each under its own lock, never the 22.05
      # lab's (fault tests of other checkouts start and stop its daemons through that lock)
      local v builds=() versions
      versions=$(lab_versions)
      for v in $versions; do
        if ! chroot_built "$v"; then
          [ -s "$CHROOT_CACHE/chroot-$v.tar" ] || command -v debootstrap >/dev/null || install_pkgs debootstrap
          (chroot_lock "$v" && { chroot_built "$v" || step "$v: chroot $(croot "$v")" build_chroot "$v"; }) &
          builds+=("$!")
        fi
      done
      lock
      up_sshd
      up_slurm
      exec 9>&-
      for v in "${builds[@]}"; do
        wait "$v" || die "building a chroot failed (see above)"
      done
      for v in $versions; do
        chroot_lock "$v"
        up_chroot "$v"
      done
      log "up: done in $(since "$t0")"
      ;;
    up-sshd)
      require_root up-sshd
      lock
      up_sshd
      log "up-sshd: done in $(since "$t0")"
      ;;
    down)
      require_root down
      local s v
      for v in $(lab_versions); do
        chroot_lock "$v"
        down_chroot "$v"
      done
      lock
      for s in slurmd slurmctld slurmdbd mariadb munge sshd; do
        step "$s: stop" "stop_$s"
      done
      log "down: done in $(since "$t0")"
      ;;
    start | stop | restart)
      [ $# -eq 2 ] || die "usage: $0 $action <service> (one of: ${SERVICES[*]})"
      valid_service "$2"
      require_root "$action $2"
      if [[ $2 == *@* ]]; then
        local v=${2#*@} svc=${2%@*}
        chroot_lock "$v"
        chroot_built "$v" || die "no chroot for $v; run '$0 up' first"
        case $action in
          start) step "$2: start" c_start "$v" "$svc" ;;
          stop) step "$2: stop" c_stop "$v" "$svc" ;;
          restart) step "$2: stop" c_stop "$v" "$svc"; step "$2: start" c_start "$v" "$svc" ;;
        esac
        return 0
      fi
      lock
      case $action in
        start) step "$2: start" "start_$2" ;;
        stop) step "$2: stop" "stop_$2" ;;
        restart) step "$2: stop" "stop_$2"; step "$2: start" "start_$2" ;;
      esac
      ;;
    status) status ;;
    *)
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"
