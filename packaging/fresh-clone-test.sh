#!/usr/bin/env bash
# Checks that the repository stands alone: clones the committed HEAD into an empty folder (nothing beside it,
# so no ../shared) and runs the README's test command there, as CI does. Uncommitted changes are not included.
# Usage: packaging/fresh-clone-test.sh [KEEP_DIR]   (the clone is removed afterwards unless KEEP_DIR is given)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
parent=${1:-$(mktemp -d)}
[[ -n "${1:-}" ]] || trap 'rm -rf "$parent"' EXIT
mkdir -p "$parent"
git clone --quiet --no-local "$here" "$parent/sa-admin"
cd "$parent/sa-admin"
echo "Fresh clone of $(git rev-parse --short HEAD) in $parent/sa-admin (beside it: $(ls -A "$parent" | tr '\n' ' '))"
CI=true packaging/test.sh
