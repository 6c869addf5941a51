/* luoshi-tracking-view.h: were last year's goals met? one plan, one review
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-context.h"
#include "luoshi-ledger.h"
#include "luoshi-verdict.h"

G_BEGIN_DECLS

/* The Tracking page: pick a plan→review pair (proposed by the app after
 * each import, or made by hand across bodies and years), then read the
 * plan's goals grouped by 板块, each with its verdict (suggested by the
 * app or decided by the user), the evidence quoted from the review with
 * the goal's words highlighted, and a summary bar per verdict and per
 * 板块. The user overrides a verdict from its menu, picks another quote or
 * selects text of the review as evidence, and adds notes: every change
 * goes through the store and can be undone. The sheet (台账) is printed or
 * exported as PDF or CSV from here.
 *
 * Actions (group "tracking"): set-verdict "(xs)" (item id, status name),
 * reset-verdict "x", show-evidence "(xu)" (item id, evidence index),
 * use-evidence "(xu)", use-selection, edit-note "x", open-review,
 * close-review, pair, remove-chain, propose, print, export-pdf,
 * export-csv.
 *
 * Signals:
 *   "open-report" (gint64 report_id, guint start, guint end): the user
 *       wants report @report_id shown on the Reports page at [start, end)
 *       of its file's text. */

#define LUOSHI_TYPE_TRACKING_VIEW (luoshi_tracking_view_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiTrackingView, luoshi_tracking_view, LUOSHI, TRACKING_VIEW, GtkWidget)

void         luoshi_tracking_view_set_context   (LuoshiTrackingView *self,
                                                 LuoshiContext      *context);
/* Proposes pairs among all reports, tracks them and shows the result;
 * the window calls it after each import. */
gboolean     luoshi_tracking_view_track_library (LuoshiTrackingView *self,
                                                 GError            **error);
/* The same in a worker thread on a connection of its own, so a large
 * library does not freeze the window; errors are shown in the view. */
void         luoshi_tracking_view_track_library_async (LuoshiTrackingView *self);
/* Whether such a run is still going. */
gboolean     luoshi_tracking_view_is_tracking   (LuoshiTrackingView *self);
/* Pairs stored report @plan_report_id with @review_report_id by hand (a
 * user chain, kept when the app proposes pairs again), tracks it and
 * shows it. */
gboolean     luoshi_tracking_view_pair          (LuoshiTrackingView *self,
                                                 gint64              plan_report_id,
                                                 gint64              review_report_id,
                                                 GError            **error);
/* The pair shown (a chain id of the store), 0 when none. */
gint64       luoshi_tracking_view_get_chain_id  (LuoshiTrackingView *self);
gboolean     luoshi_tracking_view_select_chain  (LuoshiTrackingView *self,
                                                 gint64              chain_id);
/* Shows only goals whose verdict is in @statuses
 * (LUOSHI_SHEET_STATUS_BIT()s, 0 for all). */
void         luoshi_tracking_view_set_filter    (LuoshiTrackingView *self,
                                                 guint               statuses);
/* The sheet of the pair shown, laid out as the preferences say and
 * limited to the goals shown; NULL with @error set when none. */
LuoshiSheet *luoshi_tracking_view_build_sheet   (LuoshiTrackingView *self,
                                                 GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Opens the print dialog for the sheet. */
void         luoshi_tracking_view_print         (LuoshiTrackingView *self);

/* The verdict rules with the tolerances of @settings (NULL: defaults). */
void         luoshi_tracking_rules_from_settings (GSettings         *settings,
                                                 LuoshiVerdictRules *rules);
/* The sheet layout of @settings (NULL: defaults). */
void         luoshi_tracking_options_from_settings (GSettings       *settings,
                                                 LuoshiLedgerOptions *options);

G_END_DECLS
