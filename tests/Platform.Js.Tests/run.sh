#!/usr/bin/env bash
# Runs the JS client tests: installs the pinned npm packages, builds and starts the platform on free loopback
# ports with a throw-away data folder and master key, runs `node --test` against it, stops it, and ends with
# the summary line "N passed, N failed".
#
#   --no-build   reuse an existing Release build of silo/Platform.Silo (test.sh builds the solution first)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) echo "unknown argument: $arg"; echo "0 passed, 1 failed"; exit 2 ;;
  esac
done

fail() { echo "$1"; echo "0 passed, 1 failed"; exit 1; }

command -v node >/dev/null 2>&1 || fail "node is not installed"
command -v npm >/dev/null 2>&1 || fail "npm is not installed"

npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dll="$root/silo/Platform.Silo/bin/Release/net10.0/Platform.Silo.dll"
if [ "$build" -eq 1 ] || [ ! -f "$dll" ]; then
  dotnet build "$root/silo/Platform.Silo" -c Release 2>&1 | tail -n 3
  [ "${PIPESTATUS[0]}" -eq 0 ] || fail "platform build failed"
fi

# Two distinct free loopback ports (HTTP, silo), chosen by the OS. The Orleans gateway stays off (the default).
read -r http_port silo_port < <(node -e '
  const net = require("node:net");
  const take = () => new Promise((ok) => { const s = net.createServer(); s.listen(0, "127.0.0.1", () => ok(s)); });
  (async () => {
    const servers = [await take(), await take()];
    const ports = servers.map((s) => s.address().port);
    await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
    console.log(ports.join(" "));
  })();')
[ -n "${silo_port:-}" ] || fail "could not find free ports"

data="$(mktemp -d)"
master="js-tests-$(node -e 'console.log(require("node:crypto").randomBytes(24).toString("hex"))')"
log="$data/platform.log"
pid=""

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

url="http://127.0.0.1:$http_port"
# The platform resolves a relative DataPath against its working directory; run it from the temp folder.
(cd "$data" && exec dotnet "$dll" \
  --Platform:MasterKey="$master" \
  --Platform:DataPath="$data/state" \
  --Platform:Listen="$url" \
  --Platform:Cluster:SiloPort="$silo_port") >"$log" 2>&1 &
pid=$!

healthy=0
for _ in $(seq 1 300); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if curl -fsS "$url/health" 2>/dev/null | grep -q '"available"'; then healthy=1; break; fi
  sleep 0.2
done
if [ "$healthy" -ne 1 ]; then
  echo "the platform did not become healthy at $url; its log:"
  tail -n 40 "$log"
  fail "platform start failed"
fi

out="$data/node-test.out"
PLATFORM_URL="$url" PLATFORM_MASTER_KEY="$master" \
  node --test --test-reporter=tap --test-reporter-destination=stdout test/*.test.mjs 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

passed=$(grep -E '^# pass [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
failed=$(grep -E '^# fail [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
passed=${passed:-0}
failed=${failed:-0}
todo=$(grep -E '^# todo [0-9]+' "$out" | tail -n 1 | awk '{print $3}')
if [ "${todo:-0}" -gt 0 ]; then echo "(${todo} TODO test(s) reported above, not counted)"; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$status" -ne 0 ]; then
  echo "platform log (last 30 lines):"
  tail -n 30 "$log"
fi
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
