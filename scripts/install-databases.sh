#!/bin/sh
# Installs the database servers the seed tests start (test/helpers/db.ts): MariaDB (mariadbd,
# mariadb-install-db) and the PostgreSQL server binaries (initdb, pg_ctl), through apt-get, only when
# they are missing. Idempotent and quiet: prints one line per server. The packages' own services are
# not started (the tests run their own throwaway servers).
# Usage: sh scripts/install-databases.sh        (as root, or with sudo available)
set -eu

have_mariadb() {
  command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || command -v mysqld >/dev/null 2>&1 || [ -x /usr/sbin/mysqld ]
}

have_postgres() {
  [ -n "${EOFFICE_PG_BIN:-}" ] && [ -x "$EOFFICE_PG_BIN/pg_ctl" ] && return 0
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ] && return 0
  done
  command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1
}

packages=""
have_mariadb || packages="$packages mariadb-server"
have_postgres || packages="$packages postgresql"

if [ -z "$packages" ]; then
  echo "databases: MariaDB and PostgreSQL already installed"
  exit 0
fi

# shellcheck source=scripts/lib/apt-install.sh
. "$(dirname -- "$0")/lib/apt-install.sh"
# shellcheck disable=SC2086 # the package list is meant to split
apt_install databases $packages

have_mariadb || { echo "databases: mariadbd still missing after installing" >&2; exit 1; }
have_postgres || { echo "databases: PostgreSQL server binaries still missing after installing" >&2; exit 1; }
echo "databases: ready"
