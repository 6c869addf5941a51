/* luoshi-item-list.c: the items of one report as a GListModel
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-item-list.h"

struct _LuoshiItemList
{
  GObject    parent_instance;

  GPtrArray *objects;  /* of LuoshiItemObject, by start */
  GHashTable *by_id;   /* gint64* → LuoshiItemObject (borrowed) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LuoshiItemList, luoshi_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LUOSHI_TYPE_ITEM_OBJECT;
}

static guint
get_n_items (GListModel *model)
{
  return LUOSHI_ITEM_LIST (model)->objects->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (model);

  if (position >= self->objects->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->objects, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
luoshi_item_list_finalize (GObject *object)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);

  G_OBJECT_CLASS (luoshi_item_list_parent_class)->finalize (object);
}

static void
luoshi_item_list_class_init (LuoshiItemListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luoshi_item_list_finalize;
}

static void
luoshi_item_list_init (LuoshiItemList *self)
{
  self->objects = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
}

LuoshiItemList *
luoshi_item_list_new (void)
{
  return g_object_new (LUOSHI_TYPE_ITEM_LIST, NULL);
}

static void
index_objects (LuoshiItemList *self)
{
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->objects->len; i++)
    {
      LuoshiItemObject *obj = g_ptr_array_index (self->objects, i);

      /* The key lives in the item the object holds. */
      g_hash_table_insert (self->by_id, &luoshi_item_object_get_item (obj)->id, obj);
    }
}

void
luoshi_item_list_set_items (LuoshiItemList *self,
                            GPtrArray      *items)
{
  g_autoptr(GPtrArray) old = NULL;
  guint n_new = items ? items->len : 0;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (LUOSHI_IS_ITEM_LIST (self));

  old = g_steal_pointer (&self->objects);
  self->objects = g_ptr_array_new_full (n_new, g_object_unref);

  for (guint i = 0; i < n_new; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);
      LuoshiItemObject *obj = g_hash_table_lookup (self->by_id, &item->id);

      if (obj != NULL)
        {
          g_object_ref (obj);
          /* Re-key before the old item may be freed by set_item(). */
          g_hash_table_remove (self->by_id, &item->id);
          luoshi_item_object_set_item (obj, item);
        }
      else
        obj = luoshi_item_object_new (item);
      g_ptr_array_add (self->objects, obj);
    }

  index_objects (self);

  /* One exact change: the range between the unchanged head and tail. */
  while (prefix < old->len && prefix < n_new &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->objects, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < n_new - prefix &&
         g_ptr_array_index (old, old->len - 1 - suffix) ==
         g_ptr_array_index (self->objects, n_new - 1 - suffix))
    suffix++;

  if (old->len - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old->len - prefix - suffix,
                                n_new - prefix - suffix);
}

LuoshiItemObject *
luoshi_item_list_find (LuoshiItemList *self,
                       gint64          id)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

LuoshiItemObject *
luoshi_item_list_find_at (LuoshiItemList *self,
                          guint           offset)
{
  LuoshiItemObject *best = NULL;

  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), NULL);

  /* Items are by start; the last one starting at or before @offset that
   * still covers it is the innermost. Reports have a few thousand items
   * at most, so a linear scan on a click is fine. */
  for (guint i = 0; i < self->objects->len; i++)
    {
      LuoshiItemObject *obj = g_ptr_array_index (self->objects, i);

      if (luoshi_item_object_get_start (obj) > offset)
        break;
      if (offset < luoshi_item_object_get_end (obj))
        best = obj;
    }

  return best;
}
