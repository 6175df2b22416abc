#!/usr/bin/env bash
# The crdt benchmark of issue 3 in one command: yjs and ywasm under Node, then the Java engine, one table.
#   crdt/bench.sh [--runs=5] [--cases=B1,B2,B3,B4] [--engines=java,yjs,ywasm] [--warmups=3]
# Table on stdout and in crdt/target/bench-results.md (raw medians and runs beside it, .jsonl);
# progress on stderr. Takes several minutes (ywasm's B4 replay alone ~2 min at --runs=5).
# BENCH_JAVA_OPTS overrides the JVM flags (e.g. add -XX:StartFlightRecording=filename=x.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci only when the JS side is not installed yet (the build's own npm ci reinstalls from scratch).
js_skip=true
[ -d crdt/src/test/js/node_modules ] || js_skip=false
mvn -q -o -pl crdt test-compile -Dcrdt.js.skip="$js_skip" >&2
mvn -q -o -pl crdt dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2

# Run from a private copy of the classes: other builds of crdt on this machine (tests, IDEs) rewrite
# crdt/target while the benchmark runs for minutes.
classes=$(mktemp -d "${TMPDIR:-/tmp}/crdt-bench.XXXXXX")
trap 'rm -rf "$classes"' EXIT
cp -r crdt/target/classes "$classes/main"
cp -r crdt/target/test-classes "$classes/test"

# A fixed 2 GB heap: no resizing during the timed parts; G1 (the default) with System.gc() full and
# compacting, which the heap figure relies on.
java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC} \
  -cp "$classes/test:$classes/main:$(cat crdt/target/bench.classpath)" \
  eu.vetnet.crdt.bench.CrdtBenchmark --module=crdt "$@"
