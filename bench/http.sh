#!/usr/bin/env bash
# Samsyn's HTTP benchmark: start-up time, wrk load on the participant list, the follow-up report page and
# the login page, and the heap in use afterwards, against a database that already holds its data (for
# example the synthetic national dataset). Writes a markdown fragment and prints it.
#
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/<db> BENCH_DB_USER=… BENCH_DB_PASSWORD=… \
#   BENCH_PARTICIPANTS_PATH=/forbund/<code>/insatser/<id>/deltagare \
#   BENCH_REPORT_PATH='/forbund/<code>/rapporter/uppfoljning?from=2025-01-01&to=2025-06-30' \
#   bench/http.sh
#
# Inputs (environment variables):
#   BENCH_DB_URL             required; JDBC URL of the filled database, passed to the app as SAMSYN_DB_URL
#                            (PostgreSQL, or an H2 file URL; given as is)
#   BENCH_DB_USER            passed as SAMSYN_DB_USER (default: sa)
#   BENCH_DB_PASSWORD        passed as SAMSYN_DB_PASSWORD (default: empty)
#   BENCH_CRYPTO_KEY         passed as SAMSYN_CRYPTO_KEY (default: the test suite's key from
#                            src/test/resources/config/application.properties, which wrote the in-JVM data)
#   BENCH_PARTICIPANTS_PATH  required; the participant list, e.g. /forbund/<code>/insatser/<id>/deltagare
#   BENCH_REPORT_PATH        required; the report page, e.g. /forbund/<code>/rapporter/uppfoljning?from=…&to=…
#   BENCH_USER               a user without a second factor who may see both paths (default: demo-kansli)
#   BENCH_PASSWORD           that user's password (default: samsyn-demo)
#   BENCH_JAR                the application jar (default: the newest target/samsyn-*.jar, not *-plain.jar)
#   BENCH_JAVA_OPTS          extra JVM options, split on spaces (default: none), e.g. "-Xmx1g"
#   BENCH_DURATION           wrk duration of each measured run (default: 60s)
#   BENCH_WARMUP             wrk warm-up before each measured run, not reported; 0 skips it (default: 10s)
#   BENCH_CONNECTIONS        wrk connections (default: 50)
#   BENCH_THREADS            wrk threads (default: 2)
#   BENCH_TIMEOUT            wrk's request timeout (default: 10s; wrk's own is 2s). A slower answer counts as an
#                            error and wrk leaves it out of the latency figures, so too short a timeout caps p99
#   BENCH_STARTS             how many times start-up is measured; the last start serves the load (default: 3)
#   BENCH_START_TIMEOUT      seconds a start may take before it counts as failed (default: 300)
#   BENCH_OUT                the markdown fragment to write
#                            (default: bench/results/<date>-<h2|postgresql>-http.md)
#   SAMSYN_DEMO              the app's samsyn.demo.mode: always, auto, or anything else for never (default: off;
#                            the database already has its data)
#
# Needs java (with jcmd) and curl; installs wrk from Debian where it is missing. Exits non-zero only when the
# app does not start or the login fails: a missed target is a result, not a failure.
set -euo pipefail
caller=$(pwd)
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { echo "http.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# --- Inputs ----------------------------------------------------------------------------------------------

: "${BENCH_DB_URL:?set BENCH_DB_URL to the JDBC URL of the filled database (see the top of bench/http.sh)}"
: "${BENCH_PARTICIPANTS_PATH:?set BENCH_PARTICIPANTS_PATH, e.g. /forbund/<code>/insatser/<id>/deltagare}"
: "${BENCH_REPORT_PATH:?set BENCH_REPORT_PATH, e.g. /forbund/<code>/rapporter/uppfoljning?from=2025-01-01&to=2025-06-30}"
BENCH_DB_USER=${BENCH_DB_USER:-sa}
BENCH_DB_PASSWORD=${BENCH_DB_PASSWORD:-}
BENCH_CRYPTO_KEY=${BENCH_CRYPTO_KEY:-OgCkYsudaNnB5+37W4cxSAp0oml3p60k/6QSfniLsdE=}
BENCH_USER=${BENCH_USER:-demo-kansli}
BENCH_PASSWORD=${BENCH_PASSWORD:-samsyn-demo}
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}
BENCH_DURATION=${BENCH_DURATION:-60s}
BENCH_WARMUP=${BENCH_WARMUP:-10s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-50}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-10s}
BENCH_STARTS=${BENCH_STARTS:-3}
BENCH_START_TIMEOUT=${BENCH_START_TIMEOUT:-300}
SAMSYN_DEMO=${SAMSYN_DEMO:-off}

