/* luoshi-item-list.h: the items of one report as a GListModel
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-item-object.h"

G_BEGIN_DECLS

/* A GListModel of LuoshiItemObject in text order. Setting a new list of
 * items reuses the objects of items that are still there (by id) and
 * emits one exact items-changed for the range that really changed.
 *
 * GTK 4.8's list views build and bind 200 rows as soon as a model has
 * that many items, which took a column view a quarter of a second. So
 * when many rows arrive at once, the list shows the first screenful
 * and adds the rest in small steps from idle callbacks, a frame being
 * drawn between them; the "complete" property is FALSE meanwhile. */

#define LUOSHI_TYPE_ITEM_LIST (luoshi_item_list_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiItemList, luoshi_item_list, LUOSHI, ITEM_LIST, GObject)

LuoshiItemList   *luoshi_item_list_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* @items: GPtrArray of LuoshiItem ordered by start, or NULL for none. */
void              luoshi_item_list_set_items  (LuoshiItemList *self,
                                               GPtrArray      *items);
/* Whether every item is in the model (no steps pending). */
gboolean          luoshi_item_list_get_complete (LuoshiItemList *self);
/* Puts every item in the model now, for code that needs positions. */
void              luoshi_item_list_complete     (LuoshiItemList *self);
/* The object of item @id, or NULL; it may still be waiting for a step. */
LuoshiItemObject *luoshi_item_list_find       (LuoshiItemList *self,
                                               gint64          id);
/* The index of @object among all the items (shown or still waiting),
 * or GTK_INVALID_LIST_POSITION if it is not in the list. */
guint             luoshi_item_list_get_index  (LuoshiItemList   *self,
                                               LuoshiItemObject *object);
/* The innermost item whose span holds @offset, or NULL. */
LuoshiItemObject *luoshi_item_list_find_at    (LuoshiItemList *self,
                                               guint           offset);

G_END_DECLS
