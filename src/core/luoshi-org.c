/* luoshi-org.c: the body that issued a report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-org.h"
#include "luoshi-script.h"

#include <string.h>

/* Names of education bodies, longest first so "教育局督导室" wins over
 * "教育局". Simplified characters. */
static const char *const org_suffixes[] = {
  "人民政府教育督导室",
  "政府教育督导室",
  "教育局督导室",
  "教育体育局",
  "教育和体育局",
  "教育委员会",
  "教育督导室",
  "教育局党委",
  "教育局",
  "教体局",
  "教委",
  "教育厅",
  NULL
};

/* Characters that end a run of text before a place name: function
 * words, 我 (我局 names no one). */
static gboolean
is_stop_char (gunichar c)
{
  return g_utf8_strchr ("的在和与及对向由为是了我你他该本各全将把被从经请受据按以于并或等同"
                        "一二三四五六七八九十个", -1, c) != NULL;
}

static gboolean
is_place_suffix (gunichar c)
{
  return g_utf8_strchr ("省市县区州旗", -1, c) != NULL;
}

static gboolean
is_name_char (gunichar c)
{
  if (c == 'X' || c == 'x' || c == 0xFF38 || c == 0xFF58)
    return TRUE; /* "XX市" keeps its mask */
  /* 州 stays: it ends names as often as it is a level (涿州市, 广州市). */
  return c >= 0x4E00 && c <= 0x9FFF && !is_stop_char (c)
         && g_utf8_strchr ("省市县区", -1, c) == NULL;
}

/* Verbs that end right before 市/区 in running text ("积极配合市教育局",
 * "按照省教育督导室") and are no place names. */
static const char *const not_place_words[] = {
  "按照", "配合", "达到", "迎接", "根据", "参加", "组织", "通过", "经过",
  "接受", "获得", "加强", "积极", "协助", "报送", "上报", "召开", "联合",
  "领导", "指导", "支持", "邀请", "主办", "承办", "会同", "成为", "获",
  NULL
};

static gboolean
is_place_name (const gunichar *t,
               guint           start,
               guint           end)
{
  g_autofree char *name = g_ucs4_to_utf8 (t + start, end - start, NULL, NULL, NULL);

  if (name == NULL)
    return FALSE;
  for (guint i = start; i < end; i++)
    if (!is_name_char (t[i]))
      return FALSE;
  for (guint i = 0; not_place_words[i]; i++)
    if (strstr (name, not_place_words[i]))
      return FALSE;
  /* The name must start where running text breaks off. */
  return start == 0 || !(t[start - 1] >= 0x4E00 && t[start - 1] <= 0x9FFF)
         || is_stop_char (t[start - 1]) || is_place_suffix (t[start - 1]);
}

/* Start of the place name ending right before @at ("武汉市江夏区"): up
 * to two names of 1-4 characters, each with its 市/区/县 suffix. */
static guint
place_start (const gunichar *t,
             guint           at)
{
  static const guint lengths[] = { 2, 3, 4, 1 };
  guint s = at;

  for (guint segment = 0; segment < 2; segment++)
    {
      gboolean found = FALSE;

      if (s == 0 || !is_place_suffix (t[s - 1]))
        break;
      for (guint k = 0; k < G_N_ELEMENTS (lengths) && !found; k++)
        if (s >= 1 + lengths[k] && is_place_name (t, s - 1 - lengths[k], s - 1)
            /* one-character names go with 县 (沛县), hardly anything else */
            && (lengths[k] > 1 || t[s - 1] == 0x53BF /* 县 */))
          {
            s = s - 1 - lengths[k];
            found = TRUE;
          }
      if (!found)
        {
          /* "市教育局" alone: keep the suffix, it says which level. */
          if (segment == 0)
            s = s - 1;
          break;
        }
    }
  return s;
}

static gboolean
match_at (const gunichar *t,
          guint           n,
          guint           at,
          const char     *needle,
          guint          *length)
{
  guint i = at;

  for (const char *p = needle; *p; p = g_utf8_next_char (p), i++)
    if (i >= n || t[i] != g_utf8_get_char (p))
      return FALSE;
  *length = i - at;
  return TRUE;
}

