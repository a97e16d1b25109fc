#!/usr/bin/env bash
# Formats (or, with --check, checks) every C++ file HepDesk owns with the committed .clang-format.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=(-i)
[[ "${1:-}" == "--check" ]] && mode=(--dry-run -Werror)
git ls-files -co --exclude-standard -- 'core/*.cpp' 'core/*.h' 'db/*.cpp' 'db/*.h' 'visit/*.cpp' \
  'visit/*.h' 'app/*.cpp' 'app/*.h' 'tests/*.cpp' 'tests/*.h' | while read -r f; do [[ -f "$f" ]] && echo "$f"; done |
  xargs -r clang-format "${mode[@]}"
