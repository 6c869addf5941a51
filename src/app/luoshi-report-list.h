/* luoshi-report-list.h: the sidebar's list of reports, grouped
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* The library's reports under headers "issuing body · year": known
 * bodies first, each body's newest year first. A list view builds rows
 * only for what is on screen, so a library of thousands of reports
 * fills at once. A filter keeps the reports whose title, body, file
 * name or period contain a text, and the headers of their groups.
 *
 * "report-selected" is emitted when the user selects a report (click,
 * arrow keys), never for luoshi_report_list_select_report() or for the
 * selection kept over a reload; "report-activated" on click, Enter or
 * double click. */

#define LUOSHI_TYPE_REPORT_LIST (luoshi_report_list_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportList, luoshi_report_list, LUOSHI, REPORT_LIST, GtkWidget)

GtkWidget *luoshi_report_list_new                    (void);
/* Shows the reports of @store, keeping the selected one. FALSE with
 * @error when the reports cannot be listed (the list stays as it was)
 * or cannot be counted by kind (the rows then show their totals). */
gboolean   luoshi_report_list_load                   (LuoshiReportList *self,
                                                      LuoshiStore      *store,
                                                      GError          **error);
/* Reads report @report_id of @store again, as after an edit of one of
 * its items: one report is counted rather than the library. A report not
 * listed yet, or that moved to another group, reloads the list. */
gboolean   luoshi_report_list_update_report          (LuoshiReportList *self,
                                                      LuoshiStore      *store,
                                                      gint64            report_id,
                                                      GError          **error);
/* All the reports, whether the filter shows them or not. */
guint      luoshi_report_list_get_n_reports          (LuoshiReportList *self);
void       luoshi_report_list_set_filter             (LuoshiReportList *self,
                                                      const char       *text);
/* Selects report @report_id and scrolls to it, without emitting
 * "report-selected"; 0 unselects. A report the filter hides, or that is
 * not loaded yet, is selected once it shows. */
void       luoshi_report_list_select_report          (LuoshiReportList *self,
                                                      gint64            report_id);
/* The selected report, or 0. */
gint64     luoshi_report_list_get_selected_report_id (LuoshiReportList *self);

G_END_DECLS
