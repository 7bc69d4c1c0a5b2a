#!/usr/bin/env bash
# The full test suite: installs what the tests need (on Debian, as root), then runs every test.
# This is the README's test command; .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
# headless Chromium for GatewayPageIT (the gateway's console page in a real browser); only root can
# install it: otherwise that IT is skipped, except with CI=true where it fails
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    need_apt+=(chromium)
  else
    echo "chromium is missing (run as root, or apt-get install chromium); GatewayPageIT will be" \
      "$([ "${CI:-}" = true ] && echo "failed (CI=true)" || echo skipped)" >&2
  fi
fi
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
  else
    echo "missing: ${need_apt[*]} (run as root, or install them)" >&2
    exit 1
  fi
fi

# the lab the ITs run against (scripts/lab.sh: Slurm 22.05 + slurmdbd + the sshd on 127.0.0.1:2222,
# and Slurm 24.11 and 26.05 in chroots with their sshds on 127.0.0.1:2411 and :2605);
# ITs skip when it is missing, except with CI=true where they fail. SLURM4J_LAB=off skips this step.
if [ "${SLURM4J_LAB:-on}" = off ]; then
  echo "SLURM4J_LAB=off: not bringing up the lab" >&2
elif [ "$(id -u)" = 0 ]; then
  scripts/lab.sh up
elif ! scripts/lab.sh status; then
  if [ "${CI:-}" = true ]; then
    echo "CI=true, the lab is not up and bringing it up needs root: run 'sudo scripts/lab.sh up' first" >&2
    exit 1
  fi
  echo "the lab is not up (bringing it up needs root: 'sudo scripts/lab.sh up'); its ITs will be skipped" >&2
fi

# the Redis servers of slurm-redis's ITs (scripts/redis.sh: standalone with requirepass + a cluster of
# three masters, loopback ports; installs redis-server when missing). SLURM4J_REDIS=off skips it;
# the Redis ITs then skip, except with CI=true where they fail.
if [ "${SLURM4J_REDIS:-on}" = off ]; then
  echo "SLURM4J_REDIS=off: not bringing up Redis" >&2
elif ! scripts/redis.sh up; then
  if [ "${CI:-}" = true ]; then
    echo "CI=true and Redis could not be brought up" >&2
    exit 1
  fi
  echo "Redis could not be brought up; the Redis ITs will be skipped" >&2
fi

# unit tests, integration tests, coverage gate (slurm-parsers >= 90% lines), samples smoke runs
mvn -B -ntp verify "$@"
