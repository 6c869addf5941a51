/* test-track.c: retrieval, chains and tracking on reports we wrote
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "luoshi-chain.h"
#include "luoshi-document.h"
#include "luoshi-retrieval.h"
#include "luoshi-track.h"

/* A plan and the next year's review of a district education bureau,
 * written for these tests. */
static const char plan_text[] =
  "某区教育局2023年工作要点\n"
  "一、主要目标\n"
  "全年新建幼儿园3所以上。"
  "义务教育巩固率保持在99%以上。"
  "教师培训覆盖率达到100%。"
  "完成校舍改造5万平方米左右。\n"
  "二、重点任务\n"
  "推进集团化办学，组建教育集团4个。"
  "启动智慧校园建设。"
  "完成教师管理信息系统升级。"
  "深入实施《义务教育质量评价指南》，开展学校自评全覆盖。\n";

static const char review_text[] =
  "某区教育局2023年工作总结\n"
  "一、主要工作\n"
  "一年来，新建幼儿园4所，新增学位1080个。"
  "义务教育巩固率99.2%，保持全市前列。"
  "教师培训覆盖率96%，培训教师3200人次。"
  "推进集团化办学，组建教育集团2个，其余工作有序推进。"
  "智慧校园建设正在稳步推进，12所学校完成网络改造。"
  "教师管理信息系统升级工作滞后，未能按期完成。"
  "全面实施《义务教育质量评价指南》，全区学校完成自评。"
  "全区教育系统安全稳定，未发生重大安全事故。\n"
  "二、存在问题\n"
  "城区学位依然紧张，农村学校教师结构性缺编。\n";

static guint
offset_of (const char *text,
           const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (text, p);
}

static LuoshiReport *
add_report (LuoshiDocument   *doc,
            LuoshiReportKind  kind,
            int               year,
            const char       *org,
            guint             start,
            guint             end)
{
  LuoshiReport *r = luoshi_report_new ();

  r->kind = kind;
  r->year = year;
  r->start = start;
  r->end = end;
  g_free (r->org);
  r->org = g_strdup (org);
  g_ptr_array_add (doc->reports, r);
  return r;
}

static LuoshiItem *
add_goal (LuoshiDocument *doc,
          const char     *text)
{
  guint start = offset_of (doc->text, text);
  LuoshiItem *item = luoshi_item_new (LUOSHI_ITEM_GOAL, start,
                                      start + (guint) g_utf8_strlen (text, -1), text);

  item->report_index = 0;
  g_ptr_array_add (doc->items, item);
  return item;
}

