/* test-app-window.c: the real window, driven through its actions
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "luoshi-context.h"
#include "luoshi-item-editor-private.h"
#include "luoshi-item-list.h"
#include "luoshi-report-dialog-private.h"
#include "luoshi-report-entry.h"
#include "luoshi-report-list-private.h"
#include "luoshi-report-row.h"
#include "luoshi-report-view-private.h"
#include "luoshi-search-page.h"
#include "luoshi-store.h"
#include "luoshi-window-private.h"

#include "test-util.h"

/* Two reports written for this test in the usual style: a review with
 * figures and a problem section, and a plan in traditional characters. */
static const char review_text[] =
  "青石县教育局2023年工作总结\n"
  "\n"
  "2023年，县教育局围绕年初确定的目标任务，扎实推进各项工作，现总结如下。\n"
  "\n"
  "一、主要工作成效\n"
  "（一）学前教育稳步发展\n"
  "全年新建公办幼儿园3所，新增学位900个，学前三年毛入园率达到92.4%。\n"
  "（二）义务教育均衡推进\n"
  "完成8所农村学校校舍改造，投入资金6500万元。义务教育巩固率达到99.1%。\n"
  "（三）教师队伍建设\n"
  "招聘新教师120名，培训教师2600人次。\n"
  "\n"
  "二、存在的问题\n"
  "一是农村学校师资力量仍然薄弱，骨干教师流失较多。\n"
  "二是部分学校大班额问题尚未完全解决。\n";

static const char plan_text[] =
  "青石縣教育局2024年工作要點\n"
  "\n"
  "一、主要目標\n"
  "2024年，新建公辦幼兒園2所，學前三年毛入園率達到94%以上。\n"
  "確保義務教育鞏固率保持在99%以上。\n"
  "力爭培訓教師3000人次。\n";

typedef struct
{
  char          *dir;       /* the folder of reports */
  char          *db_path;
  LuoshiStore   *store;
  LuoshiContext *context;
  LuoshiWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("luoshi-test-app-XXXXXX", &error);

  g_assert_no_error (error);
  fixture->dir = g_build_filename (root, "reports", NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  write_file (fixture->dir, "青石县教育局2023年工作总结.txt", review_text);
  write_file (fixture->dir, "青石縣教育局2024年工作要點.txt", plan_text);

  fixture->db_path = g_build_filename (root, "library.db", NULL);
  fixture->store = luoshi_store_new (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->context = luoshi_context_new (fixture->store, NULL);
  /* Our own reference, to check that destroying the window frees it. */
  fixture->window = g_object_ref (luoshi_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *root = g_path_get_dirname (fixture->dir);

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_assert_finalize_object (g_steal_pointer (&fixture->window));
    }
  g_clear_object (&fixture->context);
  g_assert_finalize_object (fixture->store);
  remove_tree (root);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static void
wait_for_import (LuoshiWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (luoshi_window_is_importing (window))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  /* Let idle work (chunks, toasts) run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
import_fixture (Fixture *fixture)
{
  const char *paths[] = { fixture->dir, NULL };

  luoshi_window_import (fixture->window, paths);
  g_assert_true (luoshi_window_is_importing (fixture->window));
  wait_for_import (fixture->window);
}

/* The reports shown in the sidebar; group headers are entries too. */
static guint
count_rows (LuoshiReportList *list)
{
  GListModel *model = _luoshi_report_list_get_model (list);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LuoshiReportEntry) entry = g_list_model_get_item (model, i);

      if (!luoshi_report_entry_is_header (entry))
        n++;
    }
  return n;
}

/* The sidebar entry of report @report_id, or NULL. */
static LuoshiReportEntry *
sidebar_entry (LuoshiWindow *window,
               gint64        report_id)
{
  GListModel *model = _luoshi_report_list_get_model (window->report_list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LuoshiReportEntry) entry = g_list_model_get_item (model, i);

      if (!luoshi_report_entry_is_header (entry) && luoshi_report_entry_get_report_id (entry) == report_id)
        return entry;
    }
  return NULL;
}

/* Changing an item's kind recounts its report's row. */
static void
test_window_sidebar_counts (Fixture       *fixture,
                            gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  LuoshiReportEntry *entry;
  gint64 goal_id = 0, report_id = 0;
  guint before[3];

  import_fixture (fixture);
  reports = luoshi_store_list_reports (fixture->store, 0, &error);
  g_assert_no_error (error);
  /* The first goal of the library (the plan's). */
  for (guint r = 0; r < reports->len && goal_id == 0; r++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, r);
      g_autoptr(GPtrArray) items = luoshi_store_list_report_items (fixture->store, report->id, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < items->len && goal_id == 0; i++)
        if (((LuoshiItem *) g_ptr_array_index (items, i))->kind == LUOSHI_ITEM_GOAL)
          {
            goal_id = ((LuoshiItem *) g_ptr_array_index (items, i))->id;
            report_id = report->id;
          }
    }
  g_assert_cmpint (goal_id, >, 0);

  entry = sidebar_entry (window, report_id);
  g_assert_nonnull (entry);
  memcpy (before, luoshi_report_entry_get_counts (entry), sizeof before);
  g_assert_true (luoshi_store_set_item_kind (fixture->store, goal_id, LUOSHI_ITEM_PROBLEM, &error));
  g_assert_no_error (error);

  entry = sidebar_entry (window, report_id);
  g_assert_cmpuint (luoshi_report_entry_get_counts (entry)[LUOSHI_ITEM_GOAL], ==, before[LUOSHI_ITEM_GOAL] - 1);
  g_assert_cmpuint (luoshi_report_entry_get_counts (entry)[LUOSHI_ITEM_PROBLEM], ==, before[LUOSHI_ITEM_PROBLEM] + 1);
}

