#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` CMake preset: clang, ASan + UBSan, no Qt) and runs
# each target, or only TARGET, for SECONDS (default 60): first every checked-in input of
# tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET (crashes found before), then new
# inputs. New corpus entries go to build/fuzz/corpus/TARGET, crashes to
# build/fuzz/artifacts/TARGET/. One target at a time, one process: the machine is shared.
#   tests/fuzz/run.sh                      every target, 60 s each
#   tests/fuzz/run.sh fuzz_image 600       one target for ten minutes
#   tests/fuzz/run.sh all 10               every target briefly (packaging/dev.sh test)
# Prints one line per target (executions, edges covered, exec/s) and exits 1 if any crashed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
target=${1:-all}
seconds=${2:-60}
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset fuzz >/dev/null
build_target=fuzz_all
[[ "$target" != all ]] && build_target=$target
cmake --build --preset fuzz --parallel "$jobs" --target "$build_target"

bin=build/fuzz/tests/fuzz
if [[ "$target" == all ]]; then
  targets=()
  for d in tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done
else
  targets=("$target")
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp}

failed=()
summary=()
for t in "${targets[@]}"; do
  [[ -x "$bin/$t" ]] || { echo "no fuzz target '$t' (see tests/fuzz/CMakeLists.txt)" >&2; exit 2; }
  work=build/fuzz/corpus/$t
  artifacts=build/fuzz/artifacts/$t
  mkdir -p "$work" "$artifacts"
  seeds=("tests/fuzz/corpus/$t")
  [[ -d "tests/fuzz/regressions/$t" ]] && seeds+=("tests/fuzz/regressions/$t")
  dict=()
  case "$t" in
    fuzz_image | fuzz_database_file | fuzz_search_key | fuzz_exercise_arg) ;;
    *) dict=(-dict=tests/fuzz/json.dict) ;;
  esac
  # One log per run: two runs of one target at once (CI and a developer) never mix lines.
  log=$(mktemp "build/fuzz/$t.XXXXXX.log")
  echo "== fuzz $t: ${#seeds[@]} seed folder(s), ${seconds} s"
  status=0
  "$bin/$t" "${dict[@]}" -max_total_time="$seconds" -timeout=20 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$work" "${seeds[@]}" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1 || true)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1 || true)
  cov=$( (grep -oE 'cov: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
  ft=$( (grep -oE 'ft: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
  line="$t: ${execs:-?} executions in ${seconds} s (${speed:-?}/s), cov ${cov:-?} edges, ft ${ft:-?}"
  if [[ $status -ne 0 ]]; then
    line+=" -- CRASH (exit $status), see $log and $artifacts/"
    failed+=("$t")
    grep -E '^==[0-9]+==ERROR|SUMMARY|hepdesk fuzz:|runtime error|terminate called|what\(\)' "$log" \
      | head -5 >&2 || true
  fi
  [[ $status -eq 0 ]] && rm -f "$log"
  echo "$line"
  summary+=("$line")
done

echo "== fuzz summary"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "== fuzz: ${#failed[@]} target(s) crashed: ${failed[*]}" >&2
  exit 1
fi
