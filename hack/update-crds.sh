#!/usr/bin/env bash
# Regenerates the CRD YAML with fabric8's crd-generator and copies it over the checked-in files.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl crds -am process-test-classes
cp crds/target/crds/*.yml crds/
echo "updated: $(ls crds/*.yml | tr '\n' ' ')"
