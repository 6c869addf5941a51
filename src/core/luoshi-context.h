/* luoshi-context.h: the services a window works with
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* One context owns the library store (and the settings, when the schema
 * is installed) and hands them out as read-only properties, like
 * gnome-calendar's GcalContext: windows and views get the context, never
 * globals. It has no GTK, so luoshi-cli and the tests can build one too. */

#define LUOSHI_TYPE_CONTEXT (luoshi_context_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiContext, luoshi_context, LUOSHI, CONTEXT, GObject)

/* @settings may be NULL (e.g. the CLI without an installed schema). */
LuoshiContext *luoshi_context_new          (LuoshiStore   *store,
                                            GSettings     *settings) G_GNUC_WARN_UNUSED_RESULT;
LuoshiStore   *luoshi_context_get_store    (LuoshiContext *self);
GSettings     *luoshi_context_get_settings (LuoshiContext *self);

G_END_DECLS
