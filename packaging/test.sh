#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the whole test suite (unit, end-to-end with kubectl).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
"$here/packaging/build.sh"
cd "$build"
ctest --output-on-failure --parallel 2 --timeout 300
