/* test-segment.c: reports, outline sections and sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-document.h"
#include "luoshi-outline.h"
#include "luoshi-segment.h"

static LuoshiDocument *
segment_text (const char *text)
{
  LuoshiDocument *doc = luoshi_document_new ("test.txt", text, -1);

  luoshi_segment (doc);
  return doc;
}

static LuoshiDocument *
segment_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "segment", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  {
    LuoshiDocument *doc = luoshi_document_new (name, text, (gssize) len);

    luoshi_segment (doc);
    return doc;
  }
}

static LuoshiReport *
report (LuoshiDocument *doc,
        guint           i)
{
  g_assert_cmpuint (i, <, doc->reports->len);
  return g_ptr_array_index (doc->reports, i);
}

static LuoshiSection *
section (LuoshiDocument *doc,
         guint           i)
{
  g_assert_cmpuint (i, <, doc->sections->len);
  return g_ptr_array_index (doc->sections, i);
}

/* The section whose label and title are @label + @title. */
static LuoshiSection *
find_section (LuoshiDocument *doc,
              const char     *label,
              const char     *title_prefix)
{
  for (guint i = 0; i < doc->sections->len; i++)
    {
      LuoshiSection *s = g_ptr_array_index (doc->sections, i);

      if (g_str_equal (s->label, label) && g_str_has_prefix (s->title, title_prefix))
        return s;
    }
  g_error ("no section %s%s", label, title_prefix);
  return NULL;
}

static char *
sentence_text (LuoshiDocument *doc,
               guint           i)
{
  LuoshiSentence *s = g_ptr_array_index (doc->sentences, i);

  return luoshi_document_slice (doc, s->start, s->end);
}

/* Reports tile the text in order, and every sentence lies in its report. */
static void
assert_tiling (LuoshiDocument *doc)
{
  g_assert_cmpuint (doc->reports->len, >, 0);
  g_assert_cmpuint (report (doc, 0)->start, ==, 0);
  g_assert_cmpuint (report (doc, doc->reports->len - 1)->end, ==, doc->n_chars);
  for (guint i = 0; i < doc->reports->len; i++)
    g_assert_cmpuint (luoshi_document_line_at (doc, report (doc, i)->start), ==,
                      report (doc, i)->first_line);
  for (guint i = 1; i < doc->reports->len; i++)
    {
      g_assert_cmpuint (report (doc, i)->start, ==, report (doc, i - 1)->end);
      g_assert_cmpuint (report (doc, i)->first_line, ==, report (doc, i - 1)->last_line + 1);
    }
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      LuoshiSentence *s = g_ptr_array_index (doc->sentences, i);
      LuoshiReport *r = report (doc, s->report);

      g_assert_cmpuint (s->start, >=, r->start);
      g_assert_cmpuint (s->line, ==, luoshi_document_line_at (doc, s->start));
      g_assert_cmpuint (s->end, <=, r->end);
      if (s->section >= 0)
        g_assert_cmpuint (section (doc, s->section)->report, ==, s->report);
    }
}

/* ------------------------------------------------------------------ */

typedef struct
{
  const char         *text;
  LuoshiOutlineStyle  style;
  guint               number;
  guint               length;
} MarkerCase;

