/* test-verdict.c: verdict rules, one written goal and outcome per case
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "luoshi-verdict.h"
#include "luoshi-metric.h"

typedef struct
{
  const char   *goal;
  const char   *outcome;
  LuoshiStatus  expected;
  const char   *rule;
} Case;

/* Goals and outcomes written for these tests in the style of district
 * education reports. */
static const Case cases[] = {
  /* at least */
  { "全年新建幼儿园3所以上", "新建幼儿园4所", LUOSHI_STATUS_MET, "at least, exceeded" },
  { "义务教育巩固率保持在99%以上", "义务教育巩固率99.2%", LUOSHI_STATUS_MET, "at least, rate" },
  { "全年新建幼儿园5所以上", "新建幼儿园4所", LUOSHI_STATUS_PARTLY, "at least, 4 of 5" },
  { "城镇新增就业1.2万人以上", "城镇新增就业1.35万人", LUOSHI_STATUS_MET, "at least, scaled unit" },
  /* plain figures and counts of deliverables */
  { "教师培训覆盖率达到100%", "教师培训覆盖率96%", LUOSHI_STATUS_PARTLY, "plain rate, close" },
  { "推进集团化办学，组建教育集团4个", "组建教育集团2个", LUOSHI_STATUS_NOT_MET, "2 of 4 groups" },
  { "推进集团化办学，组建教育集团4个", "组建教育集团3个", LUOSHI_STATUS_PARTLY, "3 of 4 groups" },
  { "新建乡镇中心幼儿园2所", "新建乡镇中心幼儿园1所，另1所正在建设中", LUOSHI_STATUS_PARTLY, "1 of 2, the other under way" },
  { "新建乡镇中心幼儿园2所", "新建乡镇中心幼儿园1所，其余工作有序推进", LUOSHI_STATUS_NOT_MET, "1 of 2, other work under way" },
  { "新开工改造薄弱学校53所", "新开工改造薄弱学校56所", LUOSHI_STATUS_MET, "plain, exceeded" },
  /* at most */
  { "学生近视率控制在50%以内", "学生近视率为48.5%", LUOSHI_STATUS_MET, "at most, below" },
  { "学生近视率控制在50%以内", "学生近视率为50%", LUOSHI_STATUS_MET, "at most, hit exactly" },
  { "学生近视率控制在50%以内", "学生近视率为52%", LUOSHI_STATUS_PARTLY, "at most, a little over" },
  { "学生近视率控制在50%以内", "学生近视率为60%", LUOSHI_STATUS_NOT_MET, "at most, clearly over" },
  /* about */
  { "教育经费投入增长6.5%左右", "教育经费投入增长6.1%", LUOSHI_STATUS_MET, "about, within 0.5 point" },
  { "教育经费投入增长6.5%左右", "教育经费投入增长7.3%", LUOSHI_STATUS_MET, "about, above" },
  { "教育经费投入增长6.5%左右", "教育经费投入增长5.6%", LUOSHI_STATUS_PARTLY, "about, short" },
  { "教育经费投入增长6.5%左右", "教育经费投入增长3%", LUOSHI_STATUS_NOT_MET, "about, far short" },
  { "完成校舍改造5万平方米左右", "完成校舍改造4.8万平方米", LUOSHI_STATUS_MET, "about amount, within 5%" },
  { "完成校舍改造5万平方米左右", "完成校舍改造4.2万平方米", LUOSHI_STATUS_PARTLY, "about amount, short" },
  /* about, for an indicator better lower */
  { "居民消费价格涨幅3%左右", "居民消费价格上涨2.1%", LUOSHI_STATUS_MET, "ceiling, below" },
  { "居民消费价格涨幅3%左右", "居民消费价格上涨3.4%", LUOSHI_STATUS_MET, "ceiling, within tolerance" },
  { "居民消费价格涨幅3%左右", "居民消费价格上涨4.5%", LUOSHI_STATUS_NOT_MET, "ceiling, far over" },
  { "城镇调查失业率5.5%左右", "城镇调查失业率平均为5.1%", LUOSHI_STATUS_MET, "unemployment is a ceiling" },
  /* ranges */
  { "新建标准化运动场3-5个", "新建标准化运动场3个", LUOSHI_STATUS_MET, "range, lower bound" },
  { "新建标准化运动场3-5个", "新建标准化运动场2个", LUOSHI_STATUS_NOT_MET, "range, below" },
  /* commitments */
  { "确保学前三年毛入园率达到98%左右", "学前三年毛入园率97.8%", LUOSHI_STATUS_PARTLY, "guaranteed: no tolerance" },
  { "学前三年毛入园率达到98%左右", "学前三年毛入园率97.8%", LUOSHI_STATUS_MET, "plain about: tolerance" },
  { "教育经费确保增长7%，力争增长8%", "教育经费增长7.5%", LUOSHI_STATUS_MET, "stretch: the floor decides" },
  /* reductions */
  { "单位生产总值能耗下降3%以上", "单位生产总值能耗下降3.1%", LUOSHI_STATUS_MET, "reduction, exceeded" },
  { "单位生产总值能耗下降3%以上", "单位生产总值能耗下降2%", LUOSHI_STATUS_NOT_MET, "reduction, short" },
  { "单位生产总值能耗下降3%", "单位生产总值能耗上升1%", LUOSHI_STATUS_NOT_MET, "reduction, wrong way" },
  /* a figure of another subject does not answer */
  { "全年新建幼儿园3所以上", "新建体育馆4所", LUOSHI_STATUS_NO_EVIDENCE, "other subject" },
  /* a figure inside a quoted name is no target */
  { "全年投入教育经费12亿元以上，确保教育经费“两个只增不减”", "全年投入教育经费12.5亿元", LUOSHI_STATUS_MET, "quoted name" },
  /* compound targets */
  { "新建幼儿园3所，改扩建小学2所", "新建幼儿园3所", LUOSHI_STATUS_PARTLY, "half of a compound target" },
  { "新建幼儿园3所，改扩建小学2所", "新建幼儿园3所，改扩建小学2所", LUOSHI_STATUS_MET, "whole compound target" },
  /* qualitative */
  { "建成区域教育资源公共服务平台", "区域教育资源公共服务平台全面建成并投入使用", LUOSHI_STATUS_MET, "completion words" },
  { "启动智慧校园建设", "智慧校园建设正在稳步推进", LUOSHI_STATUS_IN_PROGRESS, "under way" },
  { "启动智慧校园建设", "智慧校园建设全面启动", LUOSHI_STATUS_MET, "the goal's own word means done" },
  { "完成教师管理系统升级", "教师管理系统升级工作滞后，未能按期完成", LUOSHI_STATUS_NOT_MET, "lagging" },
  { "学生体质健康水平稳步提高", "学生体质健康优良率提高3.2个百分点", LUOSHI_STATUS_MET, "direction asked for" },
  { "启动智慧校园建设，建成区域教育资源公共服务平台",
    "智慧校园建设正在稳步推进，区域教育资源公共服务平台已建成并投入使用",
    LUOSHI_STATUS_PARTLY, "two tasks: one under way, one done" },
  { "生均教育债务率控制在3%左右", "全区生均教育债务率明显下降", LUOSHI_STATUS_MET, "ceiling reported falling" },
  /* silence */
  { "完成校舍改造5万平方米左右", "全区教育系统安全稳定，未发生重大事故", LUOSHI_STATUS_NO_EVIDENCE, "silence" },
  { "建成区域教育资源公共服务平台", "全区中小学安全工作扎实开展", LUOSHI_STATUS_NO_EVIDENCE, "unrelated passage" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(LuoshiVerdict) v = luoshi_verdict_judge_text (c->goal, c->outcome, NULL);

      if (v->status != c->expected)
        g_error ("case %u (%s): “%s” against “%s”: got %s, expected %s (%s)",
                 i, c->rule, c->goal, c->outcome, luoshi_status_to_string (v->status),
                 luoshi_status_to_string (c->expected), v->reason ? v->reason : "");
      g_assert_nonnull (v->reason);
      g_assert_cmpstr (v->reason, !=, "");
    }
}

