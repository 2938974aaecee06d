#!/usr/bin/env bash
# Runs every test: installs what the tests need when it is missing (Debian packages), starts RabbitMQ
# and MariaDB when they are not running, installs the browser test's pinned npm packages (npm ci),
# then `mvn -B verify` (hack/local's EndToEndIT runs the browser test). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=hack/lib/services.sh
source hack/lib/services.sh

ensure_packages
ensure_rabbitmq
ensure_mariadb

say "browser test: npm ci (hack/browser/package-lock.json)"
(cd hack/browser && npm ci --no-audit --no-fund --loglevel=error)

echo "==> mvn -B verify $*"
exec mvn -B -ntp verify "$@"
