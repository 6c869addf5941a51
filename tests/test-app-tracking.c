/* test-app-tracking.c: the Tracking page of the real window
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "luoshi-context.h"
#include "luoshi-item-object.h"
#include "luoshi-preferences-window.h"
#include "luoshi-print-operation.h"
#include "luoshi-report-view.h"
#include "luoshi-store.h"
#include "luoshi-tracking-view-private.h"
#include "luoshi-window-private.h"

#include "test-util.h"

/* A county plan and its year-end review, written for this test. */
static const char plan_text[] =
  "青石县教育局2025年工作要点\n"
  "\n"
  "一、学前教育\n"
  "1、新建公办幼儿园3所以上，新增学位900个。\n"
  "2、学前三年毛入园率达到92%以上。\n"
  "\n"
  "二、义务教育\n"
  "1、完成8所农村学校校舍改造。\n"
  "2、义务教育巩固率保持在99%以上。\n"
  "\n"
  "三、教师队伍建设\n"
  "1、招聘新教师150名，培训教师3000人次。\n"
  "2、启动县教师发展中心建设。\n";

static const char review_text[] =
  "青石县教育局2025年工作总结\n"
  "\n"
  "2025年，县教育局围绕年初确定的目标任务，扎实推进各项工作。\n"
  "\n"
  "一、主要工作成效\n"
  "（一）学前教育\n"
  "全年新建公办幼儿园4所，新增学位960个。学前三年毛入园率达到93.2%。\n"
  "（二）义务教育\n"
  "完成6所农村学校校舍改造。义务教育巩固率保持在99.3%。\n"
  "（三）教师队伍\n"
  "招聘新教师162名，培训教师3100人次。县教师发展中心建设已启动，完成规划设计。\n"
  "\n"
  "二、存在的问题\n"
  "一是农村学校校舍改造进度滞后。二是教师结构性缺编问题仍然存在。\n";

typedef struct
{
  char          *root;
  char          *dir;
  LuoshiStore   *store;
  GSettings     *settings;
  LuoshiContext *context;
  LuoshiWindow  *window;
} Fixture;

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  const char *paths[2];
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  fixture->root = g_dir_make_tmp ("luoshi-test-tracking-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_build_filename (fixture->root, "reports", NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  write_file (fixture->dir, "青石县教育局2025年工作要点.txt", plan_text);
  write_file (fixture->dir, "青石县教育局2025年工作总结.txt", review_text);

  db = g_build_filename (fixture->root, "library.db", NULL);
  fixture->store = luoshi_store_new (db, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new (APP_ID);
  fixture->context = luoshi_context_new (fixture->store, fixture->settings);
  fixture->window = g_object_ref (luoshi_window_new (NULL, fixture->context));
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* Importing pairs the plan with the review and tracks it. */
  paths[0] = fixture->dir;
  paths[1] = NULL;
  luoshi_window_import (fixture->window, paths);
  while (luoshi_window_is_importing (fixture->window))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->store);
  remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->dir);
}

/* The id of the shown goal whose text contains @needle. */
static gint64
goal_id (Fixture    *fixture,
         const char *needle)
{
  GArray *ids = _luoshi_tracking_view_get_goal_ids (fixture->window->tracking_view);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(LuoshiItem) item = luoshi_store_get_item (fixture->store, id, NULL);

      if (item != NULL && strstr (item->text, needle) != NULL)
        return id;
    }
  g_error ("no goal “%s” on the page", needle);
  return 0;
}

static LuoshiItem *
get_item (Fixture *fixture,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  LuoshiItem *item = luoshi_store_get_item (fixture->store, id, &error);

  g_assert_no_error (error);
  return item;
}

/* The goal list is virtual: rows get widgets when it lays out, in a
 * frame after a change. Waits for goal @id's verdict button to read
 * @label (bounded, not timed). */
