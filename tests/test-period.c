/* test-period.c: the period and issuing body of a report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-document.h"
#include "luoshi-org.h"
#include "luoshi-period.h"
#include "luoshi-segment.h"

#include <string.h>

static LuoshiDocument *
segment_text (const char *text)
{
  LuoshiDocument *doc = luoshi_document_new ("test.txt", text, -1);

  luoshi_segment (doc);
  return doc;
}

static LuoshiReport *
first_report (LuoshiDocument *doc)
{
  g_assert_cmpuint (doc->reports->len, >=, 1);
  return g_ptr_array_index (doc->reports, 0);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *period;       /* NULL: unknown */
  double      min_confidence;
} PeriodCase;

static const PeriodCase period_cases[] = {
  { "plan-title",
    "清河区教育局2012年工作要点\n"
    "一、推进教育均衡发展\n"
    "1、年内完成8所学校的标准化建设。\n"
    "2、力争2014年前全面完成校安工程。\n",
    "2012", 1.0 },
  { "review-title",
    "2012年教育工作总结\n"
    "一、主要工作\n"
    "1、完成了2011年启动的校舍改造工程。\n",
    "2012", 1.0 },
  { "half-year",
    "2011年上半年工作总结\n"
    "一、主要工作\n"
    "1、召开了全县教育工作会议。\n",
    "2011H1", 1.0 },
  { "body-most-frequent",
    "市教育局工作总结\n"
    "2008年，我市教育工作取得了新的进展。\n"
    "一、办学条件改善\n"
    "1、自2004年开始实施的校方责任险全面覆盖。\n"
    "2、2008年全市新建校舍12栋。\n"
    "3、2008年投入资金800万元。\n"
    "2008年，全市教师将以更加饱满的热情迎接2009年的到来。\n",
    "2008", 0.9 },
  { "review-plan-reviewed-year",
    "教育督导工作总结和工作要点\n"
    "现将2012年工作总结和2013年工作要点汇报如下：\n"
    "一、2012年教育督导工作总结\n"
    "1、2012年完成了对全部乡镇的督导评估。\n"
    "二、2013年教育督导工作要点\n"
    "1、2013年开展教育强镇复评工作。\n"
    "2、做好2013届毕业班工作评价。\n",
    "2012", 0.9 },
  { "two-digit-plan-year-masked",
    "教育局年度工作总结\n"
    "（一）年度回顾\n"
    "年我区共完成基建项目5项，05年开工兴建的中学于年顺利投入使用。\n"
    "年是教育质量年，我局狠抓教学管理。\n"
    "（二）年工作要点\n"
    "1、07年上半年教育局将召开全区教育工作会议。\n"
    "2、07年我区将创建3-5所市级示范校。\n",
    "2006", 0.6 },
  { "masked-unknown",
    "教育局工作总结\n"
    "20xx年，我局在区委、区政府的领导下，全面完成了各项任务。\n"
    "一、主要工作\n"
    "1、完成了20xx年的招生工作，超过2024年同期水平。\n",
    NULL, 0.0 },
  { "masked-two-events",
    "教育局工作总结\n"
    "20xx年，我局全面完成了各项任务。\n"
    "一、主要工作\n"
    "1、组织了庆祝建党85周年系列活动。\n"
    "2、深入开展了八荣八耻教育。\n",
    "2006", 0.5 },
  { "masked-one-event",
    "教育局工作总结\n"
    "20xx年，我局全面完成了各项任务。\n"
    "一、主要工作\n"
    "1、组织了庆祝建党90周年系列活动。\n",
    NULL, 0.0 },
  { "relative-years",
    /* Only 今年/明年 in the review, the year in the plan part: the
     * review+plan report reviews the year before the plan's. */
    "教育局工作总结及工作打算\n"
    "今年，我局认真落实各项工作部署。\n"
    "一、今年主要工作\n"
    "1、今年完成了全县中小学布局调整。\n"
    "二、明年工作打算\n"
    "1、2014年将完成全部薄弱学校改造。\n",
    "2013", 0.7 },
  { "looking-ahead",
    /* One mention each: the year the closing words look ahead to is not
     * the reviewed one. */
    "城西区教育工作总结\n"
    "2012年，我局全面完成了各项工作任务。\n"
    "一、主要工作\n"
    "1、新建学校3所，改造校舍5000平方米。\n"
    "2013年，我们将继续努力，办好人民满意的教育。\n",
    "2012", 0.7 },
  { "other-years-referred-to",
    /* Years compared with or counted from are not the reviewed year. */
    "城西区教育工作总结\n"
    "2012年，我局全面完成了各项工作任务。\n"
    "一、主要工作\n"
    "1、高考上线人数比2011年增加120人，比2010年增加200人。\n"
    "2、自2010年以来累计投入资金1亿元，2010年起实施的营养餐工程惠及全区学生。\n",
    "2012", 0.7 },
  { "han-numeral-year",
    "二〇一二年教育工作总结\n"
    "一、主要工作\n"
    "1、完成了校舍改造工程。\n",
    "2012", 1.0 },
  { "school-year-range",
    /* 2012-2013学年 is no single year, and a target year after 到 is no
     * period either. */
    "2012-2013学年度教育工作总结\n"
    "本学年，我校认真落实各项工作。\n"
    "一、主要工作\n"
    "1、制定了到2015年的发展规划。\n",
    NULL, 0.0 },
  { "half-without-title-year",
    "上半年工作总结\n"
    "2010年上半年，我局完成了各项工作任务。\n"
    "一、主要工作\n"
    "1、2010年3月召开了全县教育工作会议。\n",
    "2010H1", 0.9 },
  { "traditional",
    "縣教育局督導室工作總結\n"
    "2011年，在縣教育局的領導下，我室較好地完成了2011年的工作。\n"
    "一、建立了督導評估機制\n",
    "2011", 0.9 },
};

