/* test-metric.c: figures in report sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sentences are written for these tests in the style of county
 * education-bureau reports; none is taken from a real report.
 */

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "luoshi-metric.h"

#define EXACT    LUOSHI_QUALIFIER_EXACT
#define AT_LEAST LUOSHI_QUALIFIER_AT_LEAST
#define AT_MOST  LUOSHI_QUALIFIER_AT_MOST
#define ABOUT    LUOSHI_QUALIFIER_ABOUT
#define RANGE    LUOSHI_QUALIFIER_RANGE
#define PLAIN    LUOSHI_COMMITMENT_PLAIN
#define STRETCH  LUOSHI_COMMITMENT_STRETCH
#define SURE     LUOSHI_COMMITMENT_GUARANTEED
#define LEVEL    LUOSHI_DIRECTION_LEVEL
#define UP       LUOSHI_DIRECTION_INCREASE
#define DOWN     LUOSHI_DIRECTION_DECREASE

typedef struct
{
  const char       *sentence;
  guint             n_metrics;  /* how many figures the sentence has */
  guint             index;      /* the one checked below */
  const char       *text;       /* NULL when n_metrics is 0 */
  gboolean          known;
  double            value;
  double            value_max;
  const char       *unit;
  LuoshiQualifier   qualifier;
  LuoshiCommitment  commitment;
  LuoshiDirection   direction;
  const char       *subject;    /* NULL: not checked */
} Case;

static const Case value_cases[] = {
  { "全县共有中小学校86所", 1, 0, "86所", TRUE, 86, 86, "所", EXACT, PLAIN, LEVEL, "中小学校" },
  { "全年共投入教育经费1,351万元", 1, 0, "1,351万元", TRUE, 1351, 1351, "万元", EXACT, PLAIN, LEVEL, "教育经费" },
  { "其中省级补助资金1，351万元", 1, 0, "1，351万元", TRUE, 1351, 1351, "万元", EXACT, PLAIN, LEVEL, "省级补助资金" },
  { "全县现有在校学生１２３４５人", 1, 0, "１２３４５人", TRUE, 12345, 12345, "人", EXACT, PLAIN, LEVEL, "在校学生" },
  { "生均公用经费标准为每生每年650.5元", 1, 0, "650.5元", TRUE, 650.5, 650.5, "元", EXACT, PLAIN, LEVEL, NULL },
  { "全县在职教师二千三百名", 1, 0, "二千三百名", TRUE, 2300, 2300, "名", EXACT, PLAIN, LEVEL, "在职教师" },
  { "今年新建标准化学校十二所", 1, 0, "十二所", TRUE, 12, 12, "所", EXACT, PLAIN, UP, NULL },
  { "组织骨干教师二十五名赴外地学习", 1, 0, "二十五名", TRUE, 25, 25, "名", EXACT, PLAIN, LEVEL, "骨干教师" },
  { "共招收幼儿一百二十名", 1, 0, "一百二十名", TRUE, 120, 120, "名", EXACT, PLAIN, LEVEL, NULL },
  { "全镇保留两所村小", 1, 0, "两所", TRUE, 2, 2, "所", EXACT, PLAIN, LEVEL, NULL },
  { "全年发生校园安全责任事故零起", 1, 0, "零起", TRUE, 0, 0, "起", EXACT, PLAIN, LEVEL, NULL },
  { "新增学位1.2万个", 1, 0, "1.2万个", TRUE, 1.2, 1.2, "万个", EXACT, PLAIN, UP, "新增学位" },
  { "全县学前教育在园幼儿达到1.2万人", 1, 0, "1.2万人", TRUE, 1.2, 1.2, "万人", EXACT, PLAIN, LEVEL, NULL },
  { "全县财政性教育投入达到3.5亿元", 1, 0, "3.5亿元", TRUE, 3.5, 3.5, "亿元", EXACT, PLAIN, LEVEL, "财政性教育投入" },
  { "全县义务教育阶段学生三万人", 1, 0, "三万人", TRUE, 3, 3, "万人", EXACT, PLAIN, LEVEL, NULL },
  { "本年度共资助困难学生一万二千人", 1, 0, "一万二千人", TRUE, 12000, 12000, "人", EXACT, PLAIN, LEVEL, NULL },
  { "新建校舍3000平方米", 1, 0, "3000平方米", TRUE, 3000, 3000, "平方米", EXACT, PLAIN, UP, NULL },
  { "完成校舍维修改造1.5万平方米", 1, 0, "1.5万平方米", TRUE, 1.5, 1.5, "万平方米", EXACT, PLAIN, LEVEL, NULL },
  { "学校占地面积120亩", 1, 0, "120亩", TRUE, 120, 120, "亩", EXACT, PLAIN, LEVEL, "学校占地面积" },
  { "开展教师全员培训每人不少于72学时", 1, 0, "72学时", TRUE, 72, 72, "学时", AT_LEAST, PLAIN, LEVEL, NULL },
  { "用3年时间完成薄弱学校改造", 1, 0, "3年", TRUE, 3, 3, "年", EXACT, PLAIN, LEVEL, NULL },
  { "全县教育系统减轻学生家庭负担3万多亿元", 1, 0, "3万多亿元", TRUE, 3, 3, "万亿元", AT_LEAST, PLAIN, LEVEL, NULL },
  { "学生人数达到5000", 1, 0, "5000", TRUE, 5000, 5000, "", EXACT, PLAIN, LEVEL, "学生人数" },
};

