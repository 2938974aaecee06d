#!/usr/bin/env bash
# Uninstalls video2mp3 and leaves nothing behind: no conversion, GridFS file, CRD or namespace.
# Order matters: the operator's finalizer deletes a conversion's Job and GridFS files, so the
# conversions (finished, running and queued) go first while the operator still runs; only then the
# install itself (`kubectl delete -k manifests`: operator, Role, databases, CRDs, namespace).
# Every wait is bounded by UNINSTALL_TIMEOUT (default 300s); on a timeout it stops before removing the
# operator, so running it again continues where it stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
ns=${NAMESPACE:-video2mp3}
timeout=${UNINSTALL_TIMEOUT:-300s}

if kubectl get namespace "$ns" >/dev/null 2>&1 && kubectl get crd videoconversions.video2mp3.io >/dev/null 2>&1; then
  # No new uploads meanwhile; the operator keeps running to finalize what is deleted.
  kubectl -n "$ns" scale deployment gateway --replicas=0 --timeout="$timeout" 2>/dev/null || true
  if ! kubectl -n "$ns" delete videoconversions --all --wait=true --timeout="$timeout"; then
    echo "conversions are still being finalized; is the operator running? (kubectl -n $ns get pods)" >&2
    exit 1
  fi
  kubectl -n "$ns" delete conversionplatforms --all --wait=true --timeout="$timeout"
fi
kubectl delete -k manifests --ignore-not-found --wait=true --timeout="$timeout"
echo "video2mp3 uninstalled"
