/* luoshi-report-dialog.h: edit a report's title, body, period and kind
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* A small modal window; Save writes each changed field through the store
 * (each an undoable step, kept across re-imports). */

#define LUOSHI_TYPE_REPORT_DIALOG (luoshi_report_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiReportDialog, luoshi_report_dialog, LUOSHI, REPORT_DIALOG, AdwWindow)

/* NULL with @error set when the report cannot be read. */
LuoshiReportDialog *luoshi_report_dialog_new  (GtkWindow          *parent,
                                               LuoshiStore        *store,
                                               gint64              report_id,
                                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes the fields to the store; FALSE with @error on the first failure. */
gboolean            luoshi_report_dialog_save (LuoshiReportDialog *self,
                                               GError            **error);

G_END_DECLS
