#!/usr/bin/env bash
# Samsyn's benchmarks. Results are written to bench/results/<date>-<database>-<case>.md.
#   bench/run.sh            on the embedded H2 database
#   SAMSYN_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/<fresh db> SAMSYN_TEST_DB_USER=… SAMSYN_TEST_DB_PASSWORD=… bench/run.sh
#                           on PostgreSQL (a fresh database: the benchmark adds 5 000 insatser to it)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test -Dtest='CatalogSearchBenchmark,ParticipantListBenchmark,ImportBenchmark,FollowupReportBenchmark' -Dsurefire.failIfNoSpecifiedTests=false -DtrimStackTrace=false
ls -1 bench/results/ | tail -n 5
