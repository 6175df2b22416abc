#!/usr/bin/env bash
# A community's home page at size (docs/community.md, "Home page speed"): one community with MEMBERS members and
# THREADS discussions in the real Cassandra (keyspace vetnet_bench_home), read as a member and rendered as the
# public page, side by side with counting the members on every view. Needs the community module built
# (mvn -pl community -am install -DskipTests) and Cassandra running (./vetnet services start cassandra).
# Usage: bench/community-home.sh [members=10000] [threads=200] [views=300] [cassandra=127.0.0.1:9042]   Not part of ./vetnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o dependency:build-classpath -pl community -Dmdep.outputFile="$work/cp" >/dev/null
exec java -Xmx1g -cp "community/target/classes:$(cat "$work/cp")" bench/community/CommunityHomeBench.java "${1:-10000}" "${2:-200}" "${3:-300}" "${4:-127.0.0.1:9042}"
