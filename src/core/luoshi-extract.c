/* luoshi-extract.c: find goals, achievements and problems
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Walks the segmented sentences of each report in order, works out the
 * part each one sits in (numbered sections, unnumbered part titles such
 * as 今后工作打算, and lists announced by a sentence ending in a colon),
 * and asks luoshi-classify for its label.
 *
 * One item per labelled sentence (a sentence ends at 。！？；or a line
 * break, so the clauses of 主要预期目标是：…；…；… become separate
 * items); a goal sentence naming several figures is cut between its
 * figure-bearing clauses, so each target is tracked on its own. An
 * item's span leaves out the outline marker, a lead-in such as
 * "主要预期目标是：" and the closing punctuation, so printed sheets and
 * verdicts quote only the commitment or the result itself.
 */

#include "luoshi-extract.h"

#include <string.h>

#include "luoshi-classify.h"
#include "luoshi-item.h"
#include "luoshi-metric.h"

/* Longest line, in code points, still read as a title when it has no
 * closing punctuation (教科研工作全面推进). */
#define TITLE_LINE_MAX 30

/* Walking state within one report. */
typedef struct
{
  guint              report;
  /* A part named by an unnumbered title (今后工作打算) or announced by a
   * sentence ending in a colon (下一步，我们将重点抓好以下工作：) lasts
   * until a heading at its own outline depth or above. */
  LuoshiSectionKind  line_kind;
  guint              line_kind_at;    /* where it was named */
  int                line_kind_depth; /* depth of the section it was named in, -1 at top */
  LuoshiLabel        run;
  guint              run_line;
  gboolean           seen_body;       /* a body sentence came after the title */
} Walk;

static gboolean
is_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1b ||
         c == '!' || c == '?' || c == ';' || c == '.' || c == 0xff0e;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x200b || c == 0xfeff;
}

static gboolean
is_loose_report (LuoshiDocument *doc,
                 guint           index)
{
  LuoshiReport *report;

  if (doc->reports == NULL || index >= doc->reports->len)
    return TRUE;
  report = g_ptr_array_index (doc->reports, index);
  return report->kind == LUOSHI_REPORT_OTHER || report->kind == LUOSHI_REPORT_SPEECH;
}

/* The effective kind of every section (what its title says, else the
 * segmenter's, else its parent's), where the heading that decided it
 * starts (an unnumbered part title written later, 今后工作打算,
 * overrides kinds that were only inherited or guessed from the report),
 * and whether it lies under 指导思想. */
static void
section_kinds (LuoshiDocument     *doc,
               LuoshiSectionKind **kinds_out,
               guint             **decided_at_out,
               gboolean          **guidance_out)
{
  guint n = doc->sections ? doc->sections->len : 0;
  LuoshiSectionKind *kinds = g_new0 (LuoshiSectionKind, MAX (n, 1));
  guint *decided_at = g_new0 (guint, MAX (n, 1));
  gboolean *guidance = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      LuoshiSection *section = g_ptr_array_index (doc->sections, i);
      g_autofree char *title = NULL;
      LuoshiSectionKind said;
      gboolean has_parent = section->parent >= 0 && (guint) section->parent < i;

      /* Titles are compared in simplified characters. */
      title = luoshi_document_slice_simplified (doc, section->start, section->heading_end);
      said = luoshi_classify_heading (title, -1);

      /* The heading's own words first: the segmenter's kind may only be
       * a fallback from the report kind. In a speech or a personal text
       * numbered parts are topics; only a part title names a kind. */
      kinds[i] = said;
      if (kinds[i] == LUOSHI_SECTION_OTHER && !is_loose_report (doc, section->report))
        kinds[i] = section->kind;
      if (kinds[i] == LUOSHI_SECTION_OTHER && has_parent)
        kinds[i] = kinds[section->parent];

      if (said != LUOSHI_SECTION_OTHER)
        decided_at[i] = section->start;
      else
        decided_at[i] = has_parent ? decided_at[section->parent] : 0;

      guidance[i] = (title != NULL && strstr (title, "指导思想") != NULL) ||
                    (has_parent && guidance[section->parent]);
    }
  *kinds_out = kinds;
  *decided_at_out = decided_at;
  *guidance_out = guidance;
}

static gboolean
is_enumeration (LuoshiDocument       *doc,
                const LuoshiSentence *sentence)
{
  const LuoshiSection *section;

  if (sentence->section < 0 || (guint) sentence->section >= doc->sections->len)
    return FALSE;
  section = g_ptr_array_index (doc->sections, sentence->section);
  return section->style == LUOSHI_OUTLINE_SHI;
}

static gboolean
has_comma (const char *text,
           gsize       len)
{
  return g_strstr_len (text, len, "，") != NULL || memchr (text, ',', len) != NULL;
}

