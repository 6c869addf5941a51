/* luoshi-period.c: the period a report covers
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-period.h"

#include <string.h>

/* Dated events: what a report mentioning them is most likely about.
 * Dates from the public record (Xinhua chronologies). Kept small on
 * purpose: each entry must name one year, not a campaign of many. */
typedef struct
{
  const char *words[3];  /* any of these names the event */
  int         year;
} DatedEvent;

static const DatedEvent dated_events[] = {
  { { "汶川", NULL }, 2008 },                        /* Wenchuan earthquake, 2008-05-12 */
  { { "北京奥运", "奥运会", NULL }, 2008 },          /* Beijing Olympics, 2008-08 */
  { { "改革开放30周年", NULL }, 2008 },
  { { "建国60周年", NULL }, 2009 },
  { { "建党85周年", NULL }, 2006 },
  { { "建党90周年", NULL }, 2011 },
  { { "长征胜利70周年", NULL }, 2006 },
  { { "八荣八耻", NULL }, 2006 },                    /* 社会主义荣辱观, 2006-03 */
  { { "十六届六中全会", NULL }, 2006 },
  { { "十七届四中全会", NULL }, 2009 },
  { { "学习实践科学发展观", NULL }, 2009 },          /* second and third rounds, 2009 */
  { { "国家中长期教育改革和发展规划纲要", NULL }, 2010 }, /* issued 2010-07 */
  { { "八项规定", NULL }, 2013 },                    /* issued 2012-12, applied from 2013 */
  { { "群众路线教育实践活动", NULL }, 2013 },
  { { "两学一做", NULL }, 2016 },
};

typedef struct
{
  int      year;
  guint    offset;     /* code point in the report */
  guint    length;
  gboolean in_plan;
  gboolean two_digit;
  guint    weight;     /* a year in a heading counts more */
} Mention;

typedef struct
{
  LuoshiDocument *doc;
  LuoshiReport   *report;
  guint           index;
  gunichar       *t;      /* the report's simplified text */
  guint           n;
  GArray         *mentions;
  guint           next_section;  /* walk over the report's sections */
  int             current;
  guint           masks;
  char           *mask_example;
} Scan;

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19) /* fullwidth ０-９ */
    return c - 0xFF10;
  return -1;
}

static gboolean
is_mask_char (gunichar c)
{
  return c == 'x' || c == 'X' || c == 0x00D7 /* × */ || c == '*' || c == '_'
         || c == 0xFF3F /* ＿ */ || c == 0xFF0A /* ＊ */ || c == 0xFF58 || c == 0xFF38
         || c == 0xFF5E /* ～ */ || c == '~';
}

static gboolean
in_set (gunichar    c,
        const char *set)
{
  return c != 0 && g_utf8_strchr (set, -1, c) != NULL;
}

#define YEAR_CHAR 0x5E74 /* 年 */

static int
han_year_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: case 0x25CB: case 0x96F6: case 0x039F: case 0x004F: /* 〇 ○ 零, O look-alikes */
      return 0;
    case 0x4E00: return 1;
    case 0x4E8C: return 2;
    case 0x4E09: return 3;
    case 0x56DB: return 4;
    case 0x4E94: return 5;
    case 0x516D: return 6;
    case 0x4E03: return 7;
    case 0x516B: return 8;
    case 0x4E5D: return 9;
    default: return -1;
    }
}

static gboolean
is_range_char (gunichar c)
{
  return c == '-' || c == 0x2014 || c == 0x2013 || c == 0xFF5E || c == '~'
         || c == 0x81F3 /* 至 */ || c == 0x5230 /* 到 */ || c == 0xFF0D;
}