case "$BENCH_DB_URL" in
  jdbc:postgresql:*) db_kind=postgresql ;;
  jdbc:h2:*) db_kind=h2 ;;
  *) db_kind=other ;;
esac
# Paths given by the caller are relative to where they called from; the defaults to the repository.
if [ -n "${BENCH_OUT:-}" ]; then
  [[ $BENCH_OUT == /* ]] || BENCH_OUT=$caller/$BENCH_OUT
else
  BENCH_OUT=bench/results/$(date +%F)-$db_kind-http.md
fi
# The URL as shown in the results: no parameters, which may hold a password.
db_shown=${BENCH_DB_URL%%[;?]*}

if [ -n "${BENCH_JAR:-}" ]; then
  [[ $BENCH_JAR == /* ]] || BENCH_JAR=$caller/$BENCH_JAR
else
  for jar in target/samsyn-*.jar; do
    [[ -f $jar && $jar != *-plain.jar ]] || continue
    if [ -z "${BENCH_JAR:-}" ] || [ "$jar" -nt "$BENCH_JAR" ]; then BENCH_JAR=$jar; fi
  done
  [ -n "${BENCH_JAR:-}" ] || die "no target/samsyn-*.jar: build it first (mvn -B -DskipTests package) or set BENCH_JAR"
fi
[ -f "$BENCH_JAR" ] || die "BENCH_JAR not found: $BENCH_JAR"
BENCH_JAR=$(realpath "$BENCH_JAR")
[[ $BENCH_STARTS =~ ^[1-9][0-9]*$ ]] || die "BENCH_STARTS must be a positive number"
read -r -a java_opts <<<"$BENCH_JAVA_OPTS"

# --- Tools -----------------------------------------------------------------------------------------------

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "root is needed to run: $*"
  fi
}
install() {
  as_root apt-get update -qq
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v wrk >/dev/null 2>&1 || install wrk
for tool in java jcmd curl; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing (java and jcmd come with a JDK, e.g. openjdk-17-jdk-headless)"
done

# --- The app ---------------------------------------------------------------------------------------------

work=$(mktemp -d -t samsyn-http.XXXXXX)
lua="$repo/bench/wrk-report.lua"
app_pid=""
wrk_pid=""

app_alive() {
  local state
  state=$(ps -o stat= -p "$app_pid" 2>/dev/null) || return 1
  [[ $state != Z* ]] # an exited child stays a zombie until waited for
}

stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM "$app_pid" 2>/dev/null || true
  for _ in $(seq 1 300); do app_alive || break; sleep 0.1; done
  if app_alive; then kill -KILL "$app_pid" 2>/dev/null || true; fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

cleanup() {
  if [ -n "$wrk_pid" ]; then kill "$wrk_pid" 2>/dev/null || true; fi
  stop_app
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    # Nothing answers on a free port, so the connection attempt fails.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

fail_start() {
  say "$1; the end of the app's log:"
  tail -n 60 "$app_log" >&2 || true
  exit 1
}

# Starts the app in a fresh working directory (it writes ./data there) and waits until GET /login answers
# 200. Sets app_pid, app_port, app_log, startup_ms and boot_ms (Spring Boot's own "Started … in", or empty).
start_app() {
  local dir="$work/start-$1" t0 t1 code
  mkdir -p "$dir"
  app_port=$(free_port) || die "no free port found"
  app_log="$dir/app.log"
  t0=$(date +%s%N)
  (cd "$dir" && exec env SAMSYN_PORT="$app_port" SAMSYN_DB_URL="$BENCH_DB_URL" SAMSYN_DB_USER="$BENCH_DB_USER" \
    SAMSYN_DB_PASSWORD="$BENCH_DB_PASSWORD" SAMSYN_CRYPTO_KEY="$BENCH_CRYPTO_KEY" SAMSYN_DEMO="$SAMSYN_DEMO" \
    java ${java_opts[@]+"${java_opts[@]}"} -jar "$BENCH_JAR") >"$app_log" 2>&1 &
  app_pid=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$app_port/login" || true)
    t1=$(date +%s%N)
    [ "$code" = 200 ] && break
    app_alive || fail_start "the app stopped during start $1"
    [ $(((t1 - t0) / 1000000000)) -lt "$BENCH_START_TIMEOUT" ] || fail_start "no answer from /login after ${BENCH_START_TIMEOUT}s"
    sleep 0.1
  done
  startup_ms=$(((t1 - t0) / 1000000))
  boot_ms=$(grep -oE 'Started [A-Za-z0-9_$]+ in [0-9.]+ seconds' "$app_log" | tail -n 1 \
    | awk '{ printf "%.0f", $(NF-1) * 1000 }' || true)
}

# median, min and max of the numbers on stdin, one a line
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a n/a n/a"; exit }
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.0f %.0f %.0f\n", m, v[1], v[NR] }'
}

startups=()
boots=()
for n in $(seq 1 "$BENCH_STARTS"); do
  [ "$n" = 1 ] || stop_app
  say "start $n of $BENCH_STARTS"
  start_app "$n"
  say "start $n: /login answered 200 after $startup_ms ms${boot_ms:+ (Spring Boot: started in $boot_ms ms)}"
  startups+=("$startup_ms")
  [ -z "$boot_ms" ] || boots+=("$boot_ms")
done
base="http://127.0.0.1:$app_port"

# --- Login -----------------------------------------------------------------------------------------------

# Like a browser: fetch the form, post it with its CSRF token, follow the redirect. Only one attempt: failed
# logins make the account wait and finally lock it.
jar="$work/cookies.txt"
form=$(curl -s -c "$jar" -b "$jar" "$base/login")
csrf=$(grep -oE '<input[^>]*name="_csrf"[^>]*>' <<<"$form" | head -n 1 | sed -E 's/.*value="([^"]*)".*/\1/' || true)
[ -n "$csrf" ] || die "no CSRF token in the login form"
landed=$(curl -s -c "$jar" -b "$jar" -L -o /dev/null -w '%{http_code} %{url_effective}' \
  --data-urlencode "username=$BENCH_USER" --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$csrf" \
  "$base/login")
landed_path=/${landed#*://*/}
case "$landed_path" in
  /login*) die "login as $BENCH_USER failed: sent to $landed_path (error: wrong password; wait/locked: throttled after failures)" ;;
  /mfa*) die "$BENCH_USER must pass a second factor: use a user without one, or a demo installation, or BENCH_JAVA_OPTS=-Dsamsyn.security.require-mfa=false" ;;
  /konto/losenord*) die "$BENCH_USER must change a one-time password first: log in once in a browser" ;;
esac
[ "${landed%% *}" = 200 ] || die "login as $BENCH_USER ended with HTTP ${landed%% *} on $landed_path"
session=$(awk '$6 == "JSESSIONID" { id = $7 } END { print id }' "$jar")
[ -n "$session" ] || die "no session cookie after the login"
say "logged in as $BENCH_USER"

for path in "$BENCH_PARTICIPANTS_PATH" "$BENCH_REPORT_PATH"; do
  answer=$(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total} %{redirect_url}' "$base$path")
  read -r code seconds redirect <<<"$answer"
  [ "$code" = 200 ] || die "$path answers HTTP $code${redirect:+ (to $redirect)} for $BENCH_USER, not 200"
  say "$path answers 200 in $(awk -v s="$seconds" 'BEGIN { printf "%.0f", s * 1000 }') ms"
done

# --- Load ------------------------------------------------------------------------------------------------

declare -A rps p50 p99 errors detail timeouts

# wrk_in_background <wrk arguments…>: runs wrk as a background job and waits for it, so that a signal stops
# the script (and, through cleanup, wrk and the app) at once rather than after the run.
wrk_in_background() {
  wrk "$@" &
  wrk_pid=$!
  wait "$wrk_pid" || true
  wrk_pid=""
}

# run_wrk <case> <path> [cookie]: warm-up, then the measured run with wrk-report.lua.
run_wrk() {
  local name=$1 url="$base$2" out
  local headers=()
  [ -z "${3:-}" ] || headers=(-H "Cookie: JSESSIONID=$3")
  local common=(-t"$BENCH_THREADS" -c"$BENCH_CONNECTIONS" --timeout "$BENCH_TIMEOUT" ${headers[@]+"${headers[@]}"})
  if [ "$BENCH_WARMUP" != 0 ]; then
    say "$name: warm-up for $BENCH_WARMUP"
    wrk_in_background "${common[@]}" -d"$BENCH_WARMUP" "$url" >/dev/null 2>&1
  fi
  say "$name: $BENCH_CONNECTIONS connections for $BENCH_DURATION"
  wrk_in_background "${common[@]}" -d"$BENCH_DURATION" --latency -s "$lua" "$url" >"$work/wrk-$name.txt" 2>&1
  out=$(cat "$work/wrk-$name.txt")
  value() { awk -v k="$1" '$1 == "bench" && $2 == k { print $3 }' <<<"$out"; }
  if [ -z "$(value requests)" ]; then
    say "$name: wrk gave no result:"; echo "$out" >&2
    rps[$name]=n/a p50[$name]=n/a p99[$name]=n/a errors[$name]=n/a detail[$name]="wrk failed" timeouts[$name]=0
    return 0
  fi
  rps[$name]=$(value requests_per_s)
  p50[$name]=$(value p50_ms)
  p99[$name]=$(value p99_ms)
  timeouts[$name]=$(value socket_errors_detail | grep -oE 'timeout=[0-9]+' | cut -d= -f2)
  errors[$name]=$(($(value non2xx) + $(value socket_errors)))
  detail[$name]="$(value requests) requests; by status: $(awk '$1 == "bench" && $2 ~ /^status_/ { sub(/status_/, "", $2); printf "%s%s × %s", sep, $2, $3; sep = ", " }' <<<"$out"); socket errors: $(value socket_errors_detail); max $(value max_ms) ms"
  say "$name: ${rps[$name]} requests/s, p50 ${p50[$name]} ms, p99 ${p99[$name]} ms, ${errors[$name]} errors"
}

# used and committed heap in MiB ("used committed"), summed over the heap's generations as GC.heap_info shows
# them ("… total 123K, used 45K …"; metaspace lines have no "total"); n/a when jcmd cannot attach
heap() {
  jcmd "$app_pid" GC.heap_info 2>/dev/null | awk '/total [0-9]+K, used [0-9]+K/ {
      for (i = 1; i < NF; i++) { v = $(i + 1); sub(/K,?$/, "", v); if ($i == "total") t += v; if ($i == "used") u += v }
      found = 1 }
    END { if (found) printf "%.0f %.0f\n", u / 1024, t / 1024; else print "n/a n/a" }'
}
# heap_line <what>: the heap right after the load, then the live heap after a full GC
heap_line() {
  local used committed live
  read -r used committed < <(heap)
  jcmd "$app_pid" GC.run >/dev/null 2>&1 || true
  read -r live _ < <(heap)
  echo "- Heap after $1: $used MiB in use before GC ($committed MiB committed), $live MiB live after a full GC"
}

