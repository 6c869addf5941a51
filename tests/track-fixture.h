/* track-fixture.h: a plan and its review for the tracking tests
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* A county plan and its year-end review, written for this test in the
 * style of real ones. */
static const char plan_text[] =
  "青石县教育局2025年工作要点\n"
  "\n"
  "2025年，全县教育工作以办好人民满意的教育为目标，重点抓好以下工作。\n"
  "\n"
  "一、学前教育\n"
  "1、新建公办幼儿园3所以上，新增学位900个。\n"
  "2、学前三年毛入园率达到92%以上。\n"
  "\n"
  "二、义务教育\n"
  "1、完成8所农村学校校舍改造。\n"
  "2、义务教育巩固率保持在99%以上。\n"
  "3、深化集团化办学，新组建教育集团2个。\n"
  "\n"
  "三、教师队伍建设\n"
  "1、招聘新教师150名，培训教师3000人次。\n"
  "2、启动县教师发展中心建设。\n";

static const char review_text[] =
  "青石县教育局2025年工作总结\n"
  "\n"
  "2025年，县教育局围绕年初确定的目标任务，扎实推进各项工作。\n"
  "\n"
  "一、主要工作成效\n"
  "（一）学前教育\n"
  "全年新建公办幼儿园4所，新增学位960个。学前三年毛入园率达到93.2%。\n"
  "（二）义务教育\n"
  "完成6所农村学校校舍改造。义务教育巩固率保持在99.3%。新组建教育集团2个。\n"
  "（三）教师队伍\n"
  "招聘新教师162名，培训教师3100人次。县教师发展中心建设已启动，完成规划设计。\n"
  "\n"
  "二、存在的问题\n"
  "一是农村学校校舍改造进度滞后。二是教师结构性缺编问题仍然存在。\n";
