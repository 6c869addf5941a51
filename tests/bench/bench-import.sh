#!/bin/bash
# Import benchmark: builds a folder of 1,000 report files (~50 MB, mixed
# encodings) from our own sample reports, then prints per-stage throughput,
# the whole `luoshi-cli import` (time and peak memory) and, as a reference
# measured in the same run, the time iconv takes to decode the same files.
# usage: tests/bench/bench-import.sh [BUILDDIR] [N_FILES] [FILE_SIZE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
n=${2:-1000}
size=${3:-50000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$here/make-corpus.py" "$work/reports" "$n" "$size"
mb=$(du -sb "$work/reports" | awk '{print $1 / 1e6}')

echo "== stages (one process, in-memory store) =="
"$build/tests/bench-import" "$work/reports"

echo "== luoshi-cli import into a new database file =="
/usr/bin/time -f "%e s wall, %M KB peak" "$build/src/cli/luoshi-cli" import --db "$work/lib.db" "$work/reports" 2>&1 | tail -2
cli_s=$( { /usr/bin/time -f "%e" "$build/src/cli/luoshi-cli" import --force --db "$work/lib2.db" "$work/reports" >/dev/null; } 2>&1 | tail -1)

echo "== reference: iconv decoding the same files =="
start=$(date +%s.%N)
for f in "$work"/reports/*.txt; do
  enc=${f%.txt}; enc=${enc##*.}
  iconv -f "$enc" -t UTF-8 "$f" >/dev/null
done
end=$(date +%s.%N)
iconv_s=$(echo "$end - $start" | bc -l)
printf "iconv                 %7.2f s  %8.1f MB/s\n" "$iconv_s" "$(echo "$mb / $iconv_s" | bc -l)"
printf "luoshi-cli import     %7.2f s  %8.1f MB/s  (%.1fx the iconv time)\n" "$cli_s" \
  "$(echo "$mb / $cli_s" | bc -l)" "$(echo "$cli_s / $iconv_s" | bc -l)"