static void
test_reason_names_figures (void)
{
  g_autoptr(LuoshiVerdict) v = luoshi_verdict_judge_text ("全年新建幼儿园3所以上", "新建幼儿园4所", NULL);

  g_assert_cmpint (v->status, ==, LUOSHI_STATUS_MET);
  g_assert_nonnull (strstr (v->reason, "4所"));
  g_assert_nonnull (strstr (v->reason, "3"));
  /* the deciding clause is located in the outcome */
  g_assert_cmpint (v->outcome, ==, 0);
  g_assert_cmpuint (v->end, >, v->start);
}

static void
test_stretch_strict (void)
{
  LuoshiVerdictRules rules;
  g_autoptr(LuoshiVerdict) v = NULL;

  luoshi_verdict_rules_init_default (&rules);
  rules.stretch_needs_stretch_figure = TRUE;
  v = luoshi_verdict_judge_text ("教育经费确保增长7%，力争增长8%", "教育经费增长7.5%", &rules);
  g_assert_cmpint (v->status, ==, LUOSHI_STATUS_PARTLY);
  g_clear_pointer (&v, luoshi_verdict_free);
  v = luoshi_verdict_judge_text ("教育经费确保增长7%，力争增长8%", "教育经费增长8.2%", &rules);
  g_assert_cmpint (v->status, ==, LUOSHI_STATUS_MET);
}

