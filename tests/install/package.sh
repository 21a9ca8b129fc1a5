#!/usr/bin/env bash
# CTest's "package": the Debian package made from this build as packaging/package.sh makes it (CPack, DEB), then
# checked by packaging/check-package.sh (fields, Depends, files, lintian).
#   package.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1
work=$2
rm -rf "$work"
mkdir -p "$work"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
packages=("$work"/*.deb)
((${#packages[@]} == 1)) || { echo "cpack made ${#packages[@]} packages, not 1" >&2; exit 1; }
"$(dirname "$0")/../../packaging/check-package.sh" "${packages[0]}"
