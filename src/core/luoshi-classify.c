/* luoshi-classify.c: tell goals, achievements and problems apart, in context
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand rules that follow how work reports are written rather than a
 * trained model: a review part (工作总结, 回顾) reports what was done, so
 * its body sentences are achievements unless they clearly say otherwise;
 * a plan part (工作要点, 今后工作) lists what will be done, so nearly all of
 * it is goals, headings included; a problems part (存在问题) lists
 * shortcomings even when they are phrased as needs. Words decide only
 * where the place does not: a review heading that claims a result, a
 * sentence with a firm future cue inside a review, background facts,
 * definitions, greetings and transitions.
 *
 * All matching is plain substring search on the simplified text.
 */

#include "luoshi-classify.h"

#include <string.h>

/* ---------------------------------------------------------------- cues */

#define N(a) G_N_ELEMENTS (a)

/* Firm signs that a sentence speaks about the coming period. */
static const char * const future_cues[] = {
  "下一步", "今后", "明年", "来年", "力争", "预计", "将于", "即将", "将要",
  "计划于", "计划在", "计划用", "目标是", "目标为", "打算", "拟于", "拟在",
  "拟通过", "拟定", "拟按", "拟将", "拟对", "争取在", "争取到年", "努力实现",
};

/* What may follow 将 when it means "will" rather than marking an object
 * (我局将这一情况报… is not a plan). */
static const char * const will_followers[] = {
  "以", "在", "于", "进一步", "继续", "加大", "加快", "全面", "大力", "重点",
  "着力", "切实", "深入", "不断", "逐步", "努力", "积极", "认真", "坚持",
  "围绕", "按照", "紧紧", "高举", "实现", "完成", "建成", "开展", "启动",
  "实施", "召开", "举办", "投入", "新建", "创建", "迎来", "成为", "达到",
  "更加", "会", "组织", "推进", "推行", "建立", "加强", "出台", "制定",
  "全力", "把", "对", "从", "通过", "集中", "抓好", "做好", "进行", "开始",
  "大幅", "再", "扩大", "提高",
};

/* Things done or reached. */
static const char * const past_cues[] = {
  "已经", "已", "完成", "建成", "召开", "举办", "举行", "获得", "荣获", "获",
  "达到", "实现", "投入", "投资", "被评为", "被授予", "评为", "通过", "顺利",
  "圆满", "先后", "累计", "截至", "截止", "首次", "名列", "取得", "率达",
  "成功", "开通", "竣工", "落成", "签订", "印发", "下发", "出台", "制定",
  "组织", "开展", "启动", "发放", "共计", "共有", "共完成", "共投入",
  "共培训", "共举办", "共召开", "共获", "共组织", "共招",
};

/* Unmistakable reports of something done. */
static const char * const completions[] = {
  "完成了", "建成了", "召开了", "举办了", "开展了", "组织了", "实行了",
  "实施了", "投入使用", "荣获", "被评为", "顺利通过", "圆满完成", "已经完成",
  "已完成", "已建成", "获得了",
};

/* A review heading that claims a result (办学条件得到全面改善). */
static const char * const result_cues[] = {
  "得到", "取得", "成效", "突破", "新台阶", "新高度", "新拓展", "新特色",
  "新高", "跃升", "亮点", "圆满", "顺利", "实现", "完成",
  "被评为", "荣获", "做到", "大幅", "首次", "显著", "明显", "初见", "稳固",
  "日趋", "丰硕", "可喜",
};

/* Clause-final results: 管理进一步加强, 机制逐步完善. */
static const char * const result_verbs[] = {
  "加强", "落实", "优化", "完善", "提高", "提升", "改善", "增强", "规范",
  "扩大", "健全", "巩固", "加大",
};
static const char * const result_adverbs[] = {
  "进一步", "不断", "逐步", "全面", "有效", "明显", "显著", "更加", "大幅",
  "稳步", "持续", "有序", "日益", "快速", "迅速",
};

/* Shortcomings. */
static const char * const problem_cues[] = {
  "存在的问题", "存在问题", "不足之处", "差距", "薄弱环节", "滞后", "短缺",
  "缺乏", "不够", "不足", "制约", "不平衡", "不均衡", "偏低", "偏少", "偏高",
  "不高", "不强", "亟待", "亟需", "有待", "矛盾", "隐患", "不明朗", "不健全",
  "尚未", "仍然", "仍是", "仍有", "还不", "尚不", "不到位", "不完善",
  "不规范", "欠缺", "困难", "问题", "难以", "不适应", "紧缺", "严峻",
};
/* Strong enough alone to mark a problem outside a problems part. */
static const char * const strong_problem_cues[] = {
  "存在的问题", "存在问题", "不足之处", "差距", "薄弱环节", "滞后", "亟待",
  "亟需", "有待", "不平衡", "不均衡", "不到位", "不够", "尚未", "欠缺",
  "短缺", "缺乏", "不健全", "不明朗", "制约",
};

/* Sentences that announce that problems follow. */
static const char * const problem_openers[] = {
  "主要表现在", "表现在", "不足之处", "存在的问题", "存在问题", "存在一些",
  "存在着", "清醒地看到", "清醒地认识到", "清醒地意识到", "也要看到",
  "也应看到", "必须看到", "应该看到", "也存在", "还存在", "仍存在",
};

