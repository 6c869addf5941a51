/* luoshi-track.c: for each goal of a plan, evidence and a suggested verdict
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-track.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "luoshi-chain.h"
#include "luoshi-metric.h"
#include "luoshi-retrieval.h"
#include "luoshi-script.h"

/* Candidates taken from the index before boosting, and passed on to the
 * verdict after it. */
#define SEARCH_HITS   40
#define JUDGED_HITS   12
#define CLAUSE_HITS   8

#define ZERO_WIDTH_SPACE 0x200B

/* One sentence of the review. */
typedef struct
{
  guint      start;       /* code points into the review's text */
  guint      end;
  char      *text;        /* simplified; line breaks inside made U+200B */
  int        section;     /* innermost section of the document, -1 */
  gboolean   multi_year;
  gboolean   next_plan;
  GPtrArray *metrics;     /* parsed on first use */
} Sentence;

static void
sentence_clear (gpointer data)
{
  Sentence *s = data;

  g_free (s->text);
  g_clear_pointer (&s->metrics, g_ptr_array_unref);
}

/* ---------------------------------------------------------------------- */
/* Splitting the review                                                     */

static gboolean
is_sentence_end (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B /* ； */
      || c == '!' || c == '?' || c == ';';
}

static gboolean
is_closing (gunichar c)
{
  return c == 0x201D /* ” */ || c == 0x2019 || c == 0xFF09 /* ） */ || c == ')'
      || c == 0x300D || c == 0x300F || c == 0x300B /* 》 */;
}

static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == ZERO_WIDTH_SPACE
      || c == 0xFEFF || c == 0x00A0;
}

static gboolean
is_heading_start (const gunichar *u,
                  guint           lo,
                  guint           hi)
{
  static const char numerals[] = "一二三四五六七八九十";

  if (lo >= hi)
    return FALSE;
  if (u[lo] == 0xFF08 || u[lo] == '(' || u[lo] == 0x7B2C /* 第 */)
    return TRUE;
  if (g_unichar_isdigit (u[lo]))
    return TRUE;
  for (const char *p = numerals; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == u[lo])
      return TRUE;
  return FALSE;
}

/* Whether the line break at @i continues the sentence: web copies break
 * lines inside sentences (新建\n高速铁路\n投产里程…, 细颗粒物（PM\n2.5\n）). */
static gboolean
joins_next_line (const gunichar *u,
                 guint           n,
                 guint           sent_lo,
                 guint           line_lo,
                 guint           i)
{
  guint j = i + 1;
  int open = 0;
  guint line_len = 0;
  gunichar next;

  while (j < n && is_blank (u[j]))
    j++;
  if (j >= n || u[j] == '\n')
    return FALSE;
  next = u[j];

  for (guint k = sent_lo; k < i; k++)
    {
      if (u[k] == 0xFF08 || u[k] == '(')
        open++;
      else if ((u[k] == 0xFF09 || u[k] == ')') && open > 0)
        open--;
    }
  if (open > 0)
    return TRUE;
  if (next == 0xFF09 || next == ')' || next == 0xFF0C || next == 0x3001 || next == '%'
      || (next < 0x80 && g_ascii_isalnum (next)))
    return TRUE;
  for (guint k = line_lo; k < i; k++)
    if (!is_blank (u[k]))
      line_len++;
  /* A short line that is no heading is a fragment of a sentence. */
  while (line_lo < i && is_blank (u[line_lo]))
    line_lo++;
  return line_len > 0 && line_len <= 8 && !is_heading_start (u, line_lo, i)
      && !(i > 0 && (u[i - 1] == 0xFF1A || u[i - 1] == ':'));
}

static guint
count_han (const gunichar *u,
           guint           lo,
           guint           hi)
{
  guint n = 0;

  for (guint k = lo; k < hi; k++)
    n += g_unichar_type (u[k]) == G_UNICODE_OTHER_LETTER;
  return n;
}