static void
test_window_import (Fixture       *fixture,
                    gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  g_autoptr(GPtrArray) files = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  import_fixture (fixture);

  files = luoshi_store_list_files (fixture->store, NULL);
  g_assert_nonnull (files);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "library");
  g_assert_cmpuint (count_rows (window->report_list), ==, 2);
  /* The first imported report is shown with its items. */
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_luoshi_report_view_get_selection (window->report_view))), >, 0);
  g_assert_true (window->failures == NULL || window->failures->len == 0);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop_files (GtkDropTarget *target,
            GSList        *files)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  return handled;
}

/* Dropping a folder from a file manager imports it, as Open Folder does;
 * a drop with nothing local in it is refused. */
static void
test_window_drop (Fixture       *fixture,
                  gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (window));
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) remote = g_file_new_for_uri ("https://example.invalid/report.txt");
  g_autoptr(GPtrArray) files = NULL;
  GSList *list;

  g_assert_nonnull (target);

  list = g_slist_prepend (NULL, remote);
  g_assert_false (drop_files (target, list));
  g_slist_free (list);
  g_assert_false (luoshi_window_is_importing (window));

  list = g_slist_prepend (NULL, folder);
  g_assert_true (drop_files (target, list));
  g_slist_free (list);
  g_assert_true (luoshi_window_is_importing (window));
  wait_for_import (window);

  files = luoshi_store_list_files (fixture->store, NULL);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpuint (count_rows (window->report_list), ==, 2);
}

static LuoshiItemObject *
select_first_item (LuoshiWindow *window)
{
  GtkSingleSelection *selection = _luoshi_report_view_get_selection (window->report_view);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_nonnull (luoshi_report_view_get_selected_item (window->report_view));
  return luoshi_report_view_get_selected_item (window->report_view);
}

