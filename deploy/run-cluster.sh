#!/usr/bin/env bash
# The production topology as plain processes on one machine (no Docker): a Redis on loopback with AOF persistence
# and N silos clustered through it, all using one Meilisearch, each silo serving the REST API on its own port.
# Usage (from anywhere; the keys come from the environment only, never from the command line):
#
#   PLATFORM_MASTER_KEY=... MEILI_MASTER_KEY=... deploy/run-cluster.sh --silos 3 --http-port 7700 \
#     --silo-port 11111 --redis-port 6390 --engine-url http://127.0.0.1:7710 --data-dir .platform-data/cluster
#
# Silo i listens on http-port+i and silo-port+i. It prints each silo's URL and pid, waits until every silo answers
# GET /health/ready, and then runs until Ctrl+C or SIGTERM, which stops what it started (silos first, Redis last),
# by pid. --no-build skips `dotnet build` when the host is already built in Release. See deploy/README.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)

usage() {
  echo "usage: PLATFORM_MASTER_KEY=... MEILI_MASTER_KEY=... deploy/run-cluster.sh --engine-url URL [options]" >&2
  echo "options: --silos N (default 3) --http-port P (7700) --silo-port P (11111) --redis-port P (6390)" >&2
  echo "         --engine-url URL (required) --data-dir DIR (.platform-data/cluster) --ready-timeout S (120) --no-build" >&2
  exit 2
}

silos=3 http_port=7700 silo_port=11111 redis_port=6390 engine_url='' data_dir=.platform-data/cluster
ready_timeout=120 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=${2:?}; shift 2 ;;
    --http-port) http_port=${2:?}; shift 2 ;;
    --silo-port) silo_port=${2:?}; shift 2 ;;
    --redis-port) redis_port=${2:?}; shift 2 ;;
    --engine-url) engine_url=${2:?}; shift 2 ;;
    --data-dir) data_dir=${2:?}; shift 2 ;;
    --ready-timeout) ready_timeout=${2:?}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done

[ -n "$engine_url" ] || { echo "--engine-url is required (Meilisearch's address, e.g. http://127.0.0.1:7710)" >&2; exit 2; }
for n in "$silos" "$http_port" "$silo_port" "$redis_port" "$ready_timeout"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a number: $n" >&2; exit 2; }
done
# The keys are read from the environment and handed to the children through theirs: a command line is readable by
# every user of the machine (ps, /proc/<pid>/cmdline).
: "${PLATFORM_MASTER_KEY:?set PLATFORM_MASTER_KEY (at least 16 bytes) in the environment}"
: "${MEILI_MASTER_KEY:?set MEILI_MASTER_KEY (the master key of Meilisearch) in the environment}"
export PLATFORM_MASTER_KEY
command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed (apt-get install curl)" >&2; exit 1; }

mkdir -p "$data_dir/redis"
data_dir=$(cd "$data_dir" && pwd)
pids=()
cleanup() {
  set +e
  trap - INT TERM
  # Silos first, all at once (each drains, hands its grains off and leaves the membership table in Redis), then
  # Redis, whose SIGTERM shutdown flushes the AOF. A process still running after 60 s is killed.
  alive() { for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
  stop() {
    kill -TERM "$@" 2>/dev/null
    for _ in $(seq 600); do alive "$@" || break; sleep 0.1; done
    kill -KILL "$@" 2>/dev/null
    wait "$@" 2>/dev/null
  }
  [ ${#pids[@]} -gt 1 ] && stop "${pids[@]:1}"
  [ ${#pids[@]} -gt 0 ] && stop "${pids[0]}"
  echo "stopped"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# AOF with an fsync per write: a write the platform acknowledged survives a Redis crash or restart.
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$data_dir/redis" --appendonly yes --appendfsync always \
  --save "" >"$data_dir/redis/redis.log" 2>&1 &
pids+=($!)
echo "redis: 127.0.0.1:$redis_port pid $! (AOF in $data_dir/redis)"

if [ "$build" -eq 1 ]; then
  dotnet build "$repo/silo/Platform.Silo" -c Release -nologo -v quiet --disable-build-servers >"$data_dir/build.log" 2>&1 \
    || { cat "$data_dir/build.log" >&2; exit 1; }
fi

urls=()
for ((i = 0; i < silos; i++)); do
  url="http://127.0.0.1:$((http_port + i))"
  Platform__Search__Meilisearch__ApiKey="$MEILI_MASTER_KEY" dotnet "$repo/silo/Platform.Silo/bin/Release/net10.0/Platform.Silo.dll" \
    --Platform:Environment=production \
    "--Platform:DataPath=$data_dir/silo$i" \
    "--Platform:Listen=$url" \
    "--Platform:Cluster:Redis=127.0.0.1:$redis_port" \
    "--Platform:Cluster:SiloPort=$((silo_port + i))" \
    --Platform:Search:Engine=meilisearch \
    "--Platform:Search:Meilisearch:Url=$engine_url" >"$data_dir/silo$i.log" 2>&1 &
  pids+=($!)
  urls+=("$url")
  echo "silo $i: $url pid $! (log $data_dir/silo$i.log)"
done

# Ready means an active cluster member whose storage and engine answer. A silo that exits instead stops the script.
deadline=$((SECONDS + ready_timeout))
for ((i = 0; i < silos; i++)); do
  until curl -fsS -o /dev/null --max-time 2 "${urls[i]}/health/ready" 2>/dev/null; do
    if ! kill -0 "${pids[i + 1]}" 2>/dev/null; then
      echo "silo $i exited before it was ready; its log:" >&2; tail -n 40 "$data_dir/silo$i.log" >&2; exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "silo $i was not ready within ${ready_timeout}s; its log:" >&2; tail -n 40 "$data_dir/silo$i.log" >&2; exit 1
    fi
    sleep 0.5
  done
done
echo "cluster ready: $silos silos"
wait
