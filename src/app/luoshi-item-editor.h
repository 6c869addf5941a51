/* luoshi-item-editor.h: the panel that edits the selected item
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "luoshi-item-object.h"
#include "luoshi-store.h"

G_BEGIN_DECLS

/* Shows one item's kind, key flag, text, figures, note and tags and
 * writes each change to the store at once (one undoable step each).
 * Kind, key and delete go through the window's actions (win.set-item-kind,
 * win.set-item-key, win.delete-item) so menus and shortcuts share them. */

#define LUOSHI_TYPE_ITEM_EDITOR (luoshi_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiItemEditor, luoshi_item_editor, LUOSHI, ITEM_EDITOR, GtkWidget)

void              luoshi_item_editor_set_store (LuoshiItemEditor *self,
                                                LuoshiStore      *store);
/* NULL shows the empty state. */
void              luoshi_item_editor_set_item  (LuoshiItemEditor *self,
                                                LuoshiItemObject *item);
LuoshiItemObject *luoshi_item_editor_get_item  (LuoshiItemEditor *self);

G_END_DECLS
