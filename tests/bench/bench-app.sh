#!/bin/sh
# bench-app.sh: time from launch to the first drawn window, and to a shown
# report with 5,000 items; also a 20 MB report (how long the main loop
# stalls). Targets: first frame < 0.5 s, 5,000-item report < 0.2 s.
#
# Usage: tests/bench/bench-app.sh [BUILD_DIR]   (default: build)
# Needs xvfb-run and dbus-run-session. With LUOSHI_BENCH=1 the app prints
# "luoshi-bench: LABEL N ms" after the frame that showed it (first-frame
# counts from the creation of the application object; report from the
# call that shows it), and "luoshi-bench: stall N ms" whenever the main
# loop was blocked for more than 100 ms.

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

run () {
  # $1 = label, $2 = folder, $3 = seconds to wait at most
  LUOSHI_LIBRARY="$work/$1.db" LUOSHI_BENCH=1 GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$top/$build/data" NO_AT_BRIDGE=1 GTK_A11Y=none GDK_DEBUG=gl-disable \
  timeout "$3" xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- sh -c '
    "$0" "$1" > "$2" 2>/dev/null & pid=$!
    i=0
    while [ $i -lt $(($3 * 10)) ]; do
      grep -q "luoshi-bench: report" "$2" 2>/dev/null && break
      sleep 0.1; i=$((i + 1))
    done
    sleep 5  # stalls after the report is shown (large files load on)
    kill $pid 2>/dev/null || true' "$app" "$2" "$work/$1.log" "$3" 2>/dev/null || true
  sed -n "s/^luoshi-bench: /$1: /p" "$work/$1.log"
}

echo "== empty library, 5,000-item plan"
run many "$work/many" 60
echo "== 20 MB report"
run big "$work/big" 300
