/* test-classify.c: sentence labels decided by place and words
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences are written for these tests in the style of district
 * education-bureau reports.
 */

#include <string.h>

#include "luoshi-classify.h"

typedef struct
{
  const char        *text;
  LuoshiReportKind   report;
  LuoshiSectionKind  section;
  gboolean           heading;
  LuoshiLabel        run;
  LuoshiLabel        expected;
  gboolean           guidance;
  gboolean           opening;
  gboolean           line_start;
} Case;

#define REVIEW LUOSHI_SECTION_REVIEW
#define PLAN LUOSHI_SECTION_PLAN
#define PROBLEM LUOSHI_SECTION_PROBLEM
#define NONE LUOSHI_SECTION_OTHER
#define RP LUOSHI_REPORT_REVIEW_PLAN
#define G LUOSHI_LABEL_GOAL
#define A LUOSHI_LABEL_ACHIEVEMENT
#define P LUOSHI_LABEL_PROBLEM
#define O LUOSHI_LABEL_OTHER

static void
check_cases (const Case *cases,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      LuoshiClassifyContext context = { cases[i].report, cases[i].section,
                                        cases[i].heading, cases[i].run,
                                        cases[i].guidance, cases[i].opening,
                                        cases[i].line_start };
      double confidence = -1.0;
      LuoshiLabel got = luoshi_classify_sentence (cases[i].text, -1, &context, &confidence);

      if (got != cases[i].expected)
        g_test_message ("“%s”: expected %s, got %s", cases[i].text,
                        luoshi_label_to_string (cases[i].expected),
                        luoshi_label_to_string (got));
      g_assert_cmpstr (luoshi_label_to_string (got), ==,
                       luoshi_label_to_string (cases[i].expected));
      g_assert_cmpfloat (confidence, >, 0.0);
      g_assert_cmpfloat (confidence, <=, 1.0);
    }
}

/* The same heading is a goal heading a plan point, structure heading a
 * review point. */