static const Case percent_cases[] = {
  { "全县小学巩固率达到99.8%", 1, 0, "99.8%", TRUE, 99.8, 99.8, "%", EXACT, PLAIN, LEVEL, "小学巩固率" },
  { "高考本科上线率达到8％", 1, 0, "8％", TRUE, 8, 8, "%", EXACT, PLAIN, LEVEL, "高考本科上线率" },
  { "初中辍学率控制在百分之八以内", 1, 0, "百分之八以内", TRUE, 8, 8, "%", AT_MOST, PLAIN, LEVEL, "初中辍学率" },
  { "高中阶段毛入学率达到百分之九十五点五", 1, 0, "百分之九十五点五", TRUE, 95.5, 95.5, "%", EXACT, PLAIN, LEVEL, "高中阶段毛入学率" },
  { "城区学校大班额比例下降3个百分点", 1, 0, "3个百分点", TRUE, 3, 3, "个百分点", EXACT, PLAIN, DOWN, "城区学校大班额比例" },
  { "学生近视率控制在5‰以下", 1, 0, "5‰以下", TRUE, 5, 5, "‰", AT_MOST, PLAIN, LEVEL, "学生近视率" },
  { "三成学校建成录播教室", 1, 0, "三成", TRUE, 30, 30, "%", EXACT, PLAIN, LEVEL, NULL },
  { "八成以上的教师参加了信息技术培训", 1, 0, "八成以上", TRUE, 80, 80, "%", AT_LEAST, PLAIN, LEVEL, NULL },
  { "生均图书册数比上年提高了两倍", 1, 0, "两倍", TRUE, 2, 2, "倍", EXACT, PLAIN, UP, "生均图书册数" },
};

static const Case range_cases[] = {
  { "全年新建幼儿园3-5所", 1, 0, "3-5所", TRUE, 3, 5, "所", RANGE, PLAIN, UP, NULL },
  { "改扩建农村寄宿制学校3～5所", 1, 0, "3～5所", TRUE, 3, 5, "所", RANGE, PLAIN, LEVEL, NULL },
  { "每位教师每学期听课3~5节", 1, 0, "3~5节", TRUE, 3, 5, "节", RANGE, PLAIN, LEVEL, NULL },
  { "计划建成示范学校3至5所", 1, 0, "3至5所", TRUE, 3, 5, "所", RANGE, PLAIN, LEVEL, NULL },
  { "每个乡镇建设中心幼儿园3到5所", 1, 0, "3到5所", TRUE, 3, 5, "所", RANGE, PLAIN, LEVEL, NULL },
  { "每个片区打造特色学校一至两所", 1, 0, "一至两所", TRUE, 1, 2, "所", RANGE, PLAIN, LEVEL, NULL },
  { "建成标准化考场5—8个", 1, 0, "5—8个", TRUE, 5, 8, "个", RANGE, PLAIN, LEVEL, NULL },
  { "优秀率提高10%-15%", 1, 0, "10%-15%", TRUE, 10, 15, "%", RANGE, PLAIN, UP, "优秀率" },
  { "每校配备专职心理教师一两名", 1, 0, "一两名", TRUE, 1, 2, "名", RANGE, PLAIN, LEVEL, NULL },
  { "新增学位3-5万个", 1, 0, "3-5万个", TRUE, 3, 5, "万个", RANGE, PLAIN, UP, NULL },
};

