/* test-extract.c: items of a whole report, with spans and section paths
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reports under fixtures/extract/ were written for these tests.
 */

#include <string.h>

#include "luoshi-document.h"
#include "luoshi-extract.h"
#include "luoshi-item.h"
#include "luoshi-metric.h"

typedef struct
{
  LuoshiItemKind  kind;
  const char     *after;     /* the text is searched after this, or NULL */
  const char     *text;      /* exact item text */
  const char     *section;   /* section path */
  guint           n_metrics;
} Expected;

static LuoshiDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "extract", name, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  LuoshiDocument *doc;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  doc = luoshi_document_new (name, text, (gssize) len);
  luoshi_document_analyze (doc);
  return doc;
}

/* Code point offset of @needle in the document text, searched after
 * @after when given (the first match there), else the unique match. */
static guint
offset_after (LuoshiDocument *doc,
              const char     *after,
              const char     *needle)
{
  const char *from = doc->text;
  const char *p;

  if (after != NULL)
    {
      from = strstr (doc->text, after);
      g_assert_nonnull (from);
    }
  p = strstr (from, needle);
  g_assert_nonnull (p);
  if (after == NULL)
    g_assert_null (strstr (p + 1, needle));
  return (guint) g_utf8_pointer_to_offset (doc->text, p);
}

static guint
offset_of (LuoshiDocument *doc,
           const char     *needle)
{
  return offset_after (doc, NULL, needle);
}

static LuoshiItem *
item_at (LuoshiDocument *doc,
         guint           start,
         guint           end)
{
  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);
      if (item->start == start && item->end == end)
        return item;
    }
  return NULL;
}

/* Whether some item overlaps the text of @needle. */
static gboolean
covered (LuoshiDocument *doc,
         const char     *needle)
{
  guint start = offset_of (doc, needle);
  guint end = start + g_utf8_strlen (needle, -1);

  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);
      if (item->start < end && item->end > start)
        return TRUE;
    }
  return FALSE;
}

static void
test_review_plan (void)
{
  static const Expected expected[] = {
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "办学条件得到明显改善", "二、（一）", 0 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "全年投入资金3200万元，新建教学楼3栋，改造薄弱学校11所", "二、（一）", 3 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "县第二实验小学于9月建成投入使用", "二、（一）", 0 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "组织全县教师开展暑期全员培训，共培训2460人次", "二、（二）", 1 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "选派35名骨干教师到农村学校支教", "二、（二）", 1 },
    { LUOSHI_ITEM_PROBLEM, NULL, "农村学校英语、音乐教师短缺", "三、1、", 0 },
    { LUOSHI_ITEM_PROBLEM, NULL, "部分学校安全管理仍不到位", "三、2、", 0 },
    { LUOSHI_ITEM_GOAL, NULL, "推进学校标准化建设", "四、（一）", 0 },
    { LUOSHI_ITEM_GOAL, NULL, "新建县城第三初级中学，力争年底主体完工", "四、（一）", 0 },
    /* Two targets in one sentence become two goals. */
    { LUOSHI_ITEM_GOAL, NULL, "学前三年毛入园率达到90%以上", "四、（一）", 1 },
    { LUOSHI_ITEM_GOAL, NULL, "义务教育巩固率保持在98%以上", "四、（一）", 1 },
    /* The same heading as in the review part, here a goal. */
    { LUOSHI_ITEM_GOAL, "四、明年工作要点", "加强教师队伍建设", "四、（二）", 0 },
    { LUOSHI_ITEM_GOAL, NULL, "继续实施农村教师支教计划，全年选派教师40名", "四、（二）", 1 },
  };
  /* Sentences that are no item: title, opening, background, part
   * headings, a review heading that claims nothing. */
  static const char * const not_items[][2] = {
    { NULL, "某县教育局年度工作总结及明年工作要点" },
    /* The opening sets the scene and claims no result. */
    { NULL, "今年，全县教育系统在县委、县政府的领导下，各项工作稳步推进。" },
    { NULL, "一、基本情况" },
    { NULL, "全县现有小学42所、初级中学9所，在校学生26318人。" },
    { NULL, "二、主要工作" },
    { "（一）办学条件", "（二）加强教师队伍建设" },
    { NULL, "三、存在的问题" },
    { NULL, "四、明年工作要点" },
  };
  g_autoptr(LuoshiDocument) doc = load_fixture ("review-plan.txt");

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpuint (doc->items->len, ==, G_N_ELEMENTS (expected));

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected *e = &expected[i];
      guint start = offset_after (doc, e->after, e->text);
      guint end = start + g_utf8_strlen (e->text, -1);
      LuoshiItem *item = item_at (doc, start, end);

      if (item == NULL)
        g_test_message ("no item for “%s” [%u, %u)", e->text, start, end);
      g_assert_nonnull (item);
      g_assert_cmpstr (luoshi_item_kind_to_string (item->kind), ==,
                       luoshi_item_kind_to_string (e->kind));
      g_assert_cmpstr (item->text, ==, e->text);
      g_assert_cmpstr (item->section_path, ==, e->section);
      g_assert_cmpuint (item->metrics->len, ==, e->n_metrics);
      g_assert_cmpuint (item->report_index, ==, 0);
      g_assert_cmpfloat (item->confidence, >, 0.0);
      g_assert_cmpfloat (item->confidence, <=, 1.0);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (not_items); i++)
    {
      guint start = offset_after (doc, not_items[i][0], not_items[i][1]);
      guint end = start + g_utf8_strlen (not_items[i][1], -1);

      for (guint j = 0; j < doc->items->len; j++)
        {
          LuoshiItem *item = g_ptr_array_index (doc->items, j);
          if (item->start < end && item->end > start)
            g_error ("“%s” should not be an item", not_items[i][1]);
        }
    }

  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);
      g_autofree char *slice = luoshi_document_slice (doc, item->start, item->end);

      /* The text is exactly the span, and items come in text order. */
      g_assert_cmpstr (item->text, ==, slice);
      if (i > 0)
        g_assert_cmpuint (((LuoshiItem *) g_ptr_array_index (doc->items, i - 1))->end, <=, item->start);
    }
}

