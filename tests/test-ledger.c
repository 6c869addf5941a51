/* test-ledger.c: the tracking sheet built from a tracked plan
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "luoshi-ledger.h"
#include "luoshi-track.h"
#include "luoshi-track-library.h"

#include "track-fixture.h"

/* A review of 2024 and a plan for 2025 in one report, the plan part under
 * one heading, in traditional characters. */
static const char review_plan_text[] =
  "青石縣教育局2024年工作總結和2025年工作要點\n"
  "\n"
  "一、2024年工作總結\n"
  "全年新建公辦幼兒園2所，新增學位600個。\n"
  "\n"
  "二、2025年工作要點\n"
  "（一）主要目標\n"
  "學前三年毛入園率達到92%以上。義務教育鞏固率保持在99%以上。\n"
  "（二）重點任務\n"
  "1、新建公辦幼兒園3所以上。\n"
  "2、招聘新教師150名。\n";

static LuoshiDocument *
analyze (const char *name,
         const char *text)
{
  LuoshiDocument *doc = luoshi_document_new (name, text, -1);

  luoshi_document_analyze (doc);
  g_assert_cmpuint (doc->reports->len, >=, 1);
  return doc;
}

/* The goal whose text contains @needle. */
static LuoshiItem *
find_goal (GPtrArray  *goals,
           const char *needle)
{
  for (guint i = 0; i < goals->len; i++)
    {
      LuoshiItem *goal = g_ptr_array_index (goals, i);
      if (strstr (goal->text, needle) != NULL)
        return goal;
    }
  g_assert_not_reached ();
  return NULL;
}

static LuoshiSheetRow *
find_row (LuoshiSheet *sheet,
          const char  *needle)
{
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      LuoshiSheetRow *row = g_ptr_array_index (sheet->rows, i);
      if (strstr (row->goal, needle) != NULL)
        return row;
    }
  return NULL;
}

static void
test_title (void)
{
  g_autoptr(LuoshiDocument) plan = analyze ("plan.txt", plan_text);
  g_autoptr(LuoshiDocument) both = analyze ("both.txt", review_plan_text);
  g_autofree char *title = luoshi_ledger_title (plan, 0);
  g_autofree char *both_title = luoshi_ledger_title (both, 0);
  g_autoptr(LuoshiSheet) sheet = luoshi_ledger_build (plan, 0, NULL);

  g_assert_cmpstr (title, ==, "青石县教育局2025年工作要点落实情况台账");
  g_assert_cmpstr (sheet->title, ==, title);
  g_assert_cmpstr (sheet->issuer, ==, "青石县教育局");
  g_assert_cmpstr (sheet->period, ==, "2025年");
  /* A review+plan report sets the goals of the year after the one it
   * reviews; the title names that year, in simplified characters on the
   * sheet. */
  g_assert_cmpint (luoshi_ledger_plan_year (both, 0), ==, 2025);
  g_assert_nonnull (strstr (both_title, "2025年工作要"));
}

static void
test_title_unknown (void)
{
  g_autoptr(LuoshiDocument) doc = analyze ("notes.txt", "关于做好秋季开学工作的安排\n\n一、新建幼儿园3所。\n");
  g_autofree char *title = NULL;
  LuoshiReport *report = g_ptr_array_index (doc->reports, 0);

  /* Without a body or a year, the report's own title names the sheet. */
  g_clear_pointer (&report->org, g_free);
  report->year = 0;
  g_free (report->title);
  report->title = g_strdup ("秋季开学工作安排");
  title = luoshi_ledger_title (doc, 0);
  g_assert_cmpstr (title, ==, "秋季开学工作安排落实情况台账");
}