/* Whether some evidence span of @item lies over @quote of @review. */
static gboolean
evidence_covers (LuoshiItem     *item,
                 LuoshiDocument *review,
                 const char     *quote)
{
  guint s = offset_of (review->text, quote);
  guint e = s + (guint) g_utf8_strlen (quote, -1);

  for (guint i = 0; i < item->evidence->len; i++)
    {
      LuoshiEvidence *ev = g_ptr_array_index (item->evidence, i);

      if (ev->start < e && s < ev->end && g_strcmp0 (ev->file, review->name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---------------------------------------------------------------------- */

static void
test_retrieval_ranking (void)
{
  g_autoptr(LuoshiRetrieval) index = luoshi_retrieval_new ();
  static const char * const passages[] = {
    "全区教育工作取得新进展，各项工作扎实推进。",
    "新建幼儿园4所，新增学位1080个。",
    "加强教师队伍建设，开展教师培训。",
    "幼儿园保教质量进一步提高，创建优质园2所。",
    "推进义务教育优质均衡发展工作。",
  };
  g_autoptr(GArray) hits = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (passages); i++)
    g_assert_cmpuint (luoshi_retrieval_add (index, passages[i], -1), ==, i);
  luoshi_retrieval_build (index);
  g_assert_cmpuint (luoshi_retrieval_get_n_passages (index), ==, G_N_ELEMENTS (passages));

  hits = luoshi_retrieval_search (index, "全年新建幼儿园3所以上", 3);
  g_assert_cmpuint (hits->len, >=, 2);
  g_assert_cmpuint (g_array_index (hits, LuoshiRetrievalHit, 0).index, ==, 1);
  g_assert_cmpfloat (g_array_index (hits, LuoshiRetrievalHit, 0).score, >,
                     g_array_index (hits, LuoshiRetrievalHit, 1).score);
  /* a verbatim repetition scores about as much as the query itself */
  g_assert_cmpfloat (luoshi_retrieval_self_score (index, passages[1]), >, 0);
  g_assert_cmpfloat (luoshi_retrieval_score_text (index, "新建幼儿园", passages[1]), >, 0);
  /* generic words are stop bigrams */
  g_assert_true (luoshi_retrieval_is_stop_bigram (index, "工作"));
  g_assert_false (luoshi_retrieval_is_stop_bigram (index, "幼儿"));
}

static void
test_retrieval_document_frequency (void)
{
  g_autoptr(LuoshiRetrieval) index = luoshi_retrieval_new ();
  g_autoptr(GArray) hits = NULL;

  /* 质量 is in every passage here, so it tells none apart */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *p = g_strdup_printf ("第%u项，提升质量，开展活动%u次。", i, i);

      luoshi_retrieval_add (index, p, -1);
    }
  luoshi_retrieval_add (index, "学生体质健康优良率提高到55%。", -1);
  luoshi_retrieval_build (index);
  g_assert_true (luoshi_retrieval_is_stop_bigram (index, "质量"));
  g_assert_false (luoshi_retrieval_is_stop_bigram (index, "体质"));

  hits = luoshi_retrieval_search (index, "提升学生体质健康质量", 5);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, LuoshiRetrievalHit, 0).index, ==, 60);
}

