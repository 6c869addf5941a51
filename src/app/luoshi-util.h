/* luoshi-util.h: small helpers shared by the app's widgets
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A Pango attribute list setting the zh-cn language, so report text uses
 * Simplified Chinese glyph forms whatever the UI locale is (otherwise
 * fontconfig may pick Japanese forms in an English or C locale). */
PangoAttrList *luoshi_zh_attributes     (void) G_GNUC_WARN_UNUSED_RESULT;

/* Shows @error's message in a toast of the nearest AdwToastOverlay above
 * @widget (the window's), or logs it when there is none. */
void           luoshi_widget_show_error (GtkWidget    *widget,
                                         const GError *error);

G_END_DECLS
