#!/usr/bin/env bash
# Runs every test of the project on a fresh machine that has only the .NET SDK.
# It installs what the tests need and starts its own servers on 127.0.0.1; the README and .ci/run call it.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

# Each step says when it starts, counted from the start, so a slow run shows where its time went.
step() { echo "== test.sh, ${SECONDS}s in: $*"; }

# From Debian's packages: real mail servers the mail tests start on 127.0.0.1 (aiosmtpd for SMTP, Dovecot
# for the IMAP mailbox that receives answers to invitations), PostgreSQL (the tests initdb and start a
# private instance on a free loopback port) and Chromium for the web app's end-to-end tests.
step "system packages"
missing=()
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# graphql-js, with which a server test reads the schema as GraphiQL and graphql-codegen do (pinned in its lock file).
step "graphql-js for the schema test"
npm ci --prefix tests/Collaboration.Server.Tests/graphql-js --no-audit --no-fund

# The server's build installs the web app's npm packages and builds it into the server's static files.
step "restore and build (with the web app)"
dotnet restore Collaboration.sln
dotnet build Collaboration.sln --no-restore --configuration Release
step ".NET tests"
dotnet test Collaboration.sln --no-build --configuration Release

# The web app: lint (ESLint: TypeScript, hooks, no import cycles), unit tests (Vitest, which also validate every
# operation against schema.graphql with graphql-js), then end-to-end tests (Playwright in Chromium) against the real server
# process, which they start on 127.0.0.1. Screenshots land in clients/web/e2e-artifacts/screenshots.
cd clients/web
step "web app: lint and unit tests"
npm run lint
npm test
step "web app: end-to-end tests"
COLLABORATION_CONFIGURATION=Release npx playwright test
step "all tests passed"
