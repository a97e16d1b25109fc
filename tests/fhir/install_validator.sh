#!/bin/sh
# Installs the pinned FHIR validator (package.json + package-lock.json of this folder) into
# DEST with `npm ci`: the exact versions of the lockfile, nothing from outside it.
# Usage: install_validator.sh SOURCE_DIR DEST
set -eu
src=$1
dest=$2
mkdir -p "$dest"
cp "$src/package.json" "$src/package-lock.json" "$src/validate.js" "$dest/"
if [ -f "$dest/node_modules/.package-lock.json" ] &&
   cmp -s "$src/package-lock.json" "$dest/installed-lock.json"; then
    echo "validator already installed in $dest"
    exit 0
fi
npm ci --prefix "$dest" --no-audit --no-fund --ignore-scripts
cp "$src/package-lock.json" "$dest/installed-lock.json"
