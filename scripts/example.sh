#!/bin/sh
# The main job on the examples: validate every example profile, then generate Sumedang's tree into
# out/sumedang (and check that a second run finds it up to date).
set -eu
cd "$(dirname "$0")/.."
node bin/eoffice validate "examples/*/regency.yaml"
node bin/eoffice generate examples/sumedang/regency.yaml --out out/sumedang
node bin/eoffice generate examples/sumedang/regency.yaml --out out/sumedang --check