static void
test_window_edit_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  LuoshiItemEditor *editor = _luoshi_report_view_get_editor (window->report_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiItem) stored = NULL;
  LuoshiItemObject *obj;
  LuoshiItemKind old_kind, new_kind;
  GtkWidget *note_row;
  gint64 id;

  import_fixture (fixture);

  obj = select_first_item (window);
  id = luoshi_item_object_get_id (obj);
  g_assert_true (luoshi_item_editor_get_item (editor) == obj);
  old_kind = luoshi_item_object_get_kind (obj);
  new_kind = old_kind == LUOSHI_ITEM_PROBLEM ? LUOSHI_ITEM_GOAL : LUOSHI_ITEM_PROBLEM;

  /* Kind, through the window action the editor and Alt+G/A/P use. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-item-kind", "s",
                                             luoshi_item_kind_to_string (new_kind)));
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->kind, ==, new_kind);
  g_clear_pointer (&stored, luoshi_item_unref);
  /* The table's object was updated in place and is still selected. */
  g_assert_true (luoshi_report_view_get_selected_item (window->report_view) == obj);
  g_assert_cmpint (luoshi_item_object_get_kind (obj), ==, new_kind);

  /* Note, through the editor's entry row. */
  note_row = _luoshi_item_editor_get_row (editor, "note");
  gtk_editable_set_text (GTK_EDITABLE (note_row), "需核实数据来源");
  g_signal_emit_by_name (note_row, "apply");
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->note, ==, "需核实数据来源");
  g_clear_pointer (&stored, luoshi_item_unref);

  /* Undo twice: the note goes, then the kind comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (stored->note == NULL || stored->note[0] == '\0');
  g_assert_cmpint (stored->kind, ==, new_kind);
  g_clear_pointer (&stored, luoshi_item_unref);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->kind, ==, old_kind);
  g_clear_pointer (&stored, luoshi_item_unref);
  g_assert_cmpint (luoshi_item_object_get_kind (obj), ==, old_kind);

  /* Redo brings the kind change back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->kind, ==, new_kind);
}

/* The history is in the library: undo works in a new session too. */
static void
test_window_undo_after_restart (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiItem) stored = NULL;
  LuoshiItemObject *obj;
  LuoshiItemKind old_kind, new_kind;
  gint64 id;

  import_fixture (fixture);
  obj = select_first_item (fixture->window);
  id = luoshi_item_object_get_id (obj);
  old_kind = luoshi_item_object_get_kind (obj);
  new_kind = old_kind == LUOSHI_ITEM_GOAL ? LUOSHI_ITEM_ACHIEVEMENT : LUOSHI_ITEM_GOAL;
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.set-item-kind", "s",
                              luoshi_item_kind_to_string (new_kind));

  /* Quit: window, context and store go away. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->context);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  /* Start again on the same library. */
  fixture->store = luoshi_store_new (fixture->db_path, &error);
  g_assert_no_error (error);
  fixture->context = luoshi_context_new (fixture->store, NULL);
  fixture->window = g_object_ref (luoshi_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));
  /* The last library's reports are shown, not the welcome page. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "library");
  g_assert_true (luoshi_store_can_undo (fixture->store));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  stored = luoshi_store_get_item (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->kind, ==, old_kind);
}

/* Report details through the dialog, saved at once and undoable. */
static void
test_window_report_dialog (Fixture       *fixture,
                           gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStoreReport) report = NULL;
  g_autoptr(LuoshiStoreReport) undone = NULL;
  LuoshiReportDialog *dialog;
  gint64 report_id;
  char *old_title;

  import_fixture (fixture);
  report_id = luoshi_report_view_get_report_id (window->report_view);
  report = luoshi_store_get_report (fixture->store, report_id, &error);
  g_assert_no_error (error);
  old_title = g_strdup (report->report->title);
  g_clear_pointer (&report, luoshi_store_report_free);

  dialog = luoshi_report_dialog_new (GTK_WINDOW (window), fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_object_ref_sink (dialog);
  _luoshi_report_dialog_set_title_text (dialog, "青石县教育局二〇二三年工作总结");
  g_assert_true (luoshi_report_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);

  report = luoshi_store_get_report (fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->report->title, ==, "青石县教育局二〇二三年工作总结");
  g_assert_true (report->user_edited);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undone = luoshi_store_get_report (fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->report->title, ==, old_title);
  g_free (old_title);
}

static void
test_window_add_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report_id;
  LuoshiItemObject *obj;

  import_fixture (fixture);
  report_id = luoshi_report_view_get_report_id (window->report_view);
  before = luoshi_store_list_report_items (fixture->store, report_id, &error);
  g_assert_no_error (error);

  /* Nothing selected in the text: adding does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-item", "s", "problem");
  after = luoshi_store_list_report_items (fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Select the report's first line (its title) and add it as a problem. */
  buffer = _luoshi_report_view_get_buffer (window->report_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 6);
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-item", "s", "problem"));

  after = luoshi_store_list_report_items (fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len + 1);

  /* Moving the cursor into another item in the text selects it. */
  {
    LuoshiItem *second = g_ptr_array_index (before, before->len > 1 ? 1 : 0);
    LuoshiStoreReport *report = luoshi_store_get_report (fixture->store, report_id, &error);
    guint offset = second->start - report->report->start + 1;

    g_assert_no_error (error);
    gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
    gtk_text_buffer_place_cursor (buffer, &start);
    obj = luoshi_report_view_get_selected_item (window->report_view);
    g_assert_nonnull (obj);
    g_assert_cmpint (luoshi_item_object_get_id (obj), ==, second->id);
    luoshi_store_report_free (report);

    /* Adding the same text again selects the item there instead. */
    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 6);
    gtk_text_buffer_select_range (buffer, &start, &end);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-item", "s", "problem"));
    g_clear_pointer (&after, g_ptr_array_unref);
    after = luoshi_store_list_report_items (fixture->store, report_id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, before->len + 1);  /* not added twice */
  }

  /* The new item is selected; delete it again. */
  obj = luoshi_report_view_get_selected_item (window->report_view);
  g_assert_nonnull (obj);
  g_assert_cmpint (luoshi_item_object_get_kind (obj), ==, LUOSHI_ITEM_PROBLEM);
  g_assert_true (luoshi_item_object_get_item (obj)->user_origin);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-item", NULL));
  deleted = luoshi_store_list_report_items (fixture->store, report_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, before->len);
  g_assert_null (luoshi_report_view_get_selected_item (window->report_view));
}

