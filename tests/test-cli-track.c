/* test-cli-track.c: luoshi-cli track and sheet as users run them
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "luoshi-store.h"

#include "track-fixture.h"

#include "cli-runner.h"

typedef struct {
  char *dir;
  char *db;
  char *plan;
  char *review;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("luoshi-cli-track-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "library.db", NULL);
  f->plan = g_build_filename (f->dir, "青石县教育局2025年工作要点.txt", NULL);
  f->review = g_build_filename (f->dir, "青石县教育局2025年工作总结.txt", NULL);
  g_file_set_contents (f->plan, plan_text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (f->review, review_text, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->plan);
  g_free (f->review);
}

/* The table line of the goal containing @needle. */
static char *
table_line (const char *out,
            const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *rate = NULL, *groups = NULL, *centre = NULL, *header = NULL;

  g_assert_cmpint (run (&out, &err, "track", f->plan, f->review, NULL), ==, 0);
  header = table_line (out, "Verdict");
  g_assert_nonnull (header);
  g_assert_true (g_str_has_prefix (header, "No."));
  g_assert_nonnull (strstr (header, "Area"));
  g_assert_nonnull (strstr (header, "Evidence"));

  /* Figures beaten, figures matched, work started. */
  rate = table_line (out, "学前三年毛入园率达到92%以上");
  g_assert_nonnull (rate);
  g_assert_nonnull (strstr (rate, "一、学前教育"));
  g_assert_nonnull (strstr (rate, "入园率 ≥ 92%"));
  g_assert_nonnull (strstr (rate, "Met"));
  g_assert_nonnull (strstr (rate, "93.2%"));
  groups = table_line (out, "新组建教育集团2个");
  g_assert_nonnull (groups);
  g_assert_nonnull (strstr (groups, "二、义务教育"));
  centre = table_line (out, "启动县教师发展中心建设");
  g_assert_nonnull (centre);
  g_assert_nonnull (strstr (centre, "三、教师队伍建设"));

  /* The goals are numbered in order and counted in the summary. */
  g_assert_nonnull (strstr (out, "\n1 "));
  g_assert_nonnull (strstr (out, " goals: "));
  g_assert_nonnull (strstr (out, " Met, "));
  g_assert_nonnull (strstr (out, " Not met, "));
  g_assert_cmpuint (count (out, "青石县教育局2025年工作要点.txt"), ==, 1);
  g_assert_cmpuint (count (out, "青石县教育局2025年工作总结.txt"), ==, 1);
}

/* Report ids from `luoshi-cli list`, in listing order. */
static GArray *
list_ids (Fixture *f)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_cmpint (run (&out, &err, "list", "--db", f->db, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (lines[i], NULL, 10);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_ids (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL, *by_file = NULL;
  g_autofree char *plan_id = NULL, *review_id = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, f->dir, NULL), ==, 0);
  ids = list_ids (f);
  g_assert_cmpuint (ids->len, ==, 2);
  /* Listed by file name: 工作总结 sorts before 工作要点. */
  review_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  plan_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 1));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&by_file, &err, "track", f->plan, f->review, NULL), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "track", "--db", f->db, plan_id, review_id, NULL), ==, 0);
  /* The same verdicts from the library as from the files. */
  g_assert_cmpstr (strstr (out, "\n\n"), ==, strstr (by_file, "\n\n"));

  /* The user's verdict in the library wins over the suggestion. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(LuoshiStore) store = luoshi_store_new (f->db, &error);
    g_autoptr(GPtrArray) items = NULL;
    g_autofree char *line = NULL;
    gint64 rate_id = 0;

    g_assert_no_error (error);
    items = luoshi_store_list_report_items (store, g_array_index (ids, gint64, 1), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      {
        LuoshiItem *item = g_ptr_array_index (items, i);
        if (item->kind == LUOSHI_ITEM_GOAL && strstr (item->text, "入园率") != NULL)
          rate_id = item->id;
      }
    g_assert_cmpint (rate_id, >, 0);
    g_assert_true (luoshi_store_set_verdict (store, rate_id, LUOSHI_STATUS_NOT_MET, TRUE,
                                             NULL, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&store);

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (&out, &err, "track", "--db", f->db, plan_id, review_id, NULL), ==, 0);
    line = table_line (out, "学前三年毛入园率达到92%以上");
    g_assert_nonnull (line);
    g_assert_nonnull (strstr (line, "Not met*"));
    g_assert_nonnull (strstr (out, "* decided by you"));
  }

  /* A review has no goals to track. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "track", "--db", f->db, review_id, review_id, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "no goals"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "track", "--db", f->db, "99999", review_id, NULL), ==, 1);
  g_assert_cmpstr (err, !=, "");
}

/* Column @column of the rows of a sheet CSV (after the header). */
static GPtrArray *
csv_column (const char *path,
            guint       column)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", column + 2);

      /* Rows start with their number; continuation lines of quoted
       * multi-line cells do not. */
      if (g_strv_length (fields) > column && g_ascii_isdigit (fields[0][0]))
        g_ptr_array_add (cells, g_strdup (fields[column]));
    }
  return cells;
}