static void
test_outline_markers (void)
{
  static const MarkerCase cases[] = {
    { "第一部分 工作回顾", LUOSHI_OUTLINE_DI, 1, 5 },
    { "第三、加强管理", LUOSHI_OUTLINE_DI, 3, 3 },
    { "一、主要工作", LUOSHI_OUTLINE_HAN, 1, 2 },
    { "十二、其他", LUOSHI_OUTLINE_HAN, 12, 3 },
    { "二十一、其他", LUOSHI_OUTLINE_HAN, 21, 4 },
    { "（三）督导工作", LUOSHI_OUTLINE_PAREN_HAN, 3, 3 },
    { "(四)督学责任区", LUOSHI_OUTLINE_PAREN_HAN, 4, 3 },
    { "1、加强德育", LUOSHI_OUTLINE_ARABIC, 1, 2 },
    { "12.完善制度", LUOSHI_OUTLINE_ARABIC, 12, 3 },
    { "3．规范办学", LUOSHI_OUTLINE_ARABIC, 3, 2 },
    { "（2）开展活动", LUOSHI_OUTLINE_PAREN_ARABIC, 2, 3 },
    { "(10)加强安全", LUOSHI_OUTLINE_PAREN_ARABIC, 10, 4 },
    { "1)加强安全", LUOSHI_OUTLINE_PAREN_ARABIC, 1, 2 },
    { "⑶有效推进改革", LUOSHI_OUTLINE_PARENTHESIZED_DIGIT, 3, 1 },
    { "⑿抓好安全", LUOSHI_OUTLINE_PARENTHESIZED_DIGIT, 12, 1 },
    { "②改造校舍", LUOSHI_OUTLINE_CIRCLED, 2, 1 },
    { "二是加强管理", LUOSHI_OUTLINE_SHI, 2, 2 },
    /* Not markers. */
    { "1.5万人参加", LUOSHI_OUTLINE_NONE, 0, 0 },
    { "第一次召开", LUOSHI_OUTLINE_NONE, 0, 0 },
    { "一年来，我局", LUOSHI_OUTLINE_NONE, 0, 0 },
    { "2008年，全市", LUOSHI_OUTLINE_NONE, 0, 0 },
    { "一，二", LUOSHI_OUTLINE_NONE, 0, 0 },
    { "(概述)", LUOSHI_OUTLINE_NONE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      glong n = 0;
      g_autofree gunichar *u = g_utf8_to_ucs4_fast (cases[i].text, -1, &n);
      LuoshiOutlineMarker m = { LUOSHI_OUTLINE_NONE, 0, 0 };
      gboolean found = luoshi_outline_match (u, n, &m);

      g_assert_cmpint (found, ==, cases[i].style != LUOSHI_OUTLINE_NONE);
      if (!found)
        continue;
      g_assert_cmpint (m.style, ==, cases[i].style);
      g_assert_cmpuint (m.number, ==, cases[i].number);
      g_assert_cmpuint (m.length, ==, cases[i].length);
    }
}

static void
test_outline_heading_kind (void)
{
  g_assert_cmpint (luoshi_outline_heading_kind ("存在的主要问题", FALSE), ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (luoshi_outline_heading_kind ("问题与对策", FALSE), ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (luoshi_outline_heading_kind ("2013年教育督导工作要点", FALSE), ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (luoshi_outline_heading_kind ("今后工作的努力方向", FALSE), ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (luoshi_outline_heading_kind ("下一步工作打算", FALSE), ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (luoshi_outline_heading_kind ("主要工作及进展情况", FALSE), ==, LUOSHI_SECTION_REVIEW);
  g_assert_cmpint (luoshi_outline_heading_kind ("年度回顾", FALSE), ==, LUOSHI_SECTION_REVIEW);
  g_assert_cmpint (luoshi_outline_heading_kind ("2018年经济社会发展总体要求和政策取向", FALSE), ==,
                   LUOSHI_SECTION_PLAN);
  /* The earliest cue wins. */
  g_assert_cmpint (luoshi_outline_heading_kind ("存在问题和今后打算", FALSE), ==, LUOSHI_SECTION_PROBLEM);
  /* 重点工作 is a plan only inside a plan. */
  g_assert_cmpint (luoshi_outline_heading_kind ("重点工作", FALSE), ==, LUOSHI_SECTION_OTHER);
  g_assert_cmpint (luoshi_outline_heading_kind ("重点工作", TRUE), ==, LUOSHI_SECTION_PLAN);
  /* Ordinary review headings stay neutral. */
  g_assert_cmpint (luoshi_outline_heading_kind ("实施优质教育覆盖行动计划", FALSE), ==, LUOSHI_SECTION_OTHER);
  g_assert_cmpint (luoshi_outline_heading_kind ("困难学生救助机制逐步完善", FALSE), ==, LUOSHI_SECTION_OTHER);
}

static void
test_sentences_crlf (void)
{
  /* CRLF and a lone CR are line breaks; offsets are code points into
   * the text as it is, line endings included. */
  const char *text = "一、总体情况\r\n全年完成基建项目5项。新建校舍3栋；\r\n"
                     "  二、存在问题\r经费不足！\r\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);
  const char *expected[] = {
    "一、总体情况", "全年完成基建项目5项。", "新建校舍3栋；", "二、存在问题", "经费不足！",
  };
  LuoshiSentence *s;

  g_assert_cmpuint (doc->sentences->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *got = sentence_text (doc, i);

      g_assert_cmpstr (got, ==, expected[i]);
    }
  s = g_ptr_array_index (doc->sentences, 1);
  g_assert_cmpuint (s->start, ==, 8);   /* after "一、总体情况\r\n" */
  g_assert_cmpuint (s->end, ==, 19);
  g_assert_cmpuint (s->line, ==, 2);
  s = g_ptr_array_index (doc->sentences, 3);
  g_assert_cmpuint (s->start, ==, 30);  /* two spaces of indent skipped */
  g_assert_cmpuint (s->line, ==, 3);
  g_assert_true (s->heading);
  s = g_ptr_array_index (doc->sentences, 4);
  g_assert_cmpuint (s->line, ==, 4);     /* a lone CR ends line 3 */
  g_assert_false (s->heading);
  g_assert_cmpint (section (doc, s->section)->kind, ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpuint (report (doc, 0)->last_line, ==, 4);
  assert_tiling (doc);
}

static void
test_sentences_rules (void)
{
  /* Spans without a CJK character or shorter than two characters are
   * not sentences (as the scorer counts them); the last one may be. */
  const char *text = "2008\n好\n“好。”\n第一段话。Second!\n末";
  g_autoptr(LuoshiDocument) doc = segment_text (text);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_assert_cmpuint (doc->sentences->len, ==, 3);
  first = sentence_text (doc, 0);
  last = sentence_text (doc, 2);
  g_assert_cmpstr (first, ==, "“好。");
  g_assert_cmpstr (last, ==, "末");
}

static void
test_reports_titles (void)
{
  g_autoptr(LuoshiDocument) doc = segment_fixture ("multi.txt");
  LuoshiReport *r;

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 2);
  r = report (doc, 0);
  g_assert_cmpuint (r->first_line, ==, 1);
  g_assert_cmpuint (r->last_line, ==, 14);  /* the spam line stays inside */
  g_assert_cmpstr (r->title, ==, "清河区教育局2010年工作总结");
  g_assert_cmpint (r->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  g_assert_cmpint (r->year, ==, 2010);
  g_assert_cmpstr (r->org, ==, "清河区教育局");
  r = report (doc, 1);
  g_assert_cmpuint (r->first_line, ==, 15);
  g_assert_cmpint (r->kind, ==, LUOSHI_REPORT_PLAN);
  g_assert_cmpint (r->year, ==, 2011);

  /* Section kinds: own cue, inherited by children, plan by default in a plan. */
  g_assert_cmpint (find_section (doc, "二、", "存在的问题")->kind, ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (find_section (doc, "三、", "2011年工作打算")->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (find_section (doc, "2、", "进一步加强教师培训")->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (find_section (doc, "2、", "评选了区级骨干教师")->kind, ==, LUOSHI_SECTION_REVIEW);
  g_assert_cmpint (find_section (doc, "一、", "推进教育均衡发展")->kind, ==, LUOSHI_SECTION_PLAN);
  /* Inline 一是/二是 in the problem part. */
  g_assert_cmpint (find_section (doc, "二是", "部分学校")->kind, ==, LUOSHI_SECTION_PROBLEM);
}

/* A title set in large type, broken before its last character; the
 * broken-off line is neither a heading nor a sentence. A short line
 * that does not finish a document name stays apart. */
static void
test_reports_broken_title (void)
{
  g_autoptr(LuoshiDocument) doc = segment_text (
    "青石县教育局工作报\n"
    "告\n"
    "\n"
    "一、2024年工作回顾\n"
    "全年新建幼儿园3所。\n"
    "二、2025年工作安排\n"
    "新建幼儿园2所以上。\n");
  g_autoptr(LuoshiDocument) other = segment_text (
    "青石县教育局工作总结\n"
    "附\n"
    "一、主要成绩\n"
    "全年新建幼儿园3所。\n");

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpstr (report (doc, 0)->title, ==, "青石县教育局工作报告");
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  for (guint i = 0; i < doc->sentences->len; i++)
    g_assert_cmpuint (((LuoshiSentence *) g_ptr_array_index (doc->sentences, i))->line, !=, 2);
  for (guint i = 0; i < doc->sections->len; i++)
    g_assert_cmpstr (section (doc, i)->title, !=, "告");

  g_assert_cmpstr (report (other, 0)->title, ==, "青石县教育局工作总结");
}

static void
test_reports_pian (void)
{
  const char *text =
    "教育局工作总结 篇1\n"
    "一年来，我局认真贯彻上级部署，全面完成了各项工作任务。\n"
    "一、教育质量稳步提高\n"
    "中考成绩再创新高，优秀率达到35%。\n"
    "教育局工作总结 篇2\n"
    "教育局工作总结 篇2\n"
    "本年度，我局紧紧围绕全年目标任务，扎实推进教育改革。\n"
    "一、办学条件得到改善\n"
    "全年新建学校2所，完成了校舍维修。\n";
  const char *breaks[] = { "\n", "\r\n", "\r" };

  /* The same with each kind of line ending. */
  for (guint b = 0; b < G_N_ELEMENTS (breaks); b++)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *joined = g_strjoinv (breaks[b], lines);
      g_autoptr(LuoshiDocument) doc = segment_text (joined);

      assert_tiling (doc);
      g_assert_cmpuint (doc->reports->len, ==, 2);
      g_assert_cmpstr (report (doc, 0)->title, ==, "教育局工作总结 篇1");
      g_assert_cmpuint (report (doc, 0)->last_line, ==, 4);
      g_assert_cmpuint (report (doc, 1)->first_line, ==, 5);  /* the repeated title joins */
      g_assert_cmpstr (report (doc, 1)->title, ==, "教育局工作总结 篇2");
      g_assert_cmpint (report (doc, 1)->kind, ==, LUOSHI_REPORT_REVIEW);
      g_assert_cmpuint (doc->sentences->len, ==, 9);
    }
}

static void
test_reports_restart (void)
{
  g_autoptr(LuoshiDocument) doc = segment_fixture ("restart.txt");

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 3);
  /* Each untitled report begins at its indented or opening paragraph,
   * not at the 一、 that restarts the numbering; the previous report's
   * closing words ("总之…") stay with it. */
  g_assert_cmpuint (report (doc, 0)->first_line, ==, 1);
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 9);
  g_assert_cmpuint (report (doc, 2)->first_line, ==, 16);
  g_assert_cmpstr (report (doc, 1)->title, ==, "");
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW);
  g_assert_cmpint (report (doc, 1)->kind, ==, LUOSHI_REPORT_REVIEW);
  /* A personal study summary, written as 我. */
  g_assert_cmpint (report (doc, 2)->kind, ==, LUOSHI_REPORT_OTHER);
  /* Masked year: unknown. */
  g_assert_cmpint (report (doc, 0)->year, ==, 0);
}

static void
test_reports_restart_indented (void)
{
  /* Every paragraph is indented, so indentation says nothing; the last
   * paragraph before the restart that opens with a year begins the new
   * report, not the previous item's body that also starts with one. */
  g_autoptr(LuoshiDocument) doc = segment_fixture ("indented.txt");

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 2);
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 12);
  g_assert_cmpint (report (doc, 1)->year, ==, 2011);
  g_assert_cmpint (report (doc, 0)->year, ==, 2010);
}

static void
test_outline_tree (void)
{
  g_autoptr(LuoshiDocument) doc = segment_fixture ("outline.txt");
  LuoshiSection *review, *basic, *main_work, *item2, *sub, *plan, *circled;
  LuoshiSentence *s;

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpstr (report (doc, 0)->title, ==, "教育局年度工作总结");
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);

  /* （一） comes first here, so it is the top level, and 二、 nests in it. */
  review = find_section (doc, "（一）", "年度回顾");
  g_assert_cmpuint (review->depth, ==, 0);
  g_assert_cmpint (review->kind, ==, LUOSHI_SECTION_REVIEW);
  basic = find_section (doc, "", "基本情况");
  g_assert_cmpint (basic->style, ==, LUOSHI_OUTLINE_NONE);
  g_assert_cmpint (section (doc, basic->parent)->style, ==, LUOSHI_OUTLINE_PAREN_HAN);
  main_work = find_section (doc, "二、", "主要工作");
  g_assert_cmpuint (main_work->depth, ==, 1);
  item2 = find_section (doc, "2、", "狠抓教研教改");
  g_assert_true (section (doc, item2->parent) == main_work);
  sub = find_section (doc, "⑵", "完成了课题结题工作");
  g_assert_true (section (doc, sub->parent) == item2);
  g_assert_cmpuint (sub->number, ==, 2);
  g_assert_cmpint (sub->kind, ==, LUOSHI_SECTION_REVIEW);

  /* （二） closes everything below （一）; its 1、 restarts under it. */
  plan = find_section (doc, "（二）", "年工作要点");
  g_assert_cmpuint (plan->depth, ==, 0);
  g_assert_cmpint (plan->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpuint (main_work->end, <=, plan->start);
  circled = find_section (doc, "②", "改造校舍");
  g_assert_cmpint (circled->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpuint (circled->depth, ==, 2);

  /* The body sentence under 基本情况 belongs to it. */
  for (guint i = 0; i < doc->sentences->len; i++)
    {
      g_autofree char *t = sentence_text (doc, i);

      s = g_ptr_array_index (doc->sentences, i);
      if (g_str_has_prefix (t, "我区现有"))
        {
          g_assert_true (section (doc, s->section) == basic);
          g_assert_false (s->heading);
        }
      if (g_str_has_prefix (t, "⑴"))
        g_assert_true (s->heading);
    }
}

static void
test_traditional (void)
{
  const char *text =
    "市教育局督導室年度工作總結\n"
    "一、教育督導工作開展情況\n"
    "1、成立了政府教育督導機構，制訂了督導評估辦法。\n"
    "二、存在的主要問題\n"
    "1、優質教育資源缺乏，城鄉教育不均衡。\n"
    "三、今後工作的努力方向\n"
    "1、健全教育督導機構，配足工作人員。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);
  LuoshiSection *problem = find_section (doc, "二、", "存在的主要問題");

  g_assert_cmpint (problem->kind, ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (find_section (doc, "三、", "今後")->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  g_assert_cmpstr (report (doc, 0)->title, ==, "市教育局督導室年度工作總結");
  g_assert_cmpstr (report (doc, 0)->org, ==, "市教育局督導室");
}

static void
test_plan_titled_review (void)
{
  /* Titled 总结, but every part is about the coming year. */
  const char *text =
    "教育局工作总结\n"
    "20xx年，我局将以科学发展观为指导，全面推进教育现代化。\n"
    "一、加强党的建设\n"
    "1、深入开展理论学习，提高干部队伍素质。\n"
    "2、严格执行首问责任制，提升服务水平。\n"
    "3、加强党风廉政建设，落实一岗双责。\n"
    "二、推进优质教育链建设\n"
    "1、按照优质教育链管理办法，推进链内学校资源共享。\n"
    "2、实施学校特色发展行动计划，打造特色品牌。\n"
    "三、提升教育质量\n"
    "1、以课程改革为抓手，深入实施素质教育。\n"
    "2、要建立科学的质量评价体系。\n"
    "3、开展阳光体育运动，确保学生每天锻炼一小时。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_PLAN);
  g_assert_cmpint (find_section (doc, "二、", "推进优质")->kind, ==, LUOSHI_SECTION_PLAN);
}

static void
test_speech (void)
{
  const char *text =
    "在全县教育工作会议上的讲话\n"
    "同志们：\n"
    "今天召开全县教育工作会议，主要任务是总结去年工作，部署今年任务。\n"
    "一、去年工作回顾\n"
    "去年，全县教育系统完成了各项目标任务。\n"
    "二、今年的主要任务\n"
    "今年要重点抓好三项工作。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_SPEECH);
  /* 主要任务 in a speech is the coming work. */
  g_assert_cmpint (find_section (doc, "二、", "今年的主要任务")->kind, ==, LUOSHI_SECTION_PLAN);
}

static void
test_reports_parts (void)
{
  /* Unmarked part headings: numbering that starts again under 存在的问题
   * or 明年工作打算 is the same report; a second dated review (a change of
   * kind after the plan part) is a new one. A review heading such as
   * "全面实施教育信息化行动计划" is no title. */
  g_autoptr(LuoshiDocument) doc = segment_fixture ("parts.txt");
  LuoshiSection *problems, *plans, *item;

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 2);
  g_assert_cmpuint (report (doc, 0)->first_line, ==, 1);
  g_assert_cmpstr (report (doc, 0)->title, ==, "2012年工作总结");
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  g_assert_cmpint (report (doc, 0)->year, ==, 2012);
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 15);
  g_assert_cmpstr (report (doc, 1)->title, ==, "2013年上半年工作总结");
  g_assert_cmpint (report (doc, 1)->kind, ==, LUOSHI_REPORT_REVIEW);
  g_assert_cmpint (report (doc, 1)->year, ==, 2013);
  g_assert_cmpint (report (doc, 1)->half, ==, 1);

  problems = find_section (doc, "", "存在的问题");
  g_assert_cmpuint (problems->depth, ==, 0);
  g_assert_cmpint (problems->kind, ==, LUOSHI_SECTION_PROBLEM);
  plans = find_section (doc, "", "明年工作打算");
  g_assert_cmpint (plans->kind, ==, LUOSHI_SECTION_PLAN);
  item = find_section (doc, "二、", "实施农村教师补充计划");
  g_assert_true (section (doc, item->parent) == plans);
  g_assert_cmpint (item->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (find_section (doc, "一、", "学前教育资源不足")->kind, ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (find_section (doc, "", "全面实施教育信息化行动计划")->kind, ==, LUOSHI_SECTION_REVIEW);
}

static void
test_reports_pian_prefix (void)
{
  const char *text =
    "篇一：城南区教育局2012年工作总结\n"
    "2012年，我局认真履行职责，完成了全年目标任务。\n"
    "一、主要工作\n"
    "1、完成了3所学校的改扩建工程。\n"
    "【第2篇】城南区教育局2013年工作要点\n"
    "2013年，我局将以提高质量为核心推进各项工作。\n"
    "一、重点工作\n"
    "1、力争新建学校2所。\n"
    "张明同志个人述职报告\n"
    "一年来，我认真履行局长职责，我始终坚持学习，我带头廉洁自律，我主持完成了多项工作。\n"
    "我分管的招生工作平稳有序。我牵头完成了布局调整。我组织了教师培训。我参加了督导检查。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 3);
  g_assert_cmpstr (report (doc, 0)->title, ==, "城南区教育局2012年工作总结");
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 5);
  g_assert_cmpstr (report (doc, 1)->title, ==, "城南区教育局2013年工作要点");
  g_assert_cmpint (report (doc, 1)->kind, ==, LUOSHI_REPORT_PLAN);
  g_assert_cmpint (report (doc, 1)->year, ==, 2013);
  g_assert_cmpint (find_section (doc, "一、", "重点工作")->kind, ==, LUOSHI_SECTION_PLAN);
  /* A 述职 report is a review even though it says 我 throughout. */
  g_assert_cmpuint (report (doc, 2)->first_line, ==, 9);
  g_assert_cmpint (report (doc, 2)->kind, ==, LUOSHI_REPORT_REVIEW);
}

static void
test_reports_repeated_heading (void)
{
  /* No title cue at all, but the first line comes again after the text:
   * the page pasted a second report under the same heading. */
  const char *text =
    "加强学校管理的做法与成效\n"
    "加强学校管理的做法与成效\n"
    "一年来，我们从制度建设入手，全面加强学校管理。\n"
    "一、健全管理制度\n"
    "制定了学校管理规程，规范了办学行为。\n"
    "加强学校管理的做法与成效\n"
    "本学期，我校以精细化管理为抓手，提升了管理水平。\n"
    "一、推行精细化管理\n"
    "建立了年级组长负责制。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 2);
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 6);
  g_assert_cmpstr (report (doc, 1)->title, ==, "加强学校管理的做法与成效");
}

static void
test_kind_plan_with_other_parts (void)
{
  /* 指导思想 and 保障措施 are neither review nor plan parts: still a plan. */
  const char *text =
    "东川县教育局2021年工作计划\n"
    "一、指导思想\n"
    "坚持立德树人根本任务，推动全县教育高质量发展。\n"
    "二、工作目标\n"
    "学前三年毛入园率达到90%，义务教育巩固率达到97%以上。\n"
    "三、主要任务\n"
    "1、新建乡镇中心幼儿园2所。\n"
    "四、保障措施\n"
    "各单位要把教育工作摆上重要议事日程。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_PLAN);
}

static void
test_reports_topic_restart (void)
{
  /* 1、 again under an unmarked topic heading is the same report. */
  const char *text =
    "实验小学2012年工作计划\n"
    "1、加强教师队伍建设，全年培训教师200人次。\n"
    "2、推进课堂教学改革，开展优质课评比活动。\n"
    "德育工作\n"
    "德育是学校工作的首位，本年度我们将重点抓好以下工作。\n"
    "1、开展文明礼仪教育，组织主题班会。\n"
    "2、加强家校联系，召开家长会两次。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_PLAN);
  g_assert_cmpint (find_section (doc, "1、", "开展文明礼仪教育")->kind, ==, LUOSHI_SECTION_PLAN);
}

static void
test_reports_untitled_study (void)
{
  /* A short line named like a document right above a restarted 一、
   * opens a new, untitled-in-form report. */
  const char *text =
    "城关镇中心学校工作总结\n"
    "一、教学质量稳步提升\n"
    "全镇小学毕业考试合格率达到98%。\n"
    "二、校舍条件明显改善\n"
    "新建了中心小学教学楼。\n"
    "党校学习心得\n"
    "一、提高了理论水平\n"
    "通过学习，我对党的理论有了更深的认识。\n"
    "二、增强了党性修养\n"
    "我决心在工作中发挥党员的先锋模范作用。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  assert_tiling (doc);
  g_assert_cmpuint (doc->reports->len, ==, 2);
  g_assert_cmpuint (report (doc, 1)->first_line, ==, 6);
  g_assert_cmpstr (report (doc, 1)->title, ==, "党校学习心得");
  g_assert_cmpint (report (doc, 1)->kind, ==, LUOSHI_REPORT_OTHER);
}

static void
test_reports_topic_parts (void)
{
  /* 一、 again right under an unmarked topic line: parts of one report. */
  const char *text =
    "实验中学2012年工作总结\n"
    "教学工作\n"
    "一、完成了课程计划规定的全部教学任务。\n"
    "二、组织了期中和期末质量检测。\n"
    "德育工作\n"
    "一、开展了学雷锋主题教育活动。\n"
    "二、召开了家长会，家校联系更加紧密。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW);
  /* Each topic holds its items. */
  g_assert_true (section (doc, find_section (doc, "二、", "召开了家长会")->parent)
                 == find_section (doc, "", "德育工作"));
}

static void
test_kind_dated_parts (void)
{
  /* A part heading naming the year after the reviewed one is the plan. */
  const char *text =
    "各位代表：\n"
    "现在，我代表县人民政府，向大会报告工作。\n"
    "一、2016年工作回顾\n"
    "过去一年，全县新建学校5所，新增学位3000个。\n"
    "二、2017年重点工作任务\n"
    "（一）推进教育均衡发展。新建学校3所。\n"
    "（二）加强教师队伍建设。招聘教师200名。\n";
  g_autoptr(LuoshiDocument) doc = segment_text (text);

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpstr (report (doc, 0)->title, ==, "");
  g_assert_cmpint (report (doc, 0)->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  g_assert_cmpint (find_section (doc, "二、", "2017年重点工作任务")->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (find_section (doc, "（二）", "加强教师队伍建设")->kind, ==, LUOSHI_SECTION_PLAN);
  g_assert_cmpint (report (doc, 0)->year, ==, 2016);
}

static void
test_empty (void)
{
  g_autoptr(LuoshiDocument) doc = segment_text ("");

  g_assert_cmpuint (doc->reports->len, ==, 1);
  g_assert_cmpuint (doc->sentences->len, ==, 0);
  g_assert_cmpuint (report (doc, 0)->end, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segment/outline/markers", test_outline_markers);
  g_test_add_func ("/segment/outline/heading-kind", test_outline_heading_kind);
  g_test_add_func ("/segment/outline/tree", test_outline_tree);
  g_test_add_func ("/segment/sentences/crlf", test_sentences_crlf);
  g_test_add_func ("/segment/sentences/rules", test_sentences_rules);
  g_test_add_func ("/segment/reports/titles", test_reports_titles);
  g_test_add_func ("/segment/reports/pian", test_reports_pian);
  g_test_add_func ("/segment/reports/broken-title", test_reports_broken_title);
  g_test_add_func ("/segment/reports/topic-restart", test_reports_topic_restart);
  g_test_add_func ("/segment/reports/topic-parts", test_reports_topic_parts);
  g_test_add_func ("/segment/reports/untitled-study", test_reports_untitled_study);
  g_test_add_func ("/segment/reports/repeated-heading", test_reports_repeated_heading);
  g_test_add_func ("/segment/reports/restart", test_reports_restart);
  g_test_add_func ("/segment/reports/restart-indented", test_reports_restart_indented);
  g_test_add_func ("/segment/reports/traditional", test_traditional);
  g_test_add_func ("/segment/reports/parts", test_reports_parts);
  g_test_add_func ("/segment/reports/pian-prefix", test_reports_pian_prefix);
  g_test_add_func ("/segment/kind/plan-titled-review", test_plan_titled_review);
  g_test_add_func ("/segment/kind/speech", test_speech);
  g_test_add_func ("/segment/kind/plan-other-parts", test_kind_plan_with_other_parts);
  g_test_add_func ("/segment/kind/dated-parts", test_kind_dated_parts);
  g_test_add_func ("/segment/empty", test_empty);

  return g_test_run ();
}
