/* luoshi-window.h: the main window
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "luoshi-context.h"

G_BEGIN_DECLS

/* A welcome page until the library has reports; then the reports in a
 * sidebar (grouped by issuing body and year) and, in the main area, a
 * view stack with the Reports, Search and Tracking pages. Imports run in
 * the background with a progress bar; all edits go through the context's
 * store and can be undone. */

#define LUOSHI_TYPE_WINDOW (luoshi_window_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiWindow, luoshi_window, LUOSHI, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). @context may be NULL when the library could not be opened: the window
 * then shows why (see luoshi_window_show_library_error()). */
LuoshiWindow  *luoshi_window_new                (AdwApplication     *application,
                                                 LuoshiContext      *context) G_GNUC_WARN_UNUSED_RESULT;
LuoshiContext *luoshi_window_get_context        (LuoshiWindow       *self);
/* Imports files and folders in the background and shows the result. */
void           luoshi_window_import             (LuoshiWindow       *self,
                                                 const char * const *paths);
gboolean       luoshi_window_is_importing       (LuoshiWindow       *self);
/* Shows report @report_id on the Reports page. */
gboolean       luoshi_window_show_report        (LuoshiWindow       *self,
                                                 gint64              report_id,
                                                 GError            **error);
/* The library @path could not be opened: an error page and a dialog. */
void           luoshi_window_show_library_error (LuoshiWindow       *self,
                                                 const char         *path,
                                                 const GError       *error);

G_END_DECLS
