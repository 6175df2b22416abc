#!/usr/bin/env bash
# The crdt benchmark of issue 3 in one command: yjs and ywasm under Node, then the Java engine, one table.
#   crdt/bench.sh [--runs=5] [--cases=B1,B2,B3,B4] [--engines=java,yjs,ywasm] [--warmups=3] [--warmup-ms=1000]
# Table on stdout and in crdt/target/bench-results.md (raw medians and runs beside it, .jsonl);
# progress on stderr. Takes about 5 minutes (ywasm's B4 replay alone ~2-3 min at --runs=5).
# The engine measured is the committed one (git HEAD), so that a run names what it measured; set
# BENCH_ENGINE=worktree to measure the working tree's crdt/src/main instead.
# BENCH_JAVA_OPTS overrides the JVM flags (e.g. add -XX:StartFlightRecording=filename=x.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/.."

# The engine and the harness are compiled with javac into a private directory, not by Maven into
# crdt/target: other builds on this machine (`mvn -pl rooms -am test`, IDEs) rewrite crdt/target while
# the benchmark runs for minutes. Maven only resolves the test classpath (JUnit, Jackson).
work=$(mktemp -d "${TMPDIR:-/tmp}/crdt-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mvn -q -o -pl crdt dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath" >&2
deps=$(cat "$work/classpath")
if [ "${BENCH_ENGINE:-head}" = worktree ]; then
  src=crdt/src/main/java
  rev="$(git rev-parse --short HEAD) + working tree"
  git diff --quiet HEAD -- crdt/src/main || rev="$rev (with uncommitted changes in crdt/src/main)"
else
  mkdir "$work/src"
  git archive HEAD crdt/src/main/java | tar -x -C "$work/src"
  src="$work/src/crdt/src/main/java"
  rev="$(git rev-parse --short HEAD) (committed)"
fi
javac --release 17 -nowarn -d "$work/main" $(find "$src" -name '*.java') >&2
javac --release 17 -d "$work/test" -cp "$work/main:$deps" crdt/src/test/java/eu/vetnet/crdt/bench/*.java >&2
mkdir -p "$work/test/bench"
cp crdt/src/test/resources/bench/automerge-paper.json.gz "$work/test/bench/"
if [ ! -d crdt/src/test/js/node_modules ]; then
  (cd crdt/src/test/js && npm ci --no-audit --no-fund >&2)
fi

# A fixed 2 GB heap: no resizing during the timed parts; G1 (the default) with System.gc() full and
# compacting, which the heap figure relies on.
java ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseG1GC} \
  -cp "$work/test:$work/main:$deps" \
  eu.vetnet.crdt.bench.CrdtBenchmark --module=crdt --engine-rev="$rev" "$@"
