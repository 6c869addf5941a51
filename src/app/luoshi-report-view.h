/* luoshi-report-view.h: one report's text beside its items
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-item-object.h"
#include "luoshi-store.h"

G_BEGIN_DECLS

/* The source text of one report, read-only, with goals, achievements and
 * problems highlighted and outline headings in bold; beside it the item
 * table (filter, sort) and an editor for the selected item; an outline
 * pane to jump to a section. Selecting an item scrolls the text to it;
 * moving the cursor into an item in the text selects it. The view
 * refreshes itself on LuoshiStore::changed.
 *
 * Signals:
 *   "selection-changed" (): the selected item or the text selection
 *       changed (the window recomputes its actions). */

#define LUOSHI_TYPE_REPORT_VIEW (luoshi_report_view_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportView, luoshi_report_view, LUOSHI, REPORT_VIEW, GtkWidget)

void              luoshi_report_view_set_store     (LuoshiReportView *self,
                                                    LuoshiStore      *store);
/* Shows report @report_id; FALSE with @error set if it cannot be read. */
gboolean          luoshi_report_view_load          (LuoshiReportView *self,
                                                    gint64            report_id,
                                                    GError          **error);
/* Reads the shown report again from the store (after a re-import). */
void              luoshi_report_view_reload        (LuoshiReportView *self);
gint64            luoshi_report_view_get_file_id   (LuoshiReportView *self);
/* Shows nothing (e.g. after the report was removed). */
void              luoshi_report_view_clear         (LuoshiReportView *self);
gint64            luoshi_report_view_get_report_id (LuoshiReportView *self);
/* The selected item, or NULL. */
/* FALSE while a report is still being read or added to the view. */
gboolean          luoshi_report_view_get_complete  (LuoshiReportView *self);
LuoshiItemObject *luoshi_report_view_get_selected_item (LuoshiReportView *self);
/* Selects item @item_id in the table (clearing filters that hide it). */
gboolean          luoshi_report_view_select_item   (LuoshiReportView *self,
                                                    gint64            item_id);
/* The id of the item spanning exactly [start, end) of the file's text, or 0. */
gint64            luoshi_report_view_find_item     (LuoshiReportView *self,
                                                    guint             start,
                                                    guint             end);
/* Selects and shows code points [start, end) of the file's text. */
void              luoshi_report_view_select_span   (LuoshiReportView *self,
                                                    guint             start,
                                                    guint             end);
/* The selected text as code points of the file's text; FALSE if none. */
gboolean          luoshi_report_view_get_text_selection (LuoshiReportView *self,
                                                    guint            *start,
                                                    guint            *end);
void              luoshi_report_view_toggle_outline (LuoshiReportView *self);

G_END_DECLS