static void
test_areas (void)
{
  g_autoptr(LuoshiDocument) plan = analyze ("plan.txt", plan_text);
  g_autoptr(LuoshiDocument) both = analyze ("both.txt", review_plan_text);
  g_autoptr(GPtrArray) goals = luoshi_ledger_list_goals (plan, 0);
  g_autoptr(GPtrArray) areas = luoshi_ledger_goal_areas (plan, 0, goals);
  g_autoptr(GPtrArray) both_goals = luoshi_ledger_list_goals (both, 0);
  g_autoptr(GPtrArray) both_areas = luoshi_ledger_goal_areas (both, 0, both_goals);
  gboolean seen_main = FALSE, seen_tasks = FALSE;

  g_assert_cmpuint (goals->len, >=, 8);
  g_assert_cmpuint (areas->len, ==, goals->len);
  for (guint i = 0; i < goals->len; i++)
    {
      LuoshiItem *goal = g_ptr_array_index (goals, i);
      const char *area = g_ptr_array_index (areas, i);

      if (i > 0)
        g_assert_cmpuint (((LuoshiItem *) g_ptr_array_index (goals, i - 1))->start, <=, goal->start);
      if (strstr (goal->text, "入园率") != NULL)
        g_assert_cmpstr (area, ==, "一、学前教育");
      if (strstr (goal->text, "教育集团") != NULL)
        g_assert_cmpstr (area, ==, "二、义务教育");
      if (strstr (goal->text, "招聘新教师") != NULL)
        g_assert_cmpstr (area, ==, "三、教师队伍建设");
    }

  /* All goals share the heading 二、2025年工作要點, so the level below it
   * splits them into 板块. */
  g_assert_cmpuint (both_goals->len, >=, 3);
  for (guint i = 0; i < both_goals->len; i++)
    {
      LuoshiItem *goal = g_ptr_array_index (both_goals, i);
      const char *area = g_ptr_array_index (both_areas, i);

      g_assert_cmpuint (goal->kind, ==, LUOSHI_ITEM_GOAL);
      if (strstr (goal->text, "鞏固率") != NULL)
        {
          g_assert_cmpstr (area, ==, "（一）主要目標");
          seen_main = TRUE;
        }
      if (strstr (goal->text, "招聘新教師") != NULL)
        {
          g_assert_cmpstr (area, ==, "（二）重點任務");
          seen_tasks = TRUE;
        }
    }
  g_assert_true (seen_main);
  g_assert_true (seen_tasks);
}

static void
test_figures (void)
{
  g_autoptr(LuoshiDocument) plan = analyze ("plan.txt", plan_text);
  g_autoptr(GPtrArray) goals = luoshi_ledger_list_goals (plan, 0);
  LuoshiItem *rate = find_goal (goals, "入园率");
  LuoshiItem *groups = find_goal (goals, "教育集团");
  g_autofree char *target = luoshi_ledger_target_text (rate);
  g_autofree char *actual = luoshi_ledger_actual_figures (rate, "学前三年毛入园率达到93.2%，新增学位960个。");
  g_autofree char *other = luoshi_ledger_actual_figures (rate, "新增学位960个。");
  g_autofree char *count = luoshi_ledger_actual_figures (groups, "新组建教育集团1个，覆盖学校12所。");

  g_assert_cmpstr (target, ==, "入园率 ≥ 92%");
  g_assert_cmpstr (actual, ==, "入园率 93.2%");
  /* A figure of another unit answers nothing. */
  g_assert_null (other);
  g_assert_nonnull (count);
  g_assert_nonnull (strstr (count, "1 个"));
  g_assert_null (strstr (count, "12"));
}

/* Verdicts set by hand, as the store hands them back after the user
 * decided, so the sheet's own work is checked apart from tracking. */
static LuoshiDocument *
decided_plan (void)
{
  LuoshiDocument *plan = analyze ("plan.txt", plan_text);
  g_autoptr(GPtrArray) goals = luoshi_ledger_list_goals (plan, 0);
  LuoshiItem *rate = find_goal (goals, "入园率");
  LuoshiItem *schools = find_goal (goals, "校舍改造");
  LuoshiItem *centre = find_goal (goals, "发展中心");

  rate->id = 11;
  rate->status = LUOSHI_STATUS_MET;
  rate->status_by_user = TRUE;
  luoshi_item_add_evidence (rate, "review.txt", 90, 104, 2.0, "学前三年毛入园率达到93.2%");
  luoshi_item_set_status_reason (rate, "93.2% ≥ 92%");

  schools->status = LUOSHI_STATUS_NOT_MET;
  schools->key = TRUE;
  luoshi_item_add_evidence (schools, "review.txt", 115, 127, 1.5, "完成6所农村学校校舍改造");
  luoshi_item_set_note (schools, "督查室跟踪");

  centre->status = LUOSHI_STATUS_IN_PROGRESS;
  luoshi_item_set_status_reason (centre, "已启动");
  return plan;
}