static gboolean
ends_with_colon (const char *text,
                 gsize       len)
{
  const char *e = text + len;

  while (e > text)
    {
      const char *last = g_utf8_find_prev_char (text, e);
      gunichar c = g_utf8_get_char (last);
      if (!is_space (c))
        return c == 0xff1a || c == ':';
      e = last;
    }
  return FALSE;
}

/* A line with no closing punctuation and few characters is a title or
 * an unnumbered heading, whatever the outline parser made of it; one
 * ending in a colon (下一步工作打算：) is one only if it names a part,
 * which the caller checks (@colon is set). */
static gboolean
is_title_line (const char *text,
               gsize       len,
               gboolean   *colon)
{
  const char *end = text + len;
  const char *last = NULL;
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_space (c))
        last = p;
      n++;
    }
  *colon = ends_with_colon (text, len);
  if (last == NULL || n > TITLE_LINE_MAX)
    return FALSE;
  {
    gunichar c = g_utf8_get_char (last);
    return !is_terminal (c) && c != 0xff0c && c != ',';
  }
}

/* Code point length of @len bytes of @text. */
static guint
n_chars (const char *text,
         gsize       len)
{
  return (guint) g_utf8_strlen (text, (gssize) len);
}

/* Drops closing punctuation and space. */
static const char *
trim_end (const char *p,
          const char *e)
{
  while (e > p)
    {
      const char *last = g_utf8_find_prev_char (p, e);
      gunichar c;
      if (last == NULL)
        break;
      c = g_utf8_get_char (last);
      if (!is_space (c) && !is_terminal (c) && c != 0xff0c && c != ',' && c != 0x3001)
        break;
      e = last;
    }
  return e;
}

/* Narrows @text (a sentence, simplified) to what an item quotes: no
 * marker, no list lead-in for goals ("主要预期目标是："), no closing
 * punctuation or space. Returns FALSE when nothing is left. */
