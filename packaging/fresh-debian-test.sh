#!/usr/bin/env bash
# Installs the Debian package on a fresh Debian 12 with nothing else present, and starts it there, as issue 15 asks:
#   sudo packaging/fresh-debian-test.sh [PACKAGE.deb] [ROOT]
# ROOT (default /tmp/sa-admin-bookworm) is a minimal Debian 12 made by debootstrap from deb.debian.org (made once,
# then copied for each run, so every run starts from the same fresh system). In a copy of it: `apt install
# ./sa-admin_*.deb` with no recommended packages, then
#   - sa-admin --version and kube-sim --version from the installed package;
#   - tests/install/installed.sh demo /usr/bin: --demo (offscreen) connects to the installed kube-sim, and SIGTERM
#     ends both and removes the demo folder;
#   - the same on a real X server (Xvfb and xauth are installed after the check of what the package pulls in: they
#     stand for the user's desktop), with a screenshot of the window in ROOT-run.png.
# Needs root (chroot, mounts) and the network; not part of the test command.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
package=$(realpath "${1:-$(ls "$here"/sa-admin_*.deb | tail -1)}")
base=${2:-/tmp/sa-admin-bookworm}
run=$base-run
[[ $(id -u) -eq 0 ]] || { echo "run as root (chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap
if [[ ! -x $base/usr/bin/apt-get ]]; then
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian
fi

cleanup() {
    for mount in dev/pts dev proc sys; do
        mountpoint -q "$run/$mount" && umount -l "$run/$mount"
    done
    return 0
}
trap cleanup EXIT
cleanup
rm -rf "$run"
cp -a "$base" "$run"
mount -t proc proc "$run/proc"
mount -t sysfs sys "$run/sys"
mount --bind /dev "$run/dev"
mount --bind /dev/pts "$run/dev/pts"
cp /etc/resolv.conf "$run/etc/resolv.conf"
cp "$package" "$run/tmp/"
cp "$here/tests/install/installed.sh" "$run/tmp/"
in_root() { chroot "$run" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$package")"
in_root sa-admin --version
in_root kube-sim --version
in_root bash /tmp/installed.sh demo /usr/bin

# A real X server, as a desktop has one: the same start and end, the window mapped on it.
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends xvfb xauth x11-apps imagemagick >/dev/null
in_root xvfb-run -a -s "-screen 0 1280x800x24" bash /tmp/installed.sh demo /usr/bin /tmp/shot.png
cp "$run/tmp/shot.png" "$run.png"
echo "fresh Debian 12: installed $(basename "$package"), ran --version, --demo offscreen and on X; screenshot $run.png"
