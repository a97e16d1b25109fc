#!/usr/bin/env bash
# Installs every Debian 12 package HepDesk needs to build, test and run.
# Idempotent and quiet when everything is already there. Root runs apt-get directly;
# anyone else goes through sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # libraries
  qt6-base-dev qt6-base-dev-tools libsqlite3-dev libhpdf-dev libpng-dev libicu-dev
  nlohmann-json3-dev
  # clinic server mode: PostgreSQL's client library, and the server the tests start
  libpq-dev postgresql-15
  # fonts embedded in handouts
  fonts-noto-core
  # tests, benchmarks and code style
  libgtest-dev libgmock-dev libbenchmark-dev libpoppler-cpp-dev poppler-utils qpdf sqlite3
  clang-format clang-tidy
  # fuzzing (tests/fuzz, the `fuzz` preset): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
  # packaging
  librsvg2-bin dpkg-dev file lintian desktop-file-utils appstream
  # interface translations: lupdate/lrelease and their CMake functions, Qt's own Spanish strings
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  # the outside validator of the FHIR export (tests/fhir, run by Node.js; npm ci at test time)
  nodejs
)
# A preinstalled Node.js (NodeSource's, for one) bundles its own npm, and Debian's npm package
# then conflicts with it: Debian's npm only where no npm is on PATH.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "HepDesk: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "HepDesk: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
    exit 1
  }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "HepDesk: packages installed."
