#!/usr/bin/env bash
# The opinion map's cost (docs/dialogue.md, "Statements and the opinion map"), side by side in one run: the room
# server's computation (Hipparchus, rooms/opinion/OpinionAnalysis) against the same algorithm in numpy, on the same
# vote matrices (VOTERS x STATEMENTS, three camps, a fifth of the votes missing, fixed seed). Prints a table with
# medians and the ratio. Needs the rooms module built (mvn -pl rooms -am package -DskipTests) and python3 with numpy.
# Usage: bench/opinion-map.sh [runs]   Not part of ./vetnet test.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-21}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o dependency:build-classpath -pl rooms -Dmdep.outputFile="$work/cp" >/dev/null
cp="rooms/target/classes:$(cat "$work/cp")"
printf '| voters x statements | hipparchus median ms (min-max) | numpy median ms (min-max) | groups (ours/numpy) | ours / numpy |\n|---|---|---|---|---|\n'
for size in "50 30" "200 100" "500 150"; do
  set -- $size
  python3 - "$1" "$2" "$work/m.txt" <<'PY'
import sys, numpy as np
n, s, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(7)
camp = rng.integers(3, size=n)
v = np.empty((n, s))
for i in range(n):
    for j in range(s):
        r = rng.integers(10)
        v[i, j] = np.nan if r < 2 else 0 if r == 2 else (1 if ((j % 3 == camp[i]) != (rng.integers(6) == 0)) else -1)
np.savetxt(out, v, fmt="%g")
PY
  read -r _ om omin omax og < <(java -cp "$cp" bench/opinion/OpinionMapBench.java "$work/m.txt" "$RUNS")
  read -r _ _ nm nmin nmax ng < <(python3 bench/opinion/reference.py "$work/m.txt" "$RUNS")
  ratio=$(python3 -c "print(f'{$om / $nm:.2f}')")
  printf '| %s x %s | %s (%s-%s) | %s (%s-%s) | %s/%s | %s |\n' "$1" "$2" "$om" "$omin" "$omax" "$nm" "$nmin" "$nmax" "$og" "$ng" "$ratio"
done
