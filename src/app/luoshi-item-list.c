/* luoshi-item-list.c: the items of one report as a GListModel
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/gdk.h>

#include "luoshi-item-list.h"

/* Rows added at once before the rest come in steps: a screenful. */
#define FIRST_ROWS 40
/* Rows added per step until GTK's row widgets are all built. */
#define STEP_ROWS 40
/* GTK 4.8 builds row widgets for at most about 200 items; past that,
 * adding items is cheap and the rest go in one step. */
#define BUILT_ROWS 240

struct _LuoshiItemList
{
  GObject     parent_instance;

  GPtrArray  *objects;  /* of LuoshiItemObject, by start */
  GHashTable *by_id;    /* gint64* → LuoshiItemObject (borrowed) */
  guint       n_shown;  /* of objects, the first so many are in the model */
  guint       step_source;
};

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  return LUOSHI_ITEM_LIST (model)->n_shown;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (model);

  if (position >= self->n_shown)
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

  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);

  G_OBJECT_CLASS (luoshi_item_list_parent_class)->finalize (object);
}

static void
luoshi_item_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, luoshi_item_list_get_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_item_list_class_init (LuoshiItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = luoshi_item_list_finalize;
  object_class->get_property = luoshi_item_list_get_property;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
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

/* Adds the next objects to the model; the last step adds all the rest. */
static void
show_more (LuoshiItemList *self,
           guint           count)
{
  guint from = self->n_shown;

  self->n_shown = count < self->objects->len - from ? from + count : self->objects->len;
  g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->n_shown - from);
}

static gboolean
step_cb (gpointer data)
{
  LuoshiItemList *self = data;

  show_more (self, self->n_shown < BUILT_ROWS ? STEP_ROWS : G_MAXUINT);
  if (self->n_shown < self->objects->len)
    return G_SOURCE_CONTINUE;

  self->step_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  return G_SOURCE_REMOVE;
}

void
luoshi_item_list_set_items (LuoshiItemList *self,
                            GPtrArray      *items)
{
  g_autoptr(GPtrArray) old = NULL;
  gboolean was_complete;
  guint n_new = items ? items->len : 0;
  guint n_old;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (LUOSHI_IS_ITEM_LIST (self));

  was_complete = luoshi_item_list_get_complete (self);
  n_old = self->n_shown;
  old = g_steal_pointer (&self->objects);
  self->objects = g_ptr_array_new_full (n_new, g_object_unref);
  g_clear_handle_id (&self->step_source, g_source_remove);

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

  /* One exact change: the range between the unchanged head and tail
   * (of what the model showed; a tail still waiting was not shown). */
  while (prefix < n_old && prefix < n_new &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (self->objects, prefix))
    prefix++;
  while (was_complete && suffix < n_old - prefix && suffix < n_new - prefix &&
         g_ptr_array_index (old, n_old - 1 - suffix) ==
         g_ptr_array_index (self->objects, n_new - 1 - suffix))
    suffix++;

  /* Many new rows (another report): a screenful now, the rest in steps. */
  if (n_new - prefix - suffix > FIRST_ROWS + STEP_ROWS)
    {
      self->n_shown = prefix + FIRST_ROWS;
      suffix = 0;
      /* Between drawing frames and GtkTextView's layout of a long text,
       * which would otherwise hold the steps back for most of a second. */
      self->step_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, step_cb, self, NULL);
    }
  else
    self->n_shown = n_new;

  if (n_old - prefix - suffix > 0 || self->n_shown - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix,
                                self->n_shown - prefix - suffix);
  if (was_complete != luoshi_item_list_get_complete (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
luoshi_item_list_get_complete (LuoshiItemList *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), TRUE);
  return self->n_shown == self->objects->len;
}

void
luoshi_item_list_complete (LuoshiItemList *self)
{
  g_return_if_fail (LUOSHI_IS_ITEM_LIST (self));

  if (self->step_source == 0)
    return;
  g_clear_handle_id (&self->step_source, g_source_remove);
  show_more (self, G_MAXUINT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
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
