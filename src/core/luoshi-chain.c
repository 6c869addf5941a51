/* luoshi-chain.c: which later review answers which plan
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-chain.h"
#include "luoshi-script.h"

#include <stdlib.h>
#include <string.h>

LuoshiChain *
luoshi_chain_new (LuoshiDocument *plan_doc,
                  guint           plan_report,
                  LuoshiDocument *review_doc,
                  guint           review_report)
{
  LuoshiChain *chain;

  g_return_val_if_fail (plan_doc != NULL, NULL);
  g_return_val_if_fail (review_doc != NULL, NULL);

  chain = g_new0 (LuoshiChain, 1);
  chain->plan_doc = luoshi_document_ref (plan_doc);
  chain->plan_report = plan_report;
  chain->review_doc = luoshi_document_ref (review_doc);
  chain->review_report = review_report;
  chain->confidence = 1.0;
  return chain;
}

void
luoshi_chain_free (LuoshiChain *chain)
{
  if (chain == NULL)
    return;
  g_clear_pointer (&chain->plan_doc, luoshi_document_unref);
  g_clear_pointer (&chain->review_doc, luoshi_document_unref);
  g_free (chain);
}

static LuoshiReport *
report_at (LuoshiDocument *doc,
           guint           report)
{
  if (doc == NULL || doc->reports == NULL || report >= doc->reports->len)
    return NULL;
  return g_ptr_array_index (doc->reports, report);
}

static LuoshiReportKind effective_kind (LuoshiDocument *doc,
                                        guint           report);

static gboolean
has_plan_part (LuoshiReportKind kind)
{
  return kind == LUOSHI_REPORT_PLAN || kind == LUOSHI_REPORT_REVIEW_PLAN;
}

static gboolean
has_review_part (LuoshiReportKind kind)
{
  return kind == LUOSHI_REPORT_REVIEW || kind == LUOSHI_REPORT_REVIEW_PLAN;
}

/* The first year of @pattern's group 1 in the report's text, 0 if none. */
static int
year_matching (const char *text,
               const char *pattern)
{
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;
  int year = 0;

  g_return_val_if_fail (re != NULL, 0);
  if (g_regex_match (re, text, 0, &info))
    {
      g_autofree char *y = g_match_info_fetch (info, 1);

      year = atoi (y);
    }
  return year;
}

/* Headings and phrases that name the reviewed and the planned year of a
 * report holding both (一、2016年工作回顾 … 二、2017年工作总体部署). */
#define REVIEW_YEAR_PATTERN \
  "((?:19|20)\\d\\d)年(?:上半年)?(?:工作)?(?:回顾|总结|情况)|刚刚过去的((?:19|20)\\d\\d)年|回顾((?:19|20)\\d\\d)年"
#define PLAN_YEAR_PATTERN \
  "((?:19|20)\\d\\d)年(?:经济社会发展|教育|全市|全县|全区|全省)?(?:工作)?(?:要点|安排|计划|思路|总体部署|总体要求|重点工作|主要任务|工作任务|目标任务)"

static int
first_group_year (const char *text,
                  const char *pattern)
{
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) info = NULL;

  g_return_val_if_fail (re != NULL, 0);
  if (!g_regex_match (re, text, 0, &info))
    return 0;
  for (int g = 1; g < g_match_info_get_match_count (info); g++)
    {
      g_autofree char *y = g_match_info_fetch (info, g);

      if (y != NULL && *y)
        return atoi (y);
    }
  return 0;
}

/* A year leading the file name (2017_国务院政府工作报告.txt). */
static int
name_year (LuoshiDocument *doc)
{
  if (doc->name == NULL)
    return 0;
  return year_matching (doc->name, "^((?:19|20)\\d\\d)(?!\\d)");
}

/* The report's own year, or the file name's when the text hides it. */
static int
report_year (LuoshiDocument *doc,
             LuoshiReport   *r)
{
  if (r->year > 0)
    return r->year;
  /* A file name's year only speaks for a file holding one report. */
  if (doc->reports->len == 1)
    return name_year (doc);
  return 0;
}