static void
test_window_search (Fixture       *fixture,
                    gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  LuoshiReportView *view = window->report_view;
  GtkTextBuffer *buffer = _luoshi_report_view_get_buffer (view);
  g_autofree char *selected = NULL;
  GtkTextIter start, end;

  import_fixture (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "search");

  /* Simplified query, found in the traditional plan too. */
  luoshi_search_page_set_query (window->search_page, "培训教师");
  g_assert_cmpuint (luoshi_search_page_get_n_hits (window->search_page), >=, 2);

  /* A phrase of the review only; open the hit. */
  luoshi_search_page_set_query (window->search_page, "校舍改造");
  g_assert_cmpuint (luoshi_search_page_get_n_hits (window->search_page), ==, 1);
  luoshi_search_page_set_query (window->search_page, "校舍改造");
  luoshi_search_page_activate_hit (window->search_page, 0);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "reports");
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  selected = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (selected, ==, "校舍改造");

  luoshi_search_page_set_query (window->search_page, "zzz不存在的词");
  g_assert_cmpuint (luoshi_search_page_get_n_hits (window->search_page), ==, 0);
}

static void
test_window_bad_files (Fixture       *fixture,
                       gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", NULL);
  const char *paths[] = { missing, NULL };

  /* A document we cannot read yet, beside the good reports. */
  write_file (fixture->dir, "附件.docx", "PK\003\004 not really a document");
  import_fixture (fixture);
  g_assert_nonnull (window->failures);
  g_assert_cmpuint (window->failures->len, ==, 1);
  g_assert_cmpuint (count_rows (window->report_list), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-import-failures", NULL));

  /* A folder that does not exist: a failure, nothing else changes. */
  luoshi_window_import (window, paths);
  wait_for_import (window);
  g_assert_cmpuint (window->failures->len, ==, 1);
  g_assert_cmpuint (count_rows (window->report_list), ==, 2);
}

/* Cancel right after starting: nothing is stored, the window says so and
 * stays usable; a second import then works. */
static void
test_window_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  const char *paths[] = { fixture->dir, NULL };
  g_autoptr(GPtrArray) files = NULL;

  luoshi_window_import (window, paths);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
  wait_for_import (window);

  files = luoshi_store_list_files (fixture->store, NULL);
  g_assert_nonnull (files);
  g_test_message ("after cancel: %u files", files->len);
  /* Either cancelled before storing (nothing) or stored whole: never half. */
  g_assert_true (files->len == 0 || files->len == 2);
  g_clear_pointer (&files, g_ptr_array_unref);

  luoshi_window_import (window, paths);
  wait_for_import (window);
  files = luoshi_store_list_files (fixture->store, NULL);
  g_assert_cmpuint (files->len, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "library");
}

/* --- Sidebar -------------------------------------------------------------- */

/* A third and a fourth report, to make four groups of the sidebar. */
static const char stats_text[] =
  "白河市统计局2022年工作总结\n"
  "\n"
  "一、主要工作\n"
  "全年完成统计调查12项，发布统计公报4期。\n";

static const char notes_text[] =
  "会议纪要\n"
  "\n"
  "会议研究了下一阶段的工作安排。\n";

typedef struct
{
  gint64 ids[4];  /* the reports called A, B, C and D in descriptions */
} Sidebar;

static gint64
report_of_file (LuoshiStore *store,
                const char  *needle)
{
  g_autoptr(GPtrArray) reports = luoshi_store_list_reports (store, 0, NULL);

  g_assert_nonnull (reports);
  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);

      if (strstr (report->file_name, needle) != NULL)
        return report->id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
set_group (LuoshiStore *store,
           gint64       report_id,
           const char  *org,
           int          year)
{
  g_autoptr(GError) error = NULL;

  luoshi_store_set_report_org (store, report_id, org, &error);
  g_assert_no_error (error);
  luoshi_store_set_report_period (store, report_id, year, 0, &error);
  g_assert_no_error (error);
}

/* The sidebar's entries, e.g. "[Alpha · 2022] C [Beta · 2024] B". */
static char *
describe_sidebar (LuoshiWindow  *window,
                  const Sidebar *sidebar)
{
  GListModel *model = _luoshi_report_list_get_model (window->report_list);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LuoshiReportEntry) entry = g_list_model_get_item (model, i);
      gint64 id = luoshi_report_entry_get_report_id (entry);

      if (str->len > 0)
        g_string_append_c (str, ' ');
      if (luoshi_report_entry_is_header (entry))
        {
          g_string_append_printf (str, "[%s]", luoshi_report_entry_get_title (entry));
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (sidebar->ids); k++)
        if (sidebar->ids[k] == id)
          g_string_append_c (str, 'A' + k);
    }
  return g_string_free (g_steal_pointer (&str), FALSE);
}

#define assert_sidebar(window, sidebar, expected) \
  G_STMT_START { \
    g_autofree char *described = describe_sidebar ((window), (sidebar)); \
    g_assert_cmpstr (described, ==, (expected)); \
  } G_STMT_END

