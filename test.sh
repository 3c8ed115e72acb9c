#!/usr/bin/env bash
# The README's test command: installs what the tests use, builds, runs every test project, and ends with the
# plain summary line CI reads: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Real Redis for the clustering tests (the tests start and stop their own server on a free port).
if ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (used by the two-silo cluster tests)..."
  as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
    || { echo "could not install redis-server"; echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
dotnet build Platform.sln -c Release -warnaserror 2>&1 | tail -n 3
build=${PIPESTATUS[0]}
if [ "$build" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Platform.sln -c Release --no-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The JS client tests: the official `meilisearch` npm package against a running platform (npm ci, start, node --test).
# The solution is already built in Release, so the launcher reuses that build. Its last line is "N passed, N failed".
tests/Platform.Js.Tests/run.sh --no-build 2>&1 | tee "$log"
js_status=${PIPESTATUS[0]}
js_summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
js_passed=$(echo "$js_summary" | awk '{print $1+0}')
js_failed=$(echo "$js_summary" | awk '{print $3+0}')
if [ "$js_status" -ne 0 ] && [ "$js_failed" -eq 0 ]; then js_failed=1; fi
rm -f "$log"

passed=$((passed + js_passed))
failed=$((failed + js_failed))
if [ "$status" -eq 0 ] && [ "$js_status" -ne 0 ]; then status=$js_status; fi
echo "${passed} passed, ${failed} failed"
exit "$status"
