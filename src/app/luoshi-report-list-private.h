/* luoshi-report-list-private.h: what the window's tests may touch
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-report-list.h"

G_BEGIN_DECLS

/* The entries shown, headers and reports, of LuoshiReportEntry. */
GListModel  *_luoshi_report_list_get_model (LuoshiReportList *self);
GtkListView *_luoshi_report_list_get_view  (LuoshiReportList *self);

G_END_DECLS