/* For a review+plan report: [reviewed year, planned year]. */
static void
review_plan_years (LuoshiDocument *doc,
                   guint           report,
                   int            *review,
                   int            *plan)
{
  LuoshiReport *r = report_at (doc, report);
  g_autofree char *text = luoshi_document_slice_simplified (doc, r->start, r->end);
  int ry = first_group_year (text, REVIEW_YEAR_PATTERN);
  int py = first_group_year (text, PLAN_YEAR_PATTERN);
  int y = report_year (doc, r);

  if (ry > 0 && py > 0 && py > ry)
    {
      *review = ry;
      *plan = py;
    }
  else if (ry > 0)
    {
      *review = ry;
      *plan = ry + 1;
    }
  else if (py > 0)
    {
      *review = py - 1;
      *plan = py;
    }
  else if (y > 0)
    {
      /* A title like 2016年工作总结 names the reviewed year; a work
       * report read early in the year (2017年政府工作报告) the planned. */
      gboolean names_review = r->title && (strstr (r->title, "总结") || strstr (r->title, "回顾"));

      *review = names_review ? y : y - 1;
      *plan = names_review ? y + 1 : y;
    }
  else
    *review = *plan = 0;
}

int
luoshi_chain_plan_year (LuoshiDocument *doc,
                        guint           report)
{
  LuoshiReport *r = report_at (doc, report);
  LuoshiReportKind kind;
  int review, plan;

  g_return_val_if_fail (r != NULL, 0);

  kind = effective_kind (doc, report);
  if (kind == LUOSHI_REPORT_PLAN)
    return report_year (doc, r);
  if (kind != LUOSHI_REPORT_REVIEW_PLAN)
    return 0;
  review_plan_years (doc, report, &review, &plan);
  return plan;
}

int
luoshi_chain_review_year (LuoshiDocument *doc,
                          guint           report,
                          int            *half)
{
  LuoshiReport *r = report_at (doc, report);
  LuoshiReportKind kind;
  int review, plan;

  if (half)
    *half = 0;
  g_return_val_if_fail (r != NULL, 0);

  kind = effective_kind (doc, report);
  if (kind == LUOSHI_REPORT_REVIEW)
    {
      if (half)
        *half = r->half;
      return report_year (doc, r);
    }
  if (kind != LUOSHI_REPORT_REVIEW_PLAN)
    return 0;
  review_plan_years (doc, report, &review, &plan);
  return review;
}

/* A top-level heading opening the plan part: 二、2018年经济社会发展总体要求,
 * 二、今年工作安排, 三、明年工作思路. */
static gboolean
is_plan_heading (const char *line)
{
  static GRegex *re = NULL;

  if (g_once_init_enter (&re))
    {
      GRegex *r = g_regex_new ("^\\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)"
                               ".{0,30}(?:(?:19|20)\\d\\d年|今年|明年|下一步|下半年|新的一年)"
                               ".{0,30}(?:要点|安排|计划|思路|部署|要求|任务|打算|目标|重点)",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&re, r);
    }
  /* 二、2011年重点工作完成情况 reports on the year, it does not plan it */
  if (strstr (line, "完成") || strstr (line, "情况") || strstr (line, "回顾")
      || strstr (line, "总结") || strstr (line, "成效") || strstr (line, "成绩")
      || strstr (line, "进展") || strstr (line, "问题"))
    return FALSE;
  return g_regex_match (re, line, 0, NULL);
}

/* The first heading of the report's plan part, from the segmenter's
 * sections or else the headings themselves; @r->end when there is none. */
static guint
find_plan_heading (LuoshiDocument *doc,
                   guint           report)
{
  LuoshiReport *r = report_at (doc, report);
  guint pos;

  for (guint i = 0; doc->sections && i < doc->sections->len; i++)
    {
      LuoshiSection *s = g_ptr_array_index (doc->sections, i);

      if (s->report == report && s->kind == LUOSHI_SECTION_PLAN && s->start > r->start)
        return s->start;
    }

  pos = r->start;
  while (pos < r->end)
    {
      const char *p = luoshi_document_simplified_at (doc, pos);
      const char *nl = strchr (p, '\n');
      guint len = nl ? (guint) g_utf8_strlen (p, nl - p) : r->end - pos;

      if (len > 0 && len < 60)
        {
          g_autofree char *line = luoshi_document_slice_simplified (doc, pos, pos + len);

          if (pos > r->start && is_plan_heading (line))
            return pos;
        }
      pos += len + 1;
    }
  return r->end;
}

/* The report's kind, reading a review followed by a heading of the coming
 * year's work (二、2018年经济社会发展总体要求) as a review and a plan. */
static LuoshiReportKind
effective_kind (LuoshiDocument *doc,
                guint           report)
{
  LuoshiReport *r = report_at (doc, report);

  if (r->kind == LUOSHI_REPORT_REVIEW && find_plan_heading (doc, report) < r->end)
    return LUOSHI_REPORT_REVIEW_PLAN;
  return r->kind;
}