/* A year in Chinese numerals: "二〇一二年". */
static gboolean
han_year_at (const gunichar *t,
             guint           n,
             guint           i,
             int            *year,
             guint          *length)
{
  int value = 0;

  if (i + 4 >= n || t[i + 4] != YEAR_CHAR || (i > 0 && han_year_digit (t[i - 1]) >= 0))
    return FALSE;
  for (guint k = 0; k < 4; k++)
    {
      int d = han_year_digit (t[i + k]);

      if (d < 0)
        return FALSE;
      value = value * 10 + d;
    }
  if (value < 1980 || value > 2039)
    return FALSE;
  *year = value;
  *length = 5;
  return TRUE;
}

/* A year written as digits: "2008年", "07年", or (in titles) "桐梓2011工作总结". */
static gboolean
year_at (const gunichar *t,
         guint           n,
         guint           i,
         gboolean        in_title,
         int            *year,
         guint          *length)
{
  guint j = i;
  int value = 0;
  gunichar prev = i > 0 ? t[i - 1] : 0;
  gunichar next;

  if (han_year_at (t, n, i, year, length))
    return TRUE;
  if (digit_value (t[i]) < 0 || digit_value (prev) >= 0 || prev == '.' || is_mask_char (prev))
    return FALSE;
  while (j < n && digit_value (t[j]) >= 0 && j - i < 5)
    value = value * 10 + digit_value (t[j++]);
  next = j < n ? t[j] : 0;
  if (is_mask_char (next) || next == '.')
    return FALSE;
  /* "2012-2013学年", "2011至2015年": a span, not the report's year. */
  if (is_range_char (prev) || is_range_char (next)
      || (next == YEAR_CHAR && j + 1 < n && is_range_char (t[j + 1])))
    return FALSE;
  /* "比2011年增长", "自2004年以来": another year to compare with or start
   * from, not the one reported on. */
  if (in_set (prev, "比较自从")
      || (next == YEAR_CHAR && j + 1 < n
          && (t[j + 1] == 0x8D77 /* 起 */
              || (j + 2 < n && t[j + 1] == 0x4EE5 && t[j + 2] == 0x6765) /* 以来 */
              || (j + 2 < n && t[j + 1] == 0x5F00 && t[j + 2] == 0x59CB)))) /* 开始 */
    return FALSE;

  if (j - i == 4)
    {
      if (value < 1980 || value > 2039)
        return FALSE;
      if (next == YEAR_CHAR)
        {
          /* 80年代 is a decade, not a year. */
          if (j + 1 < n && t[j + 1] == 0x4EE3)
            return FALSE;
        }
      else if (!in_title || in_set (next, "届级万亿元人所名个项次期号"))
        return FALSE;
      *year = value;
      *length = j - i + (next == YEAR_CHAR);
      return TRUE;
    }
  if (j - i == 2 && next == YEAR_CHAR)
    {
      gunichar after = j + 1 < n ? t[j + 1] : 0;

      /* "近10年", "10年来" are spans of time. */
      if (in_set (prev, "近了这几每第约") || in_set (after, "来代间内前后里多以的时"))
        return FALSE;
      if (value <= 30)
        *year = 2000 + value;
      else if (value >= 90)
        *year = 1900 + value;
      else
        return FALSE;
      *length = 3;
      return TRUE;
    }
  return FALSE;
}

/* Masked years: 20xx年, 20__, **年, ～年, _年, and a bare 年 where a
 * year should stand ("年我区共完成…", "于年顺利投入使用"). */
static guint
mask_at (const gunichar *t,
         guint           n,
         guint           i)
{
  gunichar prev = i > 0 ? t[i - 1] : '\n';

  if (digit_value (t[i]) == 2 && i + 2 < n && digit_value (t[i + 1]) == 0
      && is_mask_char (t[i + 2]) && digit_value (prev) < 0)
    {
      guint j = i + 2;

      while (j < n && is_mask_char (t[j]))
        j++;
      return j - i;
    }
  if (t[i] == YEAR_CHAR && digit_value (prev) < 0)
    {
      gunichar next = i + 1 < n ? t[i + 1] : 0;

      if (is_mask_char (prev))
        return 1;
      if ((prev == '\n' || prev == '\r' || g_unichar_isspace (prev)
           || in_set (prev, "，。；、：在于至从自到是-—"))
          /* 年度 年初 年均 …: words, not a masked year */
          && !in_set (next, "度级龄限轻纪会终初底末中内来前后里代份月均薪检审报鉴货画华头间轮化产收增平"))
        return 1;
    }
  return 0;
}

