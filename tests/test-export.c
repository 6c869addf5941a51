/* test-export.c: the JSON export contract and the CSV of items
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "luoshi-csv.h"
#include "luoshi-export.h"
#include "luoshi-json.h"
#include "luoshi-metric.h"

/* A document put together by hand, so the test does not depend on
 * what segmentation and extraction find. */
static LuoshiDocument *
make_document (void)
{
  const char *text = "某区教育局工作要点\n新建幼儿园3-5所，经费**万元。\n";
  LuoshiDocument *doc = luoshi_document_new ("plan \"a\".txt", text, -1);
  LuoshiReport *report = luoshi_report_new ();
  LuoshiItem *item = luoshi_item_new (LUOSHI_ITEM_GOAL, 10, 28, "新建幼儿园3-5所，经费**万元。");
  LuoshiItem *done = luoshi_item_new (LUOSHI_ITEM_ACHIEVEMENT, 0, 9, "某区教育局工作要点");
  g_autoptr(GPtrArray) metrics = luoshi_metric_parse (item->text);
  const char *tags[] = { "学前", "key,tag", NULL };

  report->start = 0;
  report->end = doc->n_chars;
  report->first_line = 1;
  report->last_line = 2;
  g_free (report->title);
  report->title = g_strdup ("某区教育局工作要点");
  report->kind = LUOSHI_REPORT_PLAN;
  g_ptr_array_add (doc->reports, report);

  for (guint i = 0; i < metrics->len; i++)
    g_ptr_array_add (item->metrics, luoshi_metric_ref (g_ptr_array_index (metrics, i)));
  luoshi_item_set_section_path (item, "一、");
  luoshi_item_set_note (item, "line one\nline \"two\"");
  luoshi_item_set_tags (item, tags);
  item->status = LUOSHI_STATUS_PARTLY;
  luoshi_item_add_evidence (item, "review.txt", 5, 12, 3.5, "新建幼儿园2所");
  g_ptr_array_add (doc->items, item);
  g_ptr_array_add (doc->items, done);
  return doc;
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autofree char *json = NULL;

  g_ptr_array_add (docs, make_document ());
  json = luoshi_export_json_string (docs);

  g_assert_true (g_str_has_prefix (json, "{\"version\":1,\"reports\":["));
  g_assert_nonnull (strstr (json, "\"file\":\"plan \\\"a\\\".txt\""));
  g_assert_nonnull (strstr (json, "\"kind\":\"plan\""));
  /* An unknown period is null, not a guess. */
  g_assert_nonnull (strstr (json, "\"period\":null"));
  g_assert_nonnull (strstr (json, "\"kind\":\"goal\",\"start\":10,\"end\":28"));
  g_assert_nonnull (strstr (json, "\"value\":3,\"value_max\":5,\"unit\":\"所\",\"qualifier\":\"range\""));
  /* A masked figure is unknown, never zero. */
  g_assert_nonnull (strstr (json, "\"value\":null,\"value_max\":null,\"unit\":\"万元\""));
  g_assert_nonnull (strstr (json, "\"note\":\"line one\\nline \\\"two\\\"\""));
  g_assert_nonnull (strstr (json, "\"tags\":[\"学前\",\"key,tag\"]"));
  g_assert_nonnull (strstr (json, "\"status\":\"partly\""));
  g_assert_nonnull (strstr (json, "\"evidence\":[{\"file\":\"review.txt\",\"start\":5,\"end\":12"));
  /* Achievements carry no verdict. */
  g_assert_null (strstr (strstr (json, "\"kind\":\"achievement\""), "\"status\""));
}

