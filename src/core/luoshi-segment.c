/* luoshi-segment.c: split a document into reports, outline sections and sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Work is done on the simplified text (same code points as the original),
 * so one set of cue words serves traditional text too. Everything is a
 * few linear passes over the lines (UCS-4, one array for the document);
 * only short heading lines are converted back to UTF-8 for their cues.
 */

#include "luoshi-segment.h"
#include "luoshi-outline.h"
#include "luoshi-period.h"
#include "luoshi-org.h"

#include <string.h>

typedef enum {
  LINE_BLANK,
  LINE_BODY,
  LINE_HEADING,   /* starts with an outline marker */
  LINE_TITLE,     /* looks like the title of a report */
  LINE_SHORT,     /* short unmarked line followed by body text: a heading */
  LINE_PART,      /* short unmarked line naming a part: "明年工作打算",
                   * or a topic over numbered items: "德育工作" */
} LineType;

typedef struct
{
  guint               start;    /* first code point */
  guint               end;      /* end of the content, before the line break */
  guint               lead;     /* first code point after spaces and stray punctuation */
  guint               trail;    /* end of the content without trailing spaces */
  LineType            type;
  gboolean            indented; /* starts with white space */
  LuoshiOutlineMarker marker;
} Line;

typedef struct
{
  LuoshiDocument *doc;
  gunichar       *u;      /* simplified text, UCS-4 */
  guint           n;
  GArray         *lines;  /* of Line */
} Segmenter;

/* Longest line that can be a title or an unmarked heading. */
#define TITLE_MAX_CHARS 40
#define SHORT_HEADING_MAX_CHARS 16

/* ------------------------------------------------------------------ */
/* Small matching helpers on UCS-4 text */

static gboolean
is_cjk (gunichar c)
{
  return c >= 0x4E00 && c <= 0x9FFF;
}

/* White space around a line's text, including the zero-width characters
 * web pages leave behind. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF || (c >= 0x200B && c <= 0x200D) || c == 0x2060;
}

/* White space as Python's str.strip() sees it: sentence spans must match
 * the scorer's tools/sentences.py exactly. */
static gboolean
is_py_space (gunichar c)
{
  return g_unichar_isspace (c) || (c >= 0x1C && c <= 0x1F) || c == 0x85;
}

