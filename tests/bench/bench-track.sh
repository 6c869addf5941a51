#!/bin/sh
# bench-track.sh: track 1,000 goals against a 20,000-sentence review.
#
# Usage: tests/bench/bench-track.sh [BUILD_DIR [N_GOALS [N_SENTENCES]]]
# Target: tracking (index, retrieval, verdicts, evidence) < 1 s.
set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-"$srcdir/build"}
goals=${2:-1000}
sentences=${3:-20000}

if ! log=$(ninja -C "$builddir" tests/bench-track 2>&1); then
  printf '%s\n' "$log" >&2
  echo "bench-track: the build failed" >&2
  exit 1
fi
out=$(mktemp "${TMPDIR:-/tmp}/luoshi-bench-track-XXXXXX")
trap 'rm -f "$out"' EXIT

LC_ALL=C.UTF-8 "$builddir/tests/bench-track" "$goals" "$sentences" | tee "$out"

time_s=$(awk '$1 == "track_time" { print $2 }' "$out")
awk -v t="$time_s" 'BEGIN { printf "target track < 1 s: %s\n", (t < 1 ? "met" : "MISSED") }'