/* Background and status quo, not the period's work. */
static const char * const background_cues[] = {
  "现有", "位于", "总面积", "下辖", "辖区面积", "地处", "总人口", "占地面积",
};
/* Cues that must name the subject's place early in the sentence (全县
 * 位于…), not occur inside a phrase (更好地处理). */
static const char * const background_place_cues[] = { "位于", "地处" };

/* Greetings, rhetoric and report scaffolding. */
static const char * const scaffold_cues[] = {
  "尊敬的", "同志们", "各位领导", "各位代表", "谢谢", "汇报如下", "报告如下",
  "总结如下", "安排如下", "要点如下", "计划如下", ".com", "www.",
  "作为一名", "回首", "展望未来",
};

/* Guiding ideology: 以…为指导, 高举…旗帜. */
static const char * const ideology_cues[] = {
  "为指导", "为统领", "为指针", "指导思想", "伟大旗帜", "为引领",
};

/* How a review opens: 在区委、区政府的正确领导下，围绕…，以…为指导 */
static const char * const overview_cues[] = {
  "领导下", "指导下", "为指导", "高举", "围绕", "为统领", "为引领",
};
/* …and what makes such an opening a claim of the year's results. */
static const char * const overview_results[] = {
  "取得", "成效", "完成", "实现", "提高", "提升了", "提供了", "显著", "明显",
  "突破", "成绩", "新台阶",
};

/* A sentence defining or extolling something (…是…的关键). */
static const char * const definition_tails[] = {
  "的关键", "的基础", "的重要", "的载体", "的抓手", "的动力", "的生命线",
  "的保障", "的前提", "的核心", "的根本", "的必然", "的需要", "的要求",
  "的方向", "的目标", "的源泉", "的灵魂", "的根基", "的途径",
};
static const char * const definition_cues[] = {
  "关系到", "关系着", "直接关系", "事关",
};

/* Words opening a plan item or a subheading: 加强…, 推进…, 抓好… */
static const char * const imperative_starts[] = {
  "加强", "推进", "落实", "深化", "完善", "抓好", "做好", "积极", "认真",
  "努力", "重视", "坚持", "强化", "规范", "狠抓", "切实", "大力", "着力",
  "扎实", "全面", "不断", "进一步", "加大", "加快", "建立", "健全", "提高",
  "提升", "创新", "实施", "开展", "组织", "注重", "突出", "探索", "促进",
  "优化", "推动", "办好", "搞好", "抓住", "坚定", "以",
};

/* Headings of parts. */
static const char * const plan_heading_cues[] = {
  "要点", "工作计划", "工作打算", "工作思路", "工作设想", "工作安排",
  "总体部署", "工作部署", "工作任务", "重点任务", "主要任务", "今后", "下一步",
  "明年", "来年", "下半年工作", "努力方向", "工作目标", "主要目标",
  "发展目标", "展望", "工作重点", "工作措施", "预期目标", "工作要求",
  "总体要求", "政策取向", "工作的建议", "工作建议", "下阶段", "新的一年",
  "重点工作", "主要工作任务",
};
static const char * const review_heading_cues[] = {
  "回顾", "总结", "完成情况", "进展情况", "主要成绩", "主要工作", "工作成效",
  "取得的成绩", "主要做法", "基本情况", "工作情况", "开展情况", "主要成效",
  "工作成绩", "所做的工作", "做法与成效", "做法和成效", "落实情况",
};
static const char * const problem_heading_cues[] = {
  "存在问题", "存在的问题", "存在的不足", "存在不足", "主要问题", "问题与",
  "问题和", "问题及", "不足与", "不足和", "困难和问题", "困难与问题",
  "困难与挑战", "挑战与问题", "不足之处", "薄弱环节", "差距与", "差距和",
};

/* Titles and part headings that neither commit nor claim a result. */
static const char * const meta_heading_cues[] = {
  "工作总结", "工作要点", "工作计划", "工作回顾", "年度回顾", "存在问题",
  "存在的问题", "主要问题", "努力方向", "今后工作", "下一步工作", "工作打算",
  "工作思路", "基本情况", "主要工作", "进展情况", "工作部署", "工作任务",
  "主要成绩", "工作成效", "总体要求", "述职报告", "工作报告", "讲话",
  "问题及", "问题与", "不足", "年度总结", "年终总结", "总结", "要点", "计划",
  "方面", "情况", "总体目标", "主要目标", "预期目标", "工作目标", "目标任务",
  "重点任务", "主要任务", "指导思想", "总体思路", "基本思路", "总体部署",
  "重点工作", "保障措施", "工作措施", "主要措施", "具体措施", "困难和问题",
  "困难与问题", "问题和困难", "不足和问题",
};

/* -------------------------------------------------------------- helpers */

/* A piece of text, with a filter of the characters it contains so most
 * cues are rejected without a search: bit (c % 1024) is set for every
 * code point c of the text. A span cut from another shares its filter
 * (a superset stays correct); NULL means no filter. */
typedef struct
{
  const char    *s;
  gsize          len;
  const guint32 *chars;
} Span;

#define FILTER_WORDS 32

