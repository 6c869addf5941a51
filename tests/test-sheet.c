/* test-sheet.c: the tracking sheet (台账) as PDF and CSV
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <cairo.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "luoshi-csv.h"
#include "luoshi-sheet.h"

#define N_GOALS 30
#define LONG_GOAL 13      /* its evidence is longer than a page */
#define N_LONG_SENTENCES 40

static const char *sections[] = {
  "一、学前教育",
  "二、义务教育均衡发展",
  "三、教师队伍建设",
  "四、教育保障与校园安全",
};

/* Goal wording in the style of a district bureau's 工作要点, written for
 * these tests; 〔Gnn〕 and 〔Enn〕 mark where each goal starts and ends. */
static const char *goal_templates[] = {
  "新建、改扩建公办幼儿园%u所，新增学位%u个，学前三年毛入园率达到%u%%以上",
  "推进城乡义务教育一体化发展，完成%u所薄弱学校改造，新增学位%u个，办学条件全部达到省定标准，县域义务教育均衡发展水平持续提升，巩固率达到%u%%",
  "实施教师素质提升工程，新招聘教师%u名，组织全员培训%u人次，骨干教师比例提高到%u%%",
  "落实学生资助政策，发放各类资助资金%u万元，资助学生%u人次，确保不让一个学生因家庭经济困难而失学，资助政策知晓率达到%u%%",
  "开展校园安全隐患大排查，建设标准化警务室%u个，整改隐患%u处，全年无重大安全责任事故，师生安全教育覆盖率%u%%",
  "加快教育信息化建设，建成录播教室%u间，新增交互式教学设备%u套，“班班通”覆盖率达到%u%%",
};

/* 量化指标 and 实际 of each template: the same three figures. */
static const char *target_templates[] = {
  "幼儿园 %u 所\n学位 ≥ %u 个\n入园率 ≥ %u%%",
  "改造 %u 所\n学位 ≥ %u 个\n巩固率 ≥ %u%%",
  "招聘 %u 名\n培训 ≥ %u 人次\n骨干比例 ≥ %u%%",
  "资金 %u 万元\n资助 ≥ %u 人次\n知晓率 ≥ %u%%",
  "警务室 %u 个\n整改 %u 处\n覆盖率 %u%%",
  "录播教室 %u 间\n设备 ≥ %u 套\n覆盖率 ≥ %u%%",
};

static const char *filler =
  "坚持问题导向和目标导向相结合，明确责任科室和完成时限，实行月调度、季通报、年考核，确保各项任务按时保质完成。";