static void
test_tolerances_are_rules (void)
{
  LuoshiVerdictRules rules;
  g_autoptr(LuoshiVerdict) v = NULL;

  /* widening the tolerance of 左右 turns a partly into a met */
  luoshi_verdict_rules_init_default (&rules);
  rules.about_rate_points = 1.0;
  v = luoshi_verdict_judge_text ("教育经费投入增长6.5%左右", "教育经费投入增长5.6%", &rules);
  g_assert_cmpint (v->status, ==, LUOSHI_STATUS_MET);
  g_clear_pointer (&v, luoshi_verdict_free);

  /* a stricter share for partly turns 3 of 4 into not met */
  luoshi_verdict_rules_init_default (&rules);
  rules.partly_amount_ratio = 0.8;
  v = luoshi_verdict_judge_text ("组建教育集团4个", "组建教育集团3个", &rules);
  g_assert_cmpint (v->status, ==, LUOSHI_STATUS_NOT_MET);
}

static void
test_blanket (void)
{
  LuoshiOutcome o = { "全区义务教育学校安全工作扎实开展", 0.1, FALSE, FALSE, NULL };
  const char *blanket = "2023年，全区教育工作主要目标任务全面完成。";
  g_autoptr(LuoshiVerdict) main = NULL;
  g_autoptr(LuoshiVerdict) other = NULL;

  g_assert_true (luoshi_verdict_is_blanket (blanket));
  g_assert_false (luoshi_verdict_is_blanket ("主要目标任务未能全面完成"));
  g_assert_false (luoshi_verdict_is_blanket ("全年主要目标任务较好完成"));

  main = luoshi_verdict_judge ("学前三年毛入园率达到92%以上", TRUE, &o, 1, blanket, NULL);
  g_assert_cmpint (main->status, ==, LUOSHI_STATUS_MET);
  /* a task outside the main targets is not covered */
  other = luoshi_verdict_judge ("学前三年毛入园率达到92%以上", FALSE, &o, 1, blanket, NULL);
  g_assert_cmpint (other->status, ==, LUOSHI_STATUS_NO_EVIDENCE);
}

