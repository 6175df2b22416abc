#!/usr/bin/env bash
# deploy/services.sh: the local Redis, Cassandra and Keycloak that `./vetnet run`, `./vetnet test`,
# .ci/run and the integration tests (testkit) all use, started the same way everywhere.
#
#   deploy/services.sh start|stop|status|reset [redis] [cassandra] [keycloak]   (no names: all three)
#
# Each service runs as one process (its own session, so it is stopped as a group) whose PID is kept
# in $VETNET_HOME/run/<name>.pid. `start` is idempotent: a running, healthy instance is reused.
# A per-service lock (flock) and a scan of /proc for processes that own the data folder make sure
# there are never two instances on one data folder, even with a lost or stale pid file.
# See docs/operations.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VETNET_HOME="${VETNET_HOME:-$ROOT/.vetnet}"
read -r -a MVN_EXTRA <<< "${VETNET_MAVEN_ARGS:-}"

REDIS_PORT="${VETNET_REDIS_PORT:-6379}"
CASSANDRA_PORT="${VETNET_CASSANDRA_PORT:-9042}"
CASSANDRA_HEAP="${VETNET_CASSANDRA_HEAP:-512m}"
KEYCLOAK_PORT="${VETNET_KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${VETNET_KEYCLOAK_MANAGEMENT_PORT:-9000}"
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_REALM=vetnet

# Readiness timeouts in seconds. Measured here: Redis at once, Cassandra 9-14 s fresh,
# Keycloak 40-85 s on a fresh unzip; the margins cover a busy 2-core CI machine.
REDIS_TIMEOUT="${VETNET_REDIS_TIMEOUT:-30}"
CASSANDRA_TIMEOUT="${VETNET_CASSANDRA_TIMEOUT:-240}"
KEYCLOAK_TIMEOUT="${VETNET_KEYCLOAK_TIMEOUT:-360}"
# Grace period between SIGTERM and SIGKILL on stop.
STOP_GRACE="${VETNET_STOP_GRACE:-30}"

RUN_DIR="$VETNET_HOME/run"
LOG_DIR="$VETNET_HOME/logs"
CACHE_DIR="$VETNET_HOME/cache"
REDIS_DIR="$VETNET_HOME/redis"
CASSANDRA_DIR="$VETNET_HOME/cassandra"
KEYCLOAK_HOME="$VETNET_HOME/keycloak/keycloak-$KEYCLOAK_VERSION"

ALL_SERVICES=(redis cassandra keycloak)

# Output never fails the command: a stop must finish even when whoever reads our output has gone.
say() { printf '%s\n' "$*" 2>/dev/null || true; }
warn() { printf '%s\n' "$*" >&2 2>/dev/null || true; }
die() { warn "services.sh: $*"; exit 1; }

usage() {
  cat >&2 <<EOF
usage: deploy/services.sh start|stop|status|reset [redis] [cassandra] [keycloak]
       deploy/services.sh drop-keyspaces PREFIX
  start   start each service (reusing a healthy running one) and wait until it is ready
  stop    stop each service by PID: SIGTERM, then SIGKILL after ${STOP_GRACE} s
  status  print each service's state; exit 0 only if all named services are ready
  reset   stop each service and delete its data (downloads and caches are kept)
  cassandra-runtime  print the Java 17 that runs Cassandra, then Cassandra's classpath (resolved once)
  drop-keyspaces  drop the running Cassandra's keyspaces whose names begin with PREFIX (the browser test's old runs)
state lives in VETNET_HOME=$VETNET_HOME
EOF
  exit 2
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# seconds since $1 (milliseconds), one decimal
since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $(( ms / 1000 )) $(( (ms % 1000) / 100 )); }

mvn_() { mvn -B -q -Dstyle.color=never "$@" "${MVN_EXTRA[@]}"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

service_port() {
  case "$1" in
    redis) echo "$REDIS_PORT" ;;
    cassandra) echo "$CASSANDRA_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;;
  esac
}

