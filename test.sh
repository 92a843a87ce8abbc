#!/usr/bin/env bash
# Samsyn's test command. Installs what the suite needs where it is missing (JDK, Maven, Chromium,
# PostgreSQL), starts PostgreSQL, creates a fresh database for this run, and runs the whole suite
# twice: on the embedded H2 database and on PostgreSQL, browser tests included.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "test.sh: root is needed to run: $*" >&2; exit 1
  fi
}
apt_updated=""
install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "test.sh: installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v java >/dev/null 2>&1 || install openjdk-17-jdk-headless
command -v mvn >/dev/null 2>&1 || install maven
command -v chromium >/dev/null 2>&1 || install chromium
command -v pg_ctlcluster >/dev/null 2>&1 || install postgresql

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "test.sh: starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

psql_admin() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@")
  else psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres "$@"
  fi
}

db="samsyn_test_$(date +%s)_$$"
role="samsyn_test"
password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
psql_admin -c "do \$\$ begin if not exists (select from pg_roles where rolname = '$role') then create role $role login; end if; end \$\$;"
psql_admin -c "alter role $role with login password '$password'"
psql_admin -c "create database $db owner $role"
trap 'psql_admin -c "drop database if exists $db" >/dev/null 2>&1 || true' EXIT

mvn -B -ntp verify \
  -Dsamsyn.test.pg.url="jdbc:postgresql://127.0.0.1:5432/$db" \
  -Dsamsyn.test.pg.user="$role" \
  -Dsamsyn.test.pg.password="$password"

# The benchmark suite at its tiny size, its HTTP half included, so that it keeps working; the timings are not read.
BENCH_FRESH=1 BENCH_RUNS=1 BENCH_WARMUP_RUNS=0 BENCH_IMPORT_RUNS=1 BENCH_STARTS=1 BENCH_WARMUP=0 BENCH_DURATION=2s \
  bench/run.sh tiny
