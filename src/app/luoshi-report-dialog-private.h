/* luoshi-report-dialog-private.h: what tests may touch
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-report-dialog.h"

G_BEGIN_DECLS

/* Types @title into the title row, as the user would. */
void _luoshi_report_dialog_set_title_text (LuoshiReportDialog *self,
                                           const char         *title);

G_END_DECLS
