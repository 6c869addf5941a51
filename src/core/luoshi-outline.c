/* luoshi-outline.c: recognise outline heading markers and heading kinds
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-outline.h"

#include <string.h>

static int
han_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
      return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    case 0x5341: return 10; /* 十 */
    default: return -1;
    }
}

/* Length of the run of Chinese numerals at @text (at most 4). */
static gsize
han_run (const gunichar *text,
         gsize           len)
{
  gsize i = 0;

  while (i < len && i < 4 && han_digit (text[i]) >= 0)
    i++;
  return i;
}

guint
luoshi_outline_han_number (const gunichar *text,
                           gsize           len)
{
  guint value = 0;
  guint digit = 0;
  gboolean any = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      int d = han_digit (text[i]);

      if (d < 0)
        return 0;
      any = TRUE;
      if (d == 10)
        {
          /* 十 multiplies what came before it (二十) or stands for 10 (十二). */
          value += (digit ? digit : 1) * 10;
          digit = 0;
        }
      else
        digit = d;
    }
  return any ? value + digit : 0;
}

static gboolean
is_open_paren (gunichar c)
{
  return c == '(' || c == 0xFF08; /* （ */
}

static gboolean
is_close_paren (gunichar c)
{
  return c == ')' || c == 0xFF09; /* ） */
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* What may follow 一 in 一、: the enumeration comma, or a full stop
 * used as one. A plain comma is too common in running text (一，二). */
static gboolean
is_han_delimiter (gunichar c)
{
  return c == 0x3001 /* 、 */ || c == 0xFF0E /* ． */ || c == '.';
}

static gboolean
match_di (const gunichar *text,
          gsize           len,
          LuoshiOutlineMarker *marker)
{
  gsize run;
  gsize i;

  if (len < 3 || text[0] != 0x7B2C) /* 第 */
    return FALSE;
  run = han_run (text + 1, len - 1);
  if (run == 0)
    return FALSE;
  i = 1 + run;
  if (i + 1 < len && text[i] == 0x90E8 && text[i + 1] == 0x5206) /* 部分 */
    i += 2;
  else if (i < len && (text[i] == 0x7AE0 || text[i] == 0x8282)) /* 章 节 */
    i += 1;
  else if (!(i < len && (text[i] == 0x3001 || text[i] == 0xFF0C || text[i] == ','
                         || text[i] == 0xFF1A || text[i] == ':')))
    return FALSE; /* 第一次, 第一批, 第一篇 are not outline markers */
  /* Swallow one delimiter or space after 第一部分. */
  if (i < len && (text[i] == 0x3001 || text[i] == 0xFF0C || text[i] == ','
                  || text[i] == 0xFF1A || text[i] == ':' || text[i] == ' '
                  || text[i] == 0x3000))
    i++;
  marker->style = LUOSHI_OUTLINE_DI;
  marker->number = luoshi_outline_han_number (text + 1, run);
  marker->length = i;
  return marker->number > 0;
}

static gboolean
match_paren (const gunichar *text,
             gsize           len,
             LuoshiOutlineMarker *marker)
{
  gsize i = 1;
  gsize run;

  if (len < 3 || !is_open_paren (text[0]))
    return FALSE;
  run = han_run (text + 1, len - 1);
  if (run > 0)
    {
      marker->style = LUOSHI_OUTLINE_PAREN_HAN;
      marker->number = luoshi_outline_han_number (text + 1, run);
      i += run;
    }
  else
    {
      guint value = 0;

      while (i < len && i < 3 && is_ascii_digit (text[i]))
        value = value * 10 + (text[i++] - '0');
      if (i == 1)
        return FALSE;
      marker->style = LUOSHI_OUTLINE_PAREN_ARABIC;
      marker->number = value;
    }
  if (i >= len || !is_close_paren (text[i]))
    return FALSE;
  i++;
  if (i < len && (text[i] == 0x3001 || text[i] == ' ' || text[i] == 0x3000))
    i++;
  marker->length = i;
  return marker->number > 0;
}

static gboolean
match_arabic (const gunichar *text,
              gsize           len,
              LuoshiOutlineMarker *marker)
{
  guint value = 0;
  gsize i = 0;

  while (i < len && i < 3 && is_ascii_digit (text[i]))
    value = value * 10 + (text[i++] - '0');
  if (i == 0 || i > 2 || i >= len)
    return FALSE;
  if (text[i] == 0x3001) /* 、 */
    i++;
  else if (is_close_paren (text[i])) /* 1) reads as (1) */
    {
      marker->style = LUOSHI_OUTLINE_PAREN_ARABIC;
      marker->number = value;
      marker->length = i + 1;
      return value > 0;
    }
  else if (text[i] == '.' || text[i] == 0xFF0E) /* . ． */
    {
      /* 1.5万 is a number, not a marker. */
      if (i + 1 < len && (is_ascii_digit (text[i + 1]) || text[i + 1] == '%'))
        return FALSE;
      i++;
    }
  else
    return FALSE;
  marker->style = LUOSHI_OUTLINE_ARABIC;
  marker->number = value;
  marker->length = i;
  return value > 0;
}

gboolean
luoshi_outline_match (const gunichar      *text,
                      gsize                len,
                      LuoshiOutlineMarker *marker)
{
  LuoshiOutlineMarker m = { LUOSHI_OUTLINE_NONE, 0, 0 };
  gsize run;

  g_return_val_if_fail (marker != NULL, FALSE);

  if (text == NULL || len == 0)
    return FALSE;

  if (text[0] >= 0x2474 && text[0] <= 0x2487) /* ⑴ … ⒇ */
    {
      m.style = LUOSHI_OUTLINE_PARENTHESIZED_DIGIT;
      m.number = text[0] - 0x2474 + 1;
      m.length = 1;
    }
  else if (text[0] >= 0x2460 && text[0] <= 0x2473) /* ① … ⑳ */
    {
      m.style = LUOSHI_OUTLINE_CIRCLED;
      m.number = text[0] - 0x2460 + 1;
      m.length = 1;
    }
  else if (match_di (text, len, &m) || match_paren (text, len, &m)
           || match_arabic (text, len, &m))
    ;
  else if ((run = han_run (text, len)) > 0 && run < len)
    {
      if (is_han_delimiter (text[run]))
        m.style = LUOSHI_OUTLINE_HAN;
      else if (text[run] == 0x662F) /* 是: 一是 二是 */
        m.style = LUOSHI_OUTLINE_SHI;
      else
        return FALSE;
      m.number = luoshi_outline_han_number (text, run);
      m.length = run + 1;
      /* 十是 or 一一是 is not an enumeration worth the risk. */
      if (m.style == LUOSHI_OUTLINE_SHI && run > 1)
        return FALSE;
    }
  else
    return FALSE;

  if (m.number == 0 || m.number > 99)
    return FALSE;
  *marker = m;
  return TRUE;
}

typedef struct
{
  const char        *cue;
  LuoshiSectionKind  kind;
  gboolean           plan_only;  /* only a cue inside a plan report */
} HeadingCue;

/* Cue words of section headings. Only fairly specific phrases: a review
 * heading such as "实施优质教育覆盖行动计划" or "困难学生救助" must not
 * turn into a plan or a problem. */
static const HeadingCue heading_cues[] = {
  { "存在问题", LUOSHI_SECTION_PROBLEM, FALSE },
  { "存在的问题", LUOSHI_SECTION_PROBLEM, FALSE },
  { "存在的主要问题", LUOSHI_SECTION_PROBLEM, FALSE },
  { "主要问题", LUOSHI_SECTION_PROBLEM, FALSE },
  { "问题与", LUOSHI_SECTION_PROBLEM, FALSE },
  { "问题和", LUOSHI_SECTION_PROBLEM, FALSE },
  { "问题及", LUOSHI_SECTION_PROBLEM, FALSE },
  { "不足", LUOSHI_SECTION_PROBLEM, FALSE },
  { "困难和", LUOSHI_SECTION_PROBLEM, FALSE },
  { "困难与", LUOSHI_SECTION_PROBLEM, FALSE },
  { "存在的困难", LUOSHI_SECTION_PROBLEM, FALSE },
  { "差距", LUOSHI_SECTION_PROBLEM, FALSE },
  { "薄弱环节", LUOSHI_SECTION_PROBLEM, FALSE },
  { "工作要点", LUOSHI_SECTION_PLAN, FALSE },
  { "工作计划", LUOSHI_SECTION_PLAN, FALSE },
  { "打算", LUOSHI_SECTION_PLAN, FALSE },
  { "工作思路", LUOSHI_SECTION_PLAN, FALSE },
  { "总体思路", LUOSHI_SECTION_PLAN, FALSE },
  { "下一步", LUOSHI_SECTION_PLAN, FALSE },
  { "今后", LUOSHI_SECTION_PLAN, FALSE },
  { "明年", LUOSHI_SECTION_PLAN, FALSE },
  { "来年", LUOSHI_SECTION_PLAN, FALSE },
  { "下半年", LUOSHI_SECTION_PLAN, FALSE },
  { "新的一年", LUOSHI_SECTION_PLAN, FALSE },
  { "努力方向", LUOSHI_SECTION_PLAN, FALSE },
  { "工作目标", LUOSHI_SECTION_PLAN, FALSE },
  { "工作设想", LUOSHI_SECTION_PLAN, FALSE },
  { "展望", LUOSHI_SECTION_PLAN, FALSE },
  { "总体要求", LUOSHI_SECTION_PLAN, FALSE },
  { "总体部署", LUOSHI_SECTION_PLAN, FALSE },
  { "工作部署", LUOSHI_SECTION_PLAN, FALSE },
  { "工作安排", LUOSHI_SECTION_PLAN, FALSE },
  { "目标任务", LUOSHI_SECTION_PLAN, FALSE },
  { "主要目标", LUOSHI_SECTION_PLAN, FALSE },
  { "工作的建议", LUOSHI_SECTION_PLAN, FALSE },
  { "重点工作", LUOSHI_SECTION_PLAN, TRUE },
  { "主要任务", LUOSHI_SECTION_PLAN, TRUE },
  { "回顾", LUOSHI_SECTION_REVIEW, FALSE },
  { "总结", LUOSHI_SECTION_REVIEW, FALSE },
  { "主要工作", LUOSHI_SECTION_REVIEW, FALSE },
  { "取得的成绩", LUOSHI_SECTION_REVIEW, FALSE },
  { "主要成绩", LUOSHI_SECTION_REVIEW, FALSE },
  { "工作成效", LUOSHI_SECTION_REVIEW, FALSE },
  { "工作情况", LUOSHI_SECTION_REVIEW, FALSE },
  { "开展情况", LUOSHI_SECTION_REVIEW, FALSE },
  { "完成情况", LUOSHI_SECTION_REVIEW, FALSE },
  { "进展", LUOSHI_SECTION_REVIEW, FALSE },
};

/* Cues further into a long heading belong to its body text. */
#define HEADING_CUE_WINDOW 60 /* bytes, about 20 characters */

LuoshiSectionKind
luoshi_outline_heading_kind (const char *title,
                             gboolean    in_plan)
{
  LuoshiSectionKind kind = LUOSHI_SECTION_OTHER;
  const char *best = NULL;
  gsize window;

  g_return_val_if_fail (title != NULL, LUOSHI_SECTION_OTHER);

  window = MIN (strlen (title), HEADING_CUE_WINDOW);
  for (gsize i = 0; i < G_N_ELEMENTS (heading_cues); i++)
    {
      const char *at;

      if (heading_cues[i].plan_only && !in_plan)
        continue;
      at = g_strstr_len (title, window, heading_cues[i].cue);
      /* The earliest cue wins: "存在问题和今后打算" is about problems. */
      if (at != NULL && (best == NULL || at < best))
        {
          best = at;
          kind = heading_cues[i].kind;
        }
    }
  return kind;
}