static void
test_rows (void)
{
  g_autoptr(LuoshiDocument) plan = decided_plan ();
  g_autoptr(GPtrArray) goals = luoshi_ledger_list_goals (plan, 0);
  LuoshiLedgerOptions options;
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autoptr(LuoshiSheet) plain = luoshi_ledger_build (plan, 0, NULL);
  LuoshiSheetRow *rate, *schools, *centre;
  g_autofree char *progress = NULL;
  guint counts[6] = { 0 };

  luoshi_ledger_options_init (&options);
  options.reason_as_note = TRUE;
  sheet = luoshi_ledger_build (plan, 0, &options);
  rate = find_row (sheet, "入园率");
  schools = find_row (sheet, "校舍改造");
  centre = find_row (sheet, "发展中心");
  /* By default only the user's notes are printed. */
  g_assert_null (find_row (plain, "入园率")->note);
  g_assert_cmpstr (find_row (plain, "校舍改造")->note, ==, "督查室跟踪");

  g_assert_cmpuint (sheet->kind, ==, LUOSHI_SHEET_TRACKING);
  g_assert_cmpuint (sheet->rows->len, ==, goals->len);
  for (guint i = 0; i < goals->len; i++)
    {
      LuoshiItem *goal = g_ptr_array_index (goals, i);
      LuoshiSheetRow *row = g_ptr_array_index (sheet->rows, i);
      g_assert_cmpstr (row->goal, ==, goal->text);
    }

  g_assert_nonnull (rate);
  g_assert_cmpint (rate->item_id, ==, 11);
  g_assert_cmpstr (rate->section, ==, "一、学前教育");
  g_assert_cmpstr (rate->target, ==, "入园率 ≥ 92%");
  g_assert_cmpstr (rate->actual, ==, "入园率 93.2%");
  g_assert_cmpstr (rate->evidence, ==, "学前三年毛入园率达到93.2%");
  g_assert_cmpstr (rate->source, ==, "review.txt");
  g_assert_cmpint (rate->status, ==, LUOSHI_STATUS_MET);
  /* No note of the user's: the reason fills the 备注 when asked. */
  g_assert_cmpstr (rate->note, ==, "93.2% ≥ 92%");
  progress = luoshi_sheet_row_progress_text (rate);
  g_assert_nonnull (strstr (progress, "“学前三年毛入园率达到93.2%”"));

  g_assert_nonnull (schools);
  g_assert_true (schools->key);
  g_assert_cmpstr (schools->note, ==, "督查室跟踪");
  g_assert_cmpstr (schools->actual, ==, "农村学校校舍改造 6 所");
  g_assert_cmpint (schools->status, ==, LUOSHI_STATUS_NOT_MET);

  g_assert_nonnull (centre);
  g_assert_null (centre->target);
  g_assert_null (centre->evidence);

  luoshi_sheet_count_statuses (sheet, counts);
  g_assert_cmpuint (counts[LUOSHI_STATUS_MET], ==, 1);
  g_assert_cmpuint (counts[LUOSHI_STATUS_NOT_MET], ==, 1);
  g_assert_cmpuint (counts[LUOSHI_STATUS_IN_PROGRESS], ==, 1);
}

static void
test_options (void)
{
  g_autoptr(LuoshiDocument) plan = decided_plan ();
  LuoshiLedgerOptions options;
  g_autoptr(LuoshiSheet) key = NULL;
  g_autoptr(LuoshiSheet) by_status = NULL;
  g_autoptr(LuoshiSheet) by_section = NULL;
  g_autoptr(LuoshiSheet) list = NULL;

  luoshi_ledger_options_init (&options);
  options.key_only = TRUE;
  key = luoshi_ledger_build (plan, 0, &options);
  g_assert_cmpuint (key->rows->len, ==, 1);
  g_assert_nonnull (find_row (key, "校舍改造"));

  luoshi_ledger_options_init (&options);
  options.statuses = LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_MET) | LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_IN_PROGRESS);
  by_status = luoshi_ledger_build (plan, 0, &options);
  g_assert_cmpuint (by_status->rows->len, ==, 2);
  g_assert_nonnull (find_row (by_status, "入园率"));
  g_assert_nonnull (find_row (by_status, "发展中心"));

  luoshi_ledger_options_init (&options);
  options.section = "三、教师队伍建设";
  by_section = luoshi_ledger_build (plan, 0, &options);
  g_assert_cmpuint (by_section->rows->len, >=, 2);
  for (guint i = 0; i < by_section->rows->len; i++)
    g_assert_cmpstr (((LuoshiSheetRow *) g_ptr_array_index (by_section->rows, i))->section, ==, "三、教师队伍建设");

  luoshi_ledger_options_init (&options);
  options.kind = LUOSHI_SHEET_GOAL_LIST;
  options.paper = LUOSHI_PAPER_A3;
  options.orientation = LUOSHI_ORIENTATION_PORTRAIT;
  options.columns = LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL | LUOSHI_SHEET_COLUMN_STATUS;
  list = luoshi_ledger_build (plan, 0, &options);
  g_assert_cmpuint (list->kind, ==, LUOSHI_SHEET_GOAL_LIST);
  g_assert_cmpuint (list->paper, ==, LUOSHI_PAPER_A3);
  g_assert_cmpuint (list->orientation, ==, LUOSHI_ORIENTATION_PORTRAIT);
  /* A goal list never shows a status, whatever was asked. */
  g_assert_cmpuint (luoshi_sheet_get_visible_columns (list), ==,
                    LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL);
}