/* Whether @offset lies in a plan part. Mentions come in text order, so
 * one walk over the report's sections (as for sentences) finds the
 * innermost section of each: linear in the report. */
static gboolean
offset_in_plan (Scan     *scan,
                guint     offset,
                gboolean *in_heading)
{
  GPtrArray *sections = scan->doc->sections;
  guint at = scan->report->start + offset;

  *in_heading = FALSE;
  if (sections == NULL)
    return scan->report->kind == LUOSHI_REPORT_PLAN;
  while (scan->next_section < sections->len)
    {
      LuoshiSection *s = g_ptr_array_index (sections, scan->next_section);

      if (s->report != scan->index || s->start > at)
        break;
      scan->current = (int) scan->next_section++;
    }
  while (scan->current >= 0)
    {
      LuoshiSection *s = g_ptr_array_index (sections, scan->current);

      if (at < s->end)
        {
          *in_heading = at >= s->start && at < s->heading_end;
          return s->kind == LUOSHI_SECTION_PLAN || scan->report->kind == LUOSHI_REPORT_PLAN;
        }
      scan->current = s->parent;
    }
  return scan->report->kind == LUOSHI_REPORT_PLAN;
}

/* Index of the first section of report @index (sections are in text
 * order, so their report indices never decrease). */
static guint
first_section_of (GPtrArray *sections,
                  guint      index)
{
  guint lo = 0, hi = sections ? sections->len : 0;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((LuoshiSection *) g_ptr_array_index (sections, mid))->report < index)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* "2013年，我们将…": a year the text looks ahead to, even outside a
 * plan part. Looks to the end of the sentence. */
static gboolean
looks_ahead (Scan  *scan,
             guint  from)
{
  static const char *const cues[] = {
    "将", "力争", "争取", "计划", "打算", "拟", "目标", "远景", NULL
  };

  for (guint i = from; i < scan->n && i < from + 40; i++)
    {
      gunichar c = scan->t[i];

      if (c == 0x3002 || c == 0xFF1B || c == '\n' || c == '\r' || c == 0xFF01)
        return FALSE;
      for (guint k = 0; cues[k]; k++)
        if (c == g_utf8_get_char (cues[k]))
          {
            const char *p = cues[k];
            guint j = i;

            for (; *p && j < scan->n && scan->t[j] == g_utf8_get_char (p); p = g_utf8_next_char (p))
              j++;
            if (*p == '\0')
              return TRUE;
          }
    }
  return FALSE;
}

static void
scan_text (Scan *scan)
{
  for (guint i = 0; i < scan->n; i++)
    {
      Mention m = { 0, };
      guint mask;

      if (year_at (scan->t, scan->n, i, FALSE, &m.year, &m.length))
        {
          gboolean in_heading;

          m.offset = i;
          m.two_digit = m.length == 3;
          m.in_plan = offset_in_plan (scan, i, &in_heading) || looks_ahead (scan, i + m.length);
          m.weight = in_heading ? 3 : 1;
          g_array_append_val (scan->mentions, m);
          i += m.length - 1;
        }
      else if ((mask = mask_at (scan->t, scan->n, i)) > 0)
        {
          if (scan->mask_example == NULL)
            {
              /* Show the mask with its 年: "20xx年", "～年", or a bare "年". */
              guint from = i;
              guint to = i + mask;

              if (scan->t[i] == YEAR_CHAR && i > 0 && is_mask_char (scan->t[i - 1]))
                from = i - 1;
              if (scan->t[i] != YEAR_CHAR && to < scan->n && scan->t[to] == YEAR_CHAR)
                to++;
              scan->mask_example = g_ucs4_to_utf8 (scan->t + from, to - from, NULL, NULL, NULL);
            }
          scan->masks++;
          i += mask - 1;
        }
    }
}