static void
test_heading_by_place (void)
{
  static const Case cases[] = {
    { "3、加强农村学校食堂管理。", RP, PLAN, TRUE, O, G },
    { "3、加强农村学校食堂管理。", RP, REVIEW, TRUE, O, O },
    { "（二）推进城乡教师交流", RP, PLAN, TRUE, O, G },
    { "（二）推进城乡教师交流", RP, REVIEW, TRUE, O, O },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A review heading that claims a result is an achievement. */
static void
test_result_headings (void)
{
  static const Case cases[] = {
    { "二、校舍条件得到明显改善", RP, REVIEW, TRUE, O, A },
    { "4、中考成绩创历史新高。", RP, REVIEW, TRUE, O, A },
    { "（三）课堂改革取得阶段性成效", RP, REVIEW, TRUE, O, A },
    { "5、家校共育机制逐步完善。", RP, REVIEW, TRUE, O, A },
    { "1、圆满完成秋季招生任务。", RP, REVIEW, TRUE, O, A },
    { "6、在学前教育方面。", RP, REVIEW, TRUE, O, O },
    /* A point written as a sentence that counts what was done. */
    { "2、组织开展秋季开学专项督导，检查学校38所，督促整改问题25个。", RP, REVIEW, TRUE, O, A },
    { "（二）2023年督导工作", RP, REVIEW, TRUE, O, O },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Part titles are structure in any part. */
static void
test_part_titles (void)
{
  static const Case cases[] = {
    { "三、存在的主要问题", RP, PROBLEM, TRUE, O, O },
    { "四、明年工作要点", RP, PLAN, TRUE, O, O },
    { "一、主要工作及成效", RP, REVIEW, TRUE, O, O },
    { "某区教育局年度工作总结", RP, NONE, TRUE, O, O },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Body sentences follow their part, with the words deciding only the
 * clear cases. */
static void
test_body_by_place (void)
{
  static const Case cases[] = {
    { "组织全区班主任开展心理健康专题培训。", RP, PLAN, FALSE, O, G },
    { "组织全区班主任开展心理健康专题培训，共培训312人次。", RP, REVIEW, FALSE, O, A },
    { "全年新建塑胶运动场4块，改造旱厕11座。", RP, REVIEW, FALSE, O, A },
    { "下一步，我们将在城东新区再建两所公办幼儿园。", RP, REVIEW, FALSE, O, G },
    { "力争三年内所有乡镇中心校建成标准化食堂。", RP, NONE, FALSE, O, G },
    /* A report taken for a plan that still recounts a deed. */
    { "县第三幼儿园已建成投入使用。", LUOSHI_REPORT_PLAN, NONE, FALSE, O, A },
    /* In a speech, 要 sets a task. */
    { "各校要把课后服务作为民生实事抓紧抓好。", LUOSHI_REPORT_SPEECH, NONE, FALSE, O, G },
    /* A short 二是 point that sets a task is no subheading. */
    { "二是要抓好校园安全，确保不发生重大事故。", LUOSHI_REPORT_SPEECH, NONE, FALSE, O, G },
    { "下一步，我们将重点做好以下工作：", RP, REVIEW, FALSE, O, O },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* 将 marking an object is not a plan. */
static void
test_jiang_preposition (void)
{
  static const Case cases[] = {
    { "我局将这一情况及时报告区政府，并督促学校整改到位。", RP, REVIEW, FALSE, O, A },
    { "学校将安全教育列入了课表，每周一课时。", RP, REVIEW, FALSE, O, A },
    { "明年我局将继续实施农村教师周转房建设工程。", RP, REVIEW, FALSE, O, G },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Under 存在问题 a need is a problem; under 今后工作 it is a goal. */
static void
test_problems_phrased_as_needs (void)
{
  static const Case cases[] = {
    { "1、农村学校音体美教师配备仍需加强。", RP, PROBLEM, TRUE, O, P },
    { "城乡办学条件的差距仍然是今后努力的方向。", RP, PROBLEM, FALSE, O, P },
    { "城乡办学条件的差距仍然是今后努力的方向。", RP, PLAN, FALSE, O, G },
    { "部分学校安全管理制度落实不到位。", RP, REVIEW, FALSE, O, P },
    { "二是部分教师的信息技术应用能力不强；", RP, REVIEW, FALSE, P, P },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Background, ideology, greetings and transitions are not items. */
static void
test_not_items (void)
{
  static const Case cases[] = {
    { "我区现有公办小学23所、初级中学7所，在校学生18640人。", RP, REVIEW, FALSE, O, O },
    { "全区共有专任教师2315人。", RP, REVIEW, FALSE, O, O },
    { "尊敬的各位领导、同志们：", RP, NONE, FALSE, O, O },
    { "明年我们要重点抓好以下五项工作：", RP, PLAN, FALSE, O, O },
    { "校园文化是学校发展的灵魂。", RP, PLAN, FALSE, O, O },
    { "课后服务的主要做法是：错时放学、分类托管、家校共管。", RP, REVIEW, FALSE, O, O },
    { "）", RP, REVIEW, FALSE, O, O },
    /* Under 指导思想 the ideology is no task; elsewhere it leads into one. */
    { "以新时代教育思想为指导，全面贯彻党的教育方针，办好人民满意的教育。",
      LUOSHI_REPORT_PLAN, PLAN, FALSE, O, O, TRUE },
    { "以课程标准为指导，开展全区学科教学视导。", LUOSHI_REPORT_PLAN, PLAN, FALSE, O, G, FALSE },
    /* A review opens with the setting; it reports only if it sums up. */
    { "一年来，在县委、县政府的正确领导下，全县教育系统紧紧围绕办人民满意教育的目标，改革创新，扎实工作。",
      LUOSHI_REPORT_REVIEW, REVIEW, FALSE, O, O, FALSE, TRUE },
    { "一年来，在县委、县政府的正确领导下，全县教育系统扎实工作，各项工作取得了明显成效。",
      LUOSHI_REPORT_REVIEW, REVIEW, FALSE, O, A, FALSE, TRUE },
    { "围绕课堂改革，组织了三次全县教学视导。", LUOSHI_REPORT_REVIEW, REVIEW, FALSE, O, A, FALSE, FALSE },
    /* A short directive at the start of a line heads what follows; in
     * mid-paragraph it reports an action. */
    { "积极开展校园安全教育。", LUOSHI_REPORT_REVIEW, REVIEW, FALSE, O, O, FALSE, FALSE, TRUE },
    { "积极开展校园安全教育。", LUOSHI_REPORT_REVIEW, REVIEW, FALSE, O, A, FALSE, FALSE, FALSE },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_heading_kinds (void)
{
  g_assert_cmpint (luoshi_classify_heading ("三、20xx年工作要点", -1), ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (luoshi_classify_heading ("四、今后工作打算", -1), ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (luoshi_classify_heading ("二、存在的问题和不足", -1), ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (luoshi_classify_heading ("一、上半年工作回顾", -1), ==, LUOSHI_SECTION_REVIEW);
  g_assert_cmpint (luoshi_classify_heading ("局机关工作总结和明年工作要点", -1), ==, LUOSHI_SECTION_OTHER);
  g_assert_cmpint (luoshi_classify_heading ("2、加强师德师风建设", -1), ==, LUOSHI_SECTION_OTHER);
}

static void
test_runs (void)
{
  g_assert_cmpint (luoshi_classify_opens_run ("但也清醒地看到，我们的工作还存在一些不足，主要表现在：", -1),
                   ==, LUOSHI_LABEL_PROBLEM);
  g_assert_cmpint (luoshi_classify_opens_run ("明年主要预期目标是：学前三年毛入园率达到92%", -1),
                   ==, LUOSHI_LABEL_GOAL);
  g_assert_cmpint (luoshi_classify_opens_run ("全年共召开现场会3次。", -1), ==, LUOSHI_LABEL_OTHER);
}

static void
test_markers (void)
{
  static const struct { const char *text; const char *rest; } cases[] = {
    { "一、总体情况", "总体情况" },
    { "（三）队伍建设", "队伍建设" },
    { "(12)开展评估", "开展评估" },
    { "3、完善制度", "完善制度" },
    { "3.完善制度", "完善制度" },
    { "⑵狠抓落实", "狠抓落实" },
    { "②狠抓落实", "狠抓落实" },
    { "二是，加强培训", "加强培训" },
    { "第一，强化管理", "强化管理" },
    { "3.5%的学校", "3.5%的学校" },
    { "１、完善制度", "完善制度" },
    { "（２）狠抓落实", "狠抓落实" },
    { "2008年，全区", "2008年，全区" },
    { "一年来，全区", "一年来，全区" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize m = luoshi_classify_marker_length (cases[i].text, strlen (cases[i].text));
      g_assert_cmpstr (cases[i].text + m, ==, cases[i].rest);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classify/heading/by-place", test_heading_by_place);
  g_test_add_func ("/classify/heading/result", test_result_headings);
  g_test_add_func ("/classify/heading/part-titles", test_part_titles);
  g_test_add_func ("/classify/heading/kinds", test_heading_kinds);
  g_test_add_func ("/classify/body/by-place", test_body_by_place);
  g_test_add_func ("/classify/body/jiang-preposition", test_jiang_preposition);
  g_test_add_func ("/classify/body/problems-as-needs", test_problems_phrased_as_needs);
  g_test_add_func ("/classify/body/not-items", test_not_items);
  g_test_add_func ("/classify/runs", test_runs);
  g_test_add_func ("/classify/markers", test_markers);

  return g_test_run ();
}
