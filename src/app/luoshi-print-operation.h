/* luoshi-print-operation.h: printing a tracking sheet (台账)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-ledger.h"

G_BEGIN_DECLS

/* Wraps the core's sheet renderer in a GtkPrintOperation: begin-print
 * builds the sheet of the plan report (luoshi_ledger_build), paginate lays
 * it out on the printable area, draw-page renders one page with the print
 * context's cairo. Units are points, as in the core, and the paper and
 * orientation of @options are the default page setup. Exporting a PDF is
 * GTK_PRINT_OPERATION_ACTION_EXPORT with an export file name. */

#define LUOSHI_TYPE_PRINT_OPERATION (luoshi_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiPrintOperation, luoshi_print_operation, LUOSHI, PRINT_OPERATION, GtkPrintOperation)

LuoshiPrintOperation *luoshi_print_operation_new       (LuoshiDocument            *plan_doc,
                                                        guint                      plan_report,
                                                        const LuoshiLedgerOptions *options) G_GNUC_WARN_UNUSED_RESULT;
/* The sheet being printed (after begin-print), or NULL. */
LuoshiSheet          *luoshi_print_operation_get_sheet (LuoshiPrintOperation      *self);

G_END_DECLS
