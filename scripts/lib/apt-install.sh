# shellcheck shell=sh
# Sourced by the install-*.sh scripts: installs Debian packages through apt-get without starting
# their services. Usage: apt_install LABEL PACKAGE...  (as root, or with sudo available)
apt_install() {
  label=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$label: missing: $*; apt-get is not available here, install them with the system's package manager" >&2
    return 1
  fi
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "$label: missing: $*; run this script as root (or install sudo)" >&2
    return 1
  fi
  echo "$label: installing $*"
  log=$(mktemp)
  # RUNLEVEL=1 (and the image's policy-rc.d, when it has one) keep the packages from starting services.
  if ! { $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
    echo "$label: apt-get failed:" >&2
    tail -n 20 "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
