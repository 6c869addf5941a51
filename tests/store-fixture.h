/* store-fixture.h: hand-built documents for the store and history tests
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents are built by hand (no segmenter, no extractor) from report
 * text written for these tests, so the store is tested on its own.
 */

#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "luoshi-document.h"
#include "luoshi-item.h"
#include "luoshi-metric.h"
#include "luoshi-store-private.h"

/* A short review + plan in simplified characters. */
#define FIXTURE_TEXT \
  "城关县教育局2023年工作总结\n" \
  "一、主要成绩\n" \
  "全县新建幼儿园3所，学前教育毛入园率达到92%。\n" \
  "（一）教师队伍建设\n" \
  "组织教师培训1200人次，教师队伍建设稳步推进。\n" \
  "二、存在问题\n" \
  "农村学校师资力量依然薄弱。\n" \
  "三、2024年工作要点\n" \
  "力争新建学校2所，确保义务教育巩固率保持在99%以上。\n"

/* The same office's report in traditional characters. */
#define FIXTURE_TRADITIONAL_TEXT \
  "山前鎮教育辦2023年工作總結\n" \
  "一、工作成績\n" \
  "全鎮教師隊伍建設穩步推進，新建學校兩所。\n"

/* Code point offset of the first @needle in @doc's text. */
static inline guint
fixture_offset (LuoshiDocument *doc,
                const char     *needle)
{
  const char *p = strstr (doc->text, needle);

  g_assert_nonnull (p);
  return luoshi_document_offset_of (doc, (gsize) (p - doc->text));
}

static inline guint
fixture_end (LuoshiDocument *doc,
             const char     *needle)
{
  return fixture_offset (doc, needle) + (guint) g_utf8_strlen (needle, -1);
}

/* Adds each line as a sentence of report 0 (headings marked). */
static inline void
fixture_add_sentences (LuoshiDocument *doc)
{
  guint line = 1;
  guint start = 0;

  for (guint i = 0; i <= doc->n_chars; i++)
    {
      gboolean at_end = i == doc->n_chars;

      if (at_end || g_utf8_get_char (luoshi_document_at (doc, i)) == '\n')
        {
          if (i > start)
            {
              LuoshiSentence *sentence = g_new0 (LuoshiSentence, 1);
              g_autofree char *text = luoshi_document_slice (doc, start, i);

              sentence->start = start;
              sentence->end = i;
              sentence->line = line;
              sentence->report = 0;
              sentence->section = -1;
              sentence->heading = g_str_has_prefix (text, "一、")
                                  || g_str_has_prefix (text, "二、")
                                  || g_str_has_prefix (text, "三、")
                                  || g_str_has_prefix (text, "（一）");
              g_ptr_array_add (doc->sentences, sentence);
            }
          start = i + 1;
          line++;
        }
    }
}

static inline LuoshiSection *
fixture_add_section (LuoshiDocument *doc,
                     int             parent,
                     const char     *label,
                     const char     *title,
                     guint           end,
                     LuoshiSectionKind kind)
{
  LuoshiSection *section = luoshi_section_new ();
  g_autofree char *heading = g_strconcat (label, title, NULL);

  section->parent = parent;
  section->report = 0;
  section->depth = parent < 0 ? 0 : 1;
  section->style = parent < 0 ? LUOSHI_OUTLINE_HAN : LUOSHI_OUTLINE_PAREN_HAN;
  section->number = 1;
  g_free (section->label);
  section->label = g_strdup (label);
  g_free (section->title);
  section->title = g_strdup (title);
  section->start = fixture_offset (doc, heading);
  section->heading_end = fixture_end (doc, heading);
  section->end = end;
  section->kind = kind;
  g_ptr_array_add (doc->sections, section);
  return section;
}

static inline LuoshiItem *
fixture_add_item (LuoshiDocument *doc,
                  LuoshiItemKind  kind,
                  const char     *text,
                  const char     *section_path)
{
  LuoshiItem *item;

  /* Variants of the text may lack an item: it is then not added. */
  if (strstr (doc->text, text) == NULL)
    return NULL;
  item = luoshi_item_new (kind, fixture_offset (doc, text), fixture_end (doc, text), text);
  item->report_index = 0;
  item->confidence = 0.8;
  luoshi_item_set_section_path (item, section_path);
  g_ptr_array_add (doc->items, item);
  return item;
}