static void
test_csv (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  char **row;

  g_ptr_array_add (docs, make_document ());
  csv = luoshi_export_csv_string (docs);
  g_assert_true (g_str_has_prefix (csv, LUOSHI_CSV_BOM));

  rows = luoshi_csv_parse (csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (g_strv_length (row), ==, 14);
  g_assert_cmpstr (row[0], ==, "plan \"a\".txt");
  g_assert_cmpstr (row[4], ==, "goal");
  g_assert_cmpstr (row[5], ==, "一、");
  g_assert_cmpstr (row[8], ==, "partly");
  g_assert_cmpstr (row[9], ==, "line one\nline \"two\"");
  g_assert_cmpstr (row[10], ==, "学前, key,tag");
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpstr (row[4], ==, "achievement");
  g_assert_cmpstr (row[8], ==, "");
}

static void
add_member (guint       index,
            const char *key,
            const char *value,
            gpointer    user_data)
{
  GPtrArray *objects = user_data;

  if (key == NULL)
    g_ptr_array_add (objects, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
  else
    g_hash_table_insert (g_ptr_array_index (objects, index), g_strdup (key), g_strdup (value));
}

/* The objects of @json as hash tables (member → value), or NULL. */
static GPtrArray *
parse_objects (const char *json)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  if (!luoshi_json_foreach_member (json, add_member, objects))
    return NULL;
  return g_steal_pointer (&objects);
}

static void
record_member (guint       index,
               const char *key,
               const char *value,
               gpointer    user_data)
{
  g_string_append_printf (user_data, "%u:%s=%s;", index,
                          key ? key : "{", value ? value : "null");
}

static void
test_json_foreach_member (void)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  /* Objects begin before their members; empty ones are reported too. */
  g_assert_true (luoshi_json_foreach_member ("[{\"a\":1,\"b\":\"x\\\"y\"},{},{\"c\":null}]",
                                             record_member, seen));
  g_assert_cmpstr (seen->str, ==, "0:{=null;0:a=1;0:b=x\"y;1:{=null;2:{=null;2:c=null;");

  g_string_truncate (seen, 0);
  g_assert_true (luoshi_json_foreach_member ("[]", record_member, seen));
  g_assert_cmpstr (seen->str, ==, "");
  g_assert_false (luoshi_json_foreach_member ("[{\"a\":}]", record_member, seen));
}

static void
test_json_read_back (void)
{
  g_autoptr(GString) out = g_string_new ("[{");
  g_autoptr(GPtrArray) objects = NULL;
  g_auto(GStrv) strings = NULL;
  GHashTable *o;

  luoshi_json_append_member (out, "text", "3-5所 \"引号\"\n换行");
  g_string_append_c (out, ',');
  luoshi_json_append_double (out, "value", 6.5);
  g_string_append_c (out, ',');
  luoshi_json_append_bool (out, "known", TRUE);
  g_string_append (out, ",\"unit\":null},{}]");

  objects = parse_objects (out->str);
  g_assert_nonnull (objects);
  g_assert_cmpuint (objects->len, ==, 2);
  o = g_ptr_array_index (objects, 0);
  g_assert_cmpstr (g_hash_table_lookup (o, "text"), ==, "3-5所 \"引号\"\n换行");
  g_assert_cmpstr (g_hash_table_lookup (o, "value"), ==, "6.5");
  g_assert_cmpstr (g_hash_table_lookup (o, "known"), ==, "true");
  g_assert_true (g_hash_table_contains (o, "unit"));
  g_assert_null (g_hash_table_lookup (o, "unit"));
  g_assert_cmpuint (g_hash_table_size (g_ptr_array_index (objects, 1)), ==, 0);

  strings = luoshi_json_parse_strings ("[\"学前\", \"\\u91cd\\u70b9\"]");
  g_assert_cmpuint (g_strv_length (strings), ==, 2);
  g_assert_cmpstr (strings[1], ==, "重点");

  /* Damaged text is refused, not half read. */
  g_assert_null (parse_objects ("[{\"text\":\"abc}]"));
  g_assert_null (parse_objects ("[{\"a\":1},"));
  g_assert_null (parse_objects ("{}"));
  g_assert_null (luoshi_json_parse_strings ("[\"a\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/json-read-back", test_json_read_back);
  g_test_add_func ("/export/json-foreach-member", test_json_foreach_member);

  return g_test_run ();
}
