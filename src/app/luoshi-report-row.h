/* luoshi-report-row.h: what the sidebar shows of one report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-report-entry.h"

G_BEGIN_DECLS

/* Title, "period · kind" and count pills (or only the total for a huge
 * report), with the file name as the title's tooltip. A list view binds
 * it to one report entry after another. */

#define LUOSHI_TYPE_REPORT_ROW (luoshi_report_row_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportRow, luoshi_report_row, LUOSHI, REPORT_ROW, GtkWidget)

GtkWidget         *luoshi_report_row_new        (void);
/* @entry: a report entry, or NULL to show nothing. */
void               luoshi_report_row_set_entry  (LuoshiReportRow   *self,
                                                 LuoshiReportEntry *entry);
LuoshiReportEntry *luoshi_report_row_get_entry  (LuoshiReportRow   *self);

G_END_DECLS
