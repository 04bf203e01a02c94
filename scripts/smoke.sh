#!/usr/bin/env bash
# Smoke test of the built platform, as people start it:
#  1. `npm start` with no environment at all (embedded PostgreSQL, demo data): ready, OpenAPI
#     document served, a printed demo user can log in, SIGTERM stops it cleanly.
#  2. Server mode: API and worker as separate processes on PostgreSQL + Redis, the first
#     beheerder from INITIAL_BEHEERDER_*: ready (database and queue), that beheerder logs in.
# Needs: a build (npm run build), curl, and for part 2 a PostgreSQL at PGHOST and a Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT_EMBEDDED=${SMOKE_PORT:-3300}
PORT_SERVER=$((PORT_EMBEDDED + 1))
PGURL=${SMOKE_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}
REDIS=${SMOKE_REDIS_URL:-redis://127.0.0.1:6379}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

wait_ready() { # url timeout-seconds log
  local deadline=$((SECONDS + $2))
  until curl -fsS "$1/health/ready" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then echo "smoke: $1 niet gereed binnen $2 s" >&2; tail -50 "$3" >&2; return 1; fi
    sleep 0.2
  done
}

login() { # base email password
  curl -fsS -X POST "$1/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const b=JSON.parse(s);if(!b.accessToken)process.exit(1);console.log(b.gebruiker.rollen.join(","))})'
}

echo "smoke 1: npm start zonder omgeving (ingebouwde database)"
mkdir -p "$work/embedded"
cp -r dist package.json "$work/embedded/"
ln -s "$PWD/node_modules" "$work/embedded/node_modules"
start=$(date +%s%N)
(cd "$work/embedded" && exec env -i PATH="$PATH" HOME="$HOME" PORT="$PORT_EMBEDDED" node dist/apps/api/src/main.js >"$work/embedded.log" 2>&1) &
pids+=($!)
embedded_pid=$!
wait_ready "http://127.0.0.1:$PORT_EMBEDDED" 120 "$work/embedded.log"
echo "  gereed na $(( ($(date +%s%N) - start) / 1000000 )) ms (eerste start, met demodata)"
curl -fsS "http://127.0.0.1:$PORT_EMBEDDED/api/v1/openapi.json" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);if(!d.openapi||!d.paths["/auth/login"])process.exit(1);console.log("  openapi.json:",Object.keys(d.paths).length,"paden, versie",d.info.version)})'
grep -q "Demogebruikers" "$work/embedded.log" || { echo "smoke: geen demogebruikers afgedrukt" >&2; exit 1; }
read -r email password < <(node -e 'const u=require(process.argv[1]).find(u=>u.rol==="contractmanager");console.log(u.email,u.password)' "$work/embedded/.data/demo-gebruikers.json")
echo "  demo-aanmelding $email: $(login "http://127.0.0.1:$PORT_EMBEDDED" "$email" "$password")"
kill -TERM "$embedded_pid"
wait "$embedded_pid" || { echo "smoke: stopte niet netjes na SIGTERM" >&2; exit 1; }
echo "  gestopt na SIGTERM (exit 0)"
# A restart keeps the data: same demo user, no new seed.
start=$(date +%s%N)
(cd "$work/embedded" && exec env -i PATH="$PATH" HOME="$HOME" PORT="$PORT_EMBEDDED" node dist/apps/api/src/main.js >"$work/embedded2.log" 2>&1) &
pids+=($!)
embedded_pid=$!
wait_ready "http://127.0.0.1:$PORT_EMBEDDED" 120 "$work/embedded2.log"
echo "  herstart gereed na $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "  demo-aanmelding na herstart: $(login "http://127.0.0.1:$PORT_EMBEDDED" "$email" "$password")"
kill -TERM "$embedded_pid"; wait "$embedded_pid" || { echo "smoke: herstarte server stopte niet netjes" >&2; exit 1; }

echo "smoke 2: API en worker apart, op PostgreSQL-server en Redis"
db="wijkkompas_smoke_$$"
psql "$PGURL" -qc "CREATE DATABASE $db" >/dev/null
trap 'cleanup; psql "$PGURL" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
server_env=(DATABASE_URL="${PGURL%/*}/$db" REDIS_URL="$REDIS" QUEUE_PREFIX="smoke-$$" JWT_SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n')" NODE_ENV=production)
env -i PATH="$PATH" HOME="$HOME" "${server_env[@]}" PORT="$PORT_SERVER" RUN_WORKER=false \
  INITIAL_BEHEERDER_EMAIL=beheer@smoke.example INITIAL_BEHEERDER_PASSWORD=smoke-wachtwoord-123 \
  INITIAL_GEMEENTE_NAAM="Gemeente Rooktest" INITIAL_GEMEENTE_CBS=GM0999 node dist/apps/api/src/main.js >"$work/api.log" 2>&1 &
pids+=($!)
env -i PATH="$PATH" HOME="$HOME" "${server_env[@]}" node dist/apps/worker/src/main.js >"$work/worker.log" 2>&1 &
pids+=($!)
worker_pid=$!
wait_ready "http://127.0.0.1:$PORT_SERVER" 60 "$work/api.log"
curl -fsS "http://127.0.0.1:$PORT_SERVER/health/ready" | grep -q '"detail":"redis"' || { echo "smoke: wachtrij niet op Redis" >&2; exit 1; }
echo "  gereed; eerste beheerder: $(login "http://127.0.0.1:$PORT_SERVER" beheer@smoke.example smoke-wachtwoord-123)"
for _ in $(seq 1 50); do grep -q "worker draait" "$work/worker.log" && break; sleep 0.2; done
grep -q "worker draait" "$work/worker.log" || { echo "smoke: worker niet gestart" >&2; cat "$work/worker.log" >&2; exit 1; }
echo "  worker draait"
kill -TERM "$worker_pid"
wait "$worker_pid" || { echo "smoke: worker stopte niet netjes na SIGTERM" >&2; exit 1; }
echo "  worker gestopt na SIGTERM (exit 0)"
echo "smoke: geslaagd"
