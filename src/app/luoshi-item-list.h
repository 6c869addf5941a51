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
 * emits one exact items-changed for the range that really changed. */

#define LUOSHI_TYPE_ITEM_LIST (luoshi_item_list_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiItemList, luoshi_item_list, LUOSHI, ITEM_LIST, GObject)

LuoshiItemList   *luoshi_item_list_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* @items: GPtrArray of LuoshiItem ordered by start, or NULL for none. */
void              luoshi_item_list_set_items  (LuoshiItemList *self,
                                               GPtrArray      *items);
/* The object of item @id, or NULL. */
LuoshiItemObject *luoshi_item_list_find       (LuoshiItemList *self,
                                               gint64          id);
/* The innermost item whose span holds @offset, or NULL. */
LuoshiItemObject *luoshi_item_list_find_at    (LuoshiItemList *self,
                                               guint           offset);

G_END_DECLS
