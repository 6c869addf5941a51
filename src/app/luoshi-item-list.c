/* luoshi-item-list.c: the items of one report as a GListModel
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "luoshi-item-list.h"

/* Rows added at once before the rest come in steps: a screenful. */
#define FIRST_ROWS 40
/* Rows added per step until GTK's row widgets are all built. */
#define STEP_ROWS 40
/* GTK 4.8 builds row widgets for at most about 200 items; past that,
 * adding items is cheap and the rest go in one step. */
#define BUILT_ROWS 240

/* Objects are made when GTK or the view asks for them: a 20 MB report
 * has 300,000 items, and making all their objects took 0.7 s. */
struct _LuoshiItemList
{
  GObject     parent_instance;

  GPtrArray  *items;    /* of LuoshiItem, by start */
  GPtrArray  *objects;  /* of LuoshiItemObject or NULL, as items */
  GHashTable *by_id;    /* gint64* (in the item) → index + 1 */
  guint       n_shown;  /* of items, the first so many are in the model */
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

static LuoshiItemObject *
object_at (LuoshiItemList *self,
           guint           index)
{
  LuoshiItemObject *obj = g_ptr_array_index (self->objects, index);

  if (obj == NULL)
    {
      obj = luoshi_item_object_new (g_ptr_array_index (self->items, index));
      g_ptr_array_index (self->objects, index) = obj;
    }
  return obj;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (model);

  if (position >= self->n_shown)
    return NULL;
  return g_object_ref (object_at (self, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_object (gpointer object)
{
  g_clear_object (&object);
}

static void
luoshi_item_list_finalize (GObject *object)
{
  LuoshiItemList *self = LUOSHI_ITEM_LIST (object);

  g_clear_handle_id (&self->step_source, g_source_remove);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

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
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  self->objects = g_ptr_array_new_with_free_func (clear_object);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
}

LuoshiItemList *
luoshi_item_list_new (void)
{
  return g_object_new (LUOSHI_TYPE_ITEM_LIST, NULL);
}

static gint64
id_at (GPtrArray *items,
       guint      index)
{
  return ((LuoshiItem *) g_ptr_array_index (items, index))->id;
}

/* Sets items and objects anew, keeping the objects of items still
 * there (by id) so the rows showing them follow the change. */
static void
replace_items (LuoshiItemList *self,
               GPtrArray      *items)
{
  /* The old index's keys live in the old items: keep them till done. */
  g_autoptr(GPtrArray) old_items = g_steal_pointer (&self->items);
  g_autoptr(GPtrArray) old_objects = g_steal_pointer (&self->objects);
  g_autoptr(GHashTable) old_by_id = g_steal_pointer (&self->by_id);
  guint n_new = items ? items->len : 0;

  self->items = g_ptr_array_new_full (n_new, (GDestroyNotify) luoshi_item_unref);
  self->objects = g_ptr_array_new_full (n_new, clear_object);
  self->by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n_new; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (old_by_id, &item->id));
      LuoshiItemObject *obj = NULL;

      if (old > 0)
        {
          /* Taken over: the old array must not unref it. */
          obj = g_ptr_array_index (old_objects, old - 1);
          g_ptr_array_index (old_objects, old - 1) = NULL;
        }
      if (obj != NULL)
        luoshi_item_object_set_item (obj, item);
      g_ptr_array_add (self->items, luoshi_item_ref (item));
      g_ptr_array_add (self->objects, obj);
      /* The key lives in the item the list holds. */
      g_hash_table_insert (self->by_id, &item->id, GUINT_TO_POINTER (i + 1));
    }
}

/* Adds the next objects to the model; the last step adds all the rest. */
static void
show_more (LuoshiItemList *self,
           guint           count)
{
  guint from = self->n_shown;

  self->n_shown = count < self->items->len - from ? from + count : self->items->len;
  g_list_model_items_changed (G_LIST_MODEL (self), from, 0, self->n_shown - from);
}

static gboolean
step_cb (gpointer data)
{
  LuoshiItemList *self = data;

  show_more (self, self->n_shown < BUILT_ROWS ? STEP_ROWS : G_MAXUINT);
  if (self->n_shown < self->items->len)
    return G_SOURCE_CONTINUE;

  self->step_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  return G_SOURCE_REMOVE;
}

void
luoshi_item_list_set_items (LuoshiItemList *self,
                            GPtrArray      *items)
{
  g_autoptr(GPtrArray) old_ids = NULL;
  gboolean was_complete;
  guint n_new = items ? items->len : 0;
  guint n_old;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (LUOSHI_IS_ITEM_LIST (self));

  was_complete = luoshi_item_list_get_complete (self);
  n_old = self->n_shown;
  old_ids = g_ptr_array_ref (self->items);
  g_clear_handle_id (&self->step_source, g_source_remove);
  replace_items (self, items);

  /* One exact change: the range between the unchanged head and tail
   * (of what the model showed; a tail still waiting was not shown).
   * An item that kept its id kept its object, which notifies. */
  while (prefix < n_old && prefix < n_new &&
         id_at (old_ids, prefix) == id_at (self->items, prefix))
    prefix++;
  while (was_complete && suffix < n_old - prefix && suffix < n_new - prefix &&
         id_at (old_ids, n_old - 1 - suffix) == id_at (self->items, n_new - 1 - suffix))
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
  return self->n_shown == self->items->len;
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
  guint index;

  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, &id));
  return index > 0 ? object_at (self, index - 1) : NULL;
}

guint
luoshi_item_list_get_index (LuoshiItemList   *self,
                            LuoshiItemObject *object)
{
  LuoshiItem *item;
  guint index;

  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (object), GTK_INVALID_LIST_POSITION);

  item = luoshi_item_object_get_item (object);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_id, &item->id));
  if (index == 0 || g_ptr_array_index (self->objects, index - 1) != object)
    return GTK_INVALID_LIST_POSITION;
  return index - 1;
}

LuoshiItemObject *
luoshi_item_list_find_at (LuoshiItemList *self,
                          guint           offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (LUOSHI_IS_ITEM_LIST (self), NULL);

  /* Items are by start: find the first starting after @offset, then
   * the last one before it that covers @offset is the innermost. */
  hi = self->items->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((LuoshiItem *) g_ptr_array_index (self->items, mid))->start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo-- > 0)
    {
      LuoshiItem *item = g_ptr_array_index (self->items, lo);

      if (offset < item->end)
        return object_at (self, lo);
    }
  return NULL;
}