static guint
position_of (LuoshiWindow *window,
             gint64        report_id)
{
  GListModel *model = _luoshi_report_list_get_model (window->report_list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LuoshiReportEntry) entry = g_list_model_get_item (model, i);

      if (!luoshi_report_entry_is_header (entry) && luoshi_report_entry_get_report_id (entry) == report_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static LuoshiReportEntry *
selected_entry (LuoshiWindow *window)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (_luoshi_report_list_get_view (window->report_list));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
}

static void
set_filter (LuoshiWindow *window,
            const char   *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window->report_filter), text);
  /* What the entry emits after its delay. */
  g_signal_emit_by_name (window->report_filter, "search-changed");
}

/* Four reports in four groups: A and B of "Beta" (2023, 2024), C of
 * "Alpha" 2022, D of no known body or year. */
static void
import_four (Fixture *fixture,
             Sidebar *sidebar)
{
  g_autoptr(GPtrArray) reports = NULL;

  write_file (fixture->dir, "白河市统计局2022年工作总结.txt", stats_text);
  write_file (fixture->dir, "会议纪要.txt", notes_text);
  import_fixture (fixture);
  reports = luoshi_store_list_reports (fixture->store, 0, NULL);
  g_assert_cmpuint (reports->len, ==, 4);

  sidebar->ids[0] = report_of_file (fixture->store, "2023年工作总结");
  sidebar->ids[1] = report_of_file (fixture->store, "2024年工作要點");
  sidebar->ids[2] = report_of_file (fixture->store, "统计局");
  sidebar->ids[3] = report_of_file (fixture->store, "会议纪要");
  set_group (fixture->store, sidebar->ids[0], "Beta", 2023);
  set_group (fixture->store, sidebar->ids[1], "Beta", 2024);
  set_group (fixture->store, sidebar->ids[2], "Alpha", 2022);
  set_group (fixture->store, sidebar->ids[3], NULL, 0);
}

static void
count_emission (guint *count)
{
  (*count)++;
}

/* Headers come before their groups in order, and only for groups with
 * reports the filter keeps. */
static void
test_sidebar_groups (Fixture       *fixture,
                     gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  Sidebar sidebar;

  /* No reports yet: the sidebar says so. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "empty");

  import_four (fixture, &sidebar);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");
  /* Known bodies first, then each body's newest year first. */
  assert_sidebar (window, &sidebar, "[Alpha · 2022] C [Beta · 2024] B [Beta · 2023] A [Unknown body · Year unknown] D");
  g_assert_cmpuint (count_rows (window->report_list), ==, 4);

  /* The body, casefolded: both Beta groups, no other header. */
  set_filter (window, "bETA");
  assert_sidebar (window, &sidebar, "[Beta · 2024] B [Beta · 2023] A");

  /* A file name: one report under its header. */
  set_filter (window, "统计局");
  assert_sidebar (window, &sidebar, "[Alpha · 2022] C");

  /* The period and kind shown under the title match too. */
  set_filter (window, "2024 ·");
  assert_sidebar (window, &sidebar, "[Beta · 2024] B");

  /* Nothing matches: no headers either, but the library has reports. */
  set_filter (window, "没有这样的报告");
  assert_sidebar (window, &sidebar, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "list");

  set_filter (window, "");
  assert_sidebar (window, &sidebar, "[Alpha · 2022] C [Beta · 2024] B [Beta · 2023] A [Unknown body · Year unknown] D");

  /* A report moving into another group joins it in file name order
   * (白 before 青); its emptied group loses its header. */
  set_group (fixture->store, sidebar.ids[2], "Beta", 2023);
  assert_sidebar (window, &sidebar, "[Beta · 2024] B [Beta · 2023] C A [Unknown body · Year unknown] D");
}

/* Selecting rows opens reports; showing a report selects its row; a
 * refill keeps the selection and the rows of unchanged reports. */