static const Case qualifier_cases[] = {
  { "九年义务教育巩固率保持在95%以上", 1, 0, "95%以上", TRUE, 95, 95, "%", AT_LEAST, PLAIN, LEVEL, "义务教育巩固率" },
  { "学前三年毛入园率达到85%以上", 1, 0, "85%以上", TRUE, 85, 85, "%", AT_LEAST, PLAIN, LEVEL, "入园率" },
  { "城镇新增就业1100万人以上", 1, 0, "1100万人以上", TRUE, 1100, 1100, "万人", AT_LEAST, PLAIN, UP, "新增就业" },
  { "国内生产总值增长6.5%左右", 1, 0, "6.5%左右", TRUE, 6.5, 6.5, "%", ABOUT, PLAIN, UP, "国内生产总值" },
  { "教师培训经费不低于公用经费的5%", 1, 0, "5%", TRUE, 5, 5, "%", AT_LEAST, PLAIN, LEVEL, NULL },
  { "全年培训教师不少于3000人次", 1, 0, "3000人次", TRUE, 3000, 3000, "人次", AT_LEAST, PLAIN, LEVEL, "培训教师" },
  { "参加活动的学生超过2万人", 1, 0, "2万人", TRUE, 2, 2, "万人", AT_LEAST, PLAIN, LEVEL, NULL },
  { "每天体育锻炼时间至少1小时", 1, 0, "1小时", TRUE, 1, 1, "小时", AT_LEAST, PLAIN, LEVEL, NULL },
  { "全县教育投入突破10亿元", 1, 0, "10亿元", TRUE, 10, 10, "亿元", AT_LEAST, PLAIN, LEVEL, "教育投入" },
  { "班额控制在45人以内", 1, 0, "45人以内", TRUE, 45, 45, "人", AT_MOST, PLAIN, LEVEL, "班额" },
  { "小学生家庭作业每天不超过1小时", 1, 0, "1小时", TRUE, 1, 1, "小时", AT_MOST, PLAIN, LEVEL, NULL },
  { "义务教育阶段辍学率低于0.5%", 1, 0, "0.5%", TRUE, 0.5, 0.5, "%", AT_MOST, PLAIN, LEVEL, "义务教育阶段辍学率" },
  { "全县共有教职工约3000人", 1, 0, "3000人", TRUE, 3000, 3000, "人", ABOUT, PLAIN, LEVEL, "教职工" },
  { "近3000名教师参加了暑期培训", 1, 0, "3000名", TRUE, 3000, 3000, "名", ABOUT, PLAIN, LEVEL, "教师" },
  { "全年投资5000余万元", 1, 0, "5000余万元", TRUE, 5000, 5000, "万元", AT_LEAST, PLAIN, LEVEL, NULL },
  { "全县100多所学校开通了宽带网络", 1, 0, "100多所", TRUE, 100, 100, "所", AT_LEAST, PLAIN, LEVEL, NULL },
  { "节约办公经费20万元", 1, 0, "20万元", TRUE, 20, 20, "万元", EXACT, PLAIN, LEVEL, "节约办公经费" },
};

