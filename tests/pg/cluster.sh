#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for HepDesk's server-mode tests. No mock: the real server.
#
#   tests/pg/cluster.sh run CMD [ARGS...]   start a cluster, run CMD with HEPDESK_TEST_PG set to
#                                           its connection string, stop the cluster whatever
#                                           happens (a trap), exit with CMD's status
#   tests/pg/cluster.sh start               start one and print its folder and connection string
#   tests/pg/cluster.sh stop DIR            stop the one in DIR and remove DIR
#   tests/pg/cluster.sh restart DIR         start the one in DIR again on its port (after a
#                                           crash: waits for the old server processes to go)
#
# With HEPDESK_PG_TLS_CERT and HEPDESK_PG_TLS_KEY (PEM files) the server runs with ssl=on and
# that certificate, and pg_hba.conf accepts TCP connections over TLS only (hostssl).
#
# The cluster lives in a temporary folder, is initialised and run by an unprivileged user
# (initdb refuses root: as root the 'postgres' system user of Debian's package runs it), listens
# on 127.0.0.1 only, on a free port, and accepts only SCRAM-SHA-256 passwords (pg_hba.conf).
# The superuser 'hepdesk_test' gets a random password that lives only in the folder.
set -euo pipefail

bindir=${HEPDESK_PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$bindir/initdb" ]]; then
  echo "cluster.sh: no PostgreSQL 15 at $bindir (install postgresql-15: packaging/install-deps.sh)" >&2
  exit 2
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Starts the server of cluster folder $1 on port $2, with the options start() saved.
launch() {
  as_owner "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -c port=$2 -c unix_socket_directories='$1' -c fsync=off -c max_connections=60 $(cat "$1/options")" \
    >/dev/null
}

start() {
  local dir port password tries
  dir=$(mktemp -d "${TMPDIR:-/tmp}/hepdesk-pg.XXXXXX")
  chmod 0700 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
  fi
  password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  as_owner sh -c "umask 077; printf '%s\n' '$password' > '$dir/pwfile'"
  as_owner "$bindir/initdb" -D "$dir/data" -U hepdesk_test --pwfile="$dir/pwfile" \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  local hosttype=host tls=""
  if [[ -n "${HEPDESK_PG_TLS_CERT:-}" || -n "${HEPDESK_PG_TLS_KEY:-}" ]]; then
    # The server reads its key as the cluster's owner and refuses one others can read.
    install -m 0600 "${HEPDESK_PG_TLS_CERT:?HEPDESK_PG_TLS_KEY needs HEPDESK_PG_TLS_CERT}" \
      "$dir/server.crt"
    install -m 0600 "${HEPDESK_PG_TLS_KEY:?HEPDESK_PG_TLS_CERT needs HEPDESK_PG_TLS_KEY}" \
      "$dir/server.key"
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir/server.crt" "$dir/server.key"
    fi
    hosttype=hostssl
    tls="-c ssl=on -c ssl_cert_file='$dir/server.crt' -c ssl_key_file='$dir/server.key'"
  fi
  as_owner sh -c "cat > '$dir/data/pg_hba.conf'" <<HBA
# HepDesk test cluster: passwords (SCRAM-SHA-256) only, and only from this machine.
local all all scram-sha-256
$hosttype all all 127.0.0.1/32 scram-sha-256
HBA
  as_owner sh -c "printf '%s\n' \"$tls\" > '$dir/options'"
  for tries in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ss -Htln "sport = :$port" | grep -q .; then
      continue
    fi
    if launch "$dir" "$port"; then
      as_owner sh -c "echo $port > '$dir/port'"
      printf 'postgresql://hepdesk_test:%s@127.0.0.1:%s/postgres\n' "$password" "$port" \
        | as_owner sh -c "umask 077; cat > '$dir/conninfo'"
      echo "$dir"
      return 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  echo "cluster.sh: could not start PostgreSQL on a free port" >&2
  rm -rf "$dir"
  exit 1
}

restart() {
  local dir=$1 tries
  [[ -f "$dir/port" ]] || { echo "cluster.sh: no cluster in $dir" >&2; exit 2; }
  # After a SIGKILL of the postmaster its backends leave as soon as they notice; until then the
  # old shared memory is in use and a new server refuses to start.
  for tries in $(seq 1 40); do
    if launch "$dir" "$(cat "$dir/port")" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 20 "$dir/server.log" >&2 || true
  echo "cluster.sh: could not restart PostgreSQL in $dir" >&2
  exit 1
}

stop() {
  local dir=$1
  [[ -n "$dir" && -d "$dir/data" ]] || return 0
  as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    dir=$(start)
    echo "cluster: $dir"
    echo "HEPDESK_TEST_PG=$(cat "$dir/conninfo")"
    ;;
  stop)
    stop "${2:?usage: cluster.sh stop DIR}"
    ;;
  restart)
    restart "${2:?usage: cluster.sh restart DIR}"
    ;;
  run)
    shift
    [[ $# -gt 0 ]] || { echo "usage: cluster.sh run CMD [ARGS...]" >&2; exit 2; }
    dir=$(start)
    trap 'stop "$dir"' EXIT INT TERM
    HEPDESK_TEST_PG=$(cat "$dir/conninfo")
    export HEPDESK_TEST_PG
    echo "== PostgreSQL 15 test cluster on ${HEPDESK_TEST_PG##*@} (folder $dir)"
    status=0
    "$@" || status=$?
    exit $status
    ;;
  *)
    echo "usage: tests/pg/cluster.sh run CMD [ARGS...] | start | stop DIR | restart DIR" >&2
    exit 2
    ;;
esac