static void
test_sidebar_selection (Fixture       *fixture,
                        gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  GtkListView *view = _luoshi_report_list_get_view (window->report_list);
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiReportEntry) kept = NULL;
  g_autoptr(LuoshiReportEntry) renamed = NULL;
  Sidebar sidebar;
  guint n_selected = 0;

  import_four (fixture, &sidebar);
  g_signal_connect_swapped (window->report_list, "report-selected", G_CALLBACK (count_emission), &n_selected);

  /* A click on B's row: B is shown. */
  gtk_widget_activate_action (GTK_WIDGET (view), "list.select-item", "(ubb)",
                              position_of (window, sidebar.ids[1]), FALSE, FALSE);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[1]);
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[1]);

  /* Headers cannot be selected: B stays. */
  gtk_widget_activate_action (GTK_WIDGET (view), "list.select-item", "(ubb)", 0, FALSE, FALSE);
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[1]);
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[1]);

  /* Showing A (as a search hit does) selects A's row, without a second
   * round through "report-selected". */
  g_assert_true (luoshi_window_show_report (window, sidebar.ids[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (luoshi_report_entry_get_report_id (selected_entry (window)), ==, sidebar.ids[0]);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view))),
                    ==, position_of (window, sidebar.ids[0]));

  /* Renaming A refills the sidebar: A is still selected, with its new
   * title; C's entry, unchanged, is the same object (GTK keeps its row). */
  kept = g_list_model_get_item (_luoshi_report_list_get_model (window->report_list), position_of (window, sidebar.ids[2]));
  luoshi_store_set_report_title (fixture->store, sidebar.ids[0], "乙局二〇二三年工作总结", &error);
  g_assert_no_error (error);
  renamed = g_object_ref (selected_entry (window));
  g_assert_cmpint (luoshi_report_entry_get_report_id (renamed), ==, sidebar.ids[0]);
  g_assert_cmpstr (luoshi_report_entry_get_title (renamed), ==, "乙局二〇二三年工作总结");
  g_assert_true (g_list_model_get_item (_luoshi_report_list_get_model (window->report_list),
                                        position_of (window, sidebar.ids[2])) == kept);
  g_object_unref (kept);  /* the reference g_list_model_get_item() just gave */
  g_assert_cmpuint (n_selected, ==, 1);

  /* A moving to another group, above: still selected, at its new place. */
  set_group (fixture->store, sidebar.ids[0], "Alpha", 2021);
  assert_sidebar (window, &sidebar, "[Alpha · 2022] C [Alpha · 2021] A [Beta · 2024] B [Unknown body · Year unknown] D");
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[0]);

  /* Filtered out, A is not selected; back in, it is again. */
  set_filter (window, "Beta");
  g_assert_null (selected_entry (window));
  set_filter (window, "");
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[0]);
  g_assert_cmpuint (n_selected, ==, 1);
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[0]);
}

static gboolean
press_key (GtkEventController *keys,
           guint               keyval)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
  return handled;
}

/* The arrow keys move between reports, over the headers (GTK 4.8's list
 * view cannot focus a row that is not selectable and would stop there). */
