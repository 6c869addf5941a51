/* luoshi-track.h: for each goal of a plan, evidence and a suggested verdict
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"
#include "luoshi-verdict.h"

G_BEGIN_DECLS

/* How many evidence spans a goal keeps at most. */
#define LUOSHI_TRACK_MAX_EVIDENCE 4

/* Tracks every goal item of report @plan_report of @plan_doc (of its plan
 * part, when it also holds a review: luoshi_chain_plan_start()) against
 * report @review_report of @review_doc (usually a pair from
 * luoshi_chain_propose(), or any pair the user made):
 *   - the review's sentences (its review part, when it also holds a plan;
 *     from its plan part only year-on-year comparisons) are ranked for
 *     each goal by character-bigram BM25 over simplified text, boosted by
 *     shared quoted names (《…》, “…”), the subject of a figure and the
 *     heading of the section;
 *   - the goal's status is suggested by luoshi_verdict_judge() with
 *     @rules (NULL for the defaults), unless the user set it
 *     (status_by_user), in which case only the evidence is refreshed;
 *   - status_reason says why, and evidence lists the deciding span first,
 *     as code points into @review_doc's text.
 * Returns the number of goals tracked. */
guint  luoshi_track              (LuoshiDocument           *plan_doc,
                                  guint                     plan_report,
                                  LuoshiDocument           *review_doc,
                                  guint                     review_report,
                                  const LuoshiVerdictRules *rules);

/* The goals of report @plan_report as a plain-text table for
 * `luoshi-cli track`: number, status, goal, first evidence and reason,
 * one goal per line, columns separated by tabs, with a header line. */
char  *luoshi_track_format_table (LuoshiDocument           *plan_doc,
                                  guint                     plan_report) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
