/* luoshi-application.h: the application object
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "luoshi-context.h"

G_BEGIN_DECLS

/* Opens the library (LUOSHI_LIBRARY, else the library-path setting, else
 * luoshi_store_default_path()) once, and gives each window a context on
 * it. `luoshi DIR|FILE…` imports those and shows them. */

#define LUOSHI_TYPE_APPLICATION (luoshi_application_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiApplication, luoshi_application, LUOSHI, APPLICATION, AdwApplication)

LuoshiApplication *luoshi_application_new            (const char        *application_id,
                                                      GApplicationFlags  flags) G_GNUC_WARN_UNUSED_RESULT;
/* The context, or NULL when the library could not be opened. */
LuoshiContext     *luoshi_application_get_context    (LuoshiApplication *self);
/* g_get_monotonic_time() when the application was created (benchmarks). */
gint64             luoshi_application_get_start_time (LuoshiApplication *self);
/* Opens the preferences window. Nothing yet: the menu does not offer it
 * until a preferences window exists. */
void               luoshi_application_show_preferences (LuoshiApplication *self);

G_END_DECLS
