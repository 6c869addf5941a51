/* test-decode.c: bytes of report files in every encoding to UTF-8
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "luoshi-decode.h"

/* Written for these tests in the style of a bureau report. */
static const char report_simplified[] =
  "城关区教育局2022年工作总结\n"
  "一、主要工作\n"
  "（一）全年新建幼儿园3所，新增学位900个，学前三年毛入园率达到91%。\n"
  "（二）完成12所学校的校舍维修，投入资金2300万元。\n"
  "二、存在问题\n"
  "农村学校教师不足，结构性缺编仍然突出。\n";

static const char report_traditional[] =
  "城關區教育局2022年工作總結\n"
  "一、主要工作\n"
  "（一）全年新建幼兒園3所，新增學位900個，學前三年毛入園率達到91%。\n"
  "（二）完成12所學校的校舍維修，投入資金2300萬元。\n"
  "二、存在問題\n"
  "農村學校教師不足，結構性缺編仍然突出。\n";

static GBytes *
encode (const char *text,
        const char *charset)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *out = g_convert (text, -1, charset, "UTF-8", NULL, &len, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (out, len);
}

static GBytes *
with_prefix (const char *prefix,
             gsize       prefix_len,
             GBytes     *bytes)
{
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, (const guint8 *) prefix, prefix_len);
  g_byte_array_append (array, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_byte_array_free_to_bytes (array);
}

static void
assert_decodes (GBytes     *bytes,
                const char *expected_text,
                const char *expected_encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  text = luoshi_decode_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                              "report.txt", &encoding, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected_text);
  g_assert_cmpuint (len, ==, strlen (expected_text));
  g_assert_cmpstr (encoding, ==, expected_encoding);
}

static void
test_utf8 (void)
{
  g_autoptr(GBytes) plain = g_bytes_new_static (report_simplified, strlen (report_simplified));
  g_autoptr(GBytes) bom = with_prefix ("\xef\xbb\xbf", 3, plain);

  assert_decodes (plain, report_simplified, "UTF-8");
  /* The byte-order mark is not part of the text. */
  assert_decodes (bom, report_simplified, "UTF-8");
}

static void
test_utf16_bom (void)
{
  g_autoptr(GBytes) le = encode (report_simplified, "UTF-16LE");
  g_autoptr(GBytes) be = encode (report_simplified, "UTF-16BE");
  g_autoptr(GBytes) le_bom = with_prefix ("\xff\xfe", 2, le);
  g_autoptr(GBytes) be_bom = with_prefix ("\xfe\xff", 2, be);

  assert_decodes (le_bom, report_simplified, "UTF-16LE");
  assert_decodes (be_bom, report_simplified, "UTF-16BE");
}

static void
test_utf16_no_bom (void)
{
  g_autoptr(GBytes) le = encode (report_simplified, "UTF-16LE");
  g_autoptr(GBytes) be = encode (report_simplified, "UTF-16BE");
  /* No line break or digit: no zero byte at all, only CJK code units. */
  g_autoptr(GBytes) pure = encode ("教育局工作总结全面推进素质教育", "UTF-16LE");

  assert_decodes (le, report_simplified, "UTF-16LE");
  assert_decodes (be, report_simplified, "UTF-16BE");
  assert_decodes (pure, "教育局工作总结全面推进素质教育", "UTF-16LE");
}

static void
test_gb18030 (void)
{
  g_autoptr(GBytes) gb = encode (report_simplified, "GB18030");
  g_autoptr(GBytes) gbk = encode (report_simplified, "GBK");

  assert_decodes (gb, report_simplified, "GB18030");
  /* GBK and GB2312 are subsets of GB18030. */
  assert_decodes (gbk, report_simplified, "GB18030");
}

static void
test_big5 (void)
{
  g_autoptr(GBytes) big5 = encode (report_traditional, "BIG5");

  /* Traditional characters are kept as written. */
  assert_decodes (big5, report_traditional, "BIG5");
}

