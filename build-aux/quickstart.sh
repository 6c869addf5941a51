#!/bin/bash
# One command on a fresh Debian 12: installs the dependencies (with sudo
# unless run as root), builds Luoshi and opens it on the bundled sample
# reports in a library of its own, so your real library is not touched.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -eq 0 ]; then
  build-aux/deps.sh
else
  sudo build-aux/deps.sh
fi

[ -f build/build.ninja ] || meson setup build
ninja -C build

export LUOSHI_LIBRARY="$PWD/build/samples-library.db"
if [ -x build/src/app/luoshi ]; then
  export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
  exec build/src/app/luoshi data/samples
fi
build/src/cli/luoshi-cli import --db "$LUOSHI_LIBRARY" data/samples
exec build/src/cli/luoshi-cli list --db "$LUOSHI_LIBRARY"