static GtkWidget *
wait_for_pill (LuoshiTrackingView *view,
               gint64              id,
               const char         *label)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *pill;

  for (;;)
    {
      pill = _luoshi_tracking_view_get_verdict_button (view, id);
      if (pill != NULL && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (pill)), label) == 0)
        return pill;
      if (g_get_monotonic_time () > deadline)
        g_error ("goal %" G_GINT64_FORMAT " never showed “%s”", id, label);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_tracking_page (Fixture       *fixture,
                    gconstpointer  data)
{
  LuoshiTrackingView *view = fixture->window->tracking_view;
  LuoshiVerdictBar *bar = _luoshi_tracking_view_get_total_bar (view);
  g_autoptr(GPtrArray) chains = luoshi_store_list_chains (fixture->store, NULL);
  GArray *ids = _luoshi_tracking_view_get_goal_ids (view);
  g_autoptr(LuoshiItem) rate = NULL;
  GtkWidget *pill;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "tracking"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (fixture->window->view_stack), ==, "tracking");

  /* The app proposed the pair and suggested verdicts. */
  g_assert_nonnull (chains);
  g_assert_cmpuint (chains->len, ==, 1);
  g_assert_cmpint (((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->origin, ==, LUOSHI_CHAIN_ORIGIN_APP);
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==,
                   ((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->id);
  g_assert_cmpuint (ids->len, >=, 6);
  g_assert_cmpuint (luoshi_verdict_bar_get_total (bar), ==, ids->len);
  g_assert_cmpuint (luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_MET), >=, 3);

  rate = get_item (fixture, goal_id (fixture, "入园率"));
  g_assert_cmpint (rate->status, ==, LUOSHI_STATUS_MET);
  g_assert_false (rate->status_by_user);
  g_assert_cmpuint (rate->evidence->len, >, 0);
  g_assert_nonnull (strstr (((LuoshiEvidence *) g_ptr_array_index (rate->evidence, 0))->text, "93.2%"));
  pill = wait_for_pill (view, rate->id, "Met");
  g_assert_true (gtk_widget_has_css_class (pill, "verdict-met"));
}

static void
test_override_undo (Fixture       *fixture,
                    gconstpointer  data)
{
  LuoshiTrackingView *view = fixture->window->tracking_view;
  LuoshiVerdictBar *bar = _luoshi_tracking_view_get_total_bar (view);
  gint64 id = goal_id (fixture, "入园率");
  guint met_before = luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_MET);
  guint not_met_before = luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_NOT_MET);
  g_autoptr(LuoshiItem) item = NULL;
  GtkWidget *pill;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "tracking"));
  wait_for_pill (view, id, "Met");

  /* The pill's menu item: the user says it was not met. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.set-verdict", "(xs)", id, "not_met"));
  item = get_item (fixture, id);
  g_assert_cmpint (item->status, ==, LUOSHI_STATUS_NOT_MET);
  g_assert_true (item->status_by_user);
  /* The evidence stays with the goal. */
  g_assert_cmpuint (item->evidence->len, >, 0);
  g_clear_pointer (&item, luoshi_item_unref);

  pill = wait_for_pill (view, id, "Not met");
  g_assert_true (gtk_widget_has_css_class (pill, "verdict-not-met"));
  g_assert_cmpuint (luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_MET), ==, met_before - 1);
  g_assert_cmpuint (luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_NOT_MET), ==, not_met_before + 1);

  /* A new tracking run leaves the user's verdict alone. */
  g_assert_true (luoshi_tracking_view_track_library (view, NULL));
  item = get_item (fixture, id);
  g_assert_cmpint (item->status, ==, LUOSHI_STATUS_NOT_MET);
  g_clear_pointer (&item, luoshi_item_unref);

  /* Undo through the window: the suggestion is back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  item = get_item (fixture, id);
  g_assert_cmpint (item->status, ==, LUOSHI_STATUS_MET);
  g_assert_false (item->status_by_user);
  g_clear_pointer (&item, luoshi_item_unref);
  wait_for_pill (view, id, "Met");
  g_assert_cmpuint (luoshi_verdict_bar_get_count (bar, LUOSHI_STATUS_MET), ==, met_before);

  /* Redo, then hand it back to the app through the menu's last entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.reset-verdict", "x", id));
  item = get_item (fixture, id);
  g_assert_cmpint (item->status, ==, LUOSHI_STATUS_MET);
  g_assert_false (item->status_by_user);
}

static void
test_selection_as_evidence (Fixture       *fixture,
                            gconstpointer  data)
{
  LuoshiTrackingView *view = fixture->window->tracking_view;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (_luoshi_tracking_view_get_review_text (view));
  gint64 id = goal_id (fixture, "发展中心");
  g_autoptr(LuoshiItem) item = NULL;
  g_autofree char *text = NULL;
  const char *quote = "完成规划设计";
  GtkTextIter start, end;
  const LuoshiEvidence *ev;

  /* Open the review beside the goal, select a phrase, use it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.show-evidence", "(xu)", id, G_MAXUINT));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, quote));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, strstr (text, quote)));
  end = start;
  gtk_text_iter_forward_chars (&end, g_utf8_strlen (quote, -1));
  gtk_text_buffer_select_range (buffer, &start, &end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.use-selection", NULL));

  item = get_item (fixture, id);
  g_assert_true (item->status_by_user);
  g_assert_cmpuint (item->evidence->len, >, 0);
  ev = g_ptr_array_index (item->evidence, 0);
  g_assert_cmpstr (ev->text, ==, quote);
  g_assert_cmpuint (ev->end - ev->start, ==, g_utf8_strlen (quote, -1));
  g_assert_cmpint (ev->file_id, >, 0);
  g_clear_pointer (&item, luoshi_item_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  item = get_item (fixture, id);
  g_assert_false (item->status_by_user);
  g_assert_true (item->evidence->len == 0
                 || g_strcmp0 (((LuoshiEvidence *) g_ptr_array_index (item->evidence, 0))->text, quote) != 0);
}

static void
test_filter_and_sheet (Fixture       *fixture,
                       gconstpointer  data)
{
  LuoshiTrackingView *view = fixture->window->tracking_view;
  GArray *ids = _luoshi_tracking_view_get_goal_ids (view);
  guint all = ids->len;
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autoptr(LuoshiSheet) met_sheet = NULL;
  g_autoptr(GError) error = NULL;

  /* The preferences' paper goes into the sheet. */
  g_settings_set_string (fixture->settings, "sheet-paper", "A3");
  sheet = luoshi_tracking_view_build_sheet (view, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->rows->len, ==, all);
  g_assert_cmpint (sheet->paper, ==, LUOSHI_PAPER_A3);
  g_assert_cmpstr (sheet->title, ==, "青石县教育局2025年工作要点落实情况台账");

  luoshi_tracking_view_set_filter (view, LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_MET));
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (ids->len, <, all);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(LuoshiItem) item = get_item (fixture, g_array_index (ids, gint64, i));
      g_assert_cmpint (item->status, ==, LUOSHI_STATUS_MET);
    }
  /* What is printed is what is shown. */
  met_sheet = luoshi_tracking_view_build_sheet (view, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (met_sheet->rows->len, ==, ids->len);

  luoshi_tracking_view_set_filter (view, 0);
  g_assert_cmpuint (ids->len, ==, all);
}

