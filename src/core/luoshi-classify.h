/* luoshi-classify.h: tell goals, achievements and problems apart, in context
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "luoshi-types.h"

G_BEGIN_DECLS

/* What one sentence of a report is. */
typedef enum {
  LUOSHI_LABEL_OTHER,
  LUOSHI_LABEL_GOAL,
  LUOSHI_LABEL_ACHIEVEMENT,
  LUOSHI_LABEL_PROBLEM,
} LuoshiLabel;

/* Where a sentence sits. Reports are written to a pattern (a review part
 * says what was done, a plan part what will be done, a problems part
 * what is lacking), so the place decides more than the words do. */
typedef struct
{
  LuoshiReportKind   report_kind;
  /* The kind of the part the sentence is in (own or inherited from an
   * enclosing heading); LUOSHI_SECTION_OTHER when no heading says. */
  LuoshiSectionKind  section_kind;
  /* The sentence is an outline heading or a title line. */
  gboolean           heading;
  /* A sentence just before opened a run of problems ("存在以下问题：")
   * or of goals ("下一步，我们将做好以下工作：") that this one may
   * continue; LUOSHI_LABEL_OTHER when none. */
  LuoshiLabel        run;
  /* The part is headed 指导思想 (guiding ideology): its 以…为指导
   * sentences are no items. */
  gboolean           guidance;
  /* The sentence comes before the report's first numbered heading, where
   * a review opens with the year's setting and ideology. */
  gboolean           opening;
  /* The sentence is the first of its line. */
  gboolean           line_start;
} LuoshiClassifyContext;

/* Labels @text (UTF-8 in simplified characters, @len bytes or -1) in
 * @context. @confidence (may be NULL) receives how sure the rule is,
 * 0..1. No allocation, no regular expressions: this runs per sentence. */
LuoshiLabel        luoshi_classify_sentence (const char                  *text,
                                             gssize                       len,
                                             const LuoshiClassifyContext *context,
                                             double                      *confidence);

/* The kind of part a heading (or title line) opens, from its words:
 * 工作要点/计划/打算/今后/下一步 → PLAN, 存在问题/不足 → PROBLEM,
 * 回顾/总结/主要工作/进展情况 → REVIEW, else OTHER. */
LuoshiSectionKind  luoshi_classify_heading  (const char                  *text,
                                             gssize                       len);

/* Whether @text (a body sentence) announces that problems or goals
 * follow, such as "主要表现在：" or "明年重点抓好以下工作："; returns
 * the label of the run it opens, or LUOSHI_LABEL_OTHER. */
LuoshiLabel        luoshi_classify_opens_run (const char                 *text,
                                             gssize                       len);

/* Byte length of an outline marker at the start of @text ("一、",
 * "（三）", "2.", "⑴", "一是，"), 0 when there is none. */
gsize              luoshi_classify_marker_length (const char            *text,
                                             gsize                        len);

const char        *luoshi_label_to_string   (LuoshiLabel                  label);

G_END_DECLS