/* Whether @needle (UTF-8, at most 15 characters) occurs at @at. */
static gboolean
match_at (const gunichar *u,
          guint           n,
          guint           at,
          const char     *needle)
{
  for (const char *p = needle; *p; p = g_utf8_next_char (p), at++)
    if (at >= n || u[at] != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

static gboolean
span_has (const gunichar *u,
          guint           start,
          guint           end,
          const char     *needle)
{
  gunichar first = g_utf8_get_char (needle);

  for (guint i = start; i < end; i++)
    if (u[i] == first && match_at (u, end, i, needle))
      return TRUE;
  return FALSE;
}

static gboolean
span_has_any (const gunichar *u,
              guint           start,
              guint           end,
              const char *const *needles)
{
  for (guint i = 0; needles[i]; i++)
    if (span_has (u, start, end, needles[i]))
      return TRUE;
  return FALSE;
}

static gboolean
span_has_cjk (const gunichar *u,
              guint           start,
              guint           end)
{
  for (guint i = start; i < end; i++)
    if (is_cjk (u[i]))
      return TRUE;
  return FALSE;
}

static gboolean
starts_with_any (const gunichar *u,
                 guint           start,
                 guint           end,
                 const char *const *needles)
{
  for (guint i = 0; needles[i]; i++)
    if (match_at (u, end, start, needles[i]))
      return TRUE;
  return FALSE;
}

static char *
text_slice (LuoshiDocument *doc,
            guint           start,
            guint           end)
{
  return luoshi_document_slice (doc, start, MAX (start, end));
}

/* ------------------------------------------------------------------ */
/* Lines */

static void
split_lines (Segmenter *self)
{
  guint i = 0;

  while (i <= self->n)
    {
      Line line = { 0, };
      guint j = i;

      while (j < self->n && self->u[j] != '\n' && self->u[j] != '\r')
        j++;
      line.start = i;
      line.end = j;
      line.lead = i;
      while (line.lead < j && is_space (self->u[line.lead]))
        line.lead++;
      line.indented = line.lead > i;
      line.trail = j;
      while (line.trail > line.lead && is_space (self->u[line.trail - 1]))
        line.trail--;
      /* A page scrape can leave a stray "。" before a heading. */
      while (line.lead < line.trail
             && (self->u[line.lead] == 0x3002 || is_space (self->u[line.lead])))
        line.lead++;
      line.type = line.lead < line.trail ? LINE_BODY : LINE_BLANK;
      /* The text after the last line break is a line only if it has text. */
      if (j == self->n && i == self->n && self->lines->len > 0)
        break;
      g_array_append_val (self->lines, line);
      if (j >= self->n)
        break;
      /* CRLF is one line break; a lone CR is one too. */
      if (self->u[j] == '\r' && j + 1 < self->n && self->u[j + 1] == '\n')
        j++;
      i = j + 1;
    }
}

static gboolean
is_number_char (gunichar c)
{
  return luoshi_outline_han_number (&c, 1) > 0 || g_unichar_isdigit (c);
}

/* Length of a "第一篇:" / "篇二：" / "【第1篇】" prefix, or 0: how web
 * pages number the reports they paste together. */
static guint
pian_prefix (const gunichar *u,
             guint           start,
             guint           end)
{
  guint i = start;
  guint digits;

  if (i < end && (u[i] == 0x3010 || u[i] == '[')) /* 【 */
    i++;
  if (i < end && u[i] == 0x7B2C) /* 第 */
    {
      i++;
      for (digits = 0; i < end && digits < 3 && is_number_char (u[i]); digits++)
        i++;
      if (digits == 0 || i >= end || u[i] != 0x7BC7) /* 篇 */
        return 0;
      i++;
    }
  else if (i < end && u[i] == 0x7BC7) /* 篇 */
    {
      i++;
      for (digits = 0; i < end && digits < 3 && is_number_char (u[i]); digits++)
        i++;
      if (digits == 0)
        return 0;
    }
  else
    return 0;
  while (i < end && (u[i] == ':' || u[i] == 0xFF1A || u[i] == 0x3001 || u[i] == 0x3011
                     || u[i] == ']' || is_space (u[i])))
    i++;
  /* Something must follow: "篇二" alone is a title too, but then all of it. */
  return i < end ? i - start : 0;
}

/* Strip a trailing " 篇3" / "(篇三)" and spaces: how web pages number the
 * reports they paste together. Returns the new end. */
static guint
strip_pian_suffix (const gunichar *u,
                   guint           start,
                   guint           end,
                   gboolean       *had_suffix)
{
  guint e = end;

  *had_suffix = FALSE;
  if (e > start && (u[e - 1] == ')' || u[e - 1] == 0xFF09))
    e--;
  while (e > start && (g_unichar_isdigit (u[e - 1]) || luoshi_outline_han_number (u + e - 1, 1) > 0))
    e--;
  if (e < end && e > start && u[e - 1] == 0x7BC7) /* 篇 */
    {
      e--;
      if (e > start && (u[e - 1] == '(' || u[e - 1] == 0xFF08))
        e--;
      while (e > start && is_space (u[e - 1]))
        e--;
      *had_suffix = TRUE;
      return e;
    }
  return end;
}

/* What a report's title ends with when it names the kind of document. */
static const char *const title_suffixes[] = {
  "总结", "要点", "计划", "报告", "汇报", "心得", "体会", "总结材料", NULL
};

/* Speeches are titled by the occasion and need no writer's name. */
static const char *const speech_suffixes[] = { "讲话", "致辞", "发言", "讲话稿", NULL };

/* "…工作总结…" anywhere in a short line ("桐梓2011工作总结教育局督导室"). */
static const char *const title_infixes[] = {
  "工作总结", "工作要点", "工作计划", "工作报告", "述职", "工作安排", "工作打算",
  "工作思路", NULL
};

/* A report's own title names who wrote it; a part heading inside a
 * report ("明年工作打算", "2012年工作总结") or a review heading such as
 * "全面实施教育信息化行动计划" does not. */
static const char *const title_institutions[] = {
  "局", "室", "委", "政府", "学校", "中学", "小学", "幼儿园", "中心", "党委", "支部",
  "个人", "教师", "校长", NULL
};

static gboolean
has_sentence_punctuation (const gunichar *u,
                          guint           start,
                          guint           end)
{
  for (guint i = start; i < end; i++)
    switch (u[i])
      {
      case 0x3002: case 0xFF1B: case 0xFF01: case 0xFF1F: /* 。；！？ */
      case ';': case '!': case '?':
        return TRUE;
      default:
        break;
      }
  return FALSE;
}

static gboolean
ends_with_any (const gunichar *u,
               guint           start,
               guint           end,
               const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    {
      glong len = g_utf8_strlen (words[i], -1);

      if (end - start >= (guint) len + 1 && match_at (u, end, end - len, words[i]))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_title_line (Segmenter  *self,
               const Line *line)
{
  const gunichar *u = self->u;
  guint start = line->lead;
  guint end = line->trail;
  guint prefix = pian_prefix (u, start, end);
  gboolean suffix = FALSE;
  gboolean has_comma = FALSE;

  if (end - start < 2 || end - start > TITLE_MAX_CHARS)
    return FALSE;
  if (has_sentence_punctuation (u, start, end) || !span_has_cjk (u, start, end))
    return FALSE;
  /* "现将工作总结如下：" introduces a text, it is not its title. */
  if (u[end - 1] == 0xFF1A || u[end - 1] == ':')
    return FALSE;
  if (prefix > 0)
    return TRUE;
  if (line->marker.style != LUOSHI_OUTLINE_NONE)
    return FALSE;
  end = strip_pian_suffix (u, start, end, &suffix);
  if (suffix)
    return TRUE;
  /* Brackets around a title: 《…》, （3篇）. */
  while (end > start && (u[end - 1] == 0x300B || u[end - 1] == 0xFF09 || u[end - 1] == ')'))
    end--;
  if (ends_with_any (u, start, end, speech_suffixes))
    return TRUE;
  for (guint i = start; i < end; i++)
    if (u[i] == 0xFF0C || u[i] == ',')
      has_comma = TRUE;
  if (has_comma)
    return FALSE;
  if (span_has_any (u, start, end, title_infixes)
      && (span_has (u, start, end, "教育") || span_has_any (u, start, end, title_institutions)))
    return TRUE;
  return ends_with_any (u, start, end, title_suffixes)
         && span_has_any (u, start, end, title_institutions);
}

static gboolean is_short_heading_shape (Segmenter  *self,
                                        const Line *line);

/* The kind a short unmarked line names, if it is a part heading. */
static LuoshiSectionKind
part_kind (Segmenter  *self,
           const Line *line)
{
  g_autofree char *text = NULL;

  if (!is_short_heading_shape (self, line))
    return LUOSHI_SECTION_OTHER;
  text = g_ucs4_to_utf8 (self->u + line->lead, line->trail - line->lead, NULL, NULL, NULL);
  return text ? luoshi_outline_heading_kind (text, FALSE) : LUOSHI_SECTION_OTHER;
}

/* The kind a marked heading line names: "第二部分 2013年工作打算". */
static LuoshiSectionKind
marked_kind (Segmenter  *self,
             const Line *line)
{
  guint start = line->lead + line->marker.length;
  guint end = MIN (line->trail, start + 30);
  g_autofree char *text = g_ucs4_to_utf8 (self->u + start, end - start, NULL, NULL, NULL);

  return text ? luoshi_outline_heading_kind (text, FALSE) : LUOSHI_SECTION_OTHER;
}

/* A review part with its own year ("2012年工作总结") after body text
 * starts a new report: reviews come first in a report. */
static gboolean
is_new_review (Segmenter  *self,
               const Line *line)
{
  if (part_kind (self, line) != LUOSHI_SECTION_REVIEW)
    return FALSE;
  for (guint i = line->lead; i + 1 < line->trail; i++)
    if ((g_unichar_isdigit (self->u[i]) || self->u[i] == 0x5EA6 /* 度 */
         || self->u[i] == 0x534A /* 半 */)
        && self->u[i + 1] == 0x5E74 /* 年 */)
      return TRUE;
    else if (self->u[i] == 0x5E74 && self->u[i + 1] == 0x5EA6) /* 年度 */
      return TRUE;
  return FALSE;
}

static gboolean
is_short_heading_shape (Segmenter  *self,
                        const Line *line)
{
  const gunichar *u = self->u;

  if (line->trail - line->lead < 2 || line->trail - line->lead > SHORT_HEADING_MAX_CHARS)
    return FALSE;
  if (!span_has_cjk (u, line->lead, line->trail))
    return FALSE;
  for (guint i = line->lead; i < line->trail; i++)
    switch (u[i])
      {
      case 0x3002: case 0xFF1B: case 0xFF01: case 0xFF1F: case 0xFF0C: case 0x3001:
      case 0xFF1A: case ';': case '!': case '?': case ',': case ':': case '.':
        return FALSE;
      default:
        break;
      }
  return !g_unichar_isdigit (u[line->trail - 1]);
}

static void
classify_lines (Segmenter *self)
{
  Line *lines = (Line *) (void *) self->lines->data;
  guint n_lines = self->lines->len;

  for (guint i = 0; i < n_lines; i++)
    {
      Line *line = &lines[i];

      if (line->type == LINE_BLANK)
        continue;
      if (luoshi_outline_match (self->u + line->lead, line->trail - line->lead,
                                &line->marker))
        line->type = LINE_HEADING;
      if (is_title_line (self, line))
        {
          line->type = LINE_TITLE;
          line->marker.style = LUOSHI_OUTLINE_NONE;
        }
    }

  /* An unmarked short line is a heading when body text follows it, or
   * when it names a part (plan, problems, review). */
  for (guint i = 0; i < n_lines; i++)
    {
      Line *line = &lines[i];
      guint j = i + 1;

      if (line->type != LINE_BODY || !is_short_heading_shape (self, line))
        continue;
      if (part_kind (self, line) != LUOSHI_SECTION_OTHER)
        {
          line->type = LINE_PART;
          continue;
        }
      while (j < n_lines && lines[j].type == LINE_BLANK)
        j++;
      /* A topic line over numbered items ("德育工作" + 一、…) is a part;
       * one named like a document ("党校学习心得") may be a title. */
      if (j < n_lines && lines[j].type == LINE_HEADING
          && lines[j].marker.style != LUOSHI_OUTLINE_SHI)
        {
          if (!ends_with_any (self->u, line->lead, line->trail, title_suffixes)
              && !ends_with_any (self->u, line->lead, line->trail, speech_suffixes))
            line->type = LINE_PART;
        }
      else if (j < n_lines && lines[j].type == LINE_BODY
          && lines[j].trail - lines[j].lead > 2 * (line->trail - line->lead)
          && lines[j].trail - lines[j].lead >= 20)
        line->type = LINE_SHORT;
    }
}

/* ------------------------------------------------------------------ */
/* Reports */

static const char *const closing_cues[] = {
  "总之", "总而言之", "综上", "当然", "最后", "展望", "新的一年", "让我们",
  "在实际工作中", "几点体会", "总的来看", "总的来说", "回顾", NULL
};

static const char *const opening_cues[] = {
  "一年来", "回首", "过去的一年", "今年以来", "本年度", "作为", "20", "19",
  "年，", "年,", "～年", "_年", "x年", "X年", "**年", NULL
};

/* Where a report begins whose outline restarts at line @restart: the
 * unmarked lines just before it are either the previous report's closing
 * words or this one's opening words. Pages that paste reports together
 * often indent the first line of each; otherwise cue words decide.
 * Returns @report_first when the restart begins no new report. */
static guint
restart_start (Segmenter *self,
               guint      report_first,
               guint      restart)
{
  Line *lines = (Line *) (void *) self->lines->data;
  guint candidates[64];
  guint k = 0;
  guint j = restart;

  while (j > report_first + 1 && k < G_N_ELEMENTS (candidates))
    {
      j--;
      if (lines[j].type == LINE_BLANK)
        continue;
      if (lines[j].type == LINE_HEADING || lines[j].type == LINE_TITLE
          || lines[j].type == LINE_PART)
        break;
      candidates[k++] = j;
    }
  if (k == 0)
    return restart;
  /* candidates[] runs backwards; look at it in text order. */
  if (!lines[restart].indented)
    for (guint c = k; c-- > 0;)
      if (lines[candidates[c]].indented)
        return candidates[c];
  /* An unmarked topic heading ("德育工作") above the restart makes it a
   * new part of the same report; a short line named like a document
   * ("党校学习心得") is the untitled report's title. */
  for (guint c = k; c-- > 0;)
    {
      const Line *line = &lines[candidates[c]];

      if (line->type != LINE_SHORT && !is_short_heading_shape (self, line))
        continue;
      if (ends_with_any (self->u, line->lead, line->trail, title_suffixes)
          || ends_with_any (self->u, line->lead, line->trail, speech_suffixes))
        return candidates[c];
      return report_first;
    }
  /* The last paragraph that opens ("一年来，", "20xx年，"): the previous
   * report's body may open with a year too, but it comes first. */
  for (guint c = 0; c < k; c++)
    {
      const Line *line = &lines[candidates[c]];

      if (starts_with_any (self->u, line->lead, line->trail, opening_cues))
        return candidates[c];
    }
  /* Otherwise the paragraph just before the restart opens the new report,
   * unless it closes the old one ("总之，…"). */
  if (!starts_with_any (self->u, lines[candidates[0]].lead, lines[candidates[0]].trail,
                        closing_cues))
    return candidates[0];
  return restart;
}

/* Whether a line may be a report's own title: short, no sentence. */
static gboolean
may_be_title (Segmenter  *self,
              const Line *line)
{
  return line->type != LINE_BLANK && line->type != LINE_HEADING
         && line->trail - line->lead >= 4 && line->trail - line->lead <= TITLE_MAX_CHARS
         && !has_sentence_punctuation (self->u, line->lead, line->trail);
}

static gboolean
same_line_text (Segmenter  *self,
                const Line *a,
                const Line *b)
{
  if (a->trail - a->lead != b->trail - b->lead)
    return FALSE;
  return memcmp (self->u + a->lead, self->u + b->lead,
                 (a->trail - a->lead) * sizeof (gunichar)) == 0;
}

typedef struct
{
  GArray            *starts;         /* first line of each report */
  guint              first;          /* of the current report */
  gboolean           has_body;
  int                title;          /* its title line, or -1 */
  LuoshiOutlineStyle top_style;      /* its first outline style */
  guint              top_number;     /* last number seen at the top */
  gboolean           part_since_top; /* a plan/problem part opened since */
  gboolean           seen;           /* a line of it was seen */
} ReportScan;

static void
start_report (Segmenter  *self,
              ReportScan *scan,
              guint       line,
              gboolean    keep_top_style)
{
  const Line *lines = (const Line *) (const void *) self->lines->data;

  scan->first = line;
  g_array_append_val (scan->starts, line);
  scan->has_body = FALSE;
  scan->seen = FALSE;
  scan->title = may_be_title (self, &lines[line]) ? (int) line : -1;
  if (!keep_top_style)
    scan->top_style = LUOSHI_OUTLINE_NONE;
  scan->top_number = 0;
  scan->part_since_top = FALSE;
}

/* The index of the first line of each report: at a title line, at the
 * report's own title repeated, at a dated review part after body text,
 * and where the top outline numbering starts again at 一. */
static GArray *
find_report_starts (Segmenter *self)
{
  Line *lines = (Line *) (void *) self->lines->data;
  ReportScan scan = { 0, };
  LineType previous = LINE_BLANK;
  gboolean title_pending = TRUE;

  scan.starts = g_array_new (FALSE, FALSE, sizeof (guint));
  scan.title = -1;
  g_array_append_val (scan.starts, scan.first);

  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *line = &lines[i];

      if (line->type == LINE_BLANK)
        continue;
      if (title_pending)
        {
          scan.title = may_be_title (self, line) ? (int) i : -1;
          title_pending = FALSE;
        }

      switch (line->type)
        {
        case LINE_TITLE:
          /* Repeated title lines make one title block. */
          if (scan.has_body && previous != LINE_TITLE)
            start_report (self, &scan, i, FALSE);
          break;

        case LINE_HEADING:
          if (line->marker.style == LUOSHI_OUTLINE_SHI)
            break;
          if (scan.top_style == LUOSHI_OUTLINE_NONE)
            scan.top_style = line->marker.style;
          else if (line->marker.style != scan.top_style)
            {
              LuoshiSectionKind kind = marked_kind (self, line);

              /* "第二部分 明年工作打算" above a fresh 一、: same report. */
              if (kind == LUOSHI_SECTION_PLAN || kind == LUOSHI_SECTION_PROBLEM)
                scan.part_since_top = TRUE;
              break;
            }
          /* 一、 again after 四、: the next report has begun. */
          if (line->marker.number == 1 && scan.top_number >= 2 && scan.has_body
              && !scan.part_since_top)
            {
              guint s = restart_start (self, scan.first, i);

              if (s > scan.first)
                {
                  start_report (self, &scan, s, TRUE);
                  scan.seen = s < i;
                }
            }
          scan.top_number = line->marker.number;
          scan.part_since_top = FALSE;
          break;

        case LINE_PART:
          if (scan.has_body && previous != LINE_TITLE && is_new_review (self, line))
            start_report (self, &scan, i, FALSE);
          /* A part's numbering starts again at 一、 without a new report. */
          scan.top_number = 0;
          break;

        case LINE_BODY:
        case LINE_SHORT:
        case LINE_BLANK:
        default:
          /* The report's own title again: a copy in its title block, or
           * after its text the next report. */
          if (scan.title >= 0 && (guint) scan.title != i
              && same_line_text (self, &lines[scan.title], line))
            {
              if (scan.has_body)
                {
                  start_report (self, &scan, i, FALSE);
                  scan.seen = TRUE;
                }
              previous = LINE_TITLE;
              continue;
            }
          break;
        }
      /* Text after the report's first line is its body. */
      if (line->type != LINE_TITLE && scan.seen)
        scan.has_body = TRUE;
      scan.seen = TRUE;
      previous = line->type;
    }
  return scan.starts;
}

/* ------------------------------------------------------------------ */
/* Sections */

typedef struct
{
  int      section;     /* index in doc->sections */
  gboolean inline_shi;  /* 一是 inside a paragraph: ends with the line */
} Open;

static guint
heading_end (Segmenter  *self,
             const Line *line,
             guint       from)
{
  for (guint i = from; i < line->trail; i++)
    switch (self->u[i])
      {
      case 0x3002: case 0xFF1B: case 0xFF01: case 0xFF1F: /* 。；！？ */
      case ';': case '!': case '?':
        return i + 1;
      default:
        break;
      }
  return line->trail;
}

static int
add_section (Segmenter          *self,
             guint               report,
             GArray             *stack,
             LuoshiOutlineStyle  style,
             guint               number,
             guint               start,
             guint               marker_len,
             guint               head_end)
{
  LuoshiDocument *doc = self->doc;
  LuoshiSection *section = luoshi_section_new ();
  guint title_start = start + marker_len;
  guint title_end = head_end;
  g_autofree char *simplified = NULL;

  while (title_start < title_end && is_space (self->u[title_start]))
    title_start++;
  /* The title is the heading without its full stop. */
  while (title_end > title_start
         && (self->u[title_end - 1] == 0x3002 || self->u[title_end - 1] == 0xFF1B
             || is_space (self->u[title_end - 1])))
    title_end--;

  section->report = report;
  section->depth = stack->len;
  section->parent = stack->len > 0 ? g_array_index (stack, Open, stack->len - 1).section : -1;
  section->style = style;
  section->number = number;
  g_free (section->label);
  section->label = g_strstrip (text_slice (doc, start, start + marker_len));
  g_free (section->title);
  section->title = text_slice (doc, title_start, title_end);
  section->start = start;
  section->heading_end = head_end;
  section->end = head_end;
  simplified = g_ucs4_to_utf8 (self->u + title_start, title_end - title_start,
                               NULL, NULL, NULL);
  section->kind = simplified ? luoshi_outline_heading_kind (simplified, FALSE)
                             : LUOSHI_SECTION_OTHER;
  g_ptr_array_add (doc->sections, section);
  return (int) doc->sections->len - 1;
}

static void
close_open (Segmenter *self,
            GArray    *stack,
            guint      keep,
            guint      end)
{
  while (stack->len > keep)
    {
      Open *open = &g_array_index (stack, Open, stack->len - 1);
      LuoshiSection *section = g_ptr_array_index (self->doc->sections, open->section);

      section->end = MAX (section->heading_end, end);
      g_array_set_size (stack, stack->len - 1);
    }
}

static void
close_leaf (Segmenter *self,
            int       *leaf,
            guint      end)
{
  if (*leaf >= 0)
    {
      LuoshiSection *section = g_ptr_array_index (self->doc->sections, *leaf);

      section->end = MAX (section->heading_end, end);
      *leaf = -1;
    }
}

/* 一是 … 二是 … inside a paragraph, at the start of a sentence. */
static void
add_inline_enumerations (Segmenter  *self,
                         guint       report,
                         GArray     *stack,
                         const Line *line,
                         guint       from)
{
  for (guint i = from; i + 2 < line->trail; i++)
    {
      LuoshiOutlineMarker marker;
      gunichar c = self->u[i];
      Open open;

      if (c != 0x3002 && c != 0xFF1B && c != 0xFF1A && c != 0xFF0C && c != ';')
        continue;
      if (!luoshi_outline_match (self->u + i + 1, line->trail - i - 1, &marker)
          || marker.style != LUOSHI_OUTLINE_SHI)
        continue;
      /* A sentence starts only after 。；: after a comma, the enumeration
       * is part of the sentence and gets no section of its own. */
      if (c == 0xFF0C || c == 0xFF1A)
        continue;
      if (stack->len > 0 && g_array_index (stack, Open, stack->len - 1).inline_shi)
        close_open (self, stack, stack->len - 1, i + 1);
      open.section = add_section (self, report, stack, LUOSHI_OUTLINE_SHI,
                                  marker.number, i + 1, marker.length,
                                  heading_end (self, line, i + 1 + marker.length));
      open.inline_shi = TRUE;
      g_array_append_val (stack, open);
    }
}

static void
build_sections (Segmenter *self,
                guint      report,
                guint      first_line,
                guint      end_line)
{
  Line *lines = (Line *) (void *) self->lines->data;
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  LuoshiReport *r = g_ptr_array_index (self->doc->reports, report);
  int leaf = -1;

  for (guint i = first_line; i < end_line; i++)
    {
      const Line *line = &lines[i];
      guint keep;

      if (line->type == LINE_BLANK)
        continue;
      /* Inline enumerations end with their paragraph. */
      while (stack->len > 0 && g_array_index (stack, Open, stack->len - 1).inline_shi)
        close_open (self, stack, stack->len - 1, line->start);

      if (line->type == LINE_HEADING)
        {
          Open open;

          close_leaf (self, &leaf, line->start);
          /* Level by first appearance: a style already open closes
           * everything below it; a new style nests. */
          keep = stack->len;
          for (guint k = 0; k < stack->len; k++)
            {
              LuoshiSection *s = g_ptr_array_index (self->doc->sections,
                                                    g_array_index (stack, Open, k).section);
              if (s->style == line->marker.style)
                {
                  keep = k;
                  break;
                }
            }
          close_open (self, stack, keep, line->start);
          open.section = add_section (self, report, stack, line->marker.style,
                                      line->marker.number, line->lead,
                                      line->marker.length,
                                      heading_end (self, line, line->lead + line->marker.length));
          open.inline_shi = FALSE;
          g_array_append_val (stack, open);
          add_inline_enumerations (self, report, stack, line, line->lead);
        }
      else if (line->type == LINE_PART)
        {
          Open open;

          /* A part heading is the top of what follows it. */
          close_leaf (self, &leaf, line->start);
          close_open (self, stack, 0, line->start);
          open.section = add_section (self, report, stack, LUOSHI_OUTLINE_NONE, 0,
                                      line->lead, 0, line->trail);
          open.inline_shi = FALSE;
          g_array_append_val (stack, open);
        }
      else if (line->type == LINE_SHORT)
        {
          close_leaf (self, &leaf, line->start);
          leaf = add_section (self, report, stack, LUOSHI_OUTLINE_NONE, 0,
                              line->lead, 0, line->trail);
        }
      else if (line->type == LINE_BODY)
        {
          if (line->marker.style == LUOSHI_OUTLINE_NONE)
            add_inline_enumerations (self, report, stack, line, line->lead);
        }
    }
  close_leaf (self, &leaf, r->end);
  close_open (self, stack, 0, r->end);
}

/* ------------------------------------------------------------------ */
/* Report kind and section kinds */

/* The first four-digit year written as "2017年" in [start, end), or 0. */
static int
year_in (Segmenter *self,
         guint      start,
         guint      end)
{
  for (guint i = start; i + 4 < end; i++)
    {
      int year = 0;
      guint k;

      if (i > start && g_unichar_isdigit (self->u[i - 1]))
        continue;
      for (k = 0; k < 4 && g_unichar_isdigit (self->u[i + k]); k++)
        year = year * 10 + g_unichar_digit_value (self->u[i + k]);
      if (k == 4 && self->u[i + 4] == 0x5E74 && year >= 1980 && year <= 2039) /* 年 */
        return year;
    }
  return 0;
}

/* "一、2016年工作回顾 … 二、2017年工作总体部署": a part heading naming a
 * later year than a review part before it is about the coming year. */
static void
promote_dated_parts (Segmenter *self,
                     guint      first_section,
                     guint      end_section)
{
  int reviewed = 0;

  for (guint i = first_section; i < end_section; i++)
    {
      LuoshiSection *s = g_ptr_array_index (self->doc->sections, i);
      int year;

      if (s->depth > 1 || s->style == LUOSHI_OUTLINE_SHI)
        continue;
      year = year_in (self, s->start, s->heading_end);
      if (year == 0)
        continue;
      if (s->kind == LUOSHI_SECTION_REVIEW && (reviewed == 0 || year < reviewed))
        reviewed = year;
      else if (s->kind == LUOSHI_SECTION_OTHER && reviewed > 0 && year > reviewed)
        s->kind = LUOSHI_SECTION_PLAN;
    }
}

typedef struct
{
  guint sentences;
  guint past;
  guint future;
  guint first_person;  /* a lone 我: a personal text */
} Tense;

static const char *const past_cues[] = {
  "了", "已", "取得", "获得", "荣获", "完成", "达到", "被评为", NULL
};

static const char *const future_cues[] = {
  "将", "要", "力争", "争取", "确保", "拟", "计划", "继续", "进一步", NULL
};

static void
count_tense (Segmenter *self,
             guint      start,
             guint      end,
             Tense     *tense)
{
  guint s = start;

  memset (tense, 0, sizeof *tense);
  for (guint i = start; i <= end; i++)
    {
      gunichar c = i < end ? self->u[i] : '\n';

      if (i < end && c == 0x6211) /* 我 */
        {
          gunichar next = i + 1 < end ? self->u[i + 1] : 0;

          if (!g_utf8_strchr ("局区市县室们校国省委镇乡院所科处部", -1, next))
            tense->first_person++;
        }
      if (c != 0x3002 && c != 0xFF1B && c != 0xFF01 && c != 0xFF1F
          && c != '\n' && c != '\r' && c != ';')
        continue;
      if (span_has_cjk (self->u, s, i))
        {
          tense->sentences++;
          if (span_has_any (self->u, s, i, past_cues))
            tense->past++;
          if (span_has_any (self->u, s, i, future_cues))
            tense->future++;
        }
      s = i + 1;
    }
}

static const char *const plan_title_cues[] = {
  "要点", "计划", "打算", "安排", "思路", "规划", "意见", NULL
};
static const char *const review_title_cues[] = {
  "总结", "回顾", "述职", "汇报", "情况", NULL
};
static const char *const personal_title_cues[] = { "心得", "体会", "学习总结", NULL };

static LuoshiReportKind
decide_report_kind (Segmenter    *self,
                    LuoshiReport *report,
                    guint         title_start,
                    guint         title_end,
                    guint         first_section,
                    guint         end_section)
{
  const gunichar *u = self->u;
  gboolean plan_title = span_has_any (u, title_start, title_end, plan_title_cues);
  gboolean review_title = span_has_any (u, title_start, title_end, review_title_cues);
  gboolean plan_part = FALSE;
  gboolean review_part = FALSE;
  gboolean all_top_plan = TRUE;
  guint n_top = 0;
  Tense tense;

  for (guint i = 0; speech_suffixes[i]; i++)
    if (span_has (u, title_start, title_end, speech_suffixes[i]))
      return LUOSHI_REPORT_SPEECH;

  for (guint i = first_section; i < end_section; i++)
    {
      LuoshiSection *s = g_ptr_array_index (self->doc->sections, i);

      if (s->depth > 1 || s->style == LUOSHI_OUTLINE_SHI)
        continue;
      if (s->kind == LUOSHI_SECTION_PLAN)
        plan_part = TRUE;
      else if (s->kind == LUOSHI_SECTION_REVIEW || s->kind == LUOSHI_SECTION_PROBLEM)
        review_part = TRUE;
      if (s->depth == 0)
        {
          n_top++;
          if (s->kind != LUOSHI_SECTION_PLAN)
            all_top_plan = FALSE;
        }
    }

  count_tense (self, report->start, report->end, &tense);

  /* A 述职 report reviews the writer's work, in the first person. */
  if (span_has (u, title_start, title_end, "述职"))
    return LUOSHI_REPORT_REVIEW;
  /* A study report or personal summary: written as "我". */
  if (span_has_any (u, title_start, title_end, personal_title_cues)
      || (tense.first_person >= 8 && tense.first_person * 10 >= tense.sentences))
    return LUOSHI_REPORT_OTHER;

  if (plan_part && n_top > 0 && all_top_plan)
    return LUOSHI_REPORT_PLAN;
  /* A plan with parts that are neither (指导思想, 保障措施) and nothing
   * reviewed: titled as a plan, or hardly anything in the past tense. */
  if (plan_part && !review_part &&
      ((plan_title && !review_title) || tense.past * 100 < tense.sentences * 12))
    return LUOSHI_REPORT_PLAN;
  if (plan_part)
    return LUOSHI_REPORT_REVIEW_PLAN;
  if (plan_title && !review_title)
    return review_part ? LUOSHI_REPORT_REVIEW_PLAN : LUOSHI_REPORT_PLAN;
  if (plan_title && review_title)
    return LUOSHI_REPORT_REVIEW_PLAN;
  /* Titled 总结 but wholly about the coming year. */
  if (!review_part && tense.sentences >= 10 && tense.past * 100 < tense.sentences * 12
      && tense.future * 100 >= tense.sentences * 15)
    return LUOSHI_REPORT_PLAN;
  return LUOSHI_REPORT_REVIEW;
}

static void
resolve_section_kinds (Segmenter    *self,
                       LuoshiReport *report,
                       guint         first_section,
                       guint         end_section)
{
  /* 重点工作/主要任务 name the coming work in a plan or a speech. */
  gboolean in_plan = report->kind == LUOSHI_REPORT_PLAN || report->kind == LUOSHI_REPORT_SPEECH;
  LuoshiSectionKind fallback;
  LuoshiSectionKind previous_top = LUOSHI_SECTION_OTHER;

  switch (report->kind)
    {
    case LUOSHI_REPORT_PLAN:
      fallback = LUOSHI_SECTION_PLAN;
      break;
    case LUOSHI_REPORT_REVIEW:
    case LUOSHI_REPORT_REVIEW_PLAN:
      fallback = LUOSHI_SECTION_REVIEW;
      break;
    case LUOSHI_REPORT_SPEECH:
    case LUOSHI_REPORT_OTHER:
    default:
      fallback = LUOSHI_SECTION_OTHER;
      break;
    }

  /* Sections come in text order, parents before children. */
  for (guint i = first_section; i < end_section; i++)
    {
      LuoshiSection *s = g_ptr_array_index (self->doc->sections, i);
      LuoshiSectionKind own = s->kind;

      if (in_plan)
        {
          g_autofree char *title = g_ucs4_to_utf8 (self->u + s->start,
                                                   s->heading_end - s->start,
                                                   NULL, NULL, NULL);
          if (title != NULL)
            own = luoshi_outline_heading_kind (title, TRUE);
        }
      if (own != LUOSHI_SECTION_OTHER)
        s->kind = own;
      else if (s->parent >= 0)
        s->kind = ((LuoshiSection *) g_ptr_array_index (self->doc->sections, s->parent))->kind;
      else if (previous_top == LUOSHI_SECTION_PLAN)
        s->kind = LUOSHI_SECTION_PLAN; /* what follows the plan part is plan too */
      else
        s->kind = fallback;
      if (s->parent < 0)
        previous_top = s->kind;
    }
}

/* ------------------------------------------------------------------ */
/* Sentences */

static gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF1B: /* 。！？； */
    case '!': case '?': case ';': case '\n': case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Split as the scorer's tools/sentences.py does: at 。！？；!?; and line
 * breaks, trimmed, keeping spans with a CJK character (and, unless it is
 * the text's last, two characters). */
static void
add_sentence_span (Segmenter *self,
                   guint      start,
                   guint      end,
                   gboolean   last)
{
  guint s = start;
  guint e = end;
  LuoshiSentence *sentence;

  while (s < e && is_py_space (self->u[s]))
    s++;
  while (e > s && is_py_space (self->u[e - 1]))
    e--;
  if (!span_has_cjk (self->u, s, e) || (!last && e - s < 2))
    return;
  sentence = g_new0 (LuoshiSentence, 1);
  sentence->start = s;
  sentence->end = e;
  sentence->section = -1;
  g_ptr_array_add (self->doc->sentences, sentence);
}

static void
split_sentences (Segmenter *self)
{
  guint start = 0;

  for (guint i = 0; i < self->n; i++)
    if (is_sentence_end (self->u[i]))
      {
        add_sentence_span (self, start, i + 1, FALSE);
        start = i + 1;
      }
  if (start < self->n)
    add_sentence_span (self, start, self->n, TRUE);
}

/* Line, report and innermost section of each sentence, in one walk. */
static void
place_sentences (Segmenter *self)
{
  LuoshiDocument *doc = self->doc;
  const Line *lines = (const Line *) (const void *) self->lines->data;
  guint line = 0;
  guint report = 0;
  guint next_section = 0;
  int current = -1;

  for (guint i = 0; i < doc->sentences->len; i++)
    {
      LuoshiSentence *sentence = g_ptr_array_index (doc->sentences, i);
      guint s = sentence->start;

      while (line + 1 < self->lines->len && lines[line + 1].start <= s)
        line++;
      sentence->line = line + 1;
      while (report + 1 < doc->reports->len
             && ((LuoshiReport *) g_ptr_array_index (doc->reports, report + 1))->start <= s)
        report++;
      sentence->report = report;

      while (next_section < doc->sections->len
             && ((LuoshiSection *) g_ptr_array_index (doc->sections, next_section))->start <= s)
        current = (int) next_section++;
      /* The last section begun may have closed: climb to one still open. */
      while (current >= 0)
        {
          LuoshiSection *section = g_ptr_array_index (doc->sections, current);

          if (s < section->end && section->report == report)
            break;
          current = section->parent;
        }
      sentence->section = current;
      if (current >= 0)
        {
          LuoshiSection *section = g_ptr_array_index (doc->sections, current);

          sentence->heading = s >= section->start && s < section->heading_end;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Putting it together */

/* The title block at the top of a report, or an unmarked first line
 * short enough to be a title; sets the span of the first title line. */
static gboolean
report_title_line (Segmenter *self,
                   guint      first_line,
                   guint      end_line,
                   guint     *title_line)
{
  const Line *lines = (const Line *) (const void *) self->lines->data;

  for (guint i = first_line; i < end_line; i++)
    {
      const Line *line = &lines[i];

      if (line->type == LINE_BLANK)
        continue;
      if (line->type == LINE_TITLE
          || ((line->type == LINE_BODY || line->type == LINE_SHORT
               || line->type == LINE_PART)
              && line->trail - line->lead <= TITLE_MAX_CHARS / 2
              && !has_sentence_punctuation (self->u, line->lead, line->trail)
              /* "各位代表：" greets, it is no title */
              && self->u[line->trail - 1] != 0xFF1A && self->u[line->trail - 1] != ':'
              && span_has_cjk (self->u, line->lead, line->trail)
              && !span_has (self->u, line->lead, line->trail, "，")))
        {
          *title_line = i;
          return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Whether @next finishes the name of the document that @title began:
 * titles set in large type are broken before their last character or
 * two ("政府工作报" / "告"). */
static gboolean
title_continues_on (Segmenter  *self,
                    const Line *title,
                    const Line *next)
{
  gunichar joined[8];
  guint n = 0;
  guint next_len = next->trail - next->lead;

  if (next->type == LINE_BLANK || next_len == 0 || next_len > 2
      || !span_has_cjk (self->u, next->lead, next->trail)
      || ends_with_any (self->u, title->lead, title->trail, title_suffixes))
    return FALSE;

  for (guint i = title->trail - MIN (title->trail - title->lead, 4); i < title->trail; i++)
    joined[n++] = self->u[i];
  for (guint i = next->lead; i < next->trail; i++)
    joined[n++] = self->u[i];
  return ends_with_any (joined, 0, n, title_suffixes);
}

static void
build_report (Segmenter *self,
              guint      index,
              guint      first_line,
              guint      end_line)
{
  LuoshiDocument *doc = self->doc;
  Line *lines = (Line *) (void *) self->lines->data;
  LuoshiReport *report = g_ptr_array_index (doc->reports, index);
  guint first_section = doc->sections->len;
  guint title_line;
  guint title_start = 0, title_end = 0;

  if (report_title_line (self, first_line, end_line, &title_line))
    {
      Line *line = &lines[title_line];

      title_start = line->lead + pian_prefix (self->u, line->lead, line->trail);
      title_end = line->trail;
      g_free (report->title);
      report->title = text_slice (doc, title_start, title_end);
      /* The title is not a section heading. */
      if (line->type == LINE_SHORT || line->type == LINE_PART)
        line->type = LINE_TITLE;
      if (title_line + 1 < end_line && title_continues_on (self, line, &lines[title_line + 1]))
        {
          Line *rest = &lines[title_line + 1];
          g_autofree char *head = g_steal_pointer (&report->title);
          g_autofree char *tail = text_slice (doc, rest->lead, rest->trail);

          report->title = g_strconcat (head, tail, NULL);
          rest->type = LINE_TITLE;
        }
    }

  build_sections (self, index, first_line, end_line);
  promote_dated_parts (self, first_section, doc->sections->len);
  report->kind = decide_report_kind (self, report, title_start, title_end,
                                    first_section, doc->sections->len);
  resolve_section_kinds (self, report, first_section, doc->sections->len);
}

static void
reset_arrays (LuoshiDocument *doc)
{
  if (doc->reports == NULL)
    doc->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_report_free);
  if (doc->sections == NULL)
    doc->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_section_free);
  if (doc->sentences == NULL)
    doc->sentences = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_set_size (doc->reports, 0);
  g_ptr_array_set_size (doc->sections, 0);
  g_ptr_array_set_size (doc->sentences, 0);
}

void
luoshi_segment (LuoshiDocument *doc)
{
  Segmenter self = { 0, };
  const char *source;
  glong n = 0;
  g_autoptr(GArray) starts = NULL;
  const Line *lines;

  g_return_if_fail (doc != NULL);

  reset_arrays (doc);
  source = doc->simplified ? doc->simplified : doc->text;
  self.doc = doc;
  self.u = g_utf8_to_ucs4_fast (source ? source : "", -1, &n);
  self.n = (guint) n;
  self.lines = g_array_new (FALSE, FALSE, sizeof (Line));

  split_lines (&self);
  classify_lines (&self);
  starts = find_report_starts (&self);
  lines = (const Line *) (const void *) self.lines->data;

  for (guint r = 0; r < starts->len; r++)
    {
      LuoshiReport *report = luoshi_report_new ();
      guint first = g_array_index (starts, guint, r);
      guint next = r + 1 < starts->len ? g_array_index (starts, guint, r + 1) : self.lines->len;

      /* Reports tile the text: the first begins at 0, each ends where
       * the next begins. */
      report->start = r == 0 ? 0 : lines[first].start;
      report->end = next < self.lines->len ? lines[next].start : self.n;
      report->first_line = first + 1;
      report->last_line = next;
      g_ptr_array_add (doc->reports, report);
    }
  for (guint r = 0; r < starts->len; r++)
    {
      guint first = g_array_index (starts, guint, r);
      guint next = r + 1 < starts->len ? g_array_index (starts, guint, r + 1) : self.lines->len;

      build_report (&self, r, first, next);
    }

  split_sentences (&self);
  place_sentences (&self);

  for (guint r = 0; r < doc->reports->len; r++)
    {
      LuoshiReport *report = g_ptr_array_index (doc->reports, r);

      luoshi_period_detect (doc, report);
      g_free (report->org);
      report->org = luoshi_org_detect (doc, report);
    }

  g_array_unref (self.lines);
  g_free (self.u);
}
