#!/bin/sh
# bench-sheet.sh: render a 500-goal tracking sheet and print the figures.
#
# Usage: tests/bench/bench-sheet.sh [BUILD_DIR [N_GOALS]]
# Targets: render < 2 s, PDF < 2 MB (500 goals, A4 landscape).
set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-"$srcdir/build"}
goals=${2:-500}

if ! log=$(ninja -C "$builddir" tests/bench-sheet 2>&1); then
  printf '%s\n' "$log" >&2
  echo "bench-sheet: the build failed" >&2
  exit 1
fi
out=$(mktemp -d "${TMPDIR:-/tmp}/luoshi-bench-sheet-XXXXXX")
trap 'rm -rf "$out"' EXIT

# The C locale prints English headers; the fonts still come from zh-cn.
LC_ALL=C.UTF-8 "$builddir/tests/bench-sheet" "$goals" "$out/sheet.pdf" | tee "$out/figures"

time_s=$(awk '$1 == "pdf_render_time" { print $2 }' "$out/figures")
size_mb=$(awk '$1 == "pdf_size" { print $2 }' "$out/figures")
if command -v pdffonts >/dev/null; then
  echo "fonts $(pdffonts "$out/sheet.pdf" | awk 'NR > 2 { sub(/^[A-Z]+\+/, "", $1); print $1 }' | sort -u | tr '\n' ' ')"
fi
awk -v t="$time_s" -v s="$size_mb" 'BEGIN {
  printf "target render < 2 s: %s\n", (t < 2 ? "met" : "MISSED");
  printf "target pdf < 2 MB: %s\n", (s < 2 ? "met" : "MISSED");
}'
