#!/bin/sh
# bench-app.sh: time from launch to the first drawn window, and to a shown
# report with 5,000 goals (10,000 items); also how long the main loop
# stalls with a 20 MB report and while a folder of 1,000 files is
# imported and tracked. Targets: first frame < 0.5 s, report < 0.2 s.
#
# Usage: tests/bench/bench-app.sh [BUILD_DIR]   (default: build)
# Needs xvfb-run and dbus-run-session. With LUOSHI_BENCH=1 the app prints
# (see src/app/luoshi-bench.h):
#   first-frame      from the creation of the application object to the
#                    first frame drawn;
#   report           from the call that shows a report to the first frame
#                    that shows it: its text and the first screenful of
#                    items;
#   report-complete  from the same call to the frame after the last item
#                    and the last piece of text are in (long reports fill
#                    the table in steps, a frame being drawn between them);
#   stall            whenever the main loop was blocked for over 100 ms.

set -eu
build=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
app="$top/$build/src/app/luoshi"
[ -x "$app" ] || { echo "no $app; build first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A plan with 5,000 goals, each with figures, in the usual phrasing.
python3 - "$work" <<'PY'
import sys, os
work = sys.argv[1]
os.makedirs(f"{work}/many", exist_ok=True)
units = ["所", "个", "名", "人次", "万元"]
with open(f"{work}/many/青石县教育局2025年工作要点.txt", "w", encoding="utf-8") as f:
    f.write("青石县教育局2025年工作要点\n\n一、主要目标\n")
    for i in range(5000):
        f.write(f"力争新增项目{i + 1}{units[i % 5]}，确保完成率达到{90 + i % 10}%以上。\n")
# About 20 MB: a long review repeated, with line breaks like a real file.
para = ("全县新建公办幼儿园3所，新增学位900个，学前三年毛入园率达到92.4%。"
        "完成8所农村学校校舍改造，投入资金6500万元。招聘新教师120名，培训教师2600人次。\n")
os.makedirs(f"{work}/big", exist_ok=True)
with open(f"{work}/big/青石县教育局工作总结汇编.txt", "w", encoding="utf-8") as f:
    f.write("青石县教育局2023年工作总结\n\n一、主要工作成效\n")
    size = 0
    while size < 20 * 1024 * 1024:
        f.write(para)
        size += len(para.encode("utf-8"))
PY

# A folder of 1,000 small report files (about 8,600 reports), as offices
# keep them.
python3 "$top/tests/bench/make-corpus.py" "$work/folder" 1000 6000 >/dev/null

run () {
  # $1 = label, $2 = folder, $3 = seconds to wait at most, $4 = seconds
  # to watch for stalls after the first report is complete (default 2)
  rm -f "$work/$1.db"*
  LUOSHI_LIBRARY="$work/$1.db" LUOSHI_BENCH=1 GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$top/$build/data" NO_AT_BRIDGE=1 GTK_A11Y=none GDK_DEBUG=gl-disable \
  timeout "$3" xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- sh -c '
    "$0" "$1" > "$2" 2>/dev/null & pid=$!
    i=0
    while [ $i -lt $(($3 * 10)) ]; do
      grep -q "luoshi-bench: report-complete" "$2" 2>/dev/null && break
      sleep 0.1; i=$((i + 1))
    done
    sleep $4  # stalls after the report is complete (tracking, refills)
    kill $pid 2>/dev/null || true' "$app" "$2" "$work/$1.log" "$3" "${4:-2}" 2>/dev/null || true
  sed -n "s/^luoshi-bench: /$1: /p" "$work/$1.log"
}

# The median of the N ms figures of LABEL in the lines on standard input.
median () {
  sed -n "s/^[a-z0-9]*: $1 \([0-9.]*\) ms.*/\1/p" | sort -n |
    awk '{ v[NR] = $1 } END { if (NR) printf "%.0f ms", v[int((NR + 1) / 2)]; else printf "none" }'
}

echo "== empty library, 5,000-goal plan (three runs)"
for n in 1 2 3; do run "many$n" "$work/many" 60; done | tee "$work/many.txt"
echo "== 20 MB report"
run big "$work/big" 300 | tee "$work/big.txt"
echo "== 1,000-file folder"
run folder "$work/folder" 300 20 | tee "$work/folder.txt"

echo "== summary (median of three; targets: first frame < 500 ms, report < 200 ms)"
echo "first frame      $(median first-frame < "$work/many.txt")"
echo "report           $(median report < "$work/many.txt")"
echo "report complete  $(median report-complete < "$work/many.txt")"
# The longest stall in the log $1 ("under 100 ms" when none was printed).
longest_stall () {
  sed -n 's/^[a-z0-9]*: stall \([0-9.]*\) ms/\1/p' "$1" |
    awk '$1 > m { m = $1 } END { if (NR) printf "%.0f ms", m; else printf "under 100 ms" }'
}
echo "longest stall    $(longest_stall "$work/many.txt") (5,000 goals)," \
     "$(longest_stall "$work/big.txt") (20 MB)," \
     "$(longest_stall "$work/folder.txt") (1,000 files)"
