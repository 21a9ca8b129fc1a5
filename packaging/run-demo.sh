#!/usr/bin/env bash
# Builds SA Admin and starts the demo: kube-sim with the demo seed, with a kubeconfig for kubectl.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${SA_BUILD_DIR:-$here/build}
"$here/packaging/build.sh"
kubeconfig="$build/kube-sim.kubeconfig"
echo "Starting kube-sim (Ctrl-C stops it). In another shell:"
echo "    export KUBECONFIG=$kubeconfig"
echo "    kubectl get serviceaccounts -A"
exec "$build/app/sim/kube-sim" --seed demo --write-kubeconfig "$kubeconfig"
