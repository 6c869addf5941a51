/* app-screenshots.c: render the window in its main states to PNG files
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (under Xvfb): app-screenshots SAMPLES_DIR OUT_DIR
 * Writes welcome.png, report.png, editing.png, search.png and dark.png at
 * 1400×900, driving the real window through the same calls as the tests.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "luoshi-context.h"
#include "luoshi-item-editor-private.h"
#include "luoshi-report-view-private.h"
#include "luoshi-search-page.h"
#include "luoshi-window-private.h"

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
}

static void
snap (GtkWidget  *window,
      const char *dir,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width, height;

  settle (600);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Could not write %s", path);
  g_print ("%s (%d×%d)\n", path, width, height);
}

static gint64
find_report (LuoshiStore *store,
             const char  *needle)
{
  g_autoptr(GPtrArray) reports = luoshi_store_list_reports (store, 0, NULL);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);

      if (g_strrstr (report->file_name, needle) != NULL)
        return report->id;
    }
  return reports != NULL && reports->len > 0 ? ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id : 0;
}

static void
select_item_of_kind (LuoshiWindow   *window,
                     LuoshiItemKind  kind,
                     guint           nth)
{
  GtkSingleSelection *selection = _luoshi_report_view_get_selection (window->report_view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuoshiItemObject) obj = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (luoshi_item_object_get_kind (obj) == kind && nth-- == 0)
        {
          luoshi_report_view_select_item (window->report_view, luoshi_item_object_get_id (obj));
          return;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(LuoshiContext) context = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autofree char *samples = NULL;
  const char *recent[] = { NULL, "/home/office/Documents/2023年工作总结", NULL };
  const char *paths[] = { NULL, NULL };
  LuoshiWindow *window;
  LuoshiItemEditor *editor;
  gint64 report_id;

  if (argc != 3)
    {
      g_printerr ("Usage: %s SAMPLES_DIR OUT_DIR\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  /* What AdwApplication does from the resource base path. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/luoshi/Luoshi/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      "/io/github/luoshi/Luoshi/icons");
  }

  samples = g_canonicalize_filename (argv[1], NULL);
  tmp = g_dir_make_tmp ("luoshi-shots-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmp, "library.db", NULL);
  store = luoshi_store_new (db, &error);
  g_assert_no_error (error);

  settings = g_settings_new (APP_ID);
  recent[0] = samples;
  g_settings_set_strv (settings, "recent-folders", recent);
  context = luoshi_context_new (store, settings);

  window = luoshi_window_new (NULL, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  snap (GTK_WIDGET (window), argv[2], "welcome.png");

  paths[0] = samples;
  luoshi_window_import (window, paths);
  while (luoshi_window_is_importing (window))
    g_main_context_iteration (NULL, TRUE);
  report_id = find_report (store, "2023年工作总结和");
  luoshi_window_show_report (window, report_id, NULL);
  snap (GTK_WIDGET (window), argv[2], "report.png");

  /* Editing: a goal selected, a note being written, a key flag. */
  select_item_of_kind (window, LUOSHI_ITEM_GOAL, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-item-key", "b", TRUE);
  editor = _luoshi_report_view_get_editor (window->report_view);
  gtk_editable_set_text (GTK_EDITABLE (_luoshi_item_editor_get_row (editor, "note")), "与区财政局核对资金到位情况");
  g_signal_emit_by_name (_luoshi_item_editor_get_row (editor, "note"), "apply");
  gtk_editable_set_text (GTK_EDITABLE (_luoshi_item_editor_get_row (editor, "tags")), "学位, 重点工程");
  g_signal_emit_by_name (_luoshi_item_editor_get_row (editor, "tags"), "apply");
  snap (GTK_WIDGET (window), argv[2], "editing.png");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  /* Simplified query; the traditional report matches too (督導). */
  luoshi_search_page_set_query (window->search_page, "督导");
  snap (GTK_WIDGET (window), argv[2], "search.png");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  luoshi_window_show_report (window, report_id, NULL);
  select_item_of_kind (window, LUOSHI_ITEM_PROBLEM, 0);
  snap (GTK_WIDGET (window), argv[2], "dark.png");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmp);
  return 0;
}
