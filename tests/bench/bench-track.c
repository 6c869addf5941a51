/* bench-track.c: how long tracking takes for a large plan and review
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-track [N_GOALS [N_SENTENCES]]
 * Builds a plan of N_GOALS (1000) goals and a review of N_SENTENCES
 * (20000) sentences from report-style phrases written for this benchmark,
 * tracks every goal (index, retrieval, verdicts, evidence) and prints one
 * "name value unit" line per figure.
 */

#include <stdio.h>
#include <stdlib.h>

#include "luoshi-document.h"
#include "luoshi-track.h"

static const char *areas[] = {
  "学前教育", "义务教育", "普通高中", "职业教育", "特殊教育", "教师队伍", "教育信息化",
  "学生资助", "校园安全", "体育卫生", "艺术教育", "教育督导", "语言文字", "家庭教育",
  "劳动教育", "民办教育", "社区教育", "老年教育", "招生考试", "教育科研",
};

static const char *objects[] = {
  "公办幼儿园", "普惠性民办幼儿园", "薄弱学校改造项目", "教师全员培训", "录播教室",
  "标准化考场", "校园安全隐患整改", "智慧校园", "教育集团", "名师工作室", "心理健康辅导室",
  "校舍维修改造", "学生宿舍", "食堂提升工程", "运动场改造", "图书馆藏书", "实验室建设",
  "课后服务", "研学实践基地", "家长学校",
};

static const char *units[] = { "所", "个", "项", "间", "人次", "万平方米", "万元", "%" };

static const char *verbs[] = { "新建", "完成", "建成", "组织开展", "改扩建", "落实" };

static const char *review_tails[] = {
  "，全面完成年度任务。", "，工作正在稳步推进。", "，群众满意度明显提高。",
  "，受到上级表彰。", "，部分项目进度滞后。", "，经验做法在全市推广。",
};

static GString *
make_review (GRand *rand,
             guint  n_sentences)
{
  GString *s = g_string_new ("某区教育局工作总结\n");

  for (guint i = 0; i < n_sentences; i++)
    {
      g_string_append_printf (s, "%s方面，%s%s%u%s%s",
                              areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))],
                              verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                              objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))],
                              (guint) g_rand_int_range (rand, 1, 100),
                              units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))],
                              review_tails[g_rand_int_range (rand, 0, G_N_ELEMENTS (review_tails))]);
      if (i % 8 == 7)
        g_string_append_c (s, '\n');
    }
  return s;
}

int
main (int   argc,
      char *argv[])
{
  guint n_goals = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint n_sentences = argc > 2 ? (guint) atoi (argv[2]) : 20000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231);
  g_autoptr(GString) review_text = make_review (rand, n_sentences);
  g_autoptr(GString) plan_text = g_string_new ("某区教育局工作要点\n");
  g_autoptr(LuoshiDocument) plan = NULL;
  g_autoptr(LuoshiDocument) review = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint));
  LuoshiReport *r;
  guint counts[LUOSHI_STATUS_NO_EVIDENCE + 1] = { 0 };
  gint64 t0, t1, t2, t3;
  guint tracked, with_evidence = 0;

  for (guint i = 0; i < n_goals; i++)
    {
      guint start = (guint) g_utf8_strlen (plan_text->str, -1);
      guint end;

      g_string_append_printf (plan_text, "%s：全年%s%s%u%s以上",
                              areas[g_rand_int_range (rand, 0, G_N_ELEMENTS (areas))],
                              verbs[g_rand_int_range (rand, 0, G_N_ELEMENTS (verbs))],
                              objects[g_rand_int_range (rand, 0, G_N_ELEMENTS (objects))],
                              (guint) g_rand_int_range (rand, 1, 100),
                              units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);
      end = (guint) g_utf8_strlen (plan_text->str, -1);
      g_string_append (plan_text, "。\n");
      g_array_append_val (spans, start);
      g_array_append_val (spans, end);
    }

  t0 = g_get_monotonic_time ();
  plan = luoshi_document_new ("plan.txt", plan_text->str, plan_text->len);
  review = luoshi_document_new ("review.txt", review_text->str, review_text->len);
  t1 = g_get_monotonic_time ();

  r = luoshi_report_new ();
  r->kind = LUOSHI_REPORT_PLAN;
  r->end = plan->n_chars;
  g_ptr_array_add (plan->reports, r);
  r = luoshi_report_new ();
  r->kind = LUOSHI_REPORT_REVIEW;
  r->end = review->n_chars;
  g_ptr_array_add (review->reports, r);
  for (guint i = 0; i < n_goals; i++)
    {
      guint start = g_array_index (spans, guint, 2 * i);
      guint end = g_array_index (spans, guint, 2 * i + 1);
      g_autofree char *text = luoshi_document_slice (plan, start, end);

      g_ptr_array_add (plan->items, luoshi_item_new (LUOSHI_ITEM_GOAL, start, end, text));
    }

  t2 = g_get_monotonic_time ();
  tracked = luoshi_track (plan, 0, review, 0, NULL);
  t3 = g_get_monotonic_time ();

  for (guint i = 0; i < plan->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (plan->items, i);

      counts[item->status]++;
      with_evidence += item->evidence->len > 0;
    }

  printf ("goals %u\n", tracked);
  printf ("review_sentences %u\n", n_sentences);
  printf ("review_chars %u\n", review->n_chars);
  printf ("load_time %.3f s\n", (t1 - t0) / 1e6);
  printf ("track_time %.3f s\n", (t3 - t2) / 1e6);
  printf ("per_goal %.3f ms\n", n_goals ? (t3 - t2) / 1e3 / n_goals : 0.0);
  printf ("goals_with_evidence %u\n", with_evidence);
  for (guint s = 0; s <= LUOSHI_STATUS_NO_EVIDENCE; s++)
    printf ("status_%s %u\n", luoshi_status_to_string (s), counts[s]);
  return tracked == n_goals ? EXIT_SUCCESS : EXIT_FAILURE;
}