/* The templates are the test's own constant table. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
goal_text (guint i)
{
  g_autofree char *body = g_strdup_printf (goal_templates[i % G_N_ELEMENTS (goal_templates)],
                                           3 + i, 120 + 15 * i, 85 + i % 10);
  return g_strdup_printf ("〔G%02u〕%s%s〔E%02u〕", i + 1, body, i % 4 == 1 ? filler : "", i + 1);
}

static char *
target_text (guint i,
             guint shortfall)
{
  return g_strdup_printf (target_templates[i % G_N_ELEMENTS (target_templates)],
                          3 + i - shortfall, 120 + 15 * i - 10 * shortfall, 85 + i % 10 - shortfall);
}
#pragma GCC diagnostic pop

static char *
long_evidence (void)
{
  GString *out = g_string_new (NULL);

  for (guint s = 1; s <= N_LONG_SENTENCES; s++)
    g_string_append_printf (out, "〔S%02u〕全区第%u批次项目已完成竣工验收并投入使用，相关档案资料整理归档，经督查室实地核查，情况属实。",
                            s, s);
  return g_string_free (out, FALSE);
}

static LuoshiStatus
status_of (guint i)
{
  static const LuoshiStatus cycle[] = {
    LUOSHI_STATUS_MET, LUOSHI_STATUS_MET, LUOSHI_STATUS_PARTLY, LUOSHI_STATUS_IN_PROGRESS,
    LUOSHI_STATUS_MET, LUOSHI_STATUS_NOT_MET, LUOSHI_STATUS_NO_EVIDENCE, LUOSHI_STATUS_MET,
    LUOSHI_STATUS_UNRATED, LUOSHI_STATUS_MET,
  };
  return cycle[i % G_N_ELEMENTS (cycle)];
}

static LuoshiSheet *
build_sheet (guint n_goals)
{
  LuoshiSheet *sheet = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "XX区教育局2012年工作要点落实情况台账");
  g_autoptr(GDateTime) printed = g_date_time_new_local (2013, 1, 8, 9, 0, 0);

  luoshi_sheet_set_issuer (sheet, "XX区教育局督查室");
  luoshi_sheet_set_period (sheet, "2012年1月—12月");
  luoshi_sheet_set_printed (sheet, printed);
  for (guint i = 0; i < n_goals; i++)
    {
      g_autofree char *goal = goal_text (i);
      g_autofree char *target = target_text (i, 0);
      g_autofree char *reached = target_text (i, status_of (i) == LUOSHI_STATUS_MET ? 0 : 1);
      g_auto(GStrv) parts = g_strsplit (reached, "≥ ", -1);
      g_autofree char *actual = g_strjoinv ("", parts);
      g_autofree char *evidence = i == LONG_GOAL ? long_evidence ()
        : g_strdup_printf ("截至12月底，该项工作已完成%u项，完成率%u%%，相关资料已报区政府督查室备案。",
                           3 + i, 85 + i % 10);
      /* Sections interleave on purpose: printing groups them. */
      LuoshiSheetRow *row = luoshi_sheet_append_row (sheet, sections[(i * 7 / 3) % 4], goal);

      luoshi_sheet_row_set_target (row, target);
      luoshi_sheet_row_set_progress (row, actual, evidence, "2012年工作总结.txt");
      row->status = status_of (i);
      row->key = i % 5 == 0;
      if (i % 3 == 0)
        luoshi_sheet_row_set_note (row, "牵头科室：基教科，配合科室：计财科、安全办");
    }
  return sheet;
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *path)
{
  const char *argv[] = { tool, arg1, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;

  if (arg1 == NULL)
    {
      argv[1] = path;
      argv[2] = NULL;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/* How many runs @needle is cut into in @haystack, each run the longest
 * that occurs after the previous one; 0 if some part is missing. */
static guint
count_pieces (const char *haystack,
              const char *needle)
{
  const char *from = haystack;
  const char *rest = needle;
  guint pieces = 0;

  while (*rest != '\0')
    {
      const char *best = NULL;
      gsize best_len = 0;

      for (const char *end = g_utf8_next_char (rest);; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (rest, end - rest);
          const char *found = strstr (from, prefix);
          if (found == NULL)
            break;
          best = found;
          best_len = end - rest;
          if (*end == '\0')
            break;
        }
      if (best == NULL)
        return 0;
      pieces++;
      rest += best_len;
      from = best + best_len;
    }
  return pieces;
}

static char *
write_pdf (LuoshiSheet *sheet,
           const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("luoshi-sheet-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (luoshi_sheet_write_pdf (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

static void
remove_pdf (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_remove (path);
  g_rmdir (dir);
}

/* A page's header row: all titles on one line, in order. */
static gboolean
has_header_line (const char *page,
                 LuoshiSheetColumns visible)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      const char *p = lines[l];
      gboolean all = TRUE;

      for (guint c = 0; c < LUOSHI_SHEET_N_COLUMNS && all; c++)
        if (visible & (1u << c))
          {
            p = strstr (p, luoshi_sheet_column_title (1u << c));
            all = p != NULL;
          }
      if (all)
        return TRUE;
    }
  return FALSE;
}

static gboolean
skip_without (const char *tool)
{
  g_autofree char *found = g_find_program_in_path (tool);

  if (found == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("%s (poppler-utils) is not installed", tool);
      g_test_skip (reason);
      return TRUE;
    }
  return FALSE;
}

static void
test_pdf_goals_once (void)
{
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages, n_text_pages = 0;

  if (skip_without ("pdftotext"))
    return;

  sheet = build_sheet (N_GOALS);
  path = write_pdf (sheet, "台账.pdf");
  n_pages = luoshi_sheet_get_n_pages (sheet);
  g_assert_cmpuint (n_pages, >=, 3);

  text = run_tool ("pdftotext", "-layout", path);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    if (*g_strstrip (pages[i]) != '\0')
      {
        g_autofree char *number = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
        n_text_pages++;
        g_assert_true (has_header_line (pages[i], LUOSHI_SHEET_COLUMNS_ALL));
        g_assert_cmpuint (count (pages[i], number), ==, 1);
        g_assert_cmpuint (count (pages[i], "Filled in by:"), ==, 1);
      }
  g_assert_cmpuint (n_text_pages, ==, n_pages);

  for (guint i = 1; i <= N_GOALS; i++)
    {
      g_autofree char *start = g_strdup_printf ("〔G%02u〕", i);
      g_autofree char *end = g_strdup_printf ("〔E%02u〕", i);
      g_assert_cmpuint (count (text, start), ==, 1);
      g_assert_cmpuint (count (text, end), ==, 1);
    }
  /* The long row is split between lines: every sentence once, and the
   * next page says the row goes on. */
  for (guint s = 1; s <= N_LONG_SENTENCES; s++)
    {
      g_autofree char *mark = g_strdup_printf ("〔S%02u〕", s);
      g_assert_cmpuint (count (text, mark), ==, 1);
    }
  g_assert_cmpuint (count (text, "(continued)"), >=, 1);

  g_assert_cmpuint (count (text, "XX区教育局2012年工作要点落实情况台账"), >=, 1);
  g_assert_nonnull (strstr (text, "Issued by: XX区教育局督查室"));
  g_assert_nonnull (strstr (text, "Printed: 2013-01-08"));
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    g_assert_cmpuint (count (text, sections[s]), >=, 1);

  /* In content order each goal is one run of text, or a few runs when
   * its row goes on over a page break; no line lost or doubled. */
  raw = run_tool ("pdftotext", "-raw", path);
  {
    GString *joined = g_string_new (NULL);
    g_autofree char *flat = NULL;
    guint n_split = 0;

    for (const char *p = raw; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        g_string_append_c (joined, *p);
    flat = g_string_free (joined, FALSE);
    for (guint i = 0; i < N_GOALS; i++)
      {
        g_autofree char *goal = goal_text (i);
        guint pieces = count_pieces (flat, goal);
        g_assert_cmpuint (pieces, >=, 1);
        g_assert_cmpuint (pieces, <=, 2);
        if (pieces > 1)
          n_split++;
      }
    g_assert_cmpuint (n_split, <=, count (text, "(continued)"));
  }
  remove_pdf (path);
}

static void
test_pdf_fonts (void)
{
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fonts = NULL;

  if (skip_without ("pdffonts"))
    return;

  sheet = build_sheet (4);
  path = write_pdf (sheet, "fonts.pdf");
  fonts = run_tool ("pdffonts", NULL, path);
  /* zh-cn makes fontconfig choose Simplified Chinese glyph forms. */
  if (strstr (fonts, "CJK") == NULL)
    {
      g_test_skip ("Noto CJK fonts are not installed");
      remove_pdf (path);
      return;
    }
  g_assert_nonnull (strstr (fonts, "CJKsc"));
  g_assert_null (strstr (fonts, "CJKjp"));
  remove_pdf (path);
}

static void
test_pdf_empty (void)
{
  g_autoptr(LuoshiSheet) sheet = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "空台账");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  path = write_pdf (sheet, "empty.pdf");
  g_assert_cmpuint (luoshi_sheet_get_n_pages (sheet), ==, 1);
  if (skip_without ("pdftotext"))
    {
      remove_pdf (path);
      return;
    }
  text = run_tool ("pdftotext", "-layout", path);
  g_assert_nonnull (strstr (text, "No goals to show."));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));
  g_assert_nonnull (strstr (text, "Completion rate"));
  remove_pdf (path);
}

static void
test_pdf_goal_list (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (8);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  sheet->kind = LUOSHI_SHEET_GOAL_LIST;
  g_assert_cmpuint (luoshi_sheet_get_visible_columns (sheet), ==, LUOSHI_SHEET_COLUMNS_GOAL_LIST);
  path = write_pdf (sheet, "goals.pdf");
  if (skip_without ("pdftotext"))
    {
      remove_pdf (path);
      return;
    }
  text = run_tool ("pdftotext", "-layout", path);
  g_assert_true (has_header_line (text, LUOSHI_SHEET_COLUMNS_GOAL_LIST));
  g_assert_null (strstr (text, "Progress"));
  g_assert_null (strstr (text, "Completion rate"));
  g_assert_null (strstr (text, "Partly met"));
  g_assert_nonnull (strstr (text, "〔G08〕"));
  remove_pdf (path);
}

static void
test_pdf_write_error (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (2);
  g_autoptr(GError) error = NULL;
  const char *path = "/nonexistent-luoshi-dir/台账.pdf";

  g_assert_false (luoshi_sheet_write_pdf (sheet, path, &error));
  g_assert_error (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_pdf_disk_full (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/full");
  g_autoptr(GFileOutputStream) out = NULL;

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("/dev/full does not exist");
      return;
    }
  out = g_file_append_to (file, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL)
    {
      g_test_skip ("/dev/full cannot be opened");
      return;
    }
  g_assert_false (luoshi_sheet_write_pdf_to_stream (sheet, G_OUTPUT_STREAM (out), "台账.pdf", NULL, &error));
  g_assert_error (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "台账.pdf"));
}

static guint
paginate_on_image (LuoshiSheet *sheet)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  double width, height;
  guint n;

  pango_cairo_context_set_resolution (context, 72);
  luoshi_sheet_get_paper_size (sheet, &width, &height);
  n = luoshi_sheet_paginate (sheet, context, width - 2 * LUOSHI_SHEET_MARGIN, height - 2 * LUOSHI_SHEET_MARGIN);
  g_assert_cmpstr (pango_language_to_string (pango_context_get_language (context)), ==, "zh-cn");
  for (guint i = 0; i < n; i++)
    luoshi_sheet_draw_page (sheet, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n;
}

static void
test_paginate_hidden_columns (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (N_GOALS);
  guint all, narrow, a3;

  all = paginate_on_image (sheet);
  g_assert_cmpuint (all, ==, luoshi_sheet_get_n_pages (sheet));

  /* Hidden columns give the goal their width: fewer, shorter rows. */
  sheet->columns = LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL | LUOSHI_SHEET_COLUMN_STATUS;
  narrow = paginate_on_image (sheet);
  g_assert_cmpuint (narrow, <, all);

  sheet->columns = LUOSHI_SHEET_COLUMNS_ALL;
  sheet->paper = LUOSHI_PAPER_A3;
  a3 = paginate_on_image (sheet);
  g_assert_cmpuint (a3, <, all);

  /* Portrait pages are narrower: the goal column wraps more. */
  sheet->paper = LUOSHI_PAPER_A4;
  sheet->orientation = LUOSHI_ORIENTATION_PORTRAIT;
  g_assert_cmpuint (paginate_on_image (sheet), >=, 1);
}

/* A page smaller than one row still ends: every part holds at least one
 * line, so pagination cannot loop. */
static void
test_paginate_tiny_page (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (6);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  guint normal, tiny;

  pango_cairo_context_set_resolution (context, 72);
  normal = luoshi_sheet_paginate (sheet, context, 760, 510);
  tiny = luoshi_sheet_paginate (sheet, context, 120, 90);
  g_assert_cmpuint (tiny, >, normal);
  for (guint i = 0; i < tiny; i++)
    luoshi_sheet_draw_page (sheet, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  /* Rows without a section print without heading rows. */
  for (guint i = 0; i < sheet->rows->len; i++)
    {
      LuoshiSheetRow *row = g_ptr_array_index (sheet->rows, i);
      g_free (row->section);
      row->section = g_strdup ("");
    }
  g_assert_cmpuint (luoshi_sheet_paginate (sheet, context, 760, 510), <=, normal);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_paper_size (void)
{
  g_autoptr(LuoshiSheet) sheet = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "台账");
  double w, h;

  luoshi_sheet_get_paper_size (sheet, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 595.28, 0.01);
  sheet->orientation = LUOSHI_ORIENTATION_PORTRAIT;
  sheet->paper = LUOSHI_PAPER_A3;
  luoshi_sheet_get_paper_size (sheet, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 841.89, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 1190.55, 0.01);
}

static void
test_summary (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (20);
  guint counts[6];
  double rate = luoshi_sheet_count_statuses (sheet, counts);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  /* The cycle of ten: 5 met, 1 of each other verdict, 1 unrated. */
  g_assert_cmpuint (counts[LUOSHI_STATUS_MET], ==, 10);
  g_assert_cmpuint (counts[LUOSHI_STATUS_PARTLY], ==, 2);
  g_assert_cmpuint (counts[LUOSHI_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (counts[LUOSHI_STATUS_NOT_MET], ==, 2);
  g_assert_cmpuint (counts[LUOSHI_STATUS_NO_EVIDENCE], ==, 2);
  g_assert_cmpuint (counts[LUOSHI_STATUS_UNRATED], ==, 2);
  g_assert_cmpfloat_with_epsilon (rate, 10.0 / 18.0, 1e-9);

  path = write_pdf (sheet, "summary.pdf");
  if (skip_without ("pdftotext"))
    {
      remove_pdf (path);
      return;
    }
  text = run_tool ("pdftotext", "-layout", path);
  g_assert_nonnull (strstr (text, "55.6% (10 of 18)"));
  remove_pdf (path);

  {
    g_autoptr(LuoshiSheet) none = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "台账");
    luoshi_sheet_append_row (none, "一、学前教育", "新建幼儿园3所");
    g_assert_cmpfloat (luoshi_sheet_count_statuses (none, counts), <, 0);
    g_assert_cmpuint (counts[LUOSHI_STATUS_UNRATED], ==, 1);
  }
}

static void
test_filter (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (N_GOALS);
  LuoshiSheetFilter key = { .key_only = TRUE };
  LuoshiSheetFilter open = { .statuses = LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_NOT_MET)
                                         | LUOSHI_SHEET_STATUS_BIT (LUOSHI_STATUS_PARTLY) };
  LuoshiSheetFilter section = { .section = sections[2] };
  guint n_section = 0;

  for (guint i = 0; i < N_GOALS; i++)
    if ((i * 7 / 3) % 4 == 2)
      n_section++;

  {
    g_autoptr(LuoshiSheet) copy = build_sheet (N_GOALS);
    g_assert_cmpuint (luoshi_sheet_filter (copy, &section), ==, n_section);
    for (guint i = 0; i < copy->rows->len; i++)
      g_assert_cmpstr (((LuoshiSheetRow *) g_ptr_array_index (copy->rows, i))->section, ==, sections[2]);
  }

  g_assert_cmpuint (luoshi_sheet_filter (sheet, &key), ==, 6);
  for (guint i = 0; i < sheet->rows->len; i++)
    g_assert_true (((LuoshiSheetRow *) g_ptr_array_index (sheet->rows, i))->key);
  /* Key rows are 0, 5, 10…: statuses met, not met, met, not met… */
  g_assert_cmpuint (luoshi_sheet_filter (sheet, &open), ==, 3);
  for (guint i = 0; i < sheet->rows->len; i++)
    g_assert_cmpint (((LuoshiSheetRow *) g_ptr_array_index (sheet->rows, i))->status, ==, LUOSHI_STATUS_NOT_MET);
}

static void
test_printing_order (void)
{
  g_autoptr(LuoshiSheet) sheet = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "台账");
  g_autoptr(GPtrArray) order = NULL;
  const char *expected[] = { "甲1", "甲2", "乙1", "乙2", "丙1" };
  LuoshiSheetRow *row;
  g_autofree char *number = NULL;

  luoshi_sheet_append_row (sheet, "甲", "甲1");
  luoshi_sheet_append_row (sheet, "乙", "乙1");
  luoshi_sheet_append_row (sheet, "甲", "甲2");
  luoshi_sheet_append_row (sheet, "丙", "丙1");
  luoshi_sheet_append_row (sheet, "乙", "乙2");
  order = luoshi_sheet_get_printing_order (sheet);
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpstr (((LuoshiSheetRow *) g_ptr_array_index (order, i))->goal, ==, expected[i]);

  row = g_ptr_array_index (sheet->rows, 0);
  row->key = TRUE;
  number = luoshi_sheet_row_number_text (row, 4);
  g_assert_cmpstr (number, ==, "★4");
  row->number = 12;
  g_clear_pointer (&number, g_free);
  number = luoshi_sheet_row_number_text (row, 4);
  g_assert_cmpstr (number, ==, "★12");
}

static void
test_labels (void)
{
  /* The English UI strings; zh_CN's catalogue turns them into 已完成… */
  g_assert_cmpstr (luoshi_status_get_label (LUOSHI_STATUS_MET), ==, "Met");
  g_assert_cmpstr (luoshi_status_get_label (LUOSHI_STATUS_PARTLY), ==, "Partly met");
  g_assert_cmpstr (luoshi_status_get_label (LUOSHI_STATUS_NO_EVIDENCE), ==, "No evidence");
  g_assert_cmpstr (luoshi_sheet_column_title (LUOSHI_SHEET_COLUMN_NUMBER), ==, "No.");
  g_assert_cmpstr (luoshi_sheet_column_title (LUOSHI_SHEET_COLUMN_PROGRESS), ==, "Progress");
}

/* ---------------------------------------------------------------- CSV */

static void
test_csv_field (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "入园率95%", "入园率95%" },
    { "", "" },
    { "甲,乙", "\"甲,乙\"" },
    { "“班班通”和\"校校通\"", "\"“班班通”和\"\"校校通\"\"\"" },
    { "第一行\n第二行", "\"第一行\n第二行\"" },
    { "回车\r", "\"回车\r\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      luoshi_csv_append_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);
    const char *fields[] = { "1", NULL, "a,b", NULL };
    luoshi_csv_append_row (out, fields, 3);
    g_assert_cmpstr (out->str, ==, "1,,\"a,b\"\r\n");
  }
}

