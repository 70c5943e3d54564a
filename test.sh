#!/usr/bin/env bash
# Runs every test of the project on a fresh machine that has only the .NET SDK.
# It installs what the tests need and starts its own servers on 127.0.0.1; the README and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# Real mail servers for the mail tests, from Debian's packages, run by the tests on 127.0.0.1:
# aiosmtpd (SMTP) and Dovecot (IMAP, the mailbox that receives answers to invitations).
missing=()
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

dotnet restore Collaboration.sln
dotnet build Collaboration.sln --no-restore --configuration Release
dotnet test Collaboration.sln --no-build --configuration Release