static void
test_traditional (void)
{
  g_autoptr(LuoshiDocument) both = analyze ("both.txt", review_plan_text);
  LuoshiLedgerOptions options;
  g_autoptr(LuoshiSheet) simplified = NULL;
  g_autoptr(LuoshiSheet) as_written = NULL;

  luoshi_ledger_options_init (&options);
  simplified = luoshi_ledger_build (both, 0, &options);
  g_assert_nonnull (find_row (simplified, "巩固率"));
  g_assert_null (find_row (simplified, "鞏固率"));
  g_assert_cmpstr (((LuoshiSheetRow *) g_ptr_array_index (simplified->rows, 0))->section, ==, "（一）主要目标");

  /* The title is printed in the report's script too. */
  g_assert_nonnull (strstr (simplified->title, "工作要点落实情况台账"));

  options.simplify = FALSE;
  as_written = luoshi_ledger_build (both, 0, &options);
  g_assert_nonnull (find_row (as_written, "鞏固率"));
  g_assert_nonnull (strstr (as_written->title, "工作要點落實情況台賬"));
}

static void
test_tracked (void)
{
  g_autoptr(LuoshiDocument) plan = analyze ("plan.txt", plan_text);
  g_autoptr(LuoshiDocument) review = analyze ("review.txt", review_text);
  g_autoptr(LuoshiSheet) sheet = NULL;
  LuoshiSheetRow *rate;
  guint tracked, counts[6] = { 0 };

  tracked = luoshi_track (plan, 0, review, 0, NULL);
  g_assert_cmpuint (tracked, >=, 8);
  sheet = luoshi_ledger_build (plan, 0, NULL);
  g_assert_cmpuint (sheet->rows->len, ==, tracked);

  /* 93.2% against a floor of 92% is met and the sheet quotes it. */
  rate = find_row (sheet, "入园率");
  g_assert_nonnull (rate);
  g_assert_cmpint (rate->status, ==, LUOSHI_STATUS_MET);
  g_assert_nonnull (rate->evidence);
  g_assert_nonnull (strstr (rate->evidence, "93.2%"));
  g_assert_cmpstr (rate->actual, ==, "入园率 93.2%");
  g_assert_cmpstr (rate->source, ==, "review.txt");

  luoshi_sheet_count_statuses (sheet, counts);
  g_assert_cmpuint (counts[LUOSHI_STATUS_UNRATED], <, sheet->rows->len);
  g_assert_cmpuint (counts[LUOSHI_STATUS_MET], >=, 3);
}

