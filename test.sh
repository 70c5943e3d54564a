#!/usr/bin/env bash
# Runs every test of the project on a fresh machine that has only the .NET SDK.
# It installs what the tests need and starts its own servers on 127.0.0.1; the README and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

dotnet restore Collaboration.sln
dotnet build Collaboration.sln --no-restore --configuration Release
dotnet test Collaboration.sln --no-build --configuration Release
