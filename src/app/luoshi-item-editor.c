/* luoshi-item-editor.c: the panel that edits the selected item
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "luoshi-item-editor-private.h"
#include "luoshi-metric.h"
#include "luoshi-util.h"

struct _LuoshiItemEditor
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  AdwComboRow      *kind_row;
  GtkSwitch        *key_switch;
  AdwEntryRow      *text_row;
  AdwEntryRow      *figures_row;
  AdwEntryRow      *note_row;
  AdwEntryRow      *tags_row;

  /* Owned */
  LuoshiStore      *store;
  LuoshiItemObject *item;
  gulong            notify_id;

  /* Set while fields are filled from the item, so that filling them does
   * not write back to the store. */
  gboolean          updating;
};

G_DEFINE_FINAL_TYPE (LuoshiItemEditor, luoshi_item_editor, GTK_TYPE_WIDGET)

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  /* Only on change: setting the same text would drop the user's cursor. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The figures as written ("95%以上, 3-5所"), which the parser reads back
 * unchanged; the formatted form ("≥ 95%") is for reading only. */
static char *
figures_as_written (LuoshiItem *item)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; item->metrics != NULL && i < item->metrics->len; i++)
    {
      LuoshiMetric *metric = g_ptr_array_index (item->metrics, i);

      if (str->len > 0)
        g_string_append (str, ", ");
      g_string_append (str, metric->text);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
update_fields (LuoshiItemEditor *self)
{
  LuoshiItem *item;
  g_autofree char *figures = NULL;
  g_autofree char *tags = NULL;

  if (self->item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  item = luoshi_item_object_get_item (self->item);
  figures = figures_as_written (item);
  tags = item->tags ? g_strjoinv (", ", item->tags) : g_strdup ("");

  self->updating = TRUE;
  adw_combo_row_set_selected (self->kind_row, item->kind);
  gtk_switch_set_active (self->key_switch, item->key);
  set_entry (self->text_row, item->text);
  set_entry (self->figures_row, figures);
  set_entry (self->note_row, item->note);
  set_entry (self->tags_row, tags);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "item");
}

static gint64
current_id (LuoshiItemEditor *self)
{
  return self->item ? luoshi_item_object_get_id (self->item) : 0;
}

static void
report (LuoshiItemEditor *self,
        GError           *error)
{
  luoshi_widget_show_error (GTK_WIDGET (self), error);
  /* Show what the store really holds. */
  update_fields (self);
}

static void
kind_selected_cb (LuoshiItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->updating || self->item == NULL || selected > LUOSHI_ITEM_PROBLEM)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-item-kind", "s",
                              luoshi_item_kind_to_string (selected));
}

static void
key_active_cb (LuoshiItemEditor *self)
{
  if (self->updating || self->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-item-key", "b",
                              gtk_switch_get_active (self->key_switch));
}

static void
text_apply_cb (LuoshiItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));

  if (self->item == NULL || self->store == NULL)
    return;
  if (text[0] == '\0')
    {
      g_set_error_literal (&error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                           _("An item’s text cannot be empty; delete the item instead"));
      report (self, error);
      return;
    }
  if (!luoshi_store_set_item_text (self->store, current_id (self), text, &error))
    report (self, error);
}

static void
figures_apply_cb (LuoshiItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) metrics = NULL;

  if (self->item == NULL || self->store == NULL)
    return;
  /* The user writes figures as a report would ("≥ 95%, 3-5所"); the
   * parser turns them into the same values extraction gives. */
  metrics = luoshi_metric_parse (gtk_editable_get_text (GTK_EDITABLE (self->figures_row)));
  if (!luoshi_store_set_item_metrics (self->store, current_id (self), metrics, &error))
    report (self, error);
}

static void
note_apply_cb (LuoshiItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));

  if (self->item == NULL || self->store == NULL)
    return;
  if (!luoshi_store_set_item_note (self->store, current_id (self), note, &error))
    report (self, error);
}

static void
tags_apply_cb (LuoshiItemEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  g_auto(GStrv) tags = NULL;
  const char *text;

  if (self->item == NULL || self->store == NULL)
    return;

  /* Both ASCII and full-width commas separate tags. */
  text = gtk_editable_get_text (GTK_EDITABLE (self->tags_row));
  parts = g_regex_split_simple ("[,，、;；]", text, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  tags = g_strv_builder_end (builder);

  if (!luoshi_store_set_item_tags (self->store, current_id (self),
                                   (const char * const *) tags, &error))
    report (self, error);
}

static void
luoshi_item_editor_dispose (GObject *object)
{
  LuoshiItemEditor *self = LUOSHI_ITEM_EDITOR (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_clear_object (&self->item);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_ITEM_EDITOR);
  /* dispose_template() only unparents bound children; ours has an
   * unnamed box at the top. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (luoshi_item_editor_parent_class)->dispose (object);
}

static void
luoshi_item_editor_class_init (LuoshiItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_item_editor_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, key_switch);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, text_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, figures_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiItemEditor, tags_row);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, figures_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, tags_apply_cb);
}

static void
luoshi_item_editor_init (LuoshiItemEditor *self)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Report text in the entries uses Simplified Chinese glyphs. */
  adw_entry_row_set_attributes (self->text_row, attrs);
  adw_entry_row_set_attributes (self->note_row, attrs);
  adw_entry_row_set_attributes (self->tags_row, attrs);
}

void
luoshi_item_editor_set_store (LuoshiItemEditor *self,
                              LuoshiStore      *store)
{
  g_return_if_fail (LUOSHI_IS_ITEM_EDITOR (self));
  g_return_if_fail (store == NULL || LUOSHI_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
luoshi_item_editor_set_item (LuoshiItemEditor *self,
                             LuoshiItemObject *item)
{
  g_return_if_fail (LUOSHI_IS_ITEM_EDITOR (self));
  g_return_if_fail (item == NULL || LUOSHI_IS_ITEM_OBJECT (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_id = g_signal_connect_swapped (item, "notify", G_CALLBACK (update_fields), self);

  update_fields (self);
}

LuoshiItemObject *
luoshi_item_editor_get_item (LuoshiItemEditor *self)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_EDITOR (self), NULL);
  return self->item;
}

GtkWidget *
_luoshi_item_editor_get_row (LuoshiItemEditor *self,
                             const char       *field)
{
  g_return_val_if_fail (LUOSHI_IS_ITEM_EDITOR (self), NULL);

  if (g_str_equal (field, "text"))
    return GTK_WIDGET (self->text_row);
  if (g_str_equal (field, "figures"))
    return GTK_WIDGET (self->figures_row);
  if (g_str_equal (field, "note"))
    return GTK_WIDGET (self->note_row);
  if (g_str_equal (field, "tags"))
    return GTK_WIDGET (self->tags_row);
  return NULL;
}