static void
test_multi_year (void)
{
  LuoshiOutcome total = { "五年来，累计完成农村公路改造1000公里", 0.8, TRUE, FALSE, NULL };
  LuoshiOutcome level = { "五年来，生均公用经费标准由600元提高到850元", 0.8, TRUE, FALSE, NULL };
  g_autoptr(LuoshiVerdict) v1 = NULL;
  g_autoptr(LuoshiVerdict) v2 = NULL;

  g_assert_true (luoshi_verdict_is_multi_year (total.text));
  g_assert_false (luoshi_verdict_is_multi_year ("一年来，新建幼儿园4所"));

  /* a five-year total does not isolate the year */
  v1 = luoshi_verdict_judge ("今年完成农村公路改造200公里", FALSE, &total, 1, NULL, NULL);
  g_assert_cmpint (v1->status, ==, LUOSHI_STATUS_NO_EVIDENCE);
  /* a level reached at the end of the years does */
  v2 = luoshi_verdict_judge ("生均公用经费标准由800元提高到850元", FALSE, &level, 1, NULL, NULL);
  g_assert_cmpint (v2->status, ==, LUOSHI_STATUS_MET);
}

static void
test_year_on_year (void)
{
  LuoshiOutcome plan = { "今年安排教育专项资金1.2亿元，比去年增加4000万元", 0.6, FALSE, TRUE, NULL };
  LuoshiOutcome budget = { "今年教育专项资金拟按1.2亿元安排，比去年预算高4000万元", 0.6, FALSE, TRUE, NULL };
  g_autoptr(LuoshiVerdict) v1 = NULL;
  g_autoptr(LuoshiVerdict) v2 = NULL;

  v1 = luoshi_verdict_judge ("安排教育专项资金8000万元", FALSE, &plan, 1, NULL, NULL);
  g_assert_cmpint (v1->status, ==, LUOSHI_STATUS_MET);
  v2 = luoshi_verdict_judge ("安排教育专项资金8000万元", FALSE, &budget, 1, NULL, NULL);
  g_assert_cmpint (v2->status, ==, LUOSHI_STATUS_NO_EVIDENCE);
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) t = luoshi_metric_parse ("入园率不低于90%");
  g_autoptr(GPtrArray) a = luoshi_metric_parse ("入园率91%");
  g_autoptr(GPtrArray) other = luoshi_metric_parse ("新建4所");
  g_autofree char *reason = NULL;

  g_assert_cmpuint (t->len, ==, 1);
  g_assert_cmpint (luoshi_verdict_compare (g_ptr_array_index (t, 0), g_ptr_array_index (a, 0),
                                           FALSE, NULL, &reason), ==, LUOSHI_STATUS_MET);
  g_assert_nonnull (reason);
  /* a percentage and a count do not compare */
  g_assert_cmpint (luoshi_verdict_compare (g_ptr_array_index (t, 0), g_ptr_array_index (other, 0),
                                           FALSE, NULL, NULL), ==, LUOSHI_STATUS_NO_EVIDENCE);
  g_assert_true (luoshi_verdict_is_ceiling_subject ("城镇登记失业率"));
  g_assert_true (luoshi_verdict_is_ceiling_subject ("居民消费价格涨幅"));
  g_assert_false (luoshi_verdict_is_ceiling_subject ("学前三年毛入园率"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/verdict/table", test_table);
  g_test_add_func ("/verdict/reason", test_reason_names_figures);
  g_test_add_func ("/verdict/stretch-strict", test_stretch_strict);
  g_test_add_func ("/verdict/rules", test_tolerances_are_rules);
  g_test_add_func ("/verdict/blanket", test_blanket);
  g_test_add_func ("/verdict/multi-year", test_multi_year);
  g_test_add_func ("/verdict/year-on-year", test_year_on_year);
  g_test_add_func ("/verdict/compare", test_compare);

  return g_test_run ();
}
