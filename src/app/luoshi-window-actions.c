/* luoshi-window-actions.c: the window's actions and their enabled states
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-report-dialog.h"
#include "luoshi-report-view.h"
#include "luoshi-util.h"
#include "luoshi-window-private.h"

static LuoshiStore *
get_store (LuoshiWindow *self)
{
  return self->context ? luoshi_context_get_store (self->context) : NULL;
}

static gint64
selected_item_id (LuoshiWindow *self)
{
  LuoshiItemObject *obj = luoshi_report_view_get_selected_item (self->report_view);

  return obj ? luoshi_item_object_get_id (obj) : 0;
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _luoshi_window_open_folder (LUOSHI_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (get_store (self) == NULL)
    return;

  if (g_str_equal (action_name, "win.undo"))
    ok = luoshi_store_undo (get_store (self), &error);
  else
    ok = luoshi_store_redo (get_store (self), &error);

  if (!ok && error != NULL)
    luoshi_widget_show_error (widget, error);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _luoshi_window_show_search (LUOSHI_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  const char *page = g_variant_get_string (param, NULL);

  if (g_str_equal (page, "search"))
    {
      _luoshi_window_show_search (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LuoshiItemKind kind;
  guint start, end;
  gint64 id;

  if (!luoshi_item_kind_from_string (g_variant_get_string (param, NULL), &kind) ||
      !luoshi_report_view_get_text_selection (self->report_view, &start, &end))
    return;

  /* The same text twice would count it twice: show the one there is. */
  if ((id = luoshi_report_view_find_item (self->report_view, start, end)) > 0)
    {
      luoshi_report_view_select_item (self->report_view, id);
      _luoshi_window_toast (self, _("This text is an item already"));
      return;
    }

  id = luoshi_store_add_item (get_store (self),
                              luoshi_report_view_get_report_id (self->report_view),
                              kind, start, end, &error);
  if (id == 0)
    {
      luoshi_widget_show_error (widget, error);
      return;
    }
  /* The store's "changed" has refreshed the table already. */
  luoshi_report_view_select_item (self->report_view, id);
}

static void
set_item_kind_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LuoshiItemKind kind;
  gint64 id = selected_item_id (self);

  if (id == 0 || !luoshi_item_kind_from_string (g_variant_get_string (param, NULL), &kind))
    return;
  if (!luoshi_store_set_item_kind (get_store (self), id, kind, &error))
    luoshi_widget_show_error (widget, error);
}

static void
set_item_key_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  LuoshiItemObject *obj = luoshi_report_view_get_selected_item (self->report_view);
  g_autoptr(GError) error = NULL;
  gboolean key;

  if (obj == NULL)
    return;

  /* win.toggle-item-key flips it; win.set-item-key sets it. */
  if (param != NULL)
    key = g_variant_get_boolean (param);
  else
    key = !luoshi_item_object_get_item (obj)->key;

  if (!luoshi_store_set_item_key (get_store (self), luoshi_item_object_get_id (obj), key, &error))
    luoshi_widget_show_error (widget, error);
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = selected_item_id (self);
  AdwToast *toast;

  if (id == 0)
    return;
  if (!luoshi_store_delete_item (get_store (self), id, &error))
    {
      luoshi_widget_show_error (widget, error);
      return;
    }

  toast = adw_toast_new (_("Item deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
edit_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  LuoshiReportDialog *dialog;

  dialog = luoshi_report_dialog_new (GTK_WINDOW (self), get_store (self),
                                     luoshi_report_view_get_report_id (self->report_view),
                                     &error);
  if (dialog == NULL)
    {
      luoshi_widget_show_error (widget, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toggle_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  luoshi_report_view_toggle_outline (LUOSHI_WINDOW (widget)->report_view);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _luoshi_window_cancel_import (LUOSHI_WINDOW (widget));
}

static void
show_failures_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  _luoshi_window_show_failures (LUOSHI_WINDOW (widget));
}

static void
set_tooltip (GtkWidget  *button,
             const char *fallback,
             char       *label,   /* owned */
             const char *accel)
{
  g_autofree char *owned = label;
  g_autofree char *text = NULL;

  /* Translators: a button tooltip: action (shortcut), e.g. "Undo Edit Note (Ctrl+Z)" */
  text = g_strdup_printf (_("%s (%s)"), owned ? owned : fallback, accel);
  gtk_widget_set_tooltip_text (button, text);
}

/* The tracking sheet of the pair shown on the Tracking page. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);

  luoshi_tracking_view_print (self->tracking_view);
}

/* Recomputes every action's enabled state; called on each change. */
void
_luoshi_window_actions_update (LuoshiWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  LuoshiStore *store = get_store (self);
  gboolean has_report = store != NULL && luoshi_report_view_get_report_id (self->report_view) > 0;
  gboolean has_item = has_report && selected_item_id (self) > 0;
  gboolean has_text = has_report && luoshi_report_view_get_text_selection (self->report_view, NULL, NULL);
  gboolean can_undo = store != NULL && luoshi_store_can_undo (store);
  gboolean can_redo = store != NULL && luoshi_store_can_redo (store);

  gtk_widget_action_set_enabled (widget, "win.open-folder", store != NULL);
  gtk_widget_action_set_enabled (widget, "win.search", store != NULL);
  gtk_widget_action_set_enabled (widget, "win.show-page", store != NULL);
  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);
  gtk_widget_action_set_enabled (widget, "win.add-item", has_text);
  gtk_widget_action_set_enabled (widget, "win.set-item-kind", has_item);
  gtk_widget_action_set_enabled (widget, "win.set-item-key", has_item);
  gtk_widget_action_set_enabled (widget, "win.toggle-item-key", has_item);
  gtk_widget_action_set_enabled (widget, "win.delete-item", has_item);
  gtk_widget_action_set_enabled (widget, "win.edit-report", has_report);
  gtk_widget_action_set_enabled (widget, "win.toggle-outline", has_report);
  gtk_widget_action_set_enabled (widget, "win.cancel-import", self->job != NULL);
  gtk_widget_action_set_enabled (widget, "win.print", luoshi_tracking_view_get_chain_id (self->tracking_view) != 0);
  gtk_widget_action_set_enabled (widget, "win.show-import-failures",
                                 self->failures != NULL && self->failures->len > 0);

  set_tooltip (GTK_WIDGET (self->undo_button), _("Undo"),
               can_undo ? luoshi_store_get_undo_label (store) : NULL, _("Ctrl+Z"));
  set_tooltip (GTK_WIDGET (self->redo_button), _("Redo"),
               can_redo ? luoshi_store_get_redo_label (store) : NULL, _("Shift+Ctrl+Z"));
}

void
_luoshi_window_class_actions_init (LuoshiWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", "s", add_item_action);
  gtk_widget_class_install_action (widget_class, "win.set-item-kind", "s", set_item_kind_action);
  gtk_widget_class_install_action (widget_class, "win.set-item-key", "b", set_item_key_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-item-key", NULL, set_item_key_action);
  gtk_widget_class_install_action (widget_class, "win.delete-item", NULL, delete_item_action);
  gtk_widget_class_install_action (widget_class, "win.edit-report", NULL, edit_report_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-outline", NULL, toggle_outline_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-import-failures", NULL, show_failures_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.add-item", "s", "goal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.add-item", "s", "achievement");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.add-item", "s", "problem");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_ALT_MASK, "win.set-item-kind", "s", "goal");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_ALT_MASK, "win.set-item-kind", "s", "achievement");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_ALT_MASK, "win.set-item-kind", "s", "problem");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.toggle-item-key", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-outline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "reports");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "search");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "tracking");
}
