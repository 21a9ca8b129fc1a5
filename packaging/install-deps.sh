#!/usr/bin/env bash
# Installs every Debian package that building, running and testing SA Admin needs on Debian 12
# (bookworm). Idempotent: packages already present are left alone, and apt is not even asked then.
#   packaging/install-deps.sh           what building and testing need
#   packaging/install-deps.sh package   and what making the Debian package needs (packaging/package.sh)
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config   # toolchain
    curl                               # the token end-to-end tests call the API as the docs do
    qt6-base-dev                       # Qt 6.4: Core, Gui, Widgets, Network (OpenSSL 3 backend), Test
    libyaml-cpp-dev                    # kubeconfig and manifest parsing
    libssl-dev                         # certificates, keys and token signatures
    clang-format                       # the formatting check (CTest test "format")
    clang libclang-rt-14-dev           # the sanitizer build of packaging/test.sh (ASan, UBSan, libFuzzer); the
                                       # runtimes are only recommended by clang, which is installed without those
    xvfb xauth imagemagick fonts-dejavu-core   # running the GUI headless and taking screenshots
    qt6ct optipng                      # screenshots: a dark desktop palette (packaging/screenshot.sh --dark); smaller PNGs
    dbus-daemon                        # a private session bus: the test that a locked screen masks secrets
    gdb                                # gcore: the memory test dumps the running window and searches it for secrets
    librsvg2-bin                       # rsvg-convert: the build renders the application icon's PNGs from its SVG
    qt6-tools-dev qt6-l10n-tools       # Qt6LinguistTools: lupdate and lrelease, the translations at build and test time
    desktop-file-utils appstream       # CTest validates the desktop entry and the AppStream metainfo as distributions do
)
if [[ ${1:-} == package ]]; then
    packages+=(dpkg-dev lintian)       # dpkg-shlibdeps finds the package's dependencies; lintian checks the package
fi

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The end-to-end tests drive the real kubectl (1.32, as these machines ship it). It is not a Debian
# package (Debian's kubernetes-client is 1.20), so it is checked here rather than installed.
if ! command -v kubectl >/dev/null 2>&1; then
    echo "warning: kubectl is not on PATH; the kubectl end-to-end tests will fail until it is." >&2
    echo "         Install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/) and run this again." >&2
fi