static const Case commitment_cases[] = {
  { "力争全县公办幼儿园达到12所", 1, 0, "12所", TRUE, 12, 12, "所", EXACT, STRETCH, LEVEL, "公办幼儿园" },
  { "争取新建幼儿园5所以上", 1, 0, "5所以上", TRUE, 5, 5, "所", AT_LEAST, STRETCH, UP, NULL },
  { "确保适龄儿童入学率达到100%", 1, 0, "100%", TRUE, 100, 100, "%", EXACT, SURE, LEVEL, "适龄儿童入学率" },
  { "力争普通高中在校生人数增加到1.5万人", 1, 0, "1.5万人", TRUE, 1.5, 1.5, "万人", EXACT, STRETCH, LEVEL, NULL },
  { "全县教育经费支出减少200万元", 1, 0, "200万元", TRUE, 200, 200, "万元", EXACT, PLAIN, DOWN, "教育经费支出" },
  { "压减会议经费15%", 1, 0, "15%", TRUE, 15, 15, "%", EXACT, PLAIN, DOWN, "会议经费" },
  { "财政收入比上年增长10%", 1, 0, "10%", TRUE, 10, 10, "%", EXACT, PLAIN, UP, "财政收入" },
  { "教师学历达标率提高到98%", 1, 0, "98%", TRUE, 98, 98, "%", EXACT, PLAIN, LEVEL, "教师学历达标率" },
};

static const Case paired_cases[] = {
  { "财政性教育经费分别增长8%和10%", 2, 0, "8%", TRUE, 8, 8, "%", EXACT, PLAIN, UP, "财政性教育经费" },
  { "财政性教育经费分别增长8%和10%", 2, 1, "10%", TRUE, 10, 10, "%", EXACT, PLAIN, UP, "财政性教育经费" },
  { "小学和初中巩固率分别达到95%、98%", 2, 1, "98%", TRUE, 98, 98, "%", EXACT, PLAIN, LEVEL, "小学和初中巩固率" },
  { "小学和初中入学率分别达到95、98%", 2, 0, "95", TRUE, 95, 95, "%", EXACT, PLAIN, LEVEL, "小学和初中入学率" },
  { "辍学率分别控制在0.5%和1.2%以内", 2, 0, "0.5%", TRUE, 0.5, 0.5, "%", AT_MOST, PLAIN, LEVEL, "辍学率" },
  { "辍学率分别控制在0.5%和1.2%以内", 2, 1, "1.2%以内", TRUE, 1.2, 1.2, "%", AT_MOST, PLAIN, LEVEL, "辍学率" },
  { "生均公用经费达到680元，比上年增加50元", 2, 1, "50元", TRUE, 50, 50, "元", EXACT, PLAIN, UP, NULL },
  { "力争全县学前三年毛入园率达到85%，义务教育巩固率达到95%", 2, 1, "95%", TRUE, 95, 95, "%", EXACT, STRETCH, LEVEL, "义务教育巩固率" },
  { "初中生均公用经费分别提高到每生每年700元和900元", 2, 1, "900元", TRUE, 900, 900, "元", EXACT, PLAIN, LEVEL, "初中生均公用经费" },
  { "生均公用经费由500元提高到650元", 2, 1, "650元", TRUE, 650, 650, "元", EXACT, PLAIN, LEVEL, "生均公用经费" },
  { "投资5000万元，新建3所学校", 2, 1, "3所", TRUE, 3, 3, "所", EXACT, PLAIN, UP, "学校" },
  /* What a verb before the figure makes is named after it... */
  { "高标准建设4个城乡教育集团", 1, 0, "4个", TRUE, 4, 4, "个", EXACT, PLAIN, LEVEL, "城乡教育集团" },
  { "在城区等地设立6个教师发展中心", 1, 0, "6个", TRUE, 6, 6, "个", EXACT, PLAIN, LEVEL, "教师发展中心" },
  /* ...a noun before it keeps its place. */
  { "全县幼儿园新建教学楼3栋", 1, 0, "3栋", TRUE, 3, 3, "栋", EXACT, PLAIN, UP, "幼儿园新建教学楼" },
};