static gboolean
tighten (const char   *text,
         gsize         len,
         LuoshiLabel   label,
         const char  **out_start,
         const char  **out_end)
{
  const char *p = text;
  const char *e = text + len;
  gsize marker;

  while (p < e && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  marker = luoshi_classify_marker_length (p, e - p);
  if (marker > 0 && p + marker < e)
    p += marker;

  if (label == LUOSHI_LABEL_GOAL)
    {
      const char *colon = NULL;
      guint seen = 0;
      for (const char *q = p; q < e && seen < 24; q = g_utf8_next_char (q), seen++)
        {
          gunichar c = g_utf8_get_char (q);
          if (c == 0xff1a || c == ':')
            {
              colon = q;
              break;
            }
        }
      if (colon != NULL)
        {
          const char *after = g_utf8_next_char (colon);
          guint rest = n_chars (after, e - after);
          guint head = n_chars (p, colon - p);
          if (rest >= 6 && rest > head)
            p = after;
        }
    }

  e = trim_end (p, e);
  *out_start = p;
  *out_end = e;
  return e > p;
}

static gboolean
has_figure (const char *p,
            const char *e)
{
  for (const char *q = p; q < e; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (g_unichar_isdigit (c))
        return TRUE;
    }
  return FALSE;
}

/* A clause that qualifies the figure before it (比去年增加…, 其中…)
 * stays with it. */
static gboolean
continues_figure (const char *p,
                  const char *e)
{
  static const char * const leads[] = {
    "比", "较", "同比", "其中", "占", "即", "分别", "约", "达到", "增长",
    "下降", "提高", "降低", "相当于", "为",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (leads); i++)
    {
      gsize n = strlen (leads[i]);
      if ((gsize) (e - p) >= n && memcmp (p, leads[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

static LuoshiItemKind
item_kind (LuoshiLabel label)
{
  switch (label)
    {
    case LUOSHI_LABEL_GOAL: return LUOSHI_ITEM_GOAL;
    case LUOSHI_LABEL_PROBLEM: return LUOSHI_ITEM_PROBLEM;
    case LUOSHI_LABEL_ACHIEVEMENT:
    case LUOSHI_LABEL_OTHER:
    default: return LUOSHI_ITEM_ACHIEVEMENT;
    }
}

/* Adds the item quoting bytes [p, e) of the simplified sentence that
 * starts at @base (code point @base_offset). */
static void
add_item (LuoshiDocument       *doc,
          const LuoshiSentence *sentence,
          const char           *base,
          guint                 base_offset,
          const char           *p,
          const char           *e,
          LuoshiLabel           label,
          double                confidence)
{
  guint start = base_offset + n_chars (base, p - base);
  guint end = start + n_chars (p, e - p);
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  LuoshiItem *item;
  GPtrArray *metrics;

  text = luoshi_document_slice (doc, start, end);
  item = luoshi_item_new (item_kind (label), start, end, text);
  item->report_index = sentence->report;
  item->confidence = confidence;
  path = luoshi_document_section_path (doc, sentence->section);
  luoshi_item_set_section_path (item, path);

  metrics = luoshi_metric_parse (text);
  for (guint i = 0; i < metrics->len; i++)
    g_ptr_array_add (item->metrics, luoshi_metric_ref (g_ptr_array_index (metrics, i)));
  g_ptr_array_unref (metrics);

  g_ptr_array_add (doc->items, item);
}

/* Whether the clauses [p, e) state an outcome of their own, ending in a
 * verb of change (生态环境质量进一步改善): a target apart from the
 * figure that follows, not a lead-in to it (加快学前教育发展，新建…). */
static gboolean
states_outcome (const char *p,
                const char *e)
{
  static const char * const verbs[] = {
    "改善", "提高", "提升", "下降", "降低", "增长", "增加", "增强", "减少",
    "缩小", "扩大", "稳定", "巩固", "优化",
  };
  const char *end = trim_end (p, e);

  /* A subject before the verb: at least four characters in all. */
  if (g_utf8_strlen (p, end - p) < 4)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    {
      gsize n = strlen (verbs[i]);

      if ((gsize) (end - p) >= n && memcmp (end - n, verbs[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* One item per sentence, except that a goal sentence listing several
 * figures (城镇新增就业1100万人以上，城镇登记失业率4.5%以内) gives one
 * item per figure-bearing clause group, so each target is tracked on
 * its own. */
static void
add_items (LuoshiDocument       *doc,
           const LuoshiSentence *sentence,
           const char           *simplified,
           gsize                 len,
           LuoshiLabel           label,
           double                confidence)
{
  const char *p, *e, *group;
  gboolean group_has_figure = FALSE;

  if (!tighten (simplified, len, label, &p, &e))
    return;
  if (label != LUOSHI_LABEL_GOAL)
    {
      add_item (doc, sentence, simplified, sentence->start, p, e, label, confidence);
      return;
    }

  group = p;
  for (const char *c = p; c < e;)
    {
      const char *next = c;
      const char *cut;
      gboolean figure;

      /* The clause [c, cut) and the comma after it. */
      while (next < e && g_utf8_get_char (next) != 0xff0c && *next != ',')
        next = g_utf8_next_char (next);
      cut = next;
      if (next < e)
        next = g_utf8_next_char (next);

      figure = has_figure (c, cut);
      if (figure && c > group && !continues_figure (c, cut)
          && (group_has_figure || states_outcome (group, c)))
        {
          add_item (doc, sentence, simplified, sentence->start,
                    group, trim_end (group, c), label, confidence);
          group = c;
          group_has_figure = FALSE;
        }
      group_has_figure |= figure;
      c = next;
    }
  add_item (doc, sentence, simplified, sentence->start, group, e, label, confidence);
}

static LuoshiReportKind
report_kind_of (LuoshiDocument *doc,
                guint           index)
{
  if (doc->reports == NULL || index >= doc->reports->len)
    return LUOSHI_REPORT_OTHER;
  return ((LuoshiReport *) g_ptr_array_index (doc->reports, index))->kind;
}

static int
section_depth (LuoshiDocument *doc,
               int             index)
{
  if (index < 0 || (guint) index >= doc->sections->len)
    return -1;
  return (int) ((LuoshiSection *) g_ptr_array_index (doc->sections, index))->depth;
}

static void
set_line_kind (Walk                 *walk,
               LuoshiDocument       *doc,
               const LuoshiSentence *sentence,
               LuoshiSectionKind     kind)
{
  walk->line_kind = kind;
  walk->line_kind_at = sentence->start;
  walk->line_kind_depth = section_depth (doc, sentence->section);
}

/* Updates @walk before @sentence is classified: part titles, the end of
 * named parts and of runs. Returns whether the sentence is a heading. */
static gboolean
walk_before (Walk                 *walk,
             LuoshiDocument       *doc,
             const LuoshiSentence *sentence,
             const char           *s,
             gsize                 len)
{
  gboolean colon = FALSE;
  gboolean title_line = is_title_line (s, len, &colon);
  gboolean outline = sentence->heading && !is_enumeration (doc, sentence);
  LuoshiSectionKind kind = LUOSHI_SECTION_OTHER;

  if (sentence->report != walk->report)
    {
      walk->report = sentence->report;
      walk->line_kind = LUOSHI_SECTION_OTHER;
      walk->run = LUOSHI_LABEL_OTHER;
      walk->seen_body = FALSE;
    }

  if (title_line || outline)
    kind = luoshi_classify_heading (s, len);
  /* 下一步工作打算： names a part; 主要表现在：, 现将工作总结如下：
   * only open a list. */
  if (colon && (kind == LUOSHI_SECTION_OTHER || kind == LUOSHI_SECTION_REVIEW ||
                has_comma (s, len)))
    title_line = FALSE;

  /* A heading at the depth a part was named in, or above, ends it. */
  if (outline && walk->line_kind != LUOSHI_SECTION_OTHER &&
      sentence->start > walk->line_kind_at &&
      section_depth (doc, sentence->section) <= walk->line_kind_depth)
    walk->line_kind = LUOSHI_SECTION_OTHER;

  if (title_line || outline)
    {
      /* The report's own title (教育局工作总结) says nothing: the
       * segmenter read the body for the report's kind. */
      if (kind != LUOSHI_SECTION_OTHER && walk->seen_body &&
          (title_line || sentence->section < 0))
        set_line_kind (walk, doc, sentence, kind);
      walk->run = LUOSHI_LABEL_OTHER;
      return TRUE;
    }

  /* A run continues on its own line or over enumerated items
   * (一是… 二是…), and ends with the paragraph. */
  if (walk->run != LUOSHI_LABEL_OTHER && sentence->line != walk->run_line &&
      luoshi_classify_marker_length (s, len) == 0)
    walk->run = LUOSHI_LABEL_OTHER;
  return FALSE;
}

/* Updates @walk after a body sentence was labelled @label. */
static void
walk_after (Walk                 *walk,
            LuoshiDocument       *doc,
            const LuoshiSentence *sentence,
            const char           *s,
            gsize                 len,
            LuoshiLabel           label)
{
  LuoshiLabel opens = luoshi_classify_opens_run (s, len);

  walk->seen_body = TRUE;
  if (opens != LUOSHI_LABEL_OTHER)
    {
      walk->run = opens;
      /* 下一步，我们将重点抓好以下工作： announces a whole part. */
      if (ends_with_colon (s, len))
        set_line_kind (walk, doc, sentence,
                       opens == LUOSHI_LABEL_GOAL ? LUOSHI_SECTION_PLAN : LUOSHI_SECTION_PROBLEM);
    }
  if (walk->run != LUOSHI_LABEL_OTHER)
    walk->run_line = sentence->line;
  /* 对这些问题，我们将… closes a list of problems. */
  if (walk->run == LUOSHI_LABEL_PROBLEM && label == LUOSHI_LABEL_GOAL)
    walk->run = LUOSHI_LABEL_OTHER;
}

void
luoshi_extract (LuoshiDocument *doc)
{
  g_autofree LuoshiSectionKind *kinds = NULL;
  g_autofree guint *decided_at = NULL;
  g_autofree gboolean *guidance = NULL;
  Walk walk = { G_MAXUINT, LUOSHI_SECTION_OTHER, 0, -1, LUOSHI_LABEL_OTHER, 0, FALSE };

  g_return_if_fail (doc != NULL);

  if (doc->items == NULL)
    doc->items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  else
    g_ptr_array_set_size (doc->items, 0);

  if (doc->sentences == NULL)
    return;

  section_kinds (doc, &kinds, &decided_at, &guidance);

  for (guint i = 0; i < doc->sentences->len; i++)
    {
      const LuoshiSentence *sentence = g_ptr_array_index (doc->sentences, i);
      const char *s = luoshi_document_simplified_at (doc, sentence->start);
      const char *e = luoshi_document_simplified_at (doc, sentence->end);
      gsize len = e - s;
      LuoshiClassifyContext context = { 0, };
      LuoshiLabel label;
      double confidence = 0.0;

      context.report_kind = report_kind_of (doc, sentence->report);
      context.heading = walk_before (&walk, doc, sentence, s, len);

      /* The latest heading that named a kind decides. */
      context.section_kind = walk.line_kind;
      if (sentence->section >= 0 && kinds[sentence->section] != LUOSHI_SECTION_OTHER &&
          (walk.line_kind == LUOSHI_SECTION_OTHER ||
           decided_at[sentence->section] > walk.line_kind_at))
        context.section_kind = kinds[sentence->section];
      context.run = walk.run;
      context.guidance = sentence->section >= 0 && guidance[sentence->section];
      context.opening = sentence->section < 0;
      context.line_start = i == 0 ||
        ((const LuoshiSentence *) g_ptr_array_index (doc->sentences, i - 1))->line != sentence->line;

      label = luoshi_classify_sentence (s, len, &context, &confidence);
      if (!context.heading)
        walk_after (&walk, doc, sentence, s, len, label);

      if (label != LUOSHI_LABEL_OTHER)
        add_items (doc, sentence, s, len, label, confidence);
    }
}
