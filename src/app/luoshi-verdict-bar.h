/* luoshi-verdict-bar.h: counts of verdicts as one stacked horizontal bar
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-types.h"

G_BEGIN_DECLS

/* A bar split in segments as wide as the share of each verdict, in the
 * order met, partly met, in progress, not met, no evidence, unrated, in
 * the colours of the verdict pills (libadwaita's named colours, so dark
 * mode works). Its accessible description reads the counts. */

#define LUOSHI_N_STATUSES 6

#define LUOSHI_TYPE_VERDICT_BAR (luoshi_verdict_bar_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiVerdictBar, luoshi_verdict_bar, LUOSHI, VERDICT_BAR, GtkWidget)

GtkWidget *luoshi_verdict_bar_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* @counts has one slot per LuoshiStatus. */
void       luoshi_verdict_bar_set_counts (LuoshiVerdictBar *self,
                                          const guint       counts[LUOSHI_N_STATUSES]);
guint      luoshi_verdict_bar_get_count  (LuoshiVerdictBar *self,
                                          LuoshiStatus      status);
guint      luoshi_verdict_bar_get_total  (LuoshiVerdictBar *self);

/* The order segments and legends use. */
extern const LuoshiStatus luoshi_verdict_bar_order[LUOSHI_N_STATUSES];

/* The colour of @status for @widget's style (dark or light). */
void       luoshi_verdict_color          (GtkWidget        *widget,
                                          LuoshiStatus      status,
                                          GdkRGBA          *color);
/* The CSS class of @status: "verdict-met", "verdict-partly", … */
const char *luoshi_verdict_css_class     (LuoshiStatus      status);

G_END_DECLS
