/* luoshi-item-object.c: a LuoshiItem as a GObject for list models
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-item-object.h"
#include "luoshi-metric.h"

struct _LuoshiItemObject
{
  GObject     parent_instance;

  LuoshiItem *item;
  char       *figures;   /* cached: formatting is not free and cells ask often */
  char       *tags;
};

G_DEFINE_FINAL_TYPE (LuoshiItemObject, luoshi_item_object, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_KIND_MARKUP,
  PROP_TEXT,
  PROP_FIGURES,
  PROP_SECTION,
  PROP_STATUS_LABEL,
  PROP_NOTE,
  PROP_KEY,
  PROP_TAGS,
  PROP_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
luoshi_item_kind_get_label (LuoshiItemKind kind)
{
  switch (kind)
    {
    case LUOSHI_ITEM_GOAL:
      return _("Goal");
    case LUOSHI_ITEM_ACHIEVEMENT:
      return _("Achievement");
    case LUOSHI_ITEM_PROBLEM:
      return _("Problem");
    default:
      return "";
    }
}

char *
luoshi_item_format_figures (LuoshiItem *item)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; item->metrics != NULL && i < item->metrics->len; i++)
    {
      g_autofree char *one = luoshi_metric_format (g_ptr_array_index (item->metrics, i));

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, one);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* A coloured dot before the kind's name; mid tones that read on light
 * and dark backgrounds alike (the GNOME palette's blue 3, green 4,
 * orange 4). */
static char *
kind_markup (LuoshiItemKind kind)
{
  static const char *colors[] = { "#3584e4", "#2ec27e", "#e66100" };
  g_autofree char *label = g_markup_escape_text (luoshi_item_kind_get_label (kind), -1);

  return g_strdup_printf ("<span foreground=\"%s\">●</span> %s",
                          colors[MIN (kind, G_N_ELEMENTS (colors) - 1)], label);
}

static char *
join_tags (LuoshiItem *item)
{
  if (item->tags == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", item->tags);
}

static void
luoshi_item_object_finalize (GObject *object)
{
  LuoshiItemObject *self = LUOSHI_ITEM_OBJECT (object);

  g_clear_pointer (&self->item, luoshi_item_unref);
  g_clear_pointer (&self->figures, g_free);
  g_clear_pointer (&self->tags, g_free);

  G_OBJECT_CLASS (luoshi_item_object_parent_class)->finalize (object);
}

static void
luoshi_item_object_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LuoshiItemObject *self = LUOSHI_ITEM_OBJECT (object);
  LuoshiItem *item = self->item;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, item->id);
      break;
    case PROP_KIND:
      g_value_set_int (value, item->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, luoshi_item_kind_get_label (item->kind));
      break;
    case PROP_KIND_MARKUP:
      g_value_take_string (value, kind_markup (item->kind));
      break;
    case PROP_TEXT:
      g_value_set_string (value, item->text);
      break;
    case PROP_FIGURES:
      g_value_set_string (value, self->figures);
      break;
    case PROP_SECTION:
      g_value_set_string (value, item->section_path ? item->section_path : "");
      break;
    case PROP_STATUS_LABEL:
      /* An unrated item shows no verdict in the table. */
      g_value_set_string (value, item->status == LUOSHI_STATUS_UNRATED ? "" : luoshi_status_get_label (item->status));
      break;
    case PROP_NOTE:
      g_value_set_string (value, item->note ? item->note : "");
      break;
    case PROP_KEY:
      g_value_set_boolean (value, item->key);
      break;
    case PROP_TAGS:
      g_value_set_string (value, self->tags);
      break;
    case PROP_START:
      g_value_set_uint (value, item->start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_item_object_class_init (LuoshiItemObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = luoshi_item_object_finalize;
  object_class->get_property = luoshi_item_object_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, "", flags);
  properties[PROP_KIND_MARKUP] = g_param_spec_string ("kind-markup", NULL, NULL, "", flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  properties[PROP_FIGURES] = g_param_spec_string ("figures", NULL, NULL, "", flags);
  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, "", flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, "", flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", flags);
  properties[PROP_KEY] = g_param_spec_boolean ("key", NULL, NULL, FALSE, flags);
  properties[PROP_TAGS] = g_param_spec_string ("tags", NULL, NULL, "", flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
luoshi_item_object_init (LuoshiItemObject *self)
{
}

LuoshiItemObject *
luoshi_item_object_new (LuoshiItem *item)
{
  LuoshiItemObject *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_ITEM_OBJECT, NULL);
  self->item = luoshi_item_ref (item);
  self->figures = luoshi_item_format_figures (item);
  self->tags = join_tags (item);
  return self;
}

LuoshiItem *
luoshi_item_object_get_item (LuoshiItemObject *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (self), NULL);
  return self->item;
}

gint64
luoshi_item_object_get_id (LuoshiItemObject *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (self), 0);
  return self->item->id;
}

LuoshiItemKind
luoshi_item_object_get_kind (LuoshiItemObject *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (self), 0);
  return self->item->kind;
}

guint
luoshi_item_object_get_start (LuoshiItemObject *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (self), 0);
  return self->item->start;
}

guint
luoshi_item_object_get_end (LuoshiItemObject *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_OBJECT (self), 0);
  return self->item->end;
}

static gboolean
str_changed (const char *a,
             const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") != 0;
}

void
luoshi_item_object_set_item (LuoshiItemObject *self,
                             LuoshiItem       *item)
{
  g_autoptr(LuoshiItem) old = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *tags = NULL;

  g_return_if_fail (LUOSHI_IS_ITEM_OBJECT (self));
  g_return_if_fail (item != NULL);

  if (item == self->item)
    return;

  old = g_steal_pointer (&self->item);
  self->item = luoshi_item_ref (item);
  figures = luoshi_item_format_figures (item);
  tags = join_tags (item);

  g_object_freeze_notify (G_OBJECT (self));
  if (old->kind != item->kind)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND_MARKUP]);
    }
  if (str_changed (old->text, item->text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (str_changed (self->figures, figures))
    {
      g_free (self->figures);
      self->figures = g_steal_pointer (&figures);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIGURES]);
    }
  if (str_changed (old->section_path, item->section_path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
  if (old->status != item->status)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
  if (str_changed (old->note, item->note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
  if (old->key != item->key)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
  if (str_changed (self->tags, tags))
    {
      g_free (self->tags);
      self->tags = g_steal_pointer (&tags);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
    }
  if (old->start != item->start)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  g_object_thaw_notify (G_OBJECT (self));
}
