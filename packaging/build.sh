#!/usr/bin/env bash
# Installs the dependencies and builds everything into build/ (or $SA_BUILD_DIR). Used by both
# commands of the README, so that they build the same way.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
"$here/packaging/install-deps.sh"
werror=OFF
[[ -n "${CI:-}" ]] && werror=ON
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSA_WERROR=$werror >/dev/null
cmake --build "$build" --parallel "$(nproc)"
