/* luoshi-item-object.h: a LuoshiItem as a GObject for list models
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "luoshi-item.h"

G_BEGIN_DECLS

/* Wraps one stored item so GtkColumnView cells can bind to its fields as
 * properties. The item is replaced in place on edits, notifying only the
 * properties that changed, so rows and selection survive a refresh. */

#define LUOSHI_TYPE_ITEM_OBJECT (luoshi_item_object_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiItemObject, luoshi_item_object, LUOSHI, ITEM_OBJECT, GObject)

LuoshiItemObject *luoshi_item_object_new        (LuoshiItem       *item) G_GNUC_WARN_UNUSED_RESULT;
LuoshiItem       *luoshi_item_object_get_item   (LuoshiItemObject *self);
/* Replaces the item (same id) and notifies the changed properties. */
void              luoshi_item_object_set_item   (LuoshiItemObject *self,
                                                 LuoshiItem       *item);
gint64            luoshi_item_object_get_id     (LuoshiItemObject *self);
LuoshiItemKind    luoshi_item_object_get_kind   (LuoshiItemObject *self);
guint             luoshi_item_object_get_start  (LuoshiItemObject *self);
guint             luoshi_item_object_get_end    (LuoshiItemObject *self);

/* Translated singular name of a kind: "Goal", "Achievement", "Problem". */
const char       *luoshi_item_kind_get_label    (LuoshiItemKind    kind);
/* Translated verdict name, "" for unrated. */
/* The item's figures, formatted and joined with ", ". */
char             *luoshi_item_format_figures    (LuoshiItem       *item) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