static gboolean
has_single_year_cue (const char *text)
{
  static const char * const cues[] = { "刚刚过去的", "过去一年", "一年来", "去年", NULL };

  for (guint k = 0; cues[k]; k++)
    if (strstr (text, cues[k]))
      return TRUE;
  return FALSE;
}

static gboolean
is_year_on_year (const char *text)
{
  return strstr (text, "比去年") || strstr (text, "比上年") || strstr (text, "较上年")
      || strstr (text, "较去年");
}

/* Innermost section of @doc holding @pos, -1 if none. */
static int
section_at (LuoshiDocument *doc,
            guint           pos)
{
  int best = -1;

  for (guint i = 0; doc->sections && i < doc->sections->len; i++)
    {
      LuoshiSection *s = g_ptr_array_index (doc->sections, i);

      if (s->start <= pos && pos < s->end)
        {
          if (best < 0 || s->depth >= ((LuoshiSection *) g_ptr_array_index (doc->sections, best))->depth)
            best = (int) i;
        }
      else if (s->start > pos)
        break;
    }
  return best;
}

typedef struct
{
  LuoshiDocument *doc;
  guint           base;        /* the report's start */
  guint           plan_start;
  const gunichar *u;
  GArray         *out;         /* of Sentence */
  gboolean        para_multi;
  gboolean        para_single;
  gboolean        section_multi;
} Splitter;

static void
emit (Splitter *sp,
      guint     lo,
      guint     hi,
      gboolean  line_start)
{
  Sentence s = { 0 };
  g_autofree gunichar *copy = NULL;
  gboolean heading;

  while (lo < hi && (is_blank (sp->u[lo]) || sp->u[lo] == '\n'))
    lo++;
  while (hi > lo && (is_blank (sp->u[hi - 1]) || sp->u[hi - 1] == '\n'))
    hi--;
  if (count_han (sp->u, lo, hi) < 4)
    return;

  copy = g_memdup2 (sp->u + lo, (hi - lo) * sizeof (gunichar));
  for (guint k = 0; k < hi - lo; k++)
    if (copy[k] == '\n' || copy[k] == '\r')
      copy[k] = ZERO_WIDTH_SPACE;
  s.text = g_ucs4_to_utf8 (copy, hi - lo, NULL, NULL, NULL);
  if (s.text == NULL)
    return;
  s.start = sp->base + lo;
  s.end = sp->base + hi;

  /* A top heading about several years (一、过去五年工作回顾) makes its
   * figures multi-year unless a paragraph speaks of the last year. */
  heading = line_start && hi - lo < 40 && is_heading_start (sp->u, lo, hi)
            && !is_sentence_end (sp->u[hi - 1]);
  if (heading && lo < hi && sp->u[lo] != 0xFF08 && sp->u[lo] != '(')
    sp->section_multi = luoshi_verdict_is_multi_year (s.text) || strstr (s.text, "五年") != NULL;

  /* A paragraph opening on the last year (刚刚过去的2017年) keeps its
   * figures to that year unless a sentence itself sums several. */
  sp->para_multi |= luoshi_verdict_is_multi_year (s.text);
  sp->para_single |= has_single_year_cue (s.text);
  s.multi_year = luoshi_verdict_is_multi_year (s.text)
                 || (!sp->para_single && (sp->para_multi || sp->section_multi));
  s.next_plan = s.start >= sp->plan_start;
  if (s.next_plan && !is_year_on_year (s.text))
    {
      g_free (s.text);
      return;
    }
  s.section = section_at (sp->doc, s.start);
  g_array_append_val (sp->out, s);
}

/* The review's sentences: the whole report, sentences of its plan part
 * only when they compare with last year. */
