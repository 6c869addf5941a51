/* luoshi-window.c: the main window
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-application.h"
#include "luoshi-import.h"
#include "luoshi-report-view.h"
#include "luoshi-search-page.h"
#include "luoshi-util.h"
#include "luoshi-window-private.h"

/* How many folders the welcome page remembers. */
#define MAX_RECENT 6

G_DEFINE_FINAL_TYPE (LuoshiWindow, luoshi_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LuoshiStore *
get_store (LuoshiWindow *self)
{
  return self->context ? luoshi_context_get_store (self->context) : NULL;
}

void
_luoshi_window_toast (LuoshiWindow *self,
                      const char   *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* --- Benchmark ------------------------------------------------------------ */

/* A long report goes on filling the view after its first frame. */
static void
report_complete_cb (LuoshiWindow *self)
{
  if (self->bench_report_since == 0 || !luoshi_report_view_get_complete (self->report_view))
    return;
  luoshi_bench_mark (self->bench, "report-complete", self->bench_report_since);
  self->bench_report_since = 0;
}

static void
luoshi_window_map (GtkWidget *widget)
{
  LuoshiWindow *self = LUOSHI_WINDOW (widget);
  GtkApplication *app;

  GTK_WIDGET_CLASS (luoshi_window_parent_class)->map (widget);

  if (self->bench == NULL || self->bench_mapped)
    return;
  self->bench_mapped = TRUE;
  luoshi_bench_watch (self->bench, widget);
  app = gtk_window_get_application (GTK_WINDOW (self));
  if (LUOSHI_IS_APPLICATION (app))
    luoshi_bench_mark (self->bench, "first-frame",
                       luoshi_application_get_start_time (LUOSHI_APPLICATION (app)));
}

/* --- Sidebar ------------------------------------------------------------- */

static void
report_filter_changed_cb (LuoshiWindow *self)
{
  luoshi_report_list_set_filter (self->report_list,
                                 gtk_editable_get_text (GTK_EDITABLE (self->report_filter)));
}

/* Rebuilds the sidebar from the store; keeps the selected report. */
static guint
fill_sidebar (LuoshiWindow *self)
{
  LuoshiStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  guint n_reports;

  if (store == NULL)
    return 0;

  if (!luoshi_report_list_load (self->report_list, store, &error))
    luoshi_widget_show_error (GTK_WIDGET (self), error);
  n_reports = luoshi_report_list_get_n_reports (self->report_list);
  gtk_stack_set_visible_child_name (self->sidebar_stack, n_reports > 0 ? "list" : "empty");
  return n_reports;
}

static void
report_selected_cb (LuoshiWindow     *self,
                    gint64            report_id,
                    LuoshiReportList *list)
{
  g_autoptr(GError) error = NULL;

  if (!luoshi_window_show_report (self, report_id, &error))
    luoshi_widget_show_error (GTK_WIDGET (self), error);
}

static void
report_activated_cb (LuoshiWindow     *self,
                     gint64            report_id,
                     LuoshiReportList *list)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (LuoshiWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
report_selection_changed_cb (LuoshiWindow *self)
{
  _luoshi_window_actions_update (self);
}

static void
search_hit_activated_cb (LuoshiWindow *self,
                         gint64        report_id,
                         guint         start,
                         guint         end)
{
  g_autoptr(GError) error = NULL;

  if (!luoshi_window_show_report (self, report_id, &error))
    {
      luoshi_widget_show_error (GTK_WIDGET (self), error);
      return;
    }
  luoshi_report_view_select_span (self->report_view, start, end);
}

/* --- Recent folders ------------------------------------------------------ */

static void
fill_recent (LuoshiWindow *self)
{
  g_auto(GStrv) recent = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    recent = g_settings_get_strv (self->settings, "recent-folders");

  for (guint i = 0; recent != NULL && recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autofree char *title = g_markup_escape_text (name, -1);
      g_autofree char *subtitle = g_markup_escape_text (recent[i], -1);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
remember_folders (LuoshiWindow       *self,
                  const char * const *paths)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 0;

  if (self->settings == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; paths[i] != NULL && n < MAX_RECENT; i++)
    if (g_file_test (paths[i], G_FILE_TEST_IS_DIR))
      {
        g_strv_builder_add (builder, paths[i]);
        n++;
      }
  if (n == 0)
    return;

  old = g_settings_get_strv (self->settings, "recent-folders");
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_strv_contains (paths, old[i]))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-folders", (const char * const *) recent);
  fill_recent (self);
}

static void
recent_row_activated_cb (LuoshiWindow  *self,
                         GtkListBoxRow *row)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  const char *paths[] = { path, NULL };

  if (path != NULL)
    luoshi_window_import (self, paths);
}

/* --- Import ---------------------------------------------------------------- */

static void
job_progress_cb (LuoshiWindow    *self,
                 GParamSpec      *pspec,
                 LuoshiImportJob *job)
{
  const char *file = luoshi_import_job_get_current_file (job);
  g_autofree char *label = NULL;

  gtk_progress_bar_set_fraction (self->import_progress, luoshi_import_job_get_fraction (job));
  if (file != NULL)
    /* Translators: %s is a file name */
    label = g_strdup_printf (_("Reading “%s”…"), file);
  gtk_label_set_label (self->import_label, label ? label : _("Saving to the library…"));
}

static void
show_failures_toast (LuoshiWindow *self)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  guint n = self->failures ? self->failures->len : 0;

  if (n == 0)
    return;

  title = g_strdup_printf (ngettext ("%u file could not be read",
                                     "%u files could not be read", n), n);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-import-failures");
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_first_imported (LuoshiWindow *self,
                     GArray       *file_ids)
{
  LuoshiStore *store = get_store (self);

  for (guint i = 0; i < file_ids->len; i++)
    {
      g_autoptr(GPtrArray) reports = luoshi_store_list_reports (store, g_array_index (file_ids, gint64, i), NULL);

      if (reports != NULL && reports->len > 0)
        {
          LuoshiStoreReport *report = g_ptr_array_index (reports, 0);
          g_autoptr(GError) error = NULL;

          if (!luoshi_window_show_report (self, report->id, &error))
            luoshi_widget_show_error (GTK_WIDGET (self), error);
          return;
        }
    }
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(LuoshiWindow) self = user_data;
  LuoshiImportJob *job = LUOSHI_IMPORT_JOB (object);
  g_autoptr(GError) error = NULL;
  guint n_reports;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  self->failures = g_ptr_array_ref (luoshi_import_job_get_failures (job));

  if (!luoshi_import_job_run_finish (job, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _luoshi_window_toast (self, _("Import cancelled; nothing was changed"));
      else
        luoshi_widget_show_error (GTK_WIDGET (self), error);
    }

  /* The job may belong to a window being destroyed. */
  if (self->job == job)
    {
      g_clear_object (&self->job);
      g_clear_object (&self->job_cancellable);
    }

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* The job stored through its own connection: nothing was signalled. */
  {
    GArray *ids = luoshi_import_job_get_file_ids (job);
    gint64 shown = luoshi_report_view_get_file_id (self->report_view);

    for (guint i = 0; shown > 0 && i < ids->len; i++)
      if (g_array_index (ids, gint64, i) == shown)
        luoshi_report_view_reload (self->report_view);
  }
  n_reports = fill_sidebar (self);
  if (error == NULL)
    show_first_imported (self, luoshi_import_job_get_file_ids (job));
  /* New reports may answer earlier plans: pair and track again. */
  if (error == NULL)
    luoshi_tracking_view_track_library_async (self->tracking_view);
  gtk_stack_set_visible_child_name (self->main_stack, n_reports > 0 ? "library" : "welcome");
  if (error == NULL && n_reports == 0 && self->failures->len == 0)
    _luoshi_window_toast (self, _("No report files were found there"));

  show_failures_toast (self);
  _luoshi_window_actions_update (self);
}

void
luoshi_window_import (LuoshiWindow       *self,
                      const char * const *paths)
{
  LuoshiStore *store;

  g_return_if_fail (LUOSHI_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  store = get_store (self);
  if (store == NULL || paths[0] == NULL)
    return;

  if (self->job != NULL)
    {
      _luoshi_window_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  remember_folders (self, paths);

  self->job = luoshi_import_job_new (store, paths);
  self->job_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->job, "notify::fraction", G_CALLBACK (job_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job, "notify::current-file", G_CALLBACK (job_progress_cb), self, G_CONNECT_SWAPPED);

  gtk_progress_bar_set_fraction (self->import_progress, 0.0);
  gtk_label_set_label (self->import_label, _("Looking for reports…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");

  luoshi_import_job_run_async (self->job, self->job_cancellable, import_done_cb, g_object_ref (self));
  _luoshi_window_actions_update (self);
}

gboolean
luoshi_window_is_importing (LuoshiWindow *self)
{
  g_return_val_if_fail (LUOSHI_IS_WINDOW (self), FALSE);
  /* Pairing and tracking the new reports finish an import. */
  return self->job != NULL || luoshi_tracking_view_is_tracking (self->tracking_view);
}

void
_luoshi_window_cancel_import (LuoshiWindow *self)
{
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

void
_luoshi_window_show_failures (LuoshiWindow *self)
{
  GtkWidget *dialog, *scroller, *list;

  if (self->failures == NULL || self->failures->len == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Files Not Imported"),
                                   _("These files could not be read. The other files were imported."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < self->failures->len; i++)
    {
      LuoshiImportFailure *failure = g_ptr_array_index (self->failures, i);
      g_autofree char *name = g_path_get_basename (failure->path);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), failure->error->message);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_set_tooltip_text (row, failure->path);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "child", list,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 320,
                           NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Open folder, drag and drop ---------------------------------------------- */

static void
chooser_response_cb (LuoshiWindow         *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          const char *paths[] = { path, NULL };

          if (self->settings != NULL)
            {
              g_autofree char *parent = g_path_get_dirname (path);

              g_settings_set_string (self->settings, "last-folder", parent);
            }
          luoshi_window_import (self, paths);
        }
      else
        _luoshi_window_toast (self, _("Only local folders can be opened"));
    }

  g_clear_object (&self->chooser);
}

void
_luoshi_window_open_folder (LuoshiWindow *self)
{
  g_autofree char *last = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Folder of Reports"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-folder");
  if (last == NULL || last[0] == '\0')
    last = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  if (last != NULL && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (last);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
drop_cb (LuoshiWindow  *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return FALSE;

  luoshi_window_import (self, (const char * const *) paths);
  return TRUE;
}

/* --- Showing things ------------------------------------------------------------ */

gboolean
luoshi_window_show_report (LuoshiWindow  *self,
                           gint64         report_id,
                           GError       **error)
{
  gint64 since = g_get_monotonic_time ();

  g_return_val_if_fail (LUOSHI_IS_WINDOW (self), FALSE);

  if (luoshi_report_view_get_report_id (self->report_view) != report_id &&
      !luoshi_report_view_load (self->report_view, report_id, error))
    return FALSE;

  gtk_stack_set_visible_child_name (self->report_stack, "report");
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  adw_view_stack_set_visible_child_name (self->view_stack, "reports");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  /* Selecting it there does not emit "report-selected": no second load. */
  luoshi_report_list_select_report (self->report_list, report_id);

  luoshi_bench_mark (self->bench, "report", since);
  if (self->bench != NULL)
    {
      self->bench_report_since = since;
      report_complete_cb (self);
    }
  _luoshi_window_actions_update (self);
  return TRUE;
}

void
_luoshi_window_show_search (LuoshiWindow *self)
{
  if (get_store (self) == NULL)
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "library");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  adw_view_stack_set_visible_child_name (self->view_stack, "search");
  luoshi_search_page_focus (self->search_page);
}

static void
library_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           LuoshiWindow     *self)
{
  if (g_strcmp0 (response, "quit") == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
luoshi_window_show_library_error (LuoshiWindow *self,
                                  const char   *path,
                                  const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (LUOSHI_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* Translators: %s is the error message, which names the file */
  body = g_strdup_printf (_("%s\n\nThe file was left as it is. Close other programs that use it, or restore it from a backup, then start Luoshi again."),
                          error->message);
  adw_status_page_set_description (self->error_page, body);
  gtk_stack_set_visible_child_name (self->main_stack, "error");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Library"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "quit", _("_Quit"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (library_error_response_cb), self, 0);
  /* At startup the window is not shown yet: a dialog presented before
   * its parent would end up behind it, or nowhere. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_window_present (GTK_WINDOW (dialog));
  else
    g_signal_connect_object (self, "map", G_CALLBACK (gtk_window_present), dialog,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  _luoshi_window_actions_update (self);
}

/* --- State ---------------------------------------------------------------------- */

static void
store_changed_cb (LuoshiWindow      *self,
                  LuoshiStoreChange  what,
                  gint64             id,
                  LuoshiStore        *store)
{
  g_autoptr(LuoshiItem) item = NULL;
  g_autoptr(GError) error = NULL;

  _luoshi_window_actions_update (self);

  /* Items change the counts, reports their titles and groups; suggested
   * verdicts (several items, id 0) change nothing the sidebar shows.
   * Imports refresh when the job is done instead of once per file. */
  if (self->job != NULL || (what == LUOSHI_STORE_CHANGE_ITEM && id == 0) ||
      what == LUOSHI_STORE_CHANGE_CHAIN)
    return;

  /* An edited item only changes its report's row: recounting a library
   * of thousands of reports on every edit took a fifth of a second. A
   * deleted item's report is not known any more. */
  if (what == LUOSHI_STORE_CHANGE_ITEM && (item = luoshi_store_get_item (store, id, NULL)) != NULL)
    {
      if (!luoshi_report_list_update_report (self->report_list, store, item->report_id, &error))
        luoshi_widget_show_error (GTK_WIDGET (self), error);
      return;
    }
  fill_sidebar (self);
}

static gboolean
luoshi_window_close_request (GtkWindow *window)
{
  LuoshiWindow *self = LUOSHI_WINDOW (window);

  _luoshi_window_cancel_import (self);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width, height;

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (self->settings, "window-width", MAX (width, 360));
          g_settings_set_int (self->settings, "window-height", MAX (height, 294));
        }
    }

  return GTK_WINDOW_CLASS (luoshi_window_parent_class)->close_request (window);
}

static void
luoshi_window_constructed (GObject *object)
{
  LuoshiWindow *self = LUOSHI_WINDOW (object);
  LuoshiStore *store;

  G_OBJECT_CLASS (luoshi_window_parent_class)->constructed (object);

  if (self->context != NULL)
    self->settings = luoshi_context_get_settings (self->context);
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  fill_recent (self);

  store = get_store (self);
  if (store != NULL)
    {
      luoshi_report_view_set_store (self->report_view, store);
      luoshi_search_page_set_store (self->search_page, store);
      luoshi_tracking_view_set_context (self->tracking_view, self->context);
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::can-undo", G_CALLBACK (_luoshi_window_actions_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "notify::can-redo", G_CALLBACK (_luoshi_window_actions_update), self, G_CONNECT_SWAPPED);

      /* The last library is reopened: show its reports if it has any. */
      if (fill_sidebar (self) > 0)
        gtk_stack_set_visible_child_name (self->main_stack, "library");
    }

  _luoshi_window_actions_update (self);
}

static void
luoshi_window_dispose (GObject *object)
{
  LuoshiWindow *self = LUOSHI_WINDOW (object);

  g_clear_pointer (&self->bench, luoshi_bench_free);
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_WINDOW);

  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (luoshi_window_parent_class)->dispose (object);
}

static void
luoshi_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LuoshiWindow *self = LUOSHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LuoshiWindow *self = LUOSHI_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_window_class_init (LuoshiWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = luoshi_window_constructed;
  object_class->dispose = luoshi_window_dispose;
  object_class->get_property = luoshi_window_get_property;
  object_class->set_property = luoshi_window_set_property;

  widget_class->map = luoshi_window_map;
  window_class->close_request = luoshi_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         LUOSHI_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LUOSHI_TYPE_REPORT_LIST);
  g_type_ensure (LUOSHI_TYPE_REPORT_VIEW);
  g_type_ensure (LUOSHI_TYPE_SEARCH_PAGE);
  g_type_ensure (LUOSHI_TYPE_TRACKING_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, report_filter);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, report_list);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, sidebar_empty);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, report_stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, report_view);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, search_page);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, tracking_view);
  gtk_widget_class_bind_template_child (widget_class, LuoshiWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, report_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_hit_activated_cb);

  _luoshi_window_class_actions_init (klass);
}

static void
luoshi_window_init (LuoshiWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bench = luoshi_bench_new ();
  if (self->bench != NULL)
    g_signal_connect_object (self->report_view, "notify::complete",
                             G_CALLBACK (report_complete_cb), self, G_CONNECT_SWAPPED);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

LuoshiWindow *
luoshi_window_new (AdwApplication *application,
                   LuoshiContext  *context)
{
  g_return_val_if_fail (application == NULL || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (context == NULL || LUOSHI_IS_CONTEXT (context), NULL);

  return g_object_new (LUOSHI_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LuoshiContext *
luoshi_window_get_context (LuoshiWindow *self)
{
  g_return_val_if_fail (LUOSHI_IS_WINDOW (self), NULL);
  return self->context;
}
