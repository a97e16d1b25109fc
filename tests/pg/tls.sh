#!/usr/bin/env bash
# TLS to the clinic server with sslmode=verify-full, through the real hepdesk-cli.
#
#   tests/pg/tls.sh HEPDESK_CLI
#
# Makes its own certificate authority and a server certificate for 127.0.0.1 with openssl,
# starts a throwaway cluster (tests/pg/cluster.sh) with ssl=on that takes TCP connections over
# TLS only, then checks:
#   - verify-full with the clinic's CA (sslrootcert): HepDesk connects, over TLS;
#   - verify-full with another CA: refused, and the message names the server and says the
#     certificate could not be verified;
#   - verify-full to a name the certificate is not for: refused, saying which name it is for;
#   - no TLS at all: refused by the server.
# Skips (exit 77) without a test cluster (HEPDESK_TEST_PG unset), like the other server tests.
set -euo pipefail

cli=$(realpath "${1:?usage: tls.sh HEPDESK_CLI}")
here=$(cd "$(dirname "$0")" && pwd)
if [[ -z "${HEPDESK_TEST_PG:-}" ]]; then
  echo "skipped: needs a PostgreSQL 15 test cluster: run with 'tests/pg/cluster.sh run ctest --preset dev'"
  exit 77
fi
command -v openssl >/dev/null || { echo "skipped: no openssl"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hepdesk-tls.XXXXXX")
cluster=""
cleanup() {
  if [[ -n "$cluster" ]]; then
    (cd / && bash "$here/cluster.sh" stop "$cluster") || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM
cd "$work"

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# --- certificates -----------------------------------------------------------------------------
ca() { # NAME: a self-signed certificate authority NAME.crt / NAME.key
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj "/CN=$1" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$1.key" -out "$1.crt" 2>/dev/null
}
ca clinic-ca
ca other-ca
openssl req -newkey rsa:2048 -nodes -sha256 -subj "/CN=127.0.0.1" \
  -keyout server.key -out server.csr 2>/dev/null
cat > server.ext <<EXT
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1
EXT
openssl x509 -req -in server.csr -CA clinic-ca.crt -CAkey clinic-ca.key -CAcreateserial \
  -days 2 -sha256 -extfile server.ext -out server.crt 2>/dev/null
openssl verify -CAfile clinic-ca.crt server.crt >/dev/null

# --- a cluster with ssl=on --------------------------------------------------------------------
out=$(HEPDESK_PG_TLS_CERT="$work/server.crt" HEPDESK_PG_TLS_KEY="$work/server.key" \
  bash -c 'cd / && exec bash "$0" start' "$here/cluster.sh")
cluster=$(sed -n 's/^cluster: //p' <<<"$out")
uri=$(sed -n 's/^HEPDESK_TEST_PG=//p' <<<"$out")
[[ -n "$cluster" && -n "$uri" ]] || { echo "$out" >&2; exit 1; }
port=${uri##*:}
port=${port%%/*}
password=${uri#postgresql://hepdesk_test:}
password=${password%%@*}
# The password goes in the environment for libpq (as ~/.pgpass would), not in the --db value.
export PGPASSWORD=$password
base="host=127.0.0.1 port=$port dbname=postgres user=hepdesk_test"

# 1. verify-full with the clinic's CA: connects, and the server says the session is encrypted.
if msg=$("$cli" --db "$base sslmode=verify-full sslrootcert=$work/clinic-ca.crt" db info 2>&1); then
  echo "ok: verify-full with the clinic's CA: $msg"
else
  fail "verify-full with the clinic's CA was refused: $msg"
fi
psql=${HEPDESK_PG_BINDIR:-/usr/lib/postgresql/15/bin}/psql
if [[ -x "$psql" ]]; then
  ssl=$("$psql" "$base sslmode=verify-full sslrootcert=$work/clinic-ca.crt" -XAtc \
    "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
  [[ "$ssl" == t ]] && echo "ok: the connection is encrypted (pg_stat_ssl)" \
    || fail "pg_stat_ssl says ssl=$ssl"
fi

# 2. verify-full with a CA that did not sign the server's certificate: refused, clearly.
if msg=$("$cli" --db "$base sslmode=verify-full sslrootcert=$work/other-ca.crt" db info 2>&1); then
  fail "verify-full with another CA connected: $msg"
else
  echo "ok: another CA refused: $msg"
  grep -q "server 127.0.0.1:$port" <<<"$msg" || fail "the message does not name the server: $msg"
  grep -qi "certificate verify failed" <<<"$msg" \
    || fail "the message does not say the certificate could not be verified: $msg"
fi

# 3. verify-full to a name the certificate is not for (hostaddr reaches the same server).
if msg=$("$cli" --db "host=localhost hostaddr=127.0.0.1 port=$port dbname=postgres user=hepdesk_test sslmode=verify-full sslrootcert=$work/clinic-ca.crt" db info 2>&1); then
  fail "verify-full to a name not in the certificate connected: $msg"
else
  echo "ok: wrong host name refused: $msg"
  grep -q 'does not match host name "localhost"' <<<"$msg" \
    || fail "the message does not say the certificate is for another name: $msg"
fi

# 4. Without TLS: the server takes TCP connections over TLS only.
if msg=$("$cli" --db "$base sslmode=disable" db info 2>&1); then
  fail "a connection without TLS was accepted: $msg"
else
  echo "ok: without TLS refused: $msg"
  grep -q "no encryption" <<<"$msg" || fail "the message does not say encryption is needed: $msg"
fi

# 5. The CLI never wrote the password anywhere in the work folder or the home folder.
if grep -rqF "$password" "$work" "${HOME:-/root}/.config" 2>/dev/null; then
  fail "the password was written to a file"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures TLS check(s) failed" >&2
  exit 1
fi
echo "all TLS checks passed"