static GArray *
split_review (LuoshiDocument *doc,
              guint           report)
{
  LuoshiReport *r = g_ptr_array_index (doc->reports, report);
  g_autofree char *text = luoshi_document_slice_simplified (doc, r->start, r->end);
  g_autofree gunichar *u = NULL;
  glong n = 0;
  Splitter sp = { 0 };
  guint sent_lo = 0, line_lo = 0;
  gboolean sent_at_line_start = TRUE;

  u = g_utf8_to_ucs4_fast (text, -1, &n);
  sp.doc = doc;
  sp.base = r->start;
  sp.plan_start = luoshi_chain_plan_start (doc, report);
  sp.u = u;
  sp.out = g_array_new (FALSE, TRUE, sizeof (Sentence));
  g_array_set_clear_func (sp.out, sentence_clear);

  for (guint i = 0; i < (guint) n; i++)
    {
      gunichar c = u[i];

      if (is_sentence_end (c))
        {
          guint end = i + 1;

          while (end < (guint) n && is_closing (u[end]))
            end++;
          emit (&sp, sent_lo, end, sent_at_line_start);
          sent_lo = end;
          sent_at_line_start = FALSE;
          i = end - 1;
        }
      else if (c == '\n')
        {
          gboolean empty = TRUE;

          for (guint k = sent_lo; k < i && empty; k++)
            empty = is_blank (u[k]) || u[k] == '\n';
          if (empty)
            {
              /* a sentence ended the line, or the line was blank */
              sp.para_multi = sp.para_single = FALSE;
              sent_lo = i + 1;
              sent_at_line_start = TRUE;
            }
          else if (!joins_next_line (u, (guint) n, sent_lo, line_lo, i))
            {
              emit (&sp, sent_lo, i, sent_at_line_start);
              sp.para_multi = sp.para_single = FALSE;
              sent_lo = i + 1;
              sent_at_line_start = TRUE;
            }
          line_lo = i + 1;
        }
    }
  emit (&sp, sent_lo, (guint) n, sent_at_line_start);
  return sp.out;
}

/* ---------------------------------------------------------------------- */
/* Boosts                                                                   */

/* Names quoted in @text (《…》, “…”), 2–30 characters. */
static GPtrArray *
quoted_names (const char *text)
{
  static GRegex *re = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GMatchInfo) info = NULL;

  if (g_once_init_enter (&re))
    {
      GRegex *r = g_regex_new ("《([^》]{2,30})》|“([^”]{2,30})”", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&re, r);
    }
  g_regex_match (re, text, 0, &info);
  while (g_match_info_matches (info))
    {
      g_autofree char *a = g_match_info_fetch (info, 1);
      g_autofree char *b = g_match_info_fetch (info, 2);

      g_ptr_array_add (names, g_strdup (a && *a ? a : b));
      g_match_info_next (info, NULL);
    }
  return names;
}

/* Share of the Han bigrams of @a found in @b. */
static double
bigram_share (const char *a,
              const char *b)
{
  guint total = 0, shared = 0;
  gunichar prev = 0;

  for (const char *p = a; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_OTHER_LETTER)
        {
          prev = 0;
          continue;
        }
      if (prev)
        {
          char pair[13];
          int len = g_unichar_to_utf8 (prev, pair);

          len += g_unichar_to_utf8 (c, pair + len);
          pair[len] = '\0';
          total++;
          shared += strstr (b, pair) != NULL;
        }
      prev = c;
    }
  return total ? (double) shared / total : 0.0;
}

typedef struct
{
  guint  sentence;
  double score;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return x->sentence < y->sentence ? -1 : x->sentence > y->sentence;
}

/* ---------------------------------------------------------------------- */
/* Goals                                                                    */