static void
fill_filter (Span    *t,
             guint32 *bits)
{
  memset (bits, 0, FILTER_WORDS * sizeof (guint32));
  for (const char *p = t->s; p < t->s + t->len; p = g_utf8_next_char (p))
    {
      guint c = g_utf8_get_char (p) % (FILTER_WORDS * 32);
      bits[c / 32] |= 1u << (c % 32);
    }
  t->chars = bits;
}

static const char *
find (Span        t,
      const char *cue)
{
  if (t.chars != NULL)
    {
      guint c = g_utf8_get_char (cue) % (FILTER_WORDS * 32);
      if ((t.chars[c / 32] & (1u << (c % 32))) == 0)
        return NULL;
    }
  return memmem (t.s, t.len, cue, strlen (cue));
}

static const char *
find_any (Span               t,
          const char * const *cues,
          gsize              n_cues)
{
  for (gsize i = 0; i < n_cues; i++)
    {
      const char *p = find (t, cues[i]);
      if (p != NULL)
        return p;
    }
  return NULL;
}

static gboolean
starts_with (Span        t,
             const char *cue)
{
  gsize n = strlen (cue);
  return t.len >= n && memcmp (t.s, cue, n) == 0;
}

static gboolean
starts_with_any (Span                t,
                 const char * const *cues,
                 gsize               n_cues)
{
  for (gsize i = 0; i < n_cues; i++)
    if (starts_with (t, cues[i]))
      return TRUE;
  return FALSE;
}

static gboolean
at (const char *p,
    const char *end,
    const char *word)
{
  gsize n = strlen (word);
  return (gsize) (end - p) >= n && memcmp (p, word, n) == 0;
}

static gboolean
before (const char *start,
        const char *p,
        const char *word)
{
  gsize n = strlen (word);
  return (gsize) (p - start) >= n && memcmp (p - n, word, n) == 0;
}

static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

static guint
count_cjk (Span t)
{
  guint n = 0;
  for (const char *p = t.s; p < t.s + t.len; p = g_utf8_next_char (p))
    if (is_cjk (g_utf8_get_char (p)))
      n++;
  return n;
}

