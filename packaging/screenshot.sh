#!/usr/bin/env bash
# Takes a screenshot of the main window on the demo cluster under Xvfb:
#   packaging/screenshot.sh [OUTPUT.png] [NAMESPACE]
# Build first (packaging/build.sh). No window manager runs under Xvfb, so the window has no frame.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
out=$(realpath -m "${1:-$here/resources/screenshot-main-window.png}")
ns=${2:-payments}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# A HOME of its own: no saved window state or context from a previous run.
HOME="$home" XDG_CONFIG_HOME="$home/.config" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    "$0" --demo --namespace "$1" &
    app=$!
    sleep "${SA_SCREENSHOT_DELAY:-6}"
    import -window root "$2"
    kill "$app"
    wait "$app" 2>/dev/null || true
' "$build/app/sa-admin" "$ns" "$out"
echo "$out"
