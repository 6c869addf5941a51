/* luoshi-chain.h: which later review answers which plan
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* A plan report paired with the review that reports on it: the plan for
 * year N with the review of year N (usually written early in N+1), or with
 * a half-year review of N when no full-year one exists. A report holding a
 * review of N-1 and a plan for N (a government work report, 总结+要点) is
 * a plan for N here and a review of N-1 to an earlier plan. */
typedef struct
{
  LuoshiDocument *plan_doc;      /* owned reference */
  guint           plan_report;   /* index into plan_doc->reports */
  LuoshiDocument *review_doc;    /* owned reference */
  guint           review_report;
  int             year;          /* the plan's year, 0 when unknown */
  double          confidence;    /* 0..1: same body and year is 1 */
} LuoshiChain;

LuoshiChain *luoshi_chain_new        (LuoshiDocument *plan_doc,
                                      guint           plan_report,
                                      LuoshiDocument *review_doc,
                                      guint           review_report) G_GNUC_WARN_UNUSED_RESULT;
void         luoshi_chain_free       (LuoshiChain    *chain);

/* Proposes chains among the reports of @documents (a GPtrArray of
 * LuoshiDocument, in the order files are listed): each plan gets the
 * review of its year from the same issuing body; reports of unknown body
 * pair by year; reports of unknown year by a year leading the file name
 * (2017_…) or else by order (a plan with the next review after it).
 * Returns a GPtrArray of LuoshiChain (never NULL; freeing it frees them). */
GPtrArray   *luoshi_chain_propose    (GPtrArray      *documents) G_GNUC_WARN_UNUSED_RESULT;

/* The year whose goals report @report of @doc sets, 0 when it sets none
 * or the year is unknown. */
int          luoshi_chain_plan_year  (LuoshiDocument *doc,
                                      guint           report);

/* The year report @report of @doc reviews, 0 when none or unknown;
 * @half receives 0 for a whole year, 1 or 2 for a half. */
int          luoshi_chain_review_year (LuoshiDocument *doc,
                                      guint           report,
                                      int            *half);

/* Where the plan part of report @report starts (code points): the
 * report's start for a plan, its end for a review, the first plan
 * heading of a review+plan report. */
guint        luoshi_chain_plan_start (LuoshiDocument *doc,
                                      guint           report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiChain, luoshi_chain_free)

G_END_DECLS