static void
test_retrieval_traditional (void)
{
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("tw.txt", "新建幼兒園4所。", -1);
  g_autoptr(LuoshiRetrieval) index = luoshi_retrieval_new ();
  g_autoptr(GArray) hits = NULL;

  /* callers index the simplified text, so either script matches */
  luoshi_retrieval_add (index, doc->simplified, -1);
  luoshi_retrieval_build (index);
  hits = luoshi_retrieval_search (index, "新建幼儿园", 1);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* ---------------------------------------------------------------------- */

static void
test_chain_same_body (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(GPtrArray) chains = NULL;
  LuoshiDocument *plan = luoshi_document_new ("a.txt", plan_text, -1);
  LuoshiDocument *other = luoshi_document_new ("b.txt", review_text, -1);
  LuoshiDocument *half = luoshi_document_new ("c.txt", review_text, -1);
  LuoshiDocument *review = luoshi_document_new ("d.txt", review_text, -1);
  LuoshiChain *chain;

  add_report (plan, LUOSHI_REPORT_PLAN, 2023, "某区教育局", 0, plan->n_chars);
  add_report (other, LUOSHI_REPORT_REVIEW, 2023, "另一区教育局", 0, other->n_chars);
  add_report (half, LUOSHI_REPORT_REVIEW, 2023, "某区教育局", 0, half->n_chars)->half = 1;
  add_report (review, LUOSHI_REPORT_REVIEW, 2023, "某区教育局", 0, review->n_chars);
  g_ptr_array_add (docs, plan);
  g_ptr_array_add (docs, other);
  g_ptr_array_add (docs, half);
  g_ptr_array_add (docs, review);

  chains = luoshi_chain_propose (docs);
  g_assert_cmpuint (chains->len, ==, 1);
  chain = g_ptr_array_index (chains, 0);
  g_assert_true (chain->plan_doc == plan);
  /* the full-year review of the same body, not the other body's or the half */
  g_assert_true (chain->review_doc == review);
  g_assert_cmpint (chain->year, ==, 2023);
}

static void
test_chain_review_and_plan_in_one_file (void)
{
  /* a file holding the review of 2022 and the plan for 2023, and the
   * next year's file: the 2023 plan pairs with the 2024 file's review */
  static const char y2023[] =
    "一、2022年工作回顾\n全年新建幼儿园2所。\n"
    "二、2023年工作安排\n全年新建幼儿园3所以上。\n";
  static const char y2024[] =
    "一、2023年工作回顾\n新建幼儿园4所。\n"
    "二、2024年工作安排\n全年新建幼儿园2所。\n";
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(GPtrArray) chains = NULL;
  LuoshiDocument *a = luoshi_document_new ("2023_某区报告.txt", y2023, -1);
  LuoshiDocument *b = luoshi_document_new ("2024_某区报告.txt", y2024, -1);
  LuoshiChain *chain;

  /* years unknown to the segmenter: the headings and file names tell */
  add_report (a, LUOSHI_REPORT_REVIEW_PLAN, 0, NULL, 0, a->n_chars);
  add_report (b, LUOSHI_REPORT_REVIEW_PLAN, 0, NULL, 0, b->n_chars);
  g_ptr_array_add (docs, a);
  g_ptr_array_add (docs, b);

  g_assert_cmpint (luoshi_chain_plan_year (a, 0), ==, 2023);
  g_assert_cmpint (luoshi_chain_review_year (b, 0, NULL), ==, 2023);
  g_assert_cmpuint (luoshi_chain_plan_start (a, 0), ==, offset_of (y2023, "二、2023年"));

  chains = luoshi_chain_propose (docs);
  g_assert_cmpuint (chains->len, ==, 1);
  chain = g_ptr_array_index (chains, 0);
  g_assert_true (chain->plan_doc == a);
  g_assert_true (chain->review_doc == b);
  g_assert_cmpint (chain->year, ==, 2023);
}

static void
test_chain_plan_heading (void)
{
  static const char text[] =
    "某区教育局2023年工作总结\n一、2023年重点工作完成情况\n新建幼儿园4所。\n"
    "二、存在的问题\n学位依然紧张。\n";
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("r.txt", text, -1);
  g_autoptr(LuoshiDocument) both = luoshi_document_new ("b.txt", text, -1);
  g_autoptr(GString) more = g_string_new (text);

  /* a heading reporting on the year's key work does not open a plan */
  add_report (doc, LUOSHI_REPORT_REVIEW, 2023, NULL, 0, doc->n_chars);
  g_assert_cmpuint (luoshi_chain_plan_start (doc, 0), ==, doc->n_chars);
  g_assert_cmpint (luoshi_chain_plan_year (doc, 0), ==, 0);
  g_assert_cmpint (luoshi_chain_review_year (doc, 0, NULL), ==, 2023);

  /* one naming next year's work does, even in a report called a review */
  g_string_append (more, "三、2024年工作安排\n全年新建幼儿园2所。\n");
  g_clear_pointer (&both, luoshi_document_unref);
  both = luoshi_document_new ("b.txt", more->str, -1);
  add_report (both, LUOSHI_REPORT_REVIEW, 2023, NULL, 0, both->n_chars);
  g_assert_cmpuint (luoshi_chain_plan_start (both, 0), ==, offset_of (more->str, "三、2024年"));
  g_assert_cmpint (luoshi_chain_plan_year (both, 0), ==, 2024);
  g_assert_cmpint (luoshi_chain_review_year (both, 0, NULL), ==, 2023);
}

static void
test_chain_unknown_years (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(GPtrArray) chains = NULL;
  LuoshiDocument *doc = luoshi_document_new ("masked.txt", plan_text, -1);
  guint n = doc->n_chars;
  LuoshiChain *chain;

  /* one file of masked years: plan, review, plan, review in order */
  add_report (doc, LUOSHI_REPORT_PLAN, 0, NULL, 0, n / 4);
  add_report (doc, LUOSHI_REPORT_REVIEW, 0, NULL, n / 4, n / 2);
  add_report (doc, LUOSHI_REPORT_PLAN, 0, NULL, n / 2, 3 * n / 4);
  add_report (doc, LUOSHI_REPORT_REVIEW, 0, NULL, 3 * n / 4, n);
  g_ptr_array_add (docs, doc);

  chains = luoshi_chain_propose (docs);
  g_assert_cmpuint (chains->len, ==, 2);
  chain = g_ptr_array_index (chains, 0);
  g_assert_cmpuint (chain->plan_report, ==, 0);
  g_assert_cmpuint (chain->review_report, ==, 1);
  chain = g_ptr_array_index (chains, 1);
  g_assert_cmpuint (chain->plan_report, ==, 2);
  g_assert_cmpuint (chain->review_report, ==, 3);
  g_assert_cmpfloat (chain->confidence, <, 1.0);
}

/* ---------------------------------------------------------------------- */

static void
test_track_goals (void)
{
  g_autoptr(LuoshiDocument) plan = luoshi_document_new ("plan.txt", plan_text, -1);
  g_autoptr(LuoshiDocument) review = luoshi_document_new ("review.txt", review_text, -1);
  static const struct { const char *goal; LuoshiStatus status; const char *outcome; } expect[] = {
    { "全年新建幼儿园3所以上", LUOSHI_STATUS_MET, "新建幼儿园4所" },
    { "义务教育巩固率保持在99%以上", LUOSHI_STATUS_MET, "义务教育巩固率99.2%" },
    { "教师培训覆盖率达到100%", LUOSHI_STATUS_PARTLY, "教师培训覆盖率96%" },
    { "完成校舍改造5万平方米左右", LUOSHI_STATUS_NO_EVIDENCE, NULL },
    { "推进集团化办学，组建教育集团4个", LUOSHI_STATUS_NOT_MET, "组建教育集团2个" },
    { "启动智慧校园建设", LUOSHI_STATUS_IN_PROGRESS, "智慧校园建设正在稳步推进" },
    { "完成教师管理信息系统升级", LUOSHI_STATUS_NOT_MET, "未能按期完成" },
    { "深入实施《义务教育质量评价指南》，开展学校自评全覆盖", LUOSHI_STATUS_MET, "全区学校完成自评" },
  };
  guint n;

  add_report (plan, LUOSHI_REPORT_PLAN, 2023, NULL, 0, plan->n_chars);
  add_report (review, LUOSHI_REPORT_REVIEW, 2023, NULL, 0, review->n_chars);
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    add_goal (plan, expect[i].goal);
  /* an achievement item is not tracked */
  g_ptr_array_add (plan->items, luoshi_item_new (LUOSHI_ITEM_ACHIEVEMENT, 0, 4, "某区教育"));

  n = luoshi_track (plan, 0, review, 0, NULL);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expect));

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      LuoshiItem *item = g_ptr_array_index (plan->items, i);

      if (item->status != expect[i].status)
        g_error ("“%s”: got %s, expected %s (%s)", expect[i].goal,
                 luoshi_status_to_string (item->status),
                 luoshi_status_to_string (expect[i].status), item->status_reason);
      g_assert_nonnull (item->status_reason);
      if (expect[i].outcome)
        {
          LuoshiEvidence *ev;

          if (!evidence_covers (item, review, expect[i].outcome))
            g_error ("“%s”: no evidence over “%s”", expect[i].goal, expect[i].outcome);
          ev = g_ptr_array_index (item->evidence, 0);
          g_assert_cmpstr (ev->file, ==, "review.txt");
          g_assert_cmpuint (ev->end, <=, review->n_chars);
          g_assert_nonnull (ev->text);
        }
      else
        g_assert_cmpuint (item->evidence->len, ==, 0);
      g_assert_cmpuint (item->evidence->len, <=, LUOSHI_TRACK_MAX_EVIDENCE);
    }
  g_assert_cmpint (((LuoshiItem *) g_ptr_array_index (plan->items, G_N_ELEMENTS (expect)))->status,
                   ==, LUOSHI_STATUS_UNRATED);
}

