#!/usr/bin/env bash
# Checks a Debian package of SA Admin: its control fields, that its Depends name the Qt 6 libraries and the platform
# plugins it loads, that it holds exactly tests/install/installed-files.txt (the install rules' files), and lintian
# (an error fails; warnings and information are printed). packaging/package.sh and CTest's "package" test run it.
#   packaging/check-package.sh PACKAGE.deb
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
package=$1
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
dpkg-deb --info "$package"
depends=$(dpkg-deb --field "$package" Depends)
# dpkg-shlibdeps names the linked libraries; qt6-qpa-plugins is added for the platform plugins beyond xcb/offscreen.
for needed in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6dbus6 libyaml-cpp0.7 libssl3 qt6-qpa-plugins; do
    pattern="(^|[ ,])$needed([ ,(]|\$)"
    [[ $depends =~ $pattern ]] || fail "Depends does not name $needed: $depends"
done
[[ $(dpkg-deb --field "$package" Package) == sa-admin ]] || fail "the package is not named sa-admin"

contents=$(dpkg-deb --contents "$package")
echo "$contents"
held=$(awk '$1 !~ /^d/ {print $6}' <<<"$contents" | sed 's|^\./||' | sort)
expected=$(grep -v '^#' "$here/tests/install/installed-files.txt" | grep . | sort)
if [[ $held != "$expected" ]]; then
    diff <(echo "$expected") <(echo "$held") >&2 || true
    fail "the package's files differ from tests/install/installed-files.txt (< expected, > in the package)"
fi
# Every file is root's, and nothing is writable by others.
awk '$2 != "root/root" || $1 ~ /^.{8}w/ {bad = 1; print "bad owner or mode: " $0} END {exit bad}' <<<"$contents" >&2 ||
    fail "owners or modes"

# As root lintian says so and goes on; --fail-on error: warnings are reported, errors fail.
lintian --fail-on error --display-info "$package"
echo "checked: $package"
