#!/usr/bin/env bash
# Takes a screenshot of every dialog under Xvfb, for the README:
#   packaging/dialog-screenshots.sh [OUTPUT_DIR]     (default: resources/screenshots)
# Build first (packaging/build.sh). The window tests drive each dialog against kube-sim and, with
# SA_SCREENSHOT_DIR set, save it as PNG at the moment a user would look at it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
out=$(realpath -m "${1:-$here/resources/screenshots}")
mkdir -p "$out"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
for test in tests/gui/tst_mainwindow tests/gui/tst_workloaddialogs tests/gui/tst_permissiondialogs \
    tests/gui/tst_identitydialogs tests/gui/tst_tokens tests/gui/tst_appearance tests/gui/tst_preferences; do
    [ -x "$build/$test" ] || continue
    HOME="$home" XDG_CONFIG_HOME="$home/.config" SA_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb \
        xvfb-run -a -s "-screen 0 1280x800x24" "$build/$test" >"$home/$(basename "$test").log" 2>&1 ||
        { cat "$home/$(basename "$test").log"; exit 1; }
done
ls "$out"
