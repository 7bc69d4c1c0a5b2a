#!/usr/bin/env bash
# The full test suite: installs what the tests need (on Debian, as root), then runs every test.
# This is the README's test command; .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v java >/dev/null 2>&1 || need_apt+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need_apt+=(maven)
if ((${#need_apt[@]})); then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}"
  else
    echo "missing: ${need_apt[*]} (run as root, or install them)" >&2
    exit 1
  fi
fi

# unit tests, integration tests, coverage gate (slurm-parsers >= 90% lines), samples smoke runs
mvn -B -ntp verify "$@"