timeout_of() {
  case "$1" in
    redis) echo "$REDIS_TIMEOUT" ;;
    cassandra) echo "$CASSANDRA_TIMEOUT" ;;
    keycloak) echo "$KEYCLOAK_TIMEOUT" ;;
  esac
}

pid_file() { echo "$RUN_DIR/$1.pid"; }
log_file() { echo "$LOG_DIR/$1.log"; }

# Alive and not a zombie.
pid_alive() {
  local pid="$1" stat
  [[ -n "$pid" && -r "/proc/$pid/stat" ]] || return 1
  read -r stat < "/proc/$pid/stat" 2>/dev/null || return 1
  stat="${stat##*) }"
  [[ "${stat:0:1}" != "Z" ]]
}

# Field $2 of /proc/<pid>/stat counted after the command name: 1 state, 2 ppid, 3 pgrp, 4 session.
stat_field() {
  local stat
  read -r stat < "/proc/$1/stat" 2>/dev/null || return 1
  stat="${stat##*) }"
  local -a fields=()
  read -r -a fields <<< "$stat"
  echo "${fields[$(( $2 - 1 ))]}"
}

# Sets CMDLINE to the process's arguments joined by spaces (no fork: this runs for every PID).
CMDLINE=""
read_cmdline() {
  local -a args=()
  mapfile -d '' args < "/proc/$1/cmdline" 2>/dev/null || return 1
  CMDLINE="${args[*]}"
}

# Does process $2 run service $1 on *our* data folder? This is what tells our instance apart
# from a recycled PID, from an instance of another checkout, and from a foreign server on the port.
owns() {
  local svc="$1" pid="$2" comm
  case "$svc" in
    redis)
      # redis rewrites its process title, but it chdirs into --dir.
      read -r comm < "/proc/$pid/comm" 2>/dev/null || return 1
      [[ "$comm" == redis-server* ]] || return 1
      [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$REDIS_DIR" ]]
      ;;
    cassandra)
      read_cmdline "$pid" || return 1
      [[ "$CMDLINE" == *"-Dcassandra.storagedir=$CASSANDRA_DIR "* && "$CMDLINE" == *CassandraDaemon* ]]
      ;;
    keycloak)
      read_cmdline "$pid" || return 1
      [[ "$CMDLINE" == *"$KEYCLOAK_HOME/bin/"* ]]
      ;;
  esac
}

# Every live process that owns the service's data folder (pid file or not).
owned_pids() {
  local svc="$1" d pid
  for d in /proc/[0-9]*; do
    pid="${d#/proc/}"
    [[ "$pid" == "$$" || "$pid" == "$BASHPID" ]] && continue
    if pid_alive "$pid" && owns "$svc" "$pid"; then echo "$pid"; fi
  done
}

# The PID of the running instance, or nothing. Removes a stale pid file (dead or recycled PID)
# and adopts an instance whose pid file was lost.
current_pid() {
  local svc="$1" file pid=""
  file="$(pid_file "$svc")"
  if [[ -f "$file" ]]; then
    read -r pid < "$file" || true
    if pid_alive "$pid" && owns "$svc" "$pid"; then echo "$pid"; return; fi
    rm -f "$file"
  fi
  # Keycloak shows up twice (kc.sh and its java child): the session leader is the one to keep.
  for pid in $(owned_pids "$svc"); do
    if [[ "$svc" != keycloak || "$(stat_field "$pid" 4)" == "$pid" ]]; then
      echo "$pid" > "$file"
      echo "$pid"
      return
    fi
  done
}

probe() {
  local svc="$1"
  case "$svc" in
    redis) [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] ;;
    cassandra) grep -q 'Startup complete' "$(log_file cassandra)" 2>/dev/null && port_open "$CASSANDRA_PORT" ;;
    keycloak) curl -fsS -o /dev/null --max-time 5 \
                "http://127.0.0.1:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM/.well-known/openid-configuration" 2>/dev/null ;;
  esac
}

