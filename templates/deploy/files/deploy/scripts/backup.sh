#!/bin/sh
# Cadangan basis data eoffice: dump PostgreSQL (pg_dump) atau MariaDB/MySQL (mariadb-dump/mysqldump),
# dikompres gzip, lalu cadangan yang lebih tua dari masa simpan dihapus. Dibuat oleh eoffice.
#
#   backup.sh now                  satu cadangan sekarang (timer systemd di VM memanggil ini)
#   backup.sh schedule             berjalan terus; mencadangkan pada menit yang cocok dengan
#                                  BACKUP_SCHEDULE (cron 5 kolom; layanan `backup` docker compose)
#   backup.sh due JADWAL M J T B H apakah jadwal cron JADWAL jatuh pada menit M, jam J, tanggal T,
#                                  bulan B, hari H (0 = Minggu); keluar 0 bila ya, 1 bila tidak
#
# Lingkungan: DB_ENGINE (postgresql|mariadb|mysql), DB_HOST, DB_PORT, DB_NAME, DB_USER,
# DB_PASSWORD (atau DB_PASSWORD_FILE), BACKUP_DIR, BACKUP_RETENTION_DAYS, BACKUP_SCHEDULE, TZ.
set -eu

log() { printf '%s eoffice-backup: %s\n' "$(date '+%Y-%m-%dT%H:%M:%S%z')" "$*" >&2; }
die() { log "$*"; exit 2; }

# Sets $n to the decimal number in $1 without leading zeros ("08" -> 8); fails on anything else.
number() {
  n=$1
  case $n in '' | *[!0-9]*) return 1 ;; esac
  while :; do
    case $n in 0?*) n=${n#0} ;; *) break ;; esac
  done
}

# field_matches VALUE FIELD MIN MAX: whether VALUE is in the cron field FIELD (numbers, `*`, lists
# `a,b`, ranges `a-b`, steps `*/n`, `a-b/n`, `a/n`). Returns 0 (yes), 1 (no) or 2 (not a field).
field_matches() {
  fm_value=$1 fm_rest=$2 fm_min=$3 fm_max=$4
  [ -n "$fm_rest" ] || return 2
  fm_hit=1
  while [ -n "$fm_rest" ]; do
    fm_part=${fm_rest%%,*}
    case $fm_rest in *,*) fm_rest=${fm_rest#*,} ;; *) fm_rest= ;; esac
    fm_step=1 fm_stepped=no
    case $fm_part in
      */*) number "${fm_part#*/}" || return 2; fm_step=$n fm_stepped=yes; fm_part=${fm_part%/*} ;;
    esac
    [ "$fm_step" -ge 1 ] || return 2
    case $fm_part in
      '*') fm_lo=$fm_min fm_hi=$fm_max ;;
      *-*)
        number "${fm_part%-*}" || return 2; fm_lo=$n
        number "${fm_part#*-}" || return 2; fm_hi=$n ;;
      *)
        number "$fm_part" || return 2; fm_lo=$n
        if [ "$fm_stepped" = yes ]; then fm_hi=$fm_max; else fm_hi=$n; fi ;;
    esac
    if [ "$fm_lo" -lt "$fm_min" ] || [ "$fm_hi" -gt "$fm_max" ] || [ "$fm_lo" -gt "$fm_hi" ]; then return 2; fi
    if [ "$fm_value" -ge "$fm_lo" ] && [ "$fm_value" -le "$fm_hi" ] && [ $(((fm_value - fm_lo) % fm_step)) -eq 0 ]; then
      fm_hit=0
    fi
  done
  return "$fm_hit"
}

# is_due "SCHEDULE" MINUTE HOUR DAY MONTH WEEKDAY: cron semantics, including the rule that when both
# the day of month and the day of week are restricted, either one matching is enough.
is_due() {
  schedule=$1
  shift
  [ $# -eq 5 ] || die "is_due: expected minute hour day month weekday"
  for v in "$@"; do number "$v" || die "is_due: \"$v\" is not a number"; done
  number "$1"; minute=$n
  number "$2"; hour=$n
  number "$3"; day=$n
  number "$4"; month=$n
  number "$5"; weekday=$n
  set -f
  # shellcheck disable=SC2086 # the schedule is split into its five fields on purpose
  set -- $schedule
  set +f
  [ $# -eq 5 ] || return 2
  rc=0
  field_matches "$minute" "$1" 0 59 || rc=$?
  [ "$rc" -eq 0 ] || return "$rc"
  field_matches "$hour" "$2" 0 23 || rc=$?
  [ "$rc" -eq 0 ] || return "$rc"
  field_matches "$month" "$4" 1 12 || rc=$?
  [ "$rc" -eq 0 ] || return "$rc"
  day_rc=0 weekday_rc=0
  field_matches "$day" "$3" 1 31 || day_rc=$?
  field_matches "$weekday" "$5" 0 7 || weekday_rc=$?
  # Sunday is 0 and 7.
  if [ "$weekday_rc" -eq 1 ] && [ "$weekday" -eq 0 ]; then
    weekday_rc=0
    field_matches 7 "$5" 0 7 || weekday_rc=$?
  fi
  if [ "$day_rc" -eq 2 ] || [ "$weekday_rc" -eq 2 ]; then return 2; fi
  case $3 in '*'*) day_free=yes ;; *) day_free=no ;; esac
  case $5 in '*'*) weekday_free=yes ;; *) weekday_free=no ;; esac
  if [ "$day_free" = no ] && [ "$weekday_free" = no ]; then
    [ "$day_rc" -eq 0 ] || [ "$weekday_rc" -eq 0 ]
  else
    [ "$day_rc" -eq 0 ] && [ "$weekday_rc" -eq 0 ]
  fi
}