static const Case masked_cases[] = {
  { "全年共投入资金**万元", 1, 0, "**万元", FALSE, 0, 0, "万元", EXACT, PLAIN, LEVEL, NULL },
  { "新建xx所学校", 1, 0, "xx所", FALSE, 0, 0, "所", EXACT, PLAIN, UP, "学校" },
  { "合格率达到XX%", 1, 0, "XX%", FALSE, 0, 0, "%", EXACT, PLAIN, LEVEL, "合格率" },
  { "共有×× 人参加培训", 1, 0, "×× 人", FALSE, 0, 0, "人", EXACT, PLAIN, LEVEL, NULL },
  { "完成目标任务的20xx", 1, 0, "20xx", FALSE, 0, 0, "", EXACT, PLAIN, LEVEL, NULL },
  { "投入xx.x万元", 1, 0, "xx.x万元", FALSE, 0, 0, "万元", EXACT, PLAIN, LEVEL, NULL },
};

/* Sentences with numbers that are not figures. */
static const Case negative_cases[] = {
  { "2012年全县教育工作要点", 0 },
  { "07年以来全县教育事业发展迅速", 0 },
  { "20xx年工作目标", 0 },
  { "**年度教育工作总结", 0 },
  { "二〇一二年全县教育工作会议", 0 },
  { "5月4日召开青年教师座谈会", 0 },
  { "9月1日新学期开学", 0 },
  { "成功举办第3届中小学生运动会", 0 },
  { "1、加强师资队伍建设", 0 },
  { "（2）推进义务教育均衡发展", 0 },
  { "①完善教育督导制度", 0 },
  { "2.加强学校安全管理", 0 },
  { "根据县政府〔2011〕1号文件精神", 0 },
  { "几所学校联合开展教研活动", 0 },
  { "十几个班级参加了比赛", 0 },
  { "几十名教师自愿报名", 0 },
  { "“十二五”期间全县教育发展规划", 0 },
  { "“十一五”规划顺利完成", 0 },
  { "开展五四青年节和六一儿童节庆祝活动", 0 },
  { "XX县教育局关于加强学校管理的通知", 0 },
  { "全面实施九年义务教育", 0 },
  { "三年级学生参加了质量检测", 0 },
  { "初三学生中考成绩稳步提高", 0 },
  { "一年来全县教育工作取得新进展", 0 },
  { "统一规划，进一步加强学校管理", 0 },
  { "2011-2012学年度第一学期", 0 },
  { "2012—2015年教育发展规划", 0 },
  { "会议于上午8:30开始", 0 },
  { "联系电话0571-88888888", 0 },
  { "全面落实学前一年免费教育", 0 },
  { "隆重庆祝建校60周年", 0 },
  { "高考二本上线率稳步提高", 0 },
  { "构建学校、家庭、社会“三位一体”育人机制", 0 },
  { "全面落实“两免一补”政策", 0 },
};

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) < 1e-9 * MAX (1.0, fabs (b));
}

/* Logs a mismatch and marks the test failed, so one run lists them all. */
G_GNUC_PRINTF (1, 2)
static void
fail_case (const char *format,
           ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("%s", msg);
  g_test_fail ();
}

/* Checks one case; reports every mismatch, not only the first. */
static void
check_case (const Case *c)
{
  g_autoptr(GPtrArray) metrics = luoshi_metric_parse (c->sentence);
  LuoshiMetric *m;

  if (metrics->len != c->n_metrics)
    {
      fail_case ("“%s”: %u figures, expected %u", c->sentence,
                          metrics->len, c->n_metrics);
      return;
    }
  if (c->n_metrics == 0)
    return;

  m = g_ptr_array_index (metrics, c->index);
  if (g_strcmp0 (m->text, c->text) != 0)
    fail_case ("“%s”: text “%s”, expected “%s”", c->sentence, m->text, c->text);
  if (m->known != c->known)
    fail_case ("“%s”: known %d, expected %d", c->sentence, m->known, c->known);
  if (!near (m->value, c->value) || !near (m->value_max, c->value_max))
    fail_case ("“%s”: value %g–%g, expected %g–%g", c->sentence,
                        m->value, m->value_max, c->value, c->value_max);
  if (g_strcmp0 (m->unit, c->unit) != 0)
    fail_case ("“%s”: unit “%s”, expected “%s”", c->sentence, m->unit, c->unit);
  if (m->qualifier != c->qualifier)
    fail_case ("“%s”: qualifier %s, expected %s", c->sentence,
                        luoshi_qualifier_to_string (m->qualifier),
                        luoshi_qualifier_to_string (c->qualifier));
  if (m->commitment != c->commitment)
    fail_case ("“%s”: commitment %d, expected %d", c->sentence,
                        m->commitment, c->commitment);
  if (m->direction != c->direction)
    fail_case ("“%s”: direction %d, expected %d", c->sentence,
                        m->direction, c->direction);
  if (c->subject != NULL && g_strcmp0 (m->subject, c->subject) != 0)
    fail_case ("“%s”: subject “%s”, expected “%s”", c->sentence,
                        m->subject, c->subject);
  /* the span must quote the text it reports */
  {
    g_autofree char *span = g_utf8_substring (c->sentence, m->start, m->end);
    if (g_strcmp0 (span, m->text) != 0)
      fail_case ("“%s”: span %u–%u is “%s”, text is “%s”", c->sentence,
                          m->start, m->end, span, m->text);
  }
}

