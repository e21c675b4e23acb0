#!/bin/sh
# One-shot job (temporalio/admin-tools): creates Temporal's two PostgreSQL databases and brings their
# schemas to the version of the admin-tools image, which must match the server image's version.
# Safe to re-run on an existing volume: creating an existing database and setting up an existing
# schema are no-ops, and update-schema only applies missing versions. Same steps as the setup job of
# Temporal's own compose files (temporalio/samples-server, compose/scripts/setup-postgres.sh).
set -eu
: "${POSTGRES_SEEDS:=postgresql}" "${DB_PORT:=5432}" "${POSTGRES_USER:=temporal}"
export SQL_PASSWORD="${POSTGRES_PWD:-temporal}"
SCHEMA=/etc/temporal/schema/postgresql/v12

echo "Waiting for PostgreSQL at $POSTGRES_SEEDS:$DB_PORT..."
i=0
until nc -z -w 5 "$POSTGRES_SEEDS" "$DB_PORT"; do
  i=$((i + 1))
  if [ "$i" -ge 60 ]; then
    echo "FAILED: PostgreSQL at $POSTGRES_SEEDS:$DB_PORT did not answer" >&2
    exit 1
  fi
  sleep 2
done

sql() {
  temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}
for db in temporal temporal_visibility; do
  dir=temporal
  [ "$db" = temporal_visibility ] && dir=visibility
  sql --db "$db" create
  sql --db "$db" setup-schema -v 0.0
  sql --db "$db" update-schema -d "$SCHEMA/$dir/versioned"
done
echo "Temporal's PostgreSQL schemas are set up"