address_of() {
  case "$1" in
    redis) echo "redis://127.0.0.1:$REDIS_PORT" ;;
    cassandra) echo "127.0.0.1:$CASSANDRA_PORT (datacenter1)" ;;
    keycloak) echo "http://localhost:$KEYCLOAK_PORT/realms/$KEYCLOAK_REALM" ;;
  esac
}

log_tail() {
  local file
  file="$(log_file "$1")"
  warn "---- last lines of $file ----"
  tail -n "${VETNET_LOG_TAIL:-40}" "$file" >&2 2>/dev/null || warn "(no log)"
  warn "----"
}

# ---------------------------------------------------------------- Java 17 (Cassandra needs it)

JAVA17_HOME=""
find_java17() {
  [[ -n "$JAVA17_HOME" ]] && return
  local candidate java
  if [[ -n "${VETNET_JAVA17_HOME:-}" ]]; then JAVA17_HOME="$VETNET_JAVA17_HOME"; return; fi
  if java="$(command -v java)" && java -version 2>&1 | grep -q 'version "17[."]'; then
    JAVA17_HOME="$(dirname "$(dirname "$(readlink -f "$java")")")"
    return
  fi
  for candidate in /usr/lib/jvm/java-17* /usr/lib/jvm/*-17-* /usr/lib/jvm/*17*; do
    if [[ -x "$candidate/bin/java" ]]; then JAVA17_HOME="$candidate"; return; fi
  done
  die "Cassandra 5.0 runs on Java 17 only and none was found (default java: $(java -version 2>&1 | head -1)).
  Install one (apt-get install openjdk-17-jdk-headless) or set VETNET_JAVA17_HOME."
}

# ---------------------------------------------------------------- service commands

ensure_redis_installed() {
  command -v redis-server > /dev/null && command -v redis-cli > /dev/null && return
  if [[ "$(id -u)" != 0 ]]; then
    die "redis-server is not installed and this is not root: run 'sudo apt-get install redis-server'."
  fi
  say "redis-server is missing: installing Debian's package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server > /dev/null
}

launch_redis() {
  ensure_redis_installed
  mkdir -p "$REDIS_DIR"
  # No persistence: presence is a TTL'd hint, rebuilt by heartbeats (docs/reliability.md, rule 8).
  launch redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$REDIS_DIR" --daemonize no --logfile ''
}

cassandra_classpath() {
  local pom="$ROOT/deploy/cassandra/pom.xml" cp_file="$CACHE_DIR/cassandra.classpath" key_file key jar ok=1
  key="$(cat "$pom" <(printf '%s' "${VETNET_MAVEN_ARGS:-}") | sha256sum | cut -c1-16)"
  if [[ -f "$cp_file" && -f "$cp_file.key" && "$(cat "$cp_file.key")" == "$key" ]]; then
    local -a jars=()
    IFS=: read -r -a jars < "$cp_file" || true  # no newline at the end: read says 1
    for jar in "${jars[@]}"; do [[ -f "$jar" ]] || { ok=0; break; }; done
    [[ "$ok" == 1 && ${#jars[@]} -gt 0 ]] && { cat "$cp_file"; return; }
  fi
  local started
  started="$(now_ms)"
  warn "resolving the Cassandra classpath (deploy/cassandra/pom.xml)..."
  mkdir -p "$CACHE_DIR"
  mvn_ -f "$pom" dependency:build-classpath -Dmdep.outputFile="$cp_file.tmp" >&2 \
    || die "could not resolve org.apache.cassandra:cassandra-all (see the Maven output above)"
  mv "$cp_file.tmp" "$cp_file"
  echo "$key" > "$cp_file.key"
  warn "Cassandra classpath resolved in $(since "$started") s"
  cat "$cp_file"
}

launch_cassandra() {
  find_java17
  local cp conf="$CASSANDRA_DIR/conf"
  cp="$(cassandra_classpath)"
  mkdir -p "$conf" "$CASSANDRA_DIR/logs"
  sed -e "s|\${DATA_DIR}|$CASSANDRA_DIR|g" \
      -e "s|^native_transport_port:.*|native_transport_port: $CASSANDRA_PORT|" \
      "$ROOT/deploy/cassandra/cassandra.yaml" > "$conf/cassandra.yaml"
  sed -e "s|\${DATA_DIR}|$CASSANDRA_DIR|g" "$ROOT/deploy/cassandra/logback.xml" > "$conf/logback.xml"
  launch cassandra "$JAVA17_HOME/bin/java" \
    "-Xms256m" "-Xmx$CASSANDRA_HEAP" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.net.preferIPv4Stack=true \
    "@$ROOT/deploy/cassandra/jvm17.flags" \
    "-Dcassandra.config=file://$conf/cassandra.yaml" \
    -Dcassandra-foreground=yes \
    "-Dcassandra.storagedir=$CASSANDRA_DIR" \
    "-Dcassandra.logdir=$CASSANDRA_DIR/logs" \
    "-Dlogback.configurationFile=file://$conf/logback.xml" \
    -Dcassandra.ring_delay_ms=1000 -Dcassandra.skip_wait_for_gossip_to_settle=0 \
    -cp "$cp" org.apache.cassandra.service.CassandraDaemon
}

ensure_keycloak_dist() {
  [[ -x "$KEYCLOAK_HOME/bin/kc.sh" ]] && return
  local started downloads="$VETNET_HOME/downloads" zip staging
  started="$(now_ms)"
  zip="$downloads/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  mkdir -p "$downloads" "$(dirname "$KEYCLOAK_HOME")"
  if [[ ! -f "$zip" ]]; then
    warn "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip (177 MB, from the Maven repository)..."
    # dependency:copy resolves the zip alone: a transitive resolve fails here, because the
    # distribution's POM names a repository this machine cannot reach.
    mvn_ -f "$ROOT/deploy/cassandra/pom.xml" dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$downloads" >&2 || die "could not fetch the Keycloak distribution (see the Maven output above)"
  fi
  staging="$(dirname "$KEYCLOAK_HOME")/.unpacking"
  rm -rf "$staging" && mkdir -p "$staging"
  if command -v unzip > /dev/null; then
    unzip -q "$zip" -d "$staging"
  else
    (cd "$staging" && jar xf "$zip")
  fi
  chmod +x "$staging/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  rm -rf "$KEYCLOAK_HOME"
  mv "$staging/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
  rm -rf "$staging" "$zip"
  warn "Keycloak $KEYCLOAK_VERSION fetched and unpacked in $(since "$started") s"
}

launch_keycloak() {
  ensure_keycloak_dist
  find_java17
  local realm="$ROOT/deploy/keycloak/vetnet-realm.json" import="$KEYCLOAK_HOME/data/import" sum
  mkdir -p "$import"
  # Keycloak imports a realm only into an empty database: when the project's realm file
  # changes, drop the dev database so the new one is imported.
  sum="$(sha256sum < "$realm" | cut -c1-64)"
  if [[ "$(cat "$KEYCLOAK_HOME/data/realm.sha256" 2>/dev/null)" != "$sum" ]]; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    echo "$sum" > "$KEYCLOAK_HOME/data/realm.sha256"
  fi
  cp "$realm" "$import/$KEYCLOAK_REALM-realm.json"
  # Our login theme (the realm names it), fresh on every start: start-dev does not cache themes.
  rm -rf "$KEYCLOAK_HOME/themes/vetnet"
  cp -R "$ROOT/deploy/keycloak/themes/vetnet" "$KEYCLOAK_HOME/themes/vetnet"
  # Build-time options (--health-enabled, ...) must be the same on every start, or Quarkus
  # re-augments (20 to 40 s). --hostname pins the token issuer to localhost.
  # A local administrator (master realm) for tests that change the realm, e.g. a short token lifespan; created
  # once, when the master realm has none. Development only: Keycloak listens on 127.0.0.1.
  KC_BOOTSTRAP_ADMIN_USERNAME="${VETNET_KEYCLOAK_ADMIN:-vetnet-admin}" \
  KC_BOOTSTRAP_ADMIN_PASSWORD="${VETNET_KEYCLOAK_ADMIN_PASSWORD:-vetnet-admin-pass}" \
  JAVA_HOME="$JAVA17_HOME" JAVA_OPTS_KC_HEAP="${VETNET_KEYCLOAK_HEAP:--Xms64m -Xmx256m}" \
    launch keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --import-realm \
      --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --hostname="http://localhost:$KEYCLOAK_PORT" \
      --health-enabled=true --http-management-port="$KEYCLOAK_MANAGEMENT_PORT"
}

# launch <service> <command...>: start it detached, in its own session (so it does not get the
# terminal's Ctrl-C and is stopped as a group), without the lock descriptor, logging to logs/.
LAUNCHED_PID=""
LAUNCHED_AT=""
launch() {
  local svc="$1"
  shift
  LAUNCHED_AT="$(now_ms)"
  : > "$(log_file "$svc")"
  setsid "$@" < /dev/null > "$(log_file "$svc")" 2>&1 9>&- &
  LAUNCHED_PID=$!
  echo "$LAUNCHED_PID" > "$(pid_file "$svc")"
}

wait_ready() {
  local svc="$1" pid="$2" started="$3" deadline
  deadline=$(( $(now_ms) + $(timeout_of "$svc") * 1000 ))
  while true; do
    if ! pid_alive "$pid"; then
      warn "$svc (pid $pid) exited before it was ready"
      log_tail "$svc"
      rm -f "$(pid_file "$svc")"
      return 1
    fi
    if probe "$svc"; then
      say "$svc ready in $(since "$started") s (pid $pid, $(address_of "$svc"))"
      return 0
    fi
    if (( $(now_ms) > deadline )); then
      warn "$svc (pid $pid) not ready after $(timeout_of "$svc") s: stopping it"
      log_tail "$svc"
      stop_pids "$svc" "$pid" > /dev/null
      rm -f "$(pid_file "$svc")"
      return 1
    fi
    sleep 0.25
  done
}

with_lock() {
  local svc="$1"
  shift
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  (
    exec 9> "$RUN_DIR/$svc.lock"
    flock -w $(( $(timeout_of "$svc") + 120 )) 9 || die "another launcher holds $RUN_DIR/$svc.lock"
    "$@"
  )
}

do_start() {
  local svc="$1" pid port
  port="$(service_port "$svc")"
  pid="$(current_pid "$svc")"
  if [[ -n "$pid" ]]; then
    if probe "$svc"; then
      say "$svc already running (pid $pid, $(address_of "$svc"))"
      return 0
    fi
    # Ours, alive, not (yet) ready: perhaps still starting from another command. Wait for it
    # rather than start a second instance on the same data folder.
    say "$svc (pid $pid) is running but not ready yet: waiting"
    wait_ready "$svc" "$pid" "$(now_ms)"
    return
  fi
  if port_open "$port"; then
    die "port $port is taken by a process that is not this checkout's $svc ($(ss -ltnpH "sport = :$port" 2>/dev/null | sed 's/.*users://' | head -1)).
  Stop it, or choose another port (VETNET_${svc^^}_PORT)."
  fi
  # Readiness time counts from the process start; downloads and classpath resolution are reported apart.
  "launch_$svc"
  wait_ready "$svc" "$LAUNCHED_PID" "$LAUNCHED_AT"
}

# stop_pids <service> <pid...>: SIGTERM each one's process group (or the process), wait for
# all of them to exit, SIGKILL what is left after the grace period.
stop_pids() {
  local svc="$1" pid started deadline left
  shift
  started="$(now_ms)"
  for pid in "$@"; do
    if [[ "$(stat_field "$pid" 3)" == "$pid" ]]; then
      kill -TERM -- "-$pid" 2>/dev/null || true
    else
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  deadline=$(( $(now_ms) + STOP_GRACE * 1000 ))
  while true; do
    left=()
    for pid in "$@"; do pid_alive "$pid" && left+=("$pid"); done
    (( ${#left[@]} == 0 )) && break
    if (( $(now_ms) > deadline )); then
      warn "$svc did not stop within $STOP_GRACE s: SIGKILL ${left[*]}"
      for pid in "${left[@]}"; do kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; done
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  say "$svc stopped in $(since "$started") s (pid $*)"
}

do_stop() {
  local svc="$1" pids
  # The pid file's process and any orphan on our data folder (e.g. after a lost pid file).
  pids="$( { current_pid "$svc"; owned_pids "$svc"; } | sort -un | tr '\n' ' ')"
  if [[ -z "${pids// /}" ]]; then
    say "$svc not running"
  else
    # shellcheck disable=SC2086
    stop_pids "$svc" $pids
  fi
  rm -f "$(pid_file "$svc")"
}

do_status() {
  local svc="$1" pid
  pid="$(current_pid "$svc")"
  if [[ -z "$pid" ]]; then
    say "$svc stopped"
    return 3
  elif probe "$svc"; then
    say "$svc running, ready (pid $pid, $(address_of "$svc"))"
  else
    say "$svc running, NOT ready (pid $pid, log $(log_file "$svc"))"
    return 3
  fi
}

do_reset() {
  local svc="$1"
  do_stop "$svc"
  case "$svc" in
    redis) rm -rf "$REDIS_DIR" ;;
    cassandra) rm -rf "$CASSANDRA_DIR" ;;
    keycloak) rm -rf "$KEYCLOAK_HOME/data" ;;
  esac
  say "$svc data deleted"
}

# The browser test makes a keyspace per run; dropped before the next run, they do not pile up (DropKeyspaces.java).
do_drop_keyspaces() {
  local prefix="$1"
  find_java17
  probe cassandra || die "cassandra is not running: nothing to drop"
  # The client driver logs to standard output at length: only the program's own lines are kept.
  "$JAVA17_HOME/bin/java" -cp "$(cassandra_classpath)" "$ROOT/deploy/cassandra/DropKeyspaces.java" "$prefix" "$CASSANDRA_PORT" 2>/dev/null \
    | { grep '^dropped keyspace' || true; }
}

main() {
  (( $# >= 1 )) || usage
  if [[ "$1" == cassandra-runtime ]]; then
    # For launchers of their own Cassandra nodes (the several-hosts fault suite, deploy/hosts): the Java 17 to run
    # them with, then the classpath, one per line.
    find_java17
    echo "$JAVA17_HOME/bin/java"
    cassandra_classpath
    return
  fi
  if [[ "$1" == drop-keyspaces ]]; then
    (( $# == 2 )) || usage
    do_drop_keyspaces "$2"
    return
  fi
  local cmd="$1" svc rc=0
  # Each service is handled in a locked subshell; errexit stays on (no `||`), so the first
  # failure ends the command with a non-zero exit.
  shift
  local -a services=("$@")
  (( ${#services[@]} )) || services=("${ALL_SERVICES[@]}")
  for svc in "${services[@]}"; do
    [[ " ${ALL_SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (expected: ${ALL_SERVICES[*]})"
  done
  case "$cmd" in
    start|stop|reset)
      for svc in "${services[@]}"; do with_lock "$svc" "do_$cmd" "$svc"; done ;;
    status)
      for svc in "${services[@]}"; do do_status "$svc" || rc=3; done ;;
    *) usage ;;
  esac
  return "$rc"
}

main "$@"