guint
luoshi_chain_plan_start (LuoshiDocument *doc,
                         guint           report)
{
  LuoshiReport *r = report_at (doc, report);
  LuoshiReportKind kind;

  g_return_val_if_fail (r != NULL, 0);

  kind = effective_kind (doc, report);
  if (kind == LUOSHI_REPORT_PLAN)
    return r->start;
  if (kind != LUOSHI_REPORT_REVIEW_PLAN)
    return r->end;
  return find_plan_heading (doc, report);
}

/* A report of some document, in listing order. */
typedef struct
{
  LuoshiDocument *doc;
  guint           report;
  guint           order;
  int             plan_year;
  int             review_year;
  int             half;
  LuoshiReportKind kind;
} Entry;

/* Whether two reports may come from one body: the same name (in either
 * script: 西湖區 is 西湖区), or a name unknown on either side. */
static gboolean
same_body_or_unknown (LuoshiReport *a,
                      LuoshiReport *b,
                      gboolean     *same)
{
  g_autofree char *sa = NULL;
  g_autofree char *sb = NULL;

  *same = FALSE;
  if (a->org == NULL || b->org == NULL || *a->org == '\0' || *b->org == '\0')
    return TRUE;
  sa = luoshi_script_simplify (a->org, -1);
  sb = luoshi_script_simplify (b->org, -1);
  *same = g_strcmp0 (sa, sb) == 0;
  return *same;
}

/* Whether some report of @entries plans @year for the body of @review
 * (or for an unknown body). */
static gboolean
has_plan_of_year (GArray       *entries,
                  int           year,
                  LuoshiReport *review)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = &g_array_index (entries, Entry, i);
      LuoshiReport *r = report_at (e->doc, e->report);
      gboolean same;

      if (has_plan_part (e->kind) && e->plan_year == year && same_body_or_unknown (r, review, &same))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
luoshi_chain_propose (GPtrArray *documents)
{
  GPtrArray *chains = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_chain_free);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_return_val_if_fail (documents != NULL, chains);

  for (guint d = 0; d < documents->len; d++)
    {
      LuoshiDocument *doc = g_ptr_array_index (documents, d);

      for (guint i = 0; doc->reports && i < doc->reports->len; i++)
        {
          Entry e = { doc, i, entries->len, 0, 0, 0, effective_kind (doc, i) };

          e.plan_year = luoshi_chain_plan_year (doc, i);
          e.review_year = luoshi_chain_review_year (doc, i, &e.half);
          g_array_append_val (entries, e);
        }
    }

  for (guint p = 0; p < entries->len; p++)
    {
      Entry *plan = &g_array_index (entries, Entry, p);
      LuoshiReport *pr = report_at (plan->doc, plan->report);
      Entry *best = NULL;
      double best_score = 0;

      if (!has_plan_part (plan->kind))
        continue;

      for (guint q = 0; q < entries->len; q++)
        {
          Entry *rev = &g_array_index (entries, Entry, q);
          LuoshiReport *rr = report_at (rev->doc, rev->report);
          gboolean same_body;
          double score;

          if (q == p || !has_review_part (rev->kind))
            continue;
          if (!same_body_or_unknown (pr, rr, &same_body))
            continue;

          if (plan->plan_year > 0 && rev->review_year > 0 && rev->review_year == plan->plan_year)
            /* a full-year review answers a plan better than a half */
            score = rev->half == 0 ? 3 : 1.5 + (rev->half == 2 ? 0.5 : 0);
          else if (plan->plan_year > 0 && rev->review_year == plan->plan_year + 1
                   && rev->kind == LUOSHI_REPORT_REVIEW && rev->half == 0
                   && !has_plan_of_year (entries, rev->review_year, rr))
            /* A review dated the next year (2024年工作总结 after 2023年工作
             * 要点) when nothing reviews the plan's own year and no plan of
             * that next year claims it: written early in the year about
             * the last one. */
            score = 0.5;
          else if (plan->plan_year > 0 && rev->review_year > 0)
            continue;
          else if (plan->plan_year == 0 && rev->review_year == 0 && q > p)
            /* unknown years: the next review after the plan, nearer better */
            score = 1.0 / (q - p);
          else
            continue;
          if (same_body)
            score += 2;
          if (score > best_score)
            {
              best_score = score;
              best = rev;
            }
        }

      if (best != NULL)
        {
          LuoshiChain *chain = luoshi_chain_new (plan->doc, plan->report, best->doc, best->report);

          chain->year = plan->plan_year;
          chain->confidence = plan->plan_year > 0
            ? (best_score >= 5 ? 1.0 : best_score >= 3 ? 0.8 : 0.6)
            : 0.4;
          g_ptr_array_add (chains, chain);
        }
    }
  return chains;
}