password() {
  if [ -n "${DB_PASSWORD_FILE:-}" ]; then
    cat -- "$DB_PASSWORD_FILE"
  else
    printf '%s' "${DB_PASSWORD:-}"
  fi
}

run_backup() {
  : "${DB_ENGINE:?}" "${DB_HOST:?}" "${DB_NAME:?}" "${DB_USER:?}" "${BACKUP_DIR:?}"
  retention=${BACKUP_RETENTION_DAYS:-14}
  if ! number "$retention" || [ "$n" -lt 1 ]; then
    die "BACKUP_RETENTION_DAYS must be a whole number of days, not \"$retention\""
  fi
  retention=$n
  umask 077
  mkdir -p -- "$BACKUP_DIR"
  stamp=$(date '+%Y%m%d-%H%M%S')
  file="$BACKUP_DIR/$DB_NAME-$stamp.sql.gz"
  raw="$BACKUP_DIR/.$DB_NAME-$stamp.sql"
  trap 'rm -f -- "$raw" "$file.part"' EXIT
  case $DB_ENGINE in
    postgresql)
      PGPASSWORD=$(password) pg_dump --host="$DB_HOST" --port="${DB_PORT:-5432}" --username="$DB_USER" \
        --dbname="$DB_NAME" --no-owner --no-privileges --file="$raw"
      ;;
    mariadb | mysql)
      if command -v mariadb-dump >/dev/null 2>&1; then dump=mariadb-dump; else dump=mysqldump; fi
      cnf="$BACKUP_DIR/.client.cnf"
      trap 'rm -f -- "$raw" "$file.part" "$cnf"' EXIT
      # The password goes through an option file (mode 0600), never the command line.
      printf '[client]\npassword="%s"\n' "$(password | sed 's/[\\"]/\\&/g')" >"$cnf"
      "$dump" --defaults-extra-file="$cnf" --host="$DB_HOST" --port="${DB_PORT:-3306}" --user="$DB_USER" \
        --single-transaction --routines --triggers --no-tablespaces --result-file="$raw" "$DB_NAME"
      rm -f -- "$cnf"
      ;;
    *) die "DB_ENGINE must be postgresql, mariadb or mysql, not \"$DB_ENGINE\"" ;;
  esac
  gzip -c -- "$raw" >"$file.part"
  mv -- "$file.part" "$file"
  rm -f -- "$raw"
  trap - EXIT
  log "cadangan $file ($(wc -c <"$file" | tr -d ' ') bita)"
  # Older than the retention: modified at least `retention` whole days ago.
  find "$BACKUP_DIR" -maxdepth 1 -type f -name "$DB_NAME-*.sql.gz" -mtime +"$((retention - 1))" -print -exec rm -f -- {} + |
    while IFS= read -r old; do log "dihapus (lebih dari $retention hari): $old"; done
}

schedule_loop() {
  schedule=${BACKUP_SCHEDULE:?BACKUP_SCHEDULE is empty}
  rc=0
  is_due "$schedule" 0 0 1 1 0 || rc=$?
  [ "$rc" -ne 2 ] || die "BACKUP_SCHEDULE \"$schedule\" is not a 5-field cron schedule this script reads (numbers, *, lists, ranges, steps)"
  if [ -n "${TZ:-}" ] && [ ! -e "/usr/share/zoneinfo/$TZ" ]; then
    log "PERINGATAN: zona waktu \"$TZ\" tidak dikenal di image ini; jadwal memakai UTC"
  fi
  log "jadwal \"$schedule\" (zona waktu ${TZ:-UTC}); masa simpan ${BACKUP_RETENTION_DAYS:-14} hari"
  trap 'log "berhenti"; exit 0' TERM INT
  last=
  while :; do
    now=$(date +%s)
    sleep $((60 - now % 60)) &
    wait $! || true
    minute=$(date '+%Y%m%d%H%M')
    [ "$minute" != "$last" ] || continue
    last=$minute
    # shellcheck disable=SC2046 # date prints the five fields, split on purpose
    if is_due "$schedule" $(date '+%M %H %d %m %w'); then
      (run_backup) || log "cadangan GAGAL (kode $?)"
    fi
  done
}

case ${1:-} in
  now) run_backup ;;
  schedule) schedule_loop ;;
  due)
    [ $# -eq 7 ] || die "usage: backup.sh due \"SCHEDULE\" MINUTE HOUR DAY MONTH WEEKDAY"
    shift
    is_due "$@"
    ;;
  *)
    echo "usage: backup.sh now | schedule | due \"SCHEDULE\" MINUTE HOUR DAY MONTH WEEKDAY" >&2
    exit 2
    ;;
esac