static void
test_line_endings_kept (void)
{
  const char *crlf = "工作总结\r\n一、主要工作\r\n完成了任务。\r\n";
  const char *cr = "工作总结\r一、主要工作\r完成了任务。\r";
  g_autoptr(GBytes) a = g_bytes_new_static (crlf, strlen (crlf));
  g_autoptr(GBytes) b = g_bytes_new_static (cr, strlen (cr));

  /* Offsets in the export are into the text with its own line endings. */
  assert_decodes (a, crlf, "UTF-8");
  assert_decodes (b, cr, "UTF-8");
}

static void
assert_fails (const guint8 *data,
              gsize         len,
              int           code,
              const char   *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;

  text = luoshi_decode_bytes (data, len, "2023年工作总结.txt", &encoding, NULL, &error);
  g_assert_null (text);
  g_assert_null (encoding);
  g_assert_error (error, LUOSHI_DECODE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "“2023年工作总结.txt”"));
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_bad_input (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  static const guint8 zip[] = { 'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0 };
  static const guint8 nul[] = { 'a', 'b', 0, 0, 0, 'c', 0x01, 0x02, 0, 0xff, 'x' };
  static const guint8 blank[] = { ' ', '\n', '\r', '\n', '\t' };
  /* "工作" in GB18030, then 0xff: invalid in GB18030 and in Big5. */
  static const guint8 invalid[] = { 0xb9, 0xa4, 0xd7, 0xf7, 0xff, 0xff, 0xff, 0xff };
  static const guint8 bad_bom[] = { 0xef, 0xbb, 0xbf, 'a', 0xc3, 0x28 };

  assert_fails ((const guint8 *) "", 0, LUOSHI_DECODE_ERROR_EMPTY, "is empty");
  assert_fails (blank, sizeof blank, LUOSHI_DECODE_ERROR_EMPTY, "no text");
  assert_fails (png, sizeof png, LUOSHI_DECODE_ERROR_BINARY, "PNG image");
  assert_fails (zip, sizeof zip, LUOSHI_DECODE_ERROR_UNSUPPORTED, "Word document");
  assert_fails ((const guint8 *) "%PDF-1.4\n", 9, LUOSHI_DECODE_ERROR_UNSUPPORTED, "PDF");
  assert_fails (nul, sizeof nul, LUOSHI_DECODE_ERROR_BINARY, "zero byte at offset 2");
  assert_fails (invalid, sizeof invalid, LUOSHI_DECODE_ERROR_INVALID, "bad byte at offset 4");
  assert_fails (bad_bom, sizeof bad_bom, LUOSHI_DECODE_ERROR_INVALID, "offset 4");
}

static void
test_file_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("luoshi-decode-XXXXXX", &error);
  g_autofree char *big = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autoptr(GFile) big_file = g_file_new_for_path (big);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autofree char *text = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GBytes) raw = NULL;

  g_assert_no_error (error);
  g_file_set_contents (big, report_simplified, -1, &error);
  g_assert_no_error (error);

  text = luoshi_decode_file (big_file, 100, NULL, NULL, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“big.txt” is too large"));
  g_assert_nonnull (strstr (error->message, "the limit is 100 bytes"));
  g_clear_error (&error);

  text = luoshi_decode_file (missing_file, 0, NULL, NULL, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "missing.txt"));
  g_clear_error (&error);

  text = luoshi_decode_file (dir_file, 0, NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "is a folder"));
  g_clear_error (&error);

  text = luoshi_decode_file (big_file, 0, &encoding, NULL, &raw, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, report_simplified);
  g_assert_cmpstr (encoding, ==, "UTF-8");
  g_assert_cmpuint (g_bytes_get_size (raw), ==, strlen (report_simplified));

  g_unlink (big);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decode/utf8", test_utf8);
  g_test_add_func ("/decode/utf16/bom", test_utf16_bom);
  g_test_add_func ("/decode/utf16/no-bom", test_utf16_no_bom);
  g_test_add_func ("/decode/gb18030", test_gb18030);
  g_test_add_func ("/decode/big5", test_big5);
  g_test_add_func ("/decode/line-endings", test_line_endings_kept);
  g_test_add_func ("/decode/bad-input", test_bad_input);
  g_test_add_func ("/decode/file-errors", test_file_errors);

  return g_test_run ();
}
