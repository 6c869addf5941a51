/* test-import.c: folders of report files in mixed encodings
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "luoshi-decode.h"
#include "luoshi-import.h"

#include "test-util.h"

static const char review[] =
  "河西区教育局2021年工作总结\n"
  "一、主要工作\n"
  "全年新建幼儿园2所，完成了8所学校的校舍改造。\n"
  "二、存在问题\n"
  "城区学位仍然紧张。\n";

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("luoshi-import-XXXXXX", &error);
  g_autofree char *sub = g_build_filename (dir, "2022", NULL);

  g_assert_no_error (error);
  g_mkdir (sub, 0700);
  write_file_encoded (dir, "a-utf8.txt", review, NULL);
  write_file_encoded (dir, "b-gbk.txt", review, "GB18030");
  write_file_encoded (sub, "c-utf16.txt", review, "UTF-16LE");
  write_file_encoded (dir, ".hidden.txt", review, NULL);
  write_file_encoded (dir, "notes.json", "{}", NULL);
  write_file_encoded (dir, "d-empty.txt", "", NULL);
  write_file_encoded (dir, "e-report.docx", "PK\003\004rest", NULL);
  write_file_encoded (dir, "README", "教育局工作要点\n一、继续推进集团化办学。\n", NULL);
  return dir;
}

static gboolean
has_failure (GPtrArray  *failures,
             const char *name_part,
             int         code)
{
  for (guint i = 0; i < failures->len; i++)
    {
      LuoshiImportFailure *f = g_ptr_array_index (failures, i);
      if (strstr (f->path, name_part) && g_error_matches (f->error, LUOSHI_DECODE_ERROR, code))
        return TRUE;
    }
  return FALSE;
}

static void
progress_cb (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

static void
test_folder (void)
{
  g_autofree char *dir = make_folder ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  files = luoshi_import_collect (paths, failures, NULL, &error);
  g_assert_no_error (error);
  /* a, b, 2022/c, d-empty and README; not hidden, json or docx. */
  g_assert_cmpuint (files->len, ==, 5);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (has_failure (failures, "e-report.docx", LUOSHI_DECODE_ERROR_UNSUPPORTED));

  docs = luoshi_import_load (files, failures, progress_cb, &calls, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, files->len + 1);
  /* The empty file fails; the others go on. */
  g_assert_cmpuint (docs->len, ==, 4);
  g_assert_cmpuint (failures->len, ==, 2);
  g_assert_true (has_failure (failures, "d-empty.txt", LUOSHI_DECODE_ERROR_EMPTY));

  for (guint i = 0; i < docs->len; i++)
    {
      LuoshiDocument *doc = g_ptr_array_index (docs, i);

      g_assert_nonnull (doc->hash);
      g_assert_cmpuint (strlen (doc->hash), ==, 64);
      g_assert_cmpuint (doc->reports->len, >=, 1);
      if (g_str_equal (doc->name, "README"))
        continue;
      g_assert_cmpstr (doc->text, ==, review);
      if (g_str_equal (doc->name, "b-gbk.txt"))
        g_assert_cmpstr (doc->encoding, ==, "GB18030");
      else if (g_str_equal (doc->name, "c-utf16.txt"))
        g_assert_cmpstr (doc->encoding, ==, "UTF-16LE");
      else
        g_assert_cmpstr (doc->encoding, ==, "UTF-8");
    }
  remove_tree (dir);
}

static void
test_missing_path (void)
{
  const char *paths[] = { "/nonexistent/luoshi/reports", NULL };
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  files = luoshi_import_collect (paths, failures, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 0);
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_true (has_failure (failures, "nonexistent", LUOSHI_DECODE_ERROR_UNREADABLE));
}

static void
test_cancel (void)
{
  g_autofree char *dir = make_folder ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  files = luoshi_import_collect (paths, failures, NULL, &error);
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  docs = luoshi_import_load (files, failures, NULL, NULL, cancellable, &error);
  g_assert_null (docs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  remove_tree (dir);
}

static void
test_into_store (void)
{
  g_autofree char *dir = make_folder ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = g_build_filename (dir, "a-utf8.txt", NULL);
  LuoshiImportCounts counts = { 0 };

  store = luoshi_store_new (":memory:", &error);
  g_assert_no_error (error);
  files = luoshi_import_collect (paths, failures, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (luoshi_import_into_store (store, files, LUOSHI_IMPORT_FLAGS_NONE, failures,
                                           &counts, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_new, ==, 4);
  g_assert_cmpuint (counts.n_unchanged, ==, 0);
  g_assert_cmpuint (counts.n_items, >, 4);
  g_assert_true (has_failure (failures, "d-empty.txt", LUOSHI_DECODE_ERROR_EMPTY));
  stored = luoshi_store_list_files (store, &error);
  g_assert_cmpuint (stored->len, ==, 4);

  /* Unchanged files are skipped; a changed one is analysed again. */
  g_assert_true (g_file_set_contents (changed, "河西区教育局2022年工作要点\n一、新建学校3所。\n", -1, NULL));
  g_assert_true (luoshi_import_into_store (store, files, LUOSHI_IMPORT_FLAGS_NONE, failures,
                                           &counts, NULL, NULL, NULL, &error));
  g_assert_cmpuint (counts.n_new, ==, 0);
  g_assert_cmpuint (counts.n_updated, ==, 1);
  g_assert_cmpuint (counts.n_unchanged, ==, 3);

  /* A cancelled import keeps nothing of itself. */
  g_assert_true (g_file_set_contents (changed, "河西区教育局2023年工作要点\n一、新建学校4所。\n", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (luoshi_import_into_store (store, files, LUOSHI_IMPORT_FLAGS_NONE, failures,
                                            &counts, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (luoshi_store_can_undo (store));
  {
    g_autoptr(GPtrArray) hits = luoshi_store_search (store, "新建学校4所", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  /* After the rollback the next import still indexes what it adds. */
  g_assert_true (luoshi_import_into_store (store, files, LUOSHI_IMPORT_FLAGS_NONE, failures,
                                           &counts, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_updated, ==, 1);
  {
    g_autoptr(GPtrArray) hits = luoshi_store_search (store, "新建学校4所", 0, &error);
    g_autoptr(GPtrArray) old = luoshi_store_search (store, "新建学校3所", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (old->len, ==, 0);
  }
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/folder", test_folder);
  g_test_add_func ("/import/missing-path", test_missing_path);
  g_test_add_func ("/import/cancel", test_cancel);
  g_test_add_func ("/import/into-store", test_into_store);

  return g_test_run ();
}
