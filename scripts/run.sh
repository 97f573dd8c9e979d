#!/usr/bin/env bash
# make run / make stop: the platform on this machine, each part started in order and waited for.
# Everything it keeps (data, logs, generated secrets, pids) lives in .run/ so a second run reuses it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN="$ROOT/.run"
PIDS="$RUN/pids"
LOGS="$RUN/logs"
mkdir -p "$PIDS" "$LOGS"

PG_PORT=55432
STORAGE_MGMT=9082
PORTAL_MGMT=9080
INGEST_PORT=8443
INGEST_MGMT=9081
CERTS="$RUN/certs"
SIMULATED_CARS=5

say() { printf '%s\n' "$*"; }

# Secrets for local use only: generated once, never committed.
ensure_local_env() {
    if [ ! -f "$RUN/local.env" ]; then
        umask 077
        {
            echo "VDP_DB_OWNER_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
            echo "VDP_DB_APP_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
        } > "$RUN/local.env"
    fi
    # The portal's OIDC client secret (Keycloak's vdp-portal client must hold the same) also keys its session
    # cookies; added to an existing local.env from an earlier run.
    if ! grep -q '^VDP_PORTAL_CLIENT_SECRET=' "$RUN/local.env"; then
        echo "VDP_PORTAL_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" >> "$RUN/local.env"
    fi
    set -a
    # shellcheck disable=SC1091
    . "$RUN/local.env"
    set +a
}

running() { [ -f "$PIDS/$1" ] && kill -0 "$(cat "$PIDS/$1")" 2>/dev/null; }

# wait_until <name> <seconds> <command...>: polls with a progress line until the command succeeds.
wait_until() {
    local name=$1 limit=$2 waited=0
    shift 2
    while ! "$@" >/dev/null 2>&1; do
        if ! running "$name"; then
            say ""
            say "$name stopped while starting; last lines of $LOGS/$name.log:"
            tail -n 30 "$LOGS/$name.log" || true
            exit 1
        fi
        if [ "$waited" -ge "$limit" ]; then
            say ""
            say "$name is not ready after ${limit}s; see $LOGS/$name.log"
            exit 1
        fi
        printf '\r  waiting for %s ... %ss' "$name" "$waited"
        sleep 1
        waited=$((waited + 1))
    done
    printf '\r  %s ready after %ss          \n' "$name" "$waited"
}

# start <name> <command...>: runs a part in the background with its log and pid file.
start() {
    local name=$1
    shift
    if running "$name"; then
        say "  $name already running (pid $(cat "$PIDS/$name"))"
        return 1
    fi
    nohup "$@" >"$LOGS/$name.log" 2>&1 &
    echo $! >"$PIDS/$name"
}

http_ok() { curl -fsS -o /dev/null "$1"; }

start_postgres() {
    say "PostgreSQL 17 (embedded binaries, data kept in .run/pgdata) on port $PG_PORT"
    local cp
    cp="$(cat "$ROOT/dev-postgres/target/classpath.txt"):$ROOT/dev-postgres/target/classes"
    start postgres java -cp "$cp" cn.vdp.devpg.LocalPostgres "$RUN/pgdata" "$PG_PORT" || return 0
    wait_until postgres 120 grep -q "PostgreSQL 17 ready" "$LOGS/postgres.log"
}

start_storage() {
    say "storage-service on http://localhost:8082 (management $STORAGE_MGMT)"
    # The dev profile writes a development signing key here on first start and keeps using it, so exports made
    # before a restart still verify.
    start storage env VDP_DB_URL="jdbc:postgresql://localhost:$PG_PORT/vdp" \
        VDP_EXPORT_SIGNING_KEY_FILE="$RUN/keys/export-signing-key.pem" \
        java -Dquarkus.profile=dev -jar "$ROOT/storage-service/target/quarkus-app/quarkus-run.jar" || return 0
    wait_until storage 120 http_ok "http://localhost:$STORAGE_MGMT/q/health/ready"
}