static inline LuoshiMetric *
fixture_metric (const char       *text,
                double            value,
                LuoshiCommitment  commitment)
{
  LuoshiMetric *metric = luoshi_metric_new ();

  g_free (metric->text);
  metric->text = g_strdup (text);
  metric->known = TRUE;
  metric->value = metric->value_max = value;
  g_free (metric->unit);
  metric->unit = g_strdup ("所");
  metric->commitment = commitment;
  return metric;
}

/* A whole analysed document over @text (FIXTURE_TEXT or a variant that
 * keeps its headings): one report, four sections, sentences per line and
 * five items. */
static inline LuoshiDocument *
fixture_document_for (const char *path,
                      const char *text)
{
  LuoshiDocument *doc = luoshi_document_new ("2023年工作总结.txt", text, -1);
  LuoshiReport *report = luoshi_report_new ();
  LuoshiItem *item;
  guint problems, plan;

  doc->path = g_strdup (path);
  doc->hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  doc->size = strlen (text);
  doc->mtime = 1700000000;

  report->start = 0;
  report->end = doc->n_chars;
  report->first_line = 1;
  report->last_line = 9;
  g_free (report->title);
  report->title = g_strdup ("城关县教育局2023年工作总结");
  report->kind = LUOSHI_REPORT_REVIEW_PLAN;
  report->year = 2023;
  report->period_confidence = 0.9;
  report->period_evidence = g_strdup ("2023年工作总结");
  report->org = g_strdup ("城关县教育局");
  g_ptr_array_add (doc->reports, report);

  problems = fixture_offset (doc, "二、存在问题");
  plan = fixture_offset (doc, "三、2024年工作要点");
  fixture_add_section (doc, -1, "一、", "主要成绩", problems, LUOSHI_SECTION_REVIEW);
  fixture_add_section (doc, 0, "（一）", "教师队伍建设", problems, LUOSHI_SECTION_REVIEW);
  fixture_add_section (doc, -1, "二、", "存在问题", plan, LUOSHI_SECTION_PROBLEM);
  fixture_add_section (doc, -1, "三、", "2024年工作要点", doc->n_chars, LUOSHI_SECTION_PLAN);
  fixture_add_sentences (doc);

  item = fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "全县新建幼儿园3所", "一、");
  if (item != NULL)
    g_ptr_array_add (item->metrics, fixture_metric ("3所", 3, LUOSHI_COMMITMENT_PLAIN));
  fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "学前教育毛入园率达到92%", "一、");
  fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "组织教师培训1200人次", "一、（一）");
  fixture_add_item (doc, LUOSHI_ITEM_PROBLEM, "农村学校师资力量依然薄弱", "二、");
  item = fixture_add_item (doc, LUOSHI_ITEM_GOAL, "力争新建学校2所", "三、");
  if (item != NULL)
    g_ptr_array_add (item->metrics, fixture_metric ("2所", 2, LUOSHI_COMMITMENT_STRETCH));
  return doc;
}

static inline LuoshiDocument *
fixture_document (void)
{
  return fixture_document_for ("/fixture/城关县/2023年工作总结.txt", FIXTURE_TEXT);
}

/* The traditional-script document: one report, sentences, one item. */
static inline LuoshiDocument *
fixture_traditional_document (void)
{
  LuoshiDocument *doc = luoshi_document_new ("2023年工作總結.txt", FIXTURE_TRADITIONAL_TEXT, -1);
  LuoshiReport *report = luoshi_report_new ();

  doc->path = g_strdup ("/fixture/山前镇/2023年工作總結.txt");
  report->start = 0;
  report->end = doc->n_chars;
  report->first_line = 1;
  report->last_line = 3;
  report->kind = LUOSHI_REPORT_REVIEW;
  report->year = 2023;
  g_ptr_array_add (doc->reports, report);
  fixture_add_sentences (doc);
  fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "新建學校兩所", "一、");
  return doc;
}

/* The id of the live item whose text is @text in file @file_id. */
static inline gint64
fixture_item_id (LuoshiStore *store,
                 gint64       file_id,
                 const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = luoshi_store_list_file_items (store, file_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->text, text) == 0)
        return item->id;
    }
  return 0;
}

/* Imports fixture_document() into @store and returns its file id. */
static inline gint64
fixture_import (LuoshiStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  LuoshiImportResult result = LUOSHI_IMPORT_SKIPPED;
  gint64 file_id;

  luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_NEW);
  file_id = luoshi_store_find_file (store, doc->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (file_id, >, 0);
  return file_id;
}

/* A fresh path for a database file in the test's temporary folder. */
static inline char *
fixture_db_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own XDG folders. */
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "store-test", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}
