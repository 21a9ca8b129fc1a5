#!/usr/bin/env bash
# Builds SA Admin and starts it on the demo cluster (kube-sim with the demo seed, started and stopped by
# the application itself). Needs a desktop session (DISPLAY or WAYLAND_DISPLAY); without one, use
# packaging/screenshot.sh, which runs it under Xvfb.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
"$here/packaging/build.sh"
exec "$build/app/sa-admin" --demo "$@"
