/* luoshi-outline.h: recognise outline heading markers and heading kinds
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* A heading marker found at the start of a run of text. */
typedef struct
{
  LuoshiOutlineStyle style;
  guint              number;   /* 1 for 一、 （1） ① 第一部分 一是 */
  guint              length;   /* code points of the marker, e.g. 2 for "一、" */
} LuoshiOutlineMarker;

/* Whether @text (UCS-4, @len code points, in simplified characters)
 * starts with an outline marker: 第一、 第一部分 一、 （一） (一) 1、 1. 1．
 * （1） (1) ⑴ ① 一是. "1.5万" and "第一次" are not markers. */
gboolean           luoshi_outline_match        (const gunichar      *text,
                                                gsize                len,
                                                LuoshiOutlineMarker *marker);

/* The value of a run of Chinese numerals (一 … 九十九, 〇), or 0. */
guint              luoshi_outline_han_number   (const gunichar      *text,
                                                gsize                len);

/* What a heading's text says its part is about, from cue words
 * (simplified characters): 工作要点/计划/打算/思路/下一步/今后/明年 → PLAN,
 * 存在问题/不足/困难/差距 → PROBLEM, 回顾/总结/主要工作/成绩/进展 → REVIEW,
 * else OTHER (the kind is then inherited). @in_plan says the report is a
 * plan, where 重点工作/主要任务 also mean PLAN. */
LuoshiSectionKind  luoshi_outline_heading_kind (const char          *title,
                                                gboolean             in_plan);

G_END_DECLS