static void
test_table (gconstpointer data)
{
  const Case *cases = ((const Case * const *) data)[0];
  gsize n = GPOINTER_TO_SIZE (((gconstpointer const *) data)[1]);

  for (gsize k = 0; k < n; k++)
    check_case (&cases[k]);
}

#define TABLE(name) static gconstpointer name##_table[] = { name##_cases, GSIZE_TO_POINTER (G_N_ELEMENTS (name##_cases)) }
TABLE (value);
TABLE (percent);
TABLE (range);
TABLE (qualifier);
TABLE (commitment);
TABLE (paired);
TABLE (masked);
TABLE (negative);

static void
test_offsets (void)
{
  g_autoptr(GPtrArray) metrics =
    luoshi_metric_parse ("一、主要成绩\n全县新建幼儿园5所，投入资金3000万元以上。");
  LuoshiMetric *m;

  g_assert_cmpuint (metrics->len, ==, 2);
  m = g_ptr_array_index (metrics, 0);
  g_assert_cmpuint (m->start, ==, 14);
  g_assert_cmpuint (m->end, ==, 16);
  m = g_ptr_array_index (metrics, 1);
  g_assert_cmpstr (m->text, ==, "3000万元以上");
  g_assert_cmpuint (m->start, ==, 21);
  g_assert_cmpuint (m->end, ==, 29);
}

static void
test_several (void)
{
  g_autoptr(GPtrArray) metrics =
    luoshi_metric_parse ("2013年，全县新建幼儿园8所，新增学位2400个，"
                         "学前三年毛入园率达到78.5%，比上年提高6.2个百分点。");
  static const char *texts[] = { "8所", "2400个", "78.5%", "6.2个百分点" };

  g_assert_cmpuint (metrics->len, ==, G_N_ELEMENTS (texts));
  for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
    g_assert_cmpstr (((LuoshiMetric *) g_ptr_array_index (metrics, k))->text, ==, texts[k]);
  g_assert_cmpint (((LuoshiMetric *) g_ptr_array_index (metrics, 3))->direction, ==, UP);
}

static LuoshiMetric *
first_metric (const char *sentence)
{
  g_autoptr(GPtrArray) metrics = luoshi_metric_parse (sentence);

  g_assert_cmpuint (metrics->len, >=, 1);
  return luoshi_metric_ref (g_ptr_array_index (metrics, 0));
}

