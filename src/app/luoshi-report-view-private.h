/* luoshi-report-view-private.h: what the window and tests may touch
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-item-editor.h"
#include "luoshi-report-view.h"

G_BEGIN_DECLS

GtkSingleSelection *_luoshi_report_view_get_selection (LuoshiReportView *self);
LuoshiItemEditor   *_luoshi_report_view_get_editor    (LuoshiReportView *self);
GtkTextBuffer      *_luoshi_report_view_get_buffer    (LuoshiReportView *self);
/* FALSE while a large report is still being added to the text view. */
gboolean            _luoshi_report_view_is_loaded     (LuoshiReportView *self);

G_END_DECLS
