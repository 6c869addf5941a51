/* luoshi-tracking-view-private.h: what tests may touch
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-tracking-view.h"
#include "luoshi-verdict-bar.h"

G_BEGIN_DECLS

/* The summary bar of the pair shown. */
LuoshiVerdictBar *_luoshi_tracking_view_get_total_bar (LuoshiTrackingView *self);
/* The verdict menu button of goal @item_id, NULL if not shown. */
GtkWidget        *_luoshi_tracking_view_get_verdict_button (LuoshiTrackingView *self,
                                                        gint64              item_id);
/* The goal ids shown, in order. */
GArray           *_luoshi_tracking_view_get_goal_ids  (LuoshiTrackingView *self);
/* The review pane's text view. */
GtkTextView      *_luoshi_tracking_view_get_review_text (LuoshiTrackingView *self);

G_END_DECLS
