/* luoshi-report-entry.h: one line of the sidebar, a report or a group header
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* GTK 4.8's list views have no sections, so the sidebar's model holds
 * both: a header entry ("issuing body · year") before the reports of
 * its group. A report entry keeps what its row shows, already formatted,
 * and never changes; a changed report gets a new entry. */

#define LUOSHI_TYPE_REPORT_ENTRY (luoshi_report_entry_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportEntry, luoshi_report_entry, LUOSHI, REPORT_ENTRY, GObject)

/* @counts: live goals, achievements and problems, indexed by LuoshiItemKind,
 * or NULL when only the report's total is known. */
LuoshiReportEntry *luoshi_report_entry_new          (const LuoshiStoreReport *report,
                                                     const guint              counts[3]) G_GNUC_WARN_UNUSED_RESULT;
LuoshiReportEntry *luoshi_report_entry_new_header   (const char              *title) G_GNUC_WARN_UNUSED_RESULT;

gboolean           luoshi_report_entry_is_header    (LuoshiReportEntry *self);
/* The header's text, or the report's display title. */
const char        *luoshi_report_entry_get_title    (LuoshiReportEntry *self);
/* The rest are for report entries: 0, "" or NULL for headers. */
gint64             luoshi_report_entry_get_report_id (LuoshiReportEntry *self);
gint64             luoshi_report_entry_get_file_id  (LuoshiReportEntry *self);
const char        *luoshi_report_entry_get_file_name (LuoshiReportEntry *self);
/* "period · kind", e.g. "2023 · Review and plan". */
const char        *luoshi_report_entry_get_subtitle (LuoshiReportEntry *self);
/* The sidebar groups by these: "" when the body is unknown, 0 year. */
const char        *luoshi_report_entry_get_org      (LuoshiReportEntry *self);
int                luoshi_report_entry_get_year     (LuoshiReportEntry *self);
/* Counts indexed by LuoshiItemKind, or NULL: then only the total is known. */
const guint       *luoshi_report_entry_get_counts   (LuoshiReportEntry *self);
guint              luoshi_report_entry_get_n_items  (LuoshiReportEntry *self);
/* Whether title, body, file name or subtitle contain @needle, already
 * casefolded (g_utf8_casefold()); NULL or "" matches every report. */
gboolean           luoshi_report_entry_matches      (LuoshiReportEntry *self,
                                                     const char        *folded_needle);
/* Whether both show the same thing, so a refill can keep @self's row. */
gboolean           luoshi_report_entry_equal        (LuoshiReportEntry *self,
                                                     LuoshiReportEntry *other);

/* Translated name of a report kind, e.g. "Review and plan". */
const char        *luoshi_report_kind_get_label     (LuoshiReportKind kind);
/* "2023", "2024 first half", or "Unknown period"; newly allocated. */
char              *luoshi_report_format_period      (const LuoshiReport *report) G_GNUC_WARN_UNUSED_RESULT;
/* The title to show: the report's own, else its file name. */
const char        *luoshi_report_get_display_title  (const LuoshiStoreReport *report);

G_END_DECLS
