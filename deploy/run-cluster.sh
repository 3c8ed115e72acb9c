#!/usr/bin/env bash
# The production topology as plain processes on one machine (no Docker): a Redis on loopback and N silos
# clustered through it, each serving the REST API on its own port (7700, 7701, ...). Ctrl+C stops everything
# this script started. Usage:
#   PLATFORM_MASTER_KEY=<at least 16 bytes> deploy/run-cluster.sh [silos=2]
# With MEILI_URL and MEILI_MASTER_KEY set, the silos use that Meilisearch instead of the embedded engine
# (the embedded engine keeps its data on each silo's disk, so it suits a single silo only).
set -euo pipefail
cd "$(dirname "$0")/.."
silos=${1:-2}
: "${PLATFORM_MASTER_KEY:?set PLATFORM_MASTER_KEY (at least 16 bytes)}"
command -v redis-server >/dev/null || { echo "redis-server is not installed (apt-get install redis-server)"; exit 1; }

data=$(mktemp -d)
pids=()
cleanup() {
  set +e
  # Silos first (they leave the membership table in Redis as they stop), Redis last.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null
    while kill -0 "${pids[i]}" 2>/dev/null; do sleep 0.2; done
  done
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

redis_port=6390
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no >"$data/redis.log" 2>&1 &
pids+=($!)

dotnet build silo/Platform.Silo -c Release -nologo -v quiet
engine=()
if [ -n "${MEILI_URL:-}" ]; then
  engine=(--Platform:Search:Engine=meilisearch "--Platform:Search:Meilisearch:Url=$MEILI_URL"
          "--Platform:Search:Meilisearch:ApiKey=${MEILI_MASTER_KEY:?set MEILI_MASTER_KEY with MEILI_URL}")
fi

for i in $(seq 0 $((silos - 1))); do
  dotnet silo/Platform.Silo/bin/Release/net10.0/Platform.Silo.dll \
    --Platform:Environment=production \
    "--Platform:MasterKey=$PLATFORM_MASTER_KEY" \
    "--Platform:DataPath=$data/silo$i" \
    "--Platform:Listen=http://127.0.0.1:$((7700 + i))" \
    "--Platform:Cluster:Redis=127.0.0.1:$redis_port" \
    "--Platform:Cluster:SiloPort=$((11111 + i))" \
    "${engine[@]}" >"$data/silo$i.log" 2>&1 &
  pids+=($!)
  echo "silo $i: http://127.0.0.1:$((7700 + i)) (log $data/silo$i.log)"
done
wait