/* The goal of stored report @report_id whose text contains @needle. */
static LuoshiItem *
stored_goal (LuoshiStore *store,
             gint64       report_id,
             const char  *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = luoshi_store_list_report_items (store, report_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);
      if (item->kind == LUOSHI_ITEM_GOAL && strstr (item->text, needle) != NULL)
        return luoshi_item_ref (item);
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_track_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = luoshi_store_new (":memory:", &error);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(GPtrArray) chains = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(LuoshiItem) rate = NULL;
  g_autoptr(LuoshiItem) again = NULL;
  gint64 plan_id = 0, review_id = 0, review_file = 0;
  guint n_chains = 0;

  g_assert_no_error (error);
  g_ptr_array_add (docs, analyze ("plan.txt", plan_text));
  g_ptr_array_add (docs, analyze ("review.txt", review_text));
  g_assert_true (luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_no_error (error);
  reports = luoshi_store_list_reports (store, 0, &error);
  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);
      if (g_str_equal (report->file_name, "plan.txt"))
        plan_id = report->id;
      else
        {
          review_id = report->id;
          review_file = report->file_id;
        }
    }

  /* The app's pair, tracked, the suggestions stored with a link to the
   * review's file. */
  g_assert_true (luoshi_track_library (store, NULL, &n_chains, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_chains, ==, 1);
  chains = luoshi_store_list_chains (store, &error);
  g_assert_cmpuint (chains->len, ==, 1);
  g_assert_cmpint (((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->plan_report_id, ==, plan_id);
  g_assert_cmpint (((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->review_report_id, ==, review_id);
  rate = stored_goal (store, plan_id, "入园率");
  g_assert_cmpint (rate->status, ==, LUOSHI_STATUS_MET);
  g_assert_false (rate->status_by_user);
  g_assert_cmpuint (rate->evidence->len, >, 0);
  g_assert_cmpint (((LuoshiEvidence *) g_ptr_array_index (rate->evidence, 0))->file_id, ==, review_file);
  /* Suggestions are not edits: nothing to undo. */
  g_assert_false (luoshi_store_can_undo (store));

  /* The user's verdict and the user's pair survive another run. */
  g_assert_true (luoshi_store_set_verdict (store, rate->id, LUOSHI_STATUS_PARTLY, TRUE, NULL, NULL, &error));
  g_assert_true (luoshi_store_clear_app_chains (store, &error));
  g_assert_cmpint (luoshi_store_add_chain (store, plan_id, review_id, LUOSHI_CHAIN_ORIGIN_USER, &error), >, 0);
  g_assert_true (luoshi_track_library (store, NULL, &n_chains, &error));
  g_assert_no_error (error);
  g_clear_pointer (&chains, g_ptr_array_unref);
  chains = luoshi_store_list_chains (store, &error);
  g_assert_cmpuint (chains->len, ==, 1);
  g_assert_cmpint (((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->origin, ==, LUOSHI_CHAIN_ORIGIN_USER);
  again = stored_goal (store, plan_id, "入园率");
  g_assert_cmpint (again->status, ==, LUOSHI_STATUS_PARTLY);
  g_assert_true (again->status_by_user);

  /* A pair with an unknown report is an error. */
  g_assert_false (luoshi_track_stored_pair (store, plan_id, 987654, NULL, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
}

static void
test_parse (void)
{
  guint mask = 0;
  LuoshiSheetColumns columns = 0;
  g_autofree char *bad = NULL;
  g_autofree char *bad_column = NULL;

  g_assert_true (luoshi_ledger_parse_statuses ("met, partly,in-progress", &mask, NULL));
  g_assert_cmpuint (mask, ==, LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_MET)
                              | LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_PARTLY)
                              | LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_IN_PROGRESS));
  g_assert_false (luoshi_ledger_parse_statuses ("met,done", &mask, &bad));
  g_assert_cmpstr (bad, ==, "done");
  g_assert_false (luoshi_ledger_parse_statuses (",", &mask, NULL));

  g_assert_true (luoshi_ledger_parse_columns ("number,goal,status", &columns, NULL));
  g_assert_cmpuint (columns, ==, LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL | LUOSHI_SHEET_COLUMN_STATUS);
  g_assert_true (luoshi_ledger_parse_columns ("number,area,goal,target,progress,status,note", &columns, NULL));
  g_assert_cmpuint (columns, ==, LUOSHI_SHEET_COLUMNS_ALL);
  g_assert_false (luoshi_ledger_parse_columns ("goal,verdict", &columns, &bad_column));
  g_assert_cmpstr (bad_column, ==, "verdict");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/title", test_title);
  g_test_add_func ("/ledger/title/unknown", test_title_unknown);
  g_test_add_func ("/ledger/areas", test_areas);
  g_test_add_func ("/ledger/figures", test_figures);
  g_test_add_func ("/ledger/rows", test_rows);
  g_test_add_func ("/ledger/options", test_options);
  g_test_add_func ("/ledger/traditional", test_traditional);
  g_test_add_func ("/ledger/tracked", test_tracked);
  g_test_add_func ("/ledger/parse", test_parse);
  g_test_add_func ("/ledger/track-library", test_track_library);

  return g_test_run ();
}
