/* test-document.c: text, offsets and scripts of a document
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "luoshi-document.h"
#include "luoshi-script.h"

static void
test_simplify (void)
{
  g_autofree char *a = luoshi_script_simplify ("學前教育質量穩步提升，辦學條件明顯改善。", -1);
  g_autofree char *b = luoshi_script_simplify ("学前教育质量稳步提升", -1);
  g_autofree char *c = luoshi_script_simplify ("abc 123", -1);

  g_assert_cmpstr (a, ==, "学前教育质量稳步提升，办学条件明显改善。");
  g_assert_cmpstr (b, ==, "学前教育质量稳步提升");
  g_assert_cmpstr (c, ==, "abc 123");
}

static void
test_offsets (void)
{
  const char *text = "縣教育局工作總結\r\n一、主要工作\r\n完成校舍維修12所。\n";
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("a.txt", text, -1);
  g_autofree char *title = luoshi_document_slice (doc, 0, 8);
  g_autofree char *title_s = luoshi_document_slice_simplified (doc, 0, 8);
  g_autofree char *tail = luoshi_document_slice (doc, 18, 1000);
  g_autofree char *empty = luoshi_document_slice (doc, 5, 2);

  g_assert_cmpuint (doc->n_chars, ==, g_utf8_strlen (text, -1));
  g_assert_cmpuint (g_utf8_strlen (doc->simplified, -1), ==, doc->n_chars);
  g_assert_cmpstr (title, ==, "縣教育局工作總結");
  g_assert_cmpstr (title_s, ==, "县教育局工作总结");
  g_assert_cmpstr (tail, ==, "完成校舍維修12所。\n");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (luoshi_document_at (doc, 10), ==, "一、主要工作\r\n完成校舍維修12所。\n");

  /* CRLF ends one line; the CR is not a line of its own. */
  g_assert_cmpuint (luoshi_document_line_at (doc, 0), ==, 1);
  g_assert_cmpuint (luoshi_document_line_at (doc, 9), ==, 1);
  g_assert_cmpuint (luoshi_document_line_at (doc, 10), ==, 2);
  g_assert_cmpuint (luoshi_document_line_at (doc, 18), ==, 3);

  g_assert_cmpuint (luoshi_document_offset_of (doc, strlen ("縣教育局")), ==, 4);
}

static void
test_cr_lines (void)
{
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("b.txt", "一\r二\r三", -1);

  g_assert_cmpuint (luoshi_document_line_at (doc, 0), ==, 1);
  g_assert_cmpuint (luoshi_document_line_at (doc, 2), ==, 2);
  g_assert_cmpuint (luoshi_document_line_at (doc, 4), ==, 3);
}

static void
test_period_string (void)
{
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("c.txt", "总结", -1);
  LuoshiReport *report = luoshi_report_new ();
  char *s;

  luoshi_report_set_period_string (report, "2011H1");
  g_assert_cmpint (report->year, ==, 2011);
  g_assert_cmpint (report->half, ==, 1);
  s = luoshi_report_period_string (report);
  g_assert_cmpstr (s, ==, "2011H1");
  g_free (s);

  luoshi_report_set_period_string (report, "20xx");
  g_assert_cmpint (report->year, ==, 0);
  g_assert_null (luoshi_report_period_string (report));
  luoshi_report_free (report);
}

static void
test_section_path (void)
{
  g_autoptr(LuoshiDocument) doc = luoshi_document_new ("d.txt", "一、总结\n（三）教师\n", -1);
  LuoshiSection *top = luoshi_section_new ();
  LuoshiSection *child = luoshi_section_new ();
  g_autofree char *path = NULL;
  g_autofree char *none = NULL;

  g_free (top->label);
  top->label = g_strdup ("一、");
  g_free (child->label);
  child->label = g_strdup ("（三）");
  child->parent = 0;
  g_ptr_array_add (doc->sections, top);
  g_ptr_array_add (doc->sections, child);

  path = luoshi_document_section_path (doc, 1);
  none = luoshi_document_section_path (doc, -1);
  g_assert_cmpstr (path, ==, "一、（三）");
  g_assert_cmpstr (none, ==, "");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/simplify", test_simplify);
  g_test_add_func ("/document/offsets", test_offsets);
  g_test_add_func ("/document/cr-lines", test_cr_lines);
  g_test_add_func ("/document/period-string", test_period_string);
  g_test_add_func ("/document/section-path", test_section_path);

  return g_test_run ();
}
