#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for HepDesk's server-mode tests. No mock: the real server.
#
#   tests/pg/cluster.sh run CMD [ARGS...]   start a cluster, run CMD with HEPDESK_TEST_PG set to
#                                           its connection string, stop the cluster whatever
#                                           happens (a trap), exit with CMD's status
#   tests/pg/cluster.sh start               start one and print its folder and connection string
#   tests/pg/cluster.sh stop DIR            stop the one in DIR and remove DIR
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
  as_owner sh -c "cat > '$dir/data/pg_hba.conf'" <<HBA
# HepDesk test cluster: passwords (SCRAM-SHA-256) only, and only from this machine.
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
HBA
  for tries in 1 2 3 4 5 6 7 8; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    if ss -Htln "sport = :$port" | grep -q .; then
      continue
    fi
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=60" \
      >/dev/null; then
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
    echo "usage: tests/pg/cluster.sh run CMD [ARGS...] | start | stop DIR" >&2
    exit 2
    ;;
esac
