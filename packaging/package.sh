#!/usr/bin/env bash
# Builds the Debian package of SA Admin (sa-admin and kube-sim, the desktop entry, AppStream metadata, icons, manual
# pages) and checks it with lintian:
#   packaging/package.sh            → sa-admin_VERSION_ARCH.deb in the repository's folder
#   sudo apt install ./sa-admin_*.deb
# A build of its own in build-package/ (or $SA_PACKAGE_BUILD_DIR), without the tests: RelWithDebInfo (-O2 -g, as
# Debian builds) with its binaries stripped by CPack, as Debian's are. The package holds what `cmake --install` puts
# under /usr (tests/install/installed-files.txt). It fails on a lintian error; warnings are printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_PACKAGE_BUILD_DIR:-$here/build-package}
"$here/packaging/install-deps.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF -DSA_UNITY_BUILD=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB)
package=$(ls "$build"/*.deb)
cp "$package" "$here/"
package=$here/$(basename "$package")
"$here/packaging/check-package.sh" "$package"
echo "$package"
