#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the whole test suite twice: in the normal build (build/: g++, what
# users run) and in the sanitizer build (build-sanitize/: clang++ with AddressSanitizer, UndefinedBehaviorSanitizer
# and LeakSanitizer, where any finding fails the test, plus a bounded run of each fuzz target). CI runs this.
#   SA_SKIP_SANITIZERS=1 packaging/test.sh   only the normal build and its tests (a quicker local run)
#   SA_SANITIZE_ONLY=1 packaging/test.sh     only the sanitizer build and its tests
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "${SA_SANITIZE_ONLY:-}" ]]; then
    "$here/packaging/build.sh"
    (cd "${SA_BUILD_DIR:-$here/build}" && ctest --output-on-failure --parallel 2 --timeout 300)
fi
if [[ -z "${SA_SKIP_SANITIZERS:-}" ]]; then
    echo "Sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer) in ${SA_SANITIZE_BUILD_DIR:-$here/build-sanitize}"
    "$here/packaging/build.sh" sanitize
    # The formatting check does not depend on the build and already ran above. Time limits are scaled for
    # sanitized code in tests/CMakeLists.txt.
    (cd "${SA_SANITIZE_BUILD_DIR:-$here/build-sanitize}" &&
        ctest --output-on-failure --parallel 2 --timeout 900 --exclude-regex '^format$')
fi