# The authenticated pages first: all connections share the one session, as one busy user's tabs would.
run_wrk participants "$BENCH_PARTICIPANTS_PATH" "$session"
run_wrk report "$BENCH_REPORT_PATH" "$session"
heap_after_pages=$(heap_line "the participant list and report runs")
# The login page without a cookie, like visitors who are not signed in. Nothing throttles it: the login
# throttle and lock-out (samsyn.security.*) act on failed POSTs only. Every request leaves a new session
# behind (the form's CSRF token lives in it) until the idle timeout, hence the second heap line.
run_wrk login /login
heap_after_login=$(heap_line "the login page run as well")
flags=$(jcmd "$app_pid" VM.flags 2>/dev/null || true)
max_heap=$(grep -oE -- '-XX:MaxHeapSize=[0-9]+' <<<"$flags" | awk -F= '{ printf "%.0f", $2 / 1048576 }' || true)
gc=$(grep -oE -- '-XX:\+Use[A-Za-z0-9]+GC' <<<"$flags" | head -n 1 | sed 's/-XX:+Use//' || true)
stop_app

# --- Results ---------------------------------------------------------------------------------------------

read -r start_median start_min start_max < <(printf '%s\n' "${startups[@]}" | stats)
if [ ${#boots[@]} -gt 0 ]; then
  read -r boot_median boot_min boot_max < <(printf '%s\n' "${boots[@]}" | stats)
else
  boot_median=n/a boot_min=n/a boot_max=n/a
fi

# The target: participant list p99 < 200 ms at 50 connections with 0 errors. wrk sends the next request as soon
# as the answer arrives, so the mean latency is about connections / (requests/s): the target needs 250 requests/s.
target_state=$(awk -v p="${p99[participants]}" -v e="${errors[participants]}" -v c="$BENCH_CONNECTIONS" 'BEGIN {
  if (p == "n/a") print "MISSED"
  else if (c != 50) print "not checked (measured at " c " connections)"
  else print (p + 0 < 200 && e == 0) ? "met" : "MISSED" }')

# A p99 marked † leaves out the answers slower than the timeout: the true p99 is higher.
row() {
  local mark=""
  [ "${timeouts[$2]}" = 0 ] || mark="†"
  echo "| $1 | ${rps[$2]} | ${p50[$2]} | ${p99[$2]}$mark | ${errors[$2]} | $BENCH_CONNECTIONS | $BENCH_DURATION |"
}
tick='`'
participants_row=$(row "participant list $tick$BENCH_PARTICIPANTS_PATH$tick" participants)
report_row=$(row "report page $tick$BENCH_REPORT_PATH$tick" report)
login_row=$(row "login page ${tick}/login$tick (no session)" login)
java_version=$(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')

write_report() {
  cat <<EOF
### HTTP ($(date +%F), $db_kind)

$(basename "$BENCH_JAR") on $tick$db_shown$tick, $(nproc) cores, Java $java_version${gc:+, $gc}${BENCH_JAVA_OPTS:+, $tick$BENCH_JAVA_OPTS$tick}; wrk $BENCH_THREADS threads, timeout $BENCH_TIMEOUT, after a $BENCH_WARMUP warm-up; user $tick$BENCH_USER$tick.

| Start-up over $BENCH_STARTS starts | median ms | min ms | max ms |
|---|---|---|---|
| process start until GET /login answers 200 | $start_median | $start_min | $start_max |
| Spring Boot's "Started … in" | $boot_median | $boot_min | $boot_max |

| Case | requests/s | p50 ms | p99 ms | errors | connections | duration |
|---|---|---|---|---|---|---|
$participants_row
$report_row
$login_row

Errors are responses outside 2xx (a redirect to /login means the session was lost) plus socket errors and answers
slower than the $BENCH_TIMEOUT timeout; † marks a p99 that leaves such answers out, so the true one is higher.
- participant list: ${detail[participants]}
- report page: ${detail[report]}
- login page: ${detail[login]}

$heap_after_pages
$heap_after_login
- Max heap: ${max_heap:-n/a} MiB

Target "participant list p99 < 200 ms at 50 connections with 0 errors": $target_state (p99 ${p99[participants]} ms, ${errors[participants]} errors)
EOF
}

mkdir -p "$(dirname "$BENCH_OUT")"
write_report >"$BENCH_OUT"
cat "$BENCH_OUT"
say "written to $BENCH_OUT"
