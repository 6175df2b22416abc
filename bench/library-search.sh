#!/usr/bin/env bash
# The library search at size (docs/community.md, "Search speed"), side by side in one run: the community server's
# Lucene index against Cassandra 5 storage-attached indexes on the same generated practices and queries. Prints a
# table (build time, median, p95, p99 per query) and the ratio. Needs the community module built
# (mvn -pl community -am install -DskipTests) and, for the SAI side, Cassandra running (./vetnet services start
# cassandra; its keyspace vetnet_bench is rewritten).
# Usage: bench/library-search.sh [practices=100000] [queries=400] [cassandra host:port | none]   Not part of ./vetnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
PRACTICES="${1:-100000}"
QUERIES="${2:-400}"
CASSANDRA="${3:-127.0.0.1:9042}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o dependency:build-classpath -pl community -Dmdep.outputFile="$work/cp" >/dev/null
exec java -Xmx2g -cp "community/target/classes:$(cat "$work/cp")" bench/library/LibrarySearchBench.java "$PRACTICES" "$QUERIES" "$CASSANDRA"
