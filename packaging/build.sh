#!/usr/bin/env bash
# Installs the dependencies and builds everything into build/ (or $SA_BUILD_DIR). Used by both
# commands of the README, so that they build the same way.
#   packaging/build.sh            the normal build: g++, RelWithDebInfo, into build/
#   packaging/build.sh sanitize   the sanitizer build that packaging/test.sh also runs the tests in: clang++,
#                                 AddressSanitizer + UndefinedBehaviorSanitizer (and the fuzz targets, SA_FUZZ),
#                                 into build-sanitize/ (or $SA_SANITIZE_BUILD_DIR)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/packaging/install-deps.sh"
werror=OFF
[[ -n "${CI:-}" ]] && werror=ON
case "${1:-}" in
"")
    build=${SA_BUILD_DIR:-$here/build}
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSA_WERROR=$werror -DSA_UNITY_BUILD=ON >/dev/null
    ;;
sanitize)
    # libFuzzer (SA_FUZZ) needs clang, so the one sanitizer build is a clang build. -O1 with line tables only
    # compiles fast and still gives file:line in every report; more optimisation would only cost build time.
    build=${SA_SANITIZE_BUILD_DIR:-$here/build-sanitize}
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" -DSA_WERROR=$werror \
        -DSA_SANITIZE=ON -DSA_FUZZ=ON -DSA_UNITY_BUILD=ON --no-warn-unused-cli >/dev/null
    ;;
*)
    echo "usage: $0 [sanitize]" >&2
    exit 2
    ;;
esac
cmake --build "$build" --parallel "$(nproc)"
