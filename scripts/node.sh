#!/bin/sh
# Prints the directory of a Node.js >= 22.12 binary, bringing Node 24 from the npm registry into
# .tools/node when the machine's own Node is older. Safe to run repeatedly.
set -eu
root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
need_major=22
need_minor=12

fits() {
  "$1" -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>$need_major||(a===$need_major&&b>=$need_minor)?0:1)" 2>/dev/null
}

if command -v node >/dev/null 2>&1 && fits node; then
  dirname -- "$(command -v node)"
  exit 0
fi
local_node="$root/.tools/node/bin/node"
if [ -x "$local_node" ] && fits "$local_node"; then
  dirname -- "$local_node"
  exit 0
fi
echo "eoffice: Node.js $(node --version 2>/dev/null || echo '(none)') is older than 22.12; bringing Node 24 into .tools/node" >&2
mkdir -p "$root/.tools"
npm install --global --prefix "$root/.tools/node" --no-audit --no-fund --loglevel=error node@24 >&2
fits "$local_node" || { echo "eoffice: could not install Node 24 into .tools/node" >&2; exit 2; }
dirname -- "$local_node"