static char *
goal_text (LuoshiDocument *doc,
           LuoshiItem     *item)
{
  char *text;

  if (item->edited || item->user_origin)
    text = luoshi_script_simplify (item->text, -1);
  else
    text = luoshi_document_slice_simplified (doc, item->start, item->end);
  /* keep one clause across a line break, as in the review's sentences */
  for (char *p = text; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  return text;
}

/* Whether the goal is one of the plan's main targets: its paragraph or
 * its section says 主要目标 / 预期目标. */
static gboolean
is_main_target (LuoshiDocument *doc,
                LuoshiItem     *item)
{
  static const char * const words[] = { "主要预期目标", "主要目标", "预期目标", "主要指标", NULL };
  guint lo = item->start > 400 ? item->start - 400 : 0;
  g_autofree char *before = luoshi_document_slice_simplified (doc, lo, item->end);
  const char *para = before;
  int section;

  /* only the goal's own paragraph: from the last blank line or 。\n */
  for (const char *p = before; *p; p++)
    if (p[0] == '\n' && (p[1] == '\n' || p[1] == '\r'))
      para = p + 1;
  for (guint k = 0; words[k]; k++)
    if (strstr (para, words[k]))
      return TRUE;

  for (section = section_at (doc, item->start); section >= 0;)
    {
      LuoshiSection *s = g_ptr_array_index (doc->sections, section);

      if (s->title && strstr (s->title, "目标"))
        return TRUE;
      section = s->parent;
    }
  return FALSE;
}

static const char *
section_title (LuoshiDocument *doc,
               int             section)
{
  if (section < 0 || doc->sections == NULL || (guint) section >= doc->sections->len)
    return NULL;
  return ((LuoshiSection *) g_ptr_array_index (doc->sections, section))->title;
}

static void
add_evidence (LuoshiItem     *item,
              LuoshiDocument *review_doc,
              guint           start,
              guint           end,
              double          score)
{
  g_autofree char *text = luoshi_document_slice (review_doc, start, end);

  for (guint i = 0; i < item->evidence->len; i++)
    {
      LuoshiEvidence *ev = g_ptr_array_index (item->evidence, i);

      if (ev->start < end && start < ev->end)
        return;
    }
  luoshi_item_add_evidence (item, review_doc->name, start, end, score, text);
}

typedef struct
{
  LuoshiDocument           *review_doc;
  GArray                   *sentences;
  LuoshiRetrieval          *index;
  int                       blanket;     /* sentence index, -1 */
  const LuoshiVerdictRules *rules;
} Review;

/* Adds the hits of @query to @best (sentence → relevance), relevance
 * being the boosted score over @query's own score, keeping the highest. */
static void
rank_query (Review         *rv,
            const char     *query,
            guint           max_hits,
            GPtrArray      *names,
            GPtrArray      *goal_metrics,
            const char     *goal_section,
            GHashTable     *best)
{
  g_autoptr(GArray) hits = luoshi_retrieval_search (rv->index, query, max_hits);
  double self_score = luoshi_retrieval_self_score (rv->index, query);

  if (self_score <= 0)
    return;
  for (guint i = 0; i < hits->len; i++)
    {
      LuoshiRetrievalHit *hit = &g_array_index (hits, LuoshiRetrievalHit, i);
      Sentence *s = &g_array_index (rv->sentences, Sentence, hit->index);
      double score = hit->score;
      const char *title;
      gpointer old;

      /* A quoted name (《义务教育法》, “双减”) names one thing exactly. */
      for (guint k = 0; k < names->len; k++)
        if (strstr (s->text, g_ptr_array_index (names, k)))
          score *= 1.3;
      /* So does the subject of a figure (入园率, 新增就业). */
      for (guint k = 0; k < goal_metrics->len; k++)
        {
          LuoshiMetric *m = g_ptr_array_index (goal_metrics, k);

          if (m->subject && g_utf8_strlen (m->subject, -1) >= 2 && strstr (s->text, m->subject))
            {
              score *= 1.2;
              break;
            }
        }
      title = section_title (rv->review_doc, s->section);
      if (goal_section && title && bigram_share (goal_section, title) >= 0.3)
        score *= 1.1;

      score /= self_score;
      old = g_hash_table_lookup (best, GUINT_TO_POINTER (hit->index + 1));
      if (old == NULL || *(double *) old < score)
        {
          double *v = g_new (double, 1);

          *v = score;
          g_hash_table_insert (best, GUINT_TO_POINTER (hit->index + 1), v);
        }
    }
}

static void
track_goal (Review         *rv,
            LuoshiDocument *plan_doc,
            LuoshiItem     *item)
{
  g_autofree char *goal = goal_text (plan_doc, item);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  g_autoptr(GPtrArray) names = quoted_names (goal);
  g_autoptr(GPtrArray) goal_metrics = luoshi_metric_parse (goal);
  g_autoptr(LuoshiVerdict) verdict = NULL;
  g_autoptr(GHashTable) best = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_auto(GStrv) clauses = g_regex_split_simple ("[，,；;：:]", goal, 0, 0);
  LuoshiOutcome outcomes[JUDGED_HITS];
  guint n_outcomes;
  const char *goal_section;
  const char *blanket = NULL;
  GHashTableIter iter;
  gpointer key, value;

  goal_section = section_title (plan_doc, section_at (plan_doc, item->start));

  /* The whole goal, and each of its clauses: a long goal of several
   * targets is answered clause by clause. */
  rank_query (rv, goal, SEARCH_HITS, names, goal_metrics, goal_section, best);
  if (g_strv_length (clauses) > 1)
    for (guint k = 0; clauses[k]; k++)
      if (g_utf8_strlen (clauses[k], -1) >= 4)
        rank_query (rv, clauses[k], CLAUSE_HITS, names, goal_metrics, goal_section, best);

  g_hash_table_iter_init (&iter, best);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Ranked r = { GPOINTER_TO_UINT (key) - 1, *(double *) value };

      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  n_outcomes = MIN (ranked->len, JUDGED_HITS);
  for (guint i = 0; i < n_outcomes; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      Sentence *s = &g_array_index (rv->sentences, Sentence, r->sentence);

      if (s->metrics == NULL)
        s->metrics = luoshi_metric_parse (s->text);
      outcomes[i].text = s->text;
      outcomes[i].relevance = r->score;
      outcomes[i].multi_year = s->multi_year;
      outcomes[i].next_plan = s->next_plan;
      outcomes[i].metrics = s->metrics;
    }
  if (rv->blanket >= 0)
    blanket = g_array_index (rv->sentences, Sentence, rv->blanket).text;

  verdict = luoshi_verdict_judge (goal, is_main_target (plan_doc, item),
                                  outcomes, n_outcomes, blanket, rv->rules);

  if (!item->status_by_user)
    {
      item->status = verdict->status;
      luoshi_item_set_status_reason (item, verdict->reason);
    }

  g_ptr_array_set_size (item->evidence, 0);
  if (verdict->status == LUOSHI_STATUS_NO_EVIDENCE || verdict->status == LUOSHI_STATUS_UNRATED)
    return;

  if (verdict->outcome >= 0)
    {
      Ranked *r = &g_array_index (ranked, Ranked, verdict->outcome);
      Sentence *s = &g_array_index (rv->sentences, Sentence, r->sentence);
      guint start = s->start, end = s->end;

      if (verdict->end > verdict->start)
        {
          start = s->start + verdict->start;
          end = MIN (s->start + verdict->end, s->end);
        }
      add_evidence (item, rv->review_doc, start, end, outcomes[verdict->outcome].relevance);
    }
  else if (verdict->status == LUOSHI_STATUS_MET && rv->blanket >= 0)
    {
      Sentence *s = &g_array_index (rv->sentences, Sentence, rv->blanket);

      add_evidence (item, rv->review_doc, s->start, s->end, 0);
    }

  for (guint i = 0; i < n_outcomes && item->evidence->len < LUOSHI_TRACK_MAX_EVIDENCE; i++)
    {
      Ranked *r = &g_array_index (ranked, Ranked, i);
      Sentence *s = &g_array_index (rv->sentences, Sentence, r->sentence);

      /* related passages: a third of the bar for deciding */
      if (outcomes[i].relevance < rv->rules->min_relevance / 3 || s->next_plan)
        continue;
      add_evidence (item, rv->review_doc, s->start, s->end, outcomes[i].relevance);
    }
}

guint
luoshi_track (LuoshiDocument           *plan_doc,
              guint                     plan_report,
              LuoshiDocument           *review_doc,
              guint                     review_report,
              const LuoshiVerdictRules *rules)
{
  LuoshiVerdictRules defaults;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(LuoshiRetrieval) index = NULL;
  Review rv = { 0 };
  guint n_goals = 0;
  LuoshiReport *plan_r;
  guint plan_start;

  g_return_val_if_fail (plan_doc != NULL, 0);
  g_return_val_if_fail (review_doc != NULL, 0);
  g_return_val_if_fail (plan_report < plan_doc->reports->len, 0);
  g_return_val_if_fail (review_report < review_doc->reports->len, 0);

  if (rules == NULL)
    {
      luoshi_verdict_rules_init_default (&defaults);
      rules = &defaults;
    }

  sentences = split_review (review_doc, review_report);
  index = luoshi_retrieval_new ();
  for (guint i = 0; i < sentences->len; i++)
    luoshi_retrieval_add (index, g_array_index (sentences, Sentence, i).text, -1);
  luoshi_retrieval_build (index);

  rv.review_doc = review_doc;
  rv.sentences = sentences;
  rv.index = index;
  rv.rules = rules;
  rv.blanket = -1;
  for (guint i = 0; i < sentences->len && rv.blanket < 0; i++)
    {
      Sentence *s = &g_array_index (sentences, Sentence, i);

      if (!s->next_plan && luoshi_verdict_is_blanket (s->text))
        rv.blanket = (int) i;
    }

  /* In a report holding a review and a plan, the goals are the plan's;
   * where no plan part is found, every goal counts. */
  plan_r = g_ptr_array_index (plan_doc->reports, plan_report);
  plan_start = luoshi_chain_plan_start (plan_doc, plan_report);
  if (plan_start >= plan_r->end)
    plan_start = plan_r->start;

  for (guint i = 0; i < plan_doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (plan_doc->items, i);

      if (item->kind != LUOSHI_ITEM_GOAL || item->report_index != plan_report
          || item->end <= plan_start)
        continue;
      track_goal (&rv, plan_doc, item);
      n_goals++;
    }
  return n_goals;
}

/* @text cut to @max code points, on one line. */
static char *
cell (const char *text,
      guint       max)
{
  g_autofree char *flat = g_strdup (text ? text : "");
  glong len;

  for (char *p = flat; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  len = g_utf8_strlen (flat, -1);
  if ((guint) len <= max)
    return g_steal_pointer (&flat);
  {
    g_autofree char *head = g_utf8_substring (flat, 0, max - 1);

    return g_strconcat (head, "…", NULL);
  }
}

char *
luoshi_track_format_table (LuoshiDocument *plan_doc,
                           guint           plan_report)
{
  GString *out;
  guint n = 0;

  g_return_val_if_fail (plan_doc != NULL, NULL);

  out = g_string_new (NULL);
  /* TRANSLATORS: column headings of `luoshi-cli track`, tab-separated */
  g_string_append_printf (out, "%s\t%s\t%s\t%s\t%s\n",
                          _("No."), _("Status"), _("Goal"), _("Evidence"), _("Reason"));
  for (guint i = 0; i < plan_doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (plan_doc->items, i);
      g_autofree char *goal = NULL;
      g_autofree char *evidence = NULL;
      g_autofree char *reason = NULL;

      if (item->kind != LUOSHI_ITEM_GOAL || item->report_index != plan_report)
        continue;
      goal = cell (item->text, 40);
      evidence = cell (item->evidence->len > 0
                       ? ((LuoshiEvidence *) g_ptr_array_index (item->evidence, 0))->text : "", 40);
      reason = cell (item->status_reason, 200);
      g_string_append_printf (out, "%u\t%s\t%s\t%s\t%s\n", ++n,
                              luoshi_status_to_string (item->status), goal, evidence, reason);
    }
  return g_string_free (out, FALSE);
}