static void
test_sidebar_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  LuoshiWindow *window = fixture->window;
  GtkListView *view = _luoshi_report_list_get_view (window->report_list);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  g_autoptr(GError) error = NULL;
  GtkEventController *keys = NULL;
  Sidebar sidebar;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        keys = controller;
    }
  g_assert_nonnull (keys);

  import_four (fixture, &sidebar);
  assert_sidebar (window, &sidebar, "[Alpha · 2022] C [Beta · 2024] B [Beta · 2023] A [Unknown body · Year unknown] D");

  /* Tab from the filter lands on the selected report, here shown by
   * the window (GTK would try the first item, a header, and skip the
   * list). */
  g_assert_true (luoshi_window_show_report (window, sidebar.ids[0], &error));
  g_assert_no_error (error);
  gtk_widget_grab_focus (GTK_WIDGET (window->report_filter));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window->report_list), GTK_DIR_TAB_FORWARD));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    GtkWidget *row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

    g_assert_true (gtk_widget_get_parent (focus) == GTK_WIDGET (view));
    g_assert_true (LUOSHI_IS_REPORT_ROW (row));
    g_assert_cmpint (luoshi_report_entry_get_report_id (luoshi_report_row_get_entry (LUOSHI_REPORT_ROW (row))),
                     ==, sidebar.ids[0]);
  }
  /* The keys go on from there. */
  g_assert_true (press_key (keys, GDK_KEY_Up));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[1]);

  g_assert_true (luoshi_window_show_report (window, sidebar.ids[2], &error));
  g_assert_no_error (error);

  /* Down from C, over the Beta header, to B: shown. */
  g_assert_true (press_key (keys, GDK_KEY_Down));
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[1]);
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[1]);
  g_assert_true (press_key (keys, GDK_KEY_KP_Down));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[0]);
  g_assert_true (press_key (keys, GDK_KEY_Up));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[1]);

  g_assert_true (press_key (keys, GDK_KEY_End));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[3]);
  g_assert_true (press_key (keys, GDK_KEY_Down));  /* the end: stays */
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[3]);
  g_assert_true (press_key (keys, GDK_KEY_Page_Up));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[2]);
  g_assert_true (press_key (keys, GDK_KEY_Home));
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[2]);
  g_assert_true (press_key (keys, GDK_KEY_Up));  /* the start: stays */
  g_assert_cmpint (luoshi_report_view_get_report_id (window->report_view), ==, sidebar.ids[2]);
  g_assert_cmpint (luoshi_report_list_get_selected_report_id (window->report_list), ==, sidebar.ids[2]);

  /* Other keys are the list view's. */
  g_assert_false (press_key (keys, GDK_KEY_Return));
}

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static void
test_window_corrupt_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("luoshi-test-app-XXXXXX", &error);
  g_autofree char *path = g_build_filename (root, "library.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) junk = g_string_new ("SQLite format 3");
  LuoshiStore *store;
  LuoshiWindow *window;

  /* A header that looks like SQLite followed by garbage. */
  for (guint i = 0; i < 400; i++)
    g_string_append (junk, "不是数据库");
  g_file_set_contents (path, junk->str, junk->len, &error);
  g_assert_no_error (error);
  before = file_checksum (path);

  store = luoshi_store_new (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == LUOSHI_STORE_ERROR);

  window = g_object_ref (luoshi_window_new (NULL, NULL));
  luoshi_window_show_library_error (window, path, error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");

  /* The dialog comes up with the window, in front of it. */
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* borrowed */
    AdwMessageDialog *dialog = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "library.db"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  /* Nothing needing the library can be started. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-folder", NULL);
  g_assert_null (window->chooser);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_unlink (path);
  g_rmdir (root);
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->n_signals++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static LuoshiItem *
make_item (gint64      id,
           guint       start,
           const char *text)
{
  LuoshiItem *item = luoshi_item_new (LUOSHI_ITEM_GOAL, start, start + 5, text);

  item->id = id;
  return item;
}

/* The item model reports exactly what changed, reusing objects by id. */
static void
test_item_list_changes (void)
{
  g_autoptr(LuoshiItemList) list = luoshi_item_list_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  g_autoptr(LuoshiItemObject) second = NULL;
  g_autoptr(LuoshiItemObject) again = NULL;
  Change change = { 0, };
  guint text_notifies = 0;

  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (items, make_item (i + 1, i * 10, "目标"));

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  luoshi_item_list_set_items (list, items);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 4);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_signal_connect_swapped (second, "notify::text", G_CALLBACK (g_atomic_int_inc), &text_notifies);

  /* Same ids, item 2 edited, item 3 deleted: one change of one row,
   * and item 2 keeps its object, notified once. */
  g_ptr_array_add (edited, make_item (1, 0, "目标"));
  g_ptr_array_add (edited, make_item (2, 10, "改过的目标"));
  g_ptr_array_add (edited, make_item (4, 30, "目标"));
  change.n_signals = 0;
  luoshi_item_list_set_items (list, edited);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (again == second);
  g_assert_cmpuint (text_notifies, ==, 1);
  g_assert_true (luoshi_item_list_find (list, 2) == second);
  g_assert_true (luoshi_item_list_find_at (list, 12) == second);
  g_assert_null (luoshi_item_list_find_at (list, 17));

  /* An item inside another: the innermost one holding the offset wins. */
  {
    g_autoptr(GPtrArray) nested = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
    LuoshiItem *outer = make_item (10, 0, "总目标");
    LuoshiItemObject *found;

    outer->end = 100;
    g_ptr_array_add (nested, outer);
    g_ptr_array_add (nested, make_item (11, 10, "分目标"));
    g_ptr_array_add (nested, make_item (12, 40, "分目标"));
    g_signal_handlers_disconnect_by_func (list, items_changed_cb, &change);
    luoshi_item_list_set_items (list, nested);
    found = luoshi_item_list_find_at (list, 12);
    g_assert_cmpint (luoshi_item_object_get_item (found)->id, ==, 11);
    found = luoshi_item_list_find_at (list, 30);
    g_assert_cmpint (luoshi_item_object_get_item (found)->id, ==, 10);
    g_assert_null (luoshi_item_list_find_at (list, 100));
    luoshi_item_list_set_items (list, edited);
    g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  }

  /* Setting the same again changes nothing. */
  change.n_signals = 0;
  luoshi_item_list_set_items (list, edited);
  g_assert_cmpuint (change.n_signals, ==, 0);
  g_assert_cmpuint (text_notifies, ==, 1);
}

static void
count_added_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                Change     *change)
{
  /* Steps only ever append after what is shown. */
  g_assert_cmpuint (position, ==, change->position + change->added);
  g_assert_cmpuint (removed, ==, 0);
  change->n_signals++;
  change->position = position;
  change->added = added;
  change->removed += added;  /* the running total */
}

/* Many rows arrive as a screenful and then steps; positions are exact
 * throughout, and a small edit of a long list is still one change. */
