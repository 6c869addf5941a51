/* luoshi-ledger.h: a tracking sheet (台账) built from a tracked plan report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "luoshi-document.h"
#include "luoshi-sheet.h"

G_BEGIN_DECLS

/* A ledger is the sheet a supervision office (督查室) keeps for one year's
 * work plan: one row per goal of the plan, grouped by 板块 (the outline
 * section that splits the plan's goals: for "三、2024年工作要点 /
 * （一）主要目标 / （二）重点任务" it is the （一）/（二） level), with the
 * target figures, what the later review says (the best evidence quoted and
 * the figures reached), the verdict and the user's note.
 *
 * The goals' status and evidence are read from the items as they are
 * (filled by luoshi_track() or read back from the store, where the user's
 * decisions win over the app's suggestions). */

typedef struct
{
  LuoshiSheetKind    kind;         /* TRACKING (default) or GOAL_LIST */
  LuoshiSheetColumns columns;      /* visible columns; 0 = all */
  LuoshiPaper        paper;
  LuoshiOrientation  orientation;
  gboolean           key_only;     /* only goals flagged as key tasks */
  guint              statuses;     /* LUOSHI_SHEET_STATUS_BIT()s; 0 = all */
  const char        *section;      /* one 板块 only, as printed; NULL = all */
  gboolean           simplify;     /* print traditional text in simplified characters */
  gboolean           reason_as_note; /* an empty note gets the verdict's reason (wordy) */
} LuoshiLedgerOptions;

/* TRACKING, all columns, A4 landscape, all goals, simplified text,
 * notes only where the user wrote one. */
void         luoshi_ledger_options_init (LuoshiLedgerOptions *options);

/* The goals of report @report of @doc in text order, as a GPtrArray of
 * borrowed LuoshiItem pointers (never NULL). */
GPtrArray   *luoshi_ledger_list_goals   (LuoshiDocument      *doc,
                                         guint                report) G_GNUC_WARN_UNUSED_RESULT;

/* The 板块 of each goal of @goals (as from luoshi_ledger_list_goals()):
 * a GPtrArray of strings ("（一）主要目标"; "" for a goal outside any
 * section) parallel to @goals. */
GPtrArray   *luoshi_ledger_goal_areas   (LuoshiDocument      *doc,
                                         guint                report,
                                         GPtrArray           *goals) G_GNUC_WARN_UNUSED_RESULT;

/* The year the goals of @report are for: the year a plan section's heading
 * names (三、2024年工作要点), else the next year for a review+plan, else
 * the report's year; 0 when unknown. */
int          luoshi_ledger_plan_year    (LuoshiDocument      *doc,
                                         guint                report);

/* "云溪区教育局2024年工作要点落实情况台账", or one built from the report's
 * title when the issuing body or the year is unknown. */
char        *luoshi_ledger_title        (LuoshiDocument      *doc,
                                         guint                report) G_GNUC_WARN_UNUSED_RESULT;

/* The figures of @evidence_text that answer @goal's target figures
 * (same unit family, closest subject), formatted "入园率 96.2%；…",
 * or NULL when none. */
char        *luoshi_ledger_actual_figures (const LuoshiItem  *goal,
                                         const char          *evidence_text) G_GNUC_WARN_UNUSED_RESULT;

/* The target cell of @goal: its figures formatted with their subjects
 * ("入园率 ≥ 95%；新增学位 1200 个"), or NULL when it has none. */
char        *luoshi_ledger_target_text  (const LuoshiItem    *goal) G_GNUC_WARN_UNUSED_RESULT;

/* Builds the sheet of report @report of @doc (its goals, in text order,
 * filtered and laid out as @options says; NULL for the defaults). */
LuoshiSheet *luoshi_ledger_build        (LuoshiDocument      *doc,
                                         guint                report,
                                         const LuoshiLedgerOptions *options) G_GNUC_WARN_UNUSED_RESULT;

/* Parses a comma-separated list of status names ("met,partly,not_met";
 * also "in_progress", "no_evidence", "unrated") into a status mask.
 * FALSE and @bad (may be NULL) set to the first unknown name on error. */
gboolean     luoshi_ledger_parse_statuses (const char        *list,
                                         guint               *mask,
                                         char               **bad);
/* The same for column names ("number,area,goal,target,progress,status,note"). */
gboolean     luoshi_ledger_parse_columns (const char         *list,
                                         LuoshiSheetColumns  *columns,
                                         char               **bad);

G_END_DECLS