static void
test_format (void)
{
  static const struct { const char *sentence; const char *expected; } cases[] = {
    { "入园率达到95%以上", "≥ 95%" },
    { "新建幼儿园3-5所", "3–5 所" },
    { "增长6.5%左右", "≈ 6.5%" },
    { "新建xx所学校", "? 所" },
    { "班额控制在45人以内", "≤ 45 人" },
    { "投入1,351万元", "1351 万元" },
    { "达到5000", "5000" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(LuoshiMetric) m = first_metric (cases[k].sentence);
      g_autofree char *s = luoshi_metric_format (m);

      g_assert_cmpstr (s, ==, cases[k].expected);
    }
}

static void
test_is_rate (void)
{
  static const struct { const char *sentence; gboolean rate; } cases[] = {
    { "达到95%", TRUE }, { "下降2个百分点", TRUE }, { "控制在5‰以内", TRUE },
    { "三成学校", TRUE }, { "新建3所", FALSE }, { "投入20万元", FALSE },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(LuoshiMetric) m = first_metric (cases[k].sentence);
      g_assert_cmpint (luoshi_metric_is_rate (m), ==, cases[k].rate);
    }
}

static void
test_comparable (void)
{
  static const struct {
    const char *a, *b;
    gboolean comparable;
    double va, vb;
  } cases[] = {
    { "投入1.2亿元", "投入12000万元", TRUE, 1.2e8, 1.2e8 },
    { "投入300万元", "投入2000000元", TRUE, 3e6, 2e6 },
    { "学生1.2万人", "学生11800人", TRUE, 12000, 11800 },
    { "招聘教师200名", "招聘教师180人", TRUE, 200, 180 },
    { "校舍1.5万平方米", "校舍16000平方米", TRUE, 15000, 16000 },
    { "跑道2千米", "跑道1800米", TRUE, 2000, 1800 },
    { "入学率95%", "入学率96.5%", TRUE, 95, 96.5 },
    { "近视率5‰", "近视率0.4%", TRUE, 0.5, 0.4 },
    { "提高2个百分点", "提高1.5百分点", TRUE, 2, 1.5 },
    { "新建3所", "新建4所", TRUE, 3, 4 },
    { "新建3所", "投入20万元", FALSE, 0, 0 },
    { "提高2个百分点", "提高2%", FALSE, 0, 0 },
    { "新建xx所", "新建4所", FALSE, 0, 0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(LuoshiMetric) a = first_metric (cases[k].a);
      g_autoptr(LuoshiMetric) b = first_metric (cases[k].b);
      double va = -1, vb = -1;
      gboolean ok = luoshi_metric_comparable (a, b, &va, &vb);

      g_assert_cmpint (ok, ==, cases[k].comparable);
      if (ok)
        {
          g_assert_cmpfloat_with_epsilon (va, cases[k].va, 1e-6);
          g_assert_cmpfloat_with_epsilon (vb, cases[k].vb, 1e-6);
        }
    }
}

static void
test_qualifier_strings (void)
{
  LuoshiQualifier q = RANGE;

  for (guint k = EXACT; k <= RANGE; k++)
    {
      g_assert_true (luoshi_qualifier_from_string (luoshi_qualifier_to_string (k), &q));
      g_assert_cmpint (q, ==, k);
    }
  g_assert_false (luoshi_qualifier_from_string ("roughly", &q));
  g_assert_false (luoshi_qualifier_from_string (NULL, &q));
  g_assert_true (luoshi_qualifier_from_string ("stretch", &q));
  g_assert_cmpint (q, ==, EXACT);

  {
    g_autoptr(LuoshiMetric) a = first_metric ("力争新建幼儿园5所");
    g_autoptr(LuoshiMetric) b = first_metric ("确保入学率达到100%");
    g_autoptr(LuoshiMetric) c = first_metric ("力争入园率达到85%以上");

    g_assert_cmpstr (luoshi_metric_qualifier_string (a), ==, "stretch");
    g_assert_cmpstr (luoshi_metric_qualifier_string (b), ==, "guaranteed");
    /* the commitment wins over exact only */
    g_assert_cmpstr (luoshi_metric_qualifier_string (c), ==, "at_least");
  }
}

static void
test_boxed (void)
{
  g_autoptr(GPtrArray) metrics = luoshi_metric_parse ("新建幼儿园5所");
  LuoshiMetric *m = g_ptr_array_index (metrics, 0);
  LuoshiMetric *copy;

  g_assert_true (G_TYPE_IS_BOXED (LUOSHI_TYPE_METRIC));
  copy = g_boxed_copy (LUOSHI_TYPE_METRIC, m);
  g_assert_true (copy == m);
  g_boxed_free (LUOSHI_TYPE_METRIC, copy);
  g_assert_cmpstr (m->unit, ==, "所");

  {
    g_autoptr(LuoshiMetric) fresh = luoshi_metric_new ();
    g_assert_cmpstr (fresh->unit, ==, "");
    g_assert_cmpstr (fresh->subject, ==, "");
    g_assert_cmpstr (fresh->text, ==, "");
  }
}

/* Reports in traditional characters give the same figures, quoted as
 * written. */
static void
test_traditional (void)
{
  static const struct { const char *traditional; const char *simplified; } cases[] = {
    { "全縣新建幼兒園3-5所，投入資金1,351萬元以上", "全县新建幼儿园3-5所，投入资金1,351万元以上" },
    { "確保入學率達到100%，力爭壓減經費5%左右", "确保入学率达到100%，力争压减经费5%左右" },
    { "兩所學校，增長8%和10%", "两所学校，增长8%和10%" },
    { "在校生1.2萬餘人，三個百分點", "在校生1.2万余人，三个百分点" },
    { "2012年度，第3屆，5月4日", "2012年度，第3届，5月4日" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GPtrArray) t = luoshi_metric_parse (cases[k].traditional);
      g_autoptr(GPtrArray) s = luoshi_metric_parse (cases[k].simplified);

      g_assert_cmpuint (t->len, ==, s->len);
      for (guint i = 0; i < t->len; i++)
        {
          LuoshiMetric *a = g_ptr_array_index (t, i);
          LuoshiMetric *b = g_ptr_array_index (s, i);
          g_autofree char *quoted = g_utf8_substring (cases[k].traditional, a->start, a->end);

          g_assert_cmpstr (a->text, ==, quoted);
          g_assert_cmpuint (a->start, ==, b->start);
          g_assert_cmpuint (a->end, ==, b->end);
          g_assert_cmpfloat (a->value, ==, b->value);
          g_assert_cmpfloat (a->value_max, ==, b->value_max);
          g_assert_cmpstr (a->unit, ==, b->unit);
          g_assert_cmpint (a->qualifier, ==, b->qualifier);
          g_assert_cmpint (a->commitment, ==, b->commitment);
          g_assert_cmpint (a->direction, ==, b->direction);
          g_assert_cmpuint (g_utf8_strlen (a->subject, -1), ==, g_utf8_strlen (b->subject, -1));
        }
    }
  {
    g_autoptr(GPtrArray) t = luoshi_metric_parse ("兩所學校");
    g_assert_cmpuint (t->len, ==, 1);
    g_assert_cmpstr (((LuoshiMetric *) g_ptr_array_index (t, 0))->subject, ==, "學校");
  }
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) a = luoshi_metric_parse ("");
  g_autoptr(GPtrArray) b = luoshi_metric_parse ("加强领导，落实责任，确保各项工作落到实处。");

  g_assert_nonnull (a);
  g_assert_cmpuint (a->len, ==, 0);
  g_assert_cmpuint (b->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* report text is UTF-8; without a locale GLib prints it as "?" */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/metric/parse/values", value_table, test_table);
  g_test_add_data_func ("/metric/parse/percent", percent_table, test_table);
  g_test_add_data_func ("/metric/parse/range", range_table, test_table);
  g_test_add_data_func ("/metric/parse/qualifier", qualifier_table, test_table);
  g_test_add_data_func ("/metric/parse/commitment-direction", commitment_table, test_table);
  g_test_add_data_func ("/metric/parse/paired", paired_table, test_table);
  g_test_add_data_func ("/metric/parse/masked", masked_table, test_table);
  g_test_add_data_func ("/metric/parse/not-figures", negative_table, test_table);
  g_test_add_func ("/metric/parse/offsets", test_offsets);
  g_test_add_func ("/metric/parse/several", test_several);
  g_test_add_func ("/metric/parse/empty", test_empty);
  g_test_add_func ("/metric/parse/traditional", test_traditional);
  g_test_add_func ("/metric/format", test_format);
  g_test_add_func ("/metric/is-rate", test_is_rate);
  g_test_add_func ("/metric/comparable", test_comparable);
  g_test_add_func ("/metric/qualifier-strings", test_qualifier_strings);
  g_test_add_func ("/metric/boxed", test_boxed);

  return g_test_run ();
}