static void
test_item_list_steps (void)
{
  g_autoptr(LuoshiItemList) list = luoshi_item_list_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  Change change = { 0, };
  guint complete_notifies = 0;
  gulong handler;

  for (guint i = 0; i < 1000; i++)
    g_ptr_array_add (items, make_item (i + 1, i * 10, "目标"));
  g_signal_connect_swapped (list, "notify::complete", G_CALLBACK (g_atomic_int_inc), &complete_notifies);

  luoshi_item_list_set_items (list, items);
  g_assert_false (luoshi_item_list_get_complete (list));
  g_assert_cmpuint (complete_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <, 100);
  /* Items not shown yet are found by id all the same. */
  g_assert_nonnull (luoshi_item_list_find (list, 1000));

  change.added = g_list_model_get_n_items (G_LIST_MODEL (list));
  change.removed = change.added;
  handler = g_signal_connect (list, "items-changed", G_CALLBACK (count_added_cb), &change);
  while (!luoshi_item_list_get_complete (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (change.removed, ==, 1000);
  g_assert_cmpuint (change.n_signals, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1000);
  g_assert_cmpuint (complete_notifies, ==, 2);
  g_signal_handler_disconnect (list, handler);

  /* One item gone from the middle of the complete list. */
  g_ptr_array_remove_index (items, 500);
  memset (&change, 0, sizeof change);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &change);
  luoshi_item_list_set_items (list, items);
  g_assert_true (luoshi_item_list_get_complete (list));
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 500);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);

  /* Positions of objects, shown or not; an object not in the list has none. */
  {
    g_autoptr(LuoshiItemObject) shown = g_list_model_get_item (G_LIST_MODEL (list), 7);
    g_autoptr(LuoshiItem) stray_item = make_item (5000, 0, "目标");
    g_autoptr(LuoshiItemObject) stray = luoshi_item_object_new (stray_item);

    g_assert_cmpuint (luoshi_item_list_get_index (list, shown), ==, 7);
    g_assert_cmpuint (luoshi_item_list_get_index (list, luoshi_item_list_find (list, 900)), ==, 898);
    g_assert_cmpuint (luoshi_item_list_get_index (list, stray), ==, GTK_INVALID_LIST_POSITION);
  }

  /* Another long list, completed at once when positions are needed. */
  luoshi_item_list_set_items (list, NULL);
  luoshi_item_list_set_items (list, items);
  g_assert_false (luoshi_item_list_get_complete (list));
  luoshi_item_list_complete (list);
  g_assert_true (luoshi_item_list_get_complete (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 999);
}

/* The shortcuts window GtkApplication shows for Ctrl+? parses. */
static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/luoshi/Luoshi/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* A window closed while a view still animates its scrolling makes
   * GTK 4.8 disconnect a handler twice (gtk_adjustment_enable_animation()
   * ends the animation from its own value-changed); the tests switch
   * reports and close windows faster than the animations run. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/app/window/import", Fixture, NULL, fixture_set_up, test_window_import, fixture_tear_down);
  g_test_add ("/app/window/edit-undo", Fixture, NULL, fixture_set_up, test_window_edit_undo, fixture_tear_down);
  g_test_add ("/app/window/undo-after-restart", Fixture, NULL, fixture_set_up, test_window_undo_after_restart, fixture_tear_down);
  g_test_add ("/app/window/report-dialog", Fixture, NULL, fixture_set_up, test_window_report_dialog, fixture_tear_down);
  g_test_add ("/app/window/add-delete", Fixture, NULL, fixture_set_up, test_window_add_delete, fixture_tear_down);
  g_test_add ("/app/window/search", Fixture, NULL, fixture_set_up, test_window_search, fixture_tear_down);
  g_test_add ("/app/window/cancel", Fixture, NULL, fixture_set_up, test_window_cancel, fixture_tear_down);
  g_test_add ("/app/window/drop", Fixture, NULL, fixture_set_up, test_window_drop, fixture_tear_down);
  g_test_add ("/app/window/sidebar-counts", Fixture, NULL, fixture_set_up, test_window_sidebar_counts, fixture_tear_down);
  g_test_add ("/app/window/bad-files", Fixture, NULL, fixture_set_up, test_window_bad_files, fixture_tear_down);
  g_test_add ("/app/window/sidebar-groups", Fixture, NULL, fixture_set_up, test_sidebar_groups, fixture_tear_down);
  g_test_add ("/app/window/sidebar-selection", Fixture, NULL, fixture_set_up, test_sidebar_selection, fixture_tear_down);
  g_test_add ("/app/window/sidebar-keys", Fixture, NULL, fixture_set_up, test_sidebar_keys, fixture_tear_down);
  g_test_add_func ("/app/window/corrupt-library", test_window_corrupt_library);
  g_test_add_func ("/app/item-list/changes", test_item_list_changes);
  g_test_add_func ("/app/item-list/steps", test_item_list_steps);
  g_test_add_func ("/app/help-overlay", test_help_overlay);

  return g_test_run ();
}