/* A review whose outlook is an unnumbered paragraph: the problems list
 * and the goals after "下一步，我们将重点做好以下工作：" are found by
 * position, though no heading names those parts. */
static void
test_review_outlook (void)
{
  static const Expected expected[] = {
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "全镇各校实行了集体备课，全年共开展集体备课活动520次", "一、1、", 1 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "组织了期中、期末两次全镇统一质量检测", "一、2、", 1 },
    { LUOSHI_ITEM_ACHIEVEMENT, NULL, "投入资金86万元，为6所村小更换了课桌椅1200套", "二、", 3 },
    { LUOSHI_ITEM_PROBLEM, NULL, "当然，我们的工作也还存在一些不足，主要表现在：一是部分村小教师年龄偏大", "二、", 0 },
    { LUOSHI_ITEM_PROBLEM, NULL, "留守儿童心理辅导力量薄弱", NULL, 0 },
    { LUOSHI_ITEM_GOAL, NULL, "加强村小教师队伍建设", NULL, 0 },
    { LUOSHI_ITEM_GOAL, NULL, "建立留守儿童心理辅导站，年内覆盖全部村小", NULL, 0 },
  };
  static const char * const not_items[] = {
    "某镇中心学校年度工作总结",
    "一、抓好教学常规管理",
    "1、完善备课制度",
    "2、加强质量监测",
    "二、改善办学条件",
    "下一步，我们将重点做好以下工作：",
  };
  g_autoptr(LuoshiDocument) doc = load_fixture ("review-outlook.txt");

  g_assert_cmpuint (doc->items->len, ==, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const Expected *e = &expected[i];
      guint start = offset_of (doc, e->text);
      LuoshiItem *item = item_at (doc, start, start + g_utf8_strlen (e->text, -1));

      if (item == NULL)
        g_test_message ("no item for “%s”", e->text);
      g_assert_nonnull (item);
      g_assert_cmpstr (luoshi_item_kind_to_string (item->kind), ==,
                       luoshi_item_kind_to_string (e->kind));
      /* How enumerations nest is the segmenter's business. */
      if (e->section != NULL)
        g_assert_cmpstr (item->section_path, ==, e->section);
      g_assert_cmpuint (item->metrics->len, ==, e->n_metrics);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (not_items); i++)
    g_assert_false (covered (doc, not_items[i]));
}

/* A 工作要点: the ideology under 指导思想 and the part titles are no
 * items; targets, tasks and measures are goals, headings included. */
static void
test_plan (void)
{
  static const char * const goals[] = {
    "全区学前三年毛入园率稳定在95%以上",
    "义务教育巩固率达到99.5%",
    "高中阶段毛入学率达到98%",
    "加快学校建设",
    "开工建设区第五中学，年底前完成主体工程",
    "改造提升农村薄弱学校10所",
    "加强组织领导",
    "区教育局将把重点任务完成情况纳入学校年度考核",
  };
  static const char * const not_items[] = {
    "某区教育局2024年工作要点",
    "一、指导思想",
    "以新时代中国特色社会主义思想为指导",
    "二、工作目标",
    "三、主要任务",
    "四、保障措施",
  };
  g_autoptr(LuoshiDocument) doc = load_fixture ("plan.txt");

  for (gsize i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      guint start = offset_of (doc, goals[i]);
      LuoshiItem *item = item_at (doc, start, start + g_utf8_strlen (goals[i], -1));

      if (item == NULL)
        g_test_message ("no goal “%s”", goals[i]);
      g_assert_nonnull (item);
      g_assert_cmpint (item->kind, ==, LUOSHI_ITEM_GOAL);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (not_items); i++)
    g_assert_false (covered (doc, not_items[i]));
  for (guint i = 0; i < doc->items->len; i++)
    g_assert_cmpint (((LuoshiItem *) g_ptr_array_index (doc->items, i))->kind, ==, LUOSHI_ITEM_GOAL);
}

