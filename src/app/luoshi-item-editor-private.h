/* luoshi-item-editor-private.h: the editor's rows, for tests
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-item-editor.h"

G_BEGIN_DECLS

/* The entry row for "text", "figures", "note" or "tags"; NULL otherwise. */
GtkWidget *_luoshi_item_editor_get_row (LuoshiItemEditor *self,
                                        const char       *field);

G_END_DECLS
