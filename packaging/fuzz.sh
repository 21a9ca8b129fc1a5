#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, with ASan and UBSan) and runs each for SECONDS (default 300), JOBS at a
# time (default 1), then prints per target the executions, executions per second, and libFuzzer's coverage figures:
# cov (edges of our code reached) and ft (features: edges with hit counts and comparisons). Inputs that found new
# coverage are kept in $build/fuzz-runs/TARGET/corpus, reused by the next run; a crash, timeout or leak leaves its
# input there as crash-*, timeout-* or leak-* and the script fails. The seed corpora, in tests/fuzz/corpus, are
# read, never written.
#   packaging/fuzz.sh [SECONDS] [TARGET...]      e.g. packaging/fuzz.sh 60 fuzz_sim_http
#   JOBS=2 SA_FUZZ_BUILD_DIR=/tmp/fuzz packaging/fuzz.sh 300
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${1:-300}
shift || true
jobs=${JOBS:-1}

if (($#)); then
    targets=("$@")
else
    targets=()
    for source in "$here"/tests/fuzz/fuzz_*.cpp; do
        targets+=("$(basename "$source" .cpp)")
    done
fi

"$here/packaging/install-deps.sh"
CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSA_FUZZ=ON -DSA_SANITIZE=ON \
    >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target "${targets[@]}"

run() {
    local target=$1 work="$build/fuzz-runs/$1"
    mkdir -p "$work/corpus"
    local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
                   -artifact_prefix="$work/")
    local dict="$here/tests/fuzz/$(sed -n "s/^sa_add_fuzz_target($target .*DICT \([^ )]*\).*/\1/p" \
                                         "$here/tests/fuzz/CMakeLists.txt")"
    [[ -f $dict ]] && options+=(-dict="$dict")
    local status=0
    (cd "$work" && QT_QPA_PLATFORM=offscreen "$build/tests/fuzz/$target" "${options[@]}" "$work/corpus" \
        "$here/tests/fuzz/corpus/$target") >"$work/log" 2>&1 || status=$?
    echo "$status" >"$work/status"
}

for target in "${targets[@]}"; do
    while (($(jobs -rp | wc -l) >= jobs)); do
        wait -n || true
    done
    echo "running $target for ${seconds}s"
    run "$target" &
done
wait

failed=0
printf '%-22s %12s %8s %7s %8s %7s  %s\n' target executions exec/s cov ft corpus result
for target in "${targets[@]}"; do
    work="$build/fuzz-runs/$target"
    executions=$(sed -n 's/^stat::number_of_executed_units: //p' "$work/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: //p' "$work/log" | tail -1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$work/log" | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
    result=ok
    if [[ $(cat "$work/status") != 0 ]]; then
        result="FAILED (see $work/log)"
        failed=1
    fi
    printf '%-22s %12s %8s %7s %8s %7s  %s\n' "$target" "${executions:--}" "${speed:--}" "${cov:--}" "${ft:--}" \
        "${corpus:--}" "$result"
done
exit $failed
