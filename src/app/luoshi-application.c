/* luoshi-application.c: the application object
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-application.h"
#include "luoshi-preferences-window.h"
#include "luoshi-window.h"

struct _LuoshiApplication
{
  AdwApplication  parent_instance;

  LuoshiContext  *context;
  GSettings      *settings;
  char           *library_path;
  GError         *library_error;  /* why the library could not be opened */
  gint64          start_time;
};

G_DEFINE_FINAL_TYPE (LuoshiApplication, luoshi_application, ADW_TYPE_APPLICATION)

/* The settings, or NULL when the schema is not installed (running from a
 * build tree without GSETTINGS_SCHEMA_DIR): the app then just does not
 * remember window sizes and folders. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; settings will not be saved", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
library_path (LuoshiApplication  *self,
              GError            **error)
{
  const char *env = g_getenv ("LUOSHI_LIBRARY");
  g_autofree char *setting = NULL;

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (self->settings != NULL)
    setting = g_settings_get_string (self->settings, "library-path");
  if (setting != NULL && setting[0] != '\0')
    return g_steal_pointer (&setting);
  return luoshi_store_default_path (error);
}

static void
open_library (LuoshiApplication *self)
{
  g_autoptr(LuoshiStore) store = NULL;

  self->library_path = library_path (self, &self->library_error);
  if (self->library_path == NULL)
    return;

  /* A corrupt, locked or newer file gives an error and stays untouched. */
  store = luoshi_store_new (self->library_path, &self->library_error);
  if (store == NULL)
    {
      g_debug ("Could not open the library “%s”: %s",
                 self->library_path, self->library_error->message);
      return;
    }

  self->context = luoshi_context_new (store, self->settings);
}

static LuoshiWindow *
get_window (LuoshiApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LUOSHI_IS_WINDOW (window))
    return LUOSHI_WINDOW (window);

  window = GTK_WINDOW (luoshi_window_new (ADW_APPLICATION (self), self->context));
  if (self->library_error != NULL)
    luoshi_window_show_library_error (LUOSHI_WINDOW (window), self->library_path,
                                      self->library_error);
  return LUOSHI_WINDOW (window);
}

static void
luoshi_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (LUOSHI_APPLICATION (app))));
}

static void
luoshi_application_open (GApplication  *app,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  LuoshiWindow *window = get_window (LUOSHI_APPLICATION (app));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);

  gtk_window_present (GTK_WINDOW (window));
  luoshi_window_import (window, (const char * const *) paths);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing (not destroying) saves each window's size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "The Luoshi authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Luoshi",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Luoshi authors"),
                        "developers", developers,
                        "copyright", "© 2026 The Luoshi authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Read work reports beside their goals, achievements and problems, and track whether last year’s goals were met"),
                        /* Translators: your name, to credit you in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  luoshi_application_show_preferences (LUOSHI_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
luoshi_application_startup (GApplication *app)
{
  LuoshiApplication *self = LUOSHI_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (luoshi_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);

  self->settings = create_settings ();
  /* "default" follows the desktop; the values are AdwColorScheme's. */
  if (self->settings != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        g_settings_get_enum (self->settings, "color-scheme"));
  /* style.css and the icons come from the resource base path. */

  open_library (self);
}

static void
luoshi_application_dispose (GObject *object)
{
  LuoshiApplication *self = LUOSHI_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (luoshi_application_parent_class)->dispose (object);
}

static void
luoshi_application_finalize (GObject *object)
{
  LuoshiApplication *self = LUOSHI_APPLICATION (object);

  g_clear_pointer (&self->library_path, g_free);
  g_clear_error (&self->library_error);

  G_OBJECT_CLASS (luoshi_application_parent_class)->finalize (object);
}

static void
luoshi_application_class_init (LuoshiApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = luoshi_application_dispose;
  object_class->finalize = luoshi_application_finalize;

  app_class->startup = luoshi_application_startup;
  app_class->activate = luoshi_application_activate;
  app_class->open = luoshi_application_open;
}

static void
luoshi_application_init (LuoshiApplication *self)
{
  self->start_time = g_get_monotonic_time ();
}

LuoshiApplication *
luoshi_application_new (const char        *application_id,
                        GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LUOSHI_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/io/github/luoshi/Luoshi",
                       NULL);
}

LuoshiContext *
luoshi_application_get_context (LuoshiApplication *self)
{
  g_return_val_if_fail (LUOSHI_IS_APPLICATION (self), NULL);
  return self->context;
}

gint64
luoshi_application_get_start_time (LuoshiApplication *self)
{
  g_return_val_if_fail (LUOSHI_IS_APPLICATION (self), 0);
  return self->start_time;
}

void
luoshi_application_show_preferences (LuoshiApplication *self)
{
  g_autoptr(LuoshiPreferencesWindow) preferences = NULL;

  g_return_if_fail (LUOSHI_IS_APPLICATION (self));

  /* Without the installed schema there is nothing to keep preferences in. */
  if (self->settings == NULL)
    return;
  preferences = luoshi_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                               self->settings);
  gtk_window_present (GTK_WINDOW (g_steal_pointer (&preferences)));
}
