#!/usr/bin/env bash
# Runs every test of the project on a fresh machine that has only the .NET SDK.
# It installs what the tests need and starts its own servers on 127.0.0.1; the README and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# A real SMTP server for the mail tests: Debian's aiosmtpd, run by the tests on 127.0.0.1.
if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
  fi
fi

dotnet restore Collaboration.sln
dotnet build Collaboration.sln --no-restore --configuration Release
dotnet test Collaboration.sln --no-build --configuration Release