static GPtrArray *
csv_goals (const char *path)
{
  return csv_column (path, 2);
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static void
test_sheet_pdf (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL, *pdf = NULL, *csv = NULL;
  g_autofree char *bytes = NULL, *text = NULL, *text_err = NULL, *flat = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  gsize len = 0;

  pdf = g_build_filename (f->dir, "sheet.pdf", NULL);
  csv = g_build_filename (f->dir, "sheet.csv", NULL);
  g_assert_cmpint (run (&out, &err, "sheet", f->plan, f->review, "--csv", csv, NULL), ==, 0);
  goals = csv_goals (csv);
  areas = csv_column (csv, 1);
  g_assert_cmpuint (goals->len, >=, 8);
  g_assert_true (g_ptr_array_find_with_equal_func (goals, "学前三年毛入园率达到92%以上", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (goals, "启动县教师发展中心建设", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (areas, "三、教师队伍建设", g_str_equal, NULL));

  /* Numbers and goals only, so that no quoted evidence repeats a goal. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "sheet", f->plan, f->review, "--pdf", pdf, "--paper", "A3",
                        "--columns", "number,goal", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Wrote "));
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (bytes, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  {
    const char *args[] = { pdftotext, "-raw", pdf, "-", NULL };
    g_assert_cmpint (run_argv (args, &text, &text_err), ==, 0);
  }
  /* Cells wrap at any character, so compare without line breaks; the
   * bands naming each area go, as a heading kept as a goal (学前教育) is
   * also part of its area's name. */
  flat = squeeze (text);
  g_assert_nonnull (strstr (flat, "青石县教育局2025年工作要点落实情况台账"));
  for (guint i = 0; i < areas->len; i++)
    {
      g_autofree char *area = squeeze (g_ptr_array_index (areas, i));
      g_auto(GStrv) parts = NULL;

      if (*area == '\0')
        continue;
      parts = g_strsplit (flat, area, -1);
      g_free (flat);
      flat = g_strjoinv ("|", parts);
    }
  for (guint i = 0; i < goals->len; i++)
    {
      const char *goal = g_ptr_array_index (goals, i);
      g_autofree char *needle = squeeze (goal);
      guint expected = 0;

      /* Once, plus once in each longer goal that quotes it (a heading
       * kept as a goal, 义务教育, inside 义务教育巩固率…). */
      for (guint j = 0; j < goals->len; j++)
        if (strstr (g_ptr_array_index (goals, j), goal) != NULL)
          expected++;
      if (count (flat, needle) != expected)
        g_error ("goal “%s” appears %u times in the PDF, not %u", goal, count (flat, needle), expected);
    }
}

static void
test_sheet_filters (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL, *csv = NULL, *list = NULL, *header = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) met = NULL;
  g_autoptr(GPtrArray) goals_only = NULL;
  g_autofree char *all_out = NULL, *table = NULL;

  csv = g_build_filename (f->dir, "all.csv", NULL);
  g_assert_cmpint (run (&all_out, &err, "sheet", f->plan, f->review, "--csv", csv, NULL), ==, 0);
  all = csv_goals (csv);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "sheet", f->plan, f->review, "--csv", csv,
                        "--status", "met", "--columns", "number,goal,status", NULL), ==, 0);
  met = csv_goals (csv);
  g_assert_cmpuint (met->len, >, 0);
  g_assert_cmpuint (met->len, <, all->len);
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "No.,Goal,Status\r\n"));
    g_assert_cmpuint (count (text, ",Met\r\n"), ==, met->len);
  }

  /* Nothing is flagged as a key task in files just read. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "sheet", f->plan, f->review, "--csv", csv, "--key-only", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "empty"));

  /* A goal list needs no review and prints no verdicts. */
  list = g_build_filename (f->dir, "list.csv", NULL);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (&out, &err, "sheet", f->plan, "--goal-list", "--csv", list, NULL), ==, 0);
  goals_only = csv_goals (list);
  g_assert_cmpuint (goals_only->len, ==, all->len);
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (list, &text, NULL, NULL));
    g_assert_null (strstr (text, "Status"));
    g_assert_null (strstr (text, "Met"));
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const struct { const char *args[8]; const char *message; } cases[] = {
    { { "track", NULL }, "plan and a review" },
    { { "track", "a.txt", NULL }, "plan and a review" },
    { { "sheet", "PLAN", "REVIEW", NULL }, "--pdf" },
    { { "sheet", "PLAN", "REVIEW", "--pdf", "x.pdf", "--paper", "B5", NULL }, "A4 or A3" },
    { { "sheet", "PLAN", "REVIEW", "--pdf", "x.pdf", "--status", "done", NULL }, "“done” is not a verdict" },
    { { "sheet", "PLAN", "REVIEW", "--pdf", "x.pdf", "--columns", "goal,verdict", NULL }, "“verdict” is not a column" },
    { { "sheet", "PLAN", "--pdf", "x.pdf", NULL }, "plan and a review" },
    { { "track", "--frobnicate", "a", "b", NULL }, "frobnicate" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *out = NULL, *err = NULL;

      g_ptr_array_add (argv, (char *) g_getenv ("LUOSHI_CLI"));
      for (guint a = 0; cases[i].args[a] != NULL; a++)
        g_ptr_array_add (argv, (char *) cases[i].args[a]);
      g_ptr_array_add (argv, NULL);
      g_assert_cmpint (run_argv ((const char * const *) argv->pdata, &out, &err), ==, 2);
      if (strstr (err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].message, err);
    }

  /* A file that is not there is a failure, not a usage error. */
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);

    g_assert_cmpint (run (&out, &err, "track", missing, f->review, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "missing.txt"));
  }
}

static void
test_export_verdicts (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "export", "--format=json", f->plan, f->review, NULL), ==, 0);
  /* The plan's goals carry suggested verdicts and evidence. */
  g_assert_cmpuint (count (out, "\"status\":\"met\""), >=, 3);
  g_assert_nonnull (strstr (out, "学前三年毛入园率达到93.2%"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/track/table", Fixture, NULL, fixture_set_up, test_table, fixture_tear_down);
  g_test_add ("/cli/track/ids", Fixture, NULL, fixture_set_up, test_ids, fixture_tear_down);
  g_test_add ("/cli/sheet/pdf", Fixture, NULL, fixture_set_up, test_sheet_pdf, fixture_tear_down);
  g_test_add ("/cli/sheet/filters", Fixture, NULL, fixture_set_up, test_sheet_filters, fixture_tear_down);
  g_test_add ("/cli/track/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/cli/export/verdicts", Fixture, NULL, fixture_set_up, test_export_verdicts, fixture_tear_down);

  return g_test_run ();
}
