#!/bin/sh
# Installs the real tools that test/deploy runs on the generated deployment manifests, through
# apt-get, only when they are missing:
#   - nginx: `nginx -t` on the VM site (deploy/vm/nginx/);
#   - ShellCheck: every generated .sh file;
#   - openssl: throwaway certificates for `nginx -t`;
#   - caddy: `caddy adapt` and `caddy validate` on the compose proxy (deploy/compose/Caddyfile);
#   - systemd-analyze (package systemd): the backup timer's calendar and the units.
# And what other tests drive: git (grant, upgrade, sources), unzip (reading the DOCX back), python3
# (the pseudo-terminal that drives the `init` wizard).
# kubectl (for `kubectl kustomize`) is not in Debian; when it is missing this script says so and
# the tests fail under CI=true with the same message.
# Idempotent and quiet: one line when everything is there. The packages' own services are not
# started (the tests only ask the binaries to check files).
# Usage: sh scripts/install-validators.sh        (as root, or with sudo available)
set -eu

have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }

packages=""
have nginx || packages="$packages nginx"
have shellcheck || packages="$packages shellcheck"
have openssl || packages="$packages openssl"
have caddy || packages="$packages caddy"
have systemd-analyze || packages="$packages systemd"
have git || packages="$packages git"
have unzip || packages="$packages unzip"
have python3 || packages="$packages python3"

if ! have kubectl; then
  echo "validators: kubectl is missing (not a Debian package); install it from the Kubernetes release for this machine" >&2
fi

if [ -z "$packages" ]; then
  echo "validators: nginx, shellcheck, openssl, caddy, systemd-analyze, git, unzip and python3 already installed"
  exit 0
fi

# shellcheck source=scripts/lib/apt-install.sh
. "$(dirname -- "$0")/lib/apt-install.sh"
# shellcheck disable=SC2086 # the package list is meant to split
apt_install validators $packages

for tool in nginx shellcheck openssl caddy systemd-analyze git unzip python3; do
  have "$tool" || { echo "validators: $tool still missing after installing" >&2; exit 1; }
done
echo "validators: ready"
