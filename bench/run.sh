#!/usr/bin/env bash
# Samsyn's benchmark suite. Loads a synthetic dataset of the chosen size, measures the in-process cases
# (reports and import, each against its baseline) and the HTTP cases (wrk, start-up, heap), and writes
# one results file.
#
#   bench/run.sh [tiny|demo|forbund|national]           on an embedded H2 file database (default size: forbund)
#   BENCH_DATABASE=postgresql bench/run.sh national     on PostgreSQL (127.0.0.1:5432), database samsyn_bench_<size>
#
# The database is kept between runs, so the national dataset is loaded once; BENCH_FRESH=1 starts from an empty
# one. Results: bench/results/<date>-<database>.md for the national size, bench/results/<date>-<database>-<size>.md
# for the others, target/bench/ only for tiny (the size CI runs). Settings, all optional: BENCH_RUNS (measured runs
# per in-process case, default 9), BENCH_WARMUP_RUNS (3), BENCH_IMPORT_RUNS (5), and those of bench/http.sh
# (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_STARTS, …).
set -euo pipefail
cd "$(dirname "$0")/.."

size="${1:-forbund}"
case "$size" in tiny|demo|forbund|national) ;; *) echo "bench/run.sh: unknown size '$size' (tiny, demo, forbund, national)" >&2; exit 2 ;; esac
database="${BENCH_DATABASE:-h2}"
work="target/bench"
mkdir -p "$work"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@")
  else psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres "$@"
  fi
}

case "$database" in
  h2)
    dir="$PWD/$work/h2-$size"
    if [ -n "${BENCH_FRESH:-}" ]; then rm -rf "$dir"; fi
    mkdir -p "$dir"
    url="jdbc:h2:file:$dir/samsyn;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    user="sa"; password=""
    ;;
  postgresql)
    db="samsyn_bench_$size"; user="samsyn_bench"
    password="$(cat "$work/.pg-password" 2>/dev/null || true)"
    if [ -z "$password" ]; then password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"; echo "$password" > "$work/.pg-password"; fi
    as_postgres -c "do \$\$ begin if not exists (select from pg_roles where rolname = '$user') then create role $user login; end if; end \$\$;"
    as_postgres -c "alter role $user with login password '$password'"
    if [ -n "${BENCH_FRESH:-}" ]; then as_postgres -c "drop database if exists $db"; fi
    if ! as_postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
      as_postgres -c "create database $db owner $user"
    fi
    url="jdbc:postgresql://127.0.0.1:5432/$db"
    ;;
  *) echo "bench/run.sh: BENCH_DATABASE must be h2 or postgresql" >&2; exit 2 ;;
esac

load_at_start="$(cut -d ' ' -f 1-3 /proc/loadavg)"
echo "bench/run.sh: size $size on $database; building"
mvn -B -q -ntp -DskipTests package

echo "bench/run.sh: in-process cases (loads the dataset on the first run)"
rm -f "$work/suite.md" "$work/http.env" "$work/http.md"
SAMSYN_TEST_DB_URL="$url" SAMSYN_TEST_DB_USER="$user" SAMSYN_TEST_DB_PASSWORD="$password" \
  mvn -B -q -ntp surefire:test -Dtest=BenchmarkSuite -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false \
  -Dbench.size="$size" -Dbench.runs="${BENCH_RUNS:-9}" -Dbench.warmup="${BENCH_WARMUP_RUNS:-3}" \
  -Dbench.import.runs="${BENCH_IMPORT_RUNS:-5}"

echo "bench/run.sh: HTTP cases"
# shellcheck source=/dev/null
source "$work/http.env"
BENCH_DB_URL="$url" BENCH_DB_USER="$user" BENCH_DB_PASSWORD="$password" BENCH_OUT="$work/http.md" \
  BENCH_USER="$BENCH_USER" BENCH_PASSWORD="$BENCH_PASSWORD" \
  BENCH_PARTICIPANTS_PATH="$BENCH_PARTICIPANTS_PATH" BENCH_REPORT_PATH="$BENCH_REPORT_PATH" \
  bench/http.sh

today="$(date +%F)"
engine="${BENCH_DATABASE_VERSION:-$BENCH_DATABASE}"
case "$size" in
  national) out="bench/results/$today-$database.md" ;;
  tiny) out="$work/$today-$database-$size.md" ;;
  *) out="bench/results/$today-$database-$size.md" ;;
esac
mkdir -p "$(dirname "$out")"
{
  echo "# Samsyn benchmark suite — $today, $engine, size \`$size\`"
  echo
  echo "Command: \`$( [ "$database" = postgresql ] && echo 'BENCH_DATABASE=postgresql ' )bench/run.sh $size\`," \
    "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' with local changes')."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), $(free -g | awk '/^Mem:/ {print $2}') GiB memory," \
    "$(java -version 2>&1 | head -n 1), database $engine; load average when the suite started: $load_at_start."
  echo
  echo "## Targets"
  echo
  grep -h -e '^- Target' -e '^Target' "$work/suite.md" "$work/http.md" | sed 's/^Target/- Target/' || true
  echo
  cat "$work/suite.md"
  echo
  cat "$work/http.md"
} > "$out"
echo "bench/run.sh: results in $out"