static char *
mention_text (Scan          *scan,
              const Mention *m)
{
  return g_ucs4_to_utf8 (scan->t + m->offset, m->length, NULL, NULL, NULL);
}

/* The most frequent year among the mentions of the plan part
 * (@plan_part) or the rest, or of all (@any_part), perhaps only those
 * written with two digits; ties go to the later year; 0 if none. */
static int
top_year (Scan     *scan,
          gboolean  plan_part,
          gboolean  any_part,
          gboolean  two_digit_only,
          guint    *count,
          guint    *distinct,
          const Mention **example)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int best = 0;
  guint best_count = 0;

  *example = NULL;
  for (guint i = 0; i < scan->mentions->len; i++)
    {
      const Mention *m = &g_array_index (scan->mentions, Mention, i);
      guint c;

      if ((!any_part && m->in_plan != plan_part) || (two_digit_only && !m->two_digit))
        continue;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GINT_TO_POINTER (m->year))) + m->weight;
      g_hash_table_insert (counts, GINT_TO_POINTER (m->year), GUINT_TO_POINTER (c));
      if (c > best_count || (c == best_count && m->year > best))
        {
          best = m->year;
          best_count = c;
          *example = m;
        }
    }
  *count = best_count;
  *distinct = g_hash_table_size (counts);
  return best;
}

static void
set_period (LuoshiReport *report,
            int           year,
            int           half,
            double        confidence,
            char         *evidence)
{
  report->year = year;
  report->half = half;
  report->period_confidence = confidence;
  g_free (report->period_evidence);
  report->period_evidence = evidence;
}

static gboolean
from_title (Scan *scan)
{
  LuoshiReport *report = scan->report;
  glong n = 0;
  g_autofree gunichar *t = NULL;
  int first = 0, low = 0;
  int half = 0;

  if (report->title == NULL || report->title[0] == '\0')
    return FALSE;
  t = g_utf8_to_ucs4_fast (report->title, -1, &n);
  for (guint i = 0; i < (guint) n; i++)
    {
      int year;
      guint length;

      if (year_at (t, n, i, TRUE, &year, &length))
        {
          if (first == 0)
            first = year;
          if (low == 0 || year < low)
            low = year;
          i += length - 1;
        }
    }
  if (first == 0)
    return FALSE;
  if (strstr (report->title, "上半年"))
    half = 1;
  else if (strstr (report->title, "下半年"))
    half = 2;
  set_period (report, report->kind == LUOSHI_REPORT_PLAN ? first : low, half, 1.0,
              g_strdup (report->title));
  return TRUE;
}

/* Years from dated events named in @text; the best-supported year (ties
 * to the later), with how many different events support it. */
static int
from_events (const char *text,
             guint      *support,
             GString    *words)
{
  int years[G_N_ELEMENTS (dated_events)];
  guint n_years = 0;
  int best = 0;
  guint best_support = 0;

  for (guint i = 0; i < G_N_ELEMENTS (dated_events); i++)
    for (guint k = 0; dated_events[i].words[k] != NULL; k++)
      if (strstr (text, dated_events[i].words[k]))
        {
          years[n_years++] = dated_events[i].year;
          if (words->len > 0)
            g_string_append (words, "; ");
          g_string_append_printf (words, "%s (%d)", dated_events[i].words[k],
                                  dated_events[i].year);
          break;
        }
  for (guint i = 0; i < n_years; i++)
    {
      guint c = 0;

      for (guint k = 0; k < n_years; k++)
        c += years[k] == years[i];
      if (c > best_support || (c == best_support && years[i] > best))
        {
          best = years[i];
          best_support = c;
        }
    }
  *support = best_support;
  return best;
}

