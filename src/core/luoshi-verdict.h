/* luoshi-verdict.h: was a goal met, judging from what a later review says
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "luoshi-types.h"
#include "luoshi-metric.h"

G_BEGIN_DECLS

/* How a supervision office (督查室) reads a target against a result.
 *
 * Figure targets: each figure of the goal is compared with the figure of
 * the same subject (shared characters of its clause, comparable unit) in
 * the review:
 *   - at least (以上, 不低于, 超过, 多): met when actual ≥ target.
 *   - at most (以内, 控制在, 不超过, 低于): met when actual ≤ target (hitting
 *     it exactly is met).
 *   - about (左右, 约): met within the tolerance (about_rate_points for
 *     rates, about_amount_share of the target for amounts) or above it;
 *     for a ceiling-like indicator (prices/CPI 涨幅, deficits, 失业率,
 *     杠杆率, 发生率 …) the figure is a ceiling, met anywhere below
 *     target + tolerance.
 *   - range (3-5所, 6%-6.5%): met at the lower bound (ceilings: at or
 *     below the upper bound).
 *   - a plain figure (组建教育集团4个, 覆盖率达到100%): met when reached (for
 *     a ceiling-like indicator: when not exceeded).
 *   - reductions (下降, 降低, 减少 …): met when the reduction reaches or
 *     exceeds the target; a change the wrong way counts as negative.
 *   - 确保 (guaranteed): no tolerance for 左右.
 *   - 力争 (stretch): aspirational, the floor decides: with a base figure
 *     (确保7%，力争8%) reaching the base is met; a lone 力争 figure is read
 *     like a plain one. With stretch_needs_stretch_figure, the stretch
 *     figure must be reached for met and the base gives partly.
 *   - short of the target: partly when the outcome is at least
 *     partly_rate_ratio (rates) or partly_amount_ratio (amounts and counts
 *     of deliverables) of the target, not_met below; so 96% against
 *     100% is partly and 2 of 4 groups is not_met with the defaults.
 *     For ceilings the ratio is inverted (target / actual).
 *   - a figure of a passage about several years (五年来, 累计, 年均) does
 *     not isolate the year unless it is a level reached (提高到, 达到).
 *   - a year-on-year comparison in the later report's own plan (今年安排
 *     1.35万亿元，比去年增加5500亿元) fixes last year's figure; a comparison
 *     with last year's budget (比去年预算高) does not.
 *   - a blanket statement (主要目标任务全面完成) supports met for the main
 *     targets (主要预期目标) that have no outcome figure of their own.
 *   - several figures: all met → met; all short → not_met or partly;
 *     some met and the others silent or short → partly.
 *   - no outcome figure of the subject → no_evidence (a mention of the
 *     policy area without a result does not count), unless a passage
 *     repeating the goal closely (strong_relevance) says it was done,
 *     is under way or was not done (the words below).
 *   - a ceiling-like indicator the review says fell (赤字率下降), with no
 *     figure, is met.
 *
 * Qualitative targets: the best matching passage decides by its words
 * (words the goal itself uses are ignored, so 启动 in the goal and 启动 in
 * the review means done):
 *   - 未完成, 未能, 尚未, 滞后 … → not_met;
 *   - 启动, 正在, 稳步推进, 初步, 试点 … → in_progress;
 *   - 建成, 完成, 实现, 出台, 改善, 增长 … → met;
 *   - no such word: met when the passage repeats the goal closely
 *     (relevance ≥ strong_relevance), otherwise no_evidence;
 *   - a goal asking for a change (居民收入稳步增长) is met by a figure of
 *     its subject moving that way (居民人均可支配收入实际增长8.1%);
 *   - a goal of several tasks (启动智慧校园建设，建成资源平台) is judged task
 *     by task: all answered tasks done → met, all under way → in_progress,
 *     all not done → not_met, a mix → partly; a task the review is silent
 *     on does not count either way.
 * Figures inside quoted names (“两个只增不减”, 《…》) are not targets.
 *
 * Relevance is a passage's BM25 score divided by the goal's score against
 * itself (luoshi_retrieval_self_score), so thresholds do not depend on the
 * length of the goal or the size of the review. */
typedef struct
{
  double   about_rate_points;    /* 左右 for rates, in percentage points: 0.5 */
  double   about_amount_share;   /* 左右 for amounts, share of target: 0.05 */
  double   partly_rate_ratio;    /* rates: partly from this share: 0.9 */
  double   partly_amount_ratio;  /* amounts, counts: partly from this share: 0.75 */
  double   min_relevance;        /* below this a passage is no evidence: 0.3 */
  double   strong_relevance;     /* a close repetition of the goal: 0.5 */
  double   min_subject_match;    /* subjects of two figures agree from: 0.4 */
  gboolean stretch_needs_stretch_figure; /* 力争 must be reached for met: FALSE */
} LuoshiVerdictRules;

/* One candidate passage of the later review. */
typedef struct
{
  const char *text;        /* simplified text */
  double      relevance;   /* score / goal's self score */
  gboolean    multi_year;  /* in a passage about several years */
  gboolean    next_plan;   /* from the later report's plan part */
  GPtrArray  *metrics;     /* luoshi_metric_parse (text), or NULL to parse */
} LuoshiOutcome;

struct _LuoshiVerdict
{
  LuoshiStatus status;
  char        *reason;     /* translated, for people */
  int          outcome;    /* index of the deciding outcome, -1 if none */
  guint        start;      /* the deciding clause in that outcome's text, */
  guint        end;        /* code points, end exclusive */
};

void           luoshi_verdict_rules_init_default (LuoshiVerdictRules *rules);

/* Judges the goal @goal (simplified text) against @outcomes (best first).
 * @main_target: the goal is one of the plan's main targets (主要目标), so
 * the blanket statement @blanket (NULL if the review has none) covers it. */
LuoshiVerdict *luoshi_verdict_judge        (const char               *goal,
                                            gboolean                  main_target,
                                            const LuoshiOutcome      *outcomes,
                                            guint                     n_outcomes,
                                            const char               *blanket,
                                            const LuoshiVerdictRules *rules) G_GNUC_WARN_UNUSED_RESULT;

/* Convenience: judges @goal against a single outcome text (relevance 1). */
LuoshiVerdict *luoshi_verdict_judge_text   (const char               *goal,
                                            const char               *outcome,
                                            const LuoshiVerdictRules *rules) G_GNUC_WARN_UNUSED_RESULT;

/* Compares one target figure with one actual figure of the same subject.
 * @ceiling: the indicator is better lower (see above). @reason, if not
 * NULL, receives a translated explanation. Returns MET, PARTLY or NOT_MET,
 * or NO_EVIDENCE when the units do not compare. */
LuoshiStatus   luoshi_verdict_compare      (const LuoshiMetric       *target,
                                            const LuoshiMetric       *actual,
                                            gboolean                  ceiling,
                                            const LuoshiVerdictRules *rules,
                                            char                    **reason);

/* Whether @clause names an indicator that is better lower (CPI 涨幅,
 * 赤字率, 失业率 …). */
gboolean       luoshi_verdict_is_ceiling_subject (const char *clause);

/* Whether @sentence states that the main targets were fully met
 * (主要目标任务全面完成). */
gboolean       luoshi_verdict_is_blanket   (const char *sentence);

/* Whether @text speaks of several years at once (五年来, 累计, 年均). */
gboolean       luoshi_verdict_is_multi_year (const char *text);

void           luoshi_verdict_free         (LuoshiVerdict *verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiVerdict, luoshi_verdict_free)

G_END_DECLS