static void
test_pair_by_hand (Fixture       *fixture,
                   gconstpointer  data)
{
  LuoshiTrackingView *view = fixture->window->tracking_view;
  g_autoptr(GPtrArray) reports = luoshi_store_list_reports (fixture->store, 0, NULL);
  g_autoptr(GPtrArray) chains = NULL;
  g_autoptr(GError) error = NULL;
  GtkStack *stack;
  gint64 plan_id = 0, review_id = 0;
  LuoshiStoreChain *chain;

  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);
      if (report->report->kind == LUOSHI_REPORT_PLAN)
        plan_id = report->id;
      else
        review_id = report->id;
    }
  g_assert_cmpint (plan_id, >, 0);
  g_assert_cmpint (review_id, >, 0);

  /* Without the app's pair the page says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.remove-chain", NULL));
  settle ();
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==, 0);
  stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* Undo through the window brings the app's pair back, redo removes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  chains = luoshi_store_list_chains (fixture->store, NULL);
  g_assert_cmpuint (chains->len, ==, 1);
  chain = g_ptr_array_index (chains, 0);
  g_assert_cmpint (chain->origin, ==, LUOSHI_CHAIN_ORIGIN_APP);
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==, chain->id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chain");
  g_clear_pointer (&chains, g_ptr_array_unref);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  settle ();
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* A plan cannot answer itself. */
  g_assert_false (luoshi_tracking_view_pair (view, plan_id, plan_id, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (luoshi_tracking_view_pair (view, plan_id, review_id, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chain");
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), >, 0);
  g_assert_cmpuint (luoshi_verdict_bar_get_count (_luoshi_tracking_view_get_total_bar (view), LUOSHI_STATUS_MET), >=, 3);

  /* The pairing is undone like any edit, and redone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  settle ();
  chains = luoshi_store_list_chains (fixture->store, NULL);
  g_assert_cmpuint (chains->len, ==, 0);
  g_clear_pointer (&chains, g_ptr_array_unref);
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chain");
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), >, 0);

  /* Finding pairs again keeps the user's pair as the user's. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "tracking.propose", NULL));
  chains = luoshi_store_list_chains (fixture->store, NULL);
  g_assert_cmpuint (chains->len, ==, 1);
  chain = g_ptr_array_index (chains, 0);
  g_assert_cmpint (chain->origin, ==, LUOSHI_CHAIN_ORIGIN_USER);
  g_assert_cmpint (chain->plan_report_id, ==, plan_id);
  g_assert_cmpint (luoshi_tracking_view_get_chain_id (view), ==, chain->id);
}

static void
test_print_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->root, "sheet.pdf", NULL);
  g_autoptr(LuoshiDocument) plan = NULL;
  g_autoptr(LuoshiPrintOperation) operation = NULL;
  g_autoptr(GPtrArray) reports = luoshi_store_list_reports (fixture->store, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  LuoshiLedgerOptions options;
  gsize len = 0;
  guint plan_index = G_MAXUINT;

  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);
      if (report->report->kind == LUOSHI_REPORT_PLAN)
        {
          plan = luoshi_store_load_document (fixture->store, report->file_id, &error);
          plan_index = report->index;
        }
    }
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  luoshi_ledger_options_init (&options);
  operation = luoshi_print_operation_new (plan, plan_index, &options);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_nonnull (luoshi_print_operation_get_sheet (operation));
  g_assert_cmpuint (luoshi_sheet_get_n_pages (luoshi_print_operation_get_sheet (operation)), >=, 1);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));
  g_assert_cmpuint (len, >, 1000);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  LuoshiPreferencesWindow *preferences = luoshi_preferences_window_new (GTK_WINDOW (fixture->window),
                                                                        fixture->settings);

  g_object_ref (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
  settle ();
  /* Keys change while it is open (another window, a reset): no warning,
   * and it goes away cleanly. */
  g_settings_set_flags (fixture->settings, "sheet-columns",
                        LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL);
  g_settings_set_string (fixture->settings, "library-path", "/tmp/elsewhere.db");
  g_settings_set_double (fixture->settings, "rate-tolerance", 1.0);
  settle ();
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_finalize_object (preferences);
}

/* The status the report page's table shows for item @id. */
static LuoshiStatus
table_status (Fixture *fixture,
              gint64   id)
{
  LuoshiReportView *report_view = fixture->window->report_view;

  g_assert_true (luoshi_report_view_select_item (report_view, id));
  return luoshi_item_object_get_item (luoshi_report_view_get_selected_item (report_view))->status;
}

/* Tracking runs in a thread on a connection of its own; when it is done
 * the open report shows the verdicts it stored. */
static void
test_report_follows_tracking (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *other = NULL;
  gint64 rate = goal_id (fixture, "入园率");
  g_autoptr(LuoshiItem) item = get_item (fixture, rate);
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_true (luoshi_window_show_report (fixture->window, item->report_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (table_status (fixture, rate), ==, LUOSHI_STATUS_MET);

  /* Another connection decides the goal, as a worker would... */
  g_assert_cmpint (sqlite3_open (luoshi_store_get_path (fixture->store), &other), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE items SET status = '%s', status_by_user = 1 WHERE id = %" G_GINT64_FORMAT,
                         luoshi_status_to_string (LUOSHI_STATUS_PARTLY), rate);
  g_assert_cmpint (sqlite3_exec (other, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  /* ...and a tracking run finishes (it keeps the user's verdict). */
  luoshi_tracking_view_track_library_async (fixture->window->tracking_view);
  while (luoshi_tracking_view_is_tracking (fixture->window->tracking_view))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  settle ();
  g_assert_cmpint (table_status (fixture, rate), ==, LUOSHI_STATUS_PARTLY);
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/tracking/page", Fixture, NULL, fixture_set_up, test_tracking_page, fixture_tear_down);
  g_test_add ("/app/tracking/override-undo", Fixture, NULL, fixture_set_up, test_override_undo, fixture_tear_down);
  g_test_add ("/app/tracking/selection-as-evidence", Fixture, NULL, fixture_set_up, test_selection_as_evidence, fixture_tear_down);
  g_test_add ("/app/tracking/filter-and-sheet", Fixture, NULL, fixture_set_up, test_filter_and_sheet, fixture_tear_down);
  g_test_add ("/app/tracking/pair-by-hand", Fixture, NULL, fixture_set_up, test_pair_by_hand, fixture_tear_down);
  g_test_add ("/app/tracking/print-export", Fixture, NULL, fixture_set_up, test_print_export, fixture_tear_down);
  g_test_add ("/app/tracking/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/app/tracking/report-follows-tracking", Fixture, NULL, fixture_set_up, test_report_follows_tracking, fixture_tear_down);

  return g_test_run ();
}