/* A speech: numbered parts are read by their titles (回顾, 存在的问题,
 * 重点工作), greetings and rallying calls are no items. */
static void
test_speech (void)
{
  static const struct { LuoshiItemKind kind; const char *text; } expected[] = {
    { LUOSHI_ITEM_ACHIEVEMENT, "去年，全县新建改建校舍4.2万平方米，义务教育均衡发展通过国家评估认定" },
    { LUOSHI_ITEM_ACHIEVEMENT, "全县高考本科上线1862人，比上年增加213人" },
    { LUOSHI_ITEM_PROBLEM, "城区学校大班额问题仍然突出" },
    { LUOSHI_ITEM_PROBLEM, "乡村教师流失较多" },
    { LUOSHI_ITEM_GOAL, "扩充城区学位" },
    { LUOSHI_ITEM_GOAL, "年内建成城东小学，新增学位2700个" },
    { LUOSHI_ITEM_GOAL, "稳定乡村教师队伍" },
    { LUOSHI_ITEM_GOAL, "各乡镇要落实乡村教师生活补助，确保不低于每人每月500元" },
  };
  static const char * const not_items[] = {
    "在全县教育工作会议上的讲话",
    "同志们：",
    "今天，我们召开全县教育工作会议",
    "三、今年重点工作",
    "同志们，让我们团结一心",
  };
  g_autoptr(LuoshiDocument) doc = load_fixture ("speech.txt");

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint start = offset_of (doc, expected[i].text);
      LuoshiItem *item = item_at (doc, start, start + g_utf8_strlen (expected[i].text, -1));

      if (item == NULL)
        g_test_message ("no item for “%s”", expected[i].text);
      g_assert_nonnull (item);
      g_assert_cmpstr (luoshi_item_kind_to_string (item->kind), ==,
                       luoshi_item_kind_to_string (expected[i].kind));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (not_items); i++)
    g_assert_false (covered (doc, not_items[i]));
}

/* A plan with a targets sentence: the lead-in is left out, the clauses
 * with figures are separate goals. */
static void
test_targets (void)
{
  static const char text[] =
    "某区教育局工作要点\n"
    "一、总体目标\n"
    "明年全区教育发展的主要预期目标是：学前三年毛入园率达到92%，"
    "高中阶段毛入学率达到95%以上；义务教育巩固率保持在99%。\n"
    "城乡教育差距进一步缩小，新建农村学校2所以上；加快推进教育信息化，建成智慧校园10所。\n"
    "二、重点任务\n"
    "（一）推进学前教育普惠发展\n"
    "新建公办幼儿园3所，新增学位1080个。\n";
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("plan.txt", text, -1);
  static const char * const goals[] = {
    "学前三年毛入园率达到92%",
    "高中阶段毛入学率达到95%以上",
    "义务教育巩固率保持在99%",
    "推进学前教育普惠发展",
    "新建公办幼儿园3所",
    "新增学位1080个",
    /* An outcome of its own before a figure is a target apart... */
    "城乡教育差距进一步缩小",
    "新建农村学校2所以上",
    /* ...a lead-in to the figure is not. */
    "加快推进教育信息化，建成智慧校园10所",
  };

  luoshi_document_analyze (doc);

  for (gsize i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      guint start = offset_of (doc, goals[i]);
      LuoshiItem *item = item_at (doc, start, start + g_utf8_strlen (goals[i], -1));

      if (item == NULL)
        g_test_message ("no goal “%s”", goals[i]);
      g_assert_nonnull (item);
      g_assert_cmpint (item->kind, ==, LUOSHI_ITEM_GOAL);
    }
  g_assert_false (covered (doc, "明年全区教育发展的主要预期目标是"));
  g_assert_false (covered (doc, "一、总体目标"));
}

/* Re-running extraction replaces the items. */
static void
test_idempotent (void)
{
  g_autoptr(LuoshiDocument) doc = load_fixture ("review-plan.txt");
  guint n = doc->items->len;

  g_assert_cmpuint (n, >, 0);
  luoshi_extract (doc);
  g_assert_cmpuint (doc->items->len, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/review-plan", test_review_plan);
  g_test_add_func ("/extract/review-outlook", test_review_outlook);
  g_test_add_func ("/extract/plan", test_plan);
  g_test_add_func ("/extract/speech", test_speech);
  g_test_add_func ("/extract/targets", test_targets);
  g_test_add_func ("/extract/idempotent", test_idempotent);

  return g_test_run ();
}