static void
test_track_keeps_user_status (void)
{
  g_autoptr(LuoshiDocument) plan = luoshi_document_new ("plan.txt", plan_text, -1);
  g_autoptr(LuoshiDocument) review = luoshi_document_new ("review.txt", review_text, -1);
  LuoshiItem *item;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;

  add_report (plan, LUOSHI_REPORT_PLAN, 2023, NULL, 0, plan->n_chars);
  add_report (review, LUOSHI_REPORT_REVIEW, 2023, NULL, 0, review->n_chars);
  item = add_goal (plan, "教师培训覆盖率达到100%");
  item->status = LUOSHI_STATUS_MET;
  item->status_by_user = TRUE;
  luoshi_item_set_status_reason (item, "督查室核实");

  luoshi_track (plan, 0, review, 0, NULL);
  g_assert_cmpint (item->status, ==, LUOSHI_STATUS_MET);
  g_assert_cmpstr (item->status_reason, ==, "督查室核实");
  /* the evidence is still refreshed for the user to see */
  g_assert_true (evidence_covers (item, review, "教师培训覆盖率96%"));

  table = luoshi_track_format_table (plan, 0);
  g_assert_nonnull (strstr (table, "教师培训覆盖率达到100%"));
  g_assert_nonnull (strstr (table, "\tmet\t"));
  lines = g_strsplit (table, "\n", -1);
  /* a header, the goal, and the empty rest after the last newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
}

static void
test_track_review_part_only (void)
{
  /* the later file reviews 2023 and plans 2024: its plan's figures are
   * not outcomes, except a comparison with last year */
  static const char later[] =
    "一、2023年工作回顾\n全年组建教育集团3个。\n"
    "二、2024年工作安排\n全年新建幼儿园5所。今年安排教育专项资金1.2亿元，比去年增加4000万元。\n";
  static const char earlier[] =
    "2023年工作要点\n全年新建幼儿园3所以上。安排教育专项资金8000万元。\n";
  g_autoptr(LuoshiDocument) plan = luoshi_document_new ("p.txt", earlier, -1);
  g_autoptr(LuoshiDocument) review = luoshi_document_new ("r.txt", later, -1);
  LuoshiItem *kindergartens, *funds;

  add_report (plan, LUOSHI_REPORT_PLAN, 2023, NULL, 0, plan->n_chars);
  add_report (review, LUOSHI_REPORT_REVIEW_PLAN, 0, NULL, 0, review->n_chars);
  kindergartens = add_goal (plan, "全年新建幼儿园3所以上");
  funds = add_goal (plan, "安排教育专项资金8000万元");

  luoshi_track (plan, 0, review, 0, NULL);
  g_assert_cmpint (kindergartens->status, ==, LUOSHI_STATUS_NO_EVIDENCE);
  g_assert_cmpint (funds->status, ==, LUOSHI_STATUS_MET);
  g_assert_true (evidence_covers (funds, review, "比去年增加4000万元"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/track/retrieval/ranking", test_retrieval_ranking);
  g_test_add_func ("/track/retrieval/document-frequency", test_retrieval_document_frequency);
  g_test_add_func ("/track/retrieval/traditional", test_retrieval_traditional);
  g_test_add_func ("/track/chain/same-body", test_chain_same_body);
  g_test_add_func ("/track/chain/review-and-plan", test_chain_review_and_plan_in_one_file);
  g_test_add_func ("/track/chain/plan-heading", test_chain_plan_heading);
  g_test_add_func ("/track/chain/unknown-years", test_chain_unknown_years);
  g_test_add_func ("/track/goals", test_track_goals);
  g_test_add_func ("/track/user-status", test_track_keeps_user_status);
  g_test_add_func ("/track/review-part", test_track_review_part_only);

  return g_test_run ();
}