start_portal() {
    say "owner-portal-service on http://localhost:8080 (management $PORTAL_MGMT)"
    start portal env VDP_STORAGE_URL="http://localhost:8082" \
        java -Dquarkus.profile=dev -jar "$ROOT/owner-portal-service/target/quarkus-app/quarkus-run.jar" || return 0
    wait_until portal 120 http_ok "http://localhost:$PORTAL_MGMT/q/health/ready"
}

# The fleet CA, ingest's server certificate (and its CA) and a few car certificates: generated once, then kept
# (cars keep their identity across runs). Private keys stay in .run/, which is never committed.
ensure_certs() {
    local cp
    cp="$(cat "$ROOT/dev-certs/target/classpath.txt"):$ROOT/dev-certs/target/classes"
    java -cp "$cp" cn.vdp.devcerts.DevCertificates "$CERTS" "$SIMULATED_CARS" | sed 's/^/  /'
}

# ingest-service's storage token comes from the realm's token endpoint (Keycloak at VDP_OIDC_ISSUER). Until one
# answers with a client secret set in VDP_INGEST_CLIENT_SECRET, ingest runs and answers 503 (nothing is lost).
start_ingest() {
    say "ingest-service on https://localhost:$INGEST_PORT (client certificate required; management $INGEST_MGMT)"
    start ingest env VDP_STORAGE_URL="http://localhost:8082" \
        VDP_TLS_CERT_FILE="$CERTS/ingest.pem" VDP_TLS_KEY_FILE="$CERTS/ingest.key" \
        VDP_FLEET_CA_FILE="$CERTS/fleet-ca.pem" \
        java -Dquarkus.profile=dev -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" || return 0
    wait_until ingest 120 http_ok "http://localhost:$INGEST_MGMT/q/health/ready"
}

# A curl line that sends one record as the first simulated car.
curl_example() {
    local vin
    vin=$(basename "$(ls "$CERTS"/cars/*.pem | head -n 1)" .pem)
    say "  curl --cacert .run/certs/server-ca.pem --cert .run/certs/cars/$vin.pem --key .run/certs/cars/$vin.key \\"
    say "       -H 'Content-Type: application/json' https://localhost:$INGEST_PORT/api/v1/telemetry/batches \\"
    say "       -d '{\"records\":[{\"vin\":\"$vin\",\"seq\":1,\"recordedAt\":\"'\$(date -u +%FT%TZ)'\",\"signals\":{\"vehicle.speed\":42.5}}]}'"
}

stop_part() {
    local name=$1
    if running "$name"; then
        local pid
        pid=$(cat "$PIDS/$name")
        kill "$pid"
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "  $name did not stop in 30s; killing it"
            kill -9 "$pid" 2>/dev/null || true
        fi
        say "  stopped $name"
    fi
    rm -f "$PIDS/$name"
}

case "${1:-}" in
start)
    ensure_local_env
    ensure_certs
    start_postgres
    start_storage
    start_ingest
    start_portal
    say ""
    say "VDP-CN is running locally:"
    say "  owner portal            http://localhost:8080   (sign-in needs Keycloak on :8180; public pages work without)"
    say "  storage-service API     http://localhost:8082/api/v1   (OpenAPI: http://localhost:$STORAGE_MGMT/q/openapi)"
    say "  health                  http://localhost:$STORAGE_MGMT/q/health"
    say "  ingest-service (cars)   https://localhost:$INGEST_PORT/api/v1/telemetry/batches   (mutual TLS)"
    say "  ingest OpenAPI, metrics http://localhost:$INGEST_MGMT/q/openapi, http://localhost:$INGEST_MGMT/q/metrics"
    say "  certificates            .run/certs (fleet CA, server CA, cars/VIN.pem|key)"
    say "  PostgreSQL              localhost:$PG_PORT, database vdp (passwords in .run/local.env)"
    say "  logs                    .run/logs/"
    say "Send a record as a car (register the VIN at storage-service first; until ingest can get its token"
    say "from the identity provider it answers 503 and the car keeps the record):"
    curl_example
    say "Stop everything with: make stop"
    ;;
stop)
    # Reverse order of start.
    for part in ingest portal storage postgres; do
        stop_part "$part"
    done
    ;;
*)
    say "usage: $0 start|stop"
    exit 2
    ;;
esac
