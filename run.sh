#!/usr/bin/env bash
# The README's run command: the whole platform in one process on its embedded defaults
# (http://127.0.0.1:7700, data in ./.platform-data). Extra arguments are passed on, e.g. --Platform:Listen=...
set -euo pipefail
cd "$(dirname "$0")"
dotnet build silo/Platform.Silo -c Release -nologo -v quiet
exec dotnet silo/Platform.Silo/bin/Release/net10.0/Platform.Silo.dll "$@"
