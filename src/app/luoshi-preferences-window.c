/* luoshi-preferences-window.c: tolerances, sheet layout, library, style
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-preferences-window.h"
#include "luoshi-sheet.h"
#include "luoshi-store.h"

struct _LuoshiPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkAdjustment        *rate_adjustment;
  GtkAdjustment        *amount_adjustment;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  AdwExpanderRow       *columns_row;
  GtkSwitch            *traditional_switch;
  AdwActionRow         *library_row;
  GtkButton            *library_reset_button;
  AdwComboRow          *scheme_row;

  /* Owned */
  GSettings            *settings;
  GtkSwitch            *column_switches[LUOSHI_SHEET_N_COLUMNS];
  GtkFileChooserNative *chooser;
  gboolean              updating_columns;
};

G_DEFINE_FINAL_TYPE (LuoshiPreferencesWindow, luoshi_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo row positions ↔ enum nicks of the schema. */
static const char *paper_nicks[] = { "A4", "A3", NULL };
static const char *orientation_nicks[] = { "landscape", "portrait", NULL };
static const char *scheme_nicks[] = { "default", "light", "dark", NULL };

static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;
  return g_variant_new_string (nicks[position]);
}

static void
bind_combo (LuoshiPreferencesWindow *self,
            const char              *key,
            AdwComboRow             *row,
            const char             **nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

/* --- Columns ----------------------------------------------------------- */

static void
update_column_switches (LuoshiPreferencesWindow *self)
{
  guint flags = g_settings_get_flags (self->settings, "sheet-columns");
  g_autoptr(GString) shown = g_string_new (NULL);

  self->updating_columns = TRUE;
  for (guint i = 0; i < LUOSHI_SHEET_N_COLUMNS; i++)
    {
      LuoshiSheetColumns column = 1u << i;
      /* The goal column is always printed. */
      gboolean active = column == LUOSHI_SHEET_COLUMN_GOAL || (flags & column) != 0;

      gtk_switch_set_active (self->column_switches[i], active);
      if (active)
        {
          /* Translators: between column names, e.g. "No., Area, Goal" */
          if (shown->len > 0)
            g_string_append (shown, C_("list of names", ", "));
          g_string_append (shown, luoshi_sheet_column_title (column));
        }
    }
  adw_expander_row_set_subtitle (self->columns_row, shown->str);
  self->updating_columns = FALSE;
}

static void
column_switch_cb (LuoshiPreferencesWindow *self,
                  GParamSpec              *pspec,
                  GtkSwitch               *sw)
{
  guint flags = 0;

  if (self->updating_columns)
    return;
  for (guint i = 0; i < LUOSHI_SHEET_N_COLUMNS; i++)
    if (gtk_switch_get_active (self->column_switches[i]))
      flags |= 1u << i;
  g_settings_set_flags (self->settings, "sheet-columns", flags | LUOSHI_SHEET_COLUMN_GOAL);
}

static void
add_column_rows (LuoshiPreferencesWindow *self)
{
  for (guint i = 0; i < LUOSHI_SHEET_N_COLUMNS; i++)
    {
      LuoshiSheetColumns column = 1u << i;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), luoshi_sheet_column_title (column));
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (sw, column != LUOSHI_SHEET_COLUMN_GOAL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      self->column_switches[i] = GTK_SWITCH (sw);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (column_switch_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->columns_row, row);
    }
}

/* --- Library ----------------------------------------------------------- */

static void
update_library_row (LuoshiPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "library-path");
  g_autofree char *shown = NULL;

  if (path[0] == '\0')
    {
      g_autofree char *fallback = luoshi_store_default_path (NULL);
      /* Translators: the library's place when the user chose none */
      shown = g_strdup_printf (_("%s (default)"), fallback ? fallback : "library.db");
    }
  adw_action_row_set_subtitle (self->library_row, shown ? shown : path);
  gtk_widget_set_sensitive (GTK_WIDGET (self->library_reset_button), path[0] != '\0');
}

static void
library_reset_clicked_cb (LuoshiPreferencesWindow *self)
{
  g_settings_reset (self->settings, "library-path");
}

static void
library_chooser_response_cb (LuoshiPreferencesWindow *self,
                             int                      response,
                             GtkFileChooserNative    *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          AdwToast *toast = adw_toast_new (_("The library will be opened from there the next time Luoshi starts"));

          g_settings_set_string (self->settings, "library-path", path);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
        }
    }
  g_clear_object (&self->chooser);
}

static void
library_choose_clicked_cb (LuoshiPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "library-path");

  g_clear_object (&self->chooser);
  /* A save dialog picks an existing database or names a new one. */
  self->chooser = gtk_file_chooser_native_new (_("Choose Library Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "library.db");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (library_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- Appearance -------------------------------------------------------- */

static void
apply_color_scheme (LuoshiPreferencesWindow *self)
{
  /* The enum's values are AdwColorScheme's. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      (AdwColorScheme) g_settings_get_enum (self->settings, "color-scheme"));
}

static void
settings_changed_cb (LuoshiPreferencesWindow *self,
                     const char              *key,
                     GSettings               *settings)
{
  if (g_str_equal (key, "sheet-columns"))
    update_column_switches (self);
  else if (g_str_equal (key, "library-path"))
    update_library_row (self);
  else if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
}

/* --- GObject ----------------------------------------------------------- */

static void
luoshi_preferences_window_dispose (GObject *object)
{
  LuoshiPreferencesWindow *self = LUOSHI_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (luoshi_preferences_window_parent_class)->dispose (object);
}

static void
luoshi_preferences_window_finalize (GObject *object)
{
  LuoshiPreferencesWindow *self = LUOSHI_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (luoshi_preferences_window_parent_class)->finalize (object);
}

static void
luoshi_preferences_window_class_init (LuoshiPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_preferences_window_dispose;
  object_class->finalize = luoshi_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, rate_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, amount_adjustment);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, columns_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, traditional_switch);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, library_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, library_reset_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiPreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_callback (widget_class, library_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, library_choose_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
luoshi_preferences_window_init (LuoshiPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_column_rows (self);
}

LuoshiPreferencesWindow *
luoshi_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  LuoshiPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LUOSHI_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "rate-tolerance", self->rate_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "amount-tolerance", self->amount_adjustment, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "keep-traditional-in-print", self->traditional_switch, "active", G_SETTINGS_BIND_DEFAULT);
  bind_combo (self, "sheet-paper", self->paper_row, paper_nicks);
  bind_combo (self, "sheet-orientation", self->orientation_row, orientation_nicks);
  bind_combo (self, "color-scheme", self->scheme_row, scheme_nicks);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_column_switches (self);
  update_library_row (self);
  return self;
}