typedef struct
{
  guint start;
  guint end;
  guint place;   /* code points of the place name before the body */
} OrgSpan;

/* The body whose name ends at @at + its suffix, with the place name
 * before it ("锦江区" in 锦江区教育局). */
static gboolean
org_at (const gunichar *t,
        guint           n,
        guint           at,
        OrgSpan        *span)
{
  guint length = 0;
  guint s = at;

  for (guint k = 0; org_suffixes[k]; k++)
    if (match_at (t, n, at, org_suffixes[k], &length))
      break;
  if (length == 0)
    return FALSE;
  s = place_start (t, at);
  span->start = s;
  span->end = at + length;
  span->place = at - s;
  return TRUE;
}

/* Whether the body named at @span is the kind the title names: a title
 * "市教育局…" takes "涿州市教育局" but not "自治区教育厅" or a "县教育局". */
static gboolean
same_kind (const gunichar *t,
           const OrgSpan  *span,
           const gunichar *title,
           const OrgSpan  *title_span)
{
  guint tail = title_span->end - title_span->start;
  guint len = span->end - span->start;

  if (title == NULL)
    return TRUE;
  if (len < tail)
    return FALSE;
  for (guint i = 0; i < tail; i++)
    if (t[span->end - tail + i] != title[title_span->start + i])
      return FALSE;
  return TRUE;
}

static gboolean
find_org (const gunichar *t,
          guint           n,
          gboolean        need_place,
          const gunichar *title,
          const OrgSpan  *title_span,
          OrgSpan        *found)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint best_count = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      OrgSpan span;

      if (t[i] != 0x6559 /* 教 */ && t[i] != 0x4EBA /* 人 */ && t[i] != 0x653F /* 政 */)
        continue;
      if (!org_at (t, n, i, &span))
        continue;
      i = span.end - 1;
      if (need_place && (span.place < 2 || !same_kind (t, &span, title, title_span)))
        continue;
      if (!need_place)
        {
          *found = span;
          return TRUE;
        }
      {
        g_autofree char *key = g_ucs4_to_utf8 (t + span.start, span.end - span.start,
                                               NULL, NULL, NULL);
        guint c;

        if (key == NULL)
          continue;
        c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;
        if (c > best_count)
          {
            best_count = c;
            *found = span;
            any = TRUE;
          }
        g_hash_table_insert (counts, g_steal_pointer (&key), GUINT_TO_POINTER (c));
      }
    }
  return any;
}

char *
luoshi_org_detect (LuoshiDocument *doc,
                   LuoshiReport   *report)
{
  g_autofree char *slice = NULL;
  g_autofree gunichar *t = NULL;
  glong n = 0;
  glong title_len = 0;
  guint title_place = 0;
  g_autofree char *title_name = NULL;
  g_autofree gunichar *title = NULL;
  OrgSpan title_org, body_org;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  slice = luoshi_document_slice_simplified (doc, report->start, report->end);
  t = g_utf8_to_ucs4_fast (slice ? slice : "", -1, &n);

  /* The title is the text's own line: look there first. */
  if (report->title != NULL && report->title[0] != '\0')
    {
      g_autofree char *simple = luoshi_script_simplify (report->title, -1);

      title = g_utf8_to_ucs4_fast (simple ? simple : report->title, -1, &title_len);

      if (find_org (title, title_len, FALSE, NULL, NULL, &title_org))
        {
          const char *from = g_utf8_offset_to_pointer (report->title, title_org.start);
          const char *to = g_utf8_offset_to_pointer (report->title, title_org.end);

          title_name = g_strndup (from, to - from);
          title_place = title_org.place;
        }
    }
  /* A title with a place name is the answer; otherwise a named body in
   * the text fills in ("市教育局工作总结" + 涿州市教育局 in the body). */
  if (title_name != NULL && title_place >= 2)
    return g_steal_pointer (&title_name);
  if (find_org (t, n, TRUE, title_name ? title : NULL, &title_org, &body_org))
    return luoshi_document_slice (doc, report->start + body_org.start,
                                  report->start + body_org.end);
  return g_steal_pointer (&title_name);
}
