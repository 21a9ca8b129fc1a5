#!/usr/bin/env bash
# Runs the installed application from the installed tree alone (the test "install" makes it), as a user would:
#   installed.sh version BINDIR VERSION   sa-admin --version prints "sa-admin VERSION" and --help its usage, each
#                                         exiting 0, with no display (no DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM)
#   installed.sh demo BINDIR [SHOT]       sa-admin --demo (offscreen) starts BINDIR's kube-sim, not the build
#                                         folder's, and connects to it; SIGTERM then ends both, exit status 0, and
#                                         the demo folder is gone. With SHOT (an absolute path to a PNG): on the
#                                         display it is given instead (e.g. under xvfb-run), and a screenshot of it
#                                         is taken once connected (imagemagick's import)
set -euo pipefail
mode=$1
bin=$(realpath "$2")
work=$(mktemp -d)
app=
cleanup() {
    [[ -n $app ]] && kill -KILL "$app" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    if [[ -s $work/stderr ]]; then
        echo "--- sa-admin's standard error:" >&2
        cat "$work/stderr" >&2
    fi
    exit 1
}
# Nothing of the build: its own folder as the working, temporary and runtime folder, the system's PATH, a HOME and
# settings of its own.
cd "$work"
mkdir -m 700 "$work/home"
export PATH=/usr/local/bin:/usr/bin:/bin HOME=$work/home XDG_CONFIG_HOME=$work/home/.config TMPDIR=$work \
    XDG_RUNTIME_DIR=$work QT_QPA_PLATFORM=offscreen QT_FORCE_STDERR_LOGGING=1
unset QT_MESSAGE_PATTERN QT_LOGGING_RULES

case $mode in
version)
    # As over ssh or in a package check: no display of any kind, and no platform chosen for it.
    unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM XDG_SESSION_TYPE
    output=$("$bin/sa-admin" --version 2>"$work/stderr") || fail "sa-admin --version exited with status $?"
    [[ $output == "sa-admin $3" ]] || fail "sa-admin --version printed \"$output\", not \"sa-admin $3\""
    echo "$output"
    output=$("$bin/sa-admin" --help 2>"$work/stderr") || fail "sa-admin --help exited with status $?"
    [[ $output == "Usage: $bin/sa-admin [options]"* && $output == *--kubeconfig* ]] ||
        fail "sa-admin --help printed \"$output\""
    echo "sa-admin --help: ${output%%$'\n'*}"
    ;;
demo)
    shot=${3:-}
    [[ -z $shot ]] || unset QT_QPA_PLATFORM
    # The connection state as it changes: "sa.session: Connected" (models/ClusterSession.cpp).
    QT_LOGGING_RULES=sa.session.info=true "$bin/sa-admin" --demo >"$work/stdout" 2>"$work/stderr" &
    app=$!
    for ((i = 0; i < 600; i++)); do
        grep -qx 'sa.session: Connected' "$work/stderr" && break
        kill -0 "$app" 2>/dev/null || fail "sa-admin ended before it connected"
        sleep 0.1
    done
    grep -qx 'sa.session: Connected' "$work/stderr" || fail "sa-admin did not connect to the demo cluster in 60 s"

    sims=()
    for stat in /proc/[0-9]*/stat; do
        line=$(cat "$stat" 2>/dev/null) || continue
        # PID (NAME) STATE PPID ...; the name may hold spaces and parentheses.
        if [[ $line =~ ^([0-9]+)\ \((.*)\)\ ([A-Za-z])\ ([0-9]+)\  && ${BASH_REMATCH[2]} == kube-sim &&
            ${BASH_REMATCH[3]} != Z && ${BASH_REMATCH[4]} == "$app" ]]; then
            sims+=("${BASH_REMATCH[1]}")
        fi
    done
    ((${#sims[@]} == 1)) || fail "sa-admin has ${#sims[@]} kube-sim children, not 1"
    sim=${sims[0]}
    exe=$(readlink "/proc/$sim/exe")
    [[ $exe == "$bin/kube-sim" ]] || fail "sa-admin started $exe, not the installed $bin/kube-sim"
    folders=("$work"/sa-admin-demo-"$app"-*)
    [[ -f ${folders[0]}/kubeconfig ]] || fail "no demo kubeconfig in $work"
    echo "sa-admin $app connected to kube-sim $sim ($exe), demo folder ${folders[0]}"
    if [[ -n $shot ]]; then
        sleep 2 # the lists fill in
        import -window root "$shot" || fail "no screenshot of display $DISPLAY"
        echo "screenshot of display $DISPLAY: $shot"
    fi

    kill -TERM "$app"
    status=0
    wait "$app" || status=$?
    app=
    ((status == 0)) || fail "sa-admin exited with status $status after SIGTERM"
    for ((i = 0; i < 30; i++)); do
        state=$(sed 's/.*) \(.\).*/\1/' "/proc/$sim/stat" 2>/dev/null || true)
        [[ -z $state || $state == Z ]] && break
        sleep 0.1
    done
    [[ -z $state || $state == Z ]] || { kill -KILL "$sim"; fail "kube-sim $sim still runs after sa-admin ended"; }
    [[ ! -e ${folders[0]} ]] || fail "the demo folder ${folders[0]} is left"
    echo "SIGTERM: sa-admin exited with status 0, kube-sim ended, demo folder removed"
    ;;
*)
    echo "usage: $0 version BINDIR VERSION | demo BINDIR [SHOT]" >&2
    exit 2
    ;;
esac
