#!/usr/bin/env bash
# The README's test command: installs what the tests use, builds, runs every test project, and ends with the
# summary: "N passed, N failed, N skipped", then, as its very last line, the plain "N passed, N failed" that CI
# reads (the JS launcher prints a line of that form for its own tests earlier in the output).
#
#   --fast   build once and run only the in-process tests: no Redis install, no test that starts platform or
#            Redis processes (tests/Platform.Silo.Tests/Hosting: start-up validation, restart durability, the
#            README walkthrough, the Redis cluster; tests/Platform.Silo.Tests/Cluster: the failover scenarios;
#            Deploy/RunClusterScriptTests, the cluster script), no JS client tests. For iterating on a change; CI
#            runs the full set.
set -uo pipefail
cd "$(dirname "$0")"

fast=0
for arg in "$@"; do
  case "$arg" in
    --fast) fast=1 ;;
    *) echo "unknown argument: $arg (usage: ./test.sh [--fast])"; echo "0 passed, 1 failed, 0 skipped"; echo "0 passed, 1 failed"; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }

# Real Redis for the clustering tests (the tests start and stop their own server on a free port).
if [ "$fast" -eq 0 ] && ! command -v redis-server >/dev/null 2>&1; then
  echo "Installing redis-server (used by the two-silo cluster tests)..."
  as_root apt-get update -qq >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null \
    || { echo "could not install redis-server"; echo "0 passed, 1 failed, 0 skipped"; echo "0 passed, 1 failed"; exit 1; }
fi

# Sums one count ("Passed", "Failed" or "Skipped") over every "Passed!/Failed!  - Failed: N, Passed: N,
# Skipped: N, …" line that dotnet test prints, one per test project.
sum_count() { grep -oE "$1: +[0-9]+" "$2" | awk '{s+=$2} END {print s+0}'; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# A passing build prints its last lines only; a failing one prints everything, so the compiler errors show.
dotnet build Platform.sln -c Release -warnaserror >"$log" 2>&1
build=$?
if [ "$build" -ne 0 ]; then
  cat "$log"
  echo "build failed"
  echo "0 passed, 1 failed, 0 skipped"
  echo "0 passed, 1 failed"
  exit 1
fi
tail -n 3 "$log"

# The tests that start OS processes (platform silos, Redis); --fast leaves them out.
process_tests="FullyQualifiedName!~Platform.Silo.Tests.Hosting&FullyQualifiedName!~Platform.Silo.Tests.Cluster&FullyQualifiedName!~Platform.Silo.Tests.Deploy.RunClusterScriptTests"
filter=()
if [ "$fast" -eq 1 ]; then filter=(--filter "$process_tests"); fi

dotnet test Platform.sln -c Release --no-build "${filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(sum_count Passed "$log")
failed=$(sum_count Failed "$log")
skipped=$(sum_count Skipped "$log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

if [ "$fast" -eq 0 ]; then
  # The JS client tests: the official `meilisearch` npm package against a running platform (npm ci, start,
  # node --test). The solution is already built in Release, so the launcher reuses that build. Its last line is
  # "N passed, N failed".
  tests/Platform.Js.Tests/run.sh --no-build 2>&1 | tee "$log"
  js_status=${PIPESTATUS[0]}
  js_summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
  js_passed=$(echo "$js_summary" | awk '{print $1+0}')
  js_failed=$(echo "$js_summary" | awk '{print $3+0}')
  if [ "$js_status" -ne 0 ] && [ "$js_failed" -eq 0 ]; then js_failed=1; fi

  passed=$((passed + js_passed))
  failed=$((failed + js_failed))
  if [ "$status" -eq 0 ] && [ "$js_status" -ne 0 ]; then status=$js_status; fi
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
echo "${passed} passed, ${failed} failed"
exit "$status"