static void
test_csv_parse_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = luoshi_csv_parse ("a,b\r\n\"open,\r\nc\r\n", -1, &error);

  g_assert_null (rows);
  g_assert_error (error, LUOSHI_CSV_ERROR, LUOSHI_CSV_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_csv_sheet (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (N_GOALS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  LuoshiSheetRow *tricky;
  const char *header[] = { "No.", "Area", "Goal", "Target", "Progress", "Status", "Note" };

  /* A note that needs all of RFC 4180's quoting. */
  tricky = g_ptr_array_index (sheet->rows, 4);
  luoshi_sheet_row_set_note (tricky, "已报区政府，\"一校一案\"整改，\n下月复查");

  dir = g_dir_make_tmp ("luoshi-csv-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "台账.csv", NULL);
  g_assert_true (luoshi_csv_write_sheet_to_path (sheet, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (length, >, 3);
  g_assert_cmpmem (contents, 3, LUOSHI_CSV_BOM, 3);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_nonnull (strstr (contents, "\"已报区政府，\"\"一校一案\"\"整改，\n下月复查\""));

  rows = luoshi_csv_parse (contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, N_GOALS + 1);
  g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, 0)), ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[c], ==, header[c]);

  order = luoshi_sheet_get_printing_order (sheet);
  for (guint r = 0; r < order->len; r++)
    {
      const LuoshiSheetRow *row = g_ptr_array_index (order, r);
      char **fields = g_ptr_array_index (rows, r + 1);
      g_autofree char *number = g_strdup_printf ("%s%u", row->key ? "★" : "", r + 1);

      g_assert_cmpuint (g_strv_length (fields), ==, G_N_ELEMENTS (header));
      g_assert_cmpstr (fields[0], ==, number);
      g_assert_cmpstr (fields[1], ==, row->section);
      g_assert_cmpstr (fields[2], ==, row->goal);
      g_assert_cmpstr (fields[3], ==, row->target);
      g_assert_nonnull (strstr (fields[4], row->evidence));
      g_assert_cmpstr (fields[5], ==, luoshi_status_get_label (row->status));
      g_assert_cmpstr (fields[6], ==, row->note ? row->note : "");
    }

  /* Hidden columns are left out of the CSV too. */
  sheet->columns = LUOSHI_SHEET_COLUMN_NUMBER | LUOSHI_SHEET_COLUMN_GOAL;
  {
    g_autoptr(GString) text = luoshi_csv_format_sheet (sheet);
    g_autoptr(GPtrArray) narrow = luoshi_csv_parse (text->str, text->len, &error);
    g_assert_no_error (error);
    g_assert_cmpstrv (g_ptr_array_index (narrow, 0), ((const char *[]) { "No.", "Goal", NULL }));
  }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_csv_write_error (void)
{
  g_autoptr(LuoshiSheet) sheet = build_sheet (2);
  g_autoptr(GError) error = NULL;
  const char *path = "/nonexistent-luoshi-dir/台账.csv";

  g_assert_false (luoshi_csv_write_sheet_to_path (sheet, path, &error));
  g_assert_error (error, LUOSHI_CSV_ERROR, LUOSHI_CSV_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet/pdf/goals-once", test_pdf_goals_once);
  g_test_add_func ("/sheet/pdf/fonts", test_pdf_fonts);
  g_test_add_func ("/sheet/pdf/empty", test_pdf_empty);
  g_test_add_func ("/sheet/pdf/goal-list", test_pdf_goal_list);
  g_test_add_func ("/sheet/pdf/write-error", test_pdf_write_error);
  g_test_add_func ("/sheet/pdf/disk-full", test_pdf_disk_full);
  g_test_add_func ("/sheet/paginate/columns-paper", test_paginate_hidden_columns);
  g_test_add_func ("/sheet/paginate/tiny-page", test_paginate_tiny_page);
  g_test_add_func ("/sheet/paper-size", test_paper_size);
  g_test_add_func ("/sheet/summary", test_summary);
  g_test_add_func ("/sheet/filter", test_filter);
  g_test_add_func ("/sheet/printing-order", test_printing_order);
  g_test_add_func ("/sheet/labels", test_labels);
  g_test_add_func ("/csv/field", test_csv_field);
  g_test_add_func ("/csv/parse-error", test_csv_parse_error);
  g_test_add_func ("/csv/sheet", test_csv_sheet);
  g_test_add_func ("/csv/write-error", test_csv_write_error);

  return g_test_run ();
}
