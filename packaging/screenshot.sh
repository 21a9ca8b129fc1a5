#!/usr/bin/env bash
# Takes a screenshot of the main window on the demo cluster under Xvfb:
#   packaging/screenshot.sh [--dark] [--scale FACTOR] [OUTPUT.png] [NAMESPACE]
#   packaging/screenshot.sh --all [DIR]      light, dark and 200 % for the README (default: resources/screenshots)
# --dark: a dark desktop palette, as a desktop without Plasma gives Qt 6.4 one: the qt6ct platform theme
#   (QT_QPA_PLATFORMTHEME=qt6ct) with its "darker" colour scheme, the Fusion style and Qt's default fonts (as in
#   the light one). The application sets no palette of its own: it follows the desktop's.
# --scale: QT_SCALE_FACTOR (2: a HiDPI screen at 200 %), on a screen as many times larger.
# Build first (packaging/build.sh). No window manager runs under Xvfb, so the window has no frame.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}

dark=0
scale=1
all=0
while (($#)); do
    case $1 in
    --dark) dark=1 ;;
    --scale) scale=$2; shift ;;
    --all) all=1 ;;
    -*) echo "usage: $0 [--dark] [--scale FACTOR] [OUTPUT.png] [NAMESPACE] | --all [DIR]" >&2; exit 2 ;;
    *) break ;;
    esac
    shift
done

# Smaller PNGs for the repository: the same pixels, better compressed, when optipng is there.
shrink() {
    if command -v optipng >/dev/null 2>&1; then optipng -quiet -o2 -strip all "$1"; fi
}

if ((all)); then
    dir=$(realpath -m "${1:-$here/resources/screenshots}")
    mkdir -p "$dir"
    "$0" "$here/resources/screenshot-main-window.png"
    "$0" --dark "$dir/window-dark.png"
    # The whole window at 200 % is 2560×1600: its top (menus, toolbar, lists and details at their real pixels)
    # shows what HiDPI changes without a large file.
    "$0" --scale 2 "$dir/window-200.png"
    convert "$dir/window-200.png" -crop 2560x720+0+0 +repage "$dir/window-200.png"
    shrink "$dir/window-200.png"
    exit 0
fi

out=$(realpath -m "${1:-$here/resources/screenshot-main-window.png}")
ns=${2:-payments}
width=$(awk -v s="$scale" 'BEGIN { printf "%d", 1280 * s }')
height=$(awk -v s="$scale" 'BEGIN { printf "%d", 800 * s }')
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.config"
theme=()
if ((dark)); then
    schemes=/usr/share/qt6ct/colors
    if [[ ! -f $schemes/darker.conf || -z $(find /usr/lib -path '*qt6/plugins/platformthemes/libqt6ct.so' 2>/dev/null) ]]; then
        echo "$0: --dark needs qt6ct (packaging/install-deps.sh installs it)" >&2
        exit 1
    fi
    mkdir -p "$home/.config/qt6ct"
    cat >"$home/.config/qt6ct/qt6ct.conf" <<EOF
[Appearance]
color_scheme_path=$schemes/darker.conf
custom_palette=true
style=Fusion

[Fonts]
fixed="Monospace,9,-1,5,50,0,0,0,0,0"
general="Sans Serif,9,-1,5,50,0,0,0,0,0"
EOF
    theme=(QT_QPA_PLATFORMTHEME=qt6ct)
fi
# A HOME of its own: no saved window state or context from a previous run.
env HOME="$home" XDG_CONFIG_HOME="$home/.config" QT_SCALE_FACTOR="$scale" "${theme[@]}" \
    xvfb-run -a -s "-screen 0 ${width}x${height}x24" bash -c '
    "$0" --demo --namespace "$1" &
    app=$!
    sleep "${SA_SCREENSHOT_DELAY:-6}"
    import -window root "$2"
    kill "$app"
    wait "$app" 2>/dev/null || true
' "$build/app/sa-admin" "$ns" "$out"
shrink "$out"
echo "$out"
