#!/usr/bin/env bash
# Sets pressclip up on a fresh Debian machine: installs what is missing, builds, indexes
# the sample corpus and runs a first query. Idempotent; takes no arguments.
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

if [ $# -ne 0 ]; then
  echo "usage: scripts/quickstart.sh (no arguments)" >&2
  exit 2
fi

step "install missing Debian packages"
ensure_packages "${BUILD_PACKAGES[@]}"

step "build pressclip"
configure_and_build pressclip_cli

INDEX_DIR="$BUILD_DIR/sample-index"
step "index the sample corpus into $INDEX_DIR"
# A derived file: rebuilt each run, so an index from an older build never gets in the way.
rm -rf "$INDEX_DIR"
"$BUILD_DIR/pressclip" index --db "$INDEX_DIR" "$PROJECT_ROOT/corpus"

cat <<TIP
==> ready. Try next (README.md has a tour):
    export PRESSCLIP_DB=$INDEX_DIR
    $BUILD_DIR/pressclip search '"military intervention" source:BBC'
TIP

step "search: Wagner AND Niger"
"$BUILD_DIR/pressclip" search --db "$INDEX_DIR" 'Wagner AND Niger'
