#!/usr/bin/env bash
# Shared by hack/test.sh and hack/local-up.sh: make sure the tools and local services the build and
# tests use are there. Waits are bounded; each failure says what to do.

say() { echo "==> $*"; }
die() { echo "error: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $* (install it yourself or run as root)"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local seconds=$1 what=$2; shift 2
  for _ in $(seq "$seconds"); do "$@" && return 0; sleep 1; done
  die "$what did not come up within ${seconds}s"
}

APT_UPDATED=
apt_install() {
  [ -n "$APT_UPDATED" ] || { as_root apt-get update -qq; APT_UPDATED=1; }
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_packages() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || missing+=(ffmpeg)
  # The converter's lean launch layout (hack/images/converter-layout.sh), as local mode builds it.
  command -v unzip >/dev/null || missing+=(unzip)
  command -v zip >/dev/null || missing+=(zip)
  [ -x /usr/sbin/rabbitmq-server ] || missing+=(rabbitmq-server)
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  # The browser test (hack/browser): Playwright drives Debian's Chromium.
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_rabbitmq() {
  if [ -n "${RABBITMQ_URI:-}" ]; then say "RabbitMQ: using RABBITMQ_URI"; return; fi
  if port_open 5672; then say "RabbitMQ: already running on 127.0.0.1:5672"; return; fi
  say "RabbitMQ: starting"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  as_root timeout 120 rabbitmqctl await_startup >/dev/null || die "RabbitMQ did not start: see /var/log/rabbitmq"
  wait_for 60 "RabbitMQ on 127.0.0.1:5672" port_open 5672
}

mariadb_root_tcp() { mariadb -h 127.0.0.1 -P 3306 -u root --password= -e 'select 1' >/dev/null 2>&1; }

ensure_mariadb() {
  if [ -n "${MYSQL_TEST_URL:-}" ]; then say "MariaDB: using MYSQL_TEST_URL"; return; fi
  if ! port_open 3306; then
    say "MariaDB: starting"
    as_root mkdir -p /run/mysqld
    as_root chown mysql:mysql /run/mysqld
    # mariadbd refuses to run as root.
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
    wait_for 60 "MariaDB on 127.0.0.1:3306" port_open 3306
  else
    say "MariaDB: already running on 127.0.0.1:3306"
  fi
  if ! mariadb_root_tcp; then
    # Debian's root uses the unix socket only; the tests log in over TCP with an empty password.
    say "MariaDB: allowing root@localhost over TCP with an empty password (test machine)"
    as_root mariadb -e "ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')" \
      || die "cannot configure MariaDB's root login; set MYSQL_TEST_URL, MYSQL_USER and MYSQL_PASSWORD"
    wait_for 10 "MariaDB root login over TCP" mariadb_root_tcp
  fi
}
