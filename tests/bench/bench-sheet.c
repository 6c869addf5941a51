/* bench-sheet.c: how long a large tracking sheet takes to print
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-sheet [N_GOALS [OUTPUT.pdf]]
 * Builds a sheet of N_GOALS (500) goals in 12 sections with report-style
 * text written for this benchmark, writes it as PDF and CSV, and prints
 * one "name value unit" line per figure.
 */

#include <glib/gstdio.h>
#include <stdlib.h>

#include "luoshi-csv.h"
#include "luoshi-sheet.h"

static const char *areas[] = {
  "学前教育", "义务教育", "普通高中", "职业教育", "特殊教育", "教师队伍",
  "教育信息化", "学生资助", "校园安全", "体育卫生艺术", "教育督导", "党风廉政建设",
};

static const char *verbs[] = {
  "新建、改扩建", "完成", "组织开展", "建成", "全面推进", "落实",
};

static const char *objects[] = {
  "公办幼儿园", "薄弱学校改造项目", "教师全员培训", "录播教室", "标准化考场", "校园安全隐患整改",
};

static const char *tails[] = {
  "，确保按期完成。",
  "，办学条件全部达到省定标准，群众满意度进一步提高。",
  "，实行月调度、季通报、年考核，责任落实到科室和个人，确保各项任务按时保质完成。",
  "，建立长效机制，强化督查问效，对工作推进不力的单位进行通报批评，并纳入年度目标管理考核。",
};

static LuoshiSheet *
build (guint n_goals)
{
  LuoshiSheet *sheet = luoshi_sheet_new (LUOSHI_SHEET_TRACKING, "XX市教育局2012年工作要点落实情况台账");

  luoshi_sheet_set_issuer (sheet, "XX市教育局督查室");
  luoshi_sheet_set_period (sheet, "2012年");
  for (guint i = 0; i < n_goals; i++)
    {
      const char *section = areas[i % G_N_ELEMENTS (areas)];
      g_autofree char *goal = g_strdup_printf ("%s%s%u个（所、人次），完成率达到%u%%以上%s",
                                               verbs[i % G_N_ELEMENTS (verbs)],
                                               objects[(i / 3) % G_N_ELEMENTS (objects)],
                                               5 + i % 97, 80 + i % 20,
                                               tails[(i / 7) % G_N_ELEMENTS (tails)]);
      g_autofree char *target = g_strdup_printf ("数量 ≥ %u\n比例 ≥ %u%%", 5 + i % 97, 80 + i % 20);
      g_autofree char *actual = g_strdup_printf ("数量 %u；比例 %u.%u%%", 4 + i % 97, 79 + i % 20, i % 10);
      g_autofree char *evidence = g_strdup_printf ("全年%s%s%u个，比例达到%u.%u%%，%s",
                                                   verbs[(i + 1) % G_N_ELEMENTS (verbs)],
                                                   objects[(i / 3) % G_N_ELEMENTS (objects)],
                                                   4 + i % 97, 79 + i % 20, i % 10,
                                                   tails[(i / 5) % G_N_ELEMENTS (tails)] + 3);
      LuoshiSheetRow *row = luoshi_sheet_append_row (sheet, section, goal);

      luoshi_sheet_row_set_target (row, target);
      luoshi_sheet_row_set_progress (row, actual, evidence, "2012年工作总结.doc");
      row->status = (LuoshiStatus) (i % 6);
      row->key = i % 9 == 0;
      if (i % 4 == 0)
        luoshi_sheet_row_set_note (row, "牵头科室：基教科");
    }
  return sheet;
}

int
main (int   argc,
      char *argv[])
{
  guint n_goals = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 500;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st_pdf, st_csv;
  gint64 t0, t1, t2;

  if (argc > 2)
    pdf = g_strdup (argv[2]);
  else
    {
      dir = g_dir_make_tmp ("luoshi-bench-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
      pdf = g_build_filename (dir, "sheet.pdf", NULL);
    }
  csv = g_strconcat (pdf, ".csv", NULL);

  sheet = build (n_goals);
  t0 = g_get_monotonic_time ();
  if (!luoshi_sheet_write_pdf (sheet, pdf, &error))
    g_error ("%s", error->message);
  t1 = g_get_monotonic_time ();
  if (!luoshi_csv_write_sheet_to_path (sheet, csv, &error))
    g_error ("%s", error->message);
  t2 = g_get_monotonic_time ();

  g_stat (pdf, &st_pdf);
  g_stat (csv, &st_csv);
  g_print ("goals %u\n", n_goals);
  g_print ("pages %u\n", luoshi_sheet_get_n_pages (sheet));
  g_print ("pdf_render_time %.3f s\n", (t1 - t0) / 1e6);
  g_print ("pdf_size %.2f MB\n", st_pdf.st_size / 1048576.0);
  g_print ("csv_time %.3f s\n", (t2 - t1) / 1e6);
  g_print ("csv_size %.2f MB\n", st_csv.st_size / 1048576.0);
  g_print ("pdf %s\n", pdf);

  if (dir != NULL)
    {
      g_remove (pdf);
      g_remove (csv);
      g_rmdir (dir);
    }
  else
    g_remove (csv);
  return 0;
}
