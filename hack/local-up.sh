#!/usr/bin/env bash
# Runs the whole video2mp3 platform on this machine, in the foreground, with no cluster and no Docker:
# a local Kubernetes API (kubectl works with .local/kubeconfig) with a local Job runner, embedded
# MongoDB, AMQP broker, MariaDB and SMTP server, and auth, gateway, notifier and operator from their
# jars. Builds what is missing first. Ctrl-C, SIGINT or SIGTERM (kill <pid>) stops everything, also when
# started in the background of a script; data stays in .local/ for the next run.
#
# Settings (environment): MONGODB_URI, RABBITMQ_URI, MYSQL_URL (+ MYSQL_USER, MYSQL_PASSWORD) use real
# servers instead of the embedded ones; GATEWAY_PORT (8080), AUTH_PORT (5000), OPERATOR_PORT (8081),
# NOTIFIER_PORT (8082), SAMPLES_PORT (8090), MAILBOX_PORT (8025): taken defaults fall back to free ports;
# DEMO_USER (demo), DEMO_PASSWORD (demo-password); LOCAL_DIR (.local); LOCAL_SKIP_BUILD=1;
# MAX_CONCURRENT_JOBS (4) and LOCAL_JOB_PARALLELISM (= MAX_CONCURRENT_JOBS); SERVICE_XMX (384m).
set -euo pipefail
# A non-interactive shell starts a background job with SIGINT (and SIGQUIT) ignored; bash can neither
# trap nor reset a signal ignored at its start, and the JVM installs no handler for one either, so such a
# start would never stop on SIGINT: start again with SIGINT at its default, which exec passes on to java.
if [ -n "$(trap -p INT)" ] && [ -z "${LOCAL_UP_SIGINT_RESET:-}" ]; then
  if env --default-signal=INT true 2>/dev/null; then
    LOCAL_UP_SIGINT_RESET=1 exec env --default-signal=INT "$BASH" "$0" "$@"
  fi
  echo "local-up: SIGINT is ignored here and env(1) cannot reset it (coreutils < 8.31): stop with SIGTERM" >&2
fi
cd "$(dirname "$0")/.."
# shellcheck source=hack/lib/services.sh
source hack/lib/services.sh

# Only the tools: RabbitMQ and MariaDB are embedded here, not needed as system services.
missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
{ command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; } || missing+=(ffmpeg)
command -v unzip >/dev/null || missing+=(unzip) # the converter's launch layout
command -v zip >/dev/null || missing+=(zip)
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi

# A module needs building when its jar is missing or any of its sources (or the parent POM) is newer.
stale() {
  local module=$1 jar
  jar=$(ls "$module"/target/"$(basename "$module")"-*.jar "$module"/target/local-platform-*.jar 2>/dev/null | head -1 || true)
  [ -z "$jar" ] && return 0
  [ -n "$(find "$module/src" "$module/pom.xml" pom.xml crds/src -newer "$jar" -type f 2>/dev/null | head -1)" ]
}

if [ -z "${LOCAL_SKIP_BUILD:-}" ]; then
  modules=()
  for m in crds auth operator notifier gateway hack/local; do
    [ -d "$m/src" ] || continue
    if stale "$m"; then modules+=("$m"); fi
  done
  if [ ${#modules[@]} -gt 0 ]; then
    list=$(IFS=,; echo "${modules[*]}")
    say "building $list (mvn -B -q -DskipTests install)"
    mvn -B -q -DskipTests -pl "$list" -am install || die "the build failed; fix it or run with LOCAL_SKIP_BUILD=1"
  fi
fi

jar=$(ls hack/local/target/local-platform-*.jar 2>/dev/null | head -1 || true)
[ -n "$jar" ] || die "hack/local/target/local-platform-*.jar is missing: run mvn -B -DskipTests -pl hack/local -am install"
# Run a copy: a rebuild while the platform runs rewrites target/*.jar in place, and a JVM whose jar
# changes under it dies at its next class load (the platform copies the service jars the same way).
local_dir=${LOCAL_DIR:-.local}
mkdir -p "$local_dir/jars"
cp -p "$jar" "$local_dir/jars/local-platform.jar.tmp" && mv -f "$local_dir/jars/local-platform.jar.tmp" "$local_dir/jars/local-platform.jar"
say "starting the local platform (data in $local_dir/)"
# exec: SIGINT and SIGTERM reach the JVM itself, whose shutdown hook stops every process it started.
# The default JIT (no C1-only flag): the embedded MongoDB and broker run in this JVM.
exec java -Xmx768m -jar "$local_dir/jars/local-platform.jar"
