#!/bin/bash
# Builds Luoshi (warnings are errors) and runs every test, GTK ones under
# Xvfb; ends with one line "N passed, N failed, N skipped" counting the
# TAP subtests. Usage: build-aux/run-tests.sh [BUILDDIR [MESON_OPTION…]]
set -uo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
shift || true

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" -Dwerror=true "$@" || exit 1
fi
ninja -C "$builddir" || exit 1

runner=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  runner=(xvfb-run -a -s "-screen 0 1400x900x24")
fi
"${runner[@]}" meson test -C "$builddir" --print-errorlogs --num-processes 2
status=$?
python3 build-aux/count-tests.py "$builddir/meson-logs/testlog.json" || status=1
exit $status