void
luoshi_period_detect (LuoshiDocument *doc,
                      LuoshiReport   *report)
{
  Scan scan = { 0, };
  g_autofree char *slice = NULL;
  g_autoptr(GString) events = g_string_new (NULL);
  glong n = 0;
  const Mention *example;
  guint count = 0, distinct = 0, support = 0;
  int year, event_year;
  gboolean masked;

  g_return_if_fail (doc != NULL);
  g_return_if_fail (report != NULL);

  set_period (report, 0, 0, 0.0, NULL);
  scan.doc = doc;
  scan.report = report;
  if (doc->reports == NULL || !g_ptr_array_find (doc->reports, report, &scan.index))
    g_return_if_reached ();

  if (from_title (&scan))
    return;

  scan.next_section = first_section_of (doc->sections, scan.index);
  scan.current = -1;

  slice = luoshi_document_slice_simplified (doc, report->start, report->end);
  scan.t = g_utf8_to_ucs4_fast (slice ? slice : "", -1, &n);
  scan.n = (guint) n;
  scan.mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  scan_text (&scan);

  /* Where years are masked, a four-digit year left standing may be a
   * stand-in ("超过2024年同期"): trust only the plan part and events. */
  {
    guint four_digit = 0;

    for (guint i = 0; i < scan.mentions->len; i++)
      four_digit += !g_array_index (scan.mentions, Mention, i).two_digit;
    /* Many real years and a stray 年 or two: not masked. */
    masked = (scan.masks >= 2 && scan.masks * 2 >= four_digit)
             || (scan.masks == 1 && scan.mentions->len == 0);
  }

  event_year = from_events (slice ? slice : "", &support, events);

  if (!masked && report->kind != LUOSHI_REPORT_PLAN
      && (year = top_year (&scan, FALSE, FALSE, FALSE, &count, &distinct, &example)) > 0)
    {
      g_autofree char *words = mention_text (&scan, example);

      set_period (report, year, 0, count >= 2 || distinct == 1 ? 0.9 : 0.7,
                  g_strdup_printf ("%s ×%u", words, count));
    }
  else if (!masked && report->kind == LUOSHI_REPORT_PLAN
           && (year = top_year (&scan, TRUE, TRUE, FALSE, &count, &distinct, &example)) > 0)
    {
      g_autofree char *words = mention_text (&scan, example);

      set_period (report, year, 0, count >= 2 || distinct == 1 ? 0.9 : 0.7,
                  g_strdup_printf ("%s ×%u", words, count));
    }
  else if ((year = top_year (&scan, TRUE, FALSE, masked, &count, &distinct, &example)) > 0
           && (report->kind == LUOSHI_REPORT_PLAN || report->kind == LUOSHI_REPORT_REVIEW_PLAN))
    {
      /* Written in the plan part: the plan's year; a review+plan report
       * reviews the year before. In a masked text only a two-digit year
       * ("07年") has escaped the mask for sure. */
      g_autofree char *words = mention_text (&scan, example);
      int period = report->kind == LUOSHI_REPORT_PLAN ? year : year - 1;
      double confidence = masked ? 0.6 : 0.7;

      if (event_year == period)
        confidence += 0.2;
      set_period (report, period, 0, confidence,
                  event_year == period
                  ? g_strdup_printf ("%s (plan part); %s", words, events->str)
                  : g_strdup_printf ("%s (plan part)", words));
    }
  else if (event_year > 0 && support >= 2)
    set_period (report, event_year, 0, 0.5, g_strdup (events->str));
  else if (masked)
    set_period (report, 0, 0, 0.0,
                g_strdup_printf ("masked year (%s)%s%s", scan.mask_example,
                                 events->len ? "; " : "", events->str));
  else if (events->len > 0)
    set_period (report, 0, 0, 0.0, g_strdup (events->str));

  /* "上半年工作总结" without a year in the title: the half still holds. */
  if (report->year > 0 && report->title != NULL)
    {
      if (strstr (report->title, "上半年"))
        report->half = 1;
      else if (strstr (report->title, "下半年"))
        report->half = 2;
    }

  g_free (scan.mask_example);
  g_array_unref (scan.mentions);
  g_free (scan.t);
}
