/* luoshi-report-row.h: one report in the sidebar
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

#define LUOSHI_TYPE_REPORT_ROW (luoshi_report_row_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportRow, luoshi_report_row, LUOSHI, REPORT_ROW, GtkListBoxRow)

/* @counts: live goals, achievements and problems, indexed by LuoshiItemKind,
 * or NULL to show only the report's total. */
GtkWidget  *luoshi_report_row_new            (const LuoshiStoreReport *report,
                                              const guint              counts[3]);
gint64      luoshi_report_row_get_report_id  (LuoshiReportRow *self);
gint64      luoshi_report_row_get_file_id    (LuoshiReportRow *self);
/* The sidebar groups rows by these: "" when the body is unknown, 0 year. */
const char *luoshi_report_row_get_org        (LuoshiReportRow *self);
int         luoshi_report_row_get_year       (LuoshiReportRow *self);
/* Whether title, body or file name contain @needle (casefolded). */
gboolean    luoshi_report_row_matches        (LuoshiReportRow *self,
                                              const char      *needle);

/* Translated name of a report kind, e.g. "Review and plan". */
const char *luoshi_report_kind_get_label     (LuoshiReportKind kind);
/* "2023", "2024 first half", or "Unknown period"; newly allocated. */
char       *luoshi_report_format_period      (const LuoshiReport *report) G_GNUC_WARN_UNUSED_RESULT;
/* The title to show: the report's own, else its file name. */
const char *luoshi_report_get_display_title  (const LuoshiStoreReport *report);

G_END_DECLS
