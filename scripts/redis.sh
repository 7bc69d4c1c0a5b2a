#!/usr/bin/env bash
# The Redis servers the slurm-redis ITs run against, from Debian's redis-server, all on loopback:
#   standalone  127.0.0.1:16379 with requirepass
#   cluster     127.0.0.1:17001-17003, three masters (--cluster-enabled yes), same password
# usage: scripts/redis.sh up|down|status|restart-standalone
# Idempotent: 'up' starts only what is not running and creates the cluster only when its slots
# are not all assigned. State lives in $SLURM4J_REDIS_DIR (default /tmp/slurm4j-redis).
# The port and password are fixed here and in the tests' RedisLab (slurm-redis/src/test).
set -euo pipefail
DIR=${SLURM4J_REDIS_DIR:-/tmp/slurm4j-redis}
PASS=slurm4j-redis-test
STANDALONE=16379
CLUSTER=(17001 17002 17003)

cli() { local port=$1; shift; redis-cli -p "$port" -a "$PASS" --no-auth-warning "$@"; }
alive() { [ "$(cli "$1" ping 2>/dev/null)" = PONG ]; }

install() {
  command -v redis-server >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q redis-server
    # Debian's package may start its own service on 6379; ours run on their own ports
  else
    echo "redis-server is missing (run as root, or apt-get install redis-server)" >&2
    return 1
  fi
}

start() {
  local port=$1; shift
  alive "$port" && return 0
  mkdir -p "$DIR/$port"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$DIR/$port" --daemonize yes \
    --pidfile "$DIR/$port/redis.pid" --logfile "$DIR/$port/redis.log" \
    --save '' --appendonly no --requirepass "$PASS" --masterauth "$PASS" "$@"
  for _ in $(seq 1 50); do alive "$port" && return 0; sleep 0.1; done
  echo "redis-server on $port did not start; see $DIR/$port/redis.log" >&2
  return 1
}

stop() {
  local port=$1
  if alive "$port"; then cli "$port" shutdown nosave >/dev/null 2>&1 || true; fi
  for _ in $(seq 1 50); do alive "$port" || return 0; sleep 0.1; done
}

cluster_ok() { cli "${CLUSTER[0]}" cluster info 2>/dev/null | grep -q '^cluster_state:ok'; }

case "${1:-status}" in
  up)
    install
    t0=$(date +%s%N)
    start "$STANDALONE"
    for p in "${CLUSTER[@]}"; do
      start "$p" --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 2000
    done
    if ! cluster_ok; then
      if [ "$(cli "${CLUSTER[0]}" dbsize)" != 0 ] || cli "${CLUSTER[0]}" cluster info | grep -q 'cluster_known_nodes:[2-9]'; then
        for p in "${CLUSTER[@]}"; do cli "$p" flushall >/dev/null; cli "$p" cluster reset hard >/dev/null; done
      fi
      redis-cli -a "$PASS" --no-auth-warning --cluster create \
        $(printf '127.0.0.1:%s ' "${CLUSTER[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
      for _ in $(seq 1 100); do cluster_ok && break; sleep 0.1; done
      cluster_ok || { echo "the Redis cluster did not reach cluster_state:ok" >&2; exit 1; }
    fi
    echo "redis up in $(( ($(date +%s%N) - t0) / 1000000 )) ms: standalone 127.0.0.1:$STANDALONE, cluster 127.0.0.1:${CLUSTER[*]}"
    ;;
  down)
    stop "$STANDALONE"
    for p in "${CLUSTER[@]}"; do stop "$p"; done
    rm -rf "$DIR"
    ;;
  restart-standalone)
    stop "$STANDALONE"
    start "$STANDALONE"
    ;;
  status)
    ok=0
    alive "$STANDALONE" && echo "standalone $STANDALONE: up" || { echo "standalone $STANDALONE: down"; ok=1; }
    cluster_ok && echo "cluster ${CLUSTER[*]}: ok" || { echo "cluster ${CLUSTER[*]}: not ok"; ok=1; }
    exit $ok
    ;;
  *)
    echo "usage: $0 up|down|status|restart-standalone" >&2
    exit 2
    ;;
esac
