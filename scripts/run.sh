#!/bin/sh
# Runs a command with a Node.js >= 22.12 first on PATH, the dependencies installed from the lock
# file and the TypeScript built: what a fresh clone needs before `npm test` or `npm run example`.
set -eu
root=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
node_dir=$(sh "$root/scripts/node.sh")
PATH="$node_dir:$root/node_modules/.bin:$PATH"
export PATH
cd "$root"
stamp=node_modules/.eoffice-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi
newest_src=$(find src -newer dist/main.js -name '*.ts' 2>/dev/null | head -n 1 || true)
if [ ! -f dist/main.js ] || [ -n "$newest_src" ]; then
  tsc -p tsconfig.build.json >&2
fi
exec "$@"
