#!/usr/bin/env bash
# A local cluster of three server processes on loopback against a local PostgreSQL, for trying the cluster
# profile without containers. Needs Debian's postgresql package (initdb, pg_ctl) and the .NET SDK.
#   deploy/run-local-cluster.sh        # then open http://127.0.0.1:5081 (or 5082, 5083); Ctrl-C stops all
set -euo pipefail
cd "$(dirname "$0")/.."

state="${COLLABORATION_CLUSTER_DIR:-$PWD/cluster-data}"
pg_port="${COLLABORATION_PG_PORT:-55432}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_owner=()
if [ "$(id -u)" = 0 ]; then as_owner=(runuser -u postgres --); fi

mkdir -p "$state"
if [ ! -d "$state/pg" ]; then
  mkdir -p "$state/pg"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$state/pg"
  "${as_owner[@]}" "$bin/initdb" -D "$state/pg/data" -U collaboration --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$state/pg/data" -l "$state/pg/postgres.log" -w \
  -o "-p $pg_port -k $state/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U collaboration collaboration 2>/dev/null || true
connection="Host=127.0.0.1;Port=$pg_port;Database=collaboration;Username=collaboration"

dotnet build src/Collaboration.Server -c Release >/dev/null
pids=()
stop() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  "${as_owner[@]}" "$bin/pg_ctl" -D "$state/pg/data" -m fast stop >/dev/null || true
}
trap stop EXIT INT TERM

for i in 1 2 3; do
  mkdir -p "$state/server-$i"
  (cd "$state/server-$i" && exec dotnet "$OLDPWD/src/Collaboration.Server/bin/Release/net10.0/Collaboration.Server.dll" \
    --contentRoot "$OLDPWD/src/Collaboration.Server" \
    --Urls "http://127.0.0.1:508$i" --Collaboration:PublicBaseUrl "http://127.0.0.1:508$i" \
    --Storage:Provider PostgreSql --Storage:ConnectionString "$connection" \
    --Orleans:ClusterId local --Orleans:SiloPort "1111$i" --Orleans:GatewayPort "3000$i" \
    $([ "$i" = 1 ] && echo --demo)) &
  pids+=($!)
  sleep 2
done
echo "Three silos on http://127.0.0.1:5081, :5082 and :5083 (PostgreSQL on 127.0.0.1:$pg_port). Ctrl-C stops them."
wait