static void
test_period_case (gconstpointer data)
{
  const PeriodCase *c = data;
  g_autoptr(LuoshiDocument) doc = segment_text (c->text);
  LuoshiReport *r = first_report (doc);
  g_autofree char *period = luoshi_report_period_string (r);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpstr (period, ==, c->period);
  if (c->period != NULL)
    {
      g_assert_cmpfloat (r->period_confidence, >=, c->min_confidence);
      g_assert_nonnull (r->period_evidence);
      g_assert_cmpstr (r->period_evidence, !=, "");
    }
  else
    {
      g_assert_cmpint (r->year, ==, 0);
      g_assert_cmpfloat (r->period_confidence, ==, 0.0);
    }
}

static void
test_period_masked_evidence (void)
{
  g_autoptr(LuoshiDocument) doc = segment_text (period_cases[6].text);
  LuoshiReport *r = first_report (doc);

  g_assert_nonnull (r->period_evidence);
  g_assert_nonnull (strstr (r->period_evidence, "20xx"));
}

static void
test_period_redetect (void)
{
  /* Callable again on a segmented report (luoshi_extract may). */
  g_autoptr(LuoshiDocument) doc = segment_text (period_cases[0].text);
  LuoshiReport *r = first_report (doc);

  r->year = 1999;
  luoshi_period_detect (doc, r);
  g_assert_cmpint (r->year, ==, 2012);
  g_assert_cmpint (r->half, ==, 0);
}

typedef struct
{
  const char *text;
  const char *org;
} OrgCase;

static void
test_org (void)
{
  static const OrgCase cases[] = {
    /* 我局 is the body named in the title. */
    { "清河区教育局2010年工作总结\n2010年，我局全面完成了各项任务。\n", "清河区教育局" },
    /* The title names only the level; the body names the place. */
    { "市教育局工作总结\n一、加强管理\n制定了《平阳市中小学管理手册》，平阳市教育局多次检查。\n",
      "平阳市教育局" },
    { "XX市人民政府教育督导室工作总结\n我室认真开展督导工作。\n", "XX市人民政府教育督导室" },
    /* Running text before 市 is no place name. */
    { "教育工作总结\n我们积极配合市教育局开展检查，按照省教育厅部署推进工作。\n", NULL },
    { "教育工作总结\n我局全面完成了各项任务。\n", NULL },
    { "武汉市江夏区教育局党委工作总结\n一年来，我们认真开展工作。\n", "武汉市江夏区教育局党委" },
    { "市教育局督導室年度工作總結\n我室認真開展督導工作。\n", "市教育局督導室" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LuoshiDocument) doc = segment_text (cases[i].text);
      LuoshiReport *r = first_report (doc);
      g_autofree char *again = luoshi_org_detect (doc, r);

      g_assert_cmpstr (r->org, ==, cases[i].org);
      g_assert_cmpstr (again, ==, cases[i].org);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (period_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/period/%s", period_cases[i].name);

      g_test_add_data_func (path, &period_cases[i], test_period_case);
    }
  g_test_add_func ("/period/masked-evidence", test_period_masked_evidence);
  g_test_add_func ("/period/redetect", test_period_redetect);
  g_test_add_func ("/period/org", test_org);

  return g_test_run ();
}
