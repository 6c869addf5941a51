/* luoshi-preferences-window.h: tolerances, sheet layout, library, style
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Every row is bound to a key of the io.github.luoshi.Luoshi schema, so
 * changes apply at once and survive restarts: the verdict tolerances
 * (the Tracking page re-suggests verdicts when they change), the default
 * paper, orientation and columns of tracking sheets, whether traditional
 * characters are printed as written, where the library database lives
 * (used from the next start) and the colour scheme. */

#define LUOSHI_TYPE_PREFERENCES_WINDOW (luoshi_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiPreferencesWindow, luoshi_preferences_window, LUOSHI, PREFERENCES_WINDOW, AdwPreferencesWindow)

LuoshiPreferencesWindow *luoshi_preferences_window_new (GtkWindow *parent,
                                                        GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
