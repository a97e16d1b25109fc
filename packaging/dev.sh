#!/usr/bin/env bash
# HepDesk's two entry points for a fresh Debian 12 machine:
#   packaging/dev.sh run [APP ARGS...]  install what is missing, build, start the app
#   packaging/dev.sh test               install what is missing, build, run every test
#                                       (debug build, then AddressSanitizer + UBSan build,
#                                       then every fuzz target on its corpus and briefly beyond)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

cmd=${1:-}
shift || true

bash packaging/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)

build() { # preset [targets...]
  local preset=$1
  shift
  cmake --preset "$preset" >/dev/null
  if [[ $# -gt 0 ]]; then
    cmake --build --preset "$preset" --parallel "$jobs" --target "$@"
  else
    cmake --build --preset "$preset" --parallel "$jobs"
  fi
}

case "$cmd" in
  run)
    build release hepdesk
    exec ./build/release/app/hepdesk "$@"
    ;;
  test)
    export QT_QPA_PLATFORM=offscreen
    status=0
    for preset in dev asan; do
      echo "== HepDesk tests: $preset build"
      build "$preset"
      # Server mode runs against a real PostgreSQL 15: a throwaway cluster started for this
      # run and stopped whatever happens (tests/pg/cluster.sh sets HEPDESK_TEST_PG).
      bash tests/pg/cluster.sh run \
        ctest --preset "$preset" --parallel "$jobs" --timeout 900 || status=1
    done
    # Every libFuzzer target replays its checked-in corpus and past crashes, then fuzzes for
    # HEPDESK_FUZZ_SECONDS (default 10) each: a crash fails the run (tests/fuzz/run.sh).
    echo "== HepDesk tests: fuzz targets"
    bash tests/fuzz/run.sh all "${HEPDESK_FUZZ_SECONDS:-10}" || status=1
    if [[ $status -ne 0 ]]; then
      echo "== HepDesk tests FAILED"
    else
      echo "== HepDesk tests passed (dev, asan and fuzz)"
    fi
    exit $status
    ;;
  *)
    echo "usage: packaging/dev.sh run [APP ARGS...] | packaging/dev.sh test" >&2
    exit 2
    ;;
esac
