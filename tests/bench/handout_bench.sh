#!/usr/bin/env bash
# Handout benchmark: a 10-exercise handout made by hepdesk-cli (the whole process: catalog,
# rules, assess, layout, PDF, atomic write) against the same content as HTML through
# wkhtmltopdf and headless Chromium, and the floor: bare libharu drawing the same text and
# lines with the same fonts (tests/bench/handout_floor.cpp). Prints the median wall time,
# peak memory (max RSS, from /usr/bin/time -v) and file size of each.
# Usage: bash tests/bench/handout_bench.sh [RUNS]   (wkhtmltopdf/chromium are optional)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-7}
BUILD=build/bench
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHEPDESK_BUILD_APP=OFF \
    -DHEPDESK_BUILD_BENCHMARKS=ON -DHEPDESK_WERROR=OFF >/dev/null
cmake --build "$BUILD" --parallel 2 --target hepdesk-cli handout_floor handout_bench_content | grep -E "error|FAILED" && exit 1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/screening.json" <<'JSON'
{"date": "2026-11-22", "age": 47, "sex": "female", "regions": ["low_back", "neck"], "pain": {"now": 3}, "findings": []}
JSON
EXERCISES=(cat_cow bird_dog glute_bridge pelvic_tilt prone_press_up chin_tuck
           shoulder_blade_squeeze seated_thoracic_twist supine_lumbar_rotation short_walk)
PATIENT="Nguyễn Thị Phương"
FONTS=/usr/share/fonts/truetype/noto
"$BUILD/tests/bench/handout_bench_content" "$WORK/screening.json" "$PATIENT" \
    "$WORK/content.dump" "$WORK/content.html" "${EXERCISES[@]}" >/dev/null

CLI_ARGS=(handout --screening "$WORK/screening.json" --patient "$PATIENT" -o "$WORK/hepdesk.pdf")
for e in "${EXERCISES[@]}"; do CLI_ARGS+=(--exercise "$e"); done

# once NAME COMMAND...: one run; appends wall ms (from the clock, /usr/bin/time only has
# 10 ms steps) and max RSS KiB to WALL[NAME] and RSS[NAME].
declare -A WALL RSS OUT
once() {
    local name=$1
    shift
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -v "$@" >/dev/null 2>"$WORK/time.txt" </dev/null
    t1=$(date +%s%N)
    WALL[$name]+="$(( (t1 - t0) / 100000 )) "
    RSS[$name]+="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt") "
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() {
    local name=$1 out=$2 w r
    w=$(echo "${WALL[$name]}" | median)
    r=$(echo "${RSS[$name]}" | median)
    printf '%-26s %7.1f ms %7.1f MiB %6d KiB %3s pages\n' "$name" "$(echo "$w / 10" | bc -l)" \
        "$(echo "$r / 1024" | bc -l)" "$(( $(stat -c %s "$out") / 1024 ))" \
        "$(pdfinfo "$out" 2>/dev/null | awk '/^Pages:/ {print $2}')"
}

FLOOR=("$BUILD/tests/bench/handout_floor" "$WORK/content.dump" "$FONTS/NotoSans-Regular.ttf"
       "$FONTS/NotoSans-Bold.ttf" "$WORK/floor.pdf")
WK=(wkhtmltopdf -q --enable-local-file-access -s A4 "$WORK/content.html" "$WORK/wk.pdf")
CHROME=(chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer
        --user-data-dir="$WORK/chromium-profile" --print-to-pdf="$WORK/chromium.pdf"
        "file://$WORK/content.html")
echo "10-exercise handout: median of ${RUNS} runs (floor and HepDesk alternate), $(nproc) CPUs"
for _ in $(seq "$RUNS"); do
    once floor "${FLOOR[@]}"
    once hepdesk "$BUILD/app/hepdesk-cli" "${CLI_ARGS[@]}"
done
report floor "$WORK/floor.pdf"
report hepdesk "$WORK/hepdesk.pdf"
for _ in $(seq $(( RUNS < 3 ? RUNS : 3 ))); do
    if command -v wkhtmltopdf >/dev/null; then once wkhtmltopdf "${WK[@]}"; fi
    if command -v chromium >/dev/null; then once chromium "${CHROME[@]}"; fi
done
if command -v wkhtmltopdf >/dev/null; then report wkhtmltopdf "$WORK/wk.pdf"; fi
if command -v chromium >/dev/null; then report chromium "$WORK/chromium.pdf"; fi
if [[ -n "${KEEP:-}" ]]; then cp "$WORK"/*.pdf "$WORK/content.html" "$KEEP"/; fi
