#!/usr/bin/env bash
# Builds the four service images (needs a container engine, which the test machines do not have).
set -euo pipefail
cd "$(dirname "$0")/.."
tag=${TAG:-0.1.0}
mvn -B -q -DskipTests package
for module in operator auth gateway notifier; do
  docker build -f hack/images/Dockerfile --build-arg MODULE="$module" -t "video2mp3/$module:$tag" .
done
