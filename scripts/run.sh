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
KEYCLOAK_PORT=8180
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_DIST="$RUN/tools/keycloak-$KEYCLOAK_VERSION"
ISSUER="http://localhost:$KEYCLOAK_PORT/realms/vdp"
STORAGE_MGMT=9082
PORTAL_MGMT=9080
INGEST_PORT=8443
INGEST_MGMT=9081
CERTS="$RUN/certs"
SIMULATED_CARS=5
# The demo users' fixed ids (k8s/vdp/files/realm/vdp-users-0.json): the simulated cars are bound to these owners.
OWNER1_SUB=00000000-0000-4000-8000-00000000a001
OWNER2_SUB=00000000-0000-4000-8000-00000000a002

say() { printf '%s\n' "$*"; }

# Secrets for local use only: generated once, never committed.
ensure_local_env() {
    (umask 077 && touch "$RUN/local.env")
    # Client secrets are filled into the realm's placeholders when Keycloak imports it (first start), and given to
    # the services; the admin password opens Keycloak's admin console (master realm). Added to a local.env of an
    # earlier run when missing, never changed afterwards.
    local name
    for name in VDP_DB_OWNER_PASSWORD VDP_DB_APP_PASSWORD VDP_INGEST_CLIENT_SECRET VDP_PORTAL_CLIENT_SECRET \
        VDP_SIMULATOR_CLIENT_SECRET KC_BOOTSTRAP_ADMIN_PASSWORD; do
        if ! grep -q "^$name=" "$RUN/local.env"; then
            echo "$name=$(head -c 32 /dev/urandom | base64 | tr -d '/+=')" >> "$RUN/local.env"
        fi
    done
    set -a
    # shellcheck disable=SC1091
    . "$RUN/local.env"
    set +a
    export KC_BOOTSTRAP_ADMIN_USERNAME=admin VDP_OIDC_ISSUER="$ISSUER"
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

# ingest-service's storage token: client credentials of vdp-ingest (VDP_INGEST_CLIENT_SECRET) at Keycloak.
start_ingest() {
    say "ingest-service on https://localhost:$INGEST_PORT (client certificate required; management $INGEST_MGMT)"
    start ingest env VDP_STORAGE_URL="http://localhost:8082" \
        VDP_TLS_CERT_FILE="$CERTS/ingest.pem" VDP_TLS_KEY_FILE="$CERTS/ingest.key" \
        VDP_FLEET_CA_FILE="$CERTS/fleet-ca.pem" \
        java -Dquarkus.profile=dev -jar "$ROOT/ingest-service/target/quarkus-app/quarkus-run.jar" || return 0
    wait_until ingest 120 http_ok "http://localhost:$INGEST_MGMT/q/health/ready"
}

# Keycloak from Maven Central (keycloak-quarkus-dist, unpacked once into .run/tools; its first start rebuilds it for
# this configuration, about 40 s), run from a home of its own in .run/keycloak (dev-file database kept there),
# with a JDK 21+. The realm is imported from the repository's realm files at the first start only.
ensure_keycloak() {
    if [ ! -x "$KEYCLOAK_DIST/bin/kc.sh" ]; then
        say "  fetching Keycloak $KEYCLOAK_VERSION (Maven Central, once)"
        "$ROOT/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:unpack -N \
            -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -DoutputDirectory="$RUN/tools" \
            -Dmdep.overWriteReleases=true # its "already unpacked" marker lives in target/ and can outlive .run/
    fi
    local cp status=0
    cp="$(cat "$ROOT/dev-keycloak/target/classpath.txt"):$ROOT/dev-keycloak/target/classes"
    KEYCLOAK_JDK=$(java -cp "$cp" cn.vdp.devkc.PrepareKeycloak "$KEYCLOAK_DIST" "$RUN/keycloak" "$ROOT") || status=$?
    if [ "$status" = 3 ]; then
        say "  no JDK 21+ found (Keycloak needs one); installing openjdk-21-jdk-headless with apt-get"
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            openjdk-21-jdk-headless >/dev/null || {
            say "  could not install a JDK 21+; set JAVA_HOME to one and run make run again"
            exit 1
        }
        KEYCLOAK_JDK=$(java -cp "$cp" cn.vdp.devkc.PrepareKeycloak "$KEYCLOAK_DIST" "$RUN/keycloak" "$ROOT")
    elif [ "$status" != 0 ]; then
        exit "$status"
    fi
}

start_keycloak() {
    say "Keycloak $KEYCLOAK_VERSION on http://localhost:$KEYCLOAK_PORT (realm vdp; data kept in .run/keycloak)"
    ensure_keycloak
    if [ ! -d "$RUN/keycloak/data/h2" ]; then
        say "  first start: Keycloak builds itself and imports the realm (about 40 s on a quiet machine)"
    fi
    start keycloak env JAVA_HOME="$KEYCLOAK_JDK" "$RUN/keycloak/bin/kc.sh" start-dev --http-port=$KEYCLOAK_PORT \
        --hostname="http://localhost:$KEYCLOAK_PORT" --import-realm || return 0
    wait_until keycloak 300 http_ok "$ISSUER/.well-known/openid-configuration"
}

# A token of the realm: token <grant form fields...>; prints the access token.
token() {
    curl -fsS "$ISSUER/protocol/openid-connect/token" -d client_id=vdp-fleet-simulator \
        -d client_secret="$VDP_SIMULATOR_CLIENT_SECRET" "$@" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# The simulated cars: registered through the operator API (the local-only vdp-fleet-simulator client's operator
# token), bound to the two demo owners in turn; owner1 (signed in with the demo password) lets their first car
# collect its location. Then they stream in the background until make stop.
start_simulator() {
    say "fleet simulator: $SIMULATED_CARS cars streaming to ingest-service (log: .run/logs/simulator.log)"
    local cp
    cp="$(cat "$ROOT/fleet-simulator/target/classpath.txt"):$ROOT/fleet-simulator/target/classes"
    start simulator env VDP_OPERATOR_TOKEN="$(token -d grant_type=client_credentials)" \
        VDP_OWNER_TOKEN="$(token -d grant_type=password -d username=owner1 -d password=owner1-local-only)" \
        java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" cn.vdp.fleet.FleetSimulatorCli --certs "$CERTS" --cars $SIMULATED_CARS --rate 5 \
        --register-at http://localhost:8082 --owner $OWNER1_SUB --owner $OWNER2_SUB \
        --location-consent-token-env VDP_OWNER_TOKEN || return 0
    wait_until simulator 60 grep -qE 'acknowledged [1-9]' "$LOGS/simulator.log"
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
    start_keycloak
    start_storage
    start_ingest
    start_portal
    start_simulator
    say ""
    say "VDP-CN is running locally (started in $SECONDS s):"
    say "  owner portal            http://localhost:8080   (sign in with a demo account below)"
    say "  Keycloak (realm vdp)    $ISSUER   (admin console http://localhost:$KEYCLOAK_PORT/admin: admin, password"
    say "                          KC_BOOTSTRAP_ADMIN_PASSWORD in .run/local.env)"
    say "  storage-service API     http://localhost:8082/api/v1   (OpenAPI: http://localhost:$STORAGE_MGMT/q/openapi)"
    say "  health                  http://localhost:$STORAGE_MGMT/q/health"
    say "  ingest-service (cars)   https://localhost:$INGEST_PORT/api/v1/telemetry/batches   (mutual TLS)"
    say "  ingest OpenAPI, metrics http://localhost:$INGEST_MGMT/q/openapi, http://localhost:$INGEST_MGMT/q/metrics"
    say "  fleet simulator         $SIMULATED_CARS cars, 5 records/s in all; progress in .run/logs/simulator.log"
    say "  certificates            .run/certs (fleet CA, server CA, cars/VIN.pem|key)"
    say "  PostgreSQL              localhost:$PG_PORT, database vdp (passwords in .run/local.env)"
    say "  logs                    .run/logs/"
    say "Demo accounts (local use only):"
    say "  owner1 / owner1-local-only         owner of 3 simulated cars (the first one shares its location)"
    say "  owner2 / owner2-local-only         owner of 2 simulated cars"
    say "  regulator / regulator-local-only   reads the audit trail"
    say "  operator / operator-local-only     registers vehicles"
    say "Send a record yourself as a simulated car:"
    curl_example
    say "Stop everything with: make stop"
    ;;
stop)
    # Reverse order of start.
    for part in simulator portal ingest storage keycloak postgres; do
        stop_part "$part"
    done
    ;;
*)
    say "usage: $0 start|stop"
    exit 2
    ;;
esac