static gboolean
has_digit (Span t)
{
  /* ASCII and full-width digits (２０１２年). */
  for (const char *p = t.s; p < t.s + t.len; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_clause_break (gunichar c)
{
  return c == 0xff0c || c == ',' || c == 0x3002 || c == 0xff1b || c == ';' ||
         c == 0xff1a || c == ':' || c == 0xff01 || c == '!' || c == 0xff1f ||
         c == '?' || c == 0x3001 || c == '\n' || c == '\r' || c == ' ' ||
         c == 0x3000 || c == 0x201d || c == 0x300b || c == 0xff09 || c == ')';
}

/* 了 as the aspect particle, not in 为了, 除了, 了解, 了不起. */
static gboolean
has_le (Span t)
{
  const char *end = t.s + t.len;
  const char *p = t.s;
  Span rest = t;

  for (;;)
    {
      rest.s = p;
      rest.len = end - p;
      p = find (rest, "了");
      if (p == NULL)
        return FALSE;
      if (!before (t.s, p, "为") && !before (t.s, p, "除") &&
          !at (p, end, "了解") && !at (p, end, "了不") && !at (p, end, "了如"))
        return TRUE;
      p += strlen ("了");
    }
}

/* 将 meaning "will", judged by what follows it. */
static const char *
find_will (Span t)
{
  const char *end = t.s + t.len;
  const char *p = t.s;
  Span rest = t;

  for (;;)
    {
      const char *q;

      rest.s = p;
      rest.len = end - p;
      p = find (rest, "将");
      if (p == NULL)
        return NULL;
      q = p + strlen ("将");
      /* 即将, 将要, 将于 are covered by future_cues; 将来 is a noun. */
      if (!at (q, end, "来") && !before (t.s, p, "必") && !before (t.s, p, "并"))
        {
          for (gsize i = 0; i < N (will_followers); i++)
            if (at (q, end, will_followers[i]))
              return p;
        }
      p = q;
    }
}

/* 要 as "shall", not in 重要, 主要, 需要, 要求, 要点, 纲要. */
static gboolean
has_yao (Span t)
{
  const char *end = t.s + t.len;
  const char *p = t.s;
  Span rest = t;

  for (;;)
    {
      const char *q;

      rest.s = p;
      rest.len = end - p;
      p = find (rest, "要");
      if (p == NULL)
        return FALSE;
      q = p + strlen ("要");
      if (!before (t.s, p, "重") && !before (t.s, p, "主") && !before (t.s, p, "需") &&
          !before (t.s, p, "必") && !before (t.s, p, "纲") && !before (t.s, p, "摘") &&
          !before (t.s, p, "首") && !before (t.s, p, "概") && !before (t.s, p, "只") &&
          !at (q, end, "求") && !at (q, end, "点") && !at (q, end, "素") &&
          !at (q, end, "闻") && !at (q, end, "害") && !at (q, end, "务"))
        return TRUE;
      p = q;
    }
}

static const char *
find_future (Span t)
{
  const char *p = find_any (t, future_cues, N (future_cues));
  const char *w = find_will (t);

  /* 下一步的复习参考, 今后努力的方向 name things, they promise nothing. */
  if (p != NULL && (at (p, t.s + t.len, "下一步的") || at (p, t.s + t.len, "今后努力的")))
    {
      Span rest = { p + 3, t.len - (p + 3 - t.s), t.chars };
      p = find_any (rest, future_cues, N (future_cues));
    }

  if (p == NULL || (w != NULL && w < p))
    p = w;
  return p;
}

/* 争取 as "strive to", not 积极争取 (obtained) or 争取到了. */
static gboolean
has_strive (Span t)
{
  const char *end = t.s + t.len;
  const char *p = find (t, "争取");

  if (p == NULL)
    return FALSE;
  return !before (t.s, p, "的") && !before (t.s, p, "积极") &&
         !at (p + strlen ("争取"), end, "到") && !has_le (t);
}

static gboolean
has_past (Span t)
{
  return has_le (t) || find_any (t, past_cues, N (past_cues)) != NULL;
}

/* Firm past: 了 or 已, or completion verbs. */
static gboolean
has_firm_past (Span t)
{
  static const char * const firm[] = {
    "已经", "已", "完成了", "建成了", "召开了", "举办了", "获得了", "荣获",
    "被评为", "顺利通过", "圆满完成",
  };
  return has_le (t) || find_any (t, firm, N (firm)) != NULL;
}

static guint
count_problem_cues (Span t)
{
  guint n = 0;
  for (gsize i = 0; i < N (problem_cues); i++)
    if (find (t, problem_cues[i]) != NULL)
      n++;
  return n;
}

/* 薄弱学校 and 困难学生 name a group the work helped, not a problem. */
static gboolean
problem_is_object (Span t)
{
  static const char * const objects[] = {
    "薄弱学校", "薄弱校", "困难学生", "困难家庭", "困难群众", "困难职工",
    "困难教师", "解决", "克服", "帮助", "资助", "救助", "整改", "缩小",
    "破除", "缓解", "加强对", "加大对", "补齐", "弥补", "应对", "化解",
    "防范", "消除", "攻克",
  };
  return find_any (t, objects, N (objects)) != NULL;
}

static gboolean
has_strong_problem (Span t)
{
  /* 加大薄弱环节建设力度 acts on a problem, it does not state one. */
  if (starts_with_any (t, imperative_starts, N (imperative_starts)))
    return FALSE;
  if (find_any (t, strong_problem_cues, N (strong_problem_cues)) != NULL &&
      !problem_is_object (t))
    return TRUE;
  return count_problem_cues (t) >= 2 && !problem_is_object (t);
}

/* Whether some clause ends with an adverb + verb of result
 * (管理进一步加强, 机制逐步完善), or the whole heading does. */
static gboolean
has_clause_final_result (Span t)
{
  const char *end = t.s + t.len;

  for (const char *p = t.s; p <= end; p = (p < end) ? g_utf8_next_char (p) : end + 1)
    {
      if (p < end && !is_clause_break (g_utf8_get_char (p)))
        continue;
      for (gsize v = 0; v < N (result_verbs); v++)
        {
          gsize vn = strlen (result_verbs[v]);
          const char *vs;

          if ((gsize) (p - t.s) < vn || memcmp (p - vn, result_verbs[v], vn) != 0)
            continue;
          vs = p - vn;
          for (gsize a = 0; a < N (result_adverbs); a++)
            if (before (t.s, vs, result_adverbs[a]))
              return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_definition (Span t)
{
  const char *shi = find (t, "是");

  if (find_any (t, definition_cues, N (definition_cues)) != NULL)
    return TRUE;
  if (shi == NULL)
    return FALSE;
  {
    Span rest = { shi, t.len - (shi - t.s), t.chars };
    return find_any (rest, definition_tails, N (definition_tails)) != NULL;
  }
}

/* A colon at the end announcing a list: 重点抓好以下六项工作： */
static gboolean
is_transition (Span t)
{
  static const char * const list_words[] = {
    "以下", "如下", "几项", "几个方面", "两个方面", "三个方面", "四个方面",
    "几点", "主要有", "包括",
  };
  Span tt = t;
  /* t is not NUL-terminated at len in general; check the tail by hand. */
  gboolean colon_end = (t.len >= 3 && memcmp (t.s + t.len - 3, "：", 3) == 0) ||
              (t.len >= 1 && t.s[t.len - 1] == ':');
  if (!colon_end)
    return FALSE;
  return find_any (tt, list_words, N (list_words)) != NULL;
}

/* 在办学条件方面：两年来投入… is a numbered paragraph, not a heading. */
static gboolean
has_colon_body (Span t)
{
  const char *end = t.s + t.len;
  for (const char *p = t.s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == 0xff1a || c == ':')
        {
          Span head = { t.s, p - t.s, NULL };
          Span rest = { g_utf8_next_char (p), end - g_utf8_next_char (p), NULL };
          /* 第二篇：… is a title, 在办学条件方面：… a paragraph. */
          return count_cjk (head) >= 4 && count_cjk (rest) >= 6;
        }
    }
  return FALSE;
}

/* 我区现有中心校11所, 全县位于…: the district as it is. 现有 counts
 * only before a figure (在梳理现有制度的基础上 is a plan). */
static gboolean
is_background (Span t)
{
  const char *end = t.s + t.len;

  for (gsize i = 0; i < N (background_cues); i++)
    {
      const char *p = find (t, background_cues[i]);
      gboolean place = FALSE;

      if (p == NULL)
        continue;
      for (gsize j = 0; j < N (background_place_cues); j++)
        if (strcmp (background_cues[i], background_place_cues[j]) == 0)
          place = TRUE;
      if (place && g_utf8_pointer_to_offset (t.s, p) > 8)
        continue;
      if (strcmp (background_cues[i], "现有") == 0)
        {
          Span rest = { p, MIN ((gsize) (end - p), 30), NULL };
          if (!has_digit (rest))
            continue;
        }
      return TRUE;
    }
  return FALSE;
}

/* 长效机制是：…, 选举的过程为：… say what something consists of. */
static gboolean
is_composition (Span t)
{
  static const char * const leads[] = { "是：", "为：", "是:", "为:" };
  Span head = t;
  const char *p;

  head.len = MIN (t.len, (gsize) 14 * 3);
  p = find_any (head, leads, N (leads));
  return p != NULL && count_cjk ((Span) { t.s, p - t.s, NULL }) <= 12;
}

/* 全市共有教职工8271人: a count of what exists, no action in it. */
static gboolean
is_headcount (Span t)
{
  static const char * const counts[] = { "共有", "现有" };
  static const char * const actions[] = {
    "获", "完成", "建成", "召开", "举办", "举行", "达到", "实现", "投入",
    "评为", "通过", "参加", "参与", "培训", "招", "录", "新增", "增加",
    "提高", "救助", "资助", "发放", "选派", "交流", "接收", "共计",
  };
  return find_any (t, counts, N (counts)) != NULL && !has_le (t) &&
         find (t, "已") == NULL && find_any (t, actions, N (actions)) == NULL;
}

/* An unnumbered subheading in a review (积极开展安全法制教育。) at the
 * start of a line: short, opening with a directive verb, reporting
 * nothing done. In mid-paragraph the same shape reports an action. */
static gboolean
is_subheading (Span t)
{
  guint n = count_cjk (t);
  gboolean ends_period = t.len >= 3 && memcmp (t.s + t.len - 3, "。", 3) == 0;

  return n <= 24 && ends_period &&
         starts_with_any (t, imperative_starts, N (imperative_starts)) &&
         !has_firm_past (t) && !has_digit (t) &&
         find_any (t, result_cues, N (result_cues)) == NULL &&
         !has_clause_final_result (t);
}

static gboolean
is_meta_heading (Span t)
{
  guint n = count_cjk (t);

  /* 重点任务取得积极进展，… is a claim, not a part title. */
  if (n > 24 || find (t, "，") != NULL || find (t, ",") != NULL)
    return FALSE;
  /* A content heading has a verb phrase; a part title is mostly nouns. */
  if (find_any (t, meta_heading_cues, N (meta_heading_cues)) == NULL)
    return FALSE;
  if (starts_with_any (t, imperative_starts, N (imperative_starts)))
    return FALSE;
  return TRUE;
}

static Span
trim (const char *text,
      gsize       len)
{
  Span t = { text, len, NULL };

  while (t.len > 0)
    {
      gunichar c = g_utf8_get_char (t.s);
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x200b && c != 0xfeff)
        break;
      t.len -= g_utf8_next_char (t.s) - t.s;
      t.s = g_utf8_next_char (t.s);
    }
  while (t.len > 0)
    {
      const char *last = g_utf8_find_prev_char (t.s, t.s + t.len);
      gunichar c = g_utf8_get_char (last);
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x200b)
        break;
      t.len = last - t.s;
    }
  return t;
}

/* ------------------------------------------------------------- markers */

static gboolean
is_han_numeral (gunichar c)
{
  return (c == 0x4e00 || c == 0x4e8c || c == 0x4e09 || c == 0x56db ||
          c == 0x4e94 || c == 0x516d || c == 0x4e03 || c == 0x516b ||
          c == 0x4e5d || c == 0x5341 || c == 0x767e || c == 0x96f6 ||
          c == 0x3007 || c == 0x4e24);
}

gsize
luoshi_classify_marker_length (const char *text,
                               gsize       len)
{
  const char *end = text + len;
  const char *p = text;
  const char *q;
  gunichar c;
  gboolean matched = FALSE;

  g_return_val_if_fail (text != NULL, 0);

  while (p < end && (g_unichar_isspace (g_utf8_get_char (p)) ||
                     g_utf8_get_char (p) == 0x3000))
    p = g_utf8_next_char (p);
  if (p >= end)
    return 0;

  c = g_utf8_get_char (p);
  q = g_utf8_next_char (p);

  if ((c >= 0x2460 && c <= 0x249b) || (c >= 0x2776 && c <= 0x2793))
    {
      /* ① ⑴ ⒈ ❶ */
      p = q;
      matched = TRUE;
    }
  else if (c == 0xff08 || c == '(')
    {
      const char *r = q;
      gboolean digits = FALSE;
      while (r < end && (g_unichar_isdigit (g_utf8_get_char (r)) ||
                         is_han_numeral (g_utf8_get_char (r))))
        {
          digits = TRUE;
          r = g_utf8_next_char (r);
        }
      if (digits && r < end && (g_utf8_get_char (r) == 0xff09 || *r == ')'))
        {
          p = g_utf8_next_char (r);
          matched = TRUE;
        }
    }
  else if (g_unichar_isdigit (c))
    {
      /* ASCII or full-width (１、) digits, at most two of them. */
      const char *r = p;
      guint n = 0;
      while (r < end && g_unichar_isdigit (g_utf8_get_char (r)))
        {
          r = g_utf8_next_char (r);
          n++;
        }
      if (r < end && n <= 2)
        {
          gunichar d = g_utf8_get_char (r);
          const char *after = g_utf8_next_char (r);
          gboolean decimal = after < end && g_unichar_isdigit (g_utf8_get_char (after));
          /* 1、 1． 1. but not 1.5 */
          if (d == 0x3001 || ((d == 0xff0e || d == '.') && !decimal) ||
              d == ')' || d == 0xff09)
            {
              p = after;
              matched = TRUE;
            }
        }
    }
  else if (c == 0x7b2c /* 第 */ || is_han_numeral (c))
    {
      const char *r = (c == 0x7b2c) ? q : p;
      gboolean numeral = FALSE;
      while (r < end && is_han_numeral (g_utf8_get_char (r)))
        {
          numeral = TRUE;
          r = g_utf8_next_char (r);
        }
      if (numeral && r < end)
        {
          if (at (r, end, "、") || at (r, end, "，") || at (r, end, ",") ||
              at (r, end, "．") || at (r, end, "."))
            {
              p = g_utf8_next_char (r);
              matched = TRUE;
            }
          else if (at (r, end, "是"))
            {
              p = r + strlen ("是");
              matched = TRUE;
            }
          else if (c == 0x7b2c && at (r, end, "部分"))
            {
              p = r + strlen ("部分");
              matched = TRUE;
            }
        }
    }

  if (!matched)
    return 0;
  /* Punctuation and space right after the marker belong to it. */
  while (p < end)
    {
      gunichar d = g_utf8_get_char (p);
      if (d != 0xff0c && d != ',' && d != 0x3001 && d != 0xff1a && d != ':' &&
          d != ' ' && d != 0x3000 && d != '\t')
        break;
      p = g_utf8_next_char (p);
    }
  return p - text;
}

/* --------------------------------------------------------------- public */

const char *
luoshi_label_to_string (LuoshiLabel label)
{
  switch (label)
    {
    case LUOSHI_LABEL_GOAL: return "G";
    case LUOSHI_LABEL_ACHIEVEMENT: return "A";
    case LUOSHI_LABEL_PROBLEM: return "P";
    case LUOSHI_LABEL_OTHER:
    default: return "O";
    }
}

LuoshiSectionKind
luoshi_classify_heading (const char *text,
                         gssize      len)
{
  Span t;
  gsize m;
  gboolean plan, review;
  guint32 bits[FILTER_WORDS];

  g_return_val_if_fail (text != NULL, LUOSHI_SECTION_OTHER);

  t = trim (text, len < 0 ? strlen (text) : (gsize) len);
  m = luoshi_classify_marker_length (t.s, t.len);
  t.s += m;
  t.len -= m;
  fill_filter (&t, bits);
  /* A part title is short and names the part; a content heading
   * (加强…，缩小城乡差距) only mentions such words. */
  if (count_cjk (t) > 20 || starts_with_any (t, imperative_starts, N (imperative_starts)))
    return LUOSHI_SECTION_OTHER;

  if (find_any (t, problem_heading_cues, N (problem_heading_cues)) != NULL)
    return LUOSHI_SECTION_PROBLEM;
  plan = find_any (t, plan_heading_cues, N (plan_heading_cues)) != NULL;
  review = find_any (t, review_heading_cues, N (review_heading_cues)) != NULL;
  /* "工作总结和来年工作要点" is the title of a whole review+plan report. */
  if (plan && review)
    return LUOSHI_SECTION_OTHER;
  if (plan)
    return LUOSHI_SECTION_PLAN;
  if (review)
    return LUOSHI_SECTION_REVIEW;
  return LUOSHI_SECTION_OTHER;
}

LuoshiLabel
luoshi_classify_opens_run (const char *text,
                           gssize      len)
{
  Span t;
  guint32 bits[FILTER_WORDS];

  g_return_val_if_fail (text != NULL, LUOSHI_LABEL_OTHER);

  t = trim (text, len < 0 ? strlen (text) : (gsize) len);
  fill_filter (&t, bits);
  /* 对…存在的问题提出了整改意见 reports work on problems. */
  if (find_any (t, problem_openers, N (problem_openers)) != NULL &&
      find_future (t) == NULL && !has_firm_past (t) && !problem_is_object (t))
    return LUOSHI_LABEL_PROBLEM;
  if (is_transition (t) && (find_future (t) != NULL || has_yao (t)))
    return LUOSHI_LABEL_GOAL;
  /* 主要预期目标是：… lists targets, usually over several clauses. */
  if (find (t, "目标是") != NULL || find (t, "目标为") != NULL ||
      find (t, "目标：") != NULL)
    return LUOSHI_LABEL_GOAL;
  return LUOSHI_LABEL_OTHER;
}

static LuoshiLabel
classify_plan (Span         t,
               gboolean     heading,
               double      *confidence)
{
  /* In a plan even 今后努力的方向 looks ahead. */
  gboolean future = find_future (t) != NULL || has_yao (t) ||
                    find_any (t, future_cues, N (future_cues)) != NULL;

  if (heading)
    {
      *confidence = 0.85;
      return LUOSHI_LABEL_GOAL;
    }
  if (!future && !has_digit (t) && is_definition (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  /* 目前，全区学前教育学位仍然不足。 states a gap the plan answers. */
  if (!future && has_strong_problem (t) &&
      !starts_with_any (t, imperative_starts, N (imperative_starts)))
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_PROBLEM;
    }
  /* A report taken for a plan may still recount what was done; only
   * plain completions count here (在已成立的…基础上 plans). */
  if (!future && find_any (t, completions, N (completions)) != NULL)
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_ACHIEVEMENT;
    }
  if (is_transition (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  if (!future && is_background (t))
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_OTHER;
    }
  *confidence = future ? 0.9 : 0.8;
  return LUOSHI_LABEL_GOAL;
}

static LuoshiLabel
classify_problem (Span         t,
                  gboolean     heading,
                  double      *confidence)
{
  if (find_future (t) != NULL && count_problem_cues (t) == 0)
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_GOAL;
    }
  /* The lead-in: 虽然取得了一些成绩，但… introduces the list. */
  if (!heading && count_problem_cues (t) == 0 && (has_firm_past (t) || is_definition (t)))
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_OTHER;
    }
  *confidence = count_problem_cues (t) > 0 ? 0.85 : 0.65;
  return LUOSHI_LABEL_PROBLEM;
}

static LuoshiLabel
classify_review_heading (Span     t,
                         double  *confidence)
{
  /* A numbered point written as a whole sentence that counts what was
   * done (检查学校46所，整改问题31个) reports, whatever its verb. */
  gboolean counts_done = has_digit (t) && (find (t, "，") != NULL || find (t, ",") != NULL);

  if (has_le (t) || find (t, "已") != NULL || counts_done ||
      find_any (t, result_cues, N (result_cues)) != NULL ||
      has_clause_final_result (t))
    {
      *confidence = 0.75;
      return LUOSHI_LABEL_ACHIEVEMENT;
    }
  *confidence = 0.7;
  return LUOSHI_LABEL_OTHER;
}

static LuoshiLabel
classify_review (Span         t,
                 gboolean     heading,
                 gboolean     opening,
                 gboolean     line_start,
                 LuoshiLabel  run,
                 double      *confidence)
{
  const char *future = find_future (t);
  gboolean firm_past = has_firm_past (t);

  if (heading)
    return classify_review_heading (t, confidence);

  /* 下一步，我们将重点做好以下工作： announces goals, it is none. */
  if (is_transition (t) && !has_digit (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }

  /* A commitment inside a review (下一步，我们将…) is a goal; a sentence
   * that reports first and adds an outlook (…已完成，预计明年交付) is
   * labelled by its main, reporting clause. */
  if (future != NULL || has_strive (t) || find (t, "力争") != NULL)
    {
      if (!firm_past || (future != NULL && future - t.s < 12))
        {
          *confidence = firm_past ? 0.55 : 0.7;
          return LUOSHI_LABEL_GOAL;
        }
    }

  /* The opening sets the scene unless it sums up results. */
  if (opening && find_any (t, overview_cues, N (overview_cues)) != NULL &&
      find_any (t, overview_results, N (overview_results)) == NULL)
    {
      *confidence = 0.55;
      return LUOSHI_LABEL_OTHER;
    }

  if (run == LUOSHI_LABEL_PROBLEM || luoshi_classify_opens_run (t.s, t.len) == LUOSHI_LABEL_PROBLEM)
    {
      *confidence = 0.7;
      return LUOSHI_LABEL_PROBLEM;
    }
  if (run == LUOSHI_LABEL_GOAL)
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_GOAL;
    }
  if (!firm_past && has_strong_problem (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_PROBLEM;
    }
  if (is_background (t) && (!firm_past || find (t, "现有") != NULL))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  if (is_composition (t) && !firm_past && !has_digit (t))
    {
      *confidence = 0.55;
      return LUOSHI_LABEL_OTHER;
    }
  if (is_headcount (t))
    {
      *confidence = 0.55;
      return LUOSHI_LABEL_OTHER;
    }
  if (line_start && is_subheading (t))
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_OTHER;
    }
  if (!firm_past && !has_digit (t) && is_definition (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  if (is_transition (t) && !has_digit (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  *confidence = has_past (t) ? 0.85 : 0.7;
  return LUOSHI_LABEL_ACHIEVEMENT;
}

/* No part says what this is (a speech, a personal summary, a preamble):
 * only the words can. */
static LuoshiLabel
classify_by_words (Span              t,
                   gboolean          heading,
                   LuoshiReportKind  report_kind,
                   LuoshiLabel       run,
                   double           *confidence)
{
  /* In a speech, 各校要… is a task the speaker sets. (In a personal
   * text 要 as often preaches as it resolves.) */
  gboolean future = find_future (t) != NULL || has_strive (t) ||
                    find (t, "力争") != NULL || starts_with (t, "要") ||
                    (report_kind == LUOSHI_REPORT_SPEECH && has_yao (t));

  if (run == LUOSHI_LABEL_PROBLEM || run == LUOSHI_LABEL_GOAL)
    {
      *confidence = 0.55;
      return run;
    }
  if (heading && !has_le (t) && !future)
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }
  if (future && !has_le (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_GOAL;
    }
  if (has_strong_problem (t) && !has_firm_past (t))
    {
      *confidence = 0.5;
      return LUOSHI_LABEL_PROBLEM;
    }
  if (has_firm_past (t))
    {
      *confidence = 0.6;
      return LUOSHI_LABEL_ACHIEVEMENT;
    }
  *confidence = 0.5;
  return LUOSHI_LABEL_OTHER;
}

LuoshiLabel
luoshi_classify_sentence (const char                  *text,
                          gssize                       len,
                          const LuoshiClassifyContext *context,
                          double                      *confidence)
{
  Span t;
  gsize m;
  double conf = 0.5;
  LuoshiLabel label;
  LuoshiSectionKind kind;
  guint n_cjk;
  gboolean heading, enumeration;
  guint32 bits[FILTER_WORDS];

  g_return_val_if_fail (text != NULL, LUOSHI_LABEL_OTHER);
  g_return_val_if_fail (context != NULL, LUOSHI_LABEL_OTHER);

  t = trim (text, len < 0 ? strlen (text) : (gsize) len);
  m = luoshi_classify_marker_length (t.s, t.len);
  t.s += m;
  t.len -= m;
  fill_filter (&t, bits);
  n_cjk = count_cjk (t);

  /* A long "heading" is a numbered paragraph (1、在办学条件方面：两年来
   * 投入…); a short numbered sentence is a subheading even when the
   * outline parser saw it in mid-line. */
  enumeration = m > 0 && memmem (t.s - m, m, "是", strlen ("是")) != NULL;
  heading = context->heading ? n_cjk <= 40 && !has_colon_body (t) :
            (m > 0 && !enumeration && n_cjk <= 20 && context->run == LUOSHI_LABEL_OTHER);

  /* 一是… 二是… items: a short one without a deed heads its point. */
  if (enumeration && !context->heading && context->run == LUOSHI_LABEL_OTHER &&
      n_cjk <= 20 && !has_past (t) && !has_digit (t) &&
      /* 二是要抓好校园安全 sets a task, it heads nothing. */
      !starts_with (t, "要") && find_future (t) == NULL && !has_strive (t) &&
      (context->section_kind == LUOSHI_SECTION_REVIEW ||
       (context->section_kind == LUOSHI_SECTION_OTHER &&
        context->report_kind != LUOSHI_REPORT_PLAN)))
    return LUOSHI_LABEL_OTHER;

  if (confidence != NULL)
    *confidence = 0.9;

  /* Splitter fragments, stray labels, web page debris. */
  if (n_cjk < 4 || find_any (t, scaffold_cues, N (scaffold_cues)) != NULL)
    return LUOSHI_LABEL_OTHER;

  /* Titles and part headings (二、主要工作及进展情况) are structure. */
  if (heading && is_meta_heading (t))
    {
      if (confidence != NULL)
        *confidence = 0.8;
      return LUOSHI_LABEL_OTHER;
    }

  /* Under 指导思想, 以…为指导，全面贯彻… states the ideology, not a
   * task; with 将 or 要 (我局将以…为指导) it opens the commitments.
   * Elsewhere the phrase usually leads into a task (以…为指导，加强…). */
  if (context->guidance && !heading && !has_digit (t) && find_future (t) == NULL &&
      !has_yao (t) && find_any (t, ideology_cues, N (ideology_cues)) != NULL)
    {
      if (confidence != NULL)
        *confidence = 0.6;
      return LUOSHI_LABEL_OTHER;
    }

  kind = context->section_kind;
  if (kind == LUOSHI_SECTION_OTHER)
    {
      switch (context->report_kind)
        {
        case LUOSHI_REPORT_PLAN:
          kind = LUOSHI_SECTION_PLAN;
          break;
        case LUOSHI_REPORT_REVIEW:
        case LUOSHI_REPORT_REVIEW_PLAN:
          kind = LUOSHI_SECTION_REVIEW;
          break;
        case LUOSHI_REPORT_SPEECH:
        case LUOSHI_REPORT_OTHER:
        default:
          break;
        }
    }

  switch (kind)
    {
    case LUOSHI_SECTION_PLAN:
      label = classify_plan (t, heading, &conf);
      break;
    case LUOSHI_SECTION_PROBLEM:
      label = classify_problem (t, heading, &conf);
      break;
    case LUOSHI_SECTION_REVIEW:
      label = classify_review (t, heading, context->opening, context->line_start,
                               context->run, &conf);
      break;
    case LUOSHI_SECTION_OTHER:
    default:
      label = classify_by_words (t, heading, context->report_kind, context->run, &conf);
      break;
    }

  if (confidence != NULL)
    *confidence = conf;
  return label;
}
