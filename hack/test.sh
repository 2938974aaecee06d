#!/usr/bin/env bash
# Runs every test: installs what the tests need when it is missing (Debian packages), starts RabbitMQ
# and MariaDB when they are not running, then `mvn -B verify`. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=hack/lib/services.sh
source hack/lib/services.sh

ensure_packages
ensure_rabbitmq
ensure_mariadb

echo "==> mvn -B verify $*"
exec mvn -B -ntp verify "$@"
