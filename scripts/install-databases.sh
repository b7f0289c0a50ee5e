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

if ! command -v apt-get >/dev/null 2>&1; then
  echo "databases: missing:$packages; apt-get is not available here, install them with the system's package manager" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "databases: missing:$packages; run this script as root (or install sudo)" >&2
  exit 1
fi

echo "databases: installing$packages"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# RUNLEVEL=1 and policy-rc.d (when the image has one) keep the packages from starting services.
install_packages() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
  # shellcheck disable=SC2086 # the package list is meant to split
  $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends $packages
}
if ! install_packages >"$log" 2>&1; then
  echo "databases: apt-get failed:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi

have_mariadb || { echo "databases: mariadbd still missing after installing" >&2; exit 1; }
have_postgres || { echo "databases: PostgreSQL server binaries still missing after installing" >&2; exit 1; }
echo "databases: ready"
